// BEGIN shared: peak-allocator
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

// BEGIN shared: word-count
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

// ANCHOR: fixed
/// The same counts, with one lowercase buffer reused for every word: a `String` is
/// allocated only for a word seen for the first time.
fn count_words_reusing(text: &str) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut lower = String::new();
    for word in text.split_whitespace() {
        lower.clear();
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        lower.extend(word.chars().flat_map(char::to_lowercase));
        // Look up with a borrowed `&str`: no allocation for a word already counted.
        match counts.get_mut(lower.as_str()) {
            Some(n) => *n += 1,
            None => {
                counts.insert(lower.clone(), 1);
            }
        }
    }
    counts
}

/// The same counts again, keyed by `&str` slices of one lowercased copy of the text.
fn count_words_borrowing(lower_text: &str) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for word in lower_text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}
// ANCHOR_END: fixed

/// Measures `f`: the calls it made, and its peak and final live bytes above the start.
fn measure<T>(f: impl FnOnce() -> T) -> (T, Heap, usize) {
    reset_peak();
    let before = heap();
    let result = f();
    (result, heap().since(before), before.live)
}

fn row(what: &str, (d, base): (Heap, usize)) -> String {
    format!(
        "{what:<22}{:>8}{:>9}{:>9}{:>10}{:>9}",
        d.allocs,
        d.reallocs,
        d.deallocs,
        d.bytes,
        d.peak - base
    )
}

fn main() {
    let text = generate_text(20_000);
    // ANCHOR: main
    let (naive, before, base0) = measure(|| count_words(&text));
    let (reusing, after, base1) = measure(|| count_words_reusing(&text));
    let (borrowing, lowered, base2) = measure(|| {
        let lower_text = text.to_lowercase();
        let counts = count_words_borrowing(&lower_text).len();
        (lower_text, counts)
    });

    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("{build} build, 20000 words, {} distinct", naive.len());
    println!("count_words           allocs reallocs deallocs     bytes     peak");
    println!("{}", row("naive (to_lowercase)", (before, base0)));
    println!("{}", row("reusing a buffer", (after, base1)));
    println!("{}", row("borrowing (&str keys)", (lowered, base2)));
    // ANCHOR_END: main

    assert_eq!(naive, reusing, "the same counts");
    assert_eq!(borrowing.1, naive.len());
    assert_eq!(before.allocs, 20_003);
    assert_eq!(after.allocs, 12 + 1 + 3, "12 words, a buffer, 3 tables");
    assert_eq!(lowered.allocs, 1 + 3, "the lowercased text and 3 tables");
    assert!(
        lowered.peak - base2 > text.len(),
        "a whole second copy of the text"
    );
}
