static LIMIT: u64 = 100;

fn main() {
    LIMIT = 200; // a static without `mut` may live in read-only memory
    println!("{LIMIT}");
}
