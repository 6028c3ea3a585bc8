use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

// ANCHOR: items
const LIMIT: u64 = 100;
static MAX: u64 = 100;

#[allow(clippy::declare_interior_mutable_const, reason = "the trap shown")]
const FRESH: AtomicU64 = AtomicU64::new(0);
static SHARED: AtomicU64 = AtomicU64::new(0);
// ANCHOR_END: items

mod elsewhere {
    pub fn limit() -> *const u64 {
        &super::LIMIT
    }
    pub fn max() -> *const u64 {
        &super::MAX
    }
}

// ANCHOR: main
#[allow(const_item_interior_mutations, reason = "the trap shown")]
#[allow(clippy::borrow_interior_mutable_const, reason = "the trap shown")]
fn main() {
    for _ in 0..3 {
        FRESH.fetch_add(1, Relaxed); // a new atomic each time, then dropped
        SHARED.fetch_add(1, Relaxed); // the one and only SHARED
    }
    println!("FRESH after 3 increments:  {}", FRESH.load(Relaxed));
    println!("SHARED after 3 increments: {}", SHARED.load(Relaxed));

    let (fresh1, fresh2) = (&FRESH as *const AtomicU64, &FRESH as *const AtomicU64);
    println!(
        "&FRESH twice: {fresh1:p} {fresh2:p}, different: {}",
        fresh1 != fresh2
    );

    let from_thread = std::thread::spawn(|| &raw const MAX as usize)
        .join()
        .unwrap();
    let max = [&raw const MAX, elsewhere::max(), from_thread as *const u64];
    println!(
        "&MAX in main, in a module, in a thread: all equal: {}",
        max[0] == max[1] && max[1] == max[2]
    );

    let limit = [&LIMIT as *const u64, elsewhere::limit()];
    println!(
        "&LIMIT in main and in a module: equal: {}",
        limit[0] == limit[1]
    );
    println!("&LIMIT equals &MAX: {}", limit[0] == max[0]);
}
// ANCHOR_END: main
