use std::hint::black_box;

// ANCHOR: main
/// A frame with one 8-byte local.
#[inline(never)]
fn small_frame() -> *const u8 {
    let number: u64 = 1;
    black_box(&raw const number).cast()
}

/// A frame with a 4 KiB array in it.
#[inline(never)]
fn big_frame() -> *const u8 {
    let buffer = [0u8; 4096];
    black_box(&buffer).as_ptr()
}

fn main() {
    let here: u64 = 0;
    let main_local: *const u8 = black_box(&raw const here).cast();
    let first = small_frame();
    let second = small_frame();
    let big = big_frame();

    let below = |p: *const u8| main_local.addr() - p.addr();
    let (gap_small, gap_big, same) = (below(first), below(big), first == second);
    println!("main's local:             {main_local:p}");
    println!("small_frame's local:      {first:p} ({gap_small} bytes below)");
    println!("small_frame's, 2nd call:  {second:p} (same slot: {same})");
    println!("big_frame's 4 KiB array:  {big:p} ({gap_big} bytes below)");
    // ANCHOR_END: main

    // A frame is reused by the next call at the same depth, and it holds its locals whole.
    assert!(same);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert!(gap_big >= 4096);
    }
}
