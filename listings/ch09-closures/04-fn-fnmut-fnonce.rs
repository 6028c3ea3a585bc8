// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::mem::size_of_val;

// Each caller asks for the least it needs, and holds the closure the way
// that trait's method takes `self`.
fn call_fn(f: &impl Fn() -> usize) -> usize {
    f() // Fn::call(&self, ..)
}

fn call_fn_mut(f: &mut impl FnMut() -> u32) -> u32 {
    f() // FnMut::call_mut(&mut self, ..)
}

fn call_fn_once(f: impl FnOnce() -> String) -> String {
    f() // FnOnce::call_once(self, ..): `f` is used up here
}

fn main() {
    // ANCHOR: main
    let greeting = String::from("hello");

    // Fn: only reads what it captured (here, through `&greeting`).
    let length = || greeting.len();
    let fn_size = size_of_val(&length);
    let lengths = [call_fn(&length), call_fn(&length)];
    println!("Fn            {fn_size:>2} bytes: {lengths:?}");

    // FnMut, borrowing: holds `&mut count` and changes the caller's variable.
    let mut count = 0_u32;
    let mut bump = || {
        count += 1;
        count
    };
    let bumps = [call_fn_mut(&mut bump), call_fn_mut(&mut bump)];
    let bump_size = size_of_val(&bump);
    println!("FnMut (&mut)  {bump_size:>2} bytes: {bumps:?}, count is now {count}");

    // FnMut, `move`: holds its own copy of `count` and changes only that.
    let mut tick = move || {
        count += 1;
        count
    };
    let ticks = [call_fn_mut(&mut tick), call_fn_mut(&mut tick)];
    let tick_size = size_of_val(&tick);
    println!("FnMut (move)  {tick_size:>2} bytes: {ticks:?}, count is still {count}");

    // FnOnce: gives away what it captured, so it can run only once.
    let hand_over = move || greeting;
    let once_size = size_of_val(&hand_over);
    let handed = call_fn_once(hand_over);
    println!("FnOnce        {once_size:>2} bytes: {handed:?}");
    // ANCHOR_END: main

    assert_eq!((bumps, ticks), ([1, 2], [3, 4]));
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!([fn_size, bump_size, tick_size, once_size], [8, 8, 4, 24]);
    }
}
