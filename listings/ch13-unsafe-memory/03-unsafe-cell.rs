// memcheck: clean
// per-platform: = [0-9]+
use std::cell::{Cell, RefCell, UnsafeCell};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

// ANCHOR: mycell
/// A `Cell` of our own: the value lives in an `UnsafeCell`, the one type through
/// which a shared reference may change what it points to.
struct MyCell<T> {
    value: UnsafeCell<T>,
}

impl<T: Copy> MyCell<T> {
    fn new(value: T) -> Self {
        MyCell {
            value: UnsafeCell::new(value),
        }
    }

    fn get(&self) -> T {
        // SAFETY: MyCell is not Sync (UnsafeCell is not), so no other thread can write;
        // and no method hands out a reference to the inside, so no reference is live.
        unsafe { *self.value.get() }
    }

    fn set(&self, value: T) {
        // SAFETY: as in `get`: nobody else reads or writes while we write.
        unsafe { *self.value.get() = value }
    }
}
// ANCHOR_END: mycell

fn main() {
    // ANCHOR: main
    let cell = MyCell::new(1_u32);
    let reader: &MyCell<u32> = &cell;
    let writer: &MyCell<u32> = &cell;
    let before = reader.get();
    writer.set(2); // a write through one shared reference...
    let after = reader.get(); // ...seen through another
    println!("through a shared reference: {before}, then {after}");

    let atomic = AtomicU32::new(1);
    let shared = &atomic;
    shared.fetch_add(1, Ordering::Relaxed);
    println!(
        "an AtomicU32 changed through &: {}",
        atomic.load(Ordering::Relaxed)
    );

    println!("size_of::<u32>()              = {}", size_of::<u32>());
    println!(
        "size_of::<UnsafeCell<u32>>()  = {}",
        size_of::<UnsafeCell<u32>>()
    );
    println!(
        "size_of::<MyCell<u32>>()      = {}",
        size_of::<MyCell<u32>>()
    );
    println!("size_of::<Cell<u32>>()        = {}", size_of::<Cell<u32>>());
    println!("size_of::<AtomicU32>()        = {}", size_of::<AtomicU32>());
    println!(
        "size_of::<RefCell<u32>>()     = {}",
        size_of::<RefCell<u32>>()
    );
    println!(
        "size_of::<Mutex<u32>>()       = {}",
        size_of::<Mutex<u32>>()
    );
    println!(
        "size_of::<Option<bool>>()       = {}",
        size_of::<Option<bool>>()
    );
    println!(
        "size_of::<Option<Cell<bool>>>() = {}",
        size_of::<Option<Cell<bool>>>()
    );
    // ANCHOR_END: main

    assert_eq!((before, after), (1, 2));
    assert_eq!(size_of::<Cell<u32>>(), size_of::<u32>());
    assert_eq!(size_of::<UnsafeCell<u32>>(), size_of::<u32>());
    assert_eq!(size_of::<AtomicU32>(), size_of::<u32>());
}
