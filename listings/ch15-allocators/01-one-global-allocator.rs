// per-platform: \d+ alloc, \d+ realloc, \d+ dealloc$
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
use std::hint::black_box;

// ANCHOR: main
/// Runs `work`, then says how many allocations and frees the global allocator saw.
fn through_global<T>(what: &str, work: impl FnOnce() -> T) {
    let before = heap();
    let made = black_box(work());
    let made_only = heap().since(before);
    drop(made);
    let done = heap().since(before);
    println!(
        "{what:<34} {} alloc, {} realloc, {} dealloc",
        made_only.allocs, done.reallocs, done.deallocs
    );
}

fn main() {
    println!("every request goes to the one #[global_allocator]:");
    through_global("Box::new(7_u64)", || Box::new(7_u64));
    through_global("vec![1, 2, 3] then push(4)", || {
        let mut v = vec![1_u32, 2, 3];
        v.push(4);
        v
    });
    through_global("String::from + push_str", || {
        let mut s = String::from("allo");
        s.push_str("cator");
        s
    });
    through_global("HashMap with 3 entries", || {
        HashMap::from([(1_u8, 'a'), (2, 'b'), (3, 'c')])
    });
    through_global("a thread, spawned and joined", || {
        std::thread::spawn(|| 1 + 1).join().unwrap()
    });
}
// ANCHOR_END: main
