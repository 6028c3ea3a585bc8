// lib: lib_counting.rs
// The same cases as Listing 12-1, with the counting allocator in a library crate.
// ANCHOR: main

fn main() {
    use counting::requests;

    let before = requests();
    let boxed = Box::new(42_u64);
    drop(boxed); // created and dropped at once
    let boxed_heap = since(before);

    let before = requests();
    #[allow(clippy::useless_vec, reason = "the allocation is what we measure")]
    let sum: u64 = vec![1_u64, 2, 3, 4].iter().sum();
    let summed_heap = since(before);

    let before = requests();
    let mut filled = Vec::with_capacity(4);
    for i in 0..4_u64 {
        filled.push(i);
    }
    let filled_len = filled.len();
    drop(filled);
    let filled_heap = since(before);

    let before = requests();
    let len = String::from("hello, heap").len();
    let string_heap = since(before);

    let before = requests();
    let mut pushed = Vec::new();
    for i in 0..100_u64 {
        pushed.push(i);
    }
    let count = pushed.len();
    drop(pushed);
    let pushed_heap = since(before);

    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("{build} build: requests counted by the library crate `counting`");
    for (what, [allocs, reallocs, bytes, deallocs]) in [
        ("Box::new(42_u64), dropped", boxed_heap),
        ("vec![1, 2, 3, 4] summed", summed_heap),
        ("with_capacity(4), 4 pushes", filled_heap),
        ("String::from(..).len()", string_heap),
        ("100 pushes onto a Vec<u64>", pushed_heap),
    ] {
        println!(
            "  {what:<27} {allocs} alloc, {reallocs} realloc, {bytes:>4} bytes, {deallocs} dealloc"
        );
    }
    println!("results: {sum}, {filled_len}, {len}, {count}");

    // Debug: every request counted. Release: the first four removed, counter and all.
    let first_four = [boxed_heap, summed_heap, filled_heap, string_heap].map(|h| h[0]);
    let expected = if cfg!(debug_assertions) { 1 } else { 0 };
    assert_eq!(first_four, [expected; 4]);
    assert_eq!(pushed_heap, [1, 5, 1024, 1]);
}

/// The requests made since `before`.
fn since(before: [usize; 4]) -> [usize; 4] {
    let now = counting::requests();
    std::array::from_fn(|i| now[i] - before[i])
}
// ANCHOR_END: main
