use std::collections::HashMap;
use std::env;
use std::fs::File;
use std::io::{self, Read, Write};
use std::mem;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag};

use crate::rt::SkepticError;

mod result_cache;
pub mod rt;
#[cfg(test)]
mod tests;

/// Returns a list of markdown files under a directory.
///
/// # Usage
///
/// List markdown files of `mdbook` which are under `<project dir>/book` usually:
///
/// ```rust
/// extern crate skeptic;
///
/// use skeptic::markdown_files_of_directory;
///
/// fn main() {
///     let _ = markdown_files_of_directory("book/");
/// }
/// ```
pub fn markdown_files_of_directory(dir: &str) -> Vec<PathBuf> {
    use glob::{glob_with, MatchOptions};

    let opts = MatchOptions {
        case_sensitive: false,
        require_literal_separator: false,
        require_literal_leading_dot: false,
    };
    let mut out = Vec::new();

    for path in glob_with(&format!("{}/**/*.md", dir), opts)
        .expect("Failed to read glob pattern")
        .filter_map(Result::ok)
    {
        out.push(path.to_str().unwrap().into());
    }

    out
}

/// Generates tests for specified markdown files.
///
/// # Usage
///
/// Generates doc tests for the specified files.
///
/// ```rust,no_run
/// extern crate skeptic;
///
/// use skeptic::generate_doc_tests;
///
/// fn main() {
///     generate_doc_tests(&["README.md"]);
/// }
/// ```
///
/// Or in case you want to add `mdbook` files:
///
/// ```rust,no_run
/// extern crate skeptic;
///
/// use skeptic::*;
///
/// fn main() {
///     let mut mdbook_files = markdown_files_of_directory("book/");
///     mdbook_files.push("README.md".into());
///     generate_doc_tests(&mdbook_files);
/// }
/// ```
pub fn generate_doc_tests<T>(docs: &[T])
where
    T: Clone + AsRef<Path>,
{
    // This shortcut is specifically so examples in skeptic's on
    // readme can call this function in non-build.rs contexts, without
    // panicking below.
    if docs.is_empty() {
        return;
    }

    let docs = docs
        .iter()
        .map(|path| path.as_ref().to_str().unwrap().to_owned())
        .filter(|d| !d.ends_with(".skt.md"))
        .collect::<Vec<_>>();

    // Inform cargo that it needs to rerun the build script if one of the skeptic files are
    // modified
    for doc in &docs {
        println!("cargo:rerun-if-changed={}", doc);

        let skt = format!("{}.skt.md", doc);
        if Path::new(&skt).exists() {
            println!("cargo:rerun-if-changed={}", skt);
        }
    }

    let out_dir = env::var("OUT_DIR").unwrap();
    let cargo_manifest_dir = env::var("CARGO_MANIFEST_DIR").unwrap();

    let mut out_file = PathBuf::from(out_dir.clone());
    out_file.push("skeptic-tests.rs");

    let config = Config {
        out_dir: PathBuf::from(out_dir),
        root_dir: PathBuf::from(cargo_manifest_dir),
        out_file,
        target_triple: env::var("TARGET").expect("could not get target triple"),
        docs,
    };

    run(&config);
}

struct Config {
    out_dir: PathBuf,
    root_dir: PathBuf,
    out_file: PathBuf,
    target_triple: String,
    docs: Vec<String>,
}

fn run(config: &Config) {
    let tests = extract_tests(config).unwrap();

    // Pre-populate the cache during build phase
    if let Err(e) = crate::rt::populate_cache_during_build(&config.root_dir, &config.target_triple)
    {
        // Don't fail the build if cache population fails, just warn
        eprintln!(
            "Warning: Failed to populate skeptic cache during build: {}",
            e
        );
    }

    emit_tests(config, tests).unwrap();
}

/// PATCH(runtime): one Rust block of a Markdown file, as it is checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// A test name (`ch04_moves_line_42_01_string_move`), unique within its file.
    pub name: String,
    /// Where it came from (`src/ch04-moves.md:42 [listings/ch04-moves/01-string-move.rs]`).
    pub origin: String,
    /// Exactly what rustc is given (PATCH(as-shown)).
    pub code: String,
    pub expect: rt::Expect,
    /// `edition20xx` on the fence.
    pub edition: Option<String>,
    /// `ignore` on the fence: a failure, never a skip (PATCH(expect)).
    pub ignore: bool,
}

