use std::sync::Mutex;
use std::thread;

static TOTAL: Mutex<u64> = Mutex::new(0);

fn main() {
    let mut guard = TOTAL.lock().unwrap();
    let handle = thread::spawn(move || *guard += 1);
    handle.join().unwrap();
    println!("total: {}", TOTAL.lock().unwrap());
}
