// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::mem::{size_of, size_of_val};

struct Point {
    x: u64,
    y: u64,
    name: String,
}

fn main() {
    // ANCHOR: main
    let mut p = Point {
        x: 3,
        y: 4,
        name: String::from("corner"),
    };
    let point_size = size_of::<Point>();

    // Uses two fields: captures `&p.x` and `&p.y`, not `&p`.
    let sum = || p.x + p.y;
    let sum_size = size_of_val(&sum);
    println!("sum() = {}", sum());

    // Moves one field: only `p.name` goes into the closure.
    let take_name = move || p.name;
    let take_size = size_of_val(&take_name);

    // The rest of `p` is still ours: we can read it and even change it.
    p.x += 10;
    println!("after the move, p.x = {}, p.y = {}", p.x, p.y);
    println!("take_name() = {:?}", take_name());

    println!("size_of::<Point>()  {point_size:>2} bytes");
    println!("|| p.x + p.y        {sum_size:>2} bytes");
    println!("move || p.name      {take_size:>2} bytes");
    // ANCHOR_END: main

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(point_size, 40);
        assert_eq!(sum_size, 16);
        assert_eq!(take_size, 24);
    }
}
