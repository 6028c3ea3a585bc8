use std::mem::{align_of, offset_of, size_of};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

// ANCHOR: main
/// Two counters side by side.
#[derive(Default)]
struct Counters {
    a: AtomicU64,
    b: AtomicU64,
}

/// A counter that starts a 64-byte line, and fills it.
#[repr(align(64))]
#[derive(Default)]
struct Padded(AtomicU64);

/// Two counters, each in a line of its own.
#[derive(Default)]
struct PaddedCounters {
    a: Padded,
    b: Padded,
}

/// Which 64-byte line of memory an address falls in.
fn line<T>(r: &T) -> usize {
    r as *const T as usize / 64
}

fn same_line(a: usize, b: usize) -> &'static str {
    if a == b { "yes" } else { "no" }
}

fn main() {
    println!(
        "Counters:       {:>3} bytes, align {:>2}, b at offset {:>2}",
        size_of::<Counters>(),
        align_of::<Counters>(),
        offset_of!(Counters, b)
    );
    println!(
        "PaddedCounters: {:>3} bytes, align {:>2}, b at offset {:>2}",
        size_of::<PaddedCounters>(),
        align_of::<PaddedCounters>(),
        offset_of!(PaddedCounters, b)
    );
    println!(
        "each counter:   {:>3} bytes (AtomicU64)",
        size_of::<AtomicU64>()
    );

    let plain = Arc::new(Counters::default());
    let padded = Arc::new(PaddedCounters::default());
    let (pa, pb) = (line(&plain.a), line(&plain.b));
    let (qa, qb) = (line(&padded.a), line(&padded.b));
    println!(
        "plain:  a and b in the same 64-byte line? {}",
        same_line(pa, pb)
    );
    println!(
        "padded: a and b in the same 64-byte line? {}",
        same_line(qa, qb)
    );

    // Two threads, each adding to its own counter: correct either way.
    thread::scope(|s| {
        s.spawn(|| (0..1_000_000).for_each(|_| _ = plain.a.fetch_add(1, Relaxed)));
        s.spawn(|| (0..1_000_000).for_each(|_| _ = plain.b.fetch_add(1, Relaxed)));
        s.spawn(|| (0..1_000_000).for_each(|_| _ = padded.a.0.fetch_add(1, Relaxed)));
        s.spawn(|| (0..1_000_000).for_each(|_| _ = padded.b.0.fetch_add(1, Relaxed)));
    });
    println!(
        "totals: {} {} {} {}",
        plain.a.load(Relaxed),
        plain.b.load(Relaxed),
        padded.a.0.load(Relaxed),
        padded.b.0.load(Relaxed)
    );
    // ANCHOR_END: main
    assert_eq!((pa == pb, qa == qb), (true, false));
}
