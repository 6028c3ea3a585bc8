// deps: bumpalo
// per-platform: keeps: \d+ bytes
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
use std::hint::black_box;

const ROUNDS: usize = 10;
const PER_ROUND: usize = 1_000;
const TEXT: &str = "short-lived objects: each one copies a slice of this text, 64 B.";

fn len_of(i: usize) -> usize {
    1 + (i * 7) % 64
}

// ANCHOR: main
/// One round with the global allocator: a `Vec` of strings, each its own allocation.
fn round_boxed(r: usize) -> usize {
    let mut objects = Vec::with_capacity(PER_ROUND);
    for i in 0..PER_ROUND {
        let mut s = String::with_capacity(len_of(i + r));
        s.push_str(&TEXT[..len_of(i + r)]);
        objects.push(s);
    }
    black_box(&objects).len()
} // every string and the Vec are freed here, one by one

/// The same round in an arena: the strings and the Vec live in `arena`'s chunks.
fn round_in(arena: &Bump, r: usize) -> usize {
    let mut objects = bumpalo::collections::Vec::with_capacity_in(PER_ROUND, arena);
    for i in 0..PER_ROUND {
        let mut s = bumpalo::collections::String::with_capacity_in(len_of(i + r), arena);
        s.push_str(&TEXT[..len_of(i + r)]);
        objects.push(s);
    }
    black_box(&objects).len()
} // dropping them frees nothing: the arena still holds their bytes

fn main() {
    let before = heap();
    for r in 0..ROUNDS {
        round_boxed(r);
    }
    let boxed = heap().since(before);

    let mut allocs_so_far = Vec::with_capacity(ROUNDS); // after each round (made before counting)
    let before = heap();
    let mut arena = Bump::new();
    for r in 0..ROUNDS {
        round_in(&arena, r);
        arena.reset(); // frees every chunk but the last, largest one
        allocs_so_far.push(heap().since(before).allocs);
    }
    let kept = arena.allocated_bytes();
    drop(arena);
    let in_arena = heap().since(before);

    println!("{ROUNDS} rounds of {PER_ROUND} short-lived strings");
    println!(
        "one allocation each: {} allocs, {} deallocs",
        boxed.allocs, boxed.deallocs
    );
    println!(
        "in a bumpalo arena:  {} allocs, {} deallocs (arena dropped)",
        in_arena.allocs, in_arena.deallocs
    );
    println!("  allocs so far, after each round and reset: {allocs_so_far:?}");
    println!("  the chunk each reset keeps: {kept} bytes");
    // ANCHOR_END: main

    assert_eq!(boxed.allocs, ROUNDS * (PER_ROUND + 1));
    assert!(in_arena.allocs < 10 && in_arena.allocs == in_arena.deallocs);
}
