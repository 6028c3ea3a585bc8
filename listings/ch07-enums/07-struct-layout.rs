#![allow(dead_code, reason = "the fields are measured, never read")]
use std::mem::{align_of, offset_of, size_of};

// ANCHOR: main
struct RustLayout {
    a: u8,
    b: u32,
    c: u8,
}

#[repr(C)]
struct CLayout {
    a: u8,
    b: u32,
    c: u8,
}

#[repr(C, packed)]
struct Packed {
    a: u8,
    b: u32,
    c: u8,
}

macro_rules! layout {
    ($t:ty) => {{
        let offsets = [offset_of!($t, a), offset_of!($t, b), offset_of!($t, c)];
        println!(
            "{:<10} size {:>2}  align {}  offsets a={} b={} c={}",
            stringify!($t),
            size_of::<$t>(),
            align_of::<$t>(),
            offsets[0],
            offsets[1],
            offsets[2],
        );
        (size_of::<$t>(), offsets)
    }};
}

fn main() {
    let rust = layout!(RustLayout);
    let c = layout!(CLayout);
    let packed = layout!(Packed);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(rust, (8, [4, 0, 5])); // reordered: b first, then a and c
        assert_eq!(c, (12, [0, 4, 8])); // declaration order, 6 bytes of padding
        assert_eq!(packed, (6, [0, 1, 5])); // no padding, b misaligned
    }
}
// ANCHOR_END: main
