use std::hint::black_box;

// ANCHOR: main
/// Calls itself `levels` times; returns how far down the stack the last call's local
/// lies from its caller's: the size of one call's stack frame.
#[inline(never)]
fn frame_size(levels: u32, callers_local: usize) -> usize {
    let local = 0_u8;
    let here = black_box(&local) as *const u8 as usize; // a real stack slot, in both builds
    if levels == 0 {
        callers_local - here
    } else {
        frame_size(levels - 1, here)
    }
}

fn main() {
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    let frame = frame_size(3, usize::MAX);
    // varies: uses \d+ bytes of stack
    println!("{build} build: one call of frame_size uses {frame} bytes of stack");
    // ANCHOR_END: main
    // `frame` depends on the build flags (optimization, debug info), not only on the
    // toolchain and target: printed, not asserted.
}
