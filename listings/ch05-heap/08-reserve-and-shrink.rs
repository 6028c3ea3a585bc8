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

/// Runs one operation on `$v`, then prints it, the Vec's length and capacity after it,
/// and the allocator calls it made. Evaluates to (len, capacity, calls).
macro_rules! step {
    ($v:ident . $($op:tt)*) => {{
        let before = heap();
        $v.$($op)*;
        let calls = heap().since(before);
        let (len, cap) = ($v.len(), $v.capacity());
        let (a, r, d) = (calls.allocs, calls.reallocs, calls.deallocs);
        let op = stringify!($($op)*);
        println!("{op:<20} len {len:>2}, capacity {cap:>3}   alloc {a}, realloc {r}, dealloc {d}");
        (len, cap, (a, r, d))
    }};
}

fn main() {
    // ANCHOR: main
    let mut v: Vec<u64> = Vec::new();
    let steps = [
        step!(v.reserve(100)),
        step!(v.extend(0..10)),
        step!(v.shrink_to_fit()),
        step!(v.push(10)),
        step!(v.shrink_to_fit()),
        step!(v.reserve_exact(1)),
        step!(v.clear()),
        step!(v.shrink_to_fit()),
    ];
    // ANCHOR_END: main

    assert_eq!(
        steps,
        [
            (0, 100, (1, 0, 0)),
            (10, 100, (0, 0, 0)),
            (10, 10, (0, 1, 0)),
            (11, 20, (0, 1, 0)),
            (11, 11, (0, 1, 0)),
            (11, 12, (0, 1, 0)),
            (0, 12, (0, 0, 0)),
            (0, 0, (0, 0, 1)),
        ]
    );
}
