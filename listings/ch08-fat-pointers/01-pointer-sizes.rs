// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::fmt::Display;
use std::mem::size_of;
use std::rc::Rc;

// ANCHOR: main
macro_rules! row {
    ($t:ty, $expected:expr) => {{
        let size = size_of::<$t>();
        let words = size / size_of::<usize>();
        println!("{:<24} {size:>4} {words:>6}", stringify!($t));
        if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
            assert_eq!(size, $expected, stringify!($t));
        }
    }};
}

fn main() {
    println!("{:<24} {:>4} {:>6}", "type", "size", "words");
    row!(&u64, 8);
    row!(&[u64; 4], 8);
    row!(&String, 8);
    row!(&[u64], 16);
    row!(&mut [u8], 16);
    row!(&str, 16);
    row!(&dyn Display, 16);
    row!(Box<u64>, 8);
    row!(Box<[u64]>, 16);
    row!(Box<str>, 16);
    row!(Box<dyn Display>, 16);
    row!(Rc<dyn Display>, 16);
    row!(*const u64, 8);
    row!(*const [u64], 16);
    row!(*const dyn Display, 16);
    row!(Option<&dyn Display>, 16);
    row!(String, 24);
}
// ANCHOR_END: main
