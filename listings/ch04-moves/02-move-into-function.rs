fn take(text: String) -> usize {
    // `text` is a new variable in a new stack frame: the header was copied into it.
    println!(
        "in take: header at {:p}, buffer at {:p}",
        &raw const text,
        text.as_ptr()
    );
    text.len()
} // `text` goes out of scope here: the String is dropped and its buffer freed.

fn main() {
    // ANCHOR: main
    let s = String::from("moved into a call");
    println!(
        "in main: header at {:p}, buffer at {:p}",
        &raw const s,
        s.as_ptr()
    );
    let len = take(s);
    println!("take returned {len}");
    // ANCHOR_END: main
}
