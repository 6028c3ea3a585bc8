//! `mdbook-memory`: the mdBook preprocessor. mdBook runs `mdbook-memory supports <renderer>`
//! (exit 0: yes), then `mdbook-memory` with `[context, book]` as JSON on stdin, and reads the
//! book back on stdout. Chapters are walked as plain JSON, so no mdBook crate is needed.

use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("supports") => {
            // The pictures are HTML: any renderer that takes HTML in markdown.
            return match args.get(1).map(String::as_str) {
                Some("html") | None => ExitCode::SUCCESS,
                Some(_) => ExitCode::FAILURE,
            };
        }
        Some("--version") | Some("-V") => {
            println!("mdbook-memory {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        // `mdbook-memory render src/ch04-moves.md`: the chapter's pictures as HTML, to preview
        // them without building the book.
        Some("render") => {
            let mut failed = false;
            for file in &args[1..] {
                let path = Path::new(file);
                let content = std::fs::read_to_string(path).unwrap_or_default();
                let base = path.parent().unwrap_or(Path::new("."));
                for block in mdbook_memory::blocks(&content) {
                    match mdbook_memory::check(&block, base, file) {
                        Ok(html) => println!("{html}"),
                        Err(e) => {
                            eprintln!("{e}");
                            failed = true;
                        }
                    }
                }
            }
            return if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
        Some(other) => {
            eprintln!(
                "mdbook-memory: unknown argument `{other}` (an mdBook preprocessor: see book.toml)"
            );
            return ExitCode::FAILURE;
        }
        None => {}
    }
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("mdbook-memory: reading stdin: {e}");
        return ExitCode::FAILURE;
    }
    match run(&input) {
        Ok(book) => {
            println!("{book}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in errors {
                eprintln!("[ERROR] mdbook-memory: {e}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str) -> Result<String, Vec<String>> {
    let value: Value = serde_json::from_str(input).map_err(|e| vec![format!("bad input: {e}")])?;
    let Value::Array(mut pair) = value else {
        return Err(vec!["expected [context, book] on stdin".into()]);
    };
    if pair.len() != 2 {
        return Err(vec!["expected [context, book] on stdin".into()]);
    }
    let mut book = pair.pop().expect("two items");
    let ctx = pair.pop().expect("two items");
    let root = PathBuf::from(ctx["root"].as_str().unwrap_or("."));
    let src = ctx["config"]["book"]["src"].as_str().unwrap_or("src");
    let src_dir = root.join(src);
    let mut errors = Vec::new();
    for key in ["items", "sections"] {
        if let Some(items) = book.get_mut(key).and_then(Value::as_array_mut) {
            walk(items, &src_dir, &mut errors);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    serde_json::to_string(&book).map_err(|e| vec![e.to_string()])
}

fn walk(items: &mut [Value], src_dir: &Path, errors: &mut Vec<String>) {
    for item in items {
        let Some(chapter) = item.get_mut("Chapter") else {
            continue;
        };
        let path = chapter["path"].as_str().map(str::to_owned);
        if let (Some(path), Some(content)) = (&path, chapter["content"].as_str())
            && (content.contains("```memory") || content.contains("~~~memory"))
        {
            let file = src_dir.join(path);
            let base = file.parent().unwrap_or(src_dir).to_path_buf();
            let name = format!(
                "{}/{path}",
                src_dir
                    .file_name()
                    .and_then(|s| s.to_str())
                    .unwrap_or("src")
            );
            match mdbook_memory::expand(content, &base, &name) {
                Ok(new) => chapter["content"] = Value::String(new),
                Err(e) => errors.extend(e),
            }
        }
        if let Some(sub) = chapter.get_mut("sub_items").and_then(Value::as_array_mut) {
            walk(sub, src_dir, errors);
        }
    }
}
