//! The memory pictures (```` ```memory ```` blocks), checked with the cache.
//!
//! [`mdbook_memory::check`] binds a picture to its data and draws it: a number typed into the
//! description, or a pattern its data no longer matches, is an error naming the chapter and the
//! picture. A picture that passed is remembered under a key made of everything the check reads
//! (the description, the data file, the drawing library's own source and `Cargo.lock`), so an
//! unchanged picture is not bound again; a failure is never remembered.

use crate::cache::{self, Key};
use mdbook_memory::Block;
use std::path::Path;

/// Checks one picture of `chapter` (its path, for messages), whose directory is `dir`.
pub fn check(root: &Path, block: &Block, dir: &Path, chapter: &str) -> Result<(), String> {
    let key = key(block, dir);
    if let Some(key) = &key
        && cache::get::<bool>(root, key) == Some(true)
    {
        return Ok(());
    }
    mdbook_memory::check(block, dir, chapter)?;
    if let Some(key) = &key {
        cache::put(root, key, &true);
    }
    Ok(())
}

/// The key of a check, or `None` when its data file cannot be read (the check says why). Where
/// the picture stands (chapter, line) is left out: it is only named in messages, and a failure
/// is never remembered, so moving a picture, or editing the prose above it, checks nothing again.
fn key(block: &Block, dir: &Path) -> Option<Key> {
    let data = block
        .text
        .lines()
        .find_map(|l| l.trim().strip_prefix("data "))?;
    let data = std::fs::read_to_string(dir.join(data.trim())).ok()?;
    Some(Key::new(&[
        "picture",
        code_key().as_str(),
        &block.text,
        &data,
    ]))
}

/// The key of the code every check runs, made once per run: mdbook-memory's source and the
/// tooling's `Cargo.lock` (the versions of the crates it uses).
fn code_key() -> &'static Key {
    static KEY: std::sync::OnceLock<Key> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        let lock = std::fs::read_to_string(crate::root().join("Cargo.lock")).unwrap_or_default();
        let mut parts: Vec<&str> = mdbook_memory::SOURCE.to_vec();
        parts.push(&lock);
        Key::new(&parts)
    })
}
