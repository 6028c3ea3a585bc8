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

static DROPS: AtomicUsize = AtomicUsize::new(0);

/// Lives on the stack, owns nothing on the heap, and counts its drops.
struct OnTheStack;

impl Drop for OnTheStack {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Relaxed);
    }
}

fn main() {
    // ANCHOR: main
    // 1. A drop that frees nothing: the value lives on the stack.
    let before = heap();
    drop(OnTheStack);
    let freed = heap().since(before).deallocs;
    let drops = DROPS.load(Relaxed);
    println!("drop of a stack value: Drop ran {drops} time(s), {freed} deallocation(s)");

    // 2. Dropping the elements of a Vec keeps its buffer.
    let mut names: Vec<String> = (0..4).map(|i| format!("name {i}")).collect();
    let (len, capacity) = (names.len(), names.capacity());
    let before = heap();
    names.clear(); // drops the four Strings: their buffers are freed, the Vec's is not
    let cleared = heap().since(before);
    println!(
        "Vec::clear: {} deallocation(s), len {len} -> {}, capacity {capacity} -> {}",
        cleared.deallocs,
        names.len(),
        names.capacity()
    );

    // 3. Dropping the Vec itself frees its buffer.
    let before = heap();
    drop(names);
    println!(
        "drop(Vec):  {} deallocation(s)",
        heap().since(before).deallocs
    );
    // ANCHOR_END: main
}
