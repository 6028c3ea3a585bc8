// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::any::{Any, TypeId};
use std::mem::{size_of, size_of_val};

/// The `TypeId` of whatever `value` is, so two values' types can be compared.
fn type_of<T: Any>(_value: &T) -> TypeId {
    TypeId::of::<T>()
}

fn main() {
    // ANCHOR: main
    let add_one = |x: u32| x + 1;
    let add_one_again = |x: u32| x + 1;
    let same = type_of(&add_one) == type_of(&add_one_again);
    println!("two identical closures have the same type: {same}");

    let closure_size = size_of_val(&add_one);
    let as_dyn: &dyn Fn(u32) -> u32 = &add_one;
    let dyn_size = size_of::<&dyn Fn(u32) -> u32>();
    println!("the closure itself:           {closure_size} bytes");
    println!("a &dyn Fn trait object to it: {dyn_size} bytes");
    let (direct, through_dyn) = (add_one(41), as_dyn(41));
    println!("add_one(41) = {direct}, and through the trait object: {through_dyn}");
    // ANCHOR_END: main

    assert!(!same);
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(closure_size, 0);
        assert_eq!(dyn_size, 16);
    }
}
