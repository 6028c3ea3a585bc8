// What the browser suite checks on a page, as functions that return failures (strings naming
// what is wrong) instead of throwing, so that the suite reports every problem of a page at once
// and the tests of the checks (checks.test.mjs) can run them on deliberately broken books.

import { chromium } from 'playwright-core';
import { checkQuizzesMounted } from './quiz.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Headless Chromium as root, without the background traffic that would otherwise hit the closed
// network (see /work/shared/design/toolchain-notes.md, "Browser").
export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
];

export const THEMES = ['light', 'rust', 'coal', 'navy', 'ayu'];
export const DARK_THEMES = new Set(['coal', 'navy', 'ayu']);

// The one request a page may make to another host: mdBook asks the playground which crates it
// has before it shows the Run buttons. The suite never lets it leave the machine: offline it is
// aborted (as when a reader has no network: mdBook then keeps every Run button hidden, and the
// failed fetch logs one console error and one unhandled rejection, which are expected), and the
// Run-button test answers it with a stub.
export const CRATES_URL = 'https://play.rust-lang.org/meta/crates';
export const EVALUATE_URL = 'https://play.rust-lang.org/evaluate.json';

export function launch() {
    return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

function isLoopback(url) {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return true; // data:, blob:, about:
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]'
        || /^127\./.test(u.hostname);
}

/**
 * A browser context in `theme`, in which no request leaves the machine. `playground` is
 * 'offline' (the crate-list request fails) or a function (route) => Promise that answers
 * requests to the playground (for the Run-button test).
 * The context's `external` array records every request to another host.
 */
export async function newContext(browser, { theme = 'light', playground = 'offline', viewport } = {}) {
    const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 900 } });
    context.external = [];
    // The theme a reader chose before: set once per tab, so that a choice made in the page (the
    // theme menu) survives a reload.
    await context.addInitScript((t) => {
        try {
            if (!sessionStorage.getItem('browser-test-theme')) {
                localStorage.setItem('mdbook-theme', t);
                sessionStorage.setItem('browser-test-theme', t);
            }
        } catch { /* about:blank has no storage */ }
    }, theme);
    await context.route('**/*', async (route) => {
        const req = route.request();
        if (isLoopback(req.url())) return route.continue();
        context.external.push(`${req.method()} ${req.url()}`);
        if (req.url().startsWith('https://play.rust-lang.org/') && typeof playground === 'function') {
            return playground(route);
        }
        return route.abort('internetdisconnected');
    });
    return context;
}

/**
 * Loads `url` in a new page of `context` and checks it. Returns { page, failures, info }; the
 * caller closes the page. `expectStatus` is the HTTP status the document must have.
 *
 * It also weighs the page as the browser loaded it: the document plus every script and
 * stylesheet it fetched (lazily loaded ones included; fonts, images and the search index, fetched
 * on demand, are not counted). A page without a diagram or a quiz must weigh at most
 * `limitKiB` (400 KiB). The weight is returned in `info.weight` (bytes) with `info.heavy`.
 */
