// needs: linux-gnu: reads /proc/self/maps; the [heap] region is glibc's main arena
#![cfg_attr(
    not(all(target_os = "linux", target_env = "gnu")),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
/// The range of the mapping named `name` in `/proc/self/maps` (e.g. "[heap]").
fn named_mapping(name: &str) -> (usize, usize) {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    let line = maps.lines().find(|l| l.ends_with(name)).unwrap();
    let (start, end) = line.split(' ').next().unwrap().split_once('-').unwrap();
    let hex = |s| usize::from_str_radix(s, 16).unwrap();
    (hex(start), hex(end))
}

/// A size in the largest binary unit that keeps it at 1 or more.
fn human(bytes: usize) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < units.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", units[unit])
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
// ANCHOR: main
fn main() {
    let local = 0_u64;
    let small = Box::new(0_u64);
    let big: Vec<u8> = Vec::with_capacity(1 << 20);
    let stack = &raw const local as usize;
    let heap = &raw const *small as usize;
    let mmap = big.as_ptr() as usize;

    // varies: \d+\.\d (bytes|[KMGT]iB)
    println!("a local          {:p}", stack as *const u8);
    println!("a Box<u64>       {:p}", heap as *const u8);
    println!("a 1 MiB Vec      {:p}", mmap as *const u8);
    println!("local - Box:     {}", human(stack - heap));
    println!("local - Vec:     {}", human(stack - mmap));

    // Make the heap grow: 4000 boxes of 100 bytes need more than it has.
    let (heap_start, heap_end) = named_mapping("[heap]");
    let boxes: Vec<Box<[u8; 100]>> = (0..4000).map(|_| Box::new([0; 100])).collect();
    let (start_after, end_after) = named_mapping("[heap]");
    println!("[heap] start moved: {}", start_after != heap_start);
    println!("[heap] end moved up by {}", human(end_after - heap_end));

    // Two more large Vecs: each gets its own mapping, lower than the last.
    let second: Vec<u8> = Vec::with_capacity(1 << 20);
    let third: Vec<u8> = Vec::with_capacity(1 << 20);
    let (a, b, c) = (mmap, second.as_ptr() as usize, third.as_ptr() as usize);
    println!("each large Vec below the previous one: {}", b < a && c < b);
    drop((boxes, second, third));
}
// ANCHOR_END: main

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() {
    eprintln!(
        "This listing reads /proc/self/maps and measures glibc's malloc: Linux with glibc only."
    );
}
