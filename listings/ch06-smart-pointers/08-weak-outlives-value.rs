use std::rc::{Rc, Weak};

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

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  (Noisy({:?}) dropped)", self.0);
    }
}

fn main() {
    // ANCHOR: main
    let before = heap();
    let strong = Rc::new(Noisy("config"));
    let weak: Weak<Noisy> = Rc::downgrade(&strong);
    let made = heap().since(before);
    println!(
        "new + downgrade: {} allocation(s); strong {} weak {}",
        made.allocs,
        Rc::strong_count(&strong),
        Rc::weak_count(&strong)
    );

    if let Some(upgraded) = weak.upgrade() {
        println!(
            "upgrade works: {:?}, strong {}",
            upgraded.0,
            Rc::strong_count(&upgraded)
        );
    }

    let before = heap();
    drop(strong);
    let last_strong = heap().since(before);
    println!(
        "dropped the last Rc: {} deallocation(s)",
        last_strong.deallocs
    );
    println!(
        "the Weak sees strong {} and upgrade() = {:?}",
        weak.strong_count(),
        weak.upgrade().map(|rc| rc.0)
    );

    let before = heap();
    drop(weak);
    let last_weak = heap().since(before);
    println!("dropped the Weak: {} deallocation(s)", last_weak.deallocs);
    // ANCHOR_END: main

    assert_eq!(
        (made.allocs, last_strong.deallocs, last_weak.deallocs),
        (1, 0, 1)
    );
}
