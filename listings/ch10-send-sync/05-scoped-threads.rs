// needs: linux: reads /proc/self/maps to find the main thread's stack
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::fs;
use std::thread;

/// Whether `addr` lies in the main thread's stack, the `[stack]` line of /proc/self/maps.
fn on_main_stack(addr: usize) -> bool {
    let maps = fs::read_to_string("/proc/self/maps").expect("Linux only: /proc/self/maps");
    let line = maps.lines().find(|l| l.ends_with("[stack]")).unwrap();
    let range = line.split_whitespace().next().unwrap();
    let (start, end) = range.split_once('-').unwrap();
    let start = usize::from_str_radix(start, 16).unwrap();
    let end = usize::from_str_radix(end, 16).unwrap();
    (start..end).contains(&addr)
}

#[cfg(target_os = "linux")]
fn main() {
    // ANCHOR: main
    let mut readings = [0_u64; 8]; // a local of main
    let start = readings.as_ptr().addr();

    // Each scoped thread borrows one half of the array, mutably.
    let (low, high) = readings.split_at_mut(4);
    let halves = [(low.as_ptr(), low.len()), (high.as_ptr(), high.len())];
    thread::scope(|s| {
        s.spawn(|| low.fill(1));
        s.spawn(|| high.fill(2));
    }); // both threads are joined here, before the borrows end

    // Then two threads borrow the whole array, shared.
    let (sum, seen) = thread::scope(|s| {
        let sum = s.spawn(|| readings.iter().sum::<u64>());
        let seen = s.spawn(|| readings.as_ptr().addr());
        (sum.join().unwrap(), seen.join().unwrap())
    });

    let on_stack = on_main_stack(start);
    println!("readings: {readings:?}");
    println!(
        "the array: {:p}, {} bytes",
        readings.as_ptr(),
        size_of_val(&readings)
    );
    for (name, (at, len)) in ["low", "high"].into_iter().zip(halves) {
        println!("{name}: data {at:p}, len {len}");
    }
    println!("the array is on main's stack: {on_stack}");
    println!("sum computed by a scoped thread: {sum}");
    println!("a scoped thread saw the same address: {}", seen == start);
    // ANCHOR_END: main

    assert!(on_stack);
    assert_eq!(sum, 12);
    assert_eq!(seen, start);
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads /proc/self/maps, which only Linux has.");
}
