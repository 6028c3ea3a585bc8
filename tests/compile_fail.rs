//! Every `listings/**/fail_*.rs` must fail to compile with exactly the error saved beside it in
//! `fail_*.stderr` — the file the chapter shows under the code. `BLESS=1` rewrites them.
//!
//! A listing that passed before, with the same text, the same `.stderr`, the same compiler and
//! the same `Cargo.lock` and `Cargo.toml` (trybuild's version, the edition, the crates it builds
//! against), is not compiled again: only its pass is remembered (`target/compile-fail-passes/`),
//! never a failure. `BOOK_NO_CACHE=1` checks them all.

use book_tooling::listing::{self, Kind, Passes};
use std::path::Path;

#[test]
fn listings_that_must_not_compile() {
    let root = book_tooling::repo_root(Path::new(env!("CARGO_MANIFEST_DIR")));
    let bless = book_tooling::blessing();
    // Another toolchain words its errors differently: one plain message, not a diff per listing.
    if !bless && let Some(message) = listing::toolchain_drift(&root) {
        panic!("{message}");
    }
    let read = |file: &str| std::fs::read_to_string(root.join(file)).unwrap_or_default();
    let (lock, manifest) = (read("Cargo.lock"), read("Cargo.toml"));
    let passes = Passes::open(&root, "compile-fail-passes").filter(|_| !bless);
    let mut pending = Vec::new();
    for file in book_tooling::book::listing_files(&root) {
        if listing::kind_of(&file) != Kind::FailsToCompile {
            continue;
        }
        let stderr_file = file.replace(".rs", ".stderr");
        let stderr = std::fs::read_to_string(root.join(&stderr_file)).ok();
        let key = Passes::key(&[
            &file,
            &read(&file),
            stderr.as_deref().unwrap_or("\0(no .stderr)"),
            listing::rustc_version(&root),
            &lock,
            &manifest,
        ]);
        if !passes.as_ref().is_some_and(|p| p.passed(&key)) {
            pending.push((file, key));
        }
    }
    if pending.is_empty() {
        println!(
            "every fail_ listing passed before, unchanged (BOOK_NO_CACHE=1 checks them again)"
        );
        return;
    }
    if bless {
        // SAFETY: set before any thread of this test binary reads the environment.
        unsafe { std::env::set_var("TRYBUILD", "overwrite") };
    }
    let cases = trybuild::TestCases::new();
    for (file, _) in &pending {
        cases.compile_fail(file);
    }
    // trybuild runs the cases when `cases` is dropped, and panics if any of them failed: then
    // nothing is recorded.
    drop(cases);
    if let Some(passes) = &passes {
        for (file, key) in &pending {
            passes.record(key, file);
        }
    }
}
