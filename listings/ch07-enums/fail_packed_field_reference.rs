#[repr(C, packed)]
struct Packed {
    a: u8,
    b: u32,
    c: u8,
}

fn main() {
    let p = Packed { a: 1, b: 2, c: 3 };
    let copied = p.b; // fine: copies the (unaligned) field
    let borrowed = &p.b; // refused: a &u32 must be 4-aligned
    println!("{} {copied} {borrowed} {}", p.a, p.c);
}
