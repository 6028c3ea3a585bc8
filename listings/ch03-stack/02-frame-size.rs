// memcheck: clean
// per-platform: \d+ bytes below
// per-platform: return address slot: .*
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

/// The stack slot a `call` stored its return address in, and the address stored there.
#[cfg(target_arch = "x86_64")]
#[repr(C)]
struct ReturnSlot {
    at: *const u8,
    holds: usize,
}

/// On x86_64, `call` pushes the return address, so on entry the stack pointer (`rsp`) points
/// at it. This function is `naked` (no prologue, nothing pushed): it returns `rsp` and the
/// word there, in `rax` and `rdx`, the registers a two-word struct is returned in.
#[cfg(target_arch = "x86_64")]
#[unsafe(naked)]
extern "sysv64" fn return_slot() -> ReturnSlot {
    std::arch::naked_asm!("mov rax, rsp", "mov rdx, [rsp]", "ret")
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
    #[cfg(target_arch = "x86_64")]
    let (slot, in_main) = {
        let slot = return_slot();
        let in_main = slot.holds.wrapping_sub(main as fn() as usize);
        let (at, gap) = (slot.at, below(slot.at));
        println!("return address slot:      {at:p} ({gap} bytes below), holds main + {in_main:#x}");
        (slot, in_main)
    };
    #[cfg(not(target_arch = "x86_64"))]
    println!("return address slot:      not read: x86_64 only (aarch64 keeps it in a register)");
    println!("small_frame's local:      {first:p} ({gap_small} bytes below)");
    println!("small_frame's, 2nd call:  {second:p} (same slot: {same})");
    println!("big_frame's 4 KiB array:  {big:p} ({gap_big} bytes below)");
    // ANCHOR_END: main

    // A frame is reused by the next call at the same depth, and it holds its locals whole.
    assert!(same);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert!(gap_big >= 4096);
    }
    #[cfg(target_arch = "x86_64")]
    {
        // Every call main makes stores its return address in that one slot, just below main's
        // frame; the callees' frames start under it.
        assert_eq!(return_slot().at, slot.at);
        assert!(main_local > slot.at && slot.at > first && slot.at.addr() >= big.addr() + 4096);
        // What it holds is an address in main's code, a little after main's first byte (main
        // is under 4 KiB of machine code here).
        if cfg!(target_os = "linux") {
            assert!(in_main < 4096);
        }
    }
}
