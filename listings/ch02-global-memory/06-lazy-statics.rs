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
use std::cell::{Cell, RefCell};
use std::sync::{LazyLock, OnceLock};

static FACTORIAL: LazyLock<u64> = LazyLock::new(|| (1..=20).product());
static SQUARES: LazyLock<Vec<u64>> = LazyLock::new(|| (1..=1000).map(|n| n * n).collect());
static GREETING: OnceLock<String> = OnceLock::new();

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static SCRATCH: RefCell<Vec<u8>> = RefCell::new(vec![0; 64]);
}

/// Runs `f` and prints how many allocations it made.
fn count(what: &str, f: impl FnOnce()) {
    let before = heap();
    f();
    let made = heap().since(before);
    println!(
        "{what:<37} {} allocation(s), {} bytes",
        made.allocs, made.bytes
    );
}

fn main() {
    count("LazyLock<u64>, first use", || {
        assert_eq!(*FACTORIAL, 2432902008176640000)
    });
    count("LazyLock<Vec<u64>>, first use", || {
        assert_eq!(SQUARES.len(), 1000)
    });
    count("LazyLock<Vec<u64>>, second use", || {
        assert_eq!(SQUARES[9], 100)
    });
    count("OnceLock<String>, get_or_init", || {
        GREETING.get_or_init(|| "hello".to_string());
    });
    count("thread_local Cell, first use", || DEPTH.set(1));
    count("thread_local vec![0; 64], first use", || {
        SCRATCH.with_borrow(|v| assert_eq!(v.len(), 64));
    });
    count("thread::current(), main thread", || {
        let _ = std::thread::current().id();
    });
    std::thread::spawn(|| {
        count("thread_local Cell, new thread", || DEPTH.set(1));
        count("thread_local vec![0; 64], new thread", || {
            SCRATCH.with_borrow(|v| assert_eq!(v.len(), 64));
        });
        count("thread::current(), new thread", || {
            let _ = std::thread::current().id();
        });
    })
    .join()
    .unwrap();
}
// ANCHOR_END: main
