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

use std::fmt::Debug;

// ANCHOR: main
#[derive(Debug)]
struct Marker; // a zero-sized type

fn main() {
    let x: u64 = 42;
    let numbers = [1_u8, 2, 3];

    let mark = heap();
    let on_stack: &dyn Debug = &x; // points at the local variable x
    let on_stack_cost = heap().since(mark);

    let mark = heap();
    let literal: &str = "hello"; // the bytes live in the executable
    let literal_cost = heap().since(mark);

    let mark = heap();
    let slice: &[u8] = &numbers[1..]; // part of an array on the stack
    let slice_cost = heap().since(mark);

    let mark = heap();
    let boxed: Box<dyn Debug> = Box::new(x);
    let boxed_cost = heap().since(mark);

    let mark = heap();
    let boxed_zst: Box<dyn Debug> = Box::new(Marker);
    let boxed_zst_cost = heap().since(mark);

    // Print only after measuring: the first `println!` allocates stdout's buffer.
    let rows = [
        ("&x as &dyn Debug", on_stack_cost),
        ("\"hello\" as &str", literal_cost),
        ("&numbers[1..] as &[u8]", slice_cost),
        ("Box::new(x) as Box<dyn Debug>", boxed_cost),
        ("Box::new(Marker) as Box<dyn Debug>", boxed_zst_cost),
    ];
    println!("{:<35} {:>11} {:>5}", "fat pointer", "allocations", "bytes");
    for (what, cost) in rows {
        println!("{what:<35} {:>11} {:>5}", cost.allocs, cost.bytes);
    }
    let data = on_stack as *const dyn Debug as *const u64;
    println!("the &dyn Debug points at x: {}", std::ptr::eq(data, &x));
    println!("values: {on_stack:?} {literal} {slice:?} {boxed:?} {boxed_zst:?}");

    assert_eq!(
        on_stack_cost.allocs + literal_cost.allocs + slice_cost.allocs,
        0
    );
    assert_eq!((boxed_cost.allocs, boxed_cost.bytes), (1, 8));
    assert_eq!(boxed_zst_cost.allocs, 0);
}
// ANCHOR_END: main
