//! Code blocks and mdBook directives in chapter text.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::sync::LazyLock;

/// One code block, fenced or indented.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// 1-based line of the opening fence (or of the first line of an indented block).
    pub line: usize,
    pub fenced: bool,
    /// The fence's info string, as written.
    pub info: String,
    /// The first word of the info string: the language (`""` when there is none).
    pub lang: String,
    /// The other words of the info string (`compile_fail`, `E0382`, `no_run`, ...).
    pub attrs: Vec<String>,
    pub content: String,
    /// The `<!-- block ... -->` marker right before the block, in annotated text.
    pub marker: Option<Marker>,
}

impl Block {
    pub fn has_attr(&self, attr: &str) -> bool {
        self.attrs.iter().any(|a| a == attr)
    }

    /// The `EXXXX` error code among the attributes, if any.
    pub fn error_code(&self) -> Option<&str> {
        self.attrs
            .iter()
            .map(String::as_str)
            .find(|a| is_error_code(a))
    }
}

/// `E` followed by four digits.
pub fn is_error_code(s: &str) -> bool {
    s.len() == 5 && s.starts_with('E') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Where an expanded block came from: the chapter line of its raw fence, and the listing its
/// first directive includes (if any).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The chapter's file, relative to the repository root.
    pub chapter: String,
    pub line: usize,
    pub listing: Option<String>,
}

const MARKER_PREFIX: &str = "<!-- block ";

impl Marker {
    pub fn render(&self) -> String {
        format!(
            "{MARKER_PREFIX}{}:{} {} -->",
            self.chapter,
            self.line,
            self.listing.as_deref().unwrap_or("-")
        )
    }

    pub fn parse(html: &str) -> Option<Marker> {
        let rest = html
            .trim()
            .strip_prefix(MARKER_PREFIX)?
            .strip_suffix("-->")?;
        let mut words = rest.split_whitespace();
        let (chapter, line) = words.next()?.rsplit_once(':')?;
        let line = line.parse().ok()?;
        let listing = words.next().filter(|w| *w != "-").map(str::to_owned);
        Some(Marker {
            chapter: chapter.to_owned(),
            line,
            listing,
        })
    }
}

/// The 1-based line of byte `offset` in `text`. The newlines of the last text asked about are
/// kept (per thread, with the text itself to recognize it), so asking about many offsets of one
/// chapter costs a comparison and a binary search each, not a count from the start.
pub fn line_of(text: &str, offset: usize) -> usize {
    thread_local! {
        static LAST: std::cell::RefCell<(String, Vec<usize>)> =
            const { std::cell::RefCell::new((String::new(), Vec::new())) };
    }
    LAST.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.0 != text {
            let newlines = text.match_indices('\n').map(|(i, _)| i).collect();
            *cell = (text.to_owned(), newlines);
        }
        cell.1.partition_point(|&nl| nl < offset) + 1
    })
}

fn split_info(info: &str) -> (String, Vec<String>) {
    // The way mdBook's HTML renderer reads it: split on spaces, tabs and commas;
    // the first word is the language, the rest become classes.
    let mut words = info
        .split([' ', '\t', ','])
        .filter(|w| !w.is_empty())
        .map(str::to_owned);
    let lang = words.next().unwrap_or_default();
    (lang, words.collect())
}

/// Every code block in `text`, in order.
pub fn code_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut pending_marker: Option<Marker> = None;
    let parser = Parser::new_ext(text, Options::empty()).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(marker) = Marker::parse(&html) {
                    pending_marker = Some(marker);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let (fenced, info) = match kind {
                    CodeBlockKind::Fenced(info) => (true, info.to_string()),
                    CodeBlockKind::Indented => (false, String::new()),
                };
                let (lang, attrs) = split_info(&info);
                current = Some(Block {
                    line: line_of(text, range.start),
                    fenced,
                    info,
                    lang,
                    attrs,
                    content: String::new(),
                    marker: pending_marker.take(),
                });
            }
            Event::Text(t) => {
                if let Some(block) = current.as_mut() {
                    block.content.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(block) = current.take() {
                    blocks.push(block);
                }
            }
            _ => {}
        }
    }
    blocks
}

