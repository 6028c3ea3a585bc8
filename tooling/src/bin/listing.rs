//! `cargo listing ch04-moves/01-string-move [--release]`: compile and run one listing, as a
//! reader would, with its output on the terminal. A `fail_` listing shows its compiler errors.

use book_tooling::listing::{self, Kind, Profile};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let release = args.iter().any(|a| a == "--release");
    let names: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [name] = names.as_slice() else {
        eprintln!("usage: cargo listing <chapter-dir>/<listing> [--release]");
        eprintln!("   eg: cargo listing ch04-moves/01-string-move");
        return ExitCode::from(2);
    };
    let root = book_tooling::repo_root(&std::env::current_dir().expect("current dir"));
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
    eprintln!("compiling {file} ({}, edition 2024)", profile.name());
    match listing::build(&root, &file, profile) {
        Err(stderr) => {
            eprint!("{stderr}");
            if listing::kind_of(&file) == Kind::FailsToCompile {
                eprintln!("(as expected: this listing is one that must not compile)");
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Ok(bin) => {
            let status = Command::new(bin)
                .current_dir(&root)
                .status()
                .expect("run the listing");
            ExitCode::from(status.code().unwrap_or(1).clamp(0, 255) as u8)
        }
    }
}
