//! PATCH(cache): remembers which blocks PASSED, so an unchanged block is not compiled and run
//! again. Replaces upstream's `binary-cache` feature, which kept compiled executables and ran them
//! from the cache: it failed with "Text file busy" (ETXTBSY) when one thread executed a cached
//! binary while another thread's child process still held a file descriptor open for writing to
//! it (the copy into the cache, or the open-for-write `restore` used to bump its mtime). This cache
//! stores no executables at all, only empty marker files, so there is nothing to execute or to be
//! busy.
//!
//! - An entry is named after everything that can change a block's result: the exact text sent to
//!   rustc, what the block must do (run, compile, panic, fail with an error code), its edition,
//!   the target, the compiler's full identity (`rustc -vV`: release, commit, host, LLVM), the
//!   default edition, the library search directories, and every extern crate passed to rustc
//!   (name, path, size and modification time of the rlib). Change any of them and the entry
//!   misses; the block is compiled and run again.
//! - Only passes are recorded; a failure is never cached, so it shows up on every run until it is
//!   fixed.
//! - Entries are written to a unique temporary file in the cache directory, then renamed into
//!   place: a reader sees a whole entry or none, and concurrent writers of the same entry (two
//!   test processes) both succeed.
//! - `BOOK_NO_CACHE=1` (or `SKEPTIC_NO_CACHE=1`) turns the cache off for a run.

use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Bump when the meaning of an entry changes (e.g. what `judge` accepts), so old passes are
/// not trusted.
const FORMAT: u32 = 1;

pub(crate) struct ResultCache {
    dir: PathBuf,
    /// Everything that is the same for every block.
    stamp: u64,
}

/// Whether caches are disabled for this run.
pub(crate) fn disabled() -> bool {
    ["BOOK_NO_CACHE", "SKEPTIC_NO_CACHE"]
        .iter()
        .any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty() && v != "0"))
}

impl ResultCache {
    /// The cache of the target directory `profile_dir` (`target/debug`), or `None` when an
    /// rlib cannot be read. (The caller checks [`disabled`].)
    pub(crate) fn open(
        profile_dir: &Path,
        rustc_identity: &str,
        edition: Option<&str>,
        externs: &[(String, PathBuf)],
        search_dirs: &[PathBuf],
    ) -> Option<ResultCache> {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (FORMAT, rustc_identity, edition, search_dirs).hash(&mut hasher);
        for (name, rlib) in externs {
            let meta = fs::metadata(rlib).ok()?;
            (name, rlib, meta.len(), meta.modified().ok()).hash(&mut hasher);
            // rustc is also given the sibling .rmeta when there is one.
            let rmeta = fs::metadata(rlib.with_extension("rmeta")).ok();
            rmeta.map(|m| (m.len(), m.modified().ok())).hash(&mut hasher);
        }
        Some(ResultCache {
            dir: profile_dir.join("skeptic-passes"),
            stamp: hasher.finish(),
        })
    }

    /// A test-only cache with a given stamp.
    #[cfg(test)]
    pub(crate) fn with_stamp(dir: &Path, stamp: u64) -> ResultCache {
        ResultCache {
            dir: dir.to_path_buf(),
            stamp,
        }
    }

    /// 128 bits, so that two blocks never share an entry by accident.
    pub(crate) fn key(&self, target_triple: &str, text: &str, expect: &str, edition: Option<&str>) -> String {
        let hash = |salt: u8| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            (salt, self.stamp, target_triple, text, expect, edition).hash(&mut hasher);
            hasher.finish()
        };
        format!("{:016x}{:016x}", hash(0), hash(1))
    }

    pub(crate) fn passed(&self, key: &str) -> bool {
        self.dir.join(key).is_file()
    }

    /// Records a pass. `note` (where the block came from) is kept in the entry for people
    /// looking at the cache; it is not part of the key. Errors are ignored: a cache that
    /// cannot be written only costs time.
    pub(crate) fn record_pass(&self, key: &str, note: &str) {
        let write = || -> std::io::Result<()> {
            fs::create_dir_all(&self.dir)?;
            let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
            writeln!(tmp, "passed: {note}")?;
            tmp.persist(self.dir.join(key)).map_err(|e| e.error)?;
            Ok(())
        };
        let _ = write();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_depends_on_everything_that_can_change_a_result() {
        let dir = tempfile::tempdir().unwrap();
        let c = ResultCache::with_stamp(dir.path(), 1);
        let base = c.key("t", "fn main() {}", "Run", None);
        assert_eq!(base, c.key("t", "fn main() {}", "Run", None));
        assert_ne!(base, ResultCache::with_stamp(dir.path(), 2).key("t", "fn main() {}", "Run", None));
        assert_ne!(base, c.key("u", "fn main() {}", "Run", None));
        assert_ne!(base, c.key("t", "fn main() { }", "Run", None));
        assert_ne!(base, c.key("t", "fn main() {}", "Panic", None));
        assert_ne!(base, c.key("t", "fn main() {}", "Run", Some("2021")));
    }

    #[test]
    fn the_stamp_depends_on_the_compiler_the_edition_and_the_externs() {
        let dir = tempfile::tempdir().unwrap();
        let rlib = dir.path().join("libx-0123.rlib");
        fs::write(&rlib, b"one").unwrap();
        let externs = vec![("x".to_owned(), rlib.clone())];
        let open = |rustc: &str, edition: Option<&str>, externs: &[(String, PathBuf)]| {
            ResultCache::open(dir.path(), rustc, edition, externs, &[]).unwrap().stamp
        };
        let base = open("rustc 1.95.0", Some("2024"), &externs);
        assert_eq!(base, open("rustc 1.95.0", Some("2024"), &externs));
        assert_ne!(base, open("rustc 1.96.0", Some("2024"), &externs));
        assert_ne!(base, open("rustc 1.95.0", Some("2021"), &externs));
        assert_ne!(base, open("rustc 1.95.0", Some("2024"), &[]));
        fs::write(&rlib, b"rebuilt").unwrap();
        assert_ne!(base, open("rustc 1.95.0", Some("2024"), &externs));
        // An rlib that is gone: no cache rather than a wrong one.
        fs::remove_file(&rlib).unwrap();
        assert!(ResultCache::open(dir.path(), "r", None, &externs, &[]).is_none());
    }

    #[test]
    fn passes_are_recorded_atomically_and_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let c = ResultCache::with_stamp(&dir.path().join("passes"), 1);
        let key = c.key("t", "x", "Run", None);
        assert!(!c.passed(&key));
        c.record_pass(&key, "src/ch01.md:3");
        c.record_pass(&key, "src/ch01.md:3"); // a second writer replaces it
        assert!(c.passed(&key));
        assert!(!c.passed(&c.key("t", "y", "Run", None)));
        // Nothing but entries is left behind (no temporary files).
        let names: Vec<_> = fs::read_dir(dir.path().join("passes")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, [std::ffi::OsString::from(&key)]);
    }
}
