// per-platform: HashMap.*
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

// ANCHOR: logger
/// A global allocator that writes down each request's kind, size and alignment (in fixed
/// arrays: an allocator must not allocate), then hands it to the system allocator.
struct Logging;

const MAX: usize = 64;
static ON: AtomicBool = AtomicBool::new(false);
static LEN: AtomicUsize = AtomicUsize::new(0);
static KIND: [AtomicUsize; MAX] = [const { AtomicUsize::new(0) }; MAX];
static SIZE: [AtomicUsize; MAX] = [const { AtomicUsize::new(0) }; MAX];
static ALIGN: [AtomicUsize; MAX] = [const { AtomicUsize::new(0) }; MAX];
const KINDS: [&str; 4] = ["alloc", "alloc_zeroed", "realloc to", "dealloc"];

fn record(kind: usize, size: usize, align: usize) {
    if ON.load(Relaxed) {
        let i = LEN.fetch_add(1, Relaxed);
        if i < MAX {
            KIND[i].store(kind, Relaxed);
            SIZE[i].store(size, Relaxed);
            ALIGN[i].store(align, Relaxed);
        }
    }
}

unsafe impl GlobalAlloc for Logging {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(0, layout.size(), layout.align());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record(1, layout.size(), layout.align());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(2, new_size, layout.align());
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        record(3, layout.size(), layout.align());
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Logging = Logging;
// ANCHOR_END: logger

/// Runs `work` with the log on, then prints what the allocator was asked.
fn show(what: &str, work: impl FnOnce()) {
    LEN.store(0, Relaxed);
    ON.store(true, Relaxed);
    work();
    ON.store(false, Relaxed);
    let requests: Vec<String> = (0..LEN.load(Relaxed).min(MAX))
        .map(|i| {
            let kind = KINDS[KIND[i].load(Relaxed)];
            format!(
                "{kind} {}/{}",
                SIZE[i].load(Relaxed),
                ALIGN[i].load(Relaxed)
            )
        })
        .collect();
    println!("{what:<28} {}", requests.join(", "));
}

// ANCHOR: main
#[repr(align(64))]
struct CacheLine([u8; 64]);

fn main() {
    println!("request size/align, in bytes:");
    show("Box::new(1_u8)", || drop(black_box(Box::new(1_u8))));
    show("Box::new(1_u64)", || drop(black_box(Box::new(1_u64))));
    show("Box::new(CacheLine)", || {
        let line = black_box(Box::new(CacheLine([0; 64])));
        black_box(line.0[63]);
    });
    show("Vec<u16>: 5 pushes", || {
        let mut v = Vec::new();
        for i in 0..5_u16 {
            v.push(i);
        }
        drop(black_box(v));
    });
    show("vec![0_u8; 4096]", || drop(black_box(vec![0_u8; 4096])));
    show("HashMap<u64, u64>: 1 insert", || {
        let mut map = HashMap::new();
        map.insert(1_u64, 2_u64);
        drop(black_box(map));
    });
}
// ANCHOR_END: main
