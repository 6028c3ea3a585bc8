// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::fmt::Debug;
use std::mem::{align_of, align_of_val, needs_drop, size_of, size_of_val, transmute};

// ANCHOR: main
trait Describe {
    fn describe(&self) -> String;
}

impl<T: Debug> Describe for T {
    fn describe(&self) -> String {
        let text = format!("{self:?}");
        if text.len() > 12 {
            format!("{}...", &text[..9])
        } else {
            text
        }
    }
}

/// Forgets the concrete type: from here on only the vtable knows it.
fn erase<T: Describe>(value: &T) -> &dyn Describe {
    let erased: &dyn Describe = value;
    // What the vtable reports must match what the compiler knew statically.
    assert_eq!(size_of_val(erased), size_of::<T>());
    assert_eq!(align_of_val(erased), align_of::<T>());
    // The vtable's first three words, as rustc 1.95 lays them out: checked against
    // what the compiler knew, since the layout is not guaranteed.
    let [drop, size, align] = vtable_words(erased);
    assert_eq!([size, align], [size_of::<T>(), align_of::<T>()]);
    assert_eq!(drop == 0, !needs_drop::<T>());
    erased
}

/// Reads the first three words of the vtable a `&dyn Describe` points at.
fn vtable_words(item: &dyn Describe) -> [usize; 3] {
    // SAFETY: a `&dyn Describe` is two words (data, vtable), and rustc's vtables start
    // with at least three words; we only read integers.
    unsafe {
        let [_data, vtable] = transmute::<&dyn Describe, [*const usize; 2]>(item);
        [*vtable, *vtable.add(1), *vtable.add(2)]
    }
}

fn main() {
    let big = [7_u8; 100];
    let text = String::from("hello");
    let pair = (1_u8, 2_u128);
    let items: [&dyn Describe; 5] = [
        erase(&1_u8),
        erase(&2_u64),
        erase(&big),
        erase(&text),
        erase(&pair),
    ];
    println!(
        "{:<14} {:>11} {:>12}  vtable's drop entry",
        "describe()", "size_of_val", "align_of_val"
    );
    for item in items {
        let drop = match vtable_words(item)[0] {
            0 => "null: nothing to drop",
            _ => "drop glue's address",
        };
        println!(
            "{:<14} {:>11} {:>12}  {drop}",
            item.describe(),
            size_of_val(item),
            align_of_val(item),
        );
    }
    println!(
        "every item is a {}-byte &dyn Describe",
        size_of::<&dyn Describe>()
    );
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        let sizes = items.map(size_of_val::<dyn Describe>);
        assert_eq!(sizes, [1, 8, 100, 24, 32]);
        assert_eq!(size_of::<&dyn Describe>(), 16);
    }
}
// ANCHOR_END: main
