// needs: linux: reads VmSize and VmRSS from /proc/self/status
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::io::Read;

/// `VmSize` (virtual) and `VmRSS` (resident) of this process, in KiB, from
/// `/proc/self/status`. The buffer is reused so reading allocates nothing new.
fn sizes_kib(buf: &mut String) -> (i64, i64) {
    buf.clear();
    let mut file = std::fs::File::open("/proc/self/status").expect("needs Linux's /proc");
    file.read_to_string(buf).unwrap();
    let field = |name: &str| -> i64 {
        let line = buf.lines().find(|l| l.starts_with(name)).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    };
    (field("VmSize:"), field("VmRSS:"))
}

/// The size of the kernel's pages, in bytes, from `KernelPageSize` in `/proc/self/smaps`.
fn page_size() -> usize {
    let smaps = std::fs::read_to_string("/proc/self/smaps").expect("needs Linux's /proc");
    let line = smaps
        .lines()
        .find(|l| l.starts_with("KernelPageSize:"))
        .unwrap();
    let kib: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

// ANCHOR: main
const GIB: usize = 1 << 30;
const PAGE: usize = 4096;

// ANCHOR_END: main
#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    let mut buf = String::with_capacity(8192);
    sizes_kib(&mut buf); // a first read, so the buffer itself is resident
    let (virt0, res0) = sizes_kib(&mut buf);

    // Ask for 1 GiB: the allocator maps it, nobody has touched it yet.
    let mut big: Vec<u8> = Vec::with_capacity(GIB);
    let (virt1, res1) = sizes_kib(&mut buf);

    // Write one byte into each of the first 4096 pages (16 MiB).
    for page in big.spare_capacity_mut().chunks_mut(PAGE).take(4096) {
        page[0].write(1);
    }
    let (virt2, res2) = sizes_kib(&mut buf);

    // varies: resident [+-]\d+ KiB
    println!(
        "with_capacity(1 GiB):          virtual {:+} KiB, resident {:+} KiB",
        virt1 - virt0,
        res1 - res0
    );
    println!(
        "touching 4096 pages (16 MiB):  virtual {:+} KiB, resident {:+} KiB",
        virt2 - virt1,
        res2 - res1
    );
    assert!(virt1 - virt0 >= 1 << 20, "the whole GiB is mapped at once");
    assert!(
        res1 - res0 < 1 << 10,
        "but less than 1 MiB of it is resident"
    );
    if cfg!(target_arch = "x86_64") {
        assert_eq!(page_size(), PAGE, "pages are 4 KiB on x86_64");
    }
    drop(big);
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads /proc/self/status, which only Linux has.");
}
