use std::hint::black_box;

// ANCHOR: main
/// 256 bytes, and not `Copy`: assigning it moves it.
struct Block {
    bytes: [u8; 256],
}

/// Reports where its parameter lives.
#[inline(never)]
fn take(block: Block) -> *const Block {
    black_box(&raw const block)
}

fn main() {
    let first = Block { bytes: [1; 256] };
    let at_first = black_box(&raw const first);
    let second = first; // a move: `first` can no longer be used
    let at_second = black_box(&raw const second);
    let in_callee = take(second);

    let boxed = Box::new(Block { bytes: [2; 256] });
    let (handle, contents) = (&raw const boxed, &raw const *boxed);
    let moved_box = boxed;
    let (new_handle, new_contents) = (&raw const moved_box, &raw const *moved_box);

    let new = |before: *const Block, after: *const Block| before != after;
    println!("first:            {at_first:p}");
    println!(
        "second:           {at_second:p}  moved: {}",
        new(at_first, at_second)
    );
    println!(
        "take's parameter: {in_callee:p}  moved: {}",
        new(at_second, in_callee)
    );
    println!("boxed:     handle {handle:p}, contents {contents:p}");
    println!("moved_box: handle {new_handle:p}, contents {new_contents:p}");
    println!("handle moved: {}", handle.addr() != new_handle.addr());
    println!("contents moved: {}", new(contents, new_contents));
    println!("first byte: {}", moved_box.bytes[0]);
    // ANCHOR_END: main

    if cfg!(debug_assertions) {
        // Each move copied the 256 bytes to a new place on the stack...
        assert!(at_first != at_second && at_second != in_callee);
        // ...while moving the Box copied its 8-byte handle, not the heap block.
        assert!(handle != new_handle);
    }
    assert_eq!(contents, new_contents);
}
