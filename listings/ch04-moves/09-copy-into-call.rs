fn two_times(n: i32) -> i32 {
    n * 2
}

fn main() {
    // ANCHOR: main
    let num: i32 = 5;
    let num_copy = num;
    let double = two_times(num_copy); // i32 is Copy: the call gets a copy
    println!("num = {num}, double = {double}, num_copy = {num_copy} (still usable)");
    // ANCHOR_END: main
}
