use std::cell::RefCell;
use std::rc::{Rc, Weak};

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
    next: RefCell<Option<Rc<Node>>>, // owns the next node
    prev: RefCell<Weak<Node>>,       // only points back
}

impl Node {
    fn new(name: &'static str) -> Rc<Node> {
        let (next, prev) = (RefCell::new(None), RefCell::new(Weak::new()));
        Rc::new(Node { name, next, prev })
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
    println!("building a -> b, with b pointing back to a through a Weak");
    let before = heap();
    {
        let a = Node::new("a");
        let b = Node::new("b");
        *a.next.borrow_mut() = Some(Rc::clone(&b)); // a -> b, strong
        *b.prev.borrow_mut() = Rc::downgrade(&a); //   b -> a, weak
        let back = b.prev.borrow().upgrade().map(|node| node.name);
        println!("b.prev upgrades to {back:?}");
        println!(
            "a: strong {} weak {}   b: strong {} weak {}",
            Rc::strong_count(&a),
            Rc::weak_count(&a),
            Rc::strong_count(&b),
            Rc::weak_count(&b)
        );
    } // `a` and `b` go out of scope here
    let after = heap().since(before);
    let drops = DROPS.load(Relaxed);
    println!("Drop::drop ran {drops} time(s)");
    println!(
        "{} allocations, {} deallocations: {} blocks still outstanding",
        after.allocs,
        after.deallocs,
        after.allocs - after.deallocs
    );
    // ANCHOR_END: main

    assert_eq!((drops, after.allocs, after.deallocs), (2, 2, 2));
}
