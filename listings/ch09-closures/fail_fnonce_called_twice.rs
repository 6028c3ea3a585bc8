fn main() {
    let name = String::from("Ferris");
    let hand_over = move || name; // returns the String it captured
    let first = hand_over();
    let second = hand_over();
    println!("{first} {second}");
}
