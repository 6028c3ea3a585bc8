const fn percent(value: u32) -> u32 {
    assert!(value <= 100, "a percentage is at most 100");
    value
}

const DISCOUNT: u32 = percent(150); // evaluated by the compiler

fn main() {
    println!("{DISCOUNT}%");
}
