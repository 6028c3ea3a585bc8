// needs: linux: reads VmRSS and VmHWM from /proc/self/status
// varies: \d+ KiB
// varies: [+-]\d+
#![cfg_attr(
    not(target_os = "linux"),
    allow(dead_code, reason = "elsewhere only the fallback main runs")
)]

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

// ANCHOR: status
/// A field of /proc/self/status in KiB: `VmRSS` (resident now) or `VmHWM` (the most ever).
#[cfg(target_os = "linux")]
fn status_kib(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap();
    // "VmRSS:\t    2048 kB"
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}
// ANCHOR_END: status

#[cfg(target_os = "linux")]
fn main() {
    // ANCHOR: main
    let mut last = status_kib("VmRSS:");
    let mut show = |what: &str| {
        let (rss, hwm) = (status_kib("VmRSS:"), status_kib("VmHWM:"));
        let change = rss as isize - last as isize;
        println!("{what:<22} VmRSS {rss:>6} KiB ({change:+}), VmHWM {hwm:>6} KiB");
        last = rss;
        rss
    };
    let start = show("start");
    let text = generate_text(2_000_000);
    let generated = show("text generated");
    let counts = count_words(&text);
    let counted = show("words counted");
    drop(text);
    let dropped = show("text dropped");
    drop(counts);
    // ANCHOR_END: main

    assert!(
        generated - start > 10_000,
        "the text's pages became resident"
    );
    assert!(
        counted - generated < 1_000,
        "counting 2 million words adds little"
    );
    assert!(
        generated - dropped > 10_000,
        "freeing the text gave its pages back"
    );
    // The kernel's counters are approximate (kept per CPU, summed when read): allow 1 MiB.
    assert!(
        status_kib("VmHWM:") + 1024 >= generated,
        "the high-water mark stays"
    );
}

#[cfg(not(target_os = "linux"))]
fn main() {
    println!("This listing reads /proc/self/status, which only Linux has.");
}
