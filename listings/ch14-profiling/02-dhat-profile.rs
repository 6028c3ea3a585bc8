// deps: dhat
// per-platform: (?m)^  .+$
use std::process::Command;

// ANCHOR: setup
#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;
// ANCHOR_END: setup

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

/// The program, profiled: what `main` would be in your own crate.
fn profiled() {
    // ANCHOR: profiled
    let _profiler = dhat::Profiler::new_heap();
    let text = generate_text(20_000);
    let counts = count_words(&text);
    println!("top 5: {:?}", top(&counts, 5));
    // `_profiler` is dropped here: dhat prints its summary and writes dhat-heap.json.
    // ANCHOR_END: profiled
}

fn main() {
    if std::env::var_os("CH14_PROFILED").is_some() {
        return profiled();
    }
    // Run this program again as a child, in a directory of its own (where it writes
    // dhat-heap.json), to show what dhat prints on standard error.
    let dir = std::env::temp_dir().join(format!("ch14-dhat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .env("CH14_PROFILED", "1")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = std::fs::read_to_string(dir.join("dhat-heap.json")).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    print!("{}", String::from_utf8_lossy(&out.stdout));
    print!("{}", String::from_utf8_lossy(&out.stderr));
    let (blocks, bytes, frames) = busiest_site(&json);
    println!("\nthe site that allocated the most blocks: {blocks} blocks, {bytes} bytes, in");
    for frame in frames {
        println!("  {frame}");
    }
}

/// From dhat's JSON (one value a line, as dhat writes it): the program point with the most
/// blocks, its bytes, and its frames from the allocation up to `profiled`.
fn busiest_site(json: &str) -> (u64, u64, Vec<String>) {
    let number = |line: &str| line.trim().trim_end_matches(',').parse::<u64>().ok();
    let (mut best, mut current) = ((0, 0, Vec::new()), (0, 0, Vec::new()));
    let mut lines = json.lines();
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("\"tb\": ") {
            current = (0, number(rest).unwrap(), Vec::new());
        } else if let Some(rest) = line.strip_prefix("\"tbk\": ") {
            current.0 = number(rest).unwrap();
        } else if line == "\"fs\": [" {
            current.2 = lines.by_ref().map_while(number).collect();
            if current.0 > best.0 {
                best = std::mem::take(&mut current);
            }
        } else if line == "\"ftbl\": [" {
            break;
        }
    }
    // The frame table: `"0x55d0c1c0a0c: name (file:line:col)",` a line.
    let table: Vec<&str> = lines.map_while(|l| l.strip_prefix('"')).collect();
    let frames = best
        .2
        .iter()
        .map(|&i| {
            let frame = table[i as usize]
                .trim_end_matches(',')
                .trim_end_matches('"');
            let name = frame.split_once(": ").map_or(frame, |(_, name)| name);
            name.trim_end_matches(" (???:0:0)").to_owned()
        })
        .skip(2) // dhat's own allocator, and __rust_alloc
        .take_while(|name| !name.ends_with("::main"))
        .collect();
    (best.0, best.1, frames)
}
