//! `cargo listing ch04-moves/01-string-move [--release]`: compile and run one listing, as a
//! reader would, through the book's runner (Cargo's dev or release profile, the listing's
//! `// deps:` and `// lib:`, its time limit), and print what it printed. A `fail_` listing shows
//! its compiler errors.
//!
//! `cargo listing --print-rustc-args <listing>`: the extra `rustc` arguments the harness gives
//! it (`--extern` for its `// deps:` and `// lib:`), one a line, for the clippy gate.
//!
//! `cargo listing --sync-shared`: write the source copy of every shared region (`// BEGIN
//! shared: NAME (source)`) into every other listing that carries it.

use book_tooling::listing::{self, Kind};
use book_tooling::runner::{self, Job, Mode, Profile};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = book_tooling::repo_root(&std::env::current_dir().expect("current dir"));
    if args.iter().any(|a| a == "--sync-shared") {
        let files = book_tooling::book::listing_files(&root);
        return match book_tooling::shared::sync(&root, &files) {
            Ok(changed) if changed.is_empty() => {
                eprintln!("every copy of every shared region is already the source's");
                ExitCode::SUCCESS
            }
            Ok(changed) => {
                for file in changed {
                    eprintln!("updated {file}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        };
    }
    let release = args.iter().any(|a| a == "--release");
    let print_args = args.iter().any(|a| a == "--print-rustc-args");
    let names: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [name] = names.as_slice() else {
        eprintln!("usage: cargo listing <chapter-dir>/<listing> [--release]");
        eprintln!("       cargo listing --sync-shared");
        eprintln!("       cargo listing --print-rustc-args <listing>   (its --extern flags)");
        eprintln!("   eg: cargo listing ch04-moves/01-string-move");
        return ExitCode::from(2);
    };
    let file = match listing::resolve(&root, name) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let profile = if release {
        Profile::Release
    } else {
        Profile::Debug
    };
    let mut job = match Job::listing(&root, &file, profile) {
        Ok(job) => job,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if print_args {
        // For tools that compile the listing themselves (the clippy gate): its `--extern`s.
        for arg in &job.rustc_args {
            println!("{arg}");
        }
        return ExitCode::SUCCESS;
    }
    let kind = listing::kind_of(&file);
    if matches!(kind, Kind::FailsToCompile | Kind::Library) {
        job.mode = Mode::Check;
    }
    eprintln!("compiling {file} ({}, edition 2024)", profile.name());
    if let Ok(Some(reason)) =
        book_tooling::platform::unmet(book_tooling::platform::Platform::current(), &job.source)
    {
        eprintln!("note: this listing {reason}; on this machine it prints why it cannot run");
    }
    let outcome = match runner::run_fresh(&root, &job) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    eprint!("{}", outcome.compiler);
    if !outcome.compiled {
        if kind == Kind::FailsToCompile {
            eprintln!("(as expected: this listing is one that must not compile)");
            return ExitCode::SUCCESS;
        }
        return ExitCode::FAILURE;
    }
    if kind == Kind::FailsToCompile {
        eprintln!("this listing should not compile, but it does");
        return ExitCode::FAILURE;
    }
    let Some(run) = outcome.run() else {
        eprintln!("(a library listing: it compiles; the listings that link it run it)");
        return ExitCode::SUCCESS;
    };
    print!("{}", run.stdout);
    let _ = std::io::stdout().flush();
    eprint!("{}", run.stderr);
    ExitCode::from(run.code.unwrap_or(1).clamp(0, 255) as u8)
}
