//! Every runnable listing is compiled and run as a reader would (`rustc --edition 2024`), and
//! what it prints is compared with the snapshot the chapter shows: `NN-x.stdout`, plus
//! `NN-x.release.stdout` (an optimized build) when that file exists. `panic_` listings must
//! panic (exit code 101) and their stderr must match `panic_x.stderr`.
//! `BLESS=1 cargo test` writes missing or stale snapshots.

use book_tooling::listing::{self, Kind, Profile};
use book_tooling::{book, snapshot};
use std::path::Path;
use std::sync::Mutex;

#[test]
fn every_listing_prints_what_the_book_shows() {
    let root = book_tooling::repo_root(Path::new(env!("CARGO_MANIFEST_DIR")));
    let bless = book_tooling::blessing();
    let mut jobs: Vec<(String, Profile)> = Vec::new();
    for file in book::listing_files(&root) {
        if listing::kind_of(&file) == Kind::FailsToCompile {
            continue;
        }
        jobs.push((file.clone(), Profile::Debug));
        if root.join(file.replace(".rs", ".release.stdout")).exists() {
            jobs.push((file, Profile::Release));
        }
    }
    let queue = Mutex::new(jobs.into_iter());
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let job = queue.lock().unwrap().next();
                    let Some((file, profile)) = job else { break };
                    if let Err(e) = check_listing(&root, &file, profile, bless) {
                        failures.lock().unwrap().push(format!("{file} ({}): {e}", profile.name()));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    assert!(
        failures.is_empty(),
        "\n{} listing(s) do not print what the book shows:\n\n{}\n\
         If the change is intended, re-bless with `BLESS=1 cargo test` and review the diff.\n",
        failures.len(),
        failures.join("\n")
    );
}

fn check_listing(root: &Path, file: &str, profile: Profile, bless: bool) -> Result<(), String> {
    let source = std::fs::read_to_string(root.join(file)).map_err(|e| e.to_string())?;
    let varies = snapshot::varies_patterns(&source)?;
    let run = listing::run(root, file, profile)?;
    let kind = listing::kind_of(file);
    let expected_code = if kind == Kind::Panics { 101 } else { 0 };
    if run.code != Some(expected_code) {
        return Err(format!(
            "exited with {:?}, expected {expected_code}\n--- stderr ---\n{}",
            run.code, run.stderr
        ));
    }
    let stdout = match profile {
        Profile::Debug => file.replace(".rs", ".stdout"),
        Profile::Release => file.replace(".rs", ".release.stdout"),
    };
    let mut problems = Vec::new();
    if let Err(e) = snapshot::check(&root.join(&stdout), &run.stdout, &varies, bless) {
        problems.push(format!("{stdout} is stale:\n{e}"));
    }
    if kind == Kind::Panics && profile == Profile::Debug {
        let stderr = file.replace(".rs", ".stderr");
        if let Err(e) = snapshot::check(&root.join(&stderr), &run.stderr, &varies, bless) {
            problems.push(format!("{stderr} is stale:\n{e}"));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}
