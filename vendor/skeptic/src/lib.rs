//! skeptic 0.14.2, cut down to what Rust Memory, Measured needs (see PATCHES.md): it reads the
//! Rust blocks of a Markdown text, as rustdoc and mdBook read their fences, and says what each
//! block must do. Compiling and running them is the book's runner's job
//! (`book_tooling::runner`), so this crate has one dependency: the Markdown parser the book's
//! tooling uses too (pulldown-cmark 0.13).

use std::collections::HashMap;
use std::mem;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

#[cfg(test)]
mod tests;

/// PATCH(expect): what a block must do, from its fence's attributes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Expect {
    /// Compile and run; exit 0.
    Run,
    /// `no_run`: compile only.
    Compile,
    /// `should_panic`: compile, then panic when run (exit code 101). Failing to compile is a
    /// failure, not a pass.
    Panic,
    /// `compile_fail[,EXXXX]`: must not compile, with that error code when one is given.
    CompileFail(Option<String>),
}

/// PATCH(runtime): one Rust block of a Markdown file, as it is checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// A test name (`ch04_moves_line_42_01_string_move`), unique within its file.
    pub name: String,
    /// Where it came from (`src/ch04-moves.md:42 [listings/ch04-moves/01-string-move.rs]`).
    pub origin: String,
    /// The listing it shows, if the expansion step marked one (`listings/ch04-moves/01-x.rs`).
    pub listing: Option<String>,
    /// Exactly what rustc is given (PATCH(as-shown)).
    pub code: String,
    pub expect: Expect,
    /// `edition20xx` on the fence.
    pub edition: Option<String>,
    /// `ignore` on the fence: a failure, never a skip (PATCH(expect)).
    pub ignore: bool,
}

/// PATCH(runtime): the Rust blocks of one Markdown text (`file_stem` names blocks that have no
/// `<!-- block -->` marker). Templates (`skt-*`, `skeptic-template`) are not supported.
pub fn blocks(markdown: &str, file_stem: &str) -> Vec<Block> {
    let (tests, _old_template) =
        extract_tests_from_string(markdown, &sanitize_test_name(file_stem));
    tests
        .into_iter()
        .map(|test| Block {
            code: create_test_input(&test.text),
            expect: match (&test.compile_fail, test.should_panic, test.no_run) {
                (Some(code), _, _) => Expect::CompileFail(code.clone()),
                (None, true, _) => Expect::Panic,
                (None, false, true) => Expect::Compile,
                (None, false, false) => Expect::Run,
            },
            name: test.name,
            listing: test.listing,
            origin: test.origin,
            edition: test.edition,
            ignore: test.ignore,
        })
        .collect()
}

/// What compiling and running a block gave, for [`judge`].
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome<'a> {
    pub compiled: bool,
    /// What the compiler printed (rendered, not JSON).
    pub compiler: &'a str,
    /// The exit code of the run, when there was one (`None`: a signal, or not run).
    pub exit: Option<i32>,
}

/// PATCH(expect): whether `outcome` is what a block marked `expect` must do; the reason if not.
pub fn judge(expect: &Expect, outcome: &Outcome<'_>) -> Result<(), String> {
    match expect {
        Expect::Compile if outcome.compiled => Ok(()),
        Expect::Run | Expect::Compile if !outcome.compiled => {
            Err("the block does not compile".to_owned())
        }
        Expect::Run => match outcome.exit {
            Some(0) => Ok(()),
            other => Err(format!(
                "the block compiled but failed when run (exit code {other:?})"
            )),
        },
        Expect::Compile => unreachable!(),
        Expect::Panic => {
            if !outcome.compiled {
                return Err("a should_panic block must compile, and this one does not".to_owned());
            }
            match outcome.exit {
                Some(101) => Ok(()),
                Some(0) => Err("a should_panic block ran to the end without panicking".to_owned()),
                other => Err(format!(
                    "a should_panic block ended with {other:?}, not a panic (101)"
                )),
            }
        }
        Expect::CompileFail(code) => {
            if outcome.compiled {
                return Err("a compile_fail block compiled".to_owned());
            }
            match code {
                Some(code) if !outcome.compiler.contains(&format!("error[{code}]")) => Err(
                    format!("a compile_fail,{code} block failed to compile, but not with {code}"),
                ),
                _ => Ok(()),
            }
        }
    }
}

