fn main() {
    let numbers = vec![1, 2, 3];
    let slice: [i32] = *numbers.as_slice();
    println!("{}", slice.len());
}
