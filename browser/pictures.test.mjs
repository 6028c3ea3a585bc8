// The memory pictures (crates/mdbook-memory): on every page with one, in a light and a dark
// theme, each picture is an inline SVG that renders (a real size, a title, a description), its
// text has contrast against the page, the steppers move between states from the keyboard, the
// page logs no error, and at 360 px nothing scrolls sideways and no text is drawn too small to
// read (a wide picture shows its narrow drawing there: one drawing per state, the other
// display:none). With JavaScript off, and on paper, every state shows, readable. Screenshots of a
// few pictures go to artifacts/screenshots/; the text sizes at 360 px to artifacts/picture-text-360px.txt.
// Run by scripts/browser-test.sh; by hand: `cd browser && BOOK_DIR=../book node --test pictures.test.mjs`.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, pages, siteUrl } from './lib/book.mjs';
import { serveBook } from './lib/server.mjs';
import { launch, newContext } from './lib/checks.mjs';

const BOOK_DIR = path.resolve(process.env.BOOK_DIR || path.join(REPO, 'book'));
const ARTIFACTS = path.resolve(process.env.ARTIFACTS || path.join(REPO, 'artifacts', 'screenshots'));

if (!existsSync(path.join(BOOK_DIR, 'index.html'))) {
    test('the built book exists', () => assert.fail(`${BOOK_DIR}/index.html not found: build the book first`));
} else {
    suite();
}

