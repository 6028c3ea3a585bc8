#![feature(alloc)]

extern crate alloc;

fn main() {
    let squares: alloc::vec::Vec<u64> = alloc::vec![1, 4, 9];
    println!("{squares:?}");
}
