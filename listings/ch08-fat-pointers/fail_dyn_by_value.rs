use std::fmt::Display;

fn main() {
    let boxed: Box<dyn Display> = Box::new(42_u32);
    let value: dyn Display = *boxed; // which type, and so which size?
    println!("{}", &value);
}
