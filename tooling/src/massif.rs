//! Listings profiled by valgrind's massif (`// massif: peak`): the listing runs under
//! `valgrind --tool=massif`, `ms_print` turns the profile into text, and the excerpt the book
//! shows, the peak snapshot's row and its heap tree, is the listing's `.massif` snapshot.
//!
//! The excerpt is made stable before it is kept: code addresses are dropped, the scratch path
//! of the binary is named `the listing`, and the frames below the listing's `main` (the
//! standard library's start-up code) are cut. The snapshot's number and instruction count
//! (`n`, `time(i)`) depend on the machine and are not compared. Like memcheck's checks (see
//! [`crate::valgrind`]), this one is skipped where valgrind is not installed, and off the
//! reference platform, whose frames and sizes the snapshot records.

use crate::outputs::{Checked, Settings};
use crate::runner::{self, Job};
use crate::snapshot;
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// Whether `source` asks to be profiled by massif (`// massif: peak`).
pub fn wanted(source: &str) -> Result<bool, String> {
    crate::valgrind::flag_directive(source, "massif", "peak", "the peak snapshot's heap tree")
}

/// `job` (a listing's debug job) under massif, with debug info so frames name source lines,
/// then `ms_print`: the run's standard output is ms_print's report (the listing's own output
/// is checked by the output check, and dropped here).
pub fn under_massif(job: &Job) -> Job {
    // `sh -c SCRIPT BINARY`: the binary is `$0`; the profile is written beside it, in the
    // run's scratch directory. `--peak-inaccuracy=0.0` makes the peak snapshot the real peak.
    let script = "valgrind --tool=massif --peak-inaccuracy=0.0 --massif-out-file=\"$0.massif\" \
                  \"$0\" >/dev/null 2>\"$0.valgrind\" || { cat \"$0.valgrind\" >&2; exit 1; }; \
                  ms_print \"$0.massif\"";
    crate::valgrind::under_valgrind(job, ["sh", "-c", script].map(str::to_owned).to_vec())
}

static PEAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Detailed snapshots: \[[^\]]*?(\d+) \(peak\)").unwrap());
static CODE_ADDRESS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"0x[0-9A-Fa-f]+: ").unwrap());
/// The columns that depend on the machine: the snapshot's number and its instruction count.
pub static ROW_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ *\d+ +[\d,]+ ").unwrap());

/// The peak snapshot of an `ms_print` report: the table's header, the peak's row, and its heap
/// tree, with addresses dropped and the frames below the listing's `main` cut.
pub fn peak_excerpt(report: &str) -> Result<String, String> {
    let peak = PEAK
        .captures(report)
        .ok_or("ms_print's report names no peak snapshot")?[1]
        .to_owned();
    let lines: Vec<&str> = report.lines().collect();
    let row = lines
        .iter()
        .position(|l| l.split_whitespace().next() == Some(peak.as_str()))
        .ok_or_else(|| format!("no row for the peak snapshot {peak}"))?;
    let header = lines[..row]
        .iter()
        .rposition(|l| l.trim_start().starts_with("n ") && l.contains("time(i)"))
        .ok_or("no table header above the peak snapshot")?;
    let mut out: Vec<String> = vec![lines[header].to_owned(), lines[row].to_owned()];
    // The tree: up to the next table's rule, or the end.
    let mut cut_below: Option<usize> = None;
    for line in lines[row + 1..]
        .iter()
        .take_while(|l| !l.starts_with("-----"))
    {
        let line = CODE_ADDRESS.replace_all(line, "");
        let line = crate::valgrind::IN_BINARY.replace_all(&line, "(in the listing)");
        let depth = line.find("->").unwrap_or(line.trim_end().len());
        if let Some(main_depth) = cut_below {
            if depth > main_depth {
                continue;
            }
            cut_below = None;
        }
        // The listing's `main` is `crate::main`; the C `main` below it is `main (in …)`.
        if line.contains("::main (") {
            cut_below = Some(depth);
        }
        out.push(line.trim_end().to_owned());
    }
    while out
        .last()
        .is_some_and(|l| l.trim_start_matches('|').trim().is_empty())
    {
        out.pop();
    }
    Ok(out.join("\n") + "\n")
}

/// Runs the massif check of `file` (a listing marked `// massif: peak`).
pub fn check(root: &Path, file: &str, settings: Settings<'_>) -> Result<Checked, String> {
    let job = match crate::valgrind::job_or_skip(root, file, settings)? {
        Ok(job) => job,
        Err(skipped) => return Ok(skipped),
    };
    if !settings.platform.is_reference() {
        return Ok(Checked::Skipped(
            "massif's frames and sizes are the reference platform's".into(),
        ));
    }
    let outcome = runner::run(root, &under_massif(&job)).map_err(|e| e.to_string())?;
    if !outcome.compiled {
        return Err(format!("does not compile:\n{}", outcome.compiler));
    }
    let run = outcome.run().ok_or("compiled but did not run")?;
    if run.code != Some(0) {
        return Err(format!(
            "did not run to the end under massif (exit code {:?}):\n{}",
            run.code, run.stderr
        ));
    }
    let excerpt = peak_excerpt(&run.stdout)?;
    let snap = file.replace(".rs", ".massif");
    let masks = snapshot::Masks {
        varies: std::slice::from_ref(&ROW_PREFIX),
        strict: true,
        ..Default::default()
    };
    snapshot::check(&root.join(&snap), &excerpt, masks, settings.bless)
        .map(|_| Checked::Passed(Vec::new()))
        .map_err(|e| {
            format!(
                "{snap} is stale (massif's peak snapshot):\n{e}\nIf the change is intended, \
                 re-bless with `BLESS=1 cargo test` and review the diff."
            )
        })
}
