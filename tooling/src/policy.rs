//! The rules of CONTRIBUTING.md, checked. Every problem names the chapter (file and line) and,
//! where there is one, the listing.

use crate::book::{self, Book, Chapter};
use crate::listing::{Kind, kind_of};
use crate::markdown::{self, Block, Directive, DirectiveKind, line_of};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// `src/ch04-moves.md`, or `listings/` for problems that belong to no chapter.
    pub chapter: String,
    /// 1-based line in the chapter (0 when it has none).
    pub line: usize,
    pub listing: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.chapter)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some(listing) = &self.listing {
            write!(f, " [{listing}]")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Runs every check on `book`.
pub fn check(book: &Book) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut included = BTreeSet::new();
    for chapter in &book.chapters {
        check_chapter(book, chapter, &mut included, &mut problems);
    }
    check_listings(book, &included, &mut problems);
    problems
}

/// Formats problems for a test failure.
pub fn report(problems: &[Problem]) -> String {
    let mut out = format!("{} problem(s) in the book:\n", problems.len());
    for p in problems {
        out.push_str(&format!("  - {p}\n"));
    }
    out.push_str("See CONTRIBUTING.md for the rules.\n");
    out
}

struct Ctx<'a> {
    book: &'a Book,
    chapter: &'a Chapter,
    problems: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    fn problem(&mut self, line: usize, listing: Option<&str>, message: impl Into<String>) {
        self.problems.push(Problem {
            chapter: self.chapter.file.clone(),
            line,
            listing: listing.map(str::to_owned),
            message: message.into(),
        });
    }

    fn target(&self, d: &Directive) -> Option<String> {
        book::target_of(&self.book.root, &self.chapter.dir, d)
    }
}

fn check_chapter(
    book: &Book,
    chapter: &Chapter,
    included: &mut BTreeSet<String>,
    problems: &mut Vec<Problem>,
) {
    let mut cx = Ctx {
        book,
        chapter,
        problems,
    };
    let raw = &chapter.raw;

    // Every directive resolves: the file exists, and so does the anchor. (While blessing, a
    // missing snapshot of an existing listing is about to be written: not a problem.)
    let mut reported = Vec::new();
    let directives = markdown::directives(raw);
    for d in &directives {
        if d.kind == DirectiveKind::Title {
            continue;
        }
        let line = line_of(raw, d.offset);
        let Some(target) = cx.target(d) else {
            cx.problem(
                line,
                None,
                format!("`{}` points outside the repository", d.text),
            );
            continue;
        };
        included.insert(target.clone());
        let path = book.root.join(&target);
        let Ok(text) = std::fs::read_to_string(&path) else {
            let to_be_blessed = crate::blessing()
                && snapshot_source(&target).is_some_and(|src| book.root.join(src).is_file());
            if !to_be_blessed {
                cx.problem(
                    line,
                    Some(&target),
                    format!("`{}`: the file does not exist", d.text),
                );
            }
            reported.push(d.text.clone());
            continue;
        };
        if let Some(anchor) = d.anchor()
            && !has_anchor(&text, anchor)
        {
            cx.problem(
                line,
                Some(&target),
                format!("`{}`: no `ANCHOR: {anchor}` in the file", d.text),
            );
        }
    }

    // What mdBook itself complained about while expanding.
    for err in &chapter.mdbook_errors {
        if reported.iter().any(|text| err.contains(text.as_str())) {
            continue; // already named above, more plainly
        }
        let d = directives.iter().find(|d| err.contains(&d.text));
        let line = d.as_ref().map_or(0, |d| line_of(raw, d.offset));
        let listing = d.as_ref().and_then(|d| cx.target(d));
        cx.problem(line, listing.as_deref(), format!("mdBook: {err}"));
    }

    let blocks = markdown::code_blocks(raw);
    for (i, block) in blocks.iter().enumerate() {
        check_block(&mut cx, block, blocks.get(i + 1));
    }
    check_figures(&mut cx, &blocks);
    check_shape(&mut cx, &blocks);

    // After expansion: an include that produced nothing (mdBook renders a misspelled
    // anchor as an empty block, silently).
    let by_line: BTreeMap<usize, &Block> = blocks.iter().map(|b| (b.line, b)).collect();
    for block in markdown::code_blocks(&chapter.expanded) {
        let Some(marker) = &block.marker else {
            continue;
        };
        let Some(raw_block) = by_line.get(&marker.line) else {
            continue;
        };
        let had_directive = !markdown::directives(&raw_block.content).is_empty();
        if had_directive && block.content.trim().is_empty() {
            cx.problem(
                marker.line,
                marker.listing.as_deref(),
                "the block is empty after expansion (a missing anchor or an empty range?)",
            );
        }
    }
}

