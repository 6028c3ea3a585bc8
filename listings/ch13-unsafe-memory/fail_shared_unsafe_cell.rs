use std::cell::UnsafeCell;

struct Counter {
    hits: UnsafeCell<u64>,
}

static COUNTER: Counter = Counter {
    hits: UnsafeCell::new(0),
};

fn main() {
    println!("the counter lives at {:p}", COUNTER.hits.get());
}
