use std::future::Future;
use std::rc::Rc;

async fn tick() {}

async fn count_later() -> usize {
    let shared = Rc::new(5);
    tick().await; // `shared` is alive across this `.await`
    Rc::strong_count(&shared)
}

/// Moves a future to another thread, as a multi-threaded executor may do.
fn run_elsewhere<F: Future + Send + 'static>(future: F) {
    std::thread::spawn(move || drop(future)).join().unwrap();
}

fn main() {
    run_elsewhere(count_later());
}
