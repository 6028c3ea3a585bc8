// varies: thread 'main' \(\d+\)
use std::cell::RefCell;

fn main() {
    // ANCHOR: main
    let log = RefCell::new(vec!["start"]);
    let reader = log.borrow();
    println!("reading {} entries", reader.len());
    log.borrow_mut().push("oops"); // `reader` is still alive: this panics
    println!("never printed: {}", reader.len());
    // ANCHOR_END: main
}