function suite() {
    const html = (p) => readFileSync(path.join(BOOK_DIR, p), 'utf8');
    const WITH = pages(BOOK_DIR).filter((p) => p !== 'print.html' && html(p).includes('class="memory-picture"'));
    let browser;
    let server;
    let root;
    before(async () => {
        browser = await launch();
        server = await serveBook(BOOK_DIR, siteUrl());
        root = server.url;
        mkdirSync(ARTIFACTS, { recursive: true });
    });
    after(async () => {
        await browser?.close();
        await server?.close();
    });

    const open = async (context, p) => {
        const page = await context.newPage();
        const errors = [];
        page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(root + p, { waitUntil: 'load', timeout: 30_000 });
        return { page, errors };
    };

    test('the book has memory pictures, in at least 10 chapters, some in steps', () => {
        const chapters = WITH.filter((p) => /^ch\d\d-/.test(p));
        assert.ok(chapters.length >= 10, `pictures in ${chapters.length} chapters: ${chapters.join(', ')}`);
        assert.ok(WITH.some((p) => html(p).includes('class="memory-steps"')), 'no picture in steps');
    });

    describe('every page with a picture', () => {
        for (const p of WITH) {
            for (const theme of ['light', 'navy']) {
                test(`${p} (${theme})`, { timeout: 60_000 }, async () => {
                    const context = await newContext(browser, { theme });
                    try {
                        const { page, errors } = await open(context, p);
                        const problems = await page.evaluate(() => {
                            const out = [];
                            const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
                            const lum = ([r, g, b]) => {
                                const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
                            };
                            // the background the picture is drawn on: the first ancestor that paints one
                            const background = (el) => {
                                for (let e = el; e; e = e.parentElement) {
                                    const c = getComputedStyle(e).backgroundColor;
                                    const a = c.match(/rgba\(.*,\s*([\d.]+)\)/);
                                    if (!a || Number(a[1]) > 0) return rgb(c);
                                }
                                return [255, 255, 255];
                            };
                            for (const svg of document.querySelectorAll('.memory-picture svg')) {
                                const bg = background(svg);
                                const id = svg.closest('.memory-picture').id;
                                const box = svg.getBoundingClientRect();
                                // a hidden state, or the drawing for another width (display: none)
                                const hidden = svg.closest('[hidden]') || svg.getClientRects().length === 0;
                                if (!hidden && (box.width < 100 || box.height < 30)) out.push(`${id}: the SVG is ${box.width}x${box.height}`);
                                if (svg.getAttribute('role') !== 'img') out.push(`${id}: no role="img"`);
                                const title = svg.querySelector('title');
                                const desc = svg.querySelector('desc');
                                if (!title?.textContent.trim()) out.push(`${id}: no <title>`);
                                if (!desc?.textContent.trim()) out.push(`${id}: no <desc>`);
                                const labelled = (svg.getAttribute('aria-labelledby') || '').split(/\s+/);
                                if (!labelled.includes(title?.id) || !labelled.includes(desc?.id)) out.push(`${id}: aria-labelledby does not name the title and the description`);
                                const text = svg.querySelector('text');
                                if (text && !hidden) {
                                    const l1 = lum(rgb(getComputedStyle(text).fill));
                                    const l2 = lum(bg);
                                    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                                    if (ratio < 4.5) out.push(`${id}: text contrast ${ratio.toFixed(2)} against the page`);
                                }
                            }
                            // one drawing per state for readers and screen readers; where a state has
                            // a wide and a narrow one, both say the same
                            for (const state of document.querySelectorAll('.memory-picture .memory-state:not([hidden])')) {
                                const id = state.closest('.memory-picture').id;
                                const svgs = [...state.querySelectorAll('svg.memory-svg')];
                                const shown = svgs.filter((svg) => svg.getClientRects().length > 0);
                                if (shown.length !== 1) out.push(`${id}: a state shows ${shown.length} drawings`);
                                for (const part of ['title', 'desc']) {
                                    const texts = new Set(svgs.map((svg) => svg.querySelector(part)?.textContent));
                                    if (texts.size !== 1) out.push(`${id}: its drawings have different <${part}>s`);
                                }
                            }
                            return out;
                        });
                        assert.deepEqual(problems, [], `${p} (${theme}): ${problems.join('; ')}`);
                        // steppers: one state at a time; Next, the arrow keys, Previous
                        for (const steps of await page.locator('.memory-steps').all()) {
                            const count = Number(await steps.getAttribute('data-count'));
                            const visible = () => steps.locator(':scope > .memory-state:not([hidden])').count();
                            assert.equal(await visible(), 1, `${p}: a stepper shows one state`);
                            assert.equal(await steps.getAttribute('data-current'), '1');
                            await steps.focus();
                            await page.keyboard.press('ArrowRight');
                            assert.equal(await steps.getAttribute('data-current'), '2', `${p}: ArrowRight goes to state 2`);
                            await page.keyboard.press('End');
                            assert.equal(await steps.getAttribute('data-current'), String(count));
                            await page.keyboard.press('ArrowLeft');
                            assert.equal(await steps.getAttribute('data-current'), String(count - 1));
                            // the buttons, from the keyboard
                            const nav = steps.locator('xpath=preceding-sibling::div[contains(@class,"memory-nav")][1]');
                            let at = count - 1;
                            if (at > 1) {
                                await nav.locator('button', { hasText: 'Previous' }).focus();
                                await page.keyboard.press('Enter');
                                at -= 1;
                                assert.equal(await steps.getAttribute('data-current'), String(at), `${p}: Previous, with Enter`);
                            }
                            await nav.locator('button', { hasText: 'Next' }).focus();
                            await page.keyboard.press(' ');
                            assert.equal(await steps.getAttribute('data-current'), String(at + 1), `${p}: Next, with Space`);
                            assert.equal(await visible(), 1);
                        }
                        // the playground's crate list cannot be fetched offline (book.test.mjs allows it too)
                        const offline = /ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|^(TypeError: )?Failed to fetch$/;
                        const hasPlayground = await page.locator('pre.playground').count() > 0;
                        assert.deepEqual(errors.filter((e) => !(hasPlayground && offline.test(e))), [], `${p} (${theme}) logged errors`);
                        if (theme === 'navy' || p.startsWith('ch04') || p.startsWith('ch07')) {
                            const first = page.locator('.memory-picture').first();
                            await first.screenshot({ path: path.join(ARTIFACTS, `picture-${p.replace(/\.html$/, '')}-${theme}.png`), style: '#mdbook-menu-bar { visibility: hidden !important; }' });
                        }
                    } finally {
                        await context.close();
                    }
                });
            }
        }
    });

    test('at 360 px no picture makes the page scroll sideways', { timeout: 120_000 }, async () => {
        const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
        try {
            for (const p of WITH) {
                const { page } = await open(context, p);
                const wide = await page.evaluate(() => [...document.querySelectorAll('.memory-picture')]
                    .filter((f) => f.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((f) => f.id));
                assert.deepEqual(wide, [], `${p}: wider than the screen at 360 px`);
                if (p.startsWith('ch04')) await page.locator('.memory-picture').first().screenshot({ path: path.join(ARTIFACTS, 'picture-ch04-moves-360px.png') });
                await page.close();
            }
        } finally {
            await context.close();
        }
    });

    // The smallest text a picture may show, in CSS px, measured as it is drawn (its font size
    // times the scale the SVG is drawn at). 10 px: the pictures' own smallest style is 11 px
    // (legends, cell labels; names and values are 12 px, like the code blocks' 0.875em), and
    // the platforms' smallest text styles are about the same (Apple's caption 2 is 11 pt, Material's
    // smallest label 11 sp). Below 10 px a phone's reader has to zoom to read an address; 10
    // still lets a picture drawn at 11 px shrink by a tenth (a 320 px phone), no more.
    const MIN_TEXT_PX = 10;
    /** For every picture of the page, every state shown, the smallest text as drawn. */
    const textSizes = (page) => page.evaluate(() => {
        // a stepper shows one state at a time: measure them all
        document.querySelectorAll('.memory-steps .memory-state[hidden]').forEach((s) => { s.hidden = false; });
        const out = [];
        for (const figure of document.querySelectorAll('.memory-picture')) {
            let min = Infinity;
            let smallest = '';
            const shown = [...figure.querySelectorAll('svg.memory-svg')].filter((svg) => svg.getClientRects().length > 0);
            for (const svg of shown) {
                for (const t of svg.querySelectorAll('text')) {
                    if (!t.textContent.trim()) continue;
                    const m = t.getScreenCTM();
                    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
                    if (px < min) { min = px; smallest = t.textContent; }
                }
            }
            out.push({ id: figure.id, svgs: shown.length, min: Math.round(min * 10) / 10, smallest, width: Math.round(figure.getBoundingClientRect().width) });
        }
        return out;
    });

    test(`at 360 px every picture's text is drawn at ${MIN_TEXT_PX} px or more`, { timeout: 120_000 }, async () => {
        const context = await newContext(browser, { viewport: { width: 360, height: 740 } });
        const small = [];
        const table = [];
        try {
            for (const p of WITH) {
                const { page } = await open(context, p);
                for (const s of await textSizes(page)) {
                    table.push(`${p}\t${s.id}\t${s.min.toFixed(1)} px\t(${s.svgs} SVG shown, figure ${s.width} px wide; smallest: ${s.smallest})`);
                    if (!(s.min >= MIN_TEXT_PX)) small.push(`${p}: ${s.id}: text drawn at ${s.min.toFixed(1)} px ("${s.smallest}")`);
                }
                // two pictures reflowed for the phone: a layout's rows, stack above heap
                for (const id of ['picture-data-niche', 'picture-const-copies-literal']) {
                    const figure = page.locator(`#${id}`);
                    if (await figure.count()) await figure.screenshot({ path: path.join(ARTIFACTS, `${id}-360px.png`) });
                }
                await page.close();
            }
        } finally {
            await context.close();
            writeFileSync(path.join(ARTIFACTS, '..', 'picture-text-360px.txt'), `${table.join('\n')}\n`);
        }
        assert.deepEqual(small, [], `at 360 px, text under ${MIN_TEXT_PX} px:\n${small.join('\n')}`);
    });

    // On paper: A4 is 794 CSS px wide, less Chrome's default margins (1 cm each side), 718.
    test(`on paper (718 px wide), every picture's text is drawn at ${MIN_TEXT_PX} px or more`, { timeout: 120_000 }, async () => {
        const context = await newContext(browser, { viewport: { width: 718, height: 1000 } });
        const small = [];
        try {
            for (const p of WITH) {
                const { page } = await open(context, p);
                await page.emulateMedia({ media: 'print' });
                for (const s of await textSizes(page)) {
                    if (!(s.min >= MIN_TEXT_PX)) small.push(`${p}: ${s.id}: text drawn at ${s.min.toFixed(1)} px ("${s.smallest}")`);
                }
                await page.close();
            }
        } finally {
            await context.close();
        }
        assert.deepEqual(small, [], `on paper, text under ${MIN_TEXT_PX} px:\n${small.join('\n')}`);
    });

    test('without JavaScript, and on paper, every state of a stepper shows', { timeout: 60_000 }, async () => {
        const p = WITH.find((q) => html(q).includes('class="memory-steps"'));
        const context = await browser.newContext({ javaScriptEnabled: false });
        try {
            const page = await context.newPage();
            await page.goto(root + p, { waitUntil: 'load' });
            const steps = page.locator('.memory-steps').first();
            const count = Number(await steps.getAttribute('data-count'));
            const shown = await steps.locator(':scope > .memory-state').evaluateAll((s) => s.filter((e) => e.getBoundingClientRect().height > 0).length);
            assert.equal(shown, count, `${p}: without JavaScript ${shown} of ${count} states show`);
        } finally {
            await context.close();
        }
        const printing = await newContext(browser, {});
        try {
            const { page } = await open(printing, p);
            await page.emulateMedia({ media: 'print' });
            const steps = page.locator('.memory-steps').first();
            const count = Number(await steps.getAttribute('data-count'));
            const shown = await steps.locator(':scope > .memory-state').evaluateAll((s) => s.filter((e) => e.getBoundingClientRect().height > 0).length);
            assert.equal(shown, count, `${p}: in print ${shown} of ${count} states show`);
        } finally {
            await printing.close();
        }
    });
}
