fn main() {
    let bytes = [1_u8, 2, 3];
    let index = bytes.len();
    println!("reading element {index} of {}", bytes.len());
    println!("{}", bytes[index]);
}
