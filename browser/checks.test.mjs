// Tests of the checks themselves: each check must fail, naming the culprit, on a book broken in
// the way it looks for. A check that cannot fail is a defect.
//
// The broken book is a copy of the built one (BOOK_DIR, default ../book) with deliberate faults:
// an unrendered diagram, a broken #fragment link, a console error, a request to another host,
// unreadable marks, a page over the weight budget (through a stylesheet a script adds: the
// weight is what the browser really loaded), a page loading mermaid without a diagram and a quiz
// that does not mount. The browser suite (book.test.mjs) and the link check are run on it as
// child processes, as .ci/run runs them on the real book, and must fail with the expected
// messages. Small hand-made books test the
// corners of the link check (pages with <base href>, as mdBook's 404 page).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO, pages, readingOrder } from './lib/book.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BOOK_DIR = path.resolve(process.env.BOOK_DIR || path.join(REPO, 'book'));
const LINK_CHECK = path.join(REPO, 'scripts', 'link-check.py');
const SITE = '--site-url=/rust-memory-measured/';

const run = (cmd, args, env = {}) => {
    const childEnv = { ...process.env, ...env };
    delete childEnv.NODE_TEST_CONTEXT; // a test run of its own, not a subtest of this one
    const r = spawnSync(cmd, args, { encoding: 'utf8', env: childEnv, cwd: HERE, timeout: 300_000 });
    return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
};

/** A hand-made book: { 'page.html': '<html>...' }. */
function tinyBook(files) {
    const dir = mkdtempSync(path.join(tmpdir(), 'tiny-book-'));
    for (const [name, body] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), body);
    }
    return dir;
}

test('link check: passes on good links, fails on a missing page or #fragment, naming page and link', () => {
    const good = tinyBook({
        'index.html': '<a href="a.html#there">a</a> <a href="#top">top</a> <h1 id="top">t</h1> <a href="https://example.org/x">x</a>',
        'a.html': '<h2 id="there">there</h2> <a href="index.html">back</a> <a href="sub/">sub</a>',
        'sub/index.html': '<a href="../a.html#there">up</a>',
        '404.html': '<base href="/rust-memory-measured/"><a href="a.html#there">a</a> <a href="sub/index.html">sub</a>',
    });
    const ok = run('python3', [LINK_CHECK, SITE, good]);
    assert.equal(ok.status, 0, ok.out);
    assert.match(ok.out, /link-check: ok/);

    const bad = tinyBook({
        'index.html': '<a href="a.html#nowhere">a</a> <a href="gone.html">gone</a> <a href="#missing-here">m</a>',
        'a.html': '<h2 id="there">there</h2>',
        // mdBook's 404 page: links resolve against <base href>, so "#x" means index.html#x.
        '404.html': '<base href="/rust-memory-measured/"><h1 id="title"><a href="#title">t</a></h1> <a href="/elsewhere/a.html">x</a>',
    });
    const ko = run('python3', [LINK_CHECK, SITE, bad]);
    assert.equal(ko.status, 1, ko.out);
    assert.match(ko.out, /FAIL index\.html: link 'a\.html#nowhere': a\.html has no element with id 'nowhere'/);
    assert.match(ko.out, /FAIL index\.html: link 'gone\.html': no such file gone\.html/);
    assert.match(ko.out, /FAIL index\.html: link '#missing-here': index\.html has no element with id 'missing-here'/);
    assert.match(ko.out, /FAIL 404\.html: link '#title': index\.html has no element with id 'title'/);
    assert.match(ko.out, /FAIL 404\.html: link '\/elsewhere\/a\.html' points outside the site-url/);
});

// The real book, broken on purpose.
const HAVE_BOOK = existsSync(path.join(BOOK_DIR, 'index.html'));
let broken;
let faults;

