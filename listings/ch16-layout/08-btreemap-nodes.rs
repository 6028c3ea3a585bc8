// per-platform: \b\d+ bytes\b
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

use std::collections::BTreeMap;

// ANCHOR: main
/// Inserts the keys `0..n`, in order or shuffled, and reports what that asked of the allocator.
fn build(n: u64, shuffled: bool) -> Heap {
    let before = heap();
    let mut map = BTreeMap::new();
    for i in 0..n {
        // Multiplying by an odd number modulo a power of two visits every key once, out of order.
        let key = if shuffled {
            (i * 7919) % n.next_power_of_two()
        } else {
            i
        };
        map.insert(key, i);
    }
    let calls = heap().since(before);
    drop(map);
    calls
}

fn main() {
    println!("entries | order    | nodes | bytes   | bytes per entry");
    for n in [1, 11, 12, 100, 1024, 16384] {
        for shuffled in [false, true] {
            let calls = build(n, shuffled);
            assert_eq!(calls.deallocs, 0, "inserting only ever adds nodes");
            println!(
                "{n:>7} | {:<8} | {:>5} | {:>7} | {:>5.1}",
                if shuffled { "shuffled" } else { "in order" },
                calls.allocs,
                calls.bytes,
                calls.bytes as f64 / n as f64
            );
        }
    }
    let before = heap();
    let sorted: Vec<(u64, u64)> = (0..1024).map(|i| (i, i)).collect();
    let calls = heap().since(before);
    println!(
        "a sorted Vec<(u64, u64)> of 1024 entries: {} bytes, {:.1} bytes per entry",
        calls.bytes,
        calls.bytes as f64 / sorted.len() as f64
    );
    // ANCHOR_END: main
    let node = |n| build(n, false).bytes;
    assert_eq!((node(1), node(12) - 2 * node(1)), (192, 288));
}
