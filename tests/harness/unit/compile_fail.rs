//! The unit tests of `tooling/src/compile_fail.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::compile_fail::*;

#[test]
fn the_report_is_split_per_case() {
    let files = [
        "listings/a/fail_x.rs".to_owned(),
        "listings/a/fail_y.rs".to_owned(),
    ];
    let report = "\ntest listings/a/fail_x.rs ... ok\ntest listings/a/fail_y.rs ... mismatch\n\nEXPECTED:\nerror[E0382]\nACTUAL OUTPUT:\nerror[E0499]\n\n";
    let v = split_report(report, &files);
    assert_eq!(v["listings/a/fail_x.rs"], Ok(()));
    let err = v["listings/a/fail_y.rs"].clone().unwrap_err();
    assert!(
        err.starts_with("listings/a/fail_y.rs: trybuild says: mismatch"),
        "{err}"
    );
    assert!(err.contains("ACTUAL OUTPUT:\nerror[E0499]"), "{err}");
}
