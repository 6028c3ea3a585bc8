use std::rc::Rc;
use std::thread;

fn main() {
    let shared = Rc::new(5);
    let for_thread = Rc::clone(&shared);
    let handle = thread::spawn(move || *for_thread + 1);
    println!("{}", handle.join().unwrap() + *shared);
}
