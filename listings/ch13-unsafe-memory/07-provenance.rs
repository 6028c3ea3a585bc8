// memcheck: clean
// varies: same address: (true|false)
use std::ptr;

fn main() {
    // ANCHOR: main
    let a = [10_u8, 11, 12, 13];
    let b = [20_u8, 21, 22, 23];
    let p = a.as_ptr(); // an address, and the permission to access `a`
    let addr = p.addr(); // the address alone, as a usize

    // with_addr keeps p's provenance: this pointer may read a[2].
    // SAFETY: addr + 2 is inside `a`, which p may access.
    let third = unsafe { p.with_addr(addr + 2).read() };
    println!("p.with_addr(addr + 2) reads {third}");

    // The same address without provenance: it compares equal, and may not be read.
    let bare = ptr::without_provenance::<u8>(addr + 2);
    println!(
        "bare == p.with_addr(addr + 2): {}",
        bare == p.with_addr(addr + 2)
    );

    // One past the end of `a`: a valid pointer to compute, never to read through.
    let end = p.wrapping_add(a.len());
    println!("a's end, {} bytes after a's start", end.addr() - addr);
    // Another array may start there; `end` still has only `a`'s permission.
    println!("a's end, b's start: same address: {}", end == b.as_ptr());

    // An integer whose provenance was exposed can become a usable pointer again.
    let exposed = p.expose_provenance();
    let back = ptr::with_exposed_provenance::<u8>(exposed + 3);
    // SAFETY: the provenance of `a` was exposed, and exposed + 3 is inside `a`.
    println!("with_exposed_provenance(exposed + 3) reads {}", unsafe {
        back.read()
    });
    // ANCHOR_END: main

    assert_eq!(third, 12);
    assert_eq!(b[0], 20);
}
