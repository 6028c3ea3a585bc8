//! Listings checked under valgrind's memcheck (Debian's `valgrind`; Miri cannot be installed on
//! the book's machines).
//!
//! - A listing with a `// memcheck: clean` line also runs under memcheck, built with debug info,
//!   and memcheck must report no error.
//! - A `memcheck_what.rs` listing is broken on purpose (a use after free, a read of
//!   uninitialized memory): it is never run on its own (what it does is undefined), only under
//!   memcheck, and memcheck's report, normalized, must be `memcheck_what.memcheck`, checked like
//!   a compiler error.
//!
//! Where valgrind is not installed (macOS, Windows), these checks are skipped with that reason.

use crate::outputs::{Checked, Settings};
use crate::runner::{self, Job, Profile};
use crate::snapshot;
use regex::Regex;
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

/// memcheck's exit code when it found an error (`--error-exitcode`).
const ERRORS_FOUND: i32 = 99;

/// The version valgrind reports (`valgrind-3.19.0`), or `None` when it is not installed.
pub fn version() -> Option<&'static str> {
    static VERSION: OnceLock<Option<String>> = OnceLock::new();
    VERSION
        .get_or_init(|| {
            let out = std::process::Command::new("valgrind")
                .arg("--version")
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        })
        .as_deref()
}

/// Whether `source` asks to run under memcheck (`// memcheck: clean`).
pub fn wants_clean(source: &str) -> Result<bool, String> {
    flag_directive(
        source,
        "memcheck",
        "clean",
        "a listing broken on purpose is named memcheck_*.rs instead",
    )
}

/// Whether `source` carries `// KEY: VALUE`, the one value `KEY` takes; any other value is an
/// error that says so, with `hint`.
pub(crate) fn flag_directive(
    source: &str,
    key: &str,
    value: &str,
    hint: &str,
) -> Result<bool, String> {
    match runner::directive_values(source, key).first() {
        None => Ok(false),
        Some(v) if v == value => Ok(true),
        Some(other) => Err(format!(
            "`// {key}: {other}`: the one value is `{value}` ({hint})"
        )),
    }
}

/// `job` (a listing's debug job) under memcheck, with debug info so reports name source lines.
pub fn under_memcheck(job: &Job) -> Job {
    let wrapper = [
        "valgrind",
        "--tool=memcheck",
        "-q",
        "--error-exitcode=99",
        "--leak-check=no",
        "--track-origins=yes",
        "--num-callers=12",
    ];
    under_valgrind(job, wrapper.map(str::to_owned).to_vec())
}

/// `job` as a debug build with debug info (so valgrind's reports name source lines), run
/// through `wrapper`, with the longer time limit a program under valgrind needs (it runs many
/// times slower than alone).
pub(crate) fn under_valgrind(job: &Job, wrapper: Vec<String>) -> Job {
    let mut job = job.clone();
    job.profile = Profile::Debug;
    job.rustc_args
        .extend(["-C".to_owned(), "debuginfo=2".to_owned()]);
    job.wrapper = wrapper;
    job.run_limit = job.run_limit.max(std::time::Duration::from_secs(60));
    job
}

/// The debug job of `file` for a valgrind check, or why the check is skipped here: the
/// listing's own `// needs:`, or no valgrind (macOS, Windows).
pub(crate) fn job_or_skip(
    root: &Path,
    file: &str,
    settings: Settings<'_>,
) -> Result<Result<Job, Checked>, String> {
    let job = Job::listing(root, file, Profile::Debug)?;
    if let Some(reason) = crate::outputs::skip_if_unmet(root, &job, settings)? {
        return Ok(Err(Checked::Skipped(reason)));
    }
    if version().is_none() {
        return Ok(Err(Checked::Skipped(
            "valgrind is not installed here (Linux only; `apt-get install valgrind`)".into(),
        )));
    }
    Ok(Ok(job))
}

static PID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^==\d+==").unwrap());
static VG_SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((vg_replace_\w+\.c|[\w.-]+\.[ch]):\d+\)").unwrap());
/// The scratch path of the listing's binary in a frame, `(in …/book-runs/…)`.
pub(crate) static IN_BINARY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(in [^)]*book-runs[^)]*\)").unwrap());
static PRELOAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(in /[^)]*/vgpreload_\w+-[\w-]+\.so\)").unwrap());
static RUSTC_SRC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/rustc/[0-9a-f]+/library/").unwrap());

/// memcheck's report with what differs between runs and machines made stable: process ids,
/// addresses (as in every snapshot), line numbers inside valgrind's and the C library's own
/// sources, the scratch path of the binary, where the distribution installs valgrind's preload
/// library, the standard library's source path.
pub fn normalize(report: &str) -> String {
    let text = PID.replace_all(report, "==PID==");
    let text = VG_SOURCE_LINE.replace_all(&text, "($1)");
    let text = IN_BINARY.replace_all(&text, "(in the listing)");
    let text = PRELOAD.replace_all(&text, "(in valgrind's preload library)");
    let text = RUSTC_SRC.replace_all(&text, "$$RUST/");
    snapshot::normalize(&text, &[])
}

/// Runs the memcheck check of `file` (a `// memcheck: clean` listing or a `memcheck_` one).
pub fn check(root: &Path, file: &str, settings: Settings<'_>) -> Result<Checked, String> {
    let job = match job_or_skip(root, file, settings)? {
        Ok(job) => job,
        Err(skipped) => return Ok(skipped),
    };
    let outcome = runner::run(root, &under_memcheck(&job)).map_err(|e| e.to_string())?;
    if !outcome.compiled {
        return Err(format!("does not compile:\n{}", outcome.compiler));
    }
    let run = outcome.run().ok_or("compiled but did not run")?;
    let broken_on_purpose = crate::listing::kind_of(file) == crate::listing::Kind::Memcheck;
    if !broken_on_purpose {
        return match run.code {
            Some(ERRORS_FOUND) => Err(format!(
                "memcheck found errors in a listing marked `// memcheck: clean`:\n{}",
                run.stderr.trim_end()
            )),
            Some(0) => Ok(Checked::Passed(Vec::new())),
            other => Err(format!(
                "exited with {other:?} under memcheck\n--- stderr ---\n{}",
                run.stderr
            )),
        };
    }
    if run.code != Some(ERRORS_FOUND) {
        return Err(format!(
            "a listing broken on purpose must make memcheck report an error, and it reported \
             none (exit code {:?})",
            run.code
        ));
    }
    let snap = file.replace(".rs", ".memcheck");
    let masks = snapshot::Masks {
        strict: true,
        ..Default::default()
    };
    snapshot::check(
        &root.join(&snap),
        &normalize(&run.stderr),
        masks,
        settings.bless,
    )
    .map(|_| Checked::Passed(Vec::new()))
    .map_err(|e| {
        format!(
            "{snap} is stale (memcheck's report, normalized):\n{e}\nIf the change is intended, \
                 re-bless with `BLESS=1 cargo test` and review the diff."
        )
    })
}
