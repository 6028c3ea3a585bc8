// needs: linux-gnu: reads /proc/self/maps; the guard pages and stack sizes are glibc's
#![cfg_attr(
    not(all(target_os = "linux", target_env = "gnu")),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::process::Command;
use std::sync::Barrier;
use std::thread;

/// The mapping in `/proc/self/maps` that holds `addr`: its start, end and permissions.
fn mapping_of(addr: usize) -> (usize, usize, String) {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    for line in maps.lines() {
        let mut fields = line.split(' ');
        let (start, end) = fields.next().unwrap().split_once('-').unwrap();
        let start = usize::from_str_radix(start, 16).unwrap();
        let end = usize::from_str_radix(end, 16).unwrap();
        if (start..end).contains(&addr) {
            return (start, end, fields.next().unwrap().to_owned());
        }
    }
    panic!("{addr:#x} is not mapped");
}

/// The size in KiB of the mapping that holds `addr`, and a description of the one below it.
fn stack_and_below(addr: *const u8) -> (usize, String) {
    let (start, end, _) = mapping_of(addr.addr());
    let (below_start, below_end, perms) = mapping_of(start - 1);
    let below = format!(
        "{} KiB, permissions {perms}",
        (below_end - below_start) / 1024
    );
    ((end - start) / 1024, below)
}

// varies: \d+ KiB
// ANCHOR: main
/// Starts one thread per request, all at once, and returns the size of each one's stack
/// (and what lies just below it).
/// `None` asks for the default size; `Some(bytes)` calls `Builder::stack_size(bytes)`.
fn stack_kib(requests: &[Option<usize>]) -> Vec<(usize, String)> {
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
                        let measured = stack_and_below(&raw const local);
                        all_started.wait();
                        measured
                    })
                    .unwrap()
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    })
}

// ANCHOR_END: main
#[cfg(all(target_os = "linux", target_env = "gnu"))]
// ANCHOR: main
fn main() {
    if std::env::args().nth(1).as_deref() == Some("child") {
        let measured = stack_kib(&[None, Some(64 * 1024)]);
        let (default, explicit) = (measured[0].0, measured[1].0);
        println!("default {default} KiB, stack_size(64 * 1024) {explicit} KiB");
        return;
    }

    let measured = stack_kib(&[None, Some(64 * 1024), Some(100_000), Some(4 << 20)]);
    let kib: Vec<usize> = measured.iter().map(|(kib, _)| *kib).collect();
    println!("spawned thread, default size: {:>5} KiB", kib[0]);
    println!("stack_size(64 * 1024):        {:>5} KiB", kib[1]);
    println!("stack_size(100_000):          {:>5} KiB", kib[2]);
    println!("stack_size(4 << 20):          {:>5} KiB", kib[3]);
    println!("just below each stack:        {}", measured[0].1);

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

    // Below every stack lies a mapping that can be neither read nor written: the guard.
    assert!(measured.iter().all(|(_, below)| below.ends_with("---p")));
    if cfg!(all(
        target_arch = "x86_64",
        target_os = "linux",
        target_env = "gnu"
    )) {
        assert_eq!(kib[1..], [64, 100, 4096]);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() {
    eprintln!(
        "This listing reads /proc/self/maps and measures glibc's thread stacks: Linux with glibc only."
    );
}
