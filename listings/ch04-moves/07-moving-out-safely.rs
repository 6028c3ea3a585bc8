use std::mem;

struct Slot {
    name: Option<String>,
}

fn main() {
    // ANCHOR: main
    let mut names = vec![String::from("ada"), String::from("grace")];
    let mut slot = Slot {
        name: Some(String::from("barbara")),
    };

    // Instead of `let first = names[0];` (E0507): swap something in for what we take out.
    let first = mem::take(&mut names[0]); // leaves String::new(), which does not allocate
    let second = names.swap_remove(1); // or remove the element from the Vec
    let taken = slot.name.take(); // leaves None behind

    println!("first = {first:?}, second = {second:?}, taken = {taken:?}");
    println!("names now = {names:?}, slot.name now = {:?}", slot.name);
    // ANCHOR_END: main
}
