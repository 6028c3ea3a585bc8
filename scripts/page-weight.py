#!/usr/bin/env python3
"""Reports the weight of every page of the built book and enforces a budget.

A page's weight is its HTML plus every script and stylesheet it loads: the <script src> and
<link rel="stylesheet"> it names (print.css included: browsers download it too), and the files
theme/lazy-assets.js adds on the pages that need them (mermaid on pages with a diagram). Fonts,
images and the search index (fetched only when the reader opens the search) are not counted.

A page without a diagram or a quiz must weigh at most --limit-kib (400 KiB); pages with one are
reported but not limited (mermaid alone is 2.6 MB). Exit status 1 names every page over budget.

    python3 scripts/page-weight.py [BOOK_DIR]      # default: book/ (build it first:
                                                   # bash scripts/build-book.sh)
    python3 scripts/page-weight.py --json BOOK_DIR # machine-readable, for the browser tests

Standard library only.
"""

import argparse
import json
import os
import re
import sys
from html.parser import HTMLParser

KIB = 1024
# Elements that mark a page as one with a diagram or a quiz (exempt from the budget). Entries of
# the lazy-assets table are added to these. mdbook-quiz renders a quiz as div.quiz-placeholder.
HEAVY_SELECTORS = ["pre.mermaid", ".quiz-placeholder"]
# One entry of the table in theme/lazy-assets.js, on one line (the file says so).
LAZY_ENTRY = re.compile(
    r"\{\s*selector:\s*'([^']+)',\s*scripts:\s*\[([^\]]*)\],\s*styles:\s*\[([^\]]*)\]\s*,?\s*\}"
)
SIMPLE_SELECTOR = re.compile(r"^([a-z][a-z0-9-]*)?(?:\.([A-Za-z0-9_-]+))?$")


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.base = None
        self.scripts = []
        self.styles = []
        self.elements = []  # (tag, set of classes)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, set((a.get("class") or "").split())))
        if tag == "base" and a.get("href") and self.base is None:
            self.base = a["href"]
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        elif tag == "link" and a.get("href") and "stylesheet" in (a.get("rel") or "").split():
            self.styles.append(a["href"])

    def matches(self, selector):
        m = SIMPLE_SELECTOR.match(selector)
        if not m or not (m.group(1) or m.group(2)):
            raise ValueError(
                f"cannot evaluate selector {selector!r} (only tag, .class and tag.class)"
            )
        tag, cls = m.group(1), m.group(2)
        return any((not tag or t == tag) and (not cls or cls in c) for t, c in self.elements)


def lazy_table(book):
    """The entries of the built theme/lazy-assets-<hash>.js: (selector, [files])."""
    theme = os.path.join(book, "theme")
    loaders = [
        f for f in (os.listdir(theme) if os.path.isdir(theme) else [])
        if re.fullmatch(r"lazy-assets(-[0-9a-f]+)?\.js", f)
    ]
    if not loaders:
        return []
    text = open(os.path.join(theme, loaders[0]), encoding="utf-8").read()
    table = []
    for m in LAZY_ENTRY.finditer(text):
        files = re.findall(r"'([^']+)'", m.group(2)) + re.findall(r"'([^']+)'", m.group(3))
        table.append((m.group(1), files))
    if "const LAZY" in text and not table:
        raise ValueError(f"theme/{loaders[0]}: found no entry of the form this script reads")
    return table


def book_pages(book):
    out = []
    for dirpath, dirnames, filenames in os.walk(book):
        rel_dir = os.path.relpath(dirpath, book)
        dirnames[:] = sorted(d for d in dirnames if rel_dir != "." or d not in ("assets", "theme", "fonts", "css"))
        for f in sorted(filenames):
            if f.endswith(".html"):
                out.append(os.path.normpath(os.path.join(rel_dir, f)).replace(os.sep, "/"))
    return sorted(out)


