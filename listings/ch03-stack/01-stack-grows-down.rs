use std::hint::black_box;

// ANCHOR: main
/// Records where one of its locals lives, then calls itself one level deeper.
#[inline(never)]
fn descend(level: usize, seen: &mut [*const u64; 4]) {
    let local: u64 = level as u64;
    seen[level] = black_box(&raw const local);
    if level + 1 < seen.len() {
        descend(level + 1, seen);
    }
}

fn main() {
    let mut seen = [std::ptr::null(); 4];
    descend(0, &mut seen);

    println!("level 0: local at {:p}", seen[0]);
    for level in 1..seen.len() {
        let below = seen[level - 1].addr() - seen[level].addr();
        println!(
            "level {level}: local at {:p}, {below} bytes below level {}",
            seen[level],
            level - 1
        );
    }
    // ANCHOR_END: main

    // Each call's frame sits at a lower address than its caller's.
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert!(seen.windows(2).all(|pair| pair[1] < pair[0]));
    }
}
