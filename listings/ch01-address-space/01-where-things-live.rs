// needs: linux: reads /proc/self/maps to find each value's mapping
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// One line of `/proc/self/maps`: an address range and how it is mapped.
struct Mapping {
    start: usize,
    end: usize,
    perms: String,
    path: String,
}

/// Reads this process's memory map (Linux only).
fn mappings() -> Vec<Mapping> {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    maps.lines()
        .map(|line| {
            // "start-end perms offset device inode   path"; the path may be missing.
            let mut fields = line.splitn(6, ' ');
            let (start, end) = fields.next().unwrap().split_once('-').unwrap();
            let perms = fields.next().unwrap().to_owned();
            let path = fields.nth(3).unwrap_or("").trim().to_owned();
            Mapping {
                start: usize::from_str_radix(start, 16).unwrap(),
                end: usize::from_str_radix(end, 16).unwrap(),
                perms,
                path,
            }
        })
        .collect()
}

/// Names the mapping that holds `addr`, without paths that differ between machines.
fn mapping_of(addr: *const u8) -> String {
    let addr = addr as usize;
    let exe = std::env::current_exe().unwrap();
    let maps = mappings();
    let Some(m) = maps.iter().find(|m| m.start <= addr && addr < m.end) else {
        return "not mapped".to_owned();
    };
    let name = if m.path.is_empty() {
        "anonymous"
    } else if exe.to_str() == Some(m.path.as_str()) {
        "[this program]"
    } else {
        m.path.as_str()
    };
    format!("{} {name}", m.perms)
}

// ANCHOR: main
const ANSWER: u64 = 42;
static GREETING: u64 = 7;
static ZEROED: AtomicU64 = AtomicU64::new(0);
static STARTED: AtomicU64 = AtomicU64::new(1);

// ANCHOR_END: main
#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    let literal: &str = "a string literal";
    let local: u64 = 3;
    let boxed: Box<u64> = Box::new(5);
    let big: Vec<u8> = Vec::with_capacity(1 << 20); // 1 MiB
    ZEROED.fetch_add(1, Relaxed);
    STARTED.fetch_add(1, Relaxed);

    let things: [(&str, *const u8); 9] = [
        ("string literal", literal.as_ptr()),
        ("&ANSWER (a const)", (&ANSWER as *const u64).cast()),
        ("GREETING (a static)", (&raw const GREETING).cast()),
        ("ZEROED (atomic, 0)", ZEROED.as_ptr().cast_const().cast()),
        ("STARTED (atomic, 1)", STARTED.as_ptr().cast_const().cast()),
        ("fn main", main as fn() as *const u8),
        ("local", (&raw const local).cast()),
        ("Box<u64>", (&raw const *boxed).cast()),
        ("Vec, 1 MiB", big.as_ptr()),
    ];
    for (what, addr) in things {
        println!("{what:<22} {addr:p}  {}", mapping_of(addr));
    }

    // A spawned thread runs on a stack of its own; look it up while it runs.
    let thread_line = std::thread::spawn(|| {
        let local_in_thread: u64 = 9;
        let addr: *const u8 = (&raw const local_in_thread).cast();
        format!("{:<22} {addr:p}  {}", "thread's local", mapping_of(addr))
    })
    .join()
    .unwrap();
    println!("{thread_line}");
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads /proc/self/maps, which only Linux has.");
}
