// needs: linux-gnu: calls glibc's malloc_trim and reads VmRSS from /proc/self/status
// varies: \d+ KiB
#![cfg_attr(
    not(all(target_os = "linux", target_env = "gnu")),
    allow(dead_code, reason = "elsewhere only the fallback main runs")
)]

/// VmRSS from /proc/self/status: the resident memory, in KiB.
fn rss_kib() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

// ANCHOR: extern
#[cfg(all(target_os = "linux", target_env = "gnu"))]
unsafe extern "C" {
    /// glibc: give free memory back to the kernel, from the top of the heap and from every
    /// free page inside it. Returns 1 if it released any memory, 0 if not.
    fn malloc_trim(pad: usize) -> i32;
}
// ANCHOR_END: extern

/// One block in this many is kept.
const KEEP_ONE_IN: usize = 100;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn main() {
    // ANCHOR: main
    let start = rss_kib();
    // 100,000 small blocks, each written: about 20 MB that malloc takes from its heap.
    let mut blocks: Vec<Vec<u8>> = (0..100_000).map(|_| vec![1_u8; 200]).collect();
    let filled = rss_kib();

    // Free all blocks but one in KEEP_ONE_IN, the last one included. The survivors pin the
    // heap: the free memory between them stays malloc's, and resident.
    let mut i = 0;
    blocks.retain(|_| {
        i += 1;
        i % KEEP_ONE_IN == 0
    });
    let freed = rss_kib();

    // SAFETY: malloc_trim takes no pointer; it only returns free pages to the kernel.
    let released = unsafe { malloc_trim(0) };
    let trimmed = rss_kib();

    println!("{} blocks kept of 100000", blocks.len());
    println!("VmRSS at start:              {start:>6} KiB");
    println!("after 100000 allocations:    {filled:>6} KiB");
    println!("after freeing the others:    {freed:>6} KiB");
    println!("after malloc_trim(0) = {released}:     {trimmed:>6} KiB");
    // ANCHOR_END: main

    assert!(filled - start > 15_000, "the blocks became resident");
    assert!(
        freed + 2_000 > filled,
        "freeing kept (nearly) all of it resident"
    );
    assert_eq!(released, 1);
    assert!(freed - trimmed > 10_000, "malloc_trim gave most of it back");
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() {
    println!("This listing calls glibc's malloc_trim, which only Linux with glibc has.");
}
