//! The unit tests of `tooling/src/massif.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::massif::*;
use book_tooling::snapshot;

const REPORT: &str = "\
Number of snapshots: 60
 Detailed snapshots: [4, 57, 59 (peak)]

--------------------------------------------------------------------------------
  n        time(i)         total(B)   useful-heap(B) extra-heap(B)    stacks(B)
--------------------------------------------------------------------------------
 58    112,000,000          132,496          132,216           280            0
 59    115,168,987          132,520          132,225           295            0
99.90% (131,786B) (heap allocation functions) malloc/new/new[], --alloc-fns, etc.
->99.36% (131,072B) 0x12DE8E: x::generate_text (01-x.rs:44)
| ->99.36% (131,072B) 0x12A40A: x::main (01-x.rs:160)
|   ->99.36% (131,072B) 0x1342BA: core::ops::function::FnOnce::call_once (function.rs:250)
|     ->99.36% (131,072B) 0x12DA3D: main (in /work/target/book-runs/ab-1-0/main)
|
->00.54% (714B) in 1+ places, all below ms_print's threshold (01.00%)

--------------------------------------------------------------------------------
  n        time(i)         total(B)   useful-heap(B) extra-heap(B)    stacks(B)
";

#[test]
fn the_excerpt_is_the_peak_snapshot_cut_at_main() {
    let e = peak_excerpt(REPORT).unwrap();
    assert_eq!(
        e,
        "  n        time(i)         total(B)   useful-heap(B) extra-heap(B)    stacks(B)\n\
             \x2059    115,168,987          132,520          132,225           295            0\n\
             99.90% (131,786B) (heap allocation functions) malloc/new/new[], --alloc-fns, etc.\n\
             ->99.36% (131,072B) x::generate_text (01-x.rs:44)\n\
             | ->99.36% (131,072B) x::main (01-x.rs:160)\n\
             |\n\
             ->00.54% (714B) in 1+ places, all below ms_print's threshold (01.00%)\n"
    );
    // The snapshot's number and instruction count are masked; the sizes are not.
    let masks = snapshot::Masks {
        varies: std::slice::from_ref(&ROW_PREFIX),
        strict: true,
        ..Default::default()
    };
    let other_machine = e.replace(" 59    115,168,987 ", " 61    117,002,410 ");
    assert_eq!(
        snapshot::compare_text(&e, &other_machine, masks),
        snapshot::Verdict::Matches(vec![])
    );
    let bigger = e.replace("132,520", "132,600");
    assert!(matches!(
        snapshot::compare_text(&e, &bigger, masks),
        snapshot::Verdict::Differs(_)
    ));
}

#[test]
fn a_report_without_a_peak_is_an_error() {
    assert!(peak_excerpt("Number of snapshots: 1\n").is_err());
}

#[test]
fn the_massif_directive_has_one_value() {
    assert_eq!(wanted("// massif: peak\n"), Ok(true));
    assert_eq!(wanted("fn main() {}\n"), Ok(false));
    assert!(wanted("// massif: all\n").is_err());
}