struct Test {
    name: String,
    text: Vec<String>,
    ignore: bool,
    no_run: bool,
    should_panic: bool,
    /// PATCH(expect): `compile_fail`, with the error code given on the fence, if any.
    compile_fail: Option<Option<String>>,
    /// PATCH(expect): `edition20xx` on the fence.
    edition: Option<String>,
    /// PATCH(origin): where the block came from, for failure messages.
    origin: String,
    listing: Option<String>,
}

enum Buffer {
    None,
    Code(Vec<String>),
    Heading(String),
}

fn count_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

fn extract_tests_from_string(s: &str, file_stem: &str) -> (Vec<Test>, Option<String>) {
    let mut tests = Vec::new();
    let mut buffer = Buffer::None;
    let parser = Parser::new(s);
    let mut section = None;
    let mut code_block_start = 0;
    // Line numbers are only needed where a code block starts, so count
    // newlines incrementally from the previous such position (offset, line)
    // instead of from the start of the file for every event.
    let mut line_cursor = (0usize, 0usize);
    // Oh this isn't actually a test but a legacy template
    let mut old_template = None;
    // PATCH(origin): `<!-- block FILE:LINE LISTING -->` markers, written before each block by
    // the book's expansion step, say where a block of the expanded text came from.
    let mut marker: Option<(String, String)> = None;
    let mut block_marker: Option<(String, String)> = None;
    let mut names_seen: HashMap<String, usize> = HashMap::new();
    // PATCH(one-parser): pulldown-cmark 0.13's end events no longer carry the fence's info.
    let mut fence_info = String::new();

    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Html(ref html) => {
                if let Some(m) = parse_marker(html) {
                    marker = Some(m);
                }
            }
            Event::Start(Tag::Heading { level, .. }) if level < HeadingLevel::H3 => {
                buffer = Buffer::Heading(String::new());
            }
            Event::End(TagEnd::Heading(level)) if level < HeadingLevel::H3 => {
                let cur_buffer = mem::replace(&mut buffer, Buffer::None);
                if let Buffer::Heading(sect) = cur_buffer {
                    section = Some(sanitize_test_name(&sect));
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info))) => {
                fence_info = info.to_string();
                let code_block_info = parse_code_block_info(info);
                if code_block_info.is_rust {
                    buffer = Buffer::Code(Vec::new());
                    block_marker = marker.take();
                }
            }
            Event::Text(text) => {
                if let Buffer::Code(ref mut buf) = buffer {
                    if buf.is_empty() {
                        let (pos, line) = line_cursor;
                        code_block_start = if range.start >= pos {
                            line + count_newlines(&s.as_bytes()[pos..range.start])
                        } else {
                            line - count_newlines(&s.as_bytes()[range.start..pos])
                        };
                        line_cursor = (range.start, code_block_start);
                    }
                    buf.extend(text.lines().map(|s| format!("{}\n", s)));
                } else if let Buffer::Heading(ref mut buf) = buffer {
                    buf.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                let code_block_info = parse_code_block_info(&fence_info);
                if let Buffer::Code(buf) = mem::replace(&mut buffer, Buffer::None) {
                    if code_block_info.is_old_template {
                        old_template = Some(buf.into_iter().collect())
                    } else {
                        let (mut name, origin) = match block_marker.take() {
                            Some((at, listing)) => {
                                let listing_stem = listing.rsplit('/').next().unwrap_or("");
                                let listing_stem = listing_stem.trim_end_matches(".rs");
                                let chapter = at.rsplit('/').next().unwrap_or(&at);
                                let name = sanitize_test_name(&format!(
                                    "{} {}",
                                    chapter.replace(".md:", " line "),
                                    listing_stem
                                ));
                                let origin = if listing.is_empty() {
                                    at
                                } else {
                                    format!("{} [{}]", at, listing)
                                };
                                (name, origin)
                            }
                            None => {
                                let name = if let Some(ref section) = section {
                                    format!(
                                        "{}_sect_{}_line_{}",
                                        file_stem, section, code_block_start
                                    )
                                } else {
                                    format!("{}_line_{}", file_stem, code_block_start)
                                };
                                (name, format!("{} line {}", file_stem, code_block_start))
                            }
                        };
                        let seen = names_seen.entry(name.clone()).or_insert(0);
                        *seen += 1;
                        if *seen > 1 {
                            name = format!("{}_{}", name, seen);
                        }
                        let listing = origin
                            .split_once(" [")
                            .map(|(_, l)| l.trim_end_matches(']').to_owned());
                        tests.push(Test {
                            listing,
                            name,
                            text: buf,
                            ignore: code_block_info.ignore,
                            no_run: code_block_info.no_run,
                            should_panic: code_block_info.should_panic,
                            compile_fail: code_block_info.compile_fail,
                            edition: code_block_info.edition,
                            origin,
                        });
                    }
                }
            }
            _ => (),
        }
    }
    (tests, old_template)
}

