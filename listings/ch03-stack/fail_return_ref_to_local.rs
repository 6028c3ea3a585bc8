fn make_greeting() -> &'static str {
    let greeting = String::from("built at run time");
    &greeting
}

fn main() {
    println!("{}", make_greeting());
}
