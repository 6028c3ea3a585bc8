use std::sync::{Mutex, RwLock};

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

// ANCHOR: statics
// `Mutex::new` and `RwLock::new` are `const fn`: these are built at compile time,
// where no allocator exists.
static HITS: Mutex<u64> = Mutex::new(0);
static SETTINGS: RwLock<[u8; 4]> = RwLock::new([0; 4]);
// ANCHOR_END: statics

fn main() {
    // ANCHOR: main
    let before = heap();

    *HITS.lock().unwrap() += 1;
    SETTINGS.write().unwrap()[0] = 7;
    let (first, second) = (SETTINGS.read().unwrap(), SETTINGS.read().unwrap());
    let same = first[0] == second[0];
    drop((first, second));

    let local = Mutex::new(0_u64);
    *local.lock().unwrap() += 1;

    let used = heap().since(before);
    println!(
        "lock, write, two reads, a local Mutex: {} allocation(s)",
        used.allocs
    );
    println!(
        "both readers agree: {same}; hits = {}",
        HITS.lock().unwrap()
    );
    println!("size_of::<Mutex<()>>()       = {}", size_of::<Mutex<()>>());
    println!("size_of::<Mutex<u64>>()      = {}", size_of::<Mutex<u64>>());
    println!(
        "size_of::<RwLock<[u8; 4]>>() = {}",
        size_of::<RwLock<[u8; 4]>>()
    );
    // ANCHOR_END: main

    assert_eq!(used.allocs, 0);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(size_of::<Mutex<()>>(), 8);
        assert_eq!(size_of::<Mutex<u64>>(), 16);
        assert_eq!(size_of::<RwLock<[u8; 4]>>(), 16);
    }
}
