// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::{Arc, Mutex, RwLock};

fn main() {
    // ANCHOR: main
    // (type, size measured now, size asserted on x86_64 Linux)
    let sizes = [
        ("u64", size_of::<u64>(), 8),
        ("&u64", size_of::<&u64>(), 8),
        ("Box<u64>", size_of::<Box<u64>>(), 8),
        ("Box<[u64]>", size_of::<Box<[u64]>>(), 16),
        ("Option<Box<u64>>", size_of::<Option<Box<u64>>>(), 8),
        ("Rc<u64>", size_of::<Rc<u64>>(), 8),
        ("Weak<u64>", size_of::<Weak<u64>>(), 8),
        ("Rc<str>", size_of::<Rc<str>>(), 16),
        ("Arc<u64>", size_of::<Arc<u64>>(), 8),
        ("Cow<'_, str>", size_of::<Cow<'_, str>>(), 24),
        ("Cell<u64>", size_of::<Cell<u64>>(), 8),
        ("RefCell<u64>", size_of::<RefCell<u64>>(), 16),
        ("Mutex<u64>", size_of::<Mutex<u64>>(), 16),
        ("RwLock<u64>", size_of::<RwLock<u64>>(), 24),
    ];
    for (name, size, x86_64_linux) in sizes {
        println!("{name:<18} {size:>2} bytes");
        if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
            assert_eq!(size, x86_64_linux, "size_of::<{name}>()");
        }
    }
    // ANCHOR_END: main
}
