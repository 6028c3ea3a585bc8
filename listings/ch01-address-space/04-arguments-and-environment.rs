// needs: linux: reads /proc/self/stat and /proc/self/maps
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
/// The range of the mapping named `name` in `/proc/self/maps` (e.g. "[stack]").
fn named_mapping(name: &str) -> (usize, usize) {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    let line = maps.lines().find(|l| l.ends_with(name)).unwrap();
    let (start, end) = line.split(' ').next().unwrap().split_once('-').unwrap();
    let hex = |s| usize::from_str_radix(s, 16).unwrap();
    (hex(start), hex(end))
}

#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    // /proc/self/stat: fields are counted from 1; the second, the program's
    // name in parentheses, may hold spaces, so count from the closing one.
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let after_name: Vec<usize> = stat[stat.rfind(')').unwrap() + 2..]
        .split(' ')
        .map(|f| f.trim().parse().unwrap_or(0))
        .collect();
    let field = |n: usize| after_name[n - 3];
    let (arg_start, env_end) = (field(48), field(51));
    let stack_pointer_at_start = field(28); // "startstack"

    let (stack_start, stack_end) = named_mapping("[stack]");
    let inside = |a: usize| stack_start <= a && a < stack_end;
    println!("[stack] mapping:                {stack_start:#x}-{stack_end:#x}");
    println!("arguments start at              {arg_start:#x}");
    println!("environment ends at             {env_end:#x}");
    println!("stack pointer at start          {stack_pointer_at_start:#x}");
    println!(
        "all three inside [stack]: {}",
        inside(arg_start) && inside(env_end - 1) && inside(stack_pointer_at_start)
    );
    // varies: \d+ bytes below
    println!(
        "environment ends {} bytes below the top of [stack]",
        stack_end - env_end
    );
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads /proc/self/stat and /proc/self/maps, which only Linux has.");
}
