fn main() {
    // ANCHOR: main
    let s = String::from("hello");
    let header_s = &raw const s;
    let buffer_s = s.as_ptr();
    println!(
        "String header: {} bytes (pointer, capacity, length)",
        size_of::<String>()
    );
    println!("s: header at {header_s:p}, buffer at {buffer_s:p}");

    let t = s; // the move
    let header_t = &raw const t;
    let buffer_t = t.as_ptr();
    println!("t: header at {header_t:p}, buffer at {buffer_t:p}");

    println!("same header address? {}", header_s == header_t);
    println!("same buffer address? {}", buffer_s == buffer_t);
    // ANCHOR_END: main
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(size_of::<String>(), 24);
    }
    assert_eq!(buffer_s, buffer_t, "a move never touches the heap buffer");
}
