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
