// deps: dhat
#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

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

fn main() {
    // ANCHOR: main
    let _profiler = dhat::Profiler::builder().testing().build();
    let text = generate_text(20_000);

    let start = dhat::HeapStats::get();
    let naive = count_words(&text).len();
    let before = dhat::HeapStats::get();
    let counts = count_words_reusing(&text);
    let after = dhat::HeapStats::get();

    let naive_blocks = before.total_blocks - start.total_blocks;
    println!("count_words:         {naive} words, {naive_blocks} blocks");
    dhat::assert!(naive_blocks > 20_000, "one String per word");

    let blocks = after.total_blocks - before.total_blocks;
    let live = after.curr_blocks - before.curr_blocks;
    let n = counts.len();
    println!("count_words_reusing: {n} words, {blocks} blocks, {live} still live");
    // 12 keys, 3 tables and the buffer: one block each.
    dhat::assert_eq!(blocks, 16);
    // The keys and the final table are the map's; the buffer was freed on return.
    dhat::assert_eq!(live, 13);
    // At the heap's peak so far, the text was the biggest thing live.
    dhat::assert!(after.max_bytes < text.capacity() + 4096);
    println!("dhat's assertions held");
    // ANCHOR_END: main
}
