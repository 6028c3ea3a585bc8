//! The harness behind `cargo test`: everything a reader sees is compiled, run and checked.
//! Read top-down, it is:
//!
//! 1. **The book** — [`book`] loads the chapters and expands `{{#include}}` and friends with
//!    mdBook's own `LinkPreprocessor`, so the checks see exactly what readers see; [`markdown`]
//!    finds code blocks and directives in chapter text (the one Markdown parser, shared with the
//!    vendored skeptic).
//! 2. **What to check** — [`blocks`] (every Rust block, read by skeptic), [`outputs`] (every
//!    listing's output against its snapshots), [`compile_fail`] (every `fail_` listing, judged
//!    by trybuild), [`valgrind`] (memcheck on unsafe listings), [`massif`] (heap profiles), [`picture`] (the memory pictures), [`quiz`] (answer keys), [`policy`] (the book's rules, with [`shared`] for
//!    code shared by listings), [`cheat_sheet`] (the generated table).
//! 3. **The runner** — [`runner`] is the one way a program is compiled and run, with a time
//!    limit on every step; [`deps`] builds the crates a listing names; [`platform`] says what
//!    this machine is, next to the book's reference platform.
//! 4. **The cache** — [`cache`], content-addressed, for every result of the runner.
//! 5. **Snapshots and the report** — [`snapshot`] normalizes and compares outputs (a real diff
//!    when stale); [`report`] prints what was skipped and what differs on this machine.
//!
//! `tests/book.rs` turns all of it into one libtest-style list of trials (libtest-mimic).

pub mod blocks;
pub mod book;
pub mod cache;
pub mod cheat_sheet;
pub mod compile_fail;
pub mod deps;
pub mod listing;
pub mod markdown;
pub mod massif;
pub mod outputs;
pub mod picture;
pub mod platform;
pub mod policy;
pub mod quiz;
pub mod report;
pub mod runner;
pub mod shared;
pub mod snapshot;
pub mod valgrind;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The repository root: the directory holding `book.toml`, found from `start` upwards.
pub fn repo_root(start: &Path) -> PathBuf {
    start
        .ancestors()
        .find(|dir| dir.join("book.toml").is_file())
        .unwrap_or_else(|| panic!("no book.toml in {} or above", start.display()))
        .to_path_buf()
}

/// The repository this tooling belongs to (found from this crate's own directory).
pub fn root() -> PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| repo_root(Path::new(env!("CARGO_MANIFEST_DIR"))))
        .clone()
}

/// Cargo's target directory for `root` (`CARGO_TARGET_DIR`, else `root/target`).
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("target"))
}

/// Whether this run should rewrite snapshots (`BLESS=1 cargo test`).
pub fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// `path` relative to `root`, with `/` separators, for messages.
pub fn display_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A directory removed (with what is in it) when dropped: the small books and scratch files of
/// the harness's own tests. (The `tempfile` crate's `TempDir`, without building it and the
/// system-call crate it needs: the harness only wants a fresh directory.)
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A new, empty directory under the system's temporary directory, named after this process
/// and a counter (`create_dir` fails rather than reuse a directory that exists).
pub fn tempdir() -> TempDir {
    static SEQ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let base = std::env::temp_dir();
    loop {
        let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = base.join(format!("book-test-{}-{seq}", std::process::id()));
        match std::fs::create_dir(&dir) {
            Ok(()) => return TempDir(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => panic!("cannot create a directory in {}: {e}", base.display()),
        }
    }
}