/// Whether `text` has an `ANCHOR: anchor` line (as mdBook reads it: the anchor's name is the
/// word after `ANCHOR:`).
fn has_anchor(text: &str, anchor: &str) -> bool {
    text.match_indices("ANCHOR:").any(|(i, m)| {
        let rest = &text[i + m.len()..];
        rest.trim_start_matches([' ', '\t'])
            .split(|c: char| c.is_whitespace())
            .next()
            == Some(anchor)
    })
}

fn check_block(cx: &mut Ctx<'_>, block: &Block, next: Option<&Block>) {
    let line = block.line;
    if !block.fenced {
        cx.problem(
            line,
            None,
            "indented code block: use a fence with a language (```text)",
        );
        return;
    }
    if block.lang.is_empty() {
        cx.problem(
            line,
            None,
            "code fence without a language (```rust, ```text, ```console...)",
        );
    }
    let directives = markdown::directives(&block.content);
    let targets: Vec<String> = directives.iter().filter_map(|d| cx.target(d)).collect();
    let listing = targets.first().cloned();
    let listing = listing.as_deref();
    if block.has_attr("ignore") {
        cx.problem(line, listing, "block marked `ignore`: every block is compiled and run (use a fail_ or panic_ listing, or no_run)");
    }

    let shows_rust = targets.iter().any(|t| t.ends_with(".rs"));
    if shows_rust && block.lang != "rust" {
        cx.problem(
            line,
            listing,
            format!(
                "Rust code shown in a ```{} block is never compiled: show a .rs file in a ```rust \
                 block (```rust,noplayground for a benchmark's source)",
                block.lang
            ),
        );
    }
    if listing.is_some_and(|l| l.starts_with("benches/") && l.ends_with(".rs"))
        && !block.has_attr("noplayground")
    {
        cx.problem(
            line,
            listing,
            "a benchmark's source needs crates the playground does not have: mark its block \
             ```rust,noplayground (cargo bench compiles it)",
        );
    }
    if block.lang != "rust" {
        if block.has_attr("compile_fail") || block.has_attr("should_panic") {
            cx.problem(
                line,
                listing,
                "compile_fail/should_panic on a block that is not ```rust",
            );
        }
        return;
    }
    let rest: String = markdown_without_directives(&block.content);
    if directives.is_empty() || !rest.trim().is_empty() {
        cx.problem(
            line,
            listing,
            "inline Rust code: code lives in listings/; include it with {{#rustdoc_include}}",
        );
    }
    let kinds: Vec<Kind> = targets
        .iter()
        .filter(|t| t.ends_with(".rs"))
        .map(|t| kind_of(t))
        .collect();
    let fails = kinds.contains(&Kind::FailsToCompile);
    let panics = kinds.contains(&Kind::Panics);

    if block.has_attr("compile_fail") {
        if !fails || targets.len() != 1 {
            cx.problem(line, listing, "compile_fail block: it must include exactly one fail_ listing, checked by trybuild");
            return;
        }
        let listing = listing.unwrap();
        let stderr = listing.replace(".rs", ".stderr");
        let expected = std::fs::read_to_string(cx.book.root.join(&stderr))
            .ok()
            .and_then(|s| first_error_code(&s));
        match (block.error_code(), expected) {
            (Some(have), Some(want)) if have != want => cx.problem(
                line,
                Some(listing),
                format!("the block says {have} but the compiler says {want} ({stderr})"),
            ),
            (None, Some(want)) => cx.problem(
                line,
                Some(listing),
                format!("mark the block compile_fail,{want}"),
            ),
            (Some(have), None) if Path::new(&cx.book.root.join(&stderr)).exists() => cx.problem(
                line,
                Some(listing),
                format!("the block says {have} but {stderr} has no error code"),
            ),
            _ => {}
        }
        let shows_stderr = next.is_some_and(|n| {
            markdown::directives(&n.content)
                .iter()
                .any(|d| cx.target(d).as_deref() == Some(stderr.as_str()))
        });
        if !shows_stderr {
            cx.problem(line, Some(listing), format!("show the compiler's error right under the code: a ```text block including {stderr}"));
        }
    } else if fails {
        cx.problem(
            line,
            listing,
            "a fail_ listing must be shown in a block marked compile_fail,EXXXX",
        );
    }

    if block.has_attr("should_panic") != panics {
        let msg = if panics {
            "a panic_ listing must be shown in a block marked should_panic"
        } else {
            "should_panic block: it must include a panic_ listing"
        };
        cx.problem(line, listing, msg);
    }
}

