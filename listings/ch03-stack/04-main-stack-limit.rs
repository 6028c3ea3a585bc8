// needs: linux: reads /proc/self/limits and /proc/self/maps
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::hint::black_box;

/// The soft and hard "Max stack size" from `/proc/self/limits`, in KiB (`None`: unlimited).
fn stack_rlimit() -> (Option<usize>, Option<usize>) {
    let limits = std::fs::read_to_string("/proc/self/limits").expect("needs Linux's /proc");
    let line = limits
        .lines()
        .find(|line| line.starts_with("Max stack size"))
        .expect("a stack limit line");
    let mut fields = line["Max stack size".len()..].split_whitespace();
    let mut next = || {
        fields
            .next()
            .unwrap()
            .parse::<usize>()
            .ok()
            .map(|b| b / 1024)
    };
    (next(), next())
}

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

/// What lies in the page just below the `[stack]` mapping: a mapping's permissions, or nothing.
fn below_main_stack() -> String {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    let range = |line: &str| {
        let (start, end) = line.split(' ').next().unwrap().split_once('-').unwrap();
        let hex = |s| usize::from_str_radix(s, 16).unwrap();
        (hex(start), hex(end))
    };
    let stack = maps.lines().find(|l| l.ends_with("[stack]")).unwrap();
    let below = range(stack).0 - 1;
    match maps
        .lines()
        .find(|l| (range(l).0..range(l).1).contains(&below))
    {
        Some(line) => format!("a mapping, permissions {}", line.split(' ').nth(1).unwrap()),
        None => "nothing mapped".to_owned(),
    }
}

fn show(limit: Option<usize>) -> String {
    limit.map_or("unlimited".to_owned(), |kib| format!("{kib} KiB"))
}

// varies: (\d+ KiB|unlimited)
// ANCHOR: main
/// Puts a 1 MiB array on the stack and measures the stack's mapping while it is there.
#[inline(never)]
fn use_one_mib() -> usize {
    let big = [1u8; 1 << 20];
    mapping_kib(black_box(&big).as_ptr())
}

// ANCHOR_END: main
#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    let (soft, hard) = stack_rlimit();
    println!("RLIMIT_STACK, soft limit:      {}", show(soft));
    println!("RLIMIT_STACK, hard limit:      {}", show(hard));

    let here: u8 = 0;
    let at_start = mapping_kib(&raw const here);
    let during = use_one_mib();
    let after = mapping_kib(&raw const here);
    println!("main's stack mapping at start: {at_start} KiB");
    println!("while 1 MiB is in use:         {during} KiB");
    println!("after that function returned:  {after} KiB");
    println!("just below the mapping:        {}", below_main_stack());
    // ANCHOR_END: main

    // The mapping grew to hold the array, and did not shrink back.
    assert!(during > at_start && during >= 1024);
    assert_eq!(after, during);
    // No guard page is mapped below the main thread's stack.
    assert_eq!(below_main_stack(), "nothing mapped");
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads /proc/self/limits and /proc/self/maps, which only Linux has.");
}
