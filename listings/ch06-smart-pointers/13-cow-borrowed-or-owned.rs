use std::borrow::Cow;

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

// ANCHOR: escape
/// Escapes `<` for HTML, copying the text only if there is something to escape.
fn escape(text: &str) -> Cow<'_, str> {
    if text.contains('<') {
        Cow::Owned(text.replace('<', "&lt;"))
    } else {
        Cow::Borrowed(text)
    }
}
// ANCHOR_END: escape

#[allow(clippy::ptr_arg, reason = "it prints which variant the Cow is")]
fn show(what: &str, cow: &Cow<'_, str>, cost: Heap) {
    let kind = match cow {
        Cow::Borrowed(_) => "Borrowed",
        Cow::Owned(_) => "Owned",
    };
    println!(
        "{what:<22} {kind:<8} {} allocation(s)  {cow:?}",
        cost.allocs
    );
}

fn main() {
    // ANCHOR: main
    let before = heap();
    let literal: Cow<'_, str> = Cow::from("drop");
    let from_literal = heap().since(before);
    show("Cow::from(\"drop\")", &literal, from_literal);

    let before = heap();
    let clean = escape("plain text");
    let clean_cost = heap().since(before);
    show("escape(\"plain text\")", &clean, clean_cost);

    let before = heap();
    let dirty = escape("a < b");
    let dirty_cost = heap().since(before);
    show("escape(\"a < b\")", &dirty, dirty_cost);

    let mut edited = clean;
    let before = heap();
    edited.to_mut().make_ascii_uppercase(); // Borrowed: copies into a String first
    let first_edit = heap().since(before);
    show("first to_mut()", &edited, first_edit);

    let before = heap();
    edited.to_mut().truncate(5); // already Owned: edits in place
    let second_edit = heap().since(before);
    show("second to_mut()", &edited, second_edit);

    let (cow_size, string_size) = (size_of::<Cow<'_, str>>(), size_of::<String>());
    println!("size_of::<Cow<str>>() = {cow_size}, size_of::<String>() = {string_size}");
    // ANCHOR_END: main

    let costs = [
        from_literal,
        clean_cost,
        dirty_cost,
        first_edit,
        second_edit,
    ];
    assert_eq!(costs.map(|h| h.allocs), [0, 0, 1, 1, 0]);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!((cow_size, string_size), (24, 24));
    }
}
