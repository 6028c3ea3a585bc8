// per-platform: \b\d+ bytes\b|\| +\d+ \| +[\d.]+ \| +[\d.]+$
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

use std::collections::HashMap;

// ANCHOR: main
fn main() {
    let mut map: HashMap<u64, u64> = HashMap::new();
    println!("empty map: capacity {}", map.capacity());
    println!("  len | capacity | table bytes | bytes per entry | bytes per slot of capacity");
    let mut last_table = 0;
    for key in 0..1000 {
        let capacity = map.capacity();
        let before = heap();
        map.insert(key, key);
        let grew = heap().since(before);
        if map.capacity() != capacity {
            // Growing allocates a new, bigger table and frees the old one.
            assert_eq!((grew.allocs, grew.deallocs), (1, usize::from(capacity > 0)));
            last_table = grew.bytes;
            println!(
                "{:>5} | {:>8} | {:>11} | {:>15.1} | {:>6.1}",
                map.len(),
                map.capacity(),
                grew.bytes,
                grew.bytes as f64 / map.len() as f64,
                grew.bytes as f64 / map.capacity() as f64
            );
        }
    }
    println!(
        "1,000 entries: a table of {last_table} bytes, {:.1} bytes per entry of 16",
        last_table as f64 / map.len() as f64
    );

    let before = heap();
    let reserved: HashMap<u64, u64> = HashMap::with_capacity(1000);
    let table = heap().since(before).bytes;
    println!(
        "with_capacity(1000): capacity {}, a table of {table} bytes",
        reserved.capacity()
    );
    // ANCHOR_END: main
    assert_eq!((map.capacity(), reserved.capacity()), (1792, 1792));
}
