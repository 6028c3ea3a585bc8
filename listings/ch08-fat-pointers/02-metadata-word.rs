// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::fmt::Debug;
use std::mem::{size_of_val, transmute};

// ANCHOR: main
// A fat pointer is two words. The language does not promise their order, so every
// split below is checked against what the safe API says (`as_ptr`, `len`).
fn split_slice(s: &[u16]) -> [usize; 2] {
    // SAFETY: both types are two words of plain data; we only read the integers.
    unsafe { transmute::<&[u16], [usize; 2]>(s) }
}

fn split_str(s: &str) -> [usize; 2] {
    // SAFETY: as above.
    unsafe { transmute::<&str, [usize; 2]>(s) }
}

fn split_dyn(d: &dyn Debug) -> [usize; 2] {
    // SAFETY: as above.
    unsafe { transmute::<&dyn Debug, [usize; 2]>(d) }
}

fn main() {
    let numbers: [u16; 5] = [10, 20, 30, 40, 50];
    let all: &[u16] = &numbers;
    let middle: &[u16] = &numbers[1..4];
    let [all_data, all_len] = split_slice(all);
    let [mid_data, mid_len] = split_slice(middle);
    assert_eq!([all_data, all_len], [all.as_ptr() as usize, all.len()]);
    assert_eq!(
        [mid_data, mid_len],
        [middle.as_ptr() as usize, middle.len()]
    );
    println!("&numbers[..]:   data {all_data:#x}, metadata {all_len}");
    println!("&numbers[1..4]: data {mid_data:#x}, metadata {mid_len}");
    println!("  data moved by {} bytes", mid_data - all_data);
    println!("  size_of_val(middle) = {} bytes", size_of_val(middle));

    let text: &str = "héllo";
    let [text_data, text_len] = split_str(text);
    assert_eq!([text_data, text_len], [text.as_ptr() as usize, text.len()]);
    println!("\"héllo\":        data {text_data:#x}, metadata {text_len}");
    println!("  {} chars, {} bytes", text.chars().count(), text.len());

    let x: u32 = 7;
    let shown: &dyn Debug = &x;
    let [dyn_data, dyn_meta] = split_dyn(shown);
    assert_eq!(dyn_data, &x as *const u32 as usize);
    println!("&x as &dyn Debug: data {dyn_data:#x}, metadata {dyn_meta:#x}");
    println!("  data == &x: {}", dyn_data == &x as *const u32 as usize);

    let boxed: Box<dyn Debug> = Box::new(x);
    let [box_data, box_meta] = split_dyn(&*boxed);
    println!("Box::new(x) as Box<dyn Debug>: data {box_data:#x}, metadata {box_meta:#x}");
}
// ANCHOR_END: main
