// ANCHOR: main
static mut CALLS: u64 = 0;
static mut LAST: [u64; 3] = [0; 3];

fn record(value: u64) {
    // SAFETY: only the main thread calls `record`, and no reference to
    // CALLS or LAST is ever created: each is read and written in place.
    unsafe {
        LAST[(CALLS % 3) as usize] = value;
        CALLS += 1;
    }
}

fn main() {
    for value in [10, 20, 30, 40] {
        record(value);
    }
    // SAFETY: single-threaded, and these copy the values out.
    let (calls, last) = unsafe { (CALLS, LAST) };
    println!("calls: {calls}, last values: {last:?}");

    // A raw pointer is fine, and creating one needs no `unsafe`.
    let at: *const u64 = &raw const CALLS;
    // SAFETY: nothing writes CALLS while we read through `at`.
    println!("CALLS at {at:p} holds {}", unsafe { at.read() });
}
// ANCHOR_END: main
