// ANCHOR: allocator
// BEGIN shared: peak-allocator (source)
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Chapter 5's counting allocator, plus the bytes live now and the most that were live at once.
struct Peak;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static DEALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// `bytes` more are live: raise the peak if the live total is a new high.
fn grow_live(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(live, Relaxed);
}

unsafe impl GlobalAlloc for Peak {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        grow_live(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        DEALLOCS.fetch_add(1, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        if new_size > layout.size() {
            BYTES.fetch_add(new_size - layout.size(), Relaxed);
            grow_live(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Peak = Peak;

/// The counters at one moment; `live` and `peak` are bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(dead_code, reason = "not every listing reads every counter")]
struct Heap {
    allocs: usize,
    deallocs: usize,
    reallocs: usize,
    bytes: usize,
    live: usize,
    peak: usize,
}

fn heap() -> Heap {
    Heap {
        allocs: ALLOCS.load(Relaxed),
        deallocs: DEALLOCS.load(Relaxed),
        reallocs: REALLOCS.load(Relaxed),
        bytes: BYTES.load(Relaxed),
        live: LIVE.load(Relaxed),
        peak: PEAK.load(Relaxed),
    }
}

/// Starts a new peak: from now on, `peak` is the most live since this call.
fn reset_peak() {
    PEAK.store(LIVE.load(Relaxed), Relaxed);
}

#[allow(dead_code, reason = "not every listing compares two readings")]
impl Heap {
    /// The calls and bytes between two readings; `live` and `peak` stay this reading's.
    fn since(self, earlier: Heap) -> Heap {
        Heap {
            allocs: self.allocs - earlier.allocs,
            deallocs: self.deallocs - earlier.deallocs,
            reallocs: self.reallocs - earlier.reallocs,
            bytes: self.bytes - earlier.bytes,
            ..self
        }
    }
}
// END shared: peak-allocator
// ANCHOR_END: allocator

// ANCHOR: program
// BEGIN shared: word-count (source)
use std::collections::HashMap;

/// The words of the text: some capitalized, some with punctuation.
const VOCABULARY: [&str; 16] = [
    "the", "The", "heap", "Heap,", "stack", "memory", "memory.", "a", "malloc", "Rust", "rust",
    "of", "bytes", "page", "pages,", "free",
];

/// `n` words picked by a linear congruential generator: the same text on every run.
fn generate_text(n: usize) -> String {
    let mut state: u64 = 2024;
    let mut text = String::new();
    for _ in 0..n {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        text.push_str(VOCABULARY[(state >> 60) as usize]);
        text.push(' ');
    }
    text
}

/// How often each word occurs, lowercased and without punctuation.
fn count_words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

/// The `k` most frequent words, most frequent first (ties in alphabetical order).
#[allow(dead_code, reason = "not every listing ranks the words")]
fn top(counts: &HashMap<String, usize>, k: usize) -> Vec<(&str, usize)> {
    let mut all: Vec<(&str, usize)> = counts.iter().map(|(w, &n)| (w.as_str(), n)).collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    all.truncate(k);
    all
}
// END shared: word-count
// ANCHOR_END: program

/// One line of the table: what a phase asked of the allocator, and its peak and live bytes
/// counted from `base` (what was live when `main` started).
fn row(phase: &str, d: Heap, base: usize) -> String {
    format!(
        "{phase:<14}{:>8}{:>9}{:>9}{:>10}{:>9}{:>9}",
        d.allocs,
        d.reallocs,
        d.deallocs,
        d.bytes,
        d.peak - base,
        d.live - base
    )
}

fn main() {
    // ANCHOR: main
    reset_peak();
    let start = heap();
    let text = generate_text(20_000);
    let generated = heap();
    reset_peak();
    let counts = count_words(&text);
    let counted = heap();
    reset_peak();
    let best = top(&counts, 5);
    let ranked = heap();

    // Print only after measuring: printing allocates too.
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("{build} build; text: {} bytes", text.len());
    println!("top 5: {best:?}");
    println!("phase           allocs reallocs deallocs     bytes     peak     live");
    println!(
        "{}",
        row("generate text", generated.since(start), start.live)
    );
    println!(
        "{}",
        row("count words", counted.since(generated), start.live)
    );
    println!("{}", row("top 5", ranked.since(counted), start.live));
    // ANCHOR_END: main

    let count = counted.since(generated);
    assert_eq!(counts.len(), 12, "12 distinct words");
    assert_eq!(count.allocs, 20_000 + 3, "a String per word, and 3 tables");
    assert_eq!(
        count.deallocs,
        20_000 - 12 + 2,
        "all but 12 Strings, 2 tables"
    );
}
