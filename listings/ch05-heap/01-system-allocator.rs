use std::alloc::{GlobalAlloc, Layout, System};

fn main() {
    // ANCHOR: main
    // A Layout is a request: how many bytes, aligned to what.
    let four_words = Layout::new::<[u64; 4]>();
    let page = Layout::from_size_align(4096, 4096).unwrap();

    for layout in [four_words, page] {
        // SAFETY: the layout's size is not zero.
        let ptr = unsafe { System.alloc(layout) };
        assert!(!ptr.is_null(), "out of memory");
        // SAFETY: `ptr` points to `layout.size()` bytes that we own until `dealloc`.
        unsafe { ptr.write_bytes(0xAB, layout.size()) };
        let aligned = ptr.addr() % layout.align() == 0;
        println!(
            "size {:>4}, align {:>4}: got {ptr:p}, aligned: {aligned}",
            layout.size(),
            layout.align()
        );
        assert!(aligned);
        // SAFETY: `ptr` came from `System.alloc` with this same layout.
        unsafe { System.dealloc(ptr, layout) };
    }
    // ANCHOR_END: main

    assert_eq!((four_words.size(), four_words.align()), (32, 8));
}