before(() => {
    if (!HAVE_BOOK) return;
    broken = mkdtempSync(path.join(tmpdir(), 'broken-book-'));
    cpSync(BOOK_DIR, broken, { recursive: true });
    const all = pages(broken);
    const chapters = readingOrder(broken);
    const read = (p) => readFileSync(path.join(broken, p), 'utf8');
    const write = (p, s) => writeFileSync(path.join(broken, p), s);
    const plain = chapters.find((p) => !read(p).includes('class="mermaid"') && read(p).includes('class="playground"'))
        ?? chapters.find((p) => !read(p).includes('class="mermaid"'));
    const other = all.find((p) => p !== plain && p !== 'print.html' && p !== '404.html' && !read(p).includes('class="mermaid"'));
    const diagram = chapters.find((p) => read(p).includes('class="mermaid"'));
    const marked = chapters.find((p) => /class="[^"]*\bcompile_fail\b/.test(read(p)) && p !== plain && p !== diagram) ?? chapters.find((p) => /\bcompile_fail\b/.test(read(p)));
    assert.ok(plain && other && diagram && marked, `the book lacks a kind of page the faults need: ${JSON.stringify({ plain, other, diagram, marked })}`);
    faults = { plain, other, diagram, marked };

    const inject = (p, html) => write(p, read(p).replace('</main>', `${html}</main>`));
    // 1. An unrendered diagram: mermaid cannot parse it.
    write(diagram, read(diagram).replace(/<pre class="mermaid">[\s\S]*?<\/pre>/, '<pre class="mermaid">flowchart LR\n    A --&gt; %%% this is not ((( mermaid\n</pre>'));
    // ... and one mermaid never renders (it skips what it marked processed): it stays text.
    inject(diagram, '<pre class="mermaid" data-processed="true">flowchart LR\n    Never --&gt; Rendered\n</pre>');
    // 2. A broken #fragment link, 3. a console error, 4. a request to another host, 5. a page
    // over the weight budget.
    inject(plain, `<p><a href="${diagram}#no-such-heading">broken fragment</a></p>`
        + '<script>console.error("self-test: a deliberate console error")</script>'
        + '<img alt="" src="https://example.invalid/tracker.png">'
        // Over budget only through a stylesheet that a script adds: a weight measured in the
        // browser sees it, one read from the HTML would not.
        + '<script>const l = document.createElement("link"); l.rel = "stylesheet"; l.href = "css/padding.css"; document.head.append(l);</script>');
    write('css/padding.css', `p { margin: 0 }\n/* ${'x'.repeat(420 * 1024)} */\n`);
    // 6. Unreadable marks.
    inject(marked, '<style>pre:has(> code.compile_fail)::before { color: #888 !important; background-color: #777 !important; }</style>');
    // 7. Mermaid on a page without a diagram, and a quiz that never mounts (the page does not
    // load the quiz script).
    inject(other, '<script src="assets/mermaid.min.js"></script>'
        + '<div class="quiz-placeholder" data-quiz-name="&quot;self-test&quot;" data-quiz-questions="{&quot;questions&quot;:[]}"></div>');
});

after(() => {
    if (broken) rmSync(broken, { recursive: true, force: true });
});

test('link check on the broken book names the page and the broken #fragment', { skip: !HAVE_BOOK && 'book not built' }, () => {
    const r = run('python3', [LINK_CHECK, broken]);
    assert.equal(r.status, 1, r.out);
    const line = `FAIL ${faults.plain}: link '${faults.diagram}#no-such-heading': ${faults.diagram} has no element with id 'no-such-heading'`;
    assert.ok(r.out.includes(line), `expected "${line}" in:\n${r.out}`);
});

test('the browser suite fails on the broken book, naming each page and fault', { skip: !HAVE_BOOK && 'book not built', timeout: 300_000 }, () => {
    const names = [...new Set(Object.values(faults))].map((p) => p.replace(/[.]/g, '\\.'));
    const r = run(process.execPath, ['--test', '--test-reporter=spec', `--test-name-pattern=^(${names.join('|')}) \\(light\\)$`, 'book.test.mjs'], {
        BOOK_DIR: broken, BOOK_URL: '', ARTIFACTS: path.join(broken, 'screenshots'),
    });
    if (process.env.SELFTEST_SHOW) console.log(r.out); // to see the suite's report
    assert.notEqual(r.status, 0, `the suite passed on a broken book:\n${r.out}`);
    const expect = [
        [faults.diagram, /diagram 1 rendered as mermaid's error picture/],
        [faults.diagram, /diagram \d+ not rendered to SVG \(still text: "flowchart LR Never --> Rendered"\)/],
        [faults.plain, /console error: self-test: a deliberate console error/],
        [faults.plain, /request to another host: GET https:\/\/example\.invalid\/tracker\.png/],
        [faults.marked, /the compile_fail mark on block 1: label text contrast 1\.\d+ < 4\.5/],
        [faults.other, /loads mermaid but has no diagram/],
        [faults.other, /quiz self-test did not mount/],
        [faults.plain, /weighs [\d.]+ KiB > 400 KiB, and it has no diagram or quiz \(the document, scripts and styles it loaded: [^)]*css\/padding\.css/],
    ];
    for (const [page, re] of expect) {
        const m = new RegExp(`${page.replace('.', '\\.')} \\(light\\):[\\s\\S]*?${re.source}`);
        assert.match(r.out, m, `expected the suite to report on ${page}: ${re}`);
    }
});
