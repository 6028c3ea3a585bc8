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

/// What comparing a snapshot found.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    Matches,
    /// Missing or stale; carries a readable explanation.
    Differs(String),
}

/// Compares `actual` with the snapshot file at `path`, both normalized.
pub fn compare(path: &Path, actual: &str, varies: &[Regex]) -> Verdict {
    let Ok(expected) = std::fs::read_to_string(path) else {
        return Verdict::Differs("the snapshot does not exist yet".to_owned());
    };
    let (e, a) = (normalize(&expected, varies), normalize(actual, varies));
    if e == a {
        Verdict::Matches
    } else {
        Verdict::Differs(diff(&e, &a))
    }
}

/// Compares, and with `bless` rewrites a missing or stale snapshot with the real output.
/// Returns the problem when the snapshot is stale and not being blessed.
pub fn check(path: &Path, actual: &str, varies: &[Regex], bless: bool) -> Result<(), String> {
    match compare(path, actual, varies) {
        Verdict::Matches => Ok(()),
        Verdict::Differs(_) if bless => std::fs::write(path, actual)
            .map_err(|e| format!("could not write {}: {e}", path.display())),
        Verdict::Differs(why) => Err(why),
    }
}

/// A short line diff: the first lines that differ, with context.
pub fn diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            if let Some(x) = x {
                out.push_str(&format!("  line {:>3} snapshot: {x}\n", i + 1));
            } else {
                out.push_str(&format!("  line {:>3} snapshot: (no line)\n", i + 1));
            }
            if let Some(y) = y {
                out.push_str(&format!("  line {:>3} actual:   {y}\n", i + 1));
            } else {
                out.push_str(&format!("  line {:>3} actual:   (no line)\n", i + 1));
            }
            shown += 1;
            if shown == 8 {
                out.push_str("  ...\n");
                break;
            }
        }
    }
    if out.is_empty() {
        out.push_str("  (they differ only in line endings or a final newline)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_thread_ids_are_normalized() {
        let a = normalize("at 0x7ffd5c8a1230 on ThreadId(3), byte 0x2a", &[]);
        assert_eq!(a, "at 0x[addr] on ThreadId([n]), byte 0x2a");
        let p = normalize("thread 'main' (14494) panicked at src/x.rs:1:2:", &[]);
        assert_eq!(p, "thread 'main' ([tid]) panicked at src/x.rs:1:2:");
        let o = normalize("thread 'deep' (14502) has overflowed its stack", &[]);
        assert_eq!(o, "thread 'deep' ([tid]) has overflowed its stack");
    }

    #[test]
    fn varies_comments_are_applied_first() {
        let src = "fn main() {}\n// varies: limit: \\d+\n";
        let pats = varies_patterns(src).unwrap();
        assert_eq!(normalize("limit: 8388608 bytes", &pats), "[varies] bytes");
    }

    #[test]
    fn a_bad_varies_pattern_is_reported() {
        let err = varies_patterns("// varies: (unclosed").unwrap_err();
        assert!(err.contains("(unclosed"), "{err}");
    }

    #[test]
    fn a_stale_snapshot_fails_and_says_where() {
        let dir = tempfile::tempdir().unwrap();
        let snap = dir.path().join("x.stdout");
        std::fs::write(&snap, "one\ntwo\n").unwrap();
        let err = check(&snap, "one\nthree\n", &[], false).unwrap_err();
        assert!(err.contains("line   2 snapshot: two"), "{err}");
        assert!(err.contains("line   2 actual:   three"), "{err}");
    }

    #[test]
    fn a_missing_snapshot_fails_unless_blessed() {
        let dir = tempfile::tempdir().unwrap();
        let snap = dir.path().join("x.stdout");
        assert!(check(&snap, "hi\n", &[], false).is_err());
        check(&snap, "hi\n", &[], true).unwrap();
        assert_eq!(std::fs::read_to_string(&snap).unwrap(), "hi\n");
    }

    #[test]
    fn blessing_keeps_a_snapshot_that_differs_only_in_addresses() {
        let dir = tempfile::tempdir().unwrap();
        let snap = dir.path().join("x.stdout");
        std::fs::write(&snap, "p = 0x55d0c4a3eb10\n").unwrap();
        check(&snap, "p = 0x5600aaaaaaaa\n", &[], true).unwrap();
        assert_eq!(
            std::fs::read_to_string(&snap).unwrap(),
            "p = 0x55d0c4a3eb10\n"
        );
    }
}
