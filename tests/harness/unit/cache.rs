//! The unit tests of `tooling/src/cache.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::cache::*;

#[test]
fn keys_depend_on_every_part_and_its_boundaries() {
    let key = Key::new(&["a", "bc"]);
    assert_eq!(key, Key::new(&["a", "bc"]));
    assert_ne!(key, Key::new(&["ab", "c"]));
    assert_ne!(key, Key::new(&["a", "bc", ""]));
    assert_eq!(key.as_str().len(), 32);
}

#[test]
fn entries_are_found_again_and_no_temporary_file_is_left() {
    let dir = book_tooling::tempdir();
    let dir = dir.path().join("cache");
    let key = Key::new(&["x"]);
    assert_eq!(get_in::<Vec<u32>>(&dir, &key), None);
    put_in(&dir, &key, &vec![1_u32, 2]);
    assert_eq!(get_in::<Vec<u32>>(&dir, &key), Some(vec![1, 2]));
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, [format!("{}.json", key.as_str())]);
}
