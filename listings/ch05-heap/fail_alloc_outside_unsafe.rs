use std::alloc::{GlobalAlloc, Layout, System};

fn main() {
    let layout = Layout::new::<u64>();
    let ptr = System.alloc(layout);
    println!("{ptr:p}");
}
