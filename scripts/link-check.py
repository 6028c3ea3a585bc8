#!/usr/bin/env python3
"""Checks every internal link of the built book: the file exists, and its #fragment is an id
(or <a name>) on the target page. Links to other sites are counted, not fetched (no network).

    python3 scripts/link-check.py [BOOK_DIR]   # default: book/ (bash scripts/build-book.sh)

Each failure names the page, the link as written, and what is missing; exit status 1 if any.
Standard library only.
"""

import argparse
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import unquote

# Attributes that point at another file or place. <link> covers stylesheets and icons.
LINK_ATTRS = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src",
              "iframe": "src", "source": "src"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []  # (tag, url)
        self.base = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "base" and a.get("href") and self.base is None:
            self.base = a["href"]
        attr = LINK_ATTRS.get(tag)
        if attr and a.get(attr) is not None:
            self.links.append((tag, a[attr]))

    handle_startendtag = handle_starttag


def site_url_of(book_toml):
    try:
        text = open(book_toml, encoding="utf-8").read()
    except OSError:
        return "/"
    m = re.search(r'^\s*site-url\s*=\s*"([^"]*)"', text, re.M)
    return m.group(1) if m else "/"


def html_files(book):
    out = []
    for dirpath, dirnames, filenames in os.walk(book):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith(".html"):
                rel = os.path.relpath(os.path.join(dirpath, f), book)
                out.append(rel.replace(os.sep, "/"))
    return out


def check(book, site_url):
    """Returns (failures, counts): failures are strings naming the page and the link."""
    pages = {}
    for rel in html_files(book):
        p = Page()
        p.feed(open(os.path.join(book, rel), encoding="utf-8").read())
        pages[rel] = p
    failures = []
    internal = external = 0
    for rel, p in pages.items():
        for tag, url in p.links:
            url = url.strip()
            if not url or re.match(r"^(javascript|mailto|data|tel):", url, re.I):
                continue
            if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("//"):
                external += 1
                continue
            internal += 1
            path, _, fragment = url.partition("#")
            path = path.split("?")[0]
            if not path:
                # Same page; with <base href>, an empty path means the base (the site's root).
                target = rel if p.base is None else "index.html"
            else:
                resolved = unquote(path)
                if p.base is not None and not resolved.startswith("/"):
                    resolved = p.base.rstrip("/") + "/" + resolved
                if resolved.startswith("/"):
                    if not resolved.startswith(site_url):
                        failures.append(f"{rel}: link {url!r} points outside the site-url "
                                        f"{site_url!r} (it breaks on GitHub Pages)")
                        continue
                    target = resolved[len(site_url):]
                else:
                    target = os.path.join(os.path.dirname(rel), resolved)
                target = os.path.normpath(target).replace(os.sep, "/")
                if target == "." or target.endswith("/") or os.path.isdir(os.path.join(book, target)):
                    target = os.path.normpath(os.path.join(target, "index.html")).replace(os.sep, "/")
                if target.startswith("../"):
                    failures.append(f"{rel}: link {url!r} leaves the book")
                    continue
                if not os.path.isfile(os.path.join(book, target)):
                    failures.append(f"{rel}: link {url!r}: no such file {target}")
                    continue
            if fragment:
                fragment = unquote(fragment)
                if target not in pages:
                    failures.append(f"{rel}: link {url!r}: #{fragment} on a file that is not a page")
                elif fragment not in pages[target].ids:
                    failures.append(f"{rel}: link {url!r}: {target} has no element with "
                                    f"id {fragment!r}")
    return failures, {"pages": len(pages), "internal": internal, "external": external}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("book", nargs="?", default="book", help="the built book (default: book)")
    ap.add_argument("--site-url", help="default: book.toml's site-url")
    args = ap.parse_args(argv)
    if not os.path.isfile(os.path.join(args.book, "index.html")):
        print(f"link-check: {args.book}/index.html not found: build the book first "
              "(bash scripts/build-book.sh)", file=sys.stderr)
        return 2
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    site_url = args.site_url or site_url_of(os.path.join(repo, "book.toml"))
    if not site_url.endswith("/"):
        site_url += "/"
    failures, n = check(args.book, site_url)
    for f in failures:
        print(f"link-check: FAIL {f}", file=sys.stderr)
    if failures:
        print(f"link-check: {len(failures)} broken link(s) in {n['pages']} pages", file=sys.stderr)
        return 1
    print(f"link-check: ok: {n['internal']} internal links and fragments resolve in {n['pages']} "
          f"pages ({n['external']} links to other sites not fetched)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