export const PAGE_LIMIT_KIB = 400;
export async function loadAndCheck(context, url, { expectStatus = 200, theme = 'light', root, limitKiB = PAGE_LIMIT_KIB } = {}) {
    const page = await context.newPage();
    const failures = [];
    const consoleErrors = [];
    const pageErrors = [];
    const badResponses = [];
    const loaded = new Set();
    const bodies = [];
    const externalBefore = context.external.length;
    page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push({ text: m.text(), url: m.location()?.url ?? '' });
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('requestfailed', (r) => {
        if (isLoopback(r.url())) badResponses.push(`${r.url()} (${r.failure()?.errorText})`);
    });
    page.on('response', (r) => {
        if (!isLoopback(r.url())) return;
        if (r.status() >= 400 && !(r.url() === url && r.status() === expectStatus)) {
            badResponses.push(`${r.url()} (HTTP ${r.status()})`);
        }
        const type = r.request().resourceType();
        if (root && (type === 'script' || type === 'stylesheet') && r.url().startsWith(root)) {
            loaded.add(decodeURI(r.url().slice(root.length).split(/[?#]/)[0]));
        }
        if (type === 'document' || type === 'script' || type === 'stylesheet') {
            bodies.push(r.body().then((b) => b.length, () => 0));
        }
    });

    let response;
    try {
        response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        // Let the playground's crate-list fetch fail and late scripts run.
        await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    } catch (e) {
        failures.push(`did not load: ${e.message.split('\n')[0]}`);
        return { page, failures, info: {} };
    }
    if (response.status() !== expectStatus) failures.push(`HTTP status ${response.status()}, expected ${expectStatus}`);

    failures.push(...await checkTheme(page, theme));
    failures.push(...await checkDiagrams(page));
    failures.push(...await checkQuizzesMounted(page));
    failures.push(...await checkMarks(page));
    failures.push(...await checkPlaygrounds(page));

    // Network: only loopback, and everything found.
    const hasPlayground = await page.locator('pre.playground').count() > 0;
    const external = context.external.slice(externalBefore);
    const cratesAsked = external.filter((r) => r === `POST ${CRATES_URL}`).length;
    for (const r of external) {
        if (!(r === `POST ${CRATES_URL}` && hasPlayground)) failures.push(`request to another host: ${r}`);
    }
    for (const r of badResponses) failures.push(`failed request: ${r}`);

    // Weight: what the browser fetched for the document, its scripts and its styles.
    const weight = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
    const heavy = await page.locator('pre.mermaid, .quiz-placeholder').count() > 0;
    if (!heavy && weight > limitKiB * 1024) {
        failures.push(`weighs ${(weight / 1024).toFixed(1)} KiB > ${limitKiB} KiB, and it has no diagram or quiz `
            + `(the document, scripts and styles it loaded: ${[...loaded].sort().join(', ')})`);
    }

    // Console: nothing but the crate-list failure (one console error and one rejection per fetch).
    let allowedRejections = cratesAsked;
    for (const e of consoleErrors) {
        if (e.url === CRATES_URL && hasPlayground) continue;
        if (e.url === url && expectStatus >= 400 && /status of \d+/.test(e.text)) continue;
        failures.push(`console error: ${e.text}${e.url ? ` (${e.url})` : ''}`);
    }
    for (const e of pageErrors) {
        if (/^(TypeError: )?Failed to fetch$|^timeout$/.test(e) && allowedRejections > 0) {
            allowedRejections--;
            continue;
        }
        failures.push(`uncaught error: ${e}`);
    }
    return { page, failures, info: { loaded: [...loaded].sort(), hasPlayground, weight, heavy } };
}

/** The theme class mdBook 0.5 puts on <html>. */
export async function checkTheme(page, theme) {
    const classes = await page.evaluate(() => [...document.documentElement.classList]);
    return classes.includes(theme) ? [] : [`theme ${theme} not applied (<html class="${classes.join(' ')}">)`];
}

/**
 * Every `pre.mermaid` holds a rendered SVG (not mermaid's error picture) with its accTitle and
 * accDescr, and the mermaid script was loaded if and only if the page has a diagram.
 */
export async function checkDiagrams(page, timeout = 20_000) {
    const failures = [];
    const count = await page.locator('pre.mermaid').count();
    const loaded = await page.evaluate(() => typeof window.mermaid !== 'undefined');
    if (count === 0) {
        if (loaded) failures.push('loads mermaid but has no diagram');
        return failures;
    }
    try {
        await page.waitForFunction(
            () => [...document.querySelectorAll('pre.mermaid')].every((p) => p.querySelector('svg')),
            null,
            { timeout },
        );
    } catch {
        // reported below, diagram by diagram
    }
    failures.push(...await page.evaluate(() => [...document.querySelectorAll('pre.mermaid')].flatMap((pre, i) => {
        const svg = pre.querySelector('svg');
        const source = pre.textContent.replace(/\s+/g, ' ').trim();
        const name = `diagram ${i + 1}`;
        if (!svg) return [`${name} not rendered to SVG (still text: "${source.slice(0, 80)}")`];
        if (svg.getAttribute('aria-roledescription') === 'error' || /Syntax error in text/.test(svg.textContent)) {
            return [`${name} rendered as mermaid's error picture (a syntax error in the diagram)`];
        }
        const title = svg.querySelector(':scope > title')?.textContent.trim();
        const desc = svg.querySelector(':scope > desc')?.textContent.trim();
        const out = [];
        const box = svg.getBoundingClientRect();
        if (box.width < 20 || box.height < 20) out.push(`${name} ("${title}") rendered empty (${box.width}x${box.height})`);
        if (!title) out.push(`${name} has no accTitle in its SVG`);
        if (!desc) out.push(`${name} ("${title}") has no accDescr in its SVG`);
        return out;
    })));
    if (!loaded) failures.push('has diagrams, but the mermaid script was not loaded');
    return failures;
}

/**
 * The marks on code that does not compile and code that panics (theme/marks.css): the label is
 * shown, readable (contrast of its text >= 4.5), stands out from what is behind it, and does not
 * cover the code.
 */
export async function checkMarks(page) {
    return page.evaluate(() => {
        const rgb = (c) => {
            const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
            return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : null;
        };
        const lum = ({ r, g, b }) => {
            const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const contrast = (a, b) => {
            const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
            return (x + 0.05) / (y + 0.05);
        };
        const behind = (el) => {
            for (let e = el; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c && c.a > 0.5) return c;
            }
            return { r: 255, g: 255, b: 255, a: 1 };
        };
        const out = [];
        const marks = [['compile_fail', 'does not compile'], ['should_panic', 'panics']];
        for (const [cls, label] of marks) {
            document.querySelectorAll(`pre > code.${cls}`).forEach((code, i) => {
                const pre = code.parentElement;
                const name = `the ${cls} mark on block ${i + 1}`;
                const before = getComputedStyle(pre, '::before');
                if (before.content !== `"${label}"`) {
                    out.push(`${name}: label is ${before.content}, expected "${label}"`);
                    return;
                }
                if (before.display === 'none' || before.visibility !== 'visible' || +before.opacity < 0.9) {
                    out.push(`${name}: label hidden (display ${before.display}, visibility ${before.visibility}, opacity ${before.opacity})`);
                }
                const fg = rgb(before.color);
                const bg = rgb(before.backgroundColor);
                const under = behind(pre);
                if (!fg || !bg) {
                    out.push(`${name}: cannot read its colours (${before.color} on ${before.backgroundColor})`);
                    return;
                }
                const text = contrast(fg, bg);
                if (text < 4.5) out.push(`${name}: label text contrast ${text.toFixed(2)} < 4.5`);
                const badge = Math.max(contrast(bg, under), contrast(fg, under));
                if (badge < 3) out.push(`${name}: label does not stand out from the block (contrast ${badge.toFixed(2)} < 3)`);
                const top = parseFloat(before.top);
                const height = parseFloat(before.height);
                const codeTop = code.getBoundingClientRect().top - pre.getBoundingClientRect().top
                    + parseFloat(getComputedStyle(code).paddingTop);
                if (!(height > 0)) out.push(`${name}: label has no height (${before.height})`);
                else if (top + height > codeTop + 1) out.push(`${name}: label covers the code (ends at ${(top + height).toFixed(1)}px, code starts at ${codeTop.toFixed(1)}px)`);
                const width = parseFloat(before.width);
                if (width > pre.getBoundingClientRect().width) out.push(`${name}: label wider than the block`);
            });
        }
        return out;
    });
}

/**
 * Runnable blocks: every Rust block that is not `noplayground` is playground markup
 * (`pre.playground`, a Run button) and is sent as edition 2024 (class edition2024). Offline, the
 * crate-list fetch fails and mdBook keeps every Run button hidden: that is expected here; the
 * test 'Run sends the whole program as edition 2024' answers the fetch and clicks one.
 */
export async function checkPlaygrounds(page) {
    return page.evaluate(() => {
        const out = [];
        document.querySelectorAll('pre > code.language-rust').forEach((code, i) => {
            const pre = code.parentElement;
            const name = `Rust block ${i + 1} (${code.className})`;
            if (code.classList.contains('noplayground')) return;
            if (!pre.classList.contains('playground')) out.push(`${name} is not playground markup (pre.playground)`);
            if (!code.classList.contains('edition2024')) out.push(`${name} lacks class edition2024 (the Run button would send another edition)`);
            if (!pre.querySelector('.play-button')) out.push(`${name} has no Run button in its markup`);
        });
        return out;
    });
}

/** Throws one error listing every failure, each prefixed with `where`. */
export function assertNoFailures(where, failures) {
    if (failures.length) {
        throw new Error(`${where}:\n  - ${failures.join('\n  - ')}`);
    }
}
