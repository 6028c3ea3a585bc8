// needs: linux: reads /proc/self/smaps for the size and resident part of a thread's stack
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::hint::black_box;
use std::mem::MaybeUninit;
use std::thread;

/// The mapping of /proc/self/smaps that holds `addr`: its size and its resident part, in KiB.
fn size_and_resident_kib(addr: usize) -> (usize, usize) {
    let smaps = std::fs::read_to_string("/proc/self/smaps").expect("needs Linux's /proc");
    let mut lines = smaps.lines();
    while let Some(line) = lines.next() {
        let Some((start, rest)) = line.split_once('-') else {
            continue;
        };
        let (Ok(start), Some(Ok(end))) = (
            usize::from_str_radix(start, 16),
            rest.split_whitespace()
                .next()
                .map(|e| usize::from_str_radix(e, 16)),
        ) else {
            continue; // a field line such as `Rss:`, not a mapping's first line
        };
        if (start..end).contains(&addr) {
            let field = |name: &str| -> usize {
                let l = lines.clone().find(|l| l.starts_with(name)).unwrap();
                l.split_whitespace().nth(1).unwrap().parse().unwrap()
            };
            return (field("Size:"), field("Rss:"));
        }
    }
    panic!("{addr:#x} is not mapped");
}

// ANCHOR: frame
const FRAME: usize = 8 << 20; // an 8 MiB local

/// A frame with an 8 MiB array that is never initialized: the code writes one byte of it.
#[inline(never)]
fn big_frame(stack_addr: usize) -> (usize, usize) {
    let mut array = MaybeUninit::<[u8; FRAME]>::uninit();
    let first = array.as_mut_ptr().cast::<u8>();
    // SAFETY: `first` points to the array's first byte, inside this frame.
    unsafe { first.write(1) };
    black_box(first);
    size_and_resident_kib(stack_addr)
}

// ANCHOR_END: frame

// varies: \d+ KiB
#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    let thread = thread::Builder::new().stack_size(16 << 20);
    let handle = thread.spawn(|| {
        let local = 0_u8;
        let addr = black_box(&raw const local).addr();
        let (size, at_start) = size_and_resident_kib(addr);
        let (_, in_big_frame) = big_frame(addr);
        (size, at_start, in_big_frame)
    });
    let (size, at_start, in_big_frame) = handle.unwrap().join().unwrap();

    println!("a thread's 16 MiB stack: mapping of {size} KiB");
    println!("  resident at the thread's start:        {at_start} KiB");
    println!("  resident inside the 8 MiB frame:       {in_big_frame} KiB");
    println!("  bytes of the frame the code wrote:     1");
    // ANCHOR_END: main

    assert!(size >= 16 << 10, "the whole stack is mapped from the start");
    assert!(at_start < 1 << 10, "but little of it is resident");
    assert!(
        in_big_frame - at_start >= (FRAME >> 10) * 9 / 10,
        "the probes touched (nearly) every page of the frame"
    );
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads /proc/self/smaps, which only Linux has.");
}