/// PATCH(origin): `<!-- block src/ch04-moves.md:42 listings/ch04-moves/01-x.rs -->`
/// → ("src/ch04-moves.md:42", "listings/ch04-moves/01-x.rs"); "-" means no listing.
fn parse_marker(html: &str) -> Option<(String, String)> {
    let rest = html
        .trim()
        .strip_prefix("<!-- block ")?
        .strip_suffix("-->")?;
    let mut words = rest.split_whitespace();
    let at = words.next()?.to_owned();
    let listing = words.next().filter(|w| *w != "-").unwrap_or("").to_owned();
    Some((at, listing))
}

fn sanitize_test_name(s: &str) -> String {
    s.to_ascii_lowercase()
        .chars()
        .map(|ch| {
            if ch.is_ascii() && ch.is_alphanumeric() {
                ch
            } else {
                '_'
            }
        })
        .collect::<String>()
        .split('_')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

fn parse_code_block_info(info: &str) -> CodeBlockInfo {
    // Same as rustdoc
    let tokens = info.split(|c: char| !(c == '_' || c == '-' || c.is_alphanumeric()));

    let mut seen_rust_tags = false;
    let mut seen_other_tags = false;
    let mut info = CodeBlockInfo {
        is_rust: false,
        should_panic: false,
        ignore: false,
        no_run: false,
        is_old_template: false,
        compile_fail: None,
        edition: None,
    };
    let mut error_code = None;

    for token in tokens {
        match token {
            "" => {}
            "rust" => {
                info.is_rust = true;
                seen_rust_tags = true
            }
            "should_panic" => {
                info.should_panic = true;
                seen_rust_tags = true
            }
            "ignore" => {
                info.ignore = true;
                seen_rust_tags = true
            }
            "no_run" => {
                info.no_run = true;
                seen_rust_tags = true;
            }
            "skeptic-template" => {
                info.is_old_template = true;
                seen_rust_tags = true
            }
            // PATCH(expect): compile_fail, error codes and editions, as rustdoc reads them.
            "compile_fail" => {
                info.compile_fail = Some(None);
                seen_rust_tags = true;
            }
            _ if token.len() == 5
                && token.starts_with('E')
                && token[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                error_code = Some(token.to_owned());
                seen_rust_tags = true;
            }
            _ if token.starts_with("edition") && token[7..].parse::<u16>().is_ok() => {
                info.edition = Some(token[7..].to_owned());
                seen_rust_tags = true;
            }
            _ => seen_other_tags = true,
        }
    }

    info.is_rust &= !seen_other_tags || seen_rust_tags;
    if info.compile_fail.is_some() {
        info.compile_fail = Some(error_code);
    }

    info
}

struct CodeBlockInfo {
    is_rust: bool,
    should_panic: bool,
    ignore: bool,
    no_run: bool,
    is_old_template: bool,
    compile_fail: Option<Option<String>>,
    edition: Option<String>,
}

/// Creates the Rust code that this test will be operating on.
///
/// PATCH(as-shown): exactly what mdBook's playground sends: hidden `# ` lines shown (keeping
/// their indentation), `##` unescaped to `#`, and a `fn main` wrapper (after any leading inner
/// attributes) when the code has none — the rule of mdBook's `wrap_rust_main`.
fn create_test_input(lines: &[String]) -> String {
    let code: String = lines.iter().map(|s| unhide_line(s)).collect();
    if code.contains("fn main") || code.contains("quick_main!") {
        return code;
    }
    let mut split = 0;
    for line in code.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() || t.starts_with("#![") {
            split += line.len();
        } else {
            break;
        }
    }
    let (attrs, body) = code.split_at(split);
    let newline = if body.is_empty() || body.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    format!("#![allow(unused)]\n{attrs}fn main() {{\n{body}{newline}}}\n")
}

/// One line as mdBook's playground sends it (`^(\s*)#(.?)(.*)$`).
fn unhide_line(line: &str) -> String {
    let body = line.trim_end_matches(['\n', '\r']);
    let ws_len = body.len() - body.trim_start().len();
    let (ws, rest) = body.split_at(ws_len);
    let out = match rest.strip_prefix('#') {
        Some(after) if after.starts_with('#') => format!("{}{}", ws, after),
        Some("") => ws.to_owned(),
        Some(after) if after.starts_with(' ') => format!("{}{}", ws, &after[1..]),
        _ => body.to_owned(),
    };
    out + "\n"
}
