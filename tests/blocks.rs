//! Every ```rust block of every chapter, expanded exactly as mdBook expands it, checked by our
//! patched skeptic (vendor/skeptic/PATCHES.md): compiled and run as edition 2024, or checked to
//! panic (`should_panic`) or not to compile (`compile_fail,EXXXX`). A failure starts with the
//! chapter, line and listing, e.g. `src/ch04-moves.md:42 [listings/ch04-moves/01-x.rs]: ...`.
//!
//! The blocks are read when the test runs, not turned into generated code by a build script:
//! editing a chapter or a listing recompiles nothing. A block that passed before, with exactly
//! the same code, compiler, flags and libraries, is not compiled again (PATCH(cache));
//! `BOOK_NO_CACHE=1 cargo test` checks every block from scratch.
//!
//! This is a test binary with its own `main` (`harness = false`) that speaks enough of libtest's
//! command line for `cargo test`: a name filter, `--exact`, `--skip`, `--list`, `-q`,
//! `--test-threads`. Test names are the blocks' (`ch04_moves_line_42_01_string_move`).

use skeptic::rt::{Checker, Passed};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

#[derive(Default)]
struct Args {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    quiet: bool,
    ignored_only: bool,
    threads: Option<usize>,
}

impl Args {
    fn parse(args: impl Iterator<Item = String>) -> Args {
        let mut out = Args::default();
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            let mut value = || inline.clone().or_else(|| args.next()).unwrap_or_default();
            match flag.as_str() {
                "--exact" => out.exact = true,
                "--list" => out.list = true,
                "-q" | "--quiet" => out.quiet = true,
                "--ignored" => out.ignored_only = true,
                "--skip" => out.skip.push(value()),
                "--test-threads" => out.threads = value().parse().ok(),
                // Options of libtest that take a value and change nothing here.
                "--color" | "--format" | "-Z" | "--logfile" | "--shuffle-seed" => {
                    value();
                }
                _ if flag.starts_with('-') => {} // --nocapture, --show-output, --include-ignored...
                _ => out.filters.push(arg),
            }
        }
        out
    }

    fn selects(&self, name: &str) -> bool {
        let matches = |pattern: &String| {
            if self.exact {
                name == pattern
            } else {
                name.contains(pattern.as_str())
            }
        };
        (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skip.iter().any(matches)
    }
}

fn main() -> ExitCode {
    let args = Args::parse(std::env::args().skip(1));
    let root = book_tooling::repo_root(Path::new(env!("CARGO_MANIFEST_DIR")));
    let book = match book_tooling::book::load(&root) {
        Ok(book) => book,
        Err(e) => {
            eprintln!("blocks: the book does not load: {e}");
            return ExitCode::from(101);
        }
    };
    let mut blocks = Vec::new();
    for chapter in &book.chapters {
        let stem = Path::new(&chapter.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("chapter");
        blocks.extend(skeptic::blocks(&chapter.expanded, stem));
    }
    let total = blocks.len();
    blocks.retain(|b| args.selects(&b.name) && !args.ignored_only);
    let filtered_out = total - blocks.len();

    if args.list {
        for block in &blocks {
            println!("{}: test", block.name);
        }
        if !args.quiet {
            println!("\n{} tests, 0 benchmarks", blocks.len());
        }
        return ExitCode::SUCCESS;
    }

    let started = Instant::now();
    println!("\nrunning {} tests", blocks.len());
    let checker = Checker::for_current_test(&root);
    let workers = args
        .threads
        .or_else(|| std::env::var("RUST_TEST_THREADS").ok()?.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    let queue = Mutex::new(blocks.iter());
    let results = Mutex::new(Vec::new());
    let quiet_col = Mutex::new(0usize);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some(block) = next else { break };
                    let result = checker.check(block);
                    let mark = match &result {
                        Ok(Passed::Checked) => "ok",
                        Ok(Passed::Cached) => "ok (cached)",
                        Err(_) => "FAILED",
                    };
                    if args.quiet {
                        let mut col = quiet_col.lock().unwrap_or_else(|e| e.into_inner());
                        print!("{}", if result.is_ok() { "." } else { "F" });
                        *col += 1;
                        if (*col).is_multiple_of(88) {
                            println!();
                        }
                        let _ = std::io::stdout().flush();
                    } else {
                        println!("test {} ... {mark}", block.name);
                    }
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((block, result));
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    if args.quiet && !results.is_empty() {
        println!();
    }

    let mut failures: Vec<_> = results
        .iter()
        .filter_map(|(b, r)| r.as_ref().err().map(|e| (*b, e)))
        .collect();
    failures.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    let cached = results
        .iter()
        .filter(|(_, r)| matches!(r, Ok(Passed::Cached)))
        .count();
    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (block, failure) in &failures {
            println!("---- {} ----\n{failure}\n", block.name);
        }
        println!("failures:");
        for (block, _) in &failures {
            println!("    {}", block.name);
        }
    }
    if cached > 0 {
        println!(
            "\n{cached} of {} blocks passed before with the same code, compiler and flags, and were not \
             compiled again (BOOK_NO_CACHE=1 checks every block)",
            results.len()
        );
    }
    let status = if failures.is_empty() { "ok" } else { "FAILED" };
    println!(
        "\ntest result: {status}. {} passed; {} failed; 0 ignored; 0 measured; {filtered_out} filtered out; \
         finished in {:.2}s\n",
        results.len() - failures.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(101)
    }
}
