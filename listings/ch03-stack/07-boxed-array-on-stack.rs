// needs: unix: reads how the child ended from its signal (std::os::unix)
#![cfg_attr(
    not(unix),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
#[cfg(unix)]
use std::os::unix::process::ExitStatusExt;
use std::process::Command;

const LEN: usize = 1 << 20; // 1 MiB of bytes

// varies: 'worker' \(\d+\)
// ANCHOR: main
/// Builds the array as a value, then moves it into a heap allocation.
#[inline(never)]
fn with_box_new() -> u8 {
    let boxed: Box<[u8; LEN]> = Box::new([7; LEN]);
    boxed[LEN - 1]
}

/// Asks the allocator for the bytes and fills them in place.
#[inline(never)]
fn with_vec_macro() -> u8 {
    let vector: Vec<u8> = vec![7; LEN];
    vector[LEN - 1]
}

// ANCHOR_END: main
#[cfg(unix)]
// ANCHOR: main
fn main() {
    if let Some(which) = std::env::args().nth(1) {
        // The child: run one way on a thread whose whole stack is 256 KiB.
        let worker = std::thread::Builder::new()
            .name("worker".to_owned())
            .stack_size(256 * 1024)
            .spawn(move || match which.as_str() {
                "box" => with_box_new(),
                _ => with_vec_macro(),
            })
            .unwrap();
        assert_eq!(worker.join().unwrap(), 7);
        return;
    }

    let mut outcomes = Vec::new();
    for way in ["box", "vec"] {
        let child = Command::new(std::env::current_exe().unwrap())
            .arg(way)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&child.stderr);
        match child.status.signal() {
            Some(signal) => {
                let why = stderr.lines().find(|line| !line.is_empty()).unwrap_or("");
                println!("{way}: killed by signal {signal} ({why})");
            }
            None => println!("{way}: fine"),
        }
        outcomes.push((way, child.status.success()));
    }
    // ANCHOR_END: main

    // In a debug build the array passes through the stack; `vec!` never puts it there.
    if cfg!(debug_assertions) {
        assert_eq!(outcomes, [("box", false), ("vec", true)]);
    }
    assert!(outcomes[1].1);
}

#[cfg(not(unix))]
fn main() {
    eprintln!("This listing reads a child's signal with std::os::unix: Unix only.");
}
