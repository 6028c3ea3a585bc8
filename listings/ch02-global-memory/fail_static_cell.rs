use std::cell::Cell;

// Every thread can reach a static, so its type must be `Sync`. `Cell` is not.
static HITS: Cell<u64> = Cell::new(0);

fn main() {
    HITS.set(HITS.get() + 1);
    println!("{}", HITS.get());
}
