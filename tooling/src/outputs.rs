//! The output check: a runnable listing prints what the book shows.
//!
//! `NN-x.rs` must exit 0 and print `NN-x.stdout` (and, when `NN-x.release.stdout` exists, print
//! that in a release build too); `panic_x.rs` must panic (exit code 101) and print
//! `panic_x.stdout` and `panic_x.stderr`. Snapshots are compared after normalization (see
//! [`crate::snapshot`]); off the reference platform, `// per-platform:` text is reported rather
//! than compared, and a listing whose `// needs:` does not hold is only compiled (see
//! [`crate::platform`]).

use crate::listing::{self, Kind};
use crate::platform::{self, Platform};
use crate::runner::{self, Job, Mode, Profile};
use crate::{book, snapshot};
use std::path::Path;

/// How a check ended when it did not fail.
#[derive(Clone, Debug, PartialEq)]
pub enum Checked {
    /// Everything compared; off the reference platform, the `per-platform` values that differ
    /// from the book's: (snapshot file, the book's value, this machine's).
    Passed(Vec<Difference>),
    /// Not run on this machine, for this reason (it was still compiled).
    Skipped(String),
}

/// A `// per-platform:` value that differs on this machine.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub snapshot: String,
    pub book: String,
    pub here: String,
}

/// What a check is run with.
#[derive(Clone, Copy, Debug)]
pub struct Settings<'a> {
    /// `BLESS=1`: write missing or stale snapshots.
    pub bless: bool,
    pub platform: &'a Platform,
}

/// Every (listing, profile) the output check runs.
pub fn jobs(root: &Path) -> Vec<(String, Profile)> {
    let mut jobs = Vec::new();
    for file in book::listing_files(root) {
        // A `memcheck_` listing is broken on purpose: it runs only under memcheck.
        if matches!(
            listing::kind_of(&file),
            Kind::FailsToCompile | Kind::Library | Kind::Memcheck
        ) {
            continue;
        }
        jobs.push((file.clone(), Profile::Debug));
        if root.join(file.replace(".rs", ".release.stdout")).exists() {
            jobs.push((file, Profile::Release));
        }
    }
    jobs
}

/// Compiles only, where a listing's `// needs:` does not hold: `Some(reason)` when skipped.
pub fn skip_if_unmet(
    root: &Path,
    job: &Job,
    settings: Settings<'_>,
) -> Result<Option<String>, String> {
    let Some(reason) = platform::unmet(settings.platform, &job.source)? else {
        return Ok(None);
    };
    let mut check = job.clone();
    check.mode = Mode::Check;
    let outcome = runner::run(root, &check).map_err(|e| e.to_string())?;
    if !outcome.compiled {
        return Err(format!(
            "it must compile on every platform (only its run {reason}), and it does not here:\n{}",
            outcome.compiler
        ));
    }
    Ok(Some(format!("{reason} (compiled, not run)")))
}

/// Runs one listing and compares (or, with `bless`, writes) its snapshots.
pub fn check_listing(
    root: &Path,
    file: &str,
    profile: Profile,
    settings: Settings<'_>,
) -> Result<Checked, String> {
    let job = Job::listing(root, file, profile)?;
    if let Some(reason) = skip_if_unmet(root, &job, settings)? {
        return Ok(Checked::Skipped(reason));
    }
    let varies = snapshot::varies_patterns(&job.source)?;
    let per_platform = platform::per_platform(&job.source)?;
    let masks = snapshot::Masks {
        varies: &varies,
        per_platform: &per_platform,
        strict: settings.platform.is_reference(),
    };
    let outcome = runner::run(root, &job).map_err(|e| e.to_string())?;
    if !outcome.compiled {
        return Err(format!(
            "does not compile ({}):\n{}",
            profile.name(),
            outcome.compiler
        ));
    }
    let run = outcome.run().ok_or("compiled but did not run")?;
    let kind = listing::kind_of(file);
    let expected_code = if kind == Kind::Panics { 101 } else { 0 };
    if run.code != Some(expected_code) {
        return Err(format!(
            "exited with {}, expected {expected_code}\n--- stderr ---\n{}",
            run.code.map_or("a signal".to_owned(), |c| c.to_string()),
            run.stderr
        ));
    }
    let mut snapshots = vec![(
        match profile {
            Profile::Debug => file.replace(".rs", ".stdout"),
            Profile::Release => file.replace(".rs", ".release.stdout"),
        },
        &run.stdout,
    )];
    if kind == Kind::Panics && profile == Profile::Debug {
        snapshots.push((file.replace(".rs", ".stderr"), &run.stderr));
    }
    let mut problems = Vec::new();
    let mut differences = Vec::new();
    for (snap, actual) in snapshots {
        match snapshot::check(&root.join(&snap), actual, masks, settings.bless) {
            Ok(rows) => differences.extend(rows.into_iter().map(|(book, here)| Difference {
                snapshot: snap.clone(),
                book,
                here,
            })),
            Err(e) => problems.push(format!("{snap} is stale:\n{e}")),
        }
    }
    if problems.is_empty() {
        Ok(Checked::Passed(differences))
    } else {
        Err(format!(
            "{}\nIf the change is intended, re-bless with `BLESS=1 cargo test` and review the diff.",
            problems.join("\n")
        ))
    }
}
