use std::thread;

fn main() {
    let scores = vec![3, 5, 8];
    let handle = thread::spawn(|| scores.iter().sum::<i32>());
    println!("total: {}", handle.join().unwrap());
}
