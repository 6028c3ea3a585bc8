// needs: linux-gnu: reads /proc/self/maps to see where glibc's malloc put each block
// varies: \d+ MiB apart
#![cfg_attr(
    not(all(target_os = "linux", target_env = "gnu")),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::thread;

/// One line of /proc/self/maps: its range, permissions and name.
struct Mapping {
    start: usize,
    end: usize,
    perms: String,
    name: String,
}

fn mappings() -> Vec<Mapping> {
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    maps.lines()
        .map(|line| {
            let mut fields = line.split_whitespace();
            let (start, end) = fields.next().unwrap().split_once('-').unwrap();
            Mapping {
                start: usize::from_str_radix(start, 16).unwrap(),
                end: usize::from_str_radix(end, 16).unwrap(),
                perms: fields.next().unwrap().to_owned(),
                name: fields.nth(3).unwrap_or("anonymous").to_owned(),
            }
        })
        .collect()
}

/// Where `addr` is: the mapping's name and size, and what follows it.
fn describe(addr: usize) -> String {
    let maps = mappings();
    let i = maps
        .iter()
        .position(|m| (m.start..m.end).contains(&addr))
        .unwrap();
    let (m, next) = (&maps[i], maps.get(i + 1));
    let mut text = format!("{}, {} KiB, {}", m.name, (m.end - m.start) / 1024, m.perms);
    if m.name == "anonymous" {
        let aligned = m.start % (64 << 20) == 0;
        text += &format!("; starts at a multiple of 64 MiB: {aligned}");
        if let Some(n) = next.filter(|n| n.start == m.end && n.perms == "---p") {
            let reserved = (n.end - n.start) / 1024;
            text += &format!("; then {reserved} KiB reserved (---p)");
        }
    }
    text
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn main() {
    // ANCHOR: main
    let in_main = Box::new([1_u8; 64]);
    let main_at = in_main.as_ptr().addr();

    // Two threads alive at once, each allocating its own block.
    let barrier = std::sync::Barrier::new(2);
    let (a, b) = thread::scope(|s| {
        let work = || {
            let block = Box::new([2_u8; 64]);
            barrier.wait(); // both threads hold a block now
            let at = block.as_ptr().addr();
            (at, describe(at))
        };
        let (a, b) = (s.spawn(work), s.spawn(work));
        (a.join().unwrap(), b.join().unwrap())
    });

    println!("main thread's block:   {}", describe(main_at));
    println!("first thread's block:  {}", a.1);
    println!("second thread's block: {}", b.1);
    let far = main_at.abs_diff(a.0) > 1 << 30;
    println!("main's and the first thread's blocks more than 1 GiB apart: {far}");
    println!(
        "the two threads' blocks: {} MiB apart",
        a.0.abs_diff(b.0) >> 20
    );
    // ANCHOR_END: main

    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return; // the checks below are for glibc's default number of arenas
    }
    assert!(describe(main_at).starts_with("[heap]"));
    assert!(a.1.starts_with("anonymous") && b.1.starts_with("anonymous"));
    assert!(far);
    assert!(a.0.abs_diff(b.0) >= 64 << 20, "two arenas, 64 MiB each");
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() {
    println!("This listing shows glibc's arenas, which only Linux with glibc has.");
}
