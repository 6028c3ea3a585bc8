//! The cheat sheet's table is generated, never typed: the cheat-sheet listing is run in a debug and
//! in a release build (as tests/outputs.rs does, sharing its cache), and the two tables it prints
//! are merged into the table the chapter includes. `BLESS=1` rewrites it.

use book_tooling::listing::{self, Profile};
use book_tooling::{cheat_sheet, snapshot};
use std::path::Path;

const LISTING: &str = "listings/ch17-cheat-sheet/01-when-does-rust-allocate";

#[test]
fn the_cheat_sheet_is_the_merge_of_both_builds() {
    let root = book_tooling::repo_root(Path::new(env!("CARGO_MANIFEST_DIR")));
    let run = |profile| {
        let run = listing::run(&root, &format!("{LISTING}.rs"), profile)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(run.code, Some(0), "{LISTING}.rs failed:\n{}", run.stderr);
        run.stdout
    };
    let merged = cheat_sheet::merge(&run(Profile::Debug), &run(Profile::Release))
        .unwrap_or_else(|e| panic!("{LISTING}.rs: {e}"));
    let table = root.join(format!("{LISTING}.table.md"));
    if let Err(e) = snapshot::check(&table, &merged, &[], book_tooling::blessing()) {
        panic!("{LISTING}.table.md is stale (re-bless with `BLESS=1 cargo test`):\n{e}");
    }
}
