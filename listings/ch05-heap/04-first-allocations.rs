use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

// ANCHOR: main
/// A global allocator that writes down the layout of the first 32 allocations.
struct Recording;

const SLOTS: usize = 32;
static COUNT: AtomicUsize = AtomicUsize::new(0);
static SIZES: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];
static ALIGNS: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];

unsafe impl GlobalAlloc for Recording {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let n = COUNT.fetch_add(1, Relaxed);
        if n < SLOTS {
            SIZES[n].store(layout.size(), Relaxed);
            ALIGNS[n].store(layout.align(), Relaxed);
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    // No `realloc`: the trait's default one calls `alloc`, copies, then calls `dealloc`.
}

#[global_allocator]
static GLOBAL: Recording = Recording;

/// The (size, align) of allocations number `from` up to, not including, `to`.
fn recorded(from: usize, to: usize) -> Vec<(usize, usize)> {
    (from..to.min(SLOTS))
        .map(|n| (SIZES[n].load(Relaxed), ALIGNS[n].load(Relaxed)))
        .collect()
}

fn main() {
    let before_main = COUNT.load(Relaxed);

    let name = String::from("worker-with-a-long-name");
    let name_len = name.len();
    let start = COUNT.load(Relaxed);
    let worker = std::thread::Builder::new().name(name).spawn(|| ());
    worker.unwrap().join().unwrap();
    let end = COUNT.load(Relaxed);

    let before = recorded(0, before_main);
    let spawn = recorded(start, end);
    println!("before main:");
    for (size, align) in &before {
        println!("    {size:>3} bytes, align {align}");
    }
    println!("spawning and joining a thread with a {name_len}-byte name:");
    for (size, align) in &spawn {
        println!("    {size:>3} bytes, align {align}");
    }
    // ANCHOR_END: main

    if cfg!(all(
        target_arch = "x86_64",
        target_os = "linux",
        target_env = "gnu"
    )) {
        assert_eq!(before, [(4, 1), (544, 8)]);
        assert_eq!(spawn, [(24, 1), (48, 8), (40, 8), (24, 8), (23, 1)]);
    }
}
