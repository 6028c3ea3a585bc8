//! The compile-fail check: every `listings/**/fail_*.rs` must fail to compile with exactly the
//! errors saved beside it in `fail_*.stderr` (the file the chapter shows under the code), as
//! judged by trybuild.
//!
//! trybuild compiles its cases through a Cargo project of its own, built from the manifest of
//! the crate it tests. That crate is the book's root package, which has no dependencies, so the
//! project has nothing to build but the cases. All the cases still to check run in one trybuild
//! batch, in a child process (this same test binary, started with `BOOK_TRYBUILD_CHILD=1`), so
//! that its output is captured and split per case and the whole batch has a time limit. A
//! verdict is cached with the listing's text, its `.stderr`, the toolchain and trybuild's
//! version in the key (see [`crate::cache`]).
//!
//! With another rustc than the pinned one, compiler messages are not compared word for word:
//! each listing must still fail with the error code its chapter's block declares (checked by
//! the block check).

use crate::cache::{self, Key};
use crate::runner::{self, RUNNER_VERSION};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

/// The environment variable that makes the test binary a trybuild batch.
pub const CHILD: &str = "BOOK_TRYBUILD_CHILD";

/// The batch's time limit: a cold first run builds trybuild's project.
fn batch_limit(cases: usize) -> Duration {
    Duration::from_secs(180 + 5 * cases as u64)
}

fn key(root: &Path, file: &str) -> Key {
    let read = |f: &str| std::fs::read_to_string(root.join(f)).unwrap_or_else(|_| "\0none".into());
    Key::new(&[
        &RUNNER_VERSION.to_string(),
        "trybuild 1.0.122",
        runner::toolchain(),
        file,
        &read(file),
        &read(&file.replace(".rs", ".stderr")),
    ])
}

/// The verdicts of one batch: file → `Ok` or trybuild's report for that case.
type Verdicts = BTreeMap<String, Result<(), String>>;

struct Batch {
    pending: Vec<String>,
    bless: bool,
    done: OnceLock<Result<Verdicts, String>>,
}

static BATCH: Mutex<Option<&'static Batch>> = Mutex::new(None);

/// Says which cases this run will check (the selected ones), so that the first check runs them
/// all in one batch. Cases whose verdict is cached are left out of the batch.
pub fn plan(root: &Path, files: &[String], bless: bool) {
    let pending = files
        .iter()
        .filter(|f| bless || cache::get::<Result<(), String>>(root, &key(root, f)).is_none())
        .cloned()
        .collect();
    let batch = Box::leak(Box::new(Batch {
        pending,
        bless,
        done: OnceLock::new(),
    }));
    *BATCH.lock().unwrap_or_else(|e| e.into_inner()) = Some(batch);
}

/// Checks one `fail_` listing (after [`plan`]).
pub fn check(root: &Path, file: &str) -> Result<(), String> {
    let k = key(root, file);
    let batch = *BATCH.lock().unwrap_or_else(|e| e.into_inner());
    let batch = batch.ok_or("compile_fail::plan was not called")?;
    if !batch.pending.iter().any(|f| f == file)
        && let Some(verdict) = cache::get::<Result<(), String>>(root, &k)
    {
        return verdict;
    }
    let verdicts = batch
        .done
        .get_or_init(|| run_batch(root, &batch.pending, batch.bless))
        .as_ref()
        .map_err(|e| format!("{file}: {e}"))?;
    let verdict = verdicts.get(file).cloned().unwrap_or_else(|| {
        Err(format!(
            "{file}: trybuild reported nothing for it (see the batch's output in other failures)"
        ))
    });
    if !batch.bless {
        cache::put(root, &k, &verdict);
    }
    verdict
}

/// Runs trybuild on `files` in a child process and splits its report per case.
fn run_batch(root: &Path, files: &[String], bless: bool) -> Result<Verdicts, String> {
    if files.is_empty() {
        return Ok(Verdicts::new());
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut cmd = Command::new(exe);
    cmd.current_dir(root)
        .env(CHILD, "1")
        .env("CARGO_MANIFEST_DIR", root)
        .env("TERM", "dumb")
        .env("NO_COLOR", "1")
        .env_remove("TRYBUILD")
        .args(files);
    if bless {
        cmd.env("TRYBUILD", "overwrite");
    }
    let dir = crate::target_dir(root).join("book-runs").join("trybuild");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let out = runner::limited(
        cmd,
        &dir,
        "trybuild",
        batch_limit(files.len()),
        "the compile-fail batch (trybuild)",
    )
    .map_err(|e| e.0)?;
    let report = format!("{}{}", out.stdout, out.stderr);
    let verdicts = split_report(&report, files);
    if verdicts.len() < files.len() {
        return Err(format!(
            "trybuild did not report on every case (exit code {:?}):\n{report}",
            out.code
        ));
    }
    Ok(verdicts)
}

/// trybuild prints `test listings/x/fail_y.rs ... ok` (or `... mismatch`, `... error`, ...)
/// and, for a case that fails, what it expected and what it got, until the next case.
pub fn split_report(report: &str, files: &[String]) -> Verdicts {
    let mut verdicts = Verdicts::new();
    let mut current: Option<(String, bool, String)> = None;
    let finish = |current: Option<(String, bool, String)>, verdicts: &mut Verdicts| {
        if let Some((file, ok, text)) = current {
            let verdict = if ok {
                Ok(())
            } else {
                Err(format!("{file}: {}", text.trim_end()))
            };
            verdicts.insert(file, verdict);
        }
    };
    for line in report.lines() {
        let case = line.strip_prefix("test ").and_then(|rest| {
            let (file, result) = rest.split_once(" ... ")?;
            files
                .iter()
                .any(|f| f == file.trim())
                .then(|| (file.trim().to_owned(), result.trim()))
        });
        match case {
            Some((file, result)) => {
                finish(current.take(), &mut verdicts);
                let ok = result == "ok";
                current = Some((file, ok, format!("trybuild says: {result}\n")));
            }
            None => {
                if let Some((_, _, text)) = &mut current {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    finish(current, &mut verdicts);
    verdicts
}