def local_file(book, page, url, base, site_url):
    """The file under `book` that `url` (as written in `page`) names, or None if external."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith("//"):
        return None
    url = url.split("#")[0].split("?")[0]
    if base:  # mdBook's 404 page: <base href="{site-url}">
        url = base.rstrip("/") + "/" + url if not url.startswith("/") else url
    if url.startswith("/"):
        if not url.startswith(site_url):
            return None
        return os.path.normpath(url[len(site_url):])
    return os.path.normpath(os.path.join(os.path.dirname(page), url))


def site_url_of(book_toml):
    try:
        text = open(book_toml, encoding="utf-8").read()
    except OSError:
        return "/"
    m = re.search(r'^\s*site-url\s*=\s*"([^"]*)"', text, re.M)
    return m.group(1) if m else "/"


def weigh(book, site_url):
    table = lazy_table(book)
    heavy = HEAVY_SELECTORS + [sel for sel, _ in table]
    report = {}
    for page in book_pages(book):
        p = Page()
        p.feed(open(os.path.join(book, page), encoding="utf-8").read())
        files, missing = [], []
        for url in p.scripts + p.styles:
            f = local_file(book, page, url, p.base, site_url)
            if f is None:
                missing.append(f"{url} (not served by the book)")
            elif f not in files:
                files.append(f)
        lazy = []
        for sel, extra in table:
            if p.matches(sel):
                for f in extra:
                    if f not in files and f not in lazy:
                        lazy.append(f)
        sizes = {}
        for f in files + lazy:
            path = os.path.join(book, f)
            if os.path.isfile(path):
                sizes[f] = os.path.getsize(path)
            else:
                missing.append(f)
        html = os.path.getsize(os.path.join(book, page))
        report[page] = {
            "html": html,
            "css": sum(sizes.get(f, 0) for f in files if f.endswith(".css")),
            "js": sum(sizes.get(f, 0) for f in files if not f.endswith(".css")),
            "lazy": sum(sizes.get(f, 0) for f in lazy),
            "files": files + lazy,
            "heavy": any(p.matches(sel) for sel in heavy),
            "missing": missing,
        }
        report[page]["total"] = html + sum(sizes.values())
    return report


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("book", nargs="?", default="book", help="the built book (default: book)")
    ap.add_argument("--limit-kib", type=float, default=400.0)
    ap.add_argument("--site-url", help="default: book.toml's site-url")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)

    if not os.path.isfile(os.path.join(args.book, "index.html")):
        print(f"page-weight: {args.book}/index.html not found: build the book first "
              "(bash scripts/build-book.sh)", file=sys.stderr)
        return 2
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    site_url = args.site_url or site_url_of(os.path.join(repo, "book.toml"))
    if not site_url.endswith("/"):
        site_url += "/"
    try:
        report = weigh(args.book, site_url)
    except ValueError as e:
        print(f"page-weight: {e}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(report, sys.stdout, indent=1)
        print()
        return 0

    limit = args.limit_kib * KIB
    failures = []
    k = lambda n: f"{n / KIB:8.1f}"
    print(f"{'page':<36} {'HTML':>8} {'CSS':>8} {'JS':>8} {'lazy JS':>8} {'total':>8}  KiB")
    for page, r in report.items():
        note = "diagram/quiz: not limited" if r["heavy"] else f"limit {args.limit_kib:g}"
        if r["missing"]:
            failures.append(f"{page}: loads files the book does not have: {', '.join(r['missing'])}")
        if not r["heavy"] and r["total"] > limit:
            failures.append(
                f"{page}: {r['total'] / KIB:.1f} KiB > {args.limit_kib:g} KiB, and it has no "
                "diagram or quiz (HTML + scripts + styles; see the table above)"
            )
            note = "OVER BUDGET"
        print(f"{page:<36} {k(r['html'])} {k(r['css'])} {k(r['js'])} {k(r['lazy'])} {k(r['total'])}  {note}")
    if failures:
        for f in failures:
            print(f"page-weight: FAIL {f}", file=sys.stderr)
        return 1
    light = [r["total"] for r in report.values() if not r["heavy"]]
    if light:
        print(f"page-weight: ok: {len(report)} pages; the heaviest page without a diagram or quiz "
              f"weighs {max(light) / KIB:.1f} KiB (limit {args.limit_kib:g} KiB)")
    else:
        print(f"page-weight: ok: {len(report)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
