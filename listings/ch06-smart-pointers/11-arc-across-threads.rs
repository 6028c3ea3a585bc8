// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::sync::{Arc, Mutex};
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

fn main() {
    // ANCHOR: main
    let before = heap();
    let total = Arc::new(Mutex::new(0_u64));
    let new = heap().since(before);

    let before = heap();
    let clones: [Arc<Mutex<u64>>; 4] = std::array::from_fn(|_| Arc::clone(&total));
    let cloned = heap().since(before);
    let strong_before = Arc::strong_count(&total);

    let handles = clones.map(|mine| {
        thread::spawn(move || {
            *mine.lock().unwrap() += 1;
            Arc::as_ptr(&mine).addr() // where this thread found the Mutex
        })
    });
    let seen = handles.map(|h| h.join().unwrap());
    let same_block = seen.iter().all(|&addr| addr == Arc::as_ptr(&total).addr());

    println!(
        "Arc::new(Mutex::new(0_u64)): {} allocation(s), {} bytes",
        new.allocs, new.bytes
    );
    println!(
        "4 x Arc::clone: {} allocation(s), strong count {strong_before}",
        cloned.allocs
    );
    println!(
        "every thread saw the Mutex at {:p}: {same_block}",
        Arc::as_ptr(&total)
    );
    println!(
        "after join: strong count {}, total = {}",
        Arc::strong_count(&total),
        total.lock().unwrap()
    );
    // ANCHOR_END: main

    assert_eq!(
        (cloned.allocs, strong_before, Arc::strong_count(&total)),
        (0, 5, 1)
    );
    assert!(same_block);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!((new.allocs, new.bytes), (1, 32));
    }
}
