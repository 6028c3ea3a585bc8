fn main() {
    let original = String::from("copy me");
    let cloneable: &dyn Clone = &original; // clone() returns Self, by value
    println!("{}", std::mem::size_of_val(cloneable));
}
