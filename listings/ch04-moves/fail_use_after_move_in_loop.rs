fn consume(text: String) -> usize {
    text.len()
}

fn main() {
    let s = String::from("hello");
    for _ in 0..2 {
        consume(s);
    }
}
