// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::cell::{Cell, RefCell};
use std::mem::size_of;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};
use std::thread;

fn main() {
    // ANCHOR: main
    // The fix for a Cell shared between threads: an atomic, which is Sync.
    let hits = AtomicU64::new(0);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..1000 {
                    hits.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    println!("hits: {}", hits.load(Ordering::Relaxed));

    // What each way of changing a shared u64 costs in bytes.
    let sizes = [
        ("Cell<u64>      (not Sync)", size_of::<Cell<u64>>()),
        ("RefCell<u64>   (not Sync)", size_of::<RefCell<u64>>()),
        ("AtomicU64      (Sync)", size_of::<AtomicU64>()),
        ("Mutex<u64>     (Sync)", size_of::<Mutex<u64>>()),
        ("RwLock<u64>    (Sync)", size_of::<RwLock<u64>>()),
    ];
    for (what, size) in sizes {
        println!("{what:<26} {size:>2} bytes");
    }
    // ANCHOR_END: main

    assert_eq!(hits.into_inner(), 4000);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(sizes.map(|(_, size)| size), [8, 16, 8, 16, 24]);
    }
}
