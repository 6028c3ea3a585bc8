use std::mem::transmute;
use std::ptr;

// ANCHOR: main
trait Shape {
    fn area(&self) -> u32;
}

struct Square(u32);

impl Shape for Square {
    fn area(&self) -> u32 {
        self.0 * self.0
    }
}

/// The two words of a `&dyn Shape`. Their order is not guaranteed; the data word
/// is checked against the real address below.
fn words(shape: &dyn Shape) -> [usize; 2] {
    // SAFETY: a `&dyn Shape` is two words of plain data; we only read integers.
    unsafe { transmute::<&dyn Shape, [usize; 2]>(shape) }
}

#[inline(never)]
fn erase(square: &Square) -> &dyn Shape {
    square
}

#[inline(never)]
fn erase_generic<T: Shape>(value: &T) -> &dyn Shape {
    value
}

mod elsewhere {
    #[inline(never)]
    pub fn erase(square: &super::Square) -> &dyn super::Shape {
        square
    }
}

fn main() {
    let square = Square(3);
    let in_main: &dyn Shape = &square;
    assert_eq!(words(in_main)[0], &square as *const Square as usize);

    let others: [(&str, &dyn Shape); 4] = [
        ("again in main", &square),
        ("in a helper fn", erase(&square)),
        ("in a generic fn", erase_generic(&square)),
        ("in another module", elsewhere::erase(&square)),
    ];
    let mut vtables = vec![words(in_main)[1]];
    println!("Square as dyn Shape, compared with the one made in main:");
    for (place, other) in others {
        let same_data = ptr::addr_eq(in_main, other);
        let same_vtable = words(in_main)[1] == words(other)[1];
        // ptr::eq on trait objects compares both words.
        assert_eq!(ptr::eq(in_main, other), same_data && same_vtable);
        assert!(same_data);
        // per-platform: same vtable: (true|false)
        println!("  {place:<18} same data: {same_data}  same vtable: {same_vtable}");
        vtables.push(words(other)[1]);
        assert_eq!(other.area(), 9);
    }

    vtables.sort();
    vtables.dedup();
    let distinct = vtables.len();

    // Converting again and again in one place always yields that place's vtable.
    for _ in 0..1000 {
        vtables.push(words(erase(&square))[1]);
        vtables.push(words(elsewhere::erase(&square))[1]);
    }
    vtables.sort();
    vtables.dedup();
    assert_eq!(vtables.len(), distinct);
    // per-platform: seen: [0-9]+
    println!("distinct vtable addresses seen: {}", vtables.len());
}
// ANCHOR_END: main
