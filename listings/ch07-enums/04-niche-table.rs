use std::cmp::Ordering;
use std::mem::size_of;
use std::num::NonZeroU32;
use std::ptr::NonNull;

// ANCHOR: main
/// Prints one row: the wrapper's size, its largest payload's size, the difference.
/// No extra bytes means a niche: a bit pattern the payload never uses.
macro_rules! row {
    ($wrapper:ty, $payload:ty, $expected:expr) => {
        print_row(
            stringify!($wrapper),
            size_of::<$wrapper>(),
            size_of::<$payload>(),
            $expected,
        )
    };
}

fn print_row(name: &str, size: usize, payload: usize, expected: usize) {
    let extra = size - payload;
    let how = if extra == 0 { "niche" } else { "tag" };
    println!("{name:<25} {size:>4} {payload:>7} {extra:>5}   {how}");
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(size, expected, "{name}");
    }
}

fn main() {
    println!("type                      size payload extra   how");
    row!(Option<&u8>, &u8, 8);
    row!(Option<Box<u8>>, Box<u8>, 8);
    row!(Option<NonNull<u8>>, NonNull<u8>, 8);
    row!(Option<*const u8>, *const u8, 16);
    row!(Option<fn()>, fn(), 8);
    row!(Option<&[u8]>, &[u8], 16);
    row!(Option<Vec<u8>>, Vec<u8>, 24);
    row!(Option<String>, String, 24);
    row!(Option<NonZeroU32>, NonZeroU32, 4);
    row!(Option<u32>, u32, 8);
    row!(Option<u8>, u8, 2);
    row!(Option<f64>, f64, 16);
    row!(Option<u128>, u128, 32);
    row!(Option<bool>, bool, 1);
    row!(Option<Option<bool>>, Option<bool>, 1);
    row!(Option<Ordering>, Ordering, 1);
    row!(Option<char>, char, 4);
    row!(Option<()>, (), 1);
    row!(Option<Option<u32>>, Option<u32>, 8);
    row!(Result<u32, ()>, u32, 8);
    row!(Result<(), Box<u8>>, Box<u8>, 8);
    row!(Result<Vec<u8>, String>, Vec<u8>, 32);
}
// ANCHOR_END: main
