// The browser suite: the built book, served on loopback, in headless Chromium (Debian's), as a
// reader gets it. Run it with `bash scripts/browser-test.sh` (which builds and serves the book);
// by hand: `cd browser && BOOK_DIR=../book node --test book.test.mjs` (it then serves BOOK_DIR
// itself, under book.toml's site-url, as GitHub Pages would).
//
// Every page is checked in a light and a dark theme (see loadAndCheck in lib/checks.mjs for the
// list), and weighed as the browser loaded it (a table goes to artifacts/page-weights.txt).
// Screenshots of a few key pages go to artifacts/screenshots/ (gitignored).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, pages, readingOrder, siteUrl } from './lib/book.mjs';
import { serveBook } from './lib/server.mjs';
import {
    CRATES_URL, EVALUATE_URL, DARK_THEMES, PAGE_LIMIT_KIB, THEMES, assertNoFailures, checkDiagrams,
    checkMarks, launch, loadAndCheck, newContext,
} from './lib/checks.mjs';
import { QUIZ_SELECTOR, answerOneQuestion, answerQuestion } from './lib/quiz.mjs';

const BOOK_DIR = path.resolve(process.env.BOOK_DIR || path.join(REPO, 'book'));
const ARTIFACTS = path.resolve(process.env.ARTIFACTS || path.join(REPO, 'artifacts', 'screenshots'));
// A light and a dark theme for every page; all five for the marks and the theme switch.
const PAGE_THEMES = ['light', 'navy'];

if (!existsSync(path.join(BOOK_DIR, 'index.html'))) {
    test('the built book exists', () => {
        assert.fail(`${BOOK_DIR}/index.html not found: build the book first (bash scripts/build-book.sh)`);
    });
} else {
    suite();
}

