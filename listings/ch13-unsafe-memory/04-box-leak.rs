// memcheck: clean
use std::thread;

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
/// Settings read once at start-up, then used by every thread until the program ends.
struct Config {
    name: String,
    workers: usize,
}

fn main() {
    let before = heap();
    let boxed = Box::new(Config {
        name: String::from("measured"),
        workers: 3,
    });
    // The Box is consumed; its block is never freed. In exchange, the reference is 'static.
    let config: &'static Config = Box::leak(boxed);
    let leaked = heap().since(before);

    // thread::spawn wants a 'static closure: a plain &'static reference is enough, no Arc.
    let handles: Vec<_> = (0..config.workers)
        .map(|i| thread::spawn(move || format!("{} #{i}", config.name)))
        .collect();
    for handle in handles {
        println!("{}", handle.join().unwrap());
    }

    println!(
        "after Box::leak: {} allocations, {} deallocations",
        leaked.allocs, leaked.deallocs
    );

    // Leaking is safe; taking the block back is not: no copy of the reference
    // may be used after this point, since the block is freed.
    let before = heap();
    let ptr = std::ptr::from_ref(config).cast_mut();
    // SAFETY: ptr came from Box::leak, the threads that used it have been joined,
    // and `config` is not used again.
    drop(unsafe { Box::from_raw(ptr) });
    let reclaimed = heap().since(before);
    println!(
        "after Box::from_raw and drop: {} deallocations",
        reclaimed.deallocs
    );
    // ANCHOR_END: main

    assert_eq!((leaked.allocs, leaked.deallocs), (2, 0));
    assert_eq!(reclaimed.deallocs, 2);
}
