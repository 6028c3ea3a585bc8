use std::process::Command;
use std::sync::Barrier;
use std::thread;

/// The size, in KiB, of the mapping in `/proc/self/maps` that holds `addr`.
fn mapping_kib(addr: *const u8) -> usize {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    for line in maps.lines() {
        let range = line.split(' ').next().unwrap();
        let (start, end) = range.split_once('-').unwrap();
        let start = usize::from_str_radix(start, 16).unwrap();
        let end = usize::from_str_radix(end, 16).unwrap();
        if (start..end).contains(&addr.addr()) {
            return (end - start) / 1024;
        }
    }
    panic!("{addr:p} is not mapped");
}

// varies: \d+ KiB
// ANCHOR: measure
/// Starts one thread per request, all at once, and returns the size of each one's stack.
/// `None` asks for the default size; `Some(bytes)` calls `Builder::stack_size(bytes)`.
fn stack_kib(requests: &[Option<usize>]) -> Vec<usize> {
    // No thread ends before all have started, so none can reuse another's stack.
    let all_started = Barrier::new(requests.len());
    thread::scope(|scope| {
        let threads: Vec<_> = requests
            .iter()
            .map(|request| {
                let mut builder = thread::Builder::new();
                if let Some(bytes) = *request {
                    builder = builder.stack_size(bytes);
                }
                let all_started = &all_started;
                builder
                    .spawn_scoped(scope, move || {
                        let local: u8 = 0;
                        let kib = mapping_kib(&raw const local);
                        all_started.wait();
                        kib
                    })
                    .unwrap()
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    })
}
// ANCHOR_END: measure

fn main() {
    // ANCHOR: main
    if std::env::args().nth(1).as_deref() == Some("child") {
        let kib = stack_kib(&[None, Some(64 * 1024)]);
        println!(
            "default {} KiB, stack_size(64 * 1024) {} KiB",
            kib[0], kib[1]
        );
        return;
    }

    let kib = stack_kib(&[None, Some(64 * 1024), Some(100_000), Some(4 << 20)]);
    println!("spawned thread, default size: {:>5} KiB", kib[0]);
    println!("stack_size(64 * 1024):        {:>5} KiB", kib[1]);
    println!("stack_size(100_000):          {:>5} KiB", kib[2]);
    println!("stack_size(4 << 20):          {:>5} KiB", kib[3]);

    // RUST_MIN_STACK is read once per process: set it for a fresh copy of this program.
    let child = Command::new(std::env::current_exe().unwrap())
        .arg("child")
        .env("RUST_MIN_STACK", "1048576")
        .output()
        .unwrap();
    assert!(child.status.success());
    print!("with RUST_MIN_STACK=1048576:  ");
    print!("{}", String::from_utf8_lossy(&child.stdout));
    // ANCHOR_END: main

    if cfg!(all(
        target_arch = "x86_64",
        target_os = "linux",
        target_env = "gnu"
    )) {
        assert_eq!(kib[1..], [64, 100, 4096]);
    }
}
