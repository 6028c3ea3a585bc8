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

fn main() {
    // ANCHOR: refcell
    let before = heap();
    let shared = Rc::new(RefCell::new(vec![1, 2, 3]));
    let new = heap().since(before);
    let other = Rc::clone(&shared);
    shared.borrow_mut().push(4);
    println!(
        "Rc::new(RefCell::new(vec![1, 2, 3])): {} allocations, {} bytes",
        new.allocs, new.bytes
    );
    let (vec_size, refcell_size) = (size_of::<Vec<i32>>(), size_of::<RefCell<Vec<i32>>>());
    println!(
        "  size_of::<Vec<i32>>() = {vec_size}, size_of::<RefCell<Vec<i32>>>() = {refcell_size}"
    );
    println!(
        "  pushed through `shared`, seen through `other`: {:?}",
        other.borrow()
    );
    // ANCHOR_END: refcell

    // ANCHOR: make_mut
    let mut mine = Rc::new(vec![1, 2, 3]);
    let yours = Rc::clone(&mine);
    println!("get_mut while shared: {:?}", Rc::get_mut(&mut mine));

    let before = heap();
    let inside = Rc::make_mut(&mut mine);
    let copy = heap().since(before);
    inside.push(4);
    println!(
        "make_mut while shared: {} allocations, {} bytes; strong counts now {} and {}",
        copy.allocs,
        copy.bytes,
        Rc::strong_count(&mine),
        Rc::strong_count(&yours)
    );

    let before = heap();
    let inside = Rc::make_mut(&mut mine);
    let unique = heap().since(before);
    inside.push(5);
    println!("make_mut when unique: {} allocations", unique.allocs);
    println!("mine = {mine:?}, yours = {yours:?}");
    // ANCHOR_END: make_mut

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!((vec_size, refcell_size), (24, 32));
        assert_eq!((new.allocs, new.bytes), (2, 12 + 48));
        assert_eq!((copy.allocs, copy.bytes), (2, 12 + 40));
        assert_eq!(unique.allocs, 0);
    }
}
