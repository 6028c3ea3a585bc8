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

// ANCHOR: main
trait Noisy {
    fn name(&self) -> &'static str;
}

struct Small(u8);
struct Big([u64; 8]);

impl Noisy for Small {
    fn name(&self) -> &'static str {
        "Small"
    }
}

impl Noisy for Big {
    fn name(&self) -> &'static str {
        "Big"
    }
}

impl Drop for Small {
    fn drop(&mut self) {
        println!("  drop(Small({}))", self.0);
    }
}

impl Drop for Big {
    fn drop(&mut self) {
        println!("  drop(Big([{}; 8]))", self.0[0]);
    }
}

fn main() {
    let before = heap();
    let boxes: [Box<dyn Noisy>; 2] = [Box::new(Small(1)), Box::new(Big([2; 8]))];
    let made = heap().since(before);

    println!(
        "two boxes: {} allocations, {} bytes",
        made.allocs, made.bytes
    );
    for b in &boxes {
        // Layout::for_value asks the vtable: the layout Box will free with.
        let layout = Layout::for_value(&**b);
        println!(
            "{:<5} size {:>2}, align {}",
            b.name(),
            layout.size(),
            layout.align()
        );
    }

    println!("dropping the array of boxes:");
    let before = heap();
    drop(boxes);
    let freed = heap().since(before);
    println!("{} deallocations", freed.deallocs);

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!((made.allocs, made.bytes), (2, 1 + 64));
        assert_eq!(freed.deallocs, 2);
    }
}
// ANCHOR_END: main
