use std::rc::Rc;
use std::thread;

fn main() {
    let shared = Rc::new(0_u64);
    let handle = thread::spawn(move || println!("{shared}"));
    handle.join().unwrap();
}
