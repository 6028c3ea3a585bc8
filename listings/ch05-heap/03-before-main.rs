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

use std::process::Command;

// ANCHOR: main
fn main() {
    let at_start = heap(); // the first thing main does
    let line = format!(
        "{} allocation(s), {} byte(s), {} freed",
        at_start.allocs, at_start.bytes, at_start.deallocs
    );
    if std::env::var_os("BEFORE_MAIN_CHILD").is_some() {
        println!("{line}");
        return;
    }
    println!("this run:                  {line}");

    // The same program again, with far more arguments, then with a far larger environment.
    let me = std::env::current_exe().unwrap();
    let many_args = Command::new(&me)
        .args((0..1000).map(|i| format!("argument-{i}")))
        .env("BEFORE_MAIN_CHILD", "1")
        .output()
        .unwrap();
    let big_env = Command::new(&me)
        .env("BEFORE_MAIN_CHILD", "1")
        .env("A_LARGE_VARIABLE", "x".repeat(64 * 1024))
        .output()
        .unwrap();
    let show = |out: &[u8]| String::from_utf8_lossy(out).trim_end().to_owned();
    println!("with 1000 more arguments:  {}", show(&many_args.stdout));
    println!("with 64 KiB more env vars: {}", show(&big_env.stdout));
    // ANCHOR_END: main

    assert_eq!(show(&many_args.stdout), line);
    assert_eq!(show(&big_env.stdout), line);
    if cfg!(all(
        target_arch = "x86_64",
        target_os = "linux",
        target_env = "gnu"
    )) {
        assert_eq!((at_start.allocs, at_start.bytes), (2, 548));
    }
}
