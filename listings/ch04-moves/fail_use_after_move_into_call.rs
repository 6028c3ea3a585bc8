fn consume(text: String) -> usize {
    text.len()
}

fn main() {
    let s = String::from("hello");
    let n = consume(s);
    println!("{n} bytes in {s}");
}
