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

use std::mem::size_of_val;
use std::rc::Rc;
use std::sync::Arc;

/// What `Rc<u64>` and `Arc<u64>` have in common, so one function can trace both.
trait Counted: Clone {
    fn make(value: u64) -> Self;
    fn count(&self) -> usize;
}

impl Counted for Rc<u64> {
    fn make(value: u64) -> Self {
        Rc::new(value)
    }
    fn count(&self) -> usize {
        Rc::strong_count(self)
    }
}

impl Counted for Arc<u64> {
    fn make(value: u64) -> Self {
        Arc::new(value)
    }
    fn count(&self) -> usize {
        Arc::strong_count(self)
    }
}

// ANCHOR: helpers
fn lend<P: Counted>(p: &P) -> usize {
    p.count()
}

fn give<P: Counted>(p: P) -> usize {
    p.count() // `p` is dropped when this function returns
}
// ANCHOR_END: helpers

const STEPS: [&str; 6] = [
    "let b = a.clone()",
    "let c = a.clone()",
    "lend(&a)",
    "give(a.clone())",
    "drop(c)",
    "drop(b)",
];

/// Runs the steps and returns, for each, the strong count after it and how
/// many times the count was changed during it; then the handle size and the
/// heap activity of `new` and of the final drop.
fn trace<P: Counted>() -> ([(usize, usize); 6], usize, Heap, Heap) {
    let start = heap();
    let a = P::make(7);
    let created = heap().since(start);

    // (count before, count seen inside the step, count after)
    let mut seen = [(0, 0, 0); 6];
    let before = a.count();
    let b = a.clone();
    seen[0] = (before, before, a.count());
    let before = a.count();
    let c = a.clone();
    seen[1] = (before, before, a.count());
    let before = a.count();
    let inside = lend(&a);
    seen[2] = (before, inside, a.count());
    let before = a.count();
    let inside = give(a.clone());
    seen[3] = (before, inside, a.count());
    let before = a.count();
    drop(c);
    seen[4] = (before, before, a.count());
    let before = a.count();
    drop(b);
    seen[5] = (before, before, a.count());

    let size = size_of_val(&a);
    let start = heap();
    drop(a); // the last handle: the count reaches zero and the block is freed
    let freed = heap().since(start);

    let steps = seen
        .map(|(before, inside, after)| (after, before.abs_diff(inside) + inside.abs_diff(after)));
    (steps, size, created, freed)
}

fn main() {
    // ANCHOR: main
    let (rc_steps, rc_size, rc_new, rc_free) = trace::<Rc<u64>>();
    let (arc_steps, arc_size, arc_new, arc_free) = trace::<Arc<u64>>();

    println!("{:<20} {:>5} {:>8}", "step", "count", "updates");
    for (step, (count, updates)) in STEPS.iter().zip(rc_steps) {
        println!("{step:<20} {count:>5} {updates:>8}");
    }
    println!("then drop(a): the last update takes the count to 0");
    let total = rc_steps.iter().map(|(_, updates)| updates).sum::<usize>() + 1;
    println!("refcount updates in all: {total}");
    let same = arc_steps == rc_steps;
    println!("Arc made the same updates as Rc: {same}");
    let rows = [
        ("Rc<u64>", rc_size, rc_new, rc_free),
        ("Arc<u64>", arc_size, arc_new, arc_free),
    ];
    for (name, size, new, free) in rows {
        let (allocs, bytes, frees) = (new.allocs, new.bytes, free.deallocs);
        println!(
            "{name:<9} handle {size} bytes, new: {allocs} alloc of {bytes} bytes, last drop: {frees} free"
        );
    }
    // ANCHOR_END: main

    assert!(same);
    assert_eq!(total, 7);
    for (_, _, new, free) in rows {
        assert_eq!((new.allocs, free.deallocs), (1, 1));
    }
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!((rc_size, arc_size), (8, 8));
        assert_eq!((rc_new.bytes, arc_new.bytes), (24, 24));
    }
}
