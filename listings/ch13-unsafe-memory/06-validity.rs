// memcheck: clean
use std::num::NonZeroU8;

fn main() {
    // ANCHOR: main
    // A bool is the byte 0 or 1. Any other byte is not a bool: check, then convert.
    for byte in [0_u8, 1, 2] {
        let as_bool = match byte {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        };
        println!("byte {byte} as bool: {as_bool:?}");
    }
    // A char is at most 0x10FFFF and not a surrogate (0xD800..=0xDFFF).
    for code in [0x41_u32, 0xD800, 0x11_0000] {
        println!("{code:#x} as char: {:?}", char::from_u32(code));
    }
    println!("0 as NonZeroU8: {:?}", NonZeroU8::new(0));

    // A reference must be non-null and aligned, and point to a valid value.
    let words = [0_u32; 2];
    let misaligned = (&raw const words)
        .cast::<u8>()
        .wrapping_add(1)
        .cast::<u32>();
    println!(
        "words + 1 byte, aligned for u32: {}",
        misaligned.is_aligned()
    );

    // Why the compiler cares: it stores Option<bool>'s None in the byte 2,
    // a value no bool may take (chapter 7's niches).
    let none: Option<bool> = None;
    // SAFETY: an Option<bool> is one initialized byte, readable as a u8.
    let stored = unsafe { (&raw const none).cast::<u8>().read() };
    println!("Option::<bool>::None is stored as the byte {stored}");
    // ANCHOR_END: main

    assert_eq!(stored, 2);
    assert!(!misaligned.is_aligned());
}
