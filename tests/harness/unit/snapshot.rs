//! The unit tests of `tooling/src/snapshot.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::snapshot::*;
use regex::Regex;

#[test]
fn addresses_and_thread_ids_are_normalized() {
    let a = normalize("at 0x7ffd5c8a1230 on ThreadId(3), byte 0x2a", &[]);
    assert_eq!(a, "at 0x[addr] on ThreadId([n]), byte 0x2a");
    let p = normalize("thread 'main' (14494) panicked at src/x.rs:1:2:", &[]);
    assert_eq!(p, "thread 'main' ([tid]) panicked at src/x.rs:1:2:");
    let o = normalize("thread 'deep' (14502) has overflowed its stack", &[]);
    assert_eq!(o, "thread 'deep' ([tid]) has overflowed its stack");
}

#[test]
fn varies_comments_are_applied_first() {
    let src = "fn main() {}\n// varies: limit: \\d+\n";
    let pats = varies_patterns(src).unwrap();
    assert_eq!(normalize("limit: 8388608 bytes", &pats), "[varies] bytes");
}

#[test]
fn a_bad_varies_pattern_is_reported() {
    let err = varies_patterns("// varies: (unclosed").unwrap_err();
    assert!(err.contains("(unclosed"), "{err}");
}

#[test]
fn a_stale_snapshot_fails_and_says_where() {
    let dir = book_tooling::tempdir();
    let snap = dir.path().join("x.stdout");
    std::fs::write(&snap, "one\ntwo\n").unwrap();
    let err = check(&snap, "one\nthree\n", Masks::default(), false).unwrap_err();
    assert!(
        err.contains("--- a/snapshot") && err.contains("+++ b/actual run"),
        "{err}"
    );
    assert!(
        err.contains("\n-two\n") && err.contains("\n+three\n"),
        "{err}"
    );
}

#[test]
fn per_platform_text_is_strict_on_the_reference_platform_and_reported_elsewhere() {
    let re = [Regex::new(r"size: \d+").unwrap()];
    let masks = |strict| Masks {
        varies: &[],
        per_platform: &re,
        strict,
    };
    let (book, here) = ("String size: 24\nok\n", "String size: 12\nok\n");
    assert!(matches!(
        compare_text(book, here, masks(true)),
        Verdict::Differs(_)
    ));
    assert_eq!(
        compare_text(book, here, masks(false)),
        Verdict::Matches(vec![("size: 24".into(), "size: 12".into())])
    );
    // Everything else is still compared strictly.
    let other = "String size: 12\nnot ok\n";
    assert!(matches!(
        compare_text(book, other, masks(false)),
        Verdict::Differs(_)
    ));
}

#[test]
fn a_missing_snapshot_fails_unless_blessed() {
    let dir = book_tooling::tempdir();
    let snap = dir.path().join("x.stdout");
    assert!(check(&snap, "hi\n", Masks::default(), false).is_err());
    check(&snap, "hi\n", Masks::default(), true).unwrap();
    assert_eq!(std::fs::read_to_string(&snap).unwrap(), "hi\n");
}

#[test]
fn blessing_keeps_a_snapshot_that_differs_only_in_addresses() {
    let dir = book_tooling::tempdir();
    let snap = dir.path().join("x.stdout");
    std::fs::write(&snap, "p = 0x55d0c4a3eb10\n").unwrap();
    check(&snap, "p = 0x5600aaaaaaaa\n", Masks::default(), true).unwrap();
    assert_eq!(
        std::fs::read_to_string(&snap).unwrap(),
        "p = 0x55d0c4a3eb10\n"
    );
}
