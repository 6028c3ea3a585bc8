// needs: linux-gnu: reads /proc/self/maps; arenas are glibc's malloc
#![cfg_attr(
    not(all(target_os = "linux", target_env = "gnu")),
    allow(dead_code, reason = "without glibc only the fallback main runs")
)]
use std::thread;

/// One line of /proc/self/maps: start, end, permissions, name ("" for an anonymous mapping).
fn maps() -> Vec<(usize, usize, String, String)> {
    let text = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    text.lines()
        .map(|line| {
            let mut fields = line.split_whitespace();
            let (start, end) = fields.next().unwrap().split_once('-').unwrap();
            let perms = fields.next().unwrap().to_owned();
            let name = fields.nth(3).unwrap_or("");
            let name = name.rsplit('/').next().unwrap().to_owned();
            let hex = |s| usize::from_str_radix(s, 16).unwrap();
            (hex(start), hex(end), perms, name)
        })
        .collect()
}

/// Which region holds `addr`, and what is next to it.
fn region_of(addr: usize) -> String {
    let maps = maps();
    let i = maps
        .iter()
        .position(|m| (m.0..m.1).contains(&addr))
        .unwrap();
    let (start, end, perms, name) = &maps[i];
    if !name.is_empty() {
        return name.clone();
    }
    let size = (end - start) >> 10;
    let mut text = format!("anonymous {perms}, {size} KiB");
    if let Some((s, e, p, n)) = maps.get(i + 1).filter(|m| m.0 == *end && m.3.is_empty()) {
        text += &format!(" (then {} KiB {p}{n})", (e - s) >> 10);
    }
    let heap_end = maps.iter().find(|m| m.3 == "[heap]").map_or(0, |m| m.1);
    let libc = maps.iter().find(|m| m.3.starts_with("libc.so")).unwrap().0;
    if heap_end < addr && addr < libc {
        text += ", between [heap] and libc";
    }
    text
}

// varies: \d+ KiB
#[cfg(all(target_os = "linux", target_env = "gnu"))]
// ANCHOR: main
fn main() {
    let in_main: Vec<u8> = Vec::with_capacity(2048);
    let main_at = in_main.as_ptr().addr();
    let spawned_at = thread::spawn(|| {
        let in_thread: Vec<u8> = Vec::with_capacity(2048);
        let at = in_thread.as_ptr().addr();
        (at, region_of(at))
    });
    let (thread_at, thread_region) = spawned_at.join().unwrap();

    let main_region = region_of(main_at);
    println!("2 KiB in main:           {main_at:#x}: {main_region}");
    println!("2 KiB in another thread: {thread_at:#x}: {thread_region}");
    // ANCHOR_END: main

    assert_eq!(main_region, "[heap]");
    assert!(thread_region.starts_with("anonymous rw-p"));
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() {
    eprintln!(
        "This listing reads /proc/self/maps and measures glibc's arenas: Linux with glibc only."
    );
}
