static mut LOG: Vec<u64> = Vec::new();

fn main() {
    // SAFETY: only the main thread touches LOG... but see what the compiler says.
    unsafe {
        LOG.push(1); // `push` takes `&mut self`: a `&mut LOG` is created here
        println!("{} entries", LOG.len()); // `len` takes `&self`: a `&LOG`
    }
}
