// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
// ANCHOR: recorder
use std::alloc::{GlobalAlloc, Layout, System};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Not the book's counting allocator: this one remembers where the last block it
/// handed out starts, and the `Layout` it was asked for.
struct RecordLastBlock;

static LAST_ADDR: AtomicUsize = AtomicUsize::new(0);
static LAST_SIZE: AtomicUsize = AtomicUsize::new(0);
static LAST_ALIGN: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for RecordLastBlock {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        LAST_ADDR.store(ptr.addr(), Relaxed);
        LAST_SIZE.store(layout.size(), Relaxed);
        LAST_ALIGN.store(layout.align(), Relaxed);
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: RecordLastBlock = RecordLastBlock;

/// Reads the two machine words at the start of the block that holds `value`,
/// `offset` bytes in front of it. (Relies on today's std layout; a probe, not an API.)
fn first_two_words<T>(value: *const T, offset: usize) -> [usize; 2] {
    let block = value.cast::<u8>().wrapping_sub(offset).cast::<usize>();
    unsafe { [block.read(), block.add(1).read()] }
}
// ANCHOR_END: recorder

fn main() {
    // ANCHOR: main
    let rc = Rc::new(0x1122_3344_5566_7788_u64);
    let (block, size, align) = (
        LAST_ADDR.load(Relaxed),
        LAST_SIZE.load(Relaxed),
        LAST_ALIGN.load(Relaxed),
    );
    let offset = Rc::as_ptr(&rc).addr() - block;
    // The handle is one word: read it as a number to see where it points.
    let handle = unsafe { (&raw const rc).cast::<usize>().read() };
    println!("Rc::new(u64) asked for {size} bytes, align {align}, at {block:#x}");
    println!("the handle holds block + {}", handle - block);
    println!("the value sits at block + {offset}");

    let show = |step: &str, rc: &Rc<u64>| {
        let words = first_two_words(Rc::as_ptr(rc), offset);
        println!(
            "{step:<16} words at +0, +8: {words:?}   strong_count {}  weak_count {}",
            Rc::strong_count(rc),
            Rc::weak_count(rc)
        );
        words
    };
    let fresh = show("after new", &rc);
    let rc2 = Rc::clone(&rc);
    let cloned = show("after clone", &rc);
    let weak = Rc::downgrade(&rc);
    let downgraded = show("after downgrade", &rc);
    drop((rc2, weak));
    show("after both drops", &rc);

    let arc = Arc::new(0x1122_3344_5566_7788_u64);
    let arc_size = LAST_SIZE.load(Relaxed);
    let arc_offset = Arc::as_ptr(&arc).addr() - LAST_ADDR.load(Relaxed);
    let arc2 = Arc::clone(&arc);
    let arc_words = first_two_words(Arc::as_ptr(&arc), arc_offset);
    println!("Arc::new(u64) asked for {arc_size} bytes; value at block + {arc_offset}");
    println!("after one Arc::clone, words at +0, +8: {arc_words:?}");
    drop(arc2);
    // ANCHOR_END: main

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!((size, align, handle - block, offset), (24, 8, 0, 16));
        assert_eq!([fresh, cloned, downgraded], [[1, 1], [2, 1], [2, 2]]);
        assert_eq!((arc_size, arc_offset, arc_words), (24, 16, [2, 1]));
    }
}
