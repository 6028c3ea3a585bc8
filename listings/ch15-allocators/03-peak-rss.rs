// needs: linux: reads VmRSS and VmHWM from /proc/self/status
use std::hint::black_box;

/// `VmRSS` (resident now) and `VmHWM` (the peak so far) of this process, in KiB.
#[cfg(target_os = "linux")]
fn resident() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let field = |name: &str| -> u64 {
        let line = status.lines().find(|l| l.starts_with(name)).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    };
    (field("VmRSS:"), field("VmHWM:"))
}

// ANCHOR: main
#[cfg(target_os = "linux")]
fn main() {
    const SIZE: usize = 64 << 20; // 64 MiB
    let start = resident();
    let show = |what: &str| {
        let (rss, hwm) = resident();
        let mib = |now: u64, then: u64| ((now as f64 - then as f64) / 1024.0).round() as i64;
        println!(
            "{what:<34} resident {:>+4} MiB, peak {:>+4} MiB",
            mib(rss, start.0),
            mib(hwm, start.1)
        );
    };

    let mut zeroed = vec![0_u8; SIZE]; // alloc_zeroed: fresh pages from the kernel
    show("vec![0_u8; 64 MiB]");
    for page in zeroed.chunks_mut(4096) {
        page[0] = 1; // the first write to a page makes it resident
    }
    show("after writing one byte per 4 KiB");
    drop(black_box(zeroed));
    show("after drop");
    let filled = vec![1_u8; SIZE]; // every byte written
    show("vec![1_u8; 64 MiB]");
    drop(black_box(filled));
    show("after drop");
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    println!("this listing reads /proc/self/status, which only Linux has");
}
