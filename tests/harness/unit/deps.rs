//! The unit tests of `tooling/src/deps.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::deps::*;

#[test]
fn the_deps_line_names_crates() {
    assert!(declared("fn main() {}").is_empty());
    assert_eq!(
        declared("// deps: bumpalo, small-vec\nfn main() {}"),
        ["bumpalo", "small_vec"]
    );
}

#[test]
fn the_crates_are_found_beside_the_test_binary() {
    let root = book_tooling::tempdir();
    let manifest = root.path().join("tooling/listing-deps");
    std::fs::create_dir_all(&manifest).unwrap();
    std::fs::write(
        manifest.join("Cargo.toml"),
        "[package]\nname = \"listing-deps\"\n[dependencies]\nbump-alo = \"1\"\ndhat = \"1\"\n",
    )
    .unwrap();
    let deps = root.path().join("target/debug/deps");
    std::fs::create_dir_all(&deps).unwrap();
    let touch = |name: &str| std::fs::write(deps.join(name), "").unwrap();
    touch("libbump_alo-0001.rlib");
    assert!(
        built_in(root.path(), &deps, false).is_none(),
        "dhat is missing: Cargo must build them"
    );
    touch("libdhat-0002.rlib");
    std::thread::sleep(std::time::Duration::from_millis(20));
    touch("libdhat-0003.rlib");
    touch("libserde-0004.rlib");
    let built = built_in(root.path(), &deps, false).unwrap();
    assert_eq!(built.search_dir, deps);
    let names: Vec<_> = built
        .libs
        .iter()
        .map(|(n, p)| (n.as_str(), p.file_name().unwrap().to_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("bump_alo", "libbump_alo-0001.rlib"),
            ("dhat", "libdhat-0003.rlib")
        ],
        "only listing-deps' crates, the newest of each"
    );
    assert!(
        built_in(root.path(), &deps, true).is_none(),
        "a release listing does not take dev-profile libraries"
    );
}
