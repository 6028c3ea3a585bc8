use std::fs;
use std::sync::Barrier;
use std::thread;

/// One line of /proc/self/maps: an address range, its permissions and its name.
struct Mapping {
    start: usize,
    end: usize,
    perms: String,
    name: String,
}

fn mappings() -> Vec<Mapping> {
    let maps = fs::read_to_string("/proc/self/maps").expect("Linux only: /proc/self/maps");
    maps.lines()
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (start, end) = fields[0].split_once('-').unwrap();
            Mapping {
                start: usize::from_str_radix(start, 16).unwrap(),
                end: usize::from_str_radix(end, 16).unwrap(),
                perms: fields[1].to_string(),
                name: fields.get(5).unwrap_or(&"").to_string(),
            }
        })
        .collect()
}

/// Where the stack of the calling thread is: the mapping that holds one of its
/// locals, and the size of the inaccessible (`---p`) guard mapping right below it.
#[derive(Debug)]
struct Stack {
    local: usize,
    start: usize,
    size_kib: usize,
    name: String,
    guard_kib: usize,
}

fn my_stack() -> Stack {
    let local = 0_u8;
    let local = (&raw const local).addr();
    let maps = mappings();
    let i = maps
        .iter()
        .position(|m| (m.start..m.end).contains(&local))
        .unwrap();
    let m = &maps[i];
    let below = &maps[i - 1];
    let guarded = below.end == m.start && below.perms == "---p";
    let guard_kib = if guarded {
        (below.end - below.start) / 1024
    } else {
        0
    };
    Stack {
        local,
        start: m.start,
        size_kib: (m.end - m.start) / 1024,
        name: if m.name.is_empty() {
            "anonymous".into()
        } else {
            m.name.clone()
        },
        guard_kib,
    }
}

fn stack_limit_kib() -> String {
    let limits = fs::read_to_string("/proc/self/limits").unwrap();
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max stack size"))
        .unwrap();
    let soft = line.split_whitespace().nth(3).unwrap();
    match soft.parse::<usize>() {
        Ok(bytes) => format!("{} KiB", bytes / 1024),
        Err(_) => soft.to_string(), // "unlimited"
    }
}

fn main() {
    // ANCHOR: main
    let main_stack = my_stack();

    // Keep both threads alive until both have looked, so each has its own stack.
    let barrier = Barrier::new(2);
    let (default, small) = thread::scope(|s| {
        let default = s.spawn(|| {
            let stack = my_stack();
            barrier.wait();
            stack
        });
        let small = thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn_scoped(s, || {
                let stack = my_stack();
                barrier.wait();
                stack
            })
            .unwrap();
        (default.join().unwrap(), small.join().unwrap())
    });

    // varies: \d+ KiB mapped so far
    // varies: stack limit: \S+( KiB)?
    // varies: mapping of \d+ KiB
    // varies: \d+ KiB of guard
    let m = &main_stack;
    println!("main thread: a local at {:p}", m.local as *const u8);
    println!(
        "  in the {} mapping, {} KiB mapped so far",
        m.name, m.size_kib
    );
    println!("  it may grow up to the stack limit: {}", stack_limit_kib());
    for (label, t) in [("default", &default), ("stack_size(64 KiB)", &small)] {
        println!("spawned, {label}: a local at {:p}", t.local as *const u8);
        println!("  in an {} mapping of {} KiB", t.name, t.size_kib);
        println!("  starting at {:p}", t.start as *const u8);
        println!("  just below it: {} KiB of guard, no access", t.guard_kib);
        println!("  below main's stack: {}", t.start < m.start);
    }
    // ANCHOR_END: main

    assert_eq!(main_stack.name, "[stack]");
    for stack in [&default, &small] {
        assert_eq!(stack.name, "anonymous");
        assert!(stack.guard_kib > 0 && stack.start < main_stack.start);
    }
    assert_ne!(default.start, small.start);
}
