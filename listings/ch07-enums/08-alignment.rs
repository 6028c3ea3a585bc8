#![allow(dead_code, reason = "the fields are measured, never read")]
use std::mem::{align_of, size_of};

// ANCHOR: main
struct Tagged {
    tag: u8,
    value: u128,
}

#[repr(align(64))]
struct CacheLine {
    hits: u32,
}

macro_rules! row {
    ($t:ty, $size:expr, $align:expr) => {{
        let (size, align) = (size_of::<$t>(), align_of::<$t>());
        println!("{:<12} {size:>4} {align:>6}", stringify!($t));
        assert_eq!(size % align, 0, "size is a multiple of align");
        if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
            assert_eq!((size, align), ($size, $align), stringify!($t));
        }
    }};
}

fn main() {
    println!("type         size  align");
    row!(u8, 1, 1);
    row!(u16, 2, 2);
    row!(u32, 4, 4);
    row!(u64, 8, 8);
    row!(u128, 16, 16);
    row!(i128, 16, 16);
    row!(f64, 8, 8);
    row!(bool, 1, 1);
    row!(char, 4, 4);
    row!(usize, 8, 8);
    row!(&u8, 8, 8);
    row!([u8; 3], 3, 1);
    row!([u32; 3], 12, 4);
    row!((u8, u16), 4, 2);
    row!(Tagged, 32, 16);
    row!(CacheLine, 64, 64);
}
// ANCHOR_END: main
