// per-platform: main: +\d+ allocs, \d+ frees
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

// ANCHOR: allocator
/// Counts each thread's allocations and frees in that thread's own counters.
struct PerThread;

thread_local! {
    // `const` thread-locals without `Drop` need no allocation to exist: safe in an allocator.
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
    static FREES: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for PerThread {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _ = FREES.try_with(|n| n.set(n.get() + 1));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: PerThread = PerThread;

/// This thread's (allocations, frees) so far.
fn here() -> (usize, usize) {
    (ALLOCS.with(Cell::get), FREES.with(Cell::get))
}
// ANCHOR_END: allocator

// ANCHOR: main
const THREADS: usize = 4;
const PER_THREAD: usize = 10_000;

fn main() {
    let start = here();
    let made: Vec<(Vec<String>, (usize, usize))> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                s.spawn(move || {
                    let start = here();
                    let strings: Vec<String> = (0..PER_THREAD)
                        .map(|i| "t".repeat(1 + (i + t) % 64))
                        .collect();
                    let end = here();
                    (strings, (end.0 - start.0, end.1 - start.1))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let (strings, counts): (Vec<_>, Vec<_>) = made.into_iter().unzip();
    for (t, (allocs, frees)) in counts.iter().enumerate() {
        println!("thread {t}: {allocs} allocs, {frees} frees");
    }
    drop(black_box(strings)); // 40,000 strings made on four threads, freed on this one
    let end = here();
    let main = (end.0 - start.0, end.1 - start.1);
    println!("main:     {} allocs, {} frees", main.0, main.1);
    // ANCHOR_END: main

    assert!(counts.iter().all(|&c| c == (PER_THREAD + 1, 0)));
    assert!(main.1 >= THREADS * (PER_THREAD + 1));
}
