//! Compiling and running one listing with `rustc`, the way a reader would.
//!
//! Runs are cached under `target/listing-cache/`, keyed on everything that can change a result:
//! the listing's exact text and path, the compiler's full version, and the flags. Change any
//! of them and the listing is compiled and run again. `BOOK_NO_CACHE=1` turns the cache off.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Bump when the cache's format or the flags' meaning changes.
const CACHE_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Cargo's `dev` profile: no optimization, debug assertions on, 256 codegen units and an
    /// incremental build (what `cargo build` does for a reader's own crate).
    Debug,
    /// Cargo's `release` profile: `-C opt-level=3`, debug assertions off, 16 codegen units,
    /// not incremental (what `cargo build --release` does).
    Release,
}

impl Profile {
    /// The flags that make a `rustc` build of one file match Cargo's profile. (Cargo's dev
    /// profile also writes debug info, which changes no listing's output; left out to keep
    /// compiles fast.) `-C incremental=DIR` is added to debug builds by `build`.
    pub fn flags(self) -> &'static [&'static str] {
        match self {
            Profile::Debug => &["-C", "codegen-units=256"],
            Profile::Release => &["-C", "opt-level=3", "-C", "codegen-units=16"],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Profile::Debug => "debug",
            Profile::Release => "release",
        }
    }
}

/// What running a listing produced.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    /// The exit code, or `None` when a signal ended the process.
    pub code: Option<i32>,
    /// Whether this result came from the cache.
    pub cached: bool,
}

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
    } else if stem.starts_with("panic_") {
        Kind::Panics
    } else {
        Kind::Runs
    }
}

/// `rustc -vV`: the compiler's identity, part of every cache key.
pub fn rustc_version(root: &Path) -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let out = Command::new("rustc")
            .arg("-vV")
            .current_dir(root)
            .output()
            .expect("could not run rustc");
        String::from_utf8_lossy(&out.stdout).into_owned()
    })
}

/// The release line of `rustc -vV` (`1.95.0`).
pub fn rustc_release(root: &Path) -> String {
    rustc_version(root)
        .lines()
        .find_map(|l| l.strip_prefix("release: "))
        .unwrap_or("unknown")
        .to_owned()
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

/// `None` when the running rustc is the pinned one; else the one message every snapshot test
/// gives, instead of a diff per snapshot.
pub fn toolchain_drift(root: &Path) -> Option<String> {
    drift_message(&rustc_release(root), &pinned_toolchain(root))
}

/// The toolchain message for `running` vs `pinned` (`None` when they are the same).
pub fn drift_message(running: &str, pinned: &str) -> Option<String> {
    (running != pinned).then(|| {
        format!(
            "\n\nThis is rustc {running}, but the book's snapshots (program output and compiler errors) \
             were blessed with rustc {pinned} (rust-toolchain.toml).\n\
             The snapshot tests compare nothing until the two agree: the compiler's wording and the \
             programs' output change between releases.\n\
             - To use the pinned toolchain: `rustup toolchain install {pinned}` and run `cargo test` again.\n\
             - To move the book to {running}: see \"Bumping the toolchain\" in CONTRIBUTING.md \
             (edit rust-toolchain.toml, then `BLESS=1 cargo test` and review the diff).\n"
        )
    })
}

/// Whether the results of checks may be cached (`BOOK_NO_CACHE` unset, empty or `0`).
pub fn caching() -> bool {
    std::env::var_os("BOOK_NO_CACHE").is_none_or(|v| v.is_empty() || v == "0")
}

/// A record of checks that PASSED (never of failures), one empty file per pass under
/// `<target>/<name>/`, named after a hash of everything that can change the result. Entries are
/// written to a temporary file and renamed into place, so a reader never sees half of one.
pub struct Passes {
    dir: PathBuf,
}

impl Passes {
    /// `None` when caching is off (`BOOK_NO_CACHE=1`).
    pub fn open(root: &Path, name: &str) -> Option<Passes> {
        caching().then(|| Passes {
            dir: target_dir(root).join(name),
        })
    }

    /// A 128-bit key for `parts` (each part is hashed with its length, so no two lists of
    /// parts share a key by concatenation).
    pub fn key(parts: &[&str]) -> String {
        let hash = |salt: u8| {
            let mut h = DefaultHasher::new();
            (salt, CACHE_VERSION, parts).hash(&mut h);
            h.finish()
        };
        format!("{:016x}{:016x}", hash(1), hash(2))
    }

    pub fn passed(&self, key: &str) -> bool {
        self.dir.join(key).is_file()
    }

    /// Records a pass; `note` (what passed) is kept in the entry for people reading the cache.
    pub fn record(&self, key: &str, note: &str) {
        static SEQ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = self
            .dir
            .join(format!(".{key}.{}.{seq}.tmp", std::process::id()));
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(&self.dir)?;
            std::fs::write(&tmp, format!("passed: {note}\n"))?;
            std::fs::rename(&tmp, self.dir.join(key))
        };
        if write().is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("target"))
}

