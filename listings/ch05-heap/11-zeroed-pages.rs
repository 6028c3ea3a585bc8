// needs: linux-gnu: reads VmRSS from /proc/self/status; the zeroed pages are glibc's calloc
#![cfg_attr(
    not(all(target_os = "linux", target_env = "gnu")),
    allow(
        dead_code,
        unused_imports,
        reason = "without Linux and glibc only the fallback main runs"
    )
)]
// BEGIN shared: counting-allocator
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// A global allocator that counts every call, then hands it to the system allocator.
struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static DEALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        // Forwarded, not left to the default (`alloc` + zeroing): calloc can hand out pages
        // the kernel already zeroed, without touching them.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        DEALLOCS.fetch_add(1, Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size.saturating_sub(layout.size()), Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The counters at one moment. `heap()` reads them; `since` subtracts two readings.
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(dead_code, reason = "not every listing reads every counter")]
struct Heap {
    allocs: usize,
    deallocs: usize,
    reallocs: usize,
    bytes: usize,
}

fn heap() -> Heap {
    Heap {
        allocs: ALLOCS.load(Relaxed),
        deallocs: DEALLOCS.load(Relaxed),
        reallocs: REALLOCS.load(Relaxed),
        bytes: BYTES.load(Relaxed),
    }
}

#[allow(dead_code, reason = "not every listing compares two readings")]
impl Heap {
    fn since(self, earlier: Heap) -> Heap {
        Heap {
            allocs: self.allocs - earlier.allocs,
            deallocs: self.deallocs - earlier.deallocs,
            reallocs: self.reallocs - earlier.reallocs,
            bytes: self.bytes - earlier.bytes,
        }
    }
}
// END shared: counting-allocator

/// Resident memory of this process (`VmRSS` in /proc/self/status), in MiB.
fn resident_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("needs Linux's /proc");
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    let kib: f64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib / 1024.0
}

/// Writes one byte into each 4 KiB page of `bytes`.
fn touch_every_page(bytes: &mut [u8]) {
    for page in bytes.chunks_mut(4096) {
        page[0] = 1;
    }
}

// ANCHOR: default
/// An allocator that forwards only `alloc` and `dealloc`: its `alloc_zeroed` is the trait's
/// default, which calls `alloc` and then writes zeros over the whole block.
struct ZeroesByHand;

unsafe impl GlobalAlloc for ZeroesByHand {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}
// ANCHOR_END: default

// varies: \d+\.\d MiB
#[cfg(all(target_os = "linux", target_env = "gnu"))]
// ANCHOR: main
fn main() {
    const LEN: usize = 64 << 20; // 64 MiB
    let start = resident_mib();

    // Through the counting allocator, which forwards `alloc_zeroed` to calloc.
    let before = heap();
    let mut zeros = vec![0u8; LEN];
    let counted = heap().since(before);
    let after_vec = resident_mib();
    touch_every_page(&mut zeros);
    let after_touch = resident_mib();
    drop(zeros);

    // Through the trait's default `alloc_zeroed`: `alloc`, then zeros written by hand.
    let layout = Layout::array::<u8>(LEN).unwrap();
    let base = resident_mib();
    // SAFETY: the layout is not zero-sized; the block is freed below with the same layout.
    let block = unsafe { ZeroesByHand.alloc_zeroed(layout) };
    assert!(!block.is_null());
    let after_default = resident_mib();
    // SAFETY: `block` came from `ZeroesByHand` with `layout`, and is not used afterwards.
    unsafe { ZeroesByHand.dealloc(block, layout) };

    println!("vec![0u8; 64 MiB], {} allocation(s):", counted.allocs);
    println!("  alloc_zeroed forwarded to calloc: resident {start:.1} MiB -> {after_vec:.1} MiB");
    println!(
        "  then one byte written per page:   resident {after_vec:.1} MiB -> {after_touch:.1} MiB"
    );
    println!("64 MiB through the default alloc_zeroed:");
    println!(
        "  alloc, then zeros written:        resident {base:.1} MiB -> {after_default:.1} MiB"
    );
    // ANCHOR_END: main

    assert_eq!(counted.allocs, 1);
    assert!(after_vec - start < 1.0, "calloc touched no page");
    assert!(
        after_touch - after_vec > 60.0,
        "writing made the pages resident"
    );
    assert!(
        after_default - base > 60.0,
        "zeroing by hand touched every page"
    );
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() {
    eprintln!(
        "This listing reads /proc/self/status and measures glibc's calloc: Linux with glibc only."
    );
}
