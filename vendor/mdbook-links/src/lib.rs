//! mdBook 0.5.4's `LinkPreprocessor` (the code that expands `{{#include}}`, `{{#rustdoc_include}}`,
//! `{{#playground}}` and `{{#title}}`) and its book loader, as they are in mdbook-driver 0.5.4
//! (`src/builtin_preprocessors/links.rs`, `links/take_lines.rs`, `src/load.rs`), so that the
//! book's tests see every chapter exactly as `mdbook build` expands it, without building
//! mdBook's HTML renderer. See PATCHES.md for the few lines that differ.

pub mod links;
pub mod load;

pub use links::LinkPreprocessor;

use anyhow::Result;
use mdbook_core::book::Book;
use mdbook_core::config::Config;
use std::path::Path;

/// PATCH(load): what `MDBook::load` does before it looks for renderers and preprocessors: read
/// `book.toml` (and `MDBOOK_*` variables), then the book from its source directory.
pub fn load(book_root: &Path) -> Result<(Config, Book)> {
    let config_location = book_root.join("book.toml");
    let mut config = if config_location.exists() {
        Config::from_disk(&config_location)?
    } else {
        Config::default()
    };
    config.update_from_env()?;
    let src_dir = book_root.join(&config.book.src);
    let book = load::load_book(src_dir, &config.build)?;
    Ok((config, book))
}
