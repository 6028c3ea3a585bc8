fn main() {
    let greeting = String::from("hello, world");
    let word: str = greeting[0..5]; // a str by value: how many bytes?
    println!("{}", &word);
}
