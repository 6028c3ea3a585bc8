use std::cell::{Cell, RefCell};

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

    let counter = Cell::new(1_u64);
    counter.set(counter.get() + 1);

    let table = RefCell::new([0_u64; 4]);
    let (readers_ok, writer_refused) = {
        let first = table.borrow();
        let second = table.borrow(); // any number of shared borrows at once
        let writer = table.try_borrow_mut(); // but no writer while they live
        (first[0] == second[0], writer.is_err())
    };
    table.borrow_mut()[0] = counter.get();

    let used = heap().since(before);
    println!("Cell and RefCell work: {} allocations", used.allocs);
    println!("two readers at once: {readers_ok}; writer refused meanwhile: {writer_refused}");
    println!("table = {:?}", table.borrow());
    println!("size_of::<[u64; 4]>()          = {}", size_of::<[u64; 4]>());
    println!(
        "size_of::<RefCell<[u64; 4]>>() = {}",
        size_of::<RefCell<[u64; 4]>>()
    );
    // ANCHOR_END: main

    assert_eq!(used.allocs, 0);
    assert!(readers_ok && writer_refused);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(size_of::<RefCell<[u64; 4]>>(), 40);
    }
}
