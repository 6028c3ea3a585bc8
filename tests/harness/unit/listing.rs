//! The unit tests of `tooling/src/listing.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::listing::*;

#[test]
fn kinds_come_from_file_names() {
    assert_eq!(kind_of("listings/a/01-x.rs"), Kind::Runs);
    assert_eq!(kind_of("listings/a/fail_x.rs"), Kind::FailsToCompile);
    assert_eq!(kind_of("listings/a/panic_x.rs"), Kind::Panics);
}

#[test]
fn a_toolchain_mismatch_is_one_plain_message() {
    assert_eq!(drift_message("1.95.0", "1.95.0"), None);
    let msg = drift_message("1.97.0", "1.95.0").expect("a mismatch");
    assert!(
        msg.contains("This is rustc 1.97.0, but the book's snapshots"),
        "{msg}"
    );
    assert!(msg.contains("were blessed with rustc 1.95.0"), "{msg}");
    assert!(
        msg.contains("rustup toolchain install 1.95.0") && msg.contains("BLESS=1 cargo test"),
        "{msg}"
    );
}

#[test]
fn the_pinned_toolchain_comes_from_rust_toolchain_toml() {
    let dir = book_tooling::tempdir();
    std::fs::write(
        dir.path().join("rust-toolchain.toml"),
        "[toolchain]\nchannel = \"1.95.0\"\n",
    )
    .unwrap();
    if std::env::var_os("BOOK_PINNED_TOOLCHAIN").is_none() {
        assert_eq!(pinned_toolchain(dir.path()), "1.95.0");
    }
}

#[test]
fn resolve_accepts_short_names() {
    let dir = book_tooling::tempdir();
    std::fs::create_dir_all(dir.path().join("listings/c")).unwrap();
    std::fs::write(dir.path().join("listings/c/01-a.rs"), "").unwrap();
    for name in ["c/01-a", "c/01-a.rs", "listings/c/01-a.rs"] {
        assert_eq!(resolve(dir.path(), name).unwrap(), "listings/c/01-a.rs");
    }
    assert!(
        resolve(dir.path(), "c/nope")
            .unwrap_err()
            .contains("no listing")
    );
}
