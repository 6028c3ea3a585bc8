// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
#![allow(dead_code, reason = "the payloads are measured, never read")]

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

use std::mem::size_of;

// ANCHOR: main
enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

#[allow(clippy::box_collection, reason = "boxing the Vec is the point here")]
enum BoxedData {
    Empty,
    Number(i32),
    Array(Box<Vec<i32>>),
}

fn main() {
    let before = heap();
    let plain = Data::Array(vec![1, 2, 3]);
    let plain_cost = heap().since(before);

    let before = heap();
    let boxed = BoxedData::Array(Box::new(vec![1, 2, 3]));
    let boxed_cost = heap().since(before);

    let before = heap();
    let many_plain: Vec<Data> = (0..1000).map(Data::Number).collect();
    let many_plain_cost = heap().since(before);

    let before = heap();
    let many_boxed: Vec<BoxedData> = (0..1000).map(BoxedData::Number).collect();
    let many_boxed_cost = heap().since(before);

    // Print only after measuring: the first `println!` allocates stdout's buffer.
    println!("size_of::<Data>()      = {}", size_of::<Data>());
    println!("size_of::<BoxedData>() = {}", size_of::<BoxedData>());
    println!(
        "Data::Array(vec![1, 2, 3]):                {} allocation(s), {:>5} bytes",
        plain_cost.allocs, plain_cost.bytes
    );
    println!(
        "BoxedData::Array(Box::new(vec![1, 2, 3])): {} allocation(s), {:>5} bytes",
        boxed_cost.allocs, boxed_cost.bytes
    );
    println!(
        "1000 x Data::Number in a Vec:              {} allocation(s), {:>5} bytes",
        many_plain_cost.allocs, many_plain_cost.bytes
    );
    println!(
        "1000 x BoxedData::Number in a Vec:         {} allocation(s), {:>5} bytes",
        many_boxed_cost.allocs, many_boxed_cost.bytes
    );

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(size_of::<Data>(), 24);
        assert_eq!(size_of::<BoxedData>(), 16);
        assert_eq!((plain_cost.allocs, plain_cost.bytes), (1, 12));
        assert_eq!((boxed_cost.allocs, boxed_cost.bytes), (2, 36));
        assert_eq!(many_plain_cost.bytes, 24_000);
        assert_eq!(many_boxed_cost.bytes, 16_000);
    }
    drop((plain, boxed, many_plain, many_boxed));
}
// ANCHOR_END: main