fn key(root: &Path, listing: &str, source: &str, profile: Profile) -> String {
    let mut h = DefaultHasher::new();
    (
        CACHE_VERSION,
        root,
        listing,
        source,
        rustc_version(root),
        profile.flags(),
    )
        .hash(&mut h);
    let first = h.finish();
    // A second, differently seeded hash makes an accidental collision irrelevant.
    ("second", first, source).hash(&mut h);
    format!("{first:016x}{:016x}", h.finish())
}

fn crate_name(listing: &str) -> String {
    let stem = Path::new(listing)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("listing");
    let clean: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("listing_{clean}")
}

/// Compiles `listing` (a path relative to `root`, e.g. `listings/ch04-moves/01-x.rs`).
/// Returns the binary, or the compiler's stderr when it does not compile.
pub fn build(root: &Path, listing: &str, profile: Profile) -> Result<PathBuf, String> {
    let rel = Path::new(listing);
    let bin = target_dir(root)
        .join("listings")
        .join(profile.name())
        .join(rel.parent().unwrap_or(Path::new("")))
        .join(rel.file_stem().unwrap_or_default());
    std::fs::create_dir_all(bin.parent().unwrap()).map_err(|e| e.to_string())?;
    let source = std::fs::read_to_string(root.join(listing)).unwrap_or_default();
    let mut deps = crate::deps::rustc_args(
        root,
        &crate::deps::declared(&source),
        profile == Profile::Release,
    )?;
    deps.extend(build_libs(root, listing, &source, profile, &bin)?);
    let out = Command::new("rustc")
        .current_dir(root)
        .args(["--edition", "2024", "--crate-type", "bin", "--crate-name"])
        .arg(crate_name(listing))
        .args(profile.flags())
        .args(match profile {
            Profile::Debug => vec![std::ffi::OsString::from("-C"), {
                let mut flag = std::ffi::OsString::from("incremental=");
                flag.push(bin.with_extension("incremental"));
                flag
            }],
            Profile::Release => vec![],
        })
        .args(&deps)
        .arg("-o")
        .arg(&bin)
        .arg(listing)
        .output()
        .map_err(|e| format!("could not run rustc: {e}"))?;
    if out.status.success() {
        Ok(bin)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The library listings a listing links (`// lib: lib_counting.rs`, beside it): each is built
/// as an rlib crate (named after the file without `lib_`) with the same profile, the way Cargo
/// builds a package's `src/lib.rs` for its `src/main.rs`. Returns the `--extern` arguments.
fn build_libs(
    root: &Path,
    listing: &str,
    source: &str,
    profile: Profile,
    bin: &Path,
) -> Result<Vec<String>, String> {
    let dir = Path::new(listing).parent().unwrap_or(Path::new(""));
    let mut args = Vec::new();
    for file in source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("// lib:"))
    {
        let file = file.trim();
        let name = file
            .strip_prefix("lib_")
            .and_then(|f| f.strip_suffix(".rs"))
            .ok_or_else(|| format!("{listing}: `// lib: {file}`: a library listing is named lib_NAME.rs"))?;
        let out_dir = bin.with_extension("libs");
        std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
        let rlib = out_dir.join(format!("lib{name}.rlib"));
        let mut cmd = Command::new("rustc");
        cmd.current_dir(root)
            .args(["--edition", "2024", "--crate-type", "rlib", "--crate-name", name])
            .args(profile.flags());
        if profile == Profile::Debug {
            let mut flag = std::ffi::OsString::from("incremental=");
            flag.push(out_dir.join(format!("{name}.incremental")));
            cmd.arg("-C").arg(flag);
        }
        let out = cmd
            .arg("-o")
            .arg(&rlib)
            .arg(dir.join(file))
            .output()
            .map_err(|e| format!("could not run rustc: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        args.push("--extern".to_owned());
        args.push(format!("{name}={}", rlib.display()));
    }
    Ok(args)
}

/// Compiles and runs `listing` from the repository root, using the cache when allowed.
pub fn run(root: &Path, listing: &str, profile: Profile) -> Result<Run, String> {
    let source = std::fs::read_to_string(root.join(listing))
        .map_err(|e| format!("cannot read {listing}: {e}"))?;
    let use_cache = caching();
    let entry = target_dir(root)
        .join("listing-cache")
        .join(key(root, listing, &keyed_source(root, listing, &source), profile));
    if use_cache && let Some(run) = load(&entry) {
        return Ok(run);
    }
    let bin = build(root, listing, profile)
        .map_err(|stderr| format!("{listing} does not compile ({}):\n{stderr}", profile.name()))?;
    let out = Command::new(&bin)
        .current_dir(root)
        .env("RUST_BACKTRACE", "0")
        .output()
        .map_err(|e| format!("could not run {}: {e}", bin.display()))?;
    let run = Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code(),
        cached: false,
    };
    if use_cache {
        store(&entry, &run);
    }
    Ok(run)
}

/// The listing's text plus what else its build reads: its `// lib:` files, and `Cargo.lock`
/// when it has a `// deps:` line.
fn keyed_source(root: &Path, listing: &str, source: &str) -> String {
    let dir = root.join(Path::new(listing).parent().unwrap_or(Path::new("")));
    let mut keyed = source.to_owned();
    for file in source.lines().filter_map(|l| l.trim().strip_prefix("// lib:")) {
        keyed.push_str(&std::fs::read_to_string(dir.join(file.trim())).unwrap_or_default());
    }
    if !crate::deps::declared(source).is_empty() {
        keyed.push_str(&std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default());
    }
    keyed
}

fn load(entry: &Path) -> Option<Run> {
    let code = std::fs::read_to_string(entry.join("code")).ok()?;
    Some(Run {
        stdout: std::fs::read_to_string(entry.join("stdout")).ok()?,
        stderr: std::fs::read_to_string(entry.join("stderr")).ok()?,
        code: code.trim().parse().ok(),
        cached: true,
    })
}

fn store(entry: &Path, run: &Run) {
    // Write into a fresh directory, then rename: a reader never sees half an entry.
    let tmp = entry.with_extension(format!("tmp{}", std::process::id()));
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(&tmp)?;
        std::fs::write(tmp.join("stdout"), &run.stdout)?;
        std::fs::write(tmp.join("stderr"), &run.stderr)?;
        let code = run.code.map_or("signal".to_owned(), |c| c.to_string());
        std::fs::write(tmp.join("code"), code)?;
        std::fs::rename(&tmp, entry)
    };
    if write().is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_file_names() {
        assert_eq!(kind_of("listings/a/01-x.rs"), Kind::Runs);
        assert_eq!(kind_of("listings/a/fail_x.rs"), Kind::FailsToCompile);
        assert_eq!(kind_of("listings/a/panic_x.rs"), Kind::Panics);
    }

    #[test]
    fn crate_names_are_valid_identifiers() {
        assert_eq!(
            crate_name("listings/ch04-moves/01-string-move.rs"),
            "listing_01_string_move"
        );
    }

    #[test]
    fn the_cache_key_changes_with_text_profile_and_path() {
        // (The root is part of the key too, so two checkouts never share entries.)
        let root = Path::new(".");
        let base = key(root, "a.rs", "fn main() {}", Profile::Debug);
        assert_eq!(base, key(root, "a.rs", "fn main() {}", Profile::Debug));
        assert_ne!(base, key(root, "a.rs", "fn main() { }", Profile::Debug));
        assert_ne!(base, key(root, "a.rs", "fn main() {}", Profile::Release));
        assert_ne!(base, key(root, "b.rs", "fn main() {}", Profile::Debug));
    }

    #[test]
    fn a_cached_listing_runs_again_after_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("listings/t")).unwrap();
        let file = "listings/t/01-hello.rs";
        std::fs::write(root.join(file), "fn main() { println!(\"one\"); }\n").unwrap();
        let first = run(root, file, Profile::Debug).unwrap();
        assert_eq!((first.stdout.as_str(), first.cached), ("one\n", false));
        let again = run(root, file, Profile::Debug).unwrap();
        assert_eq!((again.stdout.as_str(), again.cached), ("one\n", true));
        std::fs::write(root.join(file), "fn main() { println!(\"two\"); }\n").unwrap();
        let changed = run(root, file, Profile::Debug).unwrap();
        assert_eq!((changed.stdout.as_str(), changed.cached), ("two\n", false));
    }

    #[test]
    fn a_toolchain_mismatch_is_one_plain_message() {
        assert_eq!(drift_message("1.95.0", "1.95.0"), None);
        let msg = drift_message("1.97.0", "1.95.0").expect("a mismatch");
        assert!(
            msg.contains("This is rustc 1.97.0, but the book's snapshots"),
            "{msg}"
        );
        assert!(msg.contains("were blessed with rustc 1.95.0"), "{msg}");
        assert!(
            msg.contains("rustup toolchain install 1.95.0") && msg.contains("BLESS=1 cargo test"),
            "{msg}"
        );
    }

    #[test]
    fn the_pinned_toolchain_comes_from_rust_toolchain_toml() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("rust-toolchain.toml"),
            "[toolchain]\nchannel = \"1.95.0\"\n",
        )
        .unwrap();
        if std::env::var_os("BOOK_PINNED_TOOLCHAIN").is_none() {
            assert_eq!(pinned_toolchain(dir.path()), "1.95.0");
        }
    }

    #[test]
    fn passes_are_found_again_and_keys_depend_on_every_part() {
        let dir = tempfile::tempdir().unwrap();
        let passes = Passes {
            dir: dir.path().join("p"),
        };
        let key = Passes::key(&["a", "bc"]);
        assert_ne!(key, Passes::key(&["ab", "c"]));
        assert_ne!(key, Passes::key(&["a", "bc", ""]));
        assert!(!passes.passed(&key));
        passes.record(&key, "listings/x.rs");
        assert!(passes.passed(&key));
        let names: Vec<_> = std::fs::read_dir(dir.path().join("p"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            [std::ffi::OsString::from(&key)],
            "no temporary file is left"
        );
    }

    #[test]
    fn resolve_accepts_short_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("listings/c")).unwrap();
        std::fs::write(dir.path().join("listings/c/01-a.rs"), "").unwrap();
        for name in ["c/01-a", "c/01-a.rs", "listings/c/01-a.rs"] {
            assert_eq!(resolve(dir.path(), name).unwrap(), "listings/c/01-a.rs");
        }
        assert!(
            resolve(dir.path(), "c/nope")
                .unwrap_err()
                .contains("no listing")
        );
    }
}
