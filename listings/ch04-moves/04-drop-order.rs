// ANCHOR: noisy
/// Says when it is dropped.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
// ANCHOR_END: noisy

// ANCHOR: pair
#[allow(dead_code, reason = "the fields exist only to be dropped")]
struct Pair {
    first: Noisy,
    second: Noisy,
}
// ANCHOR_END: pair

fn main() {
    // ANCHOR: main
    let _a = Noisy("local a");
    let _b = Noisy("local b");
    let _pair = Pair {
        first: Noisy("field first"),
        second: Noisy("field second"),
    };
    let shadowed = Noisy("shadowed x");
    let shadowed = (shadowed, Noisy("tuple .1"));
    {
        let _inner = Noisy("inner scope");
        println!("leaving the inner scope");
    }
    let _ = Noisy("bound to _"); // `_` does not bind: dropped at once
    drop(shadowed);
    println!("end of main");
    // ANCHOR_END: main
}
