//! The unit tests of `tooling/src/platform.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::platform::*;

#[test]
fn only_x86_64_linux_gnu_with_the_pinned_rustc_is_the_reference() {
    let here = Platform::new(false, "1.95.0", "1.95.0");
    assert_eq!(
        here.is_reference(),
        cfg!(all(
            target_os = "linux",
            target_env = "gnu",
            target_arch = "x86_64"
        ))
    );
    assert!(!Platform::new(true, "1.95.0", "1.95.0").is_reference());
    assert!(!Platform::new(false, "1.97.0", "1.95.0").is_reference());
    assert!(!Platform::new(false, "1.97.0", "1.95.0").same_compiler());
}

#[test]
fn a_simulated_platform_meets_no_linux_requirement() {
    let other = Platform::new(true, "1.95.0", "1.95.0");
    let src = "// needs: linux: reads /proc/self/maps\nfn main() {}\n";
    assert_eq!(
        unmet(&other, src).unwrap().as_deref(),
        Some("needs linux: reads /proc/self/maps")
    );
    assert_eq!(unmet(&other, "fn main() {}").unwrap(), None);
}

#[test]
fn a_needs_line_must_give_a_known_requirement_and_a_reason() {
    let other = Platform::new(true, "1.95.0", "1.95.0");
    assert!(
        needs("// needs: linux\n")
            .unwrap_err()
            .contains("should say why")
    );
    assert!(
        unmet(&other, "// needs: plan9: why not\n")
            .unwrap_err()
            .contains("not a requirement")
    );
}
