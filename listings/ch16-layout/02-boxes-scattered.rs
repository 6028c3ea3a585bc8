// per-platform: neighbours: [-0-9 ]+
// per-platform: \b\d+ lines\b

// ANCHOR: main
/// The distance, in bytes, from each address to the next one.
fn distances(addresses: &[usize]) -> Vec<isize> {
    addresses
        .windows(2)
        .map(|w| w[1] as isize - w[0] as isize)
        .collect()
}

/// How many 64-byte lines of memory hold at least one byte of `size` bytes at each address.
fn lines_touched(addresses: &[usize], size: usize) -> usize {
    let mut lines: Vec<usize> = addresses
        .iter()
        .flat_map(|&a| a / 64..=(a + size - 1) / 64)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines.len()
}

fn main() {
    let values: Vec<u64> = (0..1024).collect();
    let in_vec: Vec<usize> = values.iter().map(|v| v as *const u64 as usize).collect();

    let boxes: Vec<Box<u64>> = (0..1024).map(Box::new).collect();
    let in_boxes: Vec<usize> = boxes.iter().map(|b| &**b as *const u64 as usize).collect();

    // The same boxes, allocated while the program does other work that allocates too.
    let mut other_work = Vec::new();
    let mut mixed: Vec<Box<u64>> = Vec::new();
    for i in 0..1024 {
        mixed.push(Box::new(i));
        other_work.push(String::with_capacity(8 + (i as usize * 40) % 200));
        if i % 3 == 0 {
            other_work.swap_remove(other_work.len() / 2); // frees a block somewhere
        }
    }
    let in_mixed: Vec<usize> = mixed.iter().map(|b| &**b as *const u64 as usize).collect();

    for (what, addresses) in [
        ("Vec<u64>", &in_vec),
        ("Vec<Box<u64>>, in a row", &in_boxes),
        ("Vec<Box<u64>>, mixed", &in_mixed),
    ] {
        let first: Vec<String> = distances(&addresses[..9])
            .iter()
            .map(|d| d.to_string())
            .collect();
        println!("{what}: distances between neighbours: {}", first.join(" "));
    }
    // To read all 1,024 values, a loop loads every line that holds one.
    let pointers = |v: &Vec<Box<u64>>| v.as_ptr() as usize;
    let vec_lines = |v: &Vec<Box<u64>>| lines_touched(&[pointers(v)], 8 * v.len());
    println!("lines holding the 1,024 values:");
    println!(
        "  Vec<u64>                 {:>4} lines",
        lines_touched(&in_vec, 8)
    );
    println!(
        "  Vec<Box<u64>>, in a row  {:>4} lines (+ {} lines of pointers)",
        lines_touched(&in_boxes, 8),
        vec_lines(&boxes)
    );
    println!(
        "  Vec<Box<u64>>, mixed     {:>4} lines (+ {} lines of pointers)",
        lines_touched(&in_mixed, 8),
        vec_lines(&mixed)
    );
    // ANCHOR_END: main
    assert!(distances(&in_vec).iter().all(|&d| d == 8));
    assert!(lines_touched(&in_vec, 8) <= 129);
    drop(other_work);
}
