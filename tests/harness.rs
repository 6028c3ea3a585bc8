//! Tests of the patched skeptic runtime itself (vendor/skeptic/PATCHES.md): each way a block can
//! be wrong must fail, with a message that starts with where the block came from; and the cache
//! of passes (PATCH(cache)) must never hide a change: a block whose code or compiler changed is
//! checked again, and a failure is never remembered.

use skeptic::rt::{Checker, Expect, Passed};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const ORIGIN: &str = "src/ch99-test.md:7 [listings/ch99-test/x.rs]";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::for_current_test(&root()))
}

/// Runs one block; returns the failure message, or `None` when it passed.
fn outcome(code: &str, expect: Expect, edition: Option<&str>) -> Option<String> {
    checker()
        .check_text(code, &expect, edition, ORIGIN)
        .err()
        .map(|f| f.to_string())
}

/// Text no earlier run has seen, so that its first check cannot come from the cache.
fn fresh(code: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("// run {nanos} {}\n{code}", std::process::id())
}

const LET_CHAIN: &str =
    "fn main() { let v = Some(2); if let Some(x) = v && x > 1 { println!(\"{x}\"); } }";

#[test]
fn blocks_compile_as_edition_2024() {
    assert_eq!(outcome(LET_CHAIN, Expect::Run, None), None);
}

#[test]
fn an_edition_2021_fence_really_compiles_as_2021() {
    let err =
        outcome(LET_CHAIN, Expect::Run, Some("2021")).expect("let chains are refused in 2021");
    assert!(
        err.starts_with(ORIGIN) && err.contains("does not compile"),
        "{err}"
    );
}

#[test]
fn a_should_panic_block_that_does_not_compile_fails() {
    let err = outcome("fn main() { let x: u8 = \"no\"; }", Expect::Panic, None).expect("must fail");
    assert!(
        err.starts_with(ORIGIN) && err.contains("must compile"),
        "{err}"
    );
}

#[test]
fn a_should_panic_block_that_does_not_panic_fails() {
    let err = outcome("fn main() {}", Expect::Panic, None).expect("must fail");
    assert!(err.contains("without panicking"), "{err}");
}

#[test]
fn a_should_panic_block_that_panics_passes() {
    assert_eq!(
        outcome("fn main() { panic!(\"boom\") }", Expect::Panic, None),
        None
    );
}

#[test]
fn a_compile_fail_block_that_compiles_fails() {
    let err = outcome(
        "fn main() {}",
        Expect::CompileFail(Some("E0382".into())),
        None,
    )
    .expect("must fail");
    assert!(err.starts_with(ORIGIN) && err.contains("compiled"), "{err}");
}

#[test]
fn a_compile_fail_block_with_another_error_code_fails() {
    let code = "fn main() { let x: u8 = \"no\"; }"; // E0308, not E0382
    let err = outcome(code, Expect::CompileFail(Some("E0382".into())), None).expect("must fail");
    assert!(
        err.contains("not with E0382") && err.contains("error[E0308]"),
        "{err}"
    );
    assert_eq!(
        outcome(code, Expect::CompileFail(Some("E0308".into())), None),
        None
    );
}

#[test]
fn a_block_that_fails_at_run_time_fails() {
    let err = outcome("fn main() { std::process::exit(3) }", Expect::Run, None).expect("must fail");
    assert!(err.contains("failed when run"), "{err}");
}

/// A one-chapter book whose chapter shows `listings/ch01-test/01-x.rs`.
fn tiny_book(dir: &Path, listing: &str) {
    let write = |path: &str, text: &str| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("book.toml", "[book]\ntitle = \"t\"\nsrc = \"src\"\n");
    write("src/SUMMARY.md", "# Summary\n\n- [T](ch01-test.md)\n");
    // `no_run`: compiled only, which is all this needs, in half the time of compiling and running.
    write(
        "src/ch01-test.md",
        "# T\n\n```rust,no_run\n{{#rustdoc_include ../listings/ch01-test/01-x.rs}}\n```\n",
    );
    write("listings/ch01-test/01-x.rs", listing);
}

fn check_tiny_book(dir: &Path) -> Result<Passed, String> {
    let book = book_tooling::book::load(dir).unwrap();
    let blocks = skeptic::blocks(&book.chapters[0].expanded, "ch01-test");
    assert_eq!(blocks.len(), 1, "{blocks:?}");
    checker().check(&blocks[0]).map_err(|f| f.to_string())
}

#[test]
fn a_cached_block_runs_again_after_its_listing_changes() {
    if !checker().caching() {
        return; // BOOK_NO_CACHE=1: nothing is cached, so there is nothing to test.
    }
    let dir = tempfile::tempdir().unwrap();
    tiny_book(dir.path(), &fresh("fn main() { println!(\"one\"); }\n"));
    assert_eq!(check_tiny_book(dir.path()), Ok(Passed::Checked));
    assert_eq!(check_tiny_book(dir.path()), Ok(Passed::Cached));

    // The listing changes: the block is compiled again, and its failure is reported...
    tiny_book(dir.path(), &fresh("fn main() { let n: u8 = \"one\"; }\n"));
    let err = check_tiny_book(dir.path()).expect_err("the changed listing does not compile");
    assert!(
        err.starts_with("src/ch01-test.md:3 [listings/ch01-test/01-x.rs]: "),
        "{err}"
    );
    assert!(
        err.contains("does not compile") && err.contains("error[E0308]"),
        "{err}"
    );
    // ...every time: a failure is never cached.
    assert!(check_tiny_book(dir.path()).is_err());
}

#[test]
fn a_cached_block_is_checked_again_by_another_compiler() {
    if !checker().caching() {
        return;
    }
    // "Another compiler": the same rustc behind a script that reports another identity.
    let dir = tempfile::tempdir().unwrap();
    let wrapper = dir.path().join("rustc-next");
    std::fs::write(
        &wrapper,
        "#!/bin/sh\nif [ \"$1\" = -vV ]; then rustc -vV | sed 's/^commit-hash: .*/commit-hash: another/'; \
         else exec rustc \"$@\"; fi\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let profile = skeptic::rt::profile_dir_of_current_exe();
    let next = Checker::with_rustc(&root(), &profile, wrapper.to_str().unwrap());
    assert_ne!(next.rustc_identity(), checker().rustc_identity());

    let code = fresh("fn main() {}");
    let check = |c: &Checker| {
        c.check_text(&code, &Expect::Compile, None, ORIGIN)
            .map_err(|f| f.to_string())
    };
    assert_eq!(check(checker()), Ok(Passed::Checked));
    assert_eq!(check(checker()), Ok(Passed::Cached));
    assert_eq!(
        check(&next),
        Ok(Passed::Checked),
        "a new toolchain must not trust the old one's passes"
    );
    assert_eq!(check(&next), Ok(Passed::Cached));
}
