// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
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

use std::mem::size_of_val;

// ANCHOR: makers
fn adder(n: u64) -> impl Fn(u64) -> u64 {
    move |x| x + n
}

fn boxed_adder(n: u64) -> Box<dyn Fn(u64) -> u64> {
    Box::new(move |x| x + n)
}

fn boxed_no_capture() -> Box<dyn Fn(u64) -> u64> {
    Box::new(|x| x + 1)
}
// ANCHOR_END: makers

fn main() {
    // ANCHOR: main
    let start = heap();
    let plain = adder(10);
    let plain_heap = heap().since(start);

    let start = heap();
    let boxed = boxed_adder(10);
    let boxed_heap = heap().since(start);

    let start = heap();
    let empty = boxed_no_capture();
    let empty_heap = heap().since(start);

    let rows = [
        ("impl Fn, captures u64", size_of_val(&plain), plain_heap),
        ("Box<dyn Fn>, captures u64", size_of_val(&boxed), boxed_heap),
        ("Box<dyn Fn>, no capture", size_of_val(&empty), empty_heap),
    ];
    for (what, size, h) in rows {
        println!(
            "{what:<26} handle {size:>2} bytes, {} alloc(s) of {} bytes",
            h.allocs, h.bytes
        );
    }
    println!("results: {} {} {}", plain(1), boxed(1), empty(1));
    // ANCHOR_END: main

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        let measured = rows.map(|(_, size, h)| (size, h.allocs, h.bytes));
        assert_eq!(measured, [(8, 0, 0), (16, 1, 8), (16, 0, 0)]);
    }
}
