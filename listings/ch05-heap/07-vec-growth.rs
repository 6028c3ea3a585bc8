// varies: moved: (yes|no)
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

/// Every capacity a Vec had and where its buffer was then (the first `.1` entries), and the
/// allocator calls it made.
type Growth = ([(usize, *const u8); 16], usize, Heap);

fn report(what: &str, (steps, seen, calls): Growth) {
    let capacities: Vec<String> = steps[..seen].iter().map(|(c, _)| c.to_string()).collect();
    println!("{what:<16} capacity {}", capacities.join(" -> "));
    println!(
        "{:<16} {} alloc, {} realloc, {} dealloc",
        "", calls.allocs, calls.reallocs, calls.deallocs
    );
}

/// One line per growth: the new capacity, where the buffer is now, and whether it moved.
fn report_buffers(what: &str, size: usize, (steps, seen, _): Growth) {
    println!("{what}'s buffer, growth by growth:");
    for pair in steps[..seen].windows(2) {
        let &[(old_cap, old_ptr), (cap, ptr)] = pair else {
            unreachable!("windows(2) gives pairs")
        };
        let how = match (old_cap, ptr == old_ptr) {
            (0, _) => "alloc",
            (_, false) => "realloc, moved: yes",
            (_, true) => "realloc, moved: no",
        };
        println!(
            "  capacity {cap:>3} ({:>4} bytes) at {ptr:p}: {how}",
            cap * size
        );
    }
}

// ANCHOR: main
/// Pushes `item` into an empty Vec `pushes` times, noting each new capacity and the buffer's
/// address in an array (so that the noting does not allocate) and counting the allocator calls.
fn grow<T: Copy>(item: T, pushes: usize) -> Growth {
    let mut v: Vec<T> = Vec::new();
    let mut steps = [(0, v.as_ptr().cast()); 16];
    let mut seen = 1; // steps[0] is the empty Vec: capacity 0, no buffer
    let before = heap();
    for _ in 0..pushes {
        v.push(item);
        if v.capacity() != steps[seen - 1].0 {
            steps[seen] = (v.capacity(), v.as_ptr().cast());
            seen += 1;
        }
    }
    drop(v);
    (steps, seen, heap().since(before))
}

fn main() {
    let words = grow(0_u64, 100);
    let bytes = grow(0_u8, 100);
    let blocks = grow([0_u8; 2000], 20);
    report("Vec<u64>", words);
    report("Vec<u8>", bytes);
    report("Vec<[u8; 2000]>", blocks);
    report_buffers("Vec<u64>", size_of::<u64>(), words);
    // ANCHOR_END: main

    let steps = |(steps, seen, _): Growth| steps[..seen].iter().map(|s| s.0).collect::<Vec<_>>();
    assert_eq!(steps(words), [0, 4, 8, 16, 32, 64, 128]);
    assert_eq!(steps(bytes), [0, 8, 16, 32, 64, 128]);
    assert_eq!(steps(blocks), [0, 1, 2, 4, 8, 16, 32]);
    let calls = |(_, _, heap): Growth| (heap.allocs, heap.reallocs);
    assert_eq!(
        [calls(words), calls(bytes), calls(blocks)],
        [(1, 5), (1, 4), (1, 5)]
    );
}