function suite() {
    const PAGES = pages(BOOK_DIR);
    const html = (p) => readFileSync(path.join(BOOK_DIR, p), 'utf8');
    const withDiagram = PAGES.filter((p) => html(p).includes('class="mermaid"'));
    const CHAPTERS = readingOrder(BOOK_DIR);
    const firstWith = (re) => CHAPTERS.find((p) => re.test(html(p)));
    // Key pages for screenshots: the Introduction, the first chapters with a diagram, with each
    // mark and with a quiz, and the 404 page.
    const KEY = new Set(['introduction.html', firstWith(/class="mermaid"/), firstWith(/class="[^"]*\bcompile_fail\b/),
        firstWith(/class="[^"]*\bshould_panic\b/), firstWith(/class="quiz-placeholder"/)].filter(Boolean));

    let browser;
    let server;
    let root;
    let weights;
    before(async () => {
        browser = await launch();
        server = await serveBook(BOOK_DIR, siteUrl());
        root = server.url;
        weights = {};
        mkdirSync(ARTIFACTS, { recursive: true });
    });
    after(async () => {
        // The page weights, as the browser loaded the pages (light theme): a table in the
        // artifacts, and the heaviest page under the budget on the console.
        const rows = Object.entries(weights).sort(([a], [b]) => a.localeCompare(b));
        if (rows.length) {
            const kib = (n) => (n / 1024).toFixed(1).padStart(8);
            const table = rows.map(([p, w]) => `${p.padEnd(40)} ${kib(w.weight)} KiB  ${w.heavy ? 'diagram/quiz: not limited' : `limit ${PAGE_LIMIT_KIB}`}`);
            writeFileSync(path.join(ARTIFACTS, '..', 'page-weights.txt'), `${table.join('\n')}\n`);
            const light = rows.filter(([, w]) => !w.heavy).sort(([, a], [, b]) => b.weight - a.weight);
            if (light.length) console.log(`page weight: the heaviest page without a diagram or quiz is ${light[0][0]}, ${(light[0][1].weight / 1024).toFixed(1)} KiB (limit ${PAGE_LIMIT_KIB} KiB)`);
        }
        await browser?.close();
        await server?.close();
    });

    const shoot = async (page, name, theme) => {
        const base = path.join(ARTIFACTS, `${name.replace(/\.html$/, '').replace(/\//g, '_')}-${theme}`);
        await page.screenshot({ path: `${base}-top.png` });
        const shots = [['diagram', 'pre.mermaid'], ['compile-fail', 'pre:has(> code.compile_fail)'],
            ['should-panic', 'pre:has(> code.should_panic)'], ['quiz', QUIZ_SELECTOR]];
        for (const [what, sel] of shots) {
            const el = page.locator(sel).first();
            // The sticky menu bar would cover part of a block taller than the window.
            if (await el.count()) await el.screenshot({ path: `${base}-${what}.png`, style: '#mdbook-menu-bar { visibility: hidden !important; }' });
        }
    };

    describe('every page, in a light and a dark theme', () => {
        for (const p of PAGES) {
            for (const theme of PAGE_THEMES) {
                test(`${p} (${theme})`, { timeout: 90_000 }, async () => {
                    const context = await newContext(browser, { theme });
                    try {
                        const { page, failures, info } = await loadAndCheck(context, root + p, { theme, root });
                        if (theme === 'light' && info.weight !== undefined) weights[p] = { weight: info.weight, heavy: info.heavy };
                        if (KEY.has(p)) await shoot(page, p, theme);
                        assertNoFailures(`${p} (${theme})`, failures);
                    } finally {
                        await context.close();
                    }
                });
            }
        }
    });

    test('the mermaid script loads only on pages with a diagram', () => {
        // loadAndCheck checks each page; this checks the book still has both kinds, so that the
        // check means something.
        assert.ok(withDiagram.length > 0, 'no page has a diagram');
        assert.ok(PAGES.length > withDiagram.length, 'every page has a diagram');
    });

    test('search finds the last chapter by a word only it uses', { timeout: 60_000 }, async (t) => {
        const last = CHAPTERS.at(-1);
        // Words of the last chapter's prose that no other page uses (print.html holds them all).
        const words = (p) => new Set((html(p).match(/<p>[\s\S]*?<\/p>/g) ?? []).join(' ')
            .replace(/<[^>]+>/g, ' ').toLowerCase().match(/\b[a-z]{6,}\b/g) ?? []);
        const others = new Set(PAGES.filter((p) => p !== last && p !== 'print.html').flatMap((p) => [...words(p)]));
        const only = [...words(last)].filter((w) => !others.has(w)).sort((a, b) => b.length - a.length || a.localeCompare(b));
        assert.ok(only.length > 0, `${last}: no word of its prose is unique to it`);
        const term = only[0];
        t.diagnostic(`searching "${term}", a word only ${last} uses`);
        const context = await newContext(browser, {});
        try {
            const page = await context.newPage();
            await page.goto(root + 'index.html');
            await page.keyboard.press('s');
            const bar = page.locator('#mdbook-searchbar');
            await bar.waitFor({ state: 'visible' });
            await bar.pressSequentially(term, { delay: 20 });
            const hit = page.locator(`#mdbook-searchresults a[href^="${last}"]`);
            // The index loads when the search opens; until it has, typing finds nothing: type
            // again (a key up runs the search) until results show, for at most 15 s.
            for (let i = 0; i < 30 && await page.locator('#mdbook-searchresults a').count() === 0; i++) {
                await page.waitForTimeout(500);
                await bar.press('End');
            }
            const found = await page.locator('#mdbook-searchresults a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
            assert.ok(await hit.count() > 0, `searching "${term}" (a word only ${last} uses) did not find ${last}; results: ${JSON.stringify(found)}`);
        } finally {
            await context.close();
        }
    });

    // The playground, stubbed inside the browser (no request leaves the machine): it lists no
    // crates and answers every run with "stub output", recording what was sent in `sent`.
    const playgroundStub = (sent) => {
        const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Allow-Methods': 'POST' };
        return async (route) => {
            const req = route.request();
            if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
            if (req.url() === CRATES_URL) return route.fulfill({ headers: cors, json: { crates: [] } });
            if (req.url() === EVALUATE_URL) {
                sent.push(JSON.parse(req.postData()));
                return route.fulfill({ headers: cors, json: { result: 'stub output\n', error: null } });
            }
            return route.abort('internetdisconnected');
        };
    };

    // The first chapter with a plain runnable Rust block.
    const runnableChapter = () => {
        const target = CHAPTERS.find((p) => /<pre class="playground"><code class="language-rust edition2024">/.test(html(p)));
        assert.ok(target, 'no chapter has a plain runnable Rust block');
        return target;
    };

    test('Run sends the whole program to the playground as edition 2024', { timeout: 60_000 }, async () => {
        // Offline the Run buttons stay hidden (mdBook hides them when its crate-list fetch fails).
        // Here the playground is a stub inside the browser: no request leaves the machine.
        const target = runnableChapter();
        const sent = [];
        const playground = playgroundStub(sent);
        const context = await newContext(browser, { playground });
        try {
            const page = await context.newPage();
            await page.goto(root + target);
            const block = page.locator('pre.playground:has(> code.language-rust.edition2024:not(.compile_fail):not(.should_panic):not(.no_run))').first();
            const run = block.locator('.play-button');
            // The buttons show when the pointer is over the block; mdBook unhides Run once the
            // (stubbed) crate list has arrived.
            await block.hover();
            await run.waitFor({ state: 'visible', timeout: 10_000 });
            const shown = await block.locator('code').evaluate((c) => c.textContent);
            await run.click();
            await block.locator('.result').filter({ hasText: 'stub output' }).waitFor({ timeout: 10_000 });
            assert.equal(sent.length, 1, 'one request to the playground');
            assert.equal(sent[0].edition, '2024', `${target}: Run sent edition ${sent[0].edition}`);
            assert.match(sent[0].code, /fn main\s*\(/, `${target}: Run sent no fn main: ${sent[0].code.slice(0, 200)}`);
            assert.equal(sent[0].code, shown, `${target}: Run sent something else than the block (hidden lines included)`);
        } finally {
            await context.close();
        }
    });

    test('Edit loads the editor on demand, and Run sends the edited program', { timeout: 60_000 }, async () => {
        const target = runnableChapter();
        const sent = [];
        const aceRequests = [];
        const playground = playgroundStub(sent);
        const context = await newContext(browser, { playground });
        try {
            const page = await context.newPage();
            page.on('request', (r) => { if (r.url().includes('/assets/ace/')) aceRequests.push(r.url()); });
            await page.goto(root + target);
            assert.equal(aceRequests.length, 0, `${target}: the editor loaded before anyone asked for it`);
            const block = page.locator('pre.playground:has(> code.language-rust.edition2024:not(.compile_fail):not(.should_panic):not(.no_run))').first();
            await block.hover();
            const edit = block.locator('.edit-button');
            await edit.waitFor({ state: 'visible', timeout: 10_000 });
            await edit.click();
            await block.locator('.ace_editor').waitFor({ timeout: 10_000 });
            assert.ok(aceRequests.length > 0, 'pressing Edit loaded the editor');
            await page.keyboard.press('Control+End');
            await page.keyboard.type('\n// edited by the reader\n');
            await block.hover();
            await block.locator('.play-button').waitFor({ state: 'visible', timeout: 10_000 });
            await block.locator('.play-button').click();
            await block.locator('.result').filter({ hasText: 'stub output' }).waitFor({ timeout: 10_000 });
            assert.equal(sent.length, 1, 'one request to the playground');
            assert.equal(sent[0].edition, '2024');
            assert.match(sent[0].code, /\/\/ edited by the reader/, `${target}: Run did not send the edited code`);
            assert.match(sent[0].code, /fn main\s*\(/, `${target}: the edited program lost its fn main`);
        } finally {
            await context.close();
        }
    });

    test('marks on code that does not compile or panics, in all five themes', { timeout: 120_000 }, async () => {
        const target = firstWith(/\bcompile_fail\b[\s\S]*\bshould_panic\b|\bshould_panic\b[\s\S]*\bcompile_fail\b/)
            ?? firstWith(/\bcompile_fail\b/);
        assert.ok(target, 'no chapter has a compile_fail block');
        const failures = [];
        for (const theme of THEMES) {
            const context = await newContext(browser, { theme });
            try {
                const page = await context.newPage();
                await page.goto(root + target);
                const marks = await page.locator('pre > code.compile_fail, pre > code.should_panic').count();
                if (marks === 0) failures.push(`${theme}: no marked block found`);
                failures.push(...(await checkMarks(page)).map((f) => `${theme}: ${f}`));
            } finally {
                await context.close();
            }
        }
        assertNoFailures(target, failures);
    });

    test('switching between a light and a dark theme re-renders the diagrams', { timeout: 90_000 }, async () => {
        const target = withDiagram.find((p) => p !== 'print.html') ?? withDiagram[0];
        assert.ok(target, 'no page has a diagram');
        const context = await newContext(browser, { theme: 'light' });
        try {
            const page = await context.newPage();
            await page.goto(root + target);
            assertNoFailures(`${target} (light)`, await checkDiagrams(page));
            // The fill of the diagrams' boxes: mermaid's 'default' theme or its 'dark' one.
            const fill = () => page.locator('pre.mermaid svg > style').first().evaluate(
                (s) => (s.textContent.match(/\.node rect[^{]*\{fill:([^;}]+)/) ?? [])[1]);
            const lightFill = await fill();
            assert.ok(lightFill, `${target}: cannot read the diagrams' colours`);
            for (const theme of ['navy', 'rust', 'ayu', 'coal', 'light']) {
                // mermaid-init.js reloads the page when the theme changes between light and dark.
                const current = await page.evaluate((all) => all.find((c) => document.documentElement.classList.contains(c)), THEMES);
                const reload = DARK_THEMES.has(theme) !== DARK_THEMES.has(current);
                if (!await page.locator('#mdbook-theme-list').isVisible()) await page.locator('#mdbook-theme-toggle').click();
                const navigation = reload ? page.waitForEvent('load') : null;
                await page.locator(`#mdbook-theme-${theme}`).click();
                if (navigation) await navigation;
                assert.ok(await page.evaluate((t) => document.documentElement.classList.contains(t), theme), `theme ${theme} not applied`);
                assertNoFailures(`${target} (switched from ${current} to ${theme})`, await checkDiagrams(page));
                const now = await fill();
                if (DARK_THEMES.has(theme)) assert.notEqual(now, lightFill, `${target}: switched to ${theme}, the diagrams kept their light colours (${now})`);
                else assert.equal(now, lightFill, `${target}: switched to ${theme}, the diagrams are not in light colours (${now})`);
            }
        } finally {
            await context.close();
        }
    });

    test('a missing page gets the 404 page, styled, with working links', { timeout: 60_000 }, async () => {
        const failures = [];
        for (const missing of ['no-such-chapter.html', 'some/deeper/path/gone.html']) {
            for (const theme of PAGE_THEMES) {
                const context = await newContext(browser, { theme });
                try {
                    const { page, failures: f } = await loadAndCheck(context, root + missing, { expectStatus: 404, theme });
                    failures.push(...f.map((x) => `${missing} (${theme}): ${x}`));
                    const title = await page.title();
                    if (!/^Page not found/.test(title)) failures.push(`${missing}: title is "${title}"`);
                    // Styled: the sidebar is laid out by chrome.css (absent CSS leaves it static).
                    const position = await page.locator('#mdbook-sidebar').evaluate((e) => getComputedStyle(e).position);
                    if (position !== 'fixed') failures.push(`${missing} (${theme}): unstyled (sidebar position ${position})`);
                    if (missing.includes('/')) await shoot(page, '404', theme);
                    const link = page.locator('main a[href$="introduction.html"]').first();
                    const [res] = await Promise.all([page.waitForNavigation(), link.click()]);
                    if (res?.status() !== 200 || !page.url().endsWith(`${siteUrl()}introduction.html`)) {
                        failures.push(`${missing}: the link to the Introduction went to ${page.url()} (HTTP ${res?.status()})`);
                    }
                } finally {
                    await context.close();
                }
            }
        }
        assertNoFailures('404 page', failures);
    });

    test('the print page holds every chapter', { timeout: 60_000 }, async () => {
        const print = html('print.html');
        const missing = CHAPTERS.filter((p) => {
            const h1 = html(p).match(/<h1[^>]*>(?:<a[^>]*>)?([\s\S]*?)(?:<\/a>)?<\/h1>/);
            return h1 && !print.includes(h1[1]);
        });
        assert.deepEqual(missing, [], `print.html lacks the chapters ${missing.join(', ')}`);
    });

    test('every quiz can be answered; the first one, fully, with its declared answers', { timeout: 300_000 }, async (t) => {
        const withQuiz = CHAPTERS.filter((p) => html(p).includes('class="quiz-placeholder"'));
        if (withQuiz.length === 0) {
            t.skip('no page has a quiz yet');
            return;
        }
        const failures = [];
        for (const [i, target] of withQuiz.entries()) {
            const context = await newContext(browser, {});
            try {
                const page = await context.newPage();
                await page.goto(root + target);
                failures.push(...(await answerOneQuestion(page)).map((f) => `${target}: ${f}`));
                if (i > 0 || failures.length) continue;
                // The first quiz, to the end: the reader who gives the declared answers scores all.
                const { questions } = JSON.parse(await page.locator(QUIZ_SELECTOR).first().getAttribute('data-quiz-questions'));
                for (let q = 1; q < questions.length; q++) failures.push(...(await answerQuestion(page, q)).map((f) => `${target}: ${f}`));
                const all = `You answered ${questions.length}/${questions.length} questions correctly`;
                const text = await page.locator(QUIZ_SELECTOR).first().innerText();
                if (!failures.length && !text.includes(all)) failures.push(`${target}: after the declared answers, the quiz does not say "${all}": ${text.slice(0, 200)}`);
                await page.locator(QUIZ_SELECTOR).first().screenshot({ path: path.join(ARTIFACTS, `${target.replace(/\.html$/, '')}-quiz-answered.png`) });
            } finally {
                await context.close();
            }
        }
        t.diagnostic(`answered a question of ${withQuiz.length} quizzes`);
        assertNoFailures('quizzes', failures);
    });
}
