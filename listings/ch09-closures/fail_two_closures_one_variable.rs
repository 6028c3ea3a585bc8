fn main() {
    let mut step = |x: u32| x + 1;
    println!("{}", step(1));
    step = |x: u32| x + 1; // the same code, written a second time
    println!("{}", step(1));
}
