fn main() {
    let owned = String::from("hello, stack");
    let text: str = *owned.as_str();
    println!("{}", text.len());
}
