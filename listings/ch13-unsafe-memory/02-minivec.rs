// memcheck: clean
// varies: moved: (yes|no)
// per-platform: \(\) = [0-9]+
use std::alloc;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ptr::{self, NonNull};

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

// ANCHOR: minivec
/// A growable array like `Vec<T>`, its unsafe parts in the open.
struct MiniVec<T> {
    ptr: NonNull<T>, // the block; a dangling, aligned pointer while cap == 0
    cap: usize,      // how many T fit in the block
    len: usize,      // how many, at the front, are initialized
    _owns: PhantomData<T>,
}

impl<T> MiniVec<T> {
    fn new() -> Self {
        assert!(size_of::<T>() != 0, "zero-sized types are left out");
        MiniVec {
            ptr: NonNull::dangling(),
            cap: 0,
            len: 0,
            _owns: PhantomData,
        }
    }

    /// Room for 4 at first, then twice the capacity.
    fn grow(&mut self) {
        let new_cap = if self.cap == 0 { 4 } else { self.cap * 2 };
        // Fails if new_cap * size_of::<T>() would exceed isize::MAX.
        let new_layout = Layout::array::<T>(new_cap).expect("capacity overflow");
        let new_ptr = if self.cap == 0 {
            // SAFETY: new_layout's size is not zero (T is not zero-sized, new_cap > 0).
            unsafe { alloc::alloc(new_layout) }
        } else {
            let old_layout = Layout::array::<T>(self.cap).unwrap();
            // SAFETY: self.ptr came from this allocator with old_layout, and the new size
            // is not zero and fits in isize (Layout::array checked it).
            unsafe { alloc::realloc(self.ptr.as_ptr().cast(), old_layout, new_layout.size()) }
        };
        // Null means the allocator refused: report it as Vec does (by default, an abort).
        let Some(new_ptr) = NonNull::new(new_ptr.cast::<T>()) else {
            alloc::handle_alloc_error(new_layout)
        };
        self.ptr = new_ptr; // the old pointer must not be used again, even if equal
        self.cap = new_cap;
    }

    fn push(&mut self, value: T) {
        if self.len == self.cap {
            self.grow();
        }
        // SAFETY: len < cap, so the slot is inside the block. It is uninitialized:
        // `write` fills it without dropping what was there.
        unsafe { self.ptr.add(self.len).write(value) };
        self.len += 1;
    }

    fn as_slice(&self) -> &[T] {
        // SAFETY: the first len slots are initialized; ptr is aligned and non-null even
        // when nothing is allocated, as a slice's pointer must be.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    fn capacity(&self) -> usize {
        self.cap
    }

    fn as_ptr(&self) -> *const T {
        self.ptr.as_ptr()
    }
}

impl<T> Drop for MiniVec<T> {
    fn drop(&mut self) {
        let elements = ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), self.len);
        // SAFETY: the first len slots are initialized and are dropped once, here.
        unsafe { ptr::drop_in_place(elements) };
        if self.cap != 0 {
            let layout = Layout::array::<T>(self.cap).unwrap();
            // SAFETY: the block came from this allocator with this layout.
            unsafe { alloc::dealloc(self.ptr.as_ptr().cast(), layout) };
        }
    }
}
// ANCHOR_END: minivec

// ANCHOR: into_vec
impl<T> MiniVec<T> {
    /// Hands the block to a `Vec`, without copying it and without freeing it.
    fn into_vec(self) -> Vec<T> {
        let me = ManuallyDrop::new(self); // MiniVec's drop must not run now
        // SAFETY: the block came from the global allocator with Layout::array::<T>(cap),
        // the layout a Vec<T> of capacity cap uses; its first len elements are initialized.
        unsafe { Vec::from_raw_parts(me.ptr.as_ptr(), me.len, me.cap) }
    }
}
// ANCHOR_END: into_vec

/// A value that counts its drops.
struct Counted(#[allow(dead_code, reason = "only dropped")] u64);
static DROPPED: AtomicUsize = AtomicUsize::new(0);
impl Drop for Counted {
    fn drop(&mut self) {
        DROPPED.fetch_add(1, Relaxed);
    }
}

fn main() {
    // ANCHOR: main
    let before = heap();
    let mut v = MiniVec::new();
    let mut capacities = [0; 8];
    let mut moved = [false; 8];
    let mut grows = 0;
    for i in 0..40_u64 {
        let (old_cap, old_ptr) = (v.capacity(), v.as_ptr());
        v.push(i);
        if v.capacity() != old_cap {
            capacities[grows] = v.capacity();
            moved[grows] = old_cap != 0 && v.as_ptr() != old_ptr;
            grows += 1;
        }
    }
    let sum: u64 = v.as_slice().iter().sum();
    drop(v);
    let calls = heap().since(before);

    let mut counted = MiniVec::new();
    for i in 0..5 {
        counted.push(Counted(i));
    }
    drop(counted);
    let dropped = DROPPED.load(Relaxed);

    let mut mini = MiniVec::new();
    mini.push(String::from("handed over"));
    let (mini_ptr, mini_cap) = (mini.as_ptr(), mini.capacity());
    let handed = heap();
    let vec = mini.into_vec();
    let handing = heap().since(handed);

    for (cap, moved) in capacities[..grows].iter().zip(moved) {
        let bytes = cap * size_of::<u64>();
        let how = match (*cap, moved) {
            (4, _) => "alloc",
            (_, true) => "realloc, moved: yes",
            (_, false) => "realloc, moved: no",
        };
        println!("capacity {cap:>2} ({bytes:>3} bytes): {how}");
    }
    println!(
        "40 pushes, sum {sum}: {} alloc, {} realloc, {} dealloc",
        calls.allocs, calls.reallocs, calls.deallocs
    );
    println!("MiniVec<Counted> of 5 dropped: {dropped} drops");
    println!(
        "into_vec: same block {}, same capacity {}, {} allocator calls",
        vec.as_ptr() == mini_ptr,
        vec.capacity() == mini_cap,
        handing.allocs + handing.reallocs + handing.deallocs
    );
    println!(
        "size_of::<MiniVec<u64>>() = {}, size_of::<Vec<u64>>() = {}",
        size_of::<MiniVec<u64>>(),
        size_of::<Vec<u64>>()
    );
    println!(
        "size_of::<Option<MiniVec<u64>>>() = {}",
        size_of::<Option<MiniVec<u64>>>()
    );
    // ANCHOR_END: main

    assert_eq!(capacities[..grows], [4, 8, 16, 32, 64]);
    assert_eq!((calls.allocs, calls.reallocs, calls.deallocs), (1, 4, 1));
    assert_eq!(dropped, 5);
    assert_eq!(vec, ["handed over"]);
    assert_eq!(size_of::<MiniVec<u64>>(), size_of::<Vec<u64>>());
    assert_eq!(size_of::<Option<MiniVec<u64>>>(), size_of::<MiniVec<u64>>());
}
