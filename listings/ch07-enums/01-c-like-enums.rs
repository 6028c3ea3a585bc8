#![allow(dead_code, reason = "most variants exist only to be measured")]
use std::mem::{align_of, size_of};

// ANCHOR: main
enum Switch {
    Off, // discriminant 0
    On,  // discriminant 1
}

enum HttpStatus {
    Ok = 200,
    NotFound = 404,
}

enum FitsAByte {
    Low = 0,
    High = 255,
}

enum NeedsTwo {
    Low = 0,
    High = 256,
}

enum Signed {
    Minus = -1,
    Plus = 1,
}

#[allow(
    clippy::enum_clike_unportable_variant,
    reason = "1 << 40 fits in isize only on 64-bit targets"
)]
enum Huge {
    Small = 0,
    Big = 1 << 40,
}

#[repr(u8)]
enum ByteStatus {
    Ok = 200,
    Created = 201,
}

#[repr(u32)]
enum WideSwitch {
    Off,
    On,
}

enum Single {
    Only,
}

fn row<T>(name: &str, expected_size: usize) {
    println!("{name:<42} {:>4} {:>5}", size_of::<T>(), align_of::<T>());
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(size_of::<T>(), expected_size, "{name}");
    }
}

fn main() {
    println!("{:<42} {:>4} {:>5}", "enum", "size", "align");
    row::<Switch>("Switch { Off, On }", 1);
    row::<HttpStatus>("HttpStatus { Ok = 200, NotFound = 404 }", 2);
    row::<FitsAByte>("FitsAByte { Low = 0, High = 255 }", 1);
    row::<NeedsTwo>("NeedsTwo { Low = 0, High = 256 }", 2);
    row::<Signed>("Signed { Minus = -1, Plus = 1 }", 1);
    row::<Huge>("Huge { Small = 0, Big = 1 << 40 }", 8);
    row::<ByteStatus>("#[repr(u8)] ByteStatus { Ok = 200, .. }", 1);
    row::<WideSwitch>("#[repr(u32)] WideSwitch { Off, On }", 4);
    row::<Single>("Single { Only }", 0);

    // A field-less enum converts to its discriminant with `as`.
    println!();
    let on = Switch::On as u8;
    let not_found = HttpStatus::NotFound as u16;
    let created = ByteStatus::Created as u8;
    println!("Switch::On as u8            = {on}");
    println!("HttpStatus::NotFound as u16 = {not_found}");
    println!("ByteStatus::Created as u8   = {created}");
}
// ANCHOR_END: main
