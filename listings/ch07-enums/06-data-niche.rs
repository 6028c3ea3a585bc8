#![allow(dead_code, reason = "the payloads are inspected through raw bytes")]
use std::mem::size_of;

// ANCHOR: main
enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

/// Reads word `index` (8 bytes on x86_64) of `value`.
///
/// # Safety
/// `T` must be 8-aligned and that word of `value` must be initialised.
unsafe fn word<T>(value: &T, index: usize) -> usize {
    assert!((index + 1) * size_of::<usize>() <= size_of::<T>());
    let words = (value as *const T).cast::<usize>();
    // SAFETY: in bounds (checked above), aligned and initialised (caller's promise).
    unsafe { words.add(index).read() }
}

fn main() {
    // Which of a Vec's three words is its capacity? Make the three values distinct.
    let mut probe: Vec<i32> = Vec::with_capacity(10);
    probe.extend([1, 2]);
    let mut cap_word = usize::MAX;
    for i in 0..3 {
        // SAFETY: a Vec is three initialised words: pointer, capacity, length.
        let w = unsafe { word(&probe, i) };
        let what = if w == probe.capacity() {
            cap_word = i;
            "capacity"
        } else if w == probe.len() {
            "length"
        } else if w == probe.as_ptr() as usize {
            "pointer"
        } else {
            unreachable!()
        };
        println!("Vec<i32> word {i}: {what}");
    }

    let values = [
        ("Data::Empty", Data::Empty),
        ("Data::Number(5)", Data::Number(5)),
        ("Data::Array(cap 10)", Data::Array(Vec::with_capacity(10))),
    ];
    println!();
    let mut niche_words = Vec::new();
    for (name, value) in &values {
        // SAFETY: every variant writes this word: it tells the variants apart.
        let niche_word = unsafe { word(value, cap_word) };
        println!("{name:<20} word {cap_word} = {niche_word:016x}");
        niche_words.push(niche_word);
    }
    println!("{:<20}        = {:016x}", "isize::MAX", isize::MAX);

    // Where did Number put its i32? Compare the field's address with the value's.
    let number = &values[1].1;
    if let Data::Number(n) = number {
        let offset = n as *const i32 as usize - number as *const Data as usize;
        println!("Data::Number's i32 is at byte offset {offset}");
    }
    println!(
        "Data: {} bytes, words of {} bytes",
        size_of::<Data>(),
        size_of::<usize>()
    );

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(niche_words, [1 << 63, (1 << 63) + 1, 10]);
        assert_eq!(size_of::<Data>(), 3 * size_of::<usize>());
    }
}
// ANCHOR_END: main
