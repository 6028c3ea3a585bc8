// Memory pictures in steps (crates/mdbook-memory): each `.memory-steps` holds every state, one
// after another, which is what readers without JavaScript and the print page get. Here it becomes
// a stepper: one state at a time, Previous/Next buttons (keyboard operable as buttons are), and
// the arrow keys, Home and End while the picture (or one of its buttons) has focus; there they
// move between states instead of turning mdBook's page.
(() => {
    'use strict';
    const setUp = (steps) => {
        const states = Array.from(steps.querySelectorAll(':scope > .memory-state'));
        if (states.length < 2) return;
        let current = 0;
        const nav = document.createElement('div');
        nav.className = 'memory-nav';
        const prev = document.createElement('button');
        prev.type = 'button';
        prev.textContent = '← Previous';
        const next = document.createElement('button');
        next.type = 'button';
        next.textContent = 'Next →';
        const status = document.createElement('span');
        status.className = 'memory-status';
        status.setAttribute('aria-live', 'polite');
        nav.append(prev, next, status);
        steps.before(nav);
        steps.classList.add('memory-stepper');
        steps.tabIndex = 0;
        steps.setAttribute('aria-label', 'picture in steps: use the left and right arrow keys');
        const show = (i) => {
            current = Math.max(0, Math.min(states.length - 1, i));
            states.forEach((s, j) => { s.hidden = j !== current; });
            prev.disabled = current === 0;
            next.disabled = current === states.length - 1;
            status.textContent = `Step ${current + 1} of ${states.length}`;
            steps.dataset.current = String(current + 1);
        };
        prev.addEventListener('click', () => show(current - 1));
        next.addEventListener('click', () => show(current + 1));
        const keys = (e) => {
            const to = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: states.length - 1 }[e.key];
            if (to === undefined || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
            // mdBook's own arrow keys turn the page: not while a picture has focus
            e.preventDefault();
            e.stopPropagation();
            show(to);
        };
        steps.addEventListener('keydown', keys);
        nav.addEventListener('keydown', (e) => { if (e.key !== 'Enter' && e.key !== ' ') keys(e); });
        show(0);
    };
    const start = () => document.querySelectorAll('.memory-steps').forEach(setUp);
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
