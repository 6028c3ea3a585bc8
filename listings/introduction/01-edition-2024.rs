//! This program compiles only under edition 2024: `if let ... && ...` chains are an error
//! in edition 2021. The book's tests compile it to prove that every block really is tested
//! (and run on the playground) as edition 2024.

fn first_even(numbers: &[u32]) -> Option<u32> {
    // ANCHOR: chain
    if let Some(&first) = numbers.first()
        && first % 2 == 0
    {
        return Some(first);
    }
    // ANCHOR_END: chain
    None
}

fn main() {
    println!("first_even(&[4, 7]) = {:?}", first_even(&[4, 7]));
    println!("first_even(&[7, 4]) = {:?}", first_even(&[7, 4]));
}
