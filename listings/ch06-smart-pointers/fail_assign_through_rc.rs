use std::rc::Rc;

fn main() {
    let counter = Rc::new(0_u64);
    *counter += 1;
    println!("{counter}");
}