/// PATCH(runtime): the Rust blocks of one Markdown text (`file_stem` names blocks that have no
/// `<!-- block -->` marker), to be checked at run time with [`rt::Checker`]. Templates
/// (`skt-*`, `skeptic-template`) are not supported here: a block that names one is returned
/// without it.
pub fn blocks(markdown: &str, file_stem: &str) -> Vec<Block> {
    let (tests, _old_template) = extract_tests_from_string(markdown, &sanitize_test_name(file_stem));
    tests
        .into_iter()
        .map(|test| Block {
            code: create_test_input(&test.text),
            expect: match (&test.compile_fail, test.should_panic, test.no_run) {
                (Some(code), _, _) => rt::Expect::CompileFail(code.clone()),
                (None, true, _) => rt::Expect::Panic,
                (None, false, true) => rt::Expect::Compile,
                (None, false, false) => rt::Expect::Run,
            },
            name: test.name,
            origin: test.origin,
            edition: test.edition,
            ignore: test.ignore,
        })
        .collect()
}

struct Test {
    name: String,
    text: Vec<String>,
    ignore: bool,
    no_run: bool,
    should_panic: bool,
    template: Option<String>,
    /// PATCH(expect): `compile_fail`, with the error code given on the fence, if any.
    compile_fail: Option<Option<String>>,
    /// PATCH(expect): `edition20xx` on the fence.
    edition: Option<String>,
    /// PATCH(origin): where the block came from, for failure messages.
    origin: String,
}

struct DocTestSuite {
    doc_tests: Vec<DocTest>,
}

struct DocTest {
    path: PathBuf,
    old_template: Option<String>,
    tests: Vec<Test>,
    templates: HashMap<String, String>,
}

fn extract_tests(config: &Config) -> Result<DocTestSuite, SkepticError> {
    let mut doc_tests = Vec::new();
    for doc in &config.docs {
        let path = &mut config.root_dir.clone();
        path.push(doc);
        let new_tests = extract_tests_from_file(path)?;
        doc_tests.push(new_tests);
    }
    Ok(DocTestSuite { doc_tests })
}

enum Buffer {
    None,
    Code(Vec<String>),
    Heading(String),
}

fn extract_tests_from_file(path: &Path) -> Result<DocTest, SkepticError> {
    let mut file = File::open(path)?;
    let s = &mut String::new();
    file.read_to_string(s)?;

    let file_stem = &sanitize_test_name(path.file_stem().unwrap().to_str().unwrap());

    let tests = extract_tests_from_string(s, file_stem);

    let templates = load_templates(path)?;

    Ok(DocTest {
        path: path.to_owned(),
        old_template: tests.1,
        tests: tests.0,
        templates,
    })
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

    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Html(ref html) => {
                if let Some(m) = parse_marker(html) {
                    marker = Some(m);
                }
            }
            Event::Start(Tag::Heading(level, ..)) if level < HeadingLevel::H3 => {
                buffer = Buffer::Heading(String::new());
            }
            Event::End(Tag::Heading(level, ..)) if level < HeadingLevel::H3 => {
                let cur_buffer = mem::replace(&mut buffer, Buffer::None);
                if let Buffer::Heading(sect) = cur_buffer {
                    section = Some(sanitize_test_name(&sect));
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info))) => {
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
                            line + bytecount::count(&s.as_bytes()[pos..range.start], b'\n')
                        } else {
                            line - bytecount::count(&s.as_bytes()[range.start..pos], b'\n')
                        };
                        line_cursor = (range.start, code_block_start);
                    }
                    buf.extend(text.lines().map(|s| format!("{}\n", s)));
                } else if let Buffer::Heading(ref mut buf) = buffer {
                    buf.push_str(&text);
                }
            }
            Event::End(Tag::CodeBlock(CodeBlockKind::Fenced(ref info))) => {
                let code_block_info = parse_code_block_info(info);
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
                                    format!("{}_sect_{}_line_{}", file_stem, section, code_block_start)
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
                        tests.push(Test {
                            name,
                            text: buf,
                            ignore: code_block_info.ignore,
                            no_run: code_block_info.no_run,
                            should_panic: code_block_info.should_panic,
                            template: code_block_info.template,
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
    let rest = html.trim().strip_prefix("<!-- block ")?.strip_suffix("-->")?;
    let mut words = rest.split_whitespace();
    let at = words.next()?.to_owned();
    let listing = words.next().filter(|w| *w != "-").unwrap_or("").to_owned();
    Some((at, listing))
}

fn load_templates(path: &Path) -> Result<HashMap<String, String>, SkepticError> {
    let file_name = format!(
        "{}.skt.md",
        path.file_name().expect("no file name").to_string_lossy()
    );
    let path = path.with_file_name(&file_name);
    if !path.exists() {
        return Ok(HashMap::new());
    }

    let mut map = HashMap::new();

    let mut file = File::open(path)?;
    let s = &mut String::new();
    file.read_to_string(s)?;
    let parser = Parser::new(s);

    let mut code_buffer = None;

    for event in parser {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info))) => {
                let code_block_info = parse_code_block_info(info);
                if code_block_info.is_rust {
                    code_buffer = Some(Vec::new());
                }
            }
            Event::Text(text) => {
                if let Some(ref mut buf) = code_buffer {
                    buf.push(text.to_string());
                }
            }
            Event::End(Tag::CodeBlock(CodeBlockKind::Fenced(ref info))) => {
                let code_block_info = parse_code_block_info(info);
                if let Some(buf) = code_buffer.take() {
                    if let Some(t) = code_block_info.template {
                        map.insert(t, buf.into_iter().collect());
                    }
                }
            }
            _ => (),
        }
    }

    Ok(map)
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
        template: None,
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
            _ if token.starts_with("skt-") => {
                info.template = Some(token[4..].to_string());
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
    template: Option<String>,
    compile_fail: Option<Option<String>>,
    edition: Option<String>,
}

