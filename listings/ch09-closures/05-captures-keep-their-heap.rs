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

fn main() {
    // ANCHOR: main
    let name = String::from("Ferris");
    let buffer = name.as_ptr();

    // Moving the String into a closure moves its 24-byte header, not its bytes.
    let start = heap();
    let where_is_it = move || name.as_ptr();
    let capture = heap().since(start);
    let same_buffer = where_is_it() == buffer;

    // The captured String is freed when the closure value is dropped.
    let start = heap();
    drop(where_is_it);
    let drop_closure = heap().since(start);

    // An FnOnce closure that drops its capture frees it during the call.
    let doomed = String::from("gone");
    let consume = move || drop(doomed);
    let start = heap();
    consume();
    let call_once = heap().since(start);

    // One that returns its capture hands the buffer to the caller: no free.
    let kept = String::from("kept");
    let kept_buffer = kept.as_ptr();
    let give_back = move || kept;
    let start = heap();
    let returned = give_back();
    let call_give = heap().since(start);

    let same_returned = returned.as_ptr() == kept_buffer;

    println!("same buffer inside the closure: {same_buffer}");
    println!("same buffer after it is returned: {same_returned}");
    let steps = [
        ("move into a closure", capture),
        ("drop the closure", drop_closure),
        ("call FnOnce that drops", call_once),
        ("call FnOnce that returns", call_give),
    ];
    for (step, h) in steps {
        println!("{step:<25} {} allocs, {} frees", h.allocs, h.deallocs);
    }
    // ANCHOR_END: main

    assert!(same_buffer && same_returned);
    assert_eq!((capture.allocs, capture.deallocs), (0, 0));
    assert_eq!((drop_closure.allocs, drop_closure.deallocs), (0, 1));
    assert_eq!((call_once.allocs, call_once.deallocs), (0, 1));
    assert_eq!((call_give.allocs, call_give.deallocs), (0, 0));
}
