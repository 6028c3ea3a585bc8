// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::cell::RefCell;
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

static DROPS: AtomicUsize = AtomicUsize::new(0);

// ANCHOR: node
struct Node {
    name: &'static str,
    next: RefCell<Option<Rc<Node>>>,
}

impl Node {
    fn new(name: &'static str) -> Rc<Node> {
        Rc::new(Node {
            name,
            next: RefCell::new(None),
        })
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Relaxed);
        println!("  dropping {}", self.name);
    }
}
// ANCHOR_END: node

fn main() {
    // ANCHOR: main
    println!("building a -> b -> a"); // (the first print allocates stdout's buffer)
    let before = heap();
    let watch_a = {
        let a = Node::new("a");
        let b = Node::new("b");
        *a.next.borrow_mut() = Some(Rc::clone(&b)); // a -> b
        *b.next.borrow_mut() = Some(Rc::clone(&a)); // b -> a: a cycle
        println!(
            "strong counts: a = {}, b = {}",
            Rc::strong_count(&a),
            Rc::strong_count(&b)
        );
        Rc::downgrade(&a) // a Weak, to look at `a` after the scope
    }; // `a` and `b` go out of scope here
    let a_strong = watch_a.strong_count();
    drop(watch_a);
    let after = heap().since(before);
    let drops = DROPS.load(Relaxed);
    println!("after the scope: a's strong count = {a_strong}");
    println!("Drop::drop ran {drops} time(s)");
    println!(
        "{} allocations ({} bytes), {} deallocations: {} blocks still outstanding",
        after.allocs,
        after.bytes,
        after.deallocs,
        after.allocs - after.deallocs
    );
    // ANCHOR_END: main

    assert_eq!((drops, after.allocs, after.deallocs), (0, 2, 0));
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(after.bytes, 96);
    }
}