/// The kinds of `{{#...}}` directive mdBook's link preprocessor knows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DirectiveKind {
    Include,
    RustdocInclude,
    Playground,
    Title,
}

/// One `{{#include path:selector}}`-style directive.
#[derive(Clone, Debug, PartialEq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// The directive as written.
    pub text: String,
    /// The file, relative to the chapter's directory.
    pub path: String,
    /// What follows the first `:`: an anchor name or a line range.
    pub selector: Option<String>,
    /// Byte offset in the text searched.
    pub offset: usize,
}

impl Directive {
    /// The anchor named by the selector, when it is not a line range.
    pub fn anchor(&self) -> Option<&str> {
        let sel = self.selector.as_deref()?;
        let is_range = sel
            .split(':')
            .all(|p| p.is_empty() || p.bytes().all(|b| b.is_ascii_digit()));
        (!is_range).then_some(sel)
    }
}

/// The same pattern mdBook uses to find links, escaped ones included.
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\\{\{\#.*\}\}|\{\{\s*\#([a-zA-Z0-9_]+)\s+([^}]+)\}\}").unwrap());

/// Every directive in `text` (escaped ones, `\{{#...}}`, are skipped).
pub fn directives(text: &str) -> Vec<Directive> {
    LINK.captures_iter(text)
        .filter_map(|caps| {
            let kind = match caps.get(1)?.as_str() {
                "include" => DirectiveKind::Include,
                "rustdoc_include" => DirectiveKind::RustdocInclude,
                "playground" => DirectiveKind::Playground,
                "title" => DirectiveKind::Title,
                _ => return None,
            };
            let whole = caps.get(0)?;
            let target = caps.get(2)?.as_str().split_whitespace().next()?;
            let (path, selector) = match (kind, target.split_once(':')) {
                (DirectiveKind::Include | DirectiveKind::RustdocInclude, Some((p, s))) => {
                    (p.to_owned(), Some(s.to_owned()))
                }
                _ => (target.to_owned(), None),
            };
            Some(Directive {
                kind,
                text: whole.as_str().to_owned(),
                path,
                selector,
                offset: whole.start(),
            })
        })
        .collect()
}

/// Inserts a [`Marker`] before every fenced block and every `{{#playground}}` outside a block,
/// so that blocks can be traced back to their chapter line after expansion.
/// `listing_of` turns a directive into the repository path of the file it includes.
pub fn annotate(
    raw: &str,
    chapter: &str,
    listing_of: impl Fn(&Directive) -> Option<String>,
) -> String {
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut covered: Vec<std::ops::Range<usize>> = Vec::new();
    let line_start = |offset: usize| raw[..offset].rfind('\n').map_or(0, |i| i + 1);
    for (event, range) in Parser::new_ext(raw, Options::empty()).into_offset_iter() {
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) = event {
            let start = line_start(range.start);
            let prefix: String = raw[start..range.start].to_owned();
            let listing = directives(&raw[range.clone()]).iter().find_map(&listing_of);
            let marker = Marker {
                chapter: chapter.to_owned(),
                line: line_of(raw, range.start),
                listing,
            };
            inserts.push((start, format!("{prefix}{}\n", marker.render())));
            covered.push(range);
        }
    }
    for d in directives(raw) {
        let inside = covered.iter().any(|r| r.contains(&d.offset));
        if d.kind == DirectiveKind::Playground && !inside {
            let start = line_start(d.offset);
            let marker = Marker {
                chapter: chapter.to_owned(),
                line: line_of(raw, d.offset),
                listing: listing_of(&d),
            };
            inserts.push((start, format!("{}\n\n", marker.render())));
        }
    }
    inserts.sort_by_key(|(at, _)| *at);
    let mut out = String::with_capacity(raw.len() + inserts.len() * 64);
    let mut last = 0;
    for (at, text) in inserts {
        out.push_str(&raw[last..at]);
        out.push_str(&text);
        last = at;
    }
    out.push_str(&raw[last..]);
    out
}
