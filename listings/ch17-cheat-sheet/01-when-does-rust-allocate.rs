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
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::hint::black_box;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

/// Measures one construct: allocations and bytes requested while `make` runs, and the size of
/// what it returns (the handle). The value is kept alive through `black_box`, so that an
/// optimized build cannot drop an allocation whose result is never used.
// per-platform: \| [0-9]+ \| [0-9]+ \| [0-9]+ \|
fn row<T>(construct: &str, lives: &str, see: &str, make: impl FnOnce() -> T) {
    let before = heap();
    let value = black_box(make());
    let used = heap().since(before);
    let handle = size_of_val(&value);
    drop(value);
    let lives = if used.allocs > 0 { "heap" } else { lives };
    let construct = construct.replace('|', "\\|"); // a `|` would end the table cell
    println!(
        "| `{construct}` | {} | {} | {handle} | {lives} | {see} |",
        used.allocs + used.reallocs,
        used.bytes
    );
}

fn main() {
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!(
        "| construct ({build} build) | allocations | bytes | handle (bytes) | data lives | see |"
    );
    println!("| --- | ---: | ---: | ---: | --- | --- |");
    // ANCHOR: rows
    row(
        "42_u64",
        "stack",
        "[3-1](ch03-stack.md#listing-3-1)",
        || 42_u64,
    );
    row(
        "[0_u8; 1024]",
        "stack",
        "[4-8](ch04-moves.md#listing-4-8)",
        || [0_u8; 1024],
    );
    row(
        "\"hello\"",
        "static memory",
        "[2-3](ch02-global-memory.md#listing-2-3)",
        || "hello",
    );
    row(
        "&[1, 2, 3]",
        "static memory",
        "[1-1](ch01-address-space.md#listing-1-1)",
        || &[1, 2, 3],
    );
    row(
        "Box::new(42_u64)",
        "",
        "[5-2](ch05-heap.md#listing-5-2)",
        || Box::new(42_u64),
    );
    row(
        "Box::new(())",
        "nowhere (zero-sized)",
        "[6-2](ch06-smart-pointers.md#listing-6-2)",
        || Box::new(()),
    );
    row(
        "Vec::<u64>::new()",
        "nowhere yet",
        "[5-8](ch05-heap.md#listing-5-8)",
        Vec::<u64>::new,
    );
    row(
        "Vec::<u64>::with_capacity(10)",
        "",
        "[5-8](ch05-heap.md#listing-5-8)",
        || Vec::<u64>::with_capacity(10),
    );
    row(
        "vec![0_u64; 10]",
        "",
        "[12-4](ch12-optimizer.md#listing-12-4)",
        || vec![0_u64; 10],
    );
    #[allow(clippy::vec_init_then_push, reason = "the push is what is measured")]
    row(
        "Vec::new() + one push",
        "",
        "[5-9](ch05-heap.md#listing-5-9)",
        || {
            let mut v = Vec::new();
            v.push(1_u64);
            v
        },
    );
    row(
        "(0..10).collect::<Vec<u64>>()",
        "",
        "[5-9](ch05-heap.md#listing-5-9)",
        || (0..10).collect::<Vec<u64>>(),
    );
    row(
        "vec![1, 2, 3].into_boxed_slice()",
        "",
        "[6-1](ch06-smart-pointers.md#listing-6-1)",
        || vec![1, 2, 3].into_boxed_slice(),
    );
    row(
        "String::new()",
        "nowhere yet",
        "[5-8](ch05-heap.md#listing-5-8)",
        String::new,
    );
    row(
        "String::with_capacity(16)",
        "",
        "[5-10](ch05-heap.md#listing-5-10)",
        || String::with_capacity(16),
    );
    row(
        "String::from(\"hello\")",
        "",
        "[5-8](ch05-heap.md#listing-5-8)",
        || String::from("hello"),
    );
    row(
        "42.to_string()",
        "",
        "[5-8](ch05-heap.md#listing-5-8)",
        || 42.to_string(),
    );
    row(
        "format!(\"{}-{}\", 1, 2)",
        "",
        "[5-8](ch05-heap.md#listing-5-8)",
        || format!("{}-{}", 1, 2),
    );
    row(
        "Cow::Borrowed(\"hi\")",
        "static memory",
        "[6-17](ch06-smart-pointers.md#listing-6-17)",
        || Cow::Borrowed("hi"),
    );
    row(
        "Cow::to_mut on a borrowed Cow",
        "",
        "[6-17](ch06-smart-pointers.md#listing-6-17)",
        || {
            let mut cow = Cow::Borrowed("hi");
            cow.to_mut().push('!');
            cow
        },
    );
    let rc = Rc::new(42_u64);
    let arc = Arc::new(42_u64);
    row(
        "Rc::new(42_u64)",
        "",
        "[6-3](ch06-smart-pointers.md#listing-6-3)",
        || Rc::new(42_u64),
    );
    row(
        "Rc::clone(&rc)",
        "the existing block",
        "[6-3](ch06-smart-pointers.md#listing-6-3)",
        || Rc::clone(&rc),
    );
    row(
        "Arc::new(42_u64)",
        "",
        "[6-5](ch06-smart-pointers.md#listing-6-5)",
        || Arc::new(42_u64),
    );
    row(
        "Arc::clone(&arc)",
        "the existing block",
        "[10-7](ch10-send-sync.md#listing-10-7)",
        || Arc::clone(&arc),
    );
    row(
        "RefCell::new(42_u64)",
        "inline",
        "[6-9](ch06-smart-pointers.md#listing-6-9)",
        || RefCell::new(42_u64),
    );
    row(
        "Mutex::new(42_u64)",
        "inline",
        "[6-16](ch06-smart-pointers.md#listing-6-16)",
        || Mutex::new(42_u64),
    );
    row(
        "HashMap::<u64, u64>::new()",
        "nowhere yet",
        "[5-8](ch05-heap.md#listing-5-8)",
        HashMap::<u64, u64>::new,
    );
    row(
        "HashMap + one insert",
        "",
        "[5-8](ch05-heap.md#listing-5-8)",
        || HashMap::from([(1_u64, 1_u64)]),
    );
    row(
        "BTreeMap::<u64, u64>::new()",
        "nowhere yet",
        "[5-8](ch05-heap.md#listing-5-8)",
        BTreeMap::<u64, u64>::new,
    );
    row(
        "BTreeMap + one insert",
        "",
        "[5-6](ch05-heap.md#listing-5-6)",
        || BTreeMap::from([(1_u64, 1_u64)]),
    );
    let x = 42_u64;
    row(
        "move || x + 1 (captures a u64)",
        "inline",
        "[9-3](ch09-closures.md#listing-9-3)",
        || move || x + 1,
    );
    row(
        "Box<dyn Fn()> capturing nothing",
        "nowhere (zero-sized)",
        "[9-12](ch09-closures.md#listing-9-12)",
        || Box::new(|| ()) as Box<dyn Fn()>,
    );
    row(
        "Box<dyn Fn() -> u64> capturing a u64",
        "",
        "[9-12](ch09-closures.md#listing-9-12)",
        || Box::new(move || x + 1) as Box<dyn Fn() -> u64>,
    );
    row(
        "async { 42 }",
        "inline",
        "[11-4](ch11-async.md#listing-11-4)",
        || async { 42 },
    );
    row(
        "Box::pin(async { 42 })",
        "",
        "[11-7](ch11-async.md#listing-11-7)",
        || Box::pin(async { 42 }),
    );
    // ANCHOR_END: rows
}
