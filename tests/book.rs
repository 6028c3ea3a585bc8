//! The book's rules (CONTRIBUTING.md), checked on the real book: every include resolves, every
//! listing is shown, every fence has a language, no `ignore`, compile_fail only on checked
//! listings with their real error, shared code identical everywhere.

use book_tooling::{book, policy};
use std::path::Path;

fn root() -> std::path::PathBuf {
    book_tooling::repo_root(Path::new(env!("CARGO_MANIFEST_DIR")))
}

#[test]
fn the_book_follows_its_rules() {
    let book = book::load(&root()).unwrap_or_else(|e| panic!("{e}"));
    let problems = policy::check(&book);
    assert!(problems.is_empty(), "{}", policy::report(&problems));
}

#[test]
fn the_toolchain_is_the_one_the_snapshots_were_blessed_with() {
    let pinned = std::fs::read_to_string(root().join("rust-toolchain.toml")).unwrap();
    let pinned = pinned
        .lines()
        .find_map(|l| l.trim().strip_prefix("channel = "))
        .map(|v| v.trim_matches('"').to_owned())
        .expect("a channel in rust-toolchain.toml");
    let running = book_tooling::listing::rustc_release(&root());
    assert!(
        running == pinned,
        "\n\nThis is rustc {running}, but the book's snapshots (program output and compiler errors) \
         were blessed with rustc {pinned} (rust-toolchain.toml).\n\
         Other snapshot failures in this run are probably only the compiler's new wording.\n\
         - To use the pinned toolchain: `rustup toolchain install {pinned}` and run `cargo test` again.\n\
         - To move the book to {running}: see \"Bumping the toolchain\" in CONTRIBUTING.md \
         (edit rust-toolchain.toml, then `BLESS=1 cargo test` and review the diff).\n"
    );
}
