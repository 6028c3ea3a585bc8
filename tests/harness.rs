//! Tests of the patched skeptic runtime itself (vendor/skeptic/PATCHES.md): each way a block can
//! be wrong must fail, with a message that starts with where the block came from.

use skeptic::rt::{Expect, check_block};
use std::panic::{AssertUnwindSafe, catch_unwind};

const ORIGIN: &str = "src/ch99-test.md:7 [listings/ch99-test/x.rs]";

fn host() -> String {
    let out = std::process::Command::new("rustc").arg("-vV").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().find_map(|l| l.strip_prefix("host: ")).unwrap().to_owned()
}

/// Runs one block; returns the failure message, or `None` when it passed.
fn outcome(code: &str, expect: Expect, edition: Option<&str>) -> Option<String> {
    let (root, out) = (env!("CARGO_MANIFEST_DIR"), env!("OUT_DIR"));
    let result = catch_unwind(AssertUnwindSafe(|| check_block(root, out, &host(), code, expect, edition, ORIGIN)));
    result.err().map(|e| {
        e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
    })
}

const LET_CHAIN: &str = "fn main() { let v = Some(2); if let Some(x) = v && x > 1 { println!(\"{x}\"); } }";

#[test]
fn blocks_compile_as_edition_2024() {
    assert_eq!(outcome(LET_CHAIN, Expect::Run, None), None);
}

#[test]
fn an_edition_2021_fence_really_compiles_as_2021() {
    let err = outcome(LET_CHAIN, Expect::Run, Some("2021")).expect("let chains are refused in 2021");
    assert!(err.starts_with(ORIGIN) && err.contains("does not compile"), "{err}");
}

#[test]
fn a_should_panic_block_that_does_not_compile_fails() {
    let err = outcome("fn main() { let x: u8 = \"no\"; }", Expect::Panic, None).expect("must fail");
    assert!(err.starts_with(ORIGIN) && err.contains("must compile"), "{err}");
}

#[test]
fn a_should_panic_block_that_does_not_panic_fails() {
    let err = outcome("fn main() {}", Expect::Panic, None).expect("must fail");
    assert!(err.contains("without panicking"), "{err}");
}

#[test]
fn a_should_panic_block_that_panics_passes() {
    assert_eq!(outcome("fn main() { panic!(\"boom\") }", Expect::Panic, None), None);
}

#[test]
fn a_compile_fail_block_that_compiles_fails() {
    let err = outcome("fn main() {}", Expect::CompileFail(Some("E0382".into())), None).expect("must fail");
    assert!(err.starts_with(ORIGIN) && err.contains("compiled"), "{err}");
}

#[test]
fn a_compile_fail_block_with_another_error_code_fails() {
    let code = "fn main() { let x: u8 = \"no\"; }"; // E0308, not E0382
    let err = outcome(code, Expect::CompileFail(Some("E0382".into())), None).expect("must fail");
    assert!(err.contains("not with E0382"), "{err}");
    assert_eq!(outcome(code, Expect::CompileFail(Some("E0308".into())), None), None);
}

#[test]
fn a_block_that_fails_at_run_time_fails() {
    let err = outcome("fn main() { std::process::exit(3) }", Expect::Run, None).expect("must fail");
    assert!(err.contains("failed when run"), "{err}");
}
