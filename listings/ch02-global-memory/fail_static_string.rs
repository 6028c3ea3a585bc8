// A static's value is computed by the compiler, so it may only call `const fn`s.
static GREETING: String = String::from("hello");

fn main() {
    println!("{GREETING}");
}
