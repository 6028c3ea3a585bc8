// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::mem::size_of_val;
use std::thread;

fn main() {
    // ANCHOR: main
    let scores = Vec::from([3, 5, 8]);
    let buffer = scores.as_ptr().addr();

    // `.addr()` turns the pointer into a plain number: raw pointers are not `Send`.
    let work = move || (scores.iter().sum::<i32>(), scores.as_ptr().addr());
    let closure_size = size_of_val(&work);
    let handle = thread::spawn(work);
    let (total, seen_by_thread) = handle.join().unwrap();

    println!("the closure holds the Vec: {closure_size} bytes");
    println!("total computed by the thread: {total}");
    let same = seen_by_thread == buffer;
    println!("the thread read the same heap buffer: {same}");
    // ANCHOR_END: main

    assert_eq!(total, 16);
    assert!(same);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(closure_size, 24);
    }
}
