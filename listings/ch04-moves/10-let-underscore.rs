use std::sync::Mutex;

// ANCHOR: main
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}

fn make(name: &'static str) -> Noisy {
    Noisy(name)
}

fn main() {
    println!("let _ = make(\"temporary\");");
    let _ = make("temporary"); // a value with no place: dropped at once
    println!("let x = make(\"x\"); let _ = x;");
    let x = make("x");
    let _ = x; // `x` is a place: nothing is moved, nothing is dropped
    println!("  x is still usable: {}", x.0);

    let counter = Mutex::new(0);
    #[allow(let_underscore_lock, reason = "the trap this listing shows")]
    let _ = counter.lock().unwrap(); // the guard is a temporary: unlocked at once
    println!(
        "after let _ = lock():      locked: {}",
        counter.try_lock().is_err()
    );
    let _guard = counter.lock().unwrap(); // a binding: held to the end of the scope
    println!(
        "after let _guard = lock(): locked: {}",
        counter.try_lock().is_err()
    );
    println!("end of main");
}
// ANCHOR_END: main
