fn main() {
    let s = String::from("hello");
    let first_word = &s[..1];
    let t = s;
    println!("{first_word} {t}");
}
