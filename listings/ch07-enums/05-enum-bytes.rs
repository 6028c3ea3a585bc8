#![allow(dead_code, reason = "some variants exist only to be measured")]
use std::cmp::Ordering;
use std::mem::size_of;
use std::num::NonZeroU32;

// ANCHOR: main
/// The first `known` bytes of `value` in hex, lowest address first; the rest as `??`.
///
/// # Safety
/// The first `known` bytes of `value` must be initialised. Padding and the unused
/// payload of a variant are not, and reading them is undefined behaviour.
unsafe fn hex<T>(value: &T, known: usize) -> String {
    let start = (value as *const T).cast::<u8>();
    let known = known.min(size_of::<T>());
    // SAFETY: `known` bytes inside `value`, initialised (the caller's promise).
    let read = unsafe { std::slice::from_raw_parts(start, known) };
    let mut out: Vec<String> = read.iter().map(|b| format!("{b:02x}")).collect();
    out.resize(size_of::<T>(), "??".to_string());
    out.join(" ")
}

macro_rules! show {
    ($ty:ty, $value:expr) => {
        show!($ty, $value, size_of::<$ty>())
    };
    ($ty:ty, $value:expr, $known:expr) => {{
        let value: $ty = $value;
        // SAFETY: every call below reads only bytes that the value initialises.
        let bytes = unsafe { hex(&value, $known) };
        let (ty, v) = (stringify!($ty), stringify!($value));
        println!("{ty:<20} {v:<22} {bytes}");
    }};
}

enum HttpStatus {
    Ok = 200,
    NotFound = 404,
}

fn main() {
    println!("{:<20} {:<22} bytes, lowest address first", "type", "value");
    show!(HttpStatus, HttpStatus::NotFound);
    show!(Ordering, Ordering::Less);
    show!(Option<Ordering>, None);
    show!(Option<bool>, Some(false));
    show!(Option<bool>, Some(true));
    show!(Option<bool>, None);
    show!(Option<Option<bool>>, Some(None));
    show!(Option<Option<bool>>, None);
    show!(Option<char>, Some('A'));
    show!(Option<char>, None);
    show!(Option<NonZeroU32>, Some(NonZeroU32::MIN));
    show!(Option<NonZeroU32>, None);
    show!(Option<&u8>, None);
    show!(Option<u32>, Some(7));
    show!(Option<u32>, None, 4); // the payload's 4 bytes are left uninitialised
}
// ANCHOR_END: main
