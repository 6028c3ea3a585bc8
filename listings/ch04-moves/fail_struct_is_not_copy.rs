#[derive(Debug)]
struct Pair(u8, i32); // all fields are Copy, but there is no #[derive(Clone, Copy)]

fn main() {
    let tuple: (u8, i32) = (1, 2);
    let array: [u32; 4] = [1, 2, 3, 4];
    let pair = Pair(1, 2);

    let tuple_copy = tuple; // tuples of Copy types are Copy: no derive needed
    let array_copy = array; // so are arrays of Copy types
    let pair_moved = pair; // a struct is Copy only if it derives (or implements) it

    println!("{tuple:?} {tuple_copy:?} {array:?} {array_copy:?}");
    println!("{pair:?} {pair_moved:?}");
}
