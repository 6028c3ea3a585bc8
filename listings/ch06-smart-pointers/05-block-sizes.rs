// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::rc::Rc;
use std::sync::{Arc, Mutex};

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

/// Bytes requested from the allocator while `make` runs (the result is dropped after).
fn bytes_for<T>(make: impl FnOnce() -> T) -> usize {
    let before = heap();
    let made = make();
    let bytes = heap().since(before).bytes;
    drop(made);
    bytes
}

// ANCHOR: row
/// One row: the type's size and alignment, and the bytes `Box::new`, `Rc::new`, `Arc::new` ask for.
macro_rules! row {
    ($t:ty, $value:expr) => {
        [
            size_of::<$t>(),
            align_of::<$t>(),
            bytes_for(|| Box::new($value)),
            bytes_for(|| Rc::new($value)),
            bytes_for(|| Arc::new($value)),
        ]
    };
}
// ANCHOR_END: row

fn main() {
    // ANCHOR: main
    let rows = [
        ("()", row!((), ())),
        ("u8", row!(u8, 1_u8)),
        ("u64", row!(u64, 1_u64)),
        ("u128", row!(u128, 1_u128)),
        ("[u8; 100]", row!([u8; 100], [0_u8; 100])),
        ("Mutex<u64>", row!(Mutex<u64>, Mutex::new(0_u64))),
    ];
    println!(
        "{:<11} {:>7} {:>8} {:>5} {:>5} {:>5}",
        "T", "size_of", "align_of", "Box", "Rc", "Arc"
    );
    for (name, [size, align, boxed, rc, arc]) in rows {
        println!("{name:<11} {size:>7} {align:>8} {boxed:>5} {rc:>5} {arc:>5}");
    }
    let rc_str = bytes_for(|| Rc::<str>::from("hello"));
    println!("Rc::<str>::from(\"hello\") asks for {rc_str} bytes");
    // ANCHOR_END: main

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        let expected = [
            ("()", [0, 1, 0, 16, 16]),
            ("u8", [1, 1, 1, 24, 24]),
            ("u64", [8, 8, 8, 24, 24]),
            ("u128", [16, 16, 16, 32, 32]),
            ("[u8; 100]", [100, 1, 100, 120, 120]),
            ("Mutex<u64>", [16, 8, 16, 32, 32]),
        ];
        assert_eq!(rows, expected);
        assert_eq!(rc_str, 24);
    }
}
