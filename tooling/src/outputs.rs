//! The output test: every runnable listing prints what the book shows.
//!
//! `NN-x.rs` must exit 0 and print `NN-x.stdout` (and, when `NN-x.release.stdout` exists, print
//! that in an optimized build too); `panic_x.rs` must panic (exit code 101) and print
//! `panic_x.stdout` and `panic_x.stderr`. Snapshots are compared after normalization
//! (see [`crate::snapshot`]).

use crate::listing::{self, Kind, Profile};
use crate::{book, snapshot};
use std::path::Path;
use std::sync::Mutex;

/// Every (listing, profile) pair the output test runs.
pub fn jobs(root: &Path) -> Vec<(String, Profile)> {
    let mut jobs = Vec::new();
    for file in book::listing_files(root) {
        if matches!(listing::kind_of(&file), Kind::FailsToCompile | Kind::Library) {
            continue;
        }
        jobs.push((file.clone(), Profile::Debug));
        if root.join(file.replace(".rs", ".release.stdout")).exists() {
            jobs.push((file, Profile::Release));
        }
    }
    jobs
}

/// Runs one listing and compares (or, with `bless`, writes) its snapshots.
pub fn check_listing(root: &Path, file: &str, profile: Profile, bless: bool) -> Result<(), String> {
    let source = std::fs::read_to_string(root.join(file)).map_err(|e| e.to_string())?;
    let varies = snapshot::varies_patterns(&source)?;
    let run = listing::run(root, file, profile)?;
    let kind = listing::kind_of(file);
    let expected_code = if kind == Kind::Panics { 101 } else { 0 };
    if run.code != Some(expected_code) {
        return Err(format!(
            "exited with {}, expected {expected_code}\n--- stderr ---\n{}",
            run.code.map_or("a signal".to_owned(), |c| c.to_string()),
            run.stderr
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
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Runs [`check_listing`] for every job on `workers` threads; returns the failures, sorted,
/// each starting with the listing's path and profile.
pub fn check_all(
    root: &Path,
    jobs: Vec<(String, Profile)>,
    bless: bool,
    workers: usize,
) -> Vec<String> {
    let queue = Mutex::new(jobs.into_iter());
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..workers.max(1) {
            s.spawn(|| {
                loop {
                    let job = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some((file, profile)) = job else { break };
                    if let Err(e) = check_listing(root, &file, profile, bless) {
                        let line = format!("{file} ({}): {e}", profile.name());
                        failures
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(line);
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    failures
}
