//! The unit tests of `tooling/src/cheat_sheet.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::cheat_sheet::*;

const HEAD: &str = "| construct | allocations | bytes | handle | lives | see |\n| --- | --- | --- | --- | --- | --- |\n";

#[test]
fn rows_merge_side_by_side() {
    let d = format!(
        "{HEAD}| `Box::new(1)` | 1 | 8 | 8 | heap | [5-2](a.md#l) |\n| `a \\|\\| b` | 0 | 0 | 8 | inline | [9-3](b.md#l) |\n"
    );
    let r = format!(
        "{HEAD}| `Box::new(1)` | 0 | 0 | 8 | nowhere | [5-2](a.md#l) |\n| `a \\|\\| b` | 0 | 0 | 8 | inline | [9-3](b.md#l) |\n"
    );
    let merged = merge(&d, &r).unwrap();
    assert!(merged.contains("| `Box::new(1)` | 1 | 0 | 8 | 0 | 8 | heap (debug), nowhere (release) | [5-2](a.md#l) |"), "{merged}");
    assert!(
        merged.contains("| `a \\|\\| b` | 0 | 0 | 0 | 0 | 8 | inline | [9-3](b.md#l) |"),
        "{merged}"
    );
}

#[test]
fn a_row_without_a_link_is_refused() {
    let d = format!("{HEAD}| `x` | 0 | 0 | 8 | stack |  |\n");
    assert!(merge(&d, &d).unwrap_err().contains("must link"));
}

#[test]
fn tables_that_do_not_line_up_are_refused() {
    let d = format!("{HEAD}| `x` | 0 | 0 | 8 | stack | [1](a.md) |\n");
    let r = format!("{HEAD}| `y` | 0 | 0 | 8 | stack | [1](a.md) |\n");
    assert!(merge(&d, &r).unwrap_err().contains("do not match"));
    assert!(
        merge(&d, HEAD)
            .unwrap_err()
            .contains("1 rows in the debug table, 0")
    );
}
