//! Every runnable listing is compiled and run as a reader would (`rustc --edition 2024`), and
//! what it prints is compared with the snapshot the chapter shows (see
//! `book_tooling::outputs`). `BLESS=1 cargo test` writes missing or stale snapshots.

use std::path::Path;

#[test]
fn every_listing_prints_what_the_book_shows() {
    let root = book_tooling::repo_root(Path::new(env!("CARGO_MANIFEST_DIR")));
    // Another toolchain prints other things: one plain message, not a diff per listing.
    if !book_tooling::blessing()
        && let Some(message) = book_tooling::listing::toolchain_drift(&root)
    {
        panic!("{message}");
    }
    let jobs = book_tooling::outputs::jobs(&root);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let failures = book_tooling::outputs::check_all(&root, jobs, book_tooling::blessing(), workers);
    assert!(
        failures.is_empty(),
        "\n{} listing(s) do not print what the book shows:\n\n{}\n\
         If the change is intended, re-bless with `BLESS=1 cargo test` and review the diff.\n",
        failures.len(),
        failures.join("\n")
    );
}
