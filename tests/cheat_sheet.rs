//! Chapter 13's table is generated, never typed: the debug and release snapshots of the
//! cheat-sheet listing (each compared with a real run by tests/outputs.rs) are merged into the
//! table the chapter includes. `BLESS=1` rewrites it.

use book_tooling::{cheat_sheet, snapshot};
use std::path::Path;

const LISTING: &str = "listings/ch13-cheat-sheet/01-when-does-rust-allocate";

#[test]
fn the_cheat_sheet_is_the_merge_of_both_builds() {
    let root = book_tooling::repo_root(Path::new(env!("CARGO_MANIFEST_DIR")));
    let read = |suffix: &str| {
        std::fs::read_to_string(root.join(format!("{LISTING}{suffix}")))
            .unwrap_or_else(|e| panic!("{LISTING}{suffix}: {e} (run `BLESS=1 cargo test` once)"))
    };
    let merged = cheat_sheet::merge(&read(".stdout"), &read(".release.stdout"))
        .unwrap_or_else(|e| panic!("{LISTING}.rs: {e}"));
    let table = root.join(format!("{LISTING}.table.md"));
    if let Err(e) = snapshot::check(&table, &merged, &[], book_tooling::blessing()) {
        panic!("{LISTING}.table.md is stale (re-bless with `BLESS=1 cargo test`):\n{e}");
    }
}
