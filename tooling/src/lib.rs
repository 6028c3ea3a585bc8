//! The logic behind the book's tests.
//!
//! - [`book`] loads the chapters and expands `{{#include}}`-style directives with mdBook's own
//!   `LinkPreprocessor`, so the tests see every block exactly as a reader does.
//! - [`markdown`] finds code blocks and directives in chapter text.
//! - [`policy`] checks the rules in CONTRIBUTING.md and names the chapter and listing at fault.
//! - [`listing`] compiles and runs one listing (with a result cache), for the output test and for
//!   `cargo listing`.
//! - [`outputs`] runs every listing and compares what it prints with its snapshots.
//! - [`snapshot`] normalizes output that varies and compares or re-blesses snapshots.

pub mod book;
pub mod cheat_sheet;
pub mod deps;
pub mod listing;
pub mod markdown;
pub mod outputs;
pub mod policy;
pub mod quiz;
pub mod snapshot;

use std::path::{Path, PathBuf};

/// The repository root: the directory holding `book.toml`, found from `start` upwards.
pub fn repo_root(start: &Path) -> PathBuf {
    start
        .ancestors()
        .find(|dir| dir.join("book.toml").is_file())
        .unwrap_or_else(|| panic!("no book.toml in {} or above", start.display()))
        .to_path_buf()
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
