// needs: linux-gnu: reads glibc's malloc statistics (mallinfo2, glibc 2.33 or later)
#![cfg_attr(
    not(all(target_os = "linux", target_env = "gnu")),
    allow(
        dead_code,
        unused_imports,
        reason = "without glibc only the fallback main runs"
    )
)]
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

// BEGIN shared: malloc-mappings
/// glibc's malloc statistics, as `man 3 mallinfo2` lays them out.
#[repr(C)]
#[allow(dead_code, reason = "the layout must match glibc's; we read one field")]
struct MallInfo2 {
    arena: usize,
    ordblks: usize,
    smblks: usize,
    hblks: usize,
    hblkhd: usize,
    usmblks: usize,
    fsmblks: usize,
    uordblks: usize,
    fordblks: usize,
    keepcost: usize,
}

unsafe extern "C" {
    /// glibc 2.33 or later: these listings are for Linux with glibc.
    fn mallinfo2() -> MallInfo2;
}

/// How many blocks glibc's `malloc` holds in mappings of their own. glibc gives a
/// large block (like the 1 MiB ones in this chapter) its own `mmap` mapping.
fn malloc_mappings() -> usize {
    // SAFETY: `mallinfo2` only reads malloc's bookkeeping; it takes no arguments.
    unsafe { mallinfo2() }.hblks
}
// END shared: malloc-mappings

const MIB: usize = 1 << 20;
/// 1 MiB of the letter `a`, built at compile time and stored in the binary.
// SAFETY: every byte is `b'a'`, which is ASCII, so the bytes are valid UTF-8. (`str::from_utf8`
// in a `const` would check them, but the compiler takes seconds to check a mebibyte.)
const TEXT: &str = unsafe { std::str::from_utf8_unchecked(&[b'a'; MIB]) };

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn main() {
    // ANCHOR: main
    let before = heap();
    let mapped_before = malloc_mappings();
    let owned = String::from(TEXT); // copies the 1 MiB into a new heap block
    let mapped = malloc_mappings() - mapped_before; // while `owned` is alive
    let len = owned.len();
    drop(owned);
    let requests = heap().since(before);

    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("{build} build: String::from(TEXT).len()");
    println!(
        "  counting allocator: {} alloc of {} bytes, {} dealloc",
        requests.allocs, requests.bytes, requests.deallocs
    );
    println!("  glibc blocks mapped while the String was alive: {mapped}");
    println!("  len: {len}");
    // ANCHOR_END: main
    assert_eq!((requests.allocs, requests.bytes), (1, MIB));
    // `mapped` depends on the optimization flags, not only on the toolchain and target:
    // it is checked by this listing's two snapshots, not asserted here.
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() {
    eprintln!(
        "This listing reads glibc's malloc statistics (mallinfo2): it runs on Linux with glibc only."
    );
}
