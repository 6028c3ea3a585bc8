// massif: peak

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

// ANCHOR: main
fn main() {
    let text = generate_text(20_000);
    let counts = count_words(&text);
    println!("top 5: {:?}", top(&counts, 5));
}
// ANCHOR_END: main
