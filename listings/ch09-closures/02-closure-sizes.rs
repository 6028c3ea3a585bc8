// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::mem::size_of_val;

fn main() {
    // ANCHOR: main
    let a: u64 = 1;
    let b: u64 = 2;
    let small: u8 = 3;
    let label = String::from("sum");

    let no_capture = || 40 + 2;
    let one_ref = || a + 1;
    let two_refs = || a + b;
    let move_two = move || a + b;
    let move_mixed = move || a + u64::from(small);
    let move_string = move || label.len();

    let sizes = [
        ("no capture", size_of_val(&no_capture)),
        ("borrows a", size_of_val(&one_ref)),
        ("borrows a and b", size_of_val(&two_refs)),
        ("move: copies a and b", size_of_val(&move_two)),
        ("move: copies a and small", size_of_val(&move_mixed)),
        ("move: takes the String", size_of_val(&move_string)),
    ];
    for (what, size) in sizes {
        println!("{what:<25} {size:>2} bytes");
    }
    // ANCHOR_END: main

    // Call them all, so each one is a real, used closure.
    assert_eq!(no_capture() + one_ref() + two_refs() + move_two(), 50);
    assert_eq!(move_mixed(), 4);
    assert_eq!(move_string(), 3);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        let expected = [0, 8, 16, 16, 16, 24];
        assert_eq!(sizes.map(|(_, size)| size), expected);
    }
}