fn emit_tests(config: &Config, suite: DocTestSuite) -> Result<(), SkepticError> {
    let mut out = String::new();

    // Test cases use the api from skeptic::rt
    out.push_str("extern crate skeptic;\n");

    for doc_test in suite.doc_tests {
        for test in &doc_test.tests {
            let test_string = {
                if let Some(ref t) = test.template {
                    let template = doc_test.templates.get(t).unwrap_or_else(|| {
                        panic!("template {} not found for {}", t, doc_test.path.display())
                    });
                    create_test_runner(config, &Some(template.to_string()), test)?
                } else {
                    create_test_runner(config, &doc_test.old_template, test)?
                }
            };
            out.push_str(&test_string);
        }
    }
    write_if_contents_changed(&config.out_file, &out)
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
    let newline = if body.is_empty() || body.ends_with('\n') { "" } else { "\n" };
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

fn create_test_runner(
    config: &Config,
    template: &Option<String>,
    test: &Test,
) -> Result<String, SkepticError> {
    let template = template.clone().unwrap_or_else(|| String::from("{}"));
    let test_text = create_test_input(&test.text);

    let mut s: Vec<u8> = Vec::new();
    writeln!(s, "#[test] fn {}() {{", test.name)?;
    if test.ignore {
        // PATCH(expect): an `ignore`d block is a failure that names the block, not a skip.
        writeln!(s, "    panic!(r####\"{}: block marked ignore\"####);", test.origin)?;
        writeln!(s, "}}")?;
        writeln!(s)?;
        return Ok(String::from_utf8(s).unwrap());
    }
    writeln!(
        s,
        "    let s = &format!(r####\"\n{}\"####, r####\"{}\"####);",
        template, test_text
    )?;

    // PATCH(expect): one entry point that knows what the block must do.
    let expect = match (&test.compile_fail, test.should_panic, test.no_run) {
        (Some(Some(code)), _, _) => format!("CompileFail(Some({:?}.to_owned()))", code),
        (Some(None), _, _) => "CompileFail(None)".to_owned(),
        (None, true, _) => "Panic".to_owned(),
        (None, false, true) => "Compile".to_owned(),
        (None, false, false) => "Run".to_owned(),
    };
    writeln!(
        s,
        "    skeptic::rt::check_block(r#\"{}\"#, r#\"{}\"#, r#\"{}\"#, s, skeptic::rt::Expect::{}, {:?}, r####\"{}\"####);",
        config.root_dir.to_str().unwrap(),
        config.out_dir.to_str().unwrap(),
        config.target_triple,
        expect,
        test.edition.as_deref(),
        test.origin
    )?;
    writeln!(s, "}}")?;
    writeln!(s)?;

    Ok(String::from_utf8(s).unwrap())
}

fn write_if_contents_changed(name: &Path, contents: &str) -> Result<(), SkepticError> {
    // Can't open in write mode now as that would modify the last changed timestamp of the file
    match File::open(name) {
        Ok(mut file) => {
            let mut current_contents = String::new();
            file.read_to_string(&mut current_contents)?;
            if current_contents == contents {
                // No change avoid writing to avoid updating the timestamp of the file
                return Ok(());
            }
        }
        Err(ref err) if err.kind() == io::ErrorKind::NotFound => (),
        Err(err) => return Err(SkepticError::Io(err)),
    }
    let mut file = File::create(name)?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}
