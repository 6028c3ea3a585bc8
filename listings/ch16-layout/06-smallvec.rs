// deps: smallvec
// per-platform: \b\d+ bytes\b
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

use smallvec::SmallVec;
use std::mem::size_of;

// ANCHOR: main
fn main() {
    println!(
        "Vec<u32>: {} bytes; SmallVec<[u32; 4]>: {} bytes; SmallVec<[u32; 64]>: {} bytes",
        size_of::<Vec<u32>>(),
        size_of::<SmallVec<[u32; 4]>>(),
        size_of::<SmallVec<[u32; 64]>>()
    );
    let mut v: Vec<u32> = Vec::new();
    let mut s: SmallVec<[u32; 4]> = SmallVec::new();
    let (mut v_allocs, mut s_allocs) = (0, 0);
    println!("len  Vec allocs  SmallVec allocs  SmallVec on the heap?");
    for i in 1..=6 {
        let before = heap();
        v.push(i);
        let calls = heap().since(before);
        v_allocs += calls.allocs + calls.reallocs;
        let before = heap();
        s.push(i);
        let calls = heap().since(before);
        s_allocs += calls.allocs + calls.reallocs;
        println!("{i:>3}  {v_allocs:>10}  {s_allocs:>15}  {}", s.spilled());
    }

    // A thousand short vectors of 3 elements each.
    let before = heap();
    let vecs: Vec<Vec<u32>> = (0..1000).map(|i| vec![i, i + 1, i + 2]).collect();
    let for_vecs = heap().since(before);
    let before = heap();
    let smalls: Vec<SmallVec<[u32; 4]>> = (0..1000)
        .map(|i| SmallVec::from_slice(&[i, i + 1, i + 2]))
        .collect();
    let for_smalls = heap().since(before);
    println!(
        "1,000 Vec<u32> of 3:           {} allocs, {} bytes",
        for_vecs.allocs, for_vecs.bytes
    );
    println!(
        "1,000 SmallVec<[u32; 4]> of 3: {} allocs, {} bytes",
        for_smalls.allocs, for_smalls.bytes
    );
    // ANCHOR_END: main
    assert_eq!((for_vecs.allocs, for_smalls.allocs), (1001, 1));
    assert_eq!(vecs.len() + smalls.len(), 2000);
}
