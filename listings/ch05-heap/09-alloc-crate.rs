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

// ANCHOR: main
extern crate alloc; // stable since Rust 1.36: no `#![feature(alloc)]`

/// Code written as a `#![no_std]` library would be: nothing is in scope unless imported,
/// and everything is imported from `core` or `alloc`, never from `std`.
#[no_implicit_prelude]
mod no_std_style {
    use ::alloc::boxed::Box;
    use ::alloc::string::String;
    use ::alloc::vec::Vec;
    use ::core::iter::Iterator;

    pub fn squares(n: u64) -> Vec<u64> {
        (1..=n).map(|i| i * i).collect()
    }

    pub fn describe(values: &[u64]) -> String {
        ::alloc::format!("{} squares, the last one {:?}", values.len(), values.last())
    }

    pub fn boxed(value: u64) -> Box<u64> {
        Box::new(value)
    }
}

fn main() {
    let before = heap();
    let squares = no_std_style::squares(5);
    let boxed = no_std_style::boxed(7);
    let used = heap().since(before);
    println!("{}", no_std_style::describe(&squares));
    println!("boxed value: {boxed}");
    println!("allocations through our global allocator: {}", used.allocs);

    let same_type =
        std::any::TypeId::of::<alloc::vec::Vec<u8>>() == std::any::TypeId::of::<Vec<u8>>();
    println!("alloc::vec::Vec is std::vec::Vec: {same_type}");
    // ANCHOR_END: main

    assert_eq!(used.allocs, 2);
    assert!(same_type);
}
