fn steal(text: &String) -> String {
    *text
}

fn main() {
    let s = String::from("hello");
    println!("{}", steal(&s));
}
