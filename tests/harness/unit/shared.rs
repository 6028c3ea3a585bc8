//! The unit tests of `tooling/src/shared.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::shared::*;
use std::path::Path;

fn write(root: &Path, file: &str, text: &str) {
    std::fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
    std::fs::write(root.join(file), text).unwrap();
}

#[test]
fn a_drifted_copy_is_named_and_sync_mends_it() {
    let dir = book_tooling::tempdir();
    let root = dir.path();
    write(
        root,
        "a.rs",
        "// BEGIN shared: h (source)\nfn h() {}\n// END shared: h\nfn main() { h() }\n",
    );
    write(
        root,
        "b.rs",
        "fn main() { h() }\n// BEGIN shared: h\nfn h() { }\n// END shared: h\n",
    );
    let files = vec!["a.rs".to_owned(), "b.rs".to_owned()];
    let problems = check(root, &files);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, "b.rs");
    assert!(
        problems[0].1.contains("differs from the source in a.rs"),
        "{problems:?}"
    );
    assert_eq!(sync(root, &files).unwrap(), ["b.rs"]);
    assert!(check(root, &files).is_empty());
    assert_eq!(
        std::fs::read_to_string(root.join("b.rs")).unwrap(),
        "fn main() { h() }\n// BEGIN shared: h\nfn h() {}\n// END shared: h\n"
    );
    assert!(sync(root, &files).unwrap().is_empty());
}

#[test]
fn a_region_without_a_source_is_a_problem() {
    let dir = book_tooling::tempdir();
    write(dir.path(), "a.rs", "// BEGIN shared: h\n// END shared: h\n");
    let problems = check(dir.path(), &["a.rs".to_owned()]);
    assert!(
        problems[0].1.contains("exactly one source copy"),
        "{problems:?}"
    );
}
