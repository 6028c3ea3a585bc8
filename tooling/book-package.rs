//! The book's root package has no code: the book is `src/`, its programs are `listings/`, and
//! its tests belong to the tooling package (`tooling/Cargo.toml`; the files are in `tests/`).
//! This empty library is the package's one target; trybuild builds it, with nothing else, for
//! the compile-fail listings.
