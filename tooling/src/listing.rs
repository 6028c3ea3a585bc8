//! Listings as files: their kinds (from the file name), short names for `cargo listing`, and
//! the toolchain their snapshots were blessed with. Compiling and running one is
//! [`crate::runner`]'s job.

use std::path::Path;

/// The kind of a listing, from its file name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// `NN-name.rs`: compiles, runs, exits 0.
    Runs,
    /// `panic_name.rs`: compiles, runs, panics (exit code 101).
    Panics,
    /// `fail_name.rs`: must not compile.
    FailsToCompile,
    /// `lib_name.rs`: a library crate other listings link (`// lib: lib_name.rs`); not run.
    Library,
    /// `memcheck_name.rs`: broken on purpose; run only under valgrind's memcheck, whose report
    /// is its `.memcheck` snapshot (see [`crate::valgrind`]).
    Memcheck,
}

pub fn kind_of(listing: &str) -> Kind {
    let stem = Path::new(listing)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if stem.starts_with("fail_") {
        Kind::FailsToCompile
    } else if stem.starts_with("lib_") {
        Kind::Library
    } else if stem.starts_with("memcheck_") {
        Kind::Memcheck
    } else if stem.starts_with("panic_") {
        Kind::Panics
    } else {
        Kind::Runs
    }
}

/// The toolchain the snapshots were blessed with: the `channel` of `rust-toolchain.toml`, or
/// `BOOK_PINNED_TOOLCHAIN` when set (to see what a toolchain mismatch looks like without
/// installing another toolchain: `BOOK_PINNED_TOOLCHAIN=1.0.0 cargo test`).
pub fn pinned_toolchain(root: &Path) -> String {
    if let Some(v) = std::env::var_os("BOOK_PINNED_TOOLCHAIN").filter(|v| !v.is_empty()) {
        return v.to_string_lossy().into_owned();
    }
    let text = std::fs::read_to_string(root.join("rust-toolchain.toml")).unwrap_or_default();
    text.lines()
        .find_map(|l| l.trim().strip_prefix("channel = "))
        .map(|v| v.trim().trim_matches('"').to_owned())
        .unwrap_or_else(|| {
            panic!(
                "no `channel = ` in {}",
                root.join("rust-toolchain.toml").display()
            )
        })
}

/// `None` when the running rustc is the pinned one; else a plain message saying what that
/// changes (said once, at the end of a run).
pub fn toolchain_drift(root: &Path) -> Option<String> {
    drift_message(crate::runner::rustc_release(), &pinned_toolchain(root))
}

/// The toolchain message for `running` vs `pinned` (`None` when they are the same).
pub fn drift_message(running: &str, pinned: &str) -> Option<String> {
    (running != pinned).then(|| {
        format!(
            "This is rustc {running}, but the book's snapshots (program output and compiler errors) \
             were blessed with rustc {pinned} (rust-toolchain.toml).\n\
             Compiler messages are not compared word for word until the two agree (each `fail_` \
             listing must still fail with its error code), and outputs are compared as on \
             another platform: the compiler's wording and the programs' output change between \
             releases.\n\
             - To use the pinned toolchain: `rustup toolchain install {pinned}` and run `cargo test` again.\n\
             - To move the book to {running}: see \"Bumping the toolchain\" in CONTRIBUTING.md \
             (edit rust-toolchain.toml, then `BLESS=1 cargo test` and review the diff).\n"
        )
    })
}

/// Accepts `ch04-moves/01-x`, `ch04-moves/01-x.rs` or `listings/ch04-moves/01-x.rs`.
pub fn resolve(root: &Path, name: &str) -> Result<String, String> {
    let name = name.trim_start_matches("./");
    let name = name.strip_prefix("listings/").unwrap_or(name);
    let name = name.strip_suffix(".rs").unwrap_or(name);
    let rel = format!("listings/{name}.rs");
    if root.join(&rel).is_file() {
        Ok(rel)
    } else {
        Err(format!(
            "no listing {rel}; listings look like `ch04-moves/01-string-move`"
        ))
    }
}
