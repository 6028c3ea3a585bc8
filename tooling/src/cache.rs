//! The one cache: results of compiling and running programs, addressed by the content of
//! everything that can change them (see [`crate::runner::Job`]'s key: the program's text and
//! path, the flags, the edition, `rustc -vV`, the runner's version, the crates and libraries it
//! links). A hit skips compiling and running, never the comparison that follows.
//!
//! Entries live in the book's `target/book-cache/<key>.json` (the repository's, also for the
//! small books the harness's own tests build: a key holds everything a result depends on, not
//! where the book is), written to a temporary file and renamed into place, so a run stopped
//! halfway never leaves half an entry. A run that timed out or could not start is an error,
//! never an entry. `BOOK_NO_CACHE=1` turns the cache off; `BOOK_CACHE_DIR=DIR` puts it elsewhere.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// A 128-bit key made from a list of parts (each hashed with its length, so no two lists of
/// parts share a key by concatenation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key(String);

impl Key {
    pub fn new(parts: &[&str]) -> Key {
        let hash = |salt: u8| {
            let mut h = DefaultHasher::new();
            (salt, parts).hash(&mut h);
            h.finish()
        };
        Key(format!("{:016x}{:016x}", hash(1), hash(2)))
    }

    /// The first 16 hex digits, for names of scratch directories.
    pub fn short(&self) -> String {
        self.0[..16].to_owned()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether results may be cached (`BOOK_NO_CACHE` unset, empty or `0`).
pub fn enabled() -> bool {
    std::env::var_os("BOOK_NO_CACHE").is_none_or(|v| v.is_empty() || v == "0")
}

/// Where entries live (whatever book is being checked: see above).
pub fn dir(_root: &Path) -> PathBuf {
    match std::env::var_os("BOOK_CACHE_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => crate::target_dir(&crate::root()).join("book-cache"),
    }
}

pub fn get<T: DeserializeOwned>(root: &Path, key: &Key) -> Option<T> {
    if !enabled() {
        return None;
    }
    get_in(&dir(root), key)
}

pub fn put<T: Serialize>(root: &Path, key: &Key, value: &T) {
    if enabled() {
        put_in(&dir(root), key, value);
    }
}

pub fn get_in<T: DeserializeOwned>(dir: &Path, key: &Key) -> Option<T> {
    let text = std::fs::read_to_string(dir.join(format!("{}.json", key.0))).ok()?;
    serde_json::from_str(&text).ok()
}

pub fn put_in<T: Serialize>(dir: &Path, key: &Key, value: &T) {
    static SEQ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let entry = dir.join(format!("{}.json", key.0));
    let tmp = dir.join(format!(".{}.{}.{seq}.tmp", key.0, std::process::id()));
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        std::fs::write(&tmp, serde_json::to_string(value)?)?;
        std::fs::rename(&tmp, &entry)
    };
    if write().is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
