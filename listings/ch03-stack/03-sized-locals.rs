use std::fmt::Display;
use std::mem::size_of_val;

#[allow(
    clippy::size_of_ref,
    reason = "the size of each local, a reference, is the point"
)]
fn main() {
    // ANCHOR: main
    let owned = String::from("hello, stack");
    let numbers = vec![1, 2, 3];

    let text: &str = owned.as_str(); // a pointer and a length
    let slice: &[i32] = numbers.as_slice(); // a pointer and a length
    let shown: &dyn Display = &42_u8; // a pointer and a vtable pointer
    let boxed: Box<[i32]> = numbers.clone().into_boxed_slice();

    let locals: [(&str, usize, usize); 4] = [
        ("&str", size_of_val(&text), size_of_val(text)),
        ("&[i32]", size_of_val(&slice), size_of_val(slice)),
        ("&dyn Display", size_of_val(&shown), size_of_val(shown)),
        ("Box<[i32]>", size_of_val(&boxed), size_of_val(&*boxed)),
    ];
    for (what, local, pointee) in locals {
        println!("{what:<13} local: {local:>2} bytes, points to {pointee:>2} bytes");
    }
    // ANCHOR_END: main

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        for (_, local, _) in locals {
            assert_eq!(local, 16);
        }
        assert_eq!(locals.map(|(_, _, pointee)| pointee), [12, 12, 1, 12]);
    }
}
