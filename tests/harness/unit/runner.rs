//! The unit tests of `tooling/src/runner.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::runner::*;
use std::time::Duration;

#[test]
fn crate_names_are_valid_identifiers() {
    assert_eq!(
        crate_name("listings/ch04-moves/01-string-move.rs"),
        "listing_01_string_move"
    );
}

#[test]
fn directives_are_read_from_comment_lines() {
    let src = "// time-limit: 30 s\nfn main() {}\n    // lib: lib_x.rs\n";
    assert_eq!(directive_values(src, "time-limit"), ["30 s"]);
    assert_eq!(directive_values(src, "lib"), ["lib_x.rs"]);
    assert_eq!(parse_seconds("30 s"), Some(Duration::from_secs(30)));
    assert_eq!(parse_seconds("soon"), None);
}

#[test]
fn the_key_depends_on_every_input() {
    let job = Job::new("x", "fn main() {}");
    let base = job.key();
    assert_eq!(base, job.clone().key());
    let mut changed = job.clone();
    changed.source.push(' ');
    assert_ne!(base, changed.key());
    let mut release = job.clone();
    release.profile = Profile::Release;
    assert_ne!(base, release.key());
    let mut with_lib = job.clone();
    with_lib.also_keyed.push("pub fn f() {}".into());
    assert_ne!(base, with_lib.key());
    let mut in_place = job.clone();
    in_place.path = Some("listings/a/01-x.rs".into());
    assert_ne!(base, in_place.key());
    assert_ne!(
        job.key_with("release: 1.95.0"),
        job.key_with("release: 1.97.0"),
        "another compiler never trusts this one's results"
    );
}
