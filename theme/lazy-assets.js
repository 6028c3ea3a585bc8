// Loads heavy scripts and styles only on the pages that use them.
//
// mdBook's `additional-js` puts a <script> on every page, so mermaid (2.6 MB) would load on pages
// without a diagram. This small script is the only one listed there: it looks for the elements
// each entry names and, on a page that has one, adds that entry's scripts and styles. The files
// live under src/assets/ (mdBook copies src/ into the book unchanged, without renaming them).
//
// Scripts are added with async = false: they run in the listed order, and before the window's
// `load` event, so mermaid-init.js (as shipped by mdbook-mermaid) works unchanged: it calls
// mermaid.initialize({ startOnLoad: true }) and mermaid renders every `pre.mermaid` on `load`.
//
// Ace, the code editor, loads only when a reader presses a block's Edit button (see `edit`).
//
// To lazy-load something else (a quiz script, say), add one entry, on one line, in this exact
// shape: scripts/page-weight.py reads this table to count the files on the pages that load them
// (it understands selectors of the form `tag`, `.class` and `tag.class`).
(() => {
    'use strict';
    const LAZY = [
        { selector: 'pre.mermaid', scripts: ['assets/mermaid.min.js', 'assets/mermaid-init.js'], styles: [] },
    ];

    // This file is <book>/theme/lazy-assets-<hash>.js; the paths above are from <book>/.
    const root = new URL('../', document.currentScript.src);

    const load = (src) => new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL(src, root).href;
        script.async = false;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`lazy-assets: could not load ${script.src}`));
        document.body.appendChild(script);
    });

    // Editing on demand. mdBook's `editable` playground loads the Ace editor (about 380 KB) on
    // every page; here each runnable block gets an Edit button instead, and Ace loads the first
    // time a reader presses one. The block then becomes the editor mdBook's own code expects
    // (`code.editable` with an Ace editor in window.editors), so Run sends the edited program and
    // the theme switcher recolours it. Hidden lines are part of the program, so they show in the
    // editor.
    const ACE = ['assets/ace/ace.js', 'assets/ace/mode-rust.js', 'assets/ace/theme-dawn.js', 'assets/ace/theme-tomorrow_night.js'];
    const DARK = ['coal', 'navy', 'ayu'];
    let aceLoaded = null;
    const edit = async (code, button) => {
        button.disabled = true;
        aceLoaded ??= ACE.reduce((done, src) => done.then(() => load(src)), Promise.resolve());
        await aceLoaded;
        window.editors ??= [];
        code.classList.add('editable');
        const editor = window.ace.edit(code);
        editor.setOptions({
            highlightActiveLine: false,
            showPrintMargin: false,
            showLineNumbers: false,
            showGutter: false,
            maxLines: Infinity,
            fontSize: '0.875em',
        });
        editor.$blockScrolling = Infinity;
        editor.getSession().setMode('ace/mode/rust');
        const dark = DARK.some((theme) => document.documentElement.classList.contains(theme));
        editor.setTheme(dark ? 'ace/theme/tomorrow_night' : 'ace/theme/dawn');
        editor.originalCode = editor.getValue();
        window.editors.push(editor);
        editor.focus();
        button.remove();
    };
    for (const pre of document.querySelectorAll('pre.playground')) {
        const code = pre.querySelector('code.language-rust');
        const buttons = pre.querySelector('.buttons');
        if (!code || !buttons || code.classList.contains('editable')) {
            continue;
        }
        const button = document.createElement('button');
        button.className = 'edit-button';
        button.title = 'Edit this code (hidden lines included), then Run it';
        button.setAttribute('aria-label', button.title);
        // A pencil (an inline SVG, like mdBook's own button icons: no font needed).
        button.innerHTML = '<span class="fa-svg"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="1em" height="1em" aria-hidden="true">'
            + '<path fill="currentColor" d="M362.7 19.3 314.3 67.7 444.3 197.7 492.7 149.3c25-25 25-65.5 0-90.5L453.3 19.3c-25-25-65.5-25-90.5 0zm-71 71L58.6 323.5c-10.4 10.4-18 23.3-22.2 37.4L1 481.2C-1.5 489.7.8 498.8 7 505s15.3 8.5 23.7 6.1l120.3-35.4c14.1-4.2 27-11.8 37.4-22.2L421.7 220.3 291.7 90.3z"/></svg></span>';
        button.addEventListener('click', () => edit(code, button).catch((e) => console.error(e.message)));
        buttons.insertBefore(button, buttons.firstChild);
    }

    for (const entry of LAZY) {
        if (!document.querySelector(entry.selector)) {
            continue;
        }
        for (const href of entry.styles) {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = new URL(href, root).href;
            document.head.appendChild(link);
        }
        for (const src of entry.scripts) {
            const script = document.createElement('script');
            script.src = new URL(src, root).href;
            script.async = false;
            script.onerror = () => console.error(`lazy-assets: could not load ${script.src}`);
            document.body.appendChild(script);
        }
    }
})();
