// memcheck: clean
// per-platform: = [0-9]+
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

static DROPS: AtomicUsize = AtomicUsize::new(0);

/// A value that counts its drops.
struct Noisy(String);

impl Drop for Noisy {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Relaxed);
    }
}

fn main() {
    // ANCHOR: sizes
    println!(
        "size_of::<u64>()                       = {}",
        size_of::<u64>()
    );
    println!(
        "size_of::<MaybeUninit<u64>>()          = {}",
        size_of::<MaybeUninit<u64>>()
    );
    println!(
        "size_of::<Option<bool>>()              = {}",
        size_of::<Option<bool>>()
    );
    println!(
        "size_of::<Option<MaybeUninit<bool>>>() = {}",
        size_of::<Option<MaybeUninit<bool>>>()
    );
    // ANCHOR_END: sizes

    // ANCHOR: array
    // Three slots, none initialized: no placeholder String is made.
    let mut slots: [MaybeUninit<Noisy>; 3] = [const { MaybeUninit::uninit() }; 3];
    for (i, slot) in slots.iter_mut().enumerate() {
        slot.write(Noisy(format!("item {i}")));
    }
    // SAFETY: the loop wrote every slot.
    let items: [Noisy; 3] = slots.map(|slot| unsafe { slot.assume_init() });
    let names: Vec<&str> = items.iter().map(|n| n.0.as_str()).collect();
    println!("{names:?}");
    drop(items);
    println!("drops after dropping the array: {}", DROPS.load(Relaxed));

    // A MaybeUninit never drops what it holds: that is the caller's job.
    {
        let mut kept = MaybeUninit::<Noisy>::uninit();
        kept.write(Noisy(String::from("kept")));
    } // `kept` goes out of scope here
    println!(
        "drops after dropping a written MaybeUninit: {}",
        DROPS.load(Relaxed)
    );
    // ANCHOR_END: array

    assert_eq!(size_of::<MaybeUninit<u64>>(), size_of::<u64>());
    assert_eq!(DROPS.load(Relaxed), 3);
}
