// Facts about the book and its build that the tests need: where things are, which pages exist.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** book.toml's `[output.html] site-url`, the path GitHub Pages serves the book under. */
export function siteUrl(repo = REPO) {
    const toml = readFileSync(path.join(repo, 'book.toml'), 'utf8');
    const m = toml.match(/^\s*site-url\s*=\s*"([^"]*)"/m);
    return m ? m[1] : '/';
}

/**
 * Every HTML page of a built book, relative to its root, sorted; toc.html (the sidebar, shown
 * in an iframe only when JavaScript is off) is left out. Pages under assets/ are not the book's.
 */
export function pages(bookDir) {
    const out = [];
    const walk = (rel) => {
        for (const name of readdirSync(path.join(bookDir, rel))) {
            const r = rel ? `${rel}/${name}` : name;
            if (statSync(path.join(bookDir, r)).isDirectory()) {
                if (r !== 'assets' && r !== 'theme' && r !== 'fonts' && r !== 'css') walk(r);
            } else if (r.endsWith('.html') && r !== 'toc.html') {
                out.push(r);
            }
        }
    };
    walk('');
    return out.sort();
}

/** The chapter pages in reading order, as the sidebar (toc.html) lists them. */
export function readingOrder(bookDir) {
    const toc = readFileSync(path.join(bookDir, 'toc.html'), 'utf8');
    const seen = new Set();
    for (const m of toc.matchAll(/<a href="([^"#]+\.html)"/g)) seen.add(m[1]);
    return [...seen];
}