fn markdown_without_directives(content: &str) -> String {
    let mut out = content.to_owned();
    for d in markdown::directives(content) {
        out = out.replace(&d.text, "");
    }
    out
}

/// The first `error[EXXXX]` code in compiler output.
pub fn first_error_code(stderr: &str) -> Option<String> {
    stderr.lines().find_map(|l| {
        let rest = l.strip_prefix("error[")?;
        let code = rest.split(']').next()?;
        markdown::is_error_code(code).then(|| code.to_owned())
    })
}

fn check_listings(book: &Book, included: &BTreeSet<String>, problems: &mut Vec<Problem>) {
    let mut problem = |listing: &str, message: String| {
        problems.push(Problem {
            chapter: "listings/".into(),
            line: 0,
            listing: Some(listing.into()),
            message,
        });
    };
    let files = book::files_under(&book.root, &book.root.join("listings"));
    let sources: BTreeSet<&String> = files.iter().filter(|f| f.ends_with(".rs")).collect();
    for file in &files {
        if file.ends_with(".rs") {
            if !included.contains(file) {
                problem(
                    file,
                    "no chapter includes this listing, so no reader sees it".into(),
                );
            }
        } else if let Some(base) = snapshot_source(file)
            && !sources.contains(&base)
        {
            problem(file, format!("a snapshot of {base}, which does not exist"));
        }
    }
    check_shared_regions(book, &files, &mut problem);
}

/// `x.stdout`, `x.stderr`, `x.release.stdout`, `x.memcheck`, `x.massif` → `x.rs`.
fn snapshot_source(file: &str) -> Option<String> {
    let base = file
        .strip_suffix(".memcheck")
        .or_else(|| file.strip_suffix(".massif"))
        .or_else(|| file.strip_suffix(".release.stdout"))
        .or_else(|| file.strip_suffix(".stdout"))
        .or_else(|| file.strip_suffix(".stderr"))?;
    Some(format!("{base}.rs"))
}

/// Code between `// BEGIN shared: NAME` and `// END shared: NAME` is the same in every listing
/// that carries it as in its source copy (see [`crate::shared`]).
fn check_shared_regions(book: &Book, files: &[String], problem: &mut impl FnMut(&str, String)) {
    for (file, message) in crate::shared::check(&book.root, files) {
        problem(&file, message);
    }
}

/// One `<figure class="listing" id="listing-N-M">` … `</figure>` in a chapter.
struct Figure {
    id: String,
    lines: std::ops::RangeInclusive<usize>,
    caption: Option<String>,
}

static FIGURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<figure class="listing" id="([^"]+)">"#).unwrap());
static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<figcaption>(.*?)</figcaption>").unwrap());

