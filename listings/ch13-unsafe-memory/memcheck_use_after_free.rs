// Broken on purpose: never run on its own, only under valgrind's memcheck.
// `no_main` (Listing 5-7) keeps the report short: no start-up frames under `main`.
#![no_main]
use std::alloc::{self, Layout};

#[unsafe(no_mangle)]
extern "C" fn main() -> i32 {
    let old_layout = Layout::array::<u64>(4).unwrap();
    // SAFETY: the layout's size, 32 bytes, is not zero.
    let old = unsafe { alloc::alloc(old_layout) }.cast::<u64>();
    if old.is_null() {
        alloc::handle_alloc_error(old_layout);
    }
    // SAFETY: `old` points to room for 4 u64s.
    unsafe { old.write(7) };

    let new_layout = Layout::array::<u64>(1024).unwrap();
    // SAFETY: `old` came from `alloc` with `old_layout`; the new size is not zero.
    let new = unsafe { alloc::realloc(old.cast(), old_layout, new_layout.size()) };
    if new.is_null() {
        alloc::handle_alloc_error(new_layout);
    }
    // SAFETY: none. After a successful `realloc` the old pointer is invalid, whether or
    // not the block moved. Reading through it is undefined behaviour, on purpose here.
    let stale = unsafe { old.read_volatile() };
    println!("read {stale} through the old pointer");
    // SAFETY: `new` came from `realloc` with `new_layout`'s size and alignment.
    unsafe { alloc::dealloc(new, new_layout) };
    0
}
