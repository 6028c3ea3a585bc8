use std::rc::Rc;

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

fn show(step: &str, change: Heap, strong: Option<usize>) {
    let strong = match strong {
        Some(n) => format!("strong = {n}"),
        None => "no Rc left".to_string(),
    };
    println!(
        "{step:<20} allocs +{}  deallocs +{}  bytes +{:<3} {strong}",
        change.allocs, change.deallocs, change.bytes
    );
}

fn main() {
    // ANCHOR: main
    let mut steps = Vec::with_capacity(6); // allocated before any measuring

    let before = heap();
    let first = Rc::new(42_u64);
    steps.push(heap().since(before));
    show("first = Rc::new", steps[0], Some(Rc::strong_count(&first)));

    let before = heap();
    let second = Rc::clone(&first);
    steps.push(heap().since(before));
    show("second = clone", steps[1], Some(Rc::strong_count(&first)));

    let before = heap();
    let third = Rc::clone(&second);
    steps.push(heap().since(before));
    show("third = clone", steps[2], Some(Rc::strong_count(&first)));
    println!("first and third share {:p}", Rc::as_ptr(&first));
    assert!(Rc::ptr_eq(&first, &third));

    let before = heap();
    drop(first);
    steps.push(heap().since(before));
    show("drop(first)", steps[3], Some(Rc::strong_count(&third)));

    let before = heap();
    drop(second);
    steps.push(heap().since(before));
    show("drop(second)", steps[4], Some(Rc::strong_count(&third)));

    let before = heap();
    drop(third);
    steps.push(heap().since(before));
    show("drop(third)", steps[5], None);
    // ANCHOR_END: main

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        let counts: Vec<_> = steps
            .iter()
            .map(|s| (s.allocs, s.deallocs, s.bytes))
            .collect();
        let zero = (0, 0, 0);
        assert_eq!(counts, [(1, 0, 24), zero, zero, zero, zero, (0, 1, 0)]);
    }
}
