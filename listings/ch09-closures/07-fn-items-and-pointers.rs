// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::mem::{size_of, size_of_val};

fn double(x: u32) -> u32 {
    x * 2
}

fn triple(x: u32) -> u32 {
    x * 3
}

type Op = fn(u32) -> u32;

fn main() {
    // ANCHOR: main
    // A function item: the name `double` has its own zero-sized type.
    let item = double;
    // A function pointer: a value that can hold the address of any `fn(u32) -> u32`.
    let mut pointer: fn(u32) -> u32 = double;
    let first = pointer(5);
    pointer = triple;
    // A closure that captures nothing coerces to a function pointer too.
    let from_closure: fn(u32) -> u32 = |x| x + 100;

    let sizes = [
        ("function item `double`", size_of_val(&item)),
        ("fn(u32) -> u32 pointer", size_of_val(&pointer)),
        ("Option<fn(u32) -> u32>", size_of::<Option<Op>>()),
        ("closure as fn pointer", size_of_val(&from_closure)),
    ];
    for (what, size) in sizes {
        println!("{what:<24} {size} bytes");
    }
    let results = [item(5), first, pointer(5), from_closure(5)];
    println!("results: {results:?}");
    // ANCHOR_END: main

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(sizes.map(|(_, size)| size), [0, 8, 8, 8]);
    }
}
