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

use std::collections::LinkedList;

// ANCHOR: main
/// What building a collection of 1,000 `u64`s asked of the allocator.
fn report(what: &str, calls: Heap) {
    println!(
        "{what:<15} {:>4} allocs, {:>2} reallocs, {:>5} bytes, {:>4.1} bytes per value",
        calls.allocs,
        calls.reallocs,
        calls.bytes,
        calls.bytes as f64 / 1000.0
    );
}

fn main() {
    let before = heap();
    let values: Vec<u64> = (0..1000).fold(Vec::new(), |mut v, i| {
        v.push(i);
        v
    });
    let in_vec = heap().since(before);

    let before = heap();
    let boxes: Vec<Box<u64>> = (0..1000).fold(Vec::new(), |mut v, i| {
        v.push(Box::new(i));
        v
    });
    let in_boxes = heap().since(before);

    let before = heap();
    let mut list = LinkedList::new();
    for i in 0..1000_u64 {
        list.push_back(i);
    }
    let in_list = heap().since(before);

    report("Vec<u64>", in_vec);
    report("Vec<Box<u64>>", in_boxes);
    report("LinkedList<u64>", in_list);

    // Where the list's nodes are: the distance from each value to the next.
    let addresses: Vec<usize> = list
        .iter()
        .take(6)
        .map(|v| v as *const u64 as usize)
        .collect();
    let gaps: Vec<String> = addresses
        .windows(2)
        .map(|w| (w[1] as isize - w[0] as isize).to_string())
        .collect();
    println!(
        "list nodes, distance to the next: {} bytes",
        gaps.join(", ")
    );
    // ANCHOR_END: main
    assert_eq!((in_vec.allocs, in_vec.reallocs, in_vec.bytes), (1, 8, 8192));
    assert_eq!(values.len() + boxes.len() + list.len(), 3000);
}
