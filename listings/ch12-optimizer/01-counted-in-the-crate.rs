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

fn main() {
    // ANCHOR: main
    let before = heap();
    let boxed = Box::new(42_u64);
    drop(boxed); // created and dropped at once
    let boxed_heap = heap().since(before);

    let before = heap();
    #[allow(clippy::useless_vec, reason = "the allocation is what we measure")]
    let sum: u64 = vec![1_u64, 2, 3, 4].iter().sum();
    let summed_heap = heap().since(before);

    let before = heap();
    let mut filled = Vec::with_capacity(4);
    for i in 0..4_u64 {
        filled.push(i);
    }
    let filled_len = filled.len();
    drop(filled);
    let filled_heap = heap().since(before);

    let before = heap();
    let len = String::from("hello, heap").len();
    let string_heap = heap().since(before);

    let before = heap();
    let mut pushed = Vec::new();
    for i in 0..100_u64 {
        pushed.push(i);
    }
    let count = pushed.len();
    drop(pushed);
    let pushed_heap = heap().since(before);

    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("{build} build: requests to the global allocator");
    for (what, h) in [
        ("Box::new(42_u64), dropped", boxed_heap),
        ("vec![1, 2, 3, 4] summed", summed_heap),
        ("with_capacity(4), 4 pushes", filled_heap),
        ("String::from(..).len()", string_heap),
        ("100 pushes onto a Vec<u64>", pushed_heap),
    ] {
        println!(
            "  {what:<27} {} alloc, {} realloc, {:>4} bytes, {} dealloc",
            h.allocs, h.reallocs, h.bytes, h.deallocs
        );
    }
    println!("results: {sum}, {filled_len}, {len}, {count}");
    // ANCHOR_END: main
    // The same in both builds: see the prose for why.
    let counts = [
        boxed_heap,
        summed_heap,
        filled_heap,
        string_heap,
        pushed_heap,
    ]
    .map(|h| (h.allocs, h.reallocs, h.bytes, h.deallocs));
    assert_eq!(
        counts,
        [
            (1, 0, 8, 1),
            (1, 0, 32, 1),
            (1, 0, 32, 1),
            (1, 0, 11, 1),
            (1, 5, 1024, 1)
        ]
    );
}
