//! The unit tests of `tooling/src/report.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::outputs::Difference;
use book_tooling::platform::Platform;
use book_tooling::report::*;

#[test]
fn the_report_lists_skips_and_differences_off_the_reference_platform() {
    let report = Report::default();
    report.skipped(
        "ch01-address-space/01-where-things-live",
        "needs linux: reads /proc/self/maps",
    );
    report.differs(
        "ch07-enums/01-sizes",
        Difference {
            snapshot: "listings/ch07-enums/01-sizes.stdout".into(),
            book: "String: 24".into(),
            here: "String: 12".into(),
        },
    );
    let text = report.render(&Platform::new(true, "1.95.0", "1.95.0"));
    assert!(text.contains("not the book's reference platform"), "{text}");
    assert!(
        text.contains(
            "| ch01-address-space/01-where-things-live | needs linux: reads /proc/self/maps |"
        ),
        "{text}"
    );
    assert!(
        text.contains("| ch07-enums/01-sizes | `String: 24` | `String: 12` |"),
        "{text}"
    );
    let quiet = Report::default().render(&Platform::new(true, "1.95.0", "1.95.0"));
    assert!(quiet.contains("(none differ)"), "{quiet}");
}
