use std::fmt::Display;

fn main() {
    let boxed: Box<dyn Display> = Box::new(42_u8);
    let _shown: dyn Display = *boxed;
}
