//! Every `listings/**/fail_*.rs` must fail to compile with exactly the error saved beside it in
//! `fail_*.stderr` — the file the chapter shows under the code. `BLESS=1` rewrites them.

#[test]
fn listings_that_must_not_compile() {
    if book_tooling::blessing() {
        // SAFETY: set before any thread of this test binary reads the environment.
        unsafe { std::env::set_var("TRYBUILD", "overwrite") };
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("listings/*/fail_*.rs");
}
