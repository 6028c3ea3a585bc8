//! Snapshots of program output: normalization of what varies, comparison, re-blessing.
//!
//! A snapshot keeps the real output of a real run, so the book shows the reader something a
//! program really printed. Before comparing, both sides are normalized: addresses, thread ids,
//! and whatever a listing's `// varies: REGEX` comments match.

use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"0x[0-9a-fA-F]{6,}").unwrap());
static THREAD_ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"ThreadId\(\d+\)").unwrap());
/// Rust's own messages name the OS thread id: `thread 'main' (14494) panicked`,
/// `thread 'deep' (14502) has overflowed its stack`.
static OS_TID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(thread '[^']*') \(\d+\)").unwrap());

/// The `// varies: REGEX` comments of a listing, compiled.
pub fn varies_patterns(source: &str) -> Result<Vec<Regex>, String> {
    source
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("// varies:"))
        .map(|p| {
            let p = p.trim();
            Regex::new(p).map_err(|e| format!("bad `// varies:` pattern `{p}`: {e}"))
        })
        .collect()
}

/// Replaces everything that legitimately differs between runs and machines.
pub fn normalize(text: &str, varies: &[Regex]) -> String {
    let mut out = text.replace("\r\n", "\n");
    for re in varies {
        out = re.replace_all(&out, "[varies]").into_owned();
    }
    out = ADDRESS.replace_all(&out, "0x[addr]").into_owned();
    out = OS_TID.replace_all(&out, "$1 ([tid])").into_owned();
    THREAD_ID.replace_all(&out, "ThreadId([n])").into_owned()
}

/// What may legitimately differ between a snapshot and a run, beyond addresses and thread ids.
#[derive(Clone, Copy, Debug, Default)]
pub struct Masks<'a> {
    /// `// varies: REGEX`: differs from run to run and machine to machine; never compared.
    pub varies: &'a [Regex],
    /// `// per-platform: REGEX`: the same on every run of one platform; compared strictly on the
    /// reference platform, reported as a difference elsewhere.
    pub per_platform: &'a [Regex],
    /// Compare `per_platform` text strictly (the reference platform).
    pub strict: bool,
}

/// What comparing a snapshot found.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// They match; off the reference platform, the `per-platform` values that differ, as
    /// (the book's, this machine's).
    Matches(Vec<(String, String)>),
    /// Missing or stale; carries a readable explanation (a diff).
    Differs(String),
}

/// Compares `actual` with the snapshot file at `path`, both normalized.
pub fn compare(path: &Path, actual: &str, masks: Masks<'_>) -> Verdict {
    let Ok(expected) = std::fs::read_to_string(path) else {
        return Verdict::Differs("the snapshot does not exist yet".to_owned());
    };
    compare_text(&expected, actual, masks)
}

/// [`compare`] on two texts.
pub fn compare_text(expected: &str, actual: &str, masks: Masks<'_>) -> Verdict {
    let (mut e, mut a) = (
        normalize(expected, masks.varies),
        normalize(actual, masks.varies),
    );
    let mut rows = Vec::new();
    if !masks.strict && !masks.per_platform.is_empty() {
        let (mut book, mut here) = (Vec::new(), Vec::new());
        for re in masks.per_platform {
            book.extend(re.find_iter(&e).map(|m| m.as_str().to_owned()));
            here.extend(re.find_iter(&a).map(|m| m.as_str().to_owned()));
            e = re.replace_all(&e, "[per-platform]").into_owned();
            a = re.replace_all(&a, "[per-platform]").into_owned();
        }
        rows = book.into_iter().zip(here).filter(|(b, h)| b != h).collect();
    }
    if e == a {
        Verdict::Matches(rows)
    } else {
        Verdict::Differs(diff(&e, &a))
    }
}

/// Compares, and with `bless` rewrites a missing or stale snapshot with the real output.
/// Returns the platform differences (see [`Verdict::Matches`]), or the problem when the
/// snapshot is stale and not being blessed.
pub fn check(
    path: &Path,
    actual: &str,
    masks: Masks<'_>,
    bless: bool,
) -> Result<Vec<(String, String)>, String> {
    match compare(path, actual, masks) {
        Verdict::Matches(rows) => Ok(rows),
        Verdict::Differs(_) if bless => std::fs::write(path, actual)
            .map(|()| Vec::new())
            .map_err(|e| format!("could not write {}: {e}", path.display())),
        Verdict::Differs(why) => Err(why),
    }
}

/// A unified diff of the normalized texts (similar's patience diff, bounded in time), headed
/// `a/snapshot` and `b/actual run`.
pub fn diff(expected: &str, actual: &str) -> String {
    diff_labelled(expected, actual, "a/snapshot", "b/actual run")
}

/// [`diff`] with other names for the two sides.
pub fn diff_labelled(expected: &str, actual: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .timeout(std::time::Duration::from_millis(500))
        .diff_lines(expected, actual);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(old, new)
        .to_string();
    if text.trim().is_empty() || diff.ratio() == 1.0 {
        "  (they differ only in line endings or a final newline)\n".to_owned()
    } else {
        text
    }
}