fn figures(raw: &str) -> Vec<Figure> {
    let (open, caption) = (&*FIGURE, &*CAPTION);
    open.captures_iter(raw)
        .map(|c| {
            let start = c.get(0).unwrap().start();
            let end = raw[start..]
                .find("</figure>")
                .map_or(raw.len(), |e| start + e);
            let body = &raw[start..end];
            Figure {
                id: c[1].to_owned(),
                lines: line_of(raw, start)..=line_of(raw, end),
                caption: caption
                    .captures(body)
                    .map(|m| m[1].split_whitespace().collect::<Vec<_>>().join(" ")),
            }
        })
        .collect()
}

/// Listings are numbered figures: `listing-N-M` in order (N is the chapter's number; chapters
/// without one use the prefix of their first figure), captioned "Listing N-M: …" and naming the
/// file they show. Every Rust block that shows a listing sits in such a figure.
fn check_figures(cx: &mut Ctx<'_>, blocks: &[Block]) {
    let raw = &cx.chapter.raw;
    let figs = figures(raw);
    let prefix = cx.chapter.number.clone().or_else(|| {
        figs.first().and_then(|f| {
            f.id.strip_prefix("listing-")?
                .rsplit_once('-')
                .map(|(p, _)| p.to_owned())
        })
    });
    for (i, fig) in figs.iter().enumerate() {
        let line = *fig.lines.start();
        let expected = format!("listing-{}-{}", prefix.as_deref().unwrap_or("?"), i + 1);
        if fig.id != expected {
            cx.problem(
                line,
                None,
                format!(
                    "figure id `{}` should be `{expected}` (listings are numbered in order)",
                    fig.id
                ),
            );
        }
        let number = expected.trim_start_matches("listing-");
        let inside: Vec<&Block> = blocks
            .iter()
            .filter(|b| fig.lines.contains(&b.line))
            .collect();
        let shown: Vec<String> = inside
            .iter()
            .filter(|b| b.lang == "rust")
            .flat_map(|b| markdown::directives(&b.content))
            .filter_map(|d| cx.target(&d))
            .collect();
        match &fig.caption {
            None => cx.problem(
                line,
                shown.first().map(String::as_str),
                "figure without a <figcaption>",
            ),
            Some(caption) => {
                if !caption.starts_with(&format!("Listing {number}: ")) {
                    cx.problem(
                        line,
                        shown.first().map(String::as_str),
                        format!("the caption should start with \"Listing {number}: \""),
                    );
                }
                for file in &shown {
                    if !caption.contains(file.as_str()) {
                        cx.problem(
                            line,
                            Some(file),
                            "the caption should name the file it shows",
                        );
                    }
                }
            }
        }
    }
    for block in blocks
        .iter()
        .filter(|b| b.lang == "rust" && !markdown::directives(&b.content).is_empty())
    {
        if !figs.iter().any(|f| f.lines.contains(&block.line)) {
            let listing = markdown::directives(&block.content)
                .iter()
                .find_map(|d| cx.target(d));
            cx.problem(
                block.line,
                listing.as_deref(),
                "a listing must sit in a numbered <figure class=\"listing\"> with a caption",
            );
        }
    }
}

/// Diagrams carry a text description; numbered chapters have a diagram and end with a summary.
fn check_shape(cx: &mut Ctx<'_>, blocks: &[Block]) {
    for block in blocks.iter().filter(|b| b.lang == "mermaid") {
        for key in ["accTitle", "accDescr"] {
            if !block.content.contains(key) {
                cx.problem(
                    block.line,
                    None,
                    format!("a diagram needs `{key}:` (a text description for screen readers)"),
                );
            }
        }
    }
    // A memory picture (```memory, drawn by crates/mdbook-memory) is a diagram too.
    if cx.chapter.number.is_some()
        && !blocks
            .iter()
            .any(|b| b.lang == "mermaid" || b.lang == "memory")
    {
        cx.problem(
            0,
            None,
            "a chapter has at least one diagram (a ```mermaid block or a ```memory picture)",
        );
    }
    if cx.chapter.number.is_some() && !cx.chapter.raw.lines().any(|l| l.trim() == "## Summary") {
        cx.problem(0, None, "a chapter ends with a `## Summary` section");
    }
}
