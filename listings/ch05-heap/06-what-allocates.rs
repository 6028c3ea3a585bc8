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

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hint::black_box;
use std::sync::{Mutex, RwLock};

// ANCHOR: main
/// Runs `make` and returns what it asked of the allocator, along with what it made.
fn measure<T>(make: impl FnOnce() -> T) -> (Heap, T) {
    let before = heap();
    let made = black_box(make());
    (heap().since(before), made)
}

/// One row of the table: the expression as written, and what evaluating it allocated.
macro_rules! row {
    ($make:expr) => {
        (stringify!($make), measure(|| $make).0)
    };
}

thread_local! {
    static CALLS: Cell<u64> = const { Cell::new(0) };
    #[allow(clippy::missing_const_for_thread_local, reason = "the lazy kind, on purpose")]
    static SCRATCH: RefCell<Vec<u8>> = RefCell::new(Vec::new());
}

fn main() {
    let (first_println, ()) = measure(|| println!("(the first println!)"));
    let (second_println, ()) = measure(|| println!("(the second println!)"));
    let mut map = HashMap::<u32, u32>::new();

    let rows: [(&str, Heap); 19] = [
        row!(Vec::<u64>::new()),
        row!(Vec::<u64>::with_capacity(10)),
        row!(Vec::<()>::with_capacity(10)),
        row!(String::new()),
        row!(String::from("hello")),
        row!(format!("{}", 42)),
        row!(HashMap::<u32, u32>::new()),
        row!(map.insert(1, 10)),
        row!(map.insert(2, 20)),
        row!(Box::new(())),
        row!(Box::new(0_u64)),
        row!(*Mutex::new(0).lock().unwrap()),
        row!(*RwLock::new(0).read().unwrap()),
        row!(Cow::from("text")),
        row!(std::thread::current().id()),
        row!(CALLS.with(Cell::get)),
        row!(SCRATCH.with_borrow(Vec::len)),
        ("the first println!", first_println),
        ("the second println!", second_println),
    ];
    for (code, used) in &rows {
        let (allocs, bytes) = (used.allocs, used.bytes);
        println!("{code:<36} {allocs} allocation(s), {bytes:>4} bytes");
    }
    // ANCHOR_END: main

    if cfg!(all(
        target_arch = "x86_64",
        target_os = "linux",
        target_env = "gnu"
    )) {
        let measured = rows.map(|(_, used)| (used.allocs, used.bytes));
        #[rustfmt::skip]
        let expected = [
            (0, 0), (1, 80), (0, 0), (0, 0), (1, 5), (1, 2), (0, 0), (1, 52), (0, 0),
            (0, 0), (1, 8), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0), (1, 1024), (0, 0),
        ];
        assert_eq!(measured, expected);
    }
}
