// deps: bumpalo
// per-platform: holds \d+ bytes
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

use bumpalo::Bump;
use bumpalo::collections::Vec as BumpVec;

// ANCHOR: main
const N: u64 = 1_000; // 1,000 u64s: 8,000 bytes

fn main() {
    let before = heap();
    let mut v = Vec::new();
    for i in 0..N {
        v.push(i); // a full buffer is reallocated: the old one is freed
    }
    let grown = heap().since(before);
    let bytes = v.capacity() * size_of::<u64>();
    println!(
        "std Vec, {N} pushes:             {} alloc, {} reallocs; holds {bytes} bytes",
        grown.allocs, grown.reallocs
    );
    drop(v);

    let arena = Bump::new();
    let before = heap();
    let mut v = BumpVec::new_in(&arena);
    for i in 0..N {
        v.push(i); // a full chunk: a new, larger chunk; the old buffer stays behind
    }
    let grown = heap().since(before);
    println!(
        "bumpalo Vec, {N} pushes:         {} chunk allocs; the arena holds {} bytes",
        grown.allocs,
        arena.allocated_bytes()
    );
    drop(v);
    drop(arena);

    let arena = Bump::new();
    let before = heap();
    let mut v = BumpVec::with_capacity_in(N as usize, &arena);
    for i in 0..N {
        v.push(i); // room reserved up front: no growth
    }
    let grown = heap().since(before);
    println!(
        "bumpalo Vec, with_capacity_in: {} chunk alloc;  the arena holds {} bytes",
        grown.allocs,
        arena.allocated_bytes()
    );
}
// ANCHOR_END: main
