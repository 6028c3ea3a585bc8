fn main() {
    let s = String::from("hello");
    let t = s;
    println!("{t} and {s}");
}
