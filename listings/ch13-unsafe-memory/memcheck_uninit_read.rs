// Broken on purpose: never run on its own, only under valgrind's memcheck.
// `no_main` (Listing 5-7) keeps the report short: no start-up frames under `main`.
#![no_main]
/// As in chapter 7's `repr(C)` structs: 3 bytes of padding follow `a`.
#[repr(C)]
struct Padded {
    a: u8,
    b: u32,
}

#[unsafe(no_mangle)]
extern "C" fn main() -> i32 {
    let value = Padded { a: 1, b: 2 };
    let first = (&raw const value).cast::<u8>();
    // SAFETY: none. Byte 1 is padding, which nobody initializes: reading it as a u8 is
    // undefined behaviour. This listing does it on purpose, for memcheck to see.
    let padding = unsafe { first.add(1).read() };
    if padding == 0 {
        println!("the padding byte is 0");
    } else {
        println!("the padding byte is not 0");
    }
    println!("a = {}, b = {}", value.a, value.b);
    0
}
