fn main() {
    // ANCHOR: main
    let big = [7_u8; 4096];
    let moved = big; // an array is Copy, but a move would copy the same 4096 bytes
    let boxed = Box::new([7_u8; 4096]);
    let boxed_moved = boxed; // copies the 8-byte pointer; the 4096 bytes stay put

    let (from, to) = (&raw const big as usize, &raw const moved as usize);
    println!(
        "array: {} bytes, copied to an address {} bytes away",
        size_of_val(&big),
        from.abs_diff(to)
    );
    println!(
        "Box:   {} bytes on the stack, pointing to {:p}",
        size_of_val(&boxed_moved),
        &raw const *boxed_moved
    );
    // ANCHOR_END: main
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(size_of_val(&boxed_moved), 8);
    }
}
