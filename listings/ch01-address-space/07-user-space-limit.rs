// needs: linux: calls the C library's mmap with Linux's flags, and reads /proc/self/maps
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::ffi::c_void;

// The C library's `mmap` and `munmap`, which every Rust program on Linux links.
#[cfg(target_os = "linux")]
unsafe extern "C" {
    fn mmap(addr: *mut c_void, len: usize, prot: i32, flags: i32, fd: i32, off: i64)
    -> *mut c_void;
    fn munmap(addr: *mut c_void, len: usize) -> i32;
}
const PROT_NONE: i32 = 0;
const MAP_PRIVATE: i32 = 0x02;
const MAP_ANONYMOUS: i32 = 0x20;
const MAP_FIXED_NOREPLACE: i32 = 0x10_0000;
const EEXIST: i32 = 17;
const PAGE: usize = 4096;

/// A size in the largest binary unit that keeps it at 1 or more.
fn human(bytes: usize) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < units.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", units[unit])
}

#[cfg(target_os = "linux")]
// ANCHOR: main
/// Whether the page at `addr` belongs to user space: either something is already
/// mapped there, or the kernel agrees to map an inaccessible page exactly there.
fn in_user_space(addr: usize) -> bool {
    let flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE;
    // SAFETY: asks for a new page only where nothing is mapped, and unmaps it at once.
    let got = unsafe { mmap(addr as *mut c_void, PAGE, PROT_NONE, flags, -1, 0) };
    if got as isize == -1 {
        return std::io::Error::last_os_error().raw_os_error() == Some(EEXIST);
    }
    // SAFETY: `got` is the page just mapped, used by nothing.
    unsafe { munmap(got, PAGE) };
    got as usize == addr
}

// ANCHOR_END: main
#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    let stack_line = maps.lines().find(|l| l.ends_with("[stack]")).unwrap();
    let (_, end) = stack_line
        .split(' ')
        .next()
        .unwrap()
        .split_once('-')
        .unwrap();
    let stack_end = usize::from_str_radix(end, 16).unwrap();

    // Binary search between the stack (user space) and 2^57 (beyond any x86_64 limit).
    let (mut low, mut high) = (stack_end - PAGE, 1_usize << 57);
    while high - low > PAGE {
        let middle = (low + (high - low) / 2) & !(PAGE - 1);
        if in_user_space(middle) {
            low = middle;
        } else {
            high = middle;
        }
    }
    let lowest = std::fs::read_to_string("/proc/sys/vm/mmap_min_addr").unwrap();

    // varies: \d+\.\d (bytes|[KMGTP]iB)
    // varies: starts at +\d+
    println!(
        "user space starts at    {} (vm.mmap_min_addr)",
        lowest.trim()
    );
    println!("the stack ends at       {stack_end:#x}");
    println!("user space ends at      {high:#x} ({})", human(high));
    println!("room above the stack:   {}", human(high - stack_end));
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing calls mmap with Linux's flags and reads /proc/self/maps: Linux only.");
}
