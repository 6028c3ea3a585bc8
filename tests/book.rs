//! The book's rules (CONTRIBUTING.md), checked on the real book: every include resolves, every
//! listing is shown, every fence has a language, no `ignore`, compile_fail only on checked
//! listings with their real error, shared code identical everywhere.

use book_tooling::{book, policy};
use std::path::Path;

fn root() -> std::path::PathBuf {
    book_tooling::repo_root(Path::new(env!("CARGO_MANIFEST_DIR")))
}

#[test]
fn the_book_follows_its_rules() {
    let book = book::load(&root()).unwrap_or_else(|e| panic!("{e}"));
    let problems = policy::check(&book);
    assert!(problems.is_empty(), "{}", policy::report(&problems));
}

/// A toolchain mismatch is said once, plainly (the snapshot tests, `outputs` and
/// `compile_fail`, stop with the same message instead of a diff per snapshot). Try it with
/// `BOOK_PINNED_TOOLCHAIN=1.0.0 cargo test`.
#[test]
fn the_toolchain_is_the_one_the_snapshots_were_blessed_with() {
    if let Some(message) = book_tooling::listing::toolchain_drift(&root()) {
        panic!("{message}");
    }
}
