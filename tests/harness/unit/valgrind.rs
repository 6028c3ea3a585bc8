//! The unit tests of `tooling/src/valgrind.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::valgrind::*;

#[test]
fn reports_are_normalized() {
    let report = "==8128== Invalid read of size 1\n==8128==    at 0x10D4B2: listing::main (01-x.rs:7)\n\
                      ==8128==  Address 0x4a9b040 is 0 bytes inside a block of size 5 free'd\n\
                      ==8128==    at 0x48431CF: free (vg_replace_malloc.c:872)\n\
                      ==8128==    by 0x10E0B1: drop_in_place (/rustc/59807616e1/library/core/src/ptr/mod.rs:797)\n\
                      ==8128==    by 0x10C123: ??? (in /work/target/book-runs/ab-1-2/main)\n\
                      ==8128==    by 0x10C124: free (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)\n";
    let n = normalize(report);
    assert!(n.starts_with("==PID== Invalid read of size 1\n"), "{n}");
    assert!(n.contains("Address 0x[addr] is 0 bytes inside"), "{n}");
    assert!(n.contains("free (vg_replace_malloc.c)"), "{n}");
    assert!(n.contains("($RUST/core/src/ptr/mod.rs:797)"), "{n}");
    assert!(n.contains("??? (in the listing)"), "{n}");
    assert!(n.contains("free (in valgrind's preload library)"), "{n}");
}

#[test]
fn the_memcheck_directive_has_one_value() {
    assert_eq!(wants_clean("// memcheck: clean\n"), Ok(true));
    assert_eq!(wants_clean("fn main() {}\n"), Ok(false));
    assert!(wants_clean("// memcheck: dirty\n").is_err());
}
