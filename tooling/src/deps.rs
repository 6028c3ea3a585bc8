//! Listings that use crates from crates.io (`// deps: bumpalo, smallvec`).
//!
//! The crates are the dependencies of the package `tooling/listing-deps`, so `Cargo.lock` pins
//! their versions and they work offline once fetched. That package is also a dev-dependency of
//! the tooling, so `cargo test` builds those crates with the harness, in the same build (sharing
//! serde, syn and the rest with it) and into the `deps` directory beside the test binary: the
//! harness takes them from there. Anywhere else (`cargo listing`, a release listing, a test
//! binary built without them) the first listing that needs them builds that package with Cargo
//! (once per process and profile) and reads the paths of the built libraries from Cargo's JSON
//! messages. Each such listing is compiled with `--extern` for exactly the crates it names, and
//! with the directory of their own dependencies on `-L`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

/// The crates a listing names in its `// deps:` line (empty for a std-only listing).
pub fn declared(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("// deps:"))
        .flat_map(|list| list.split(','))
        .map(|name| name.trim().replace('-', "_"))
        .filter(|name| !name.is_empty())
        .collect()
}

/// The built libraries of `tooling/listing-deps`: crate name → rlib, and the `deps` directory.
#[derive(Clone, Debug)]
pub struct Built {
    pub libs: BTreeMap<String, PathBuf>,
    pub search_dir: PathBuf,
}

/// The crates of `tooling/listing-deps`, built in `release` or dev profile: those the test binary
/// was built with if they are there, else built by Cargo (once per process and profile).
pub fn build(root: &Path, release: bool) -> Result<Built, String> {
    static BUILT: OnceLock<Mutex<BTreeMap<bool, Result<Built, String>>>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    built
        .entry(release)
        .or_insert_with(|| {
            let exe = std::env::current_exe().ok();
            let beside = exe.as_deref().and_then(Path::parent);
            beside
                .and_then(|dir| built_in(root, dir, release))
                .map_or_else(|| cargo_build(root, release), Ok)
        })
        .clone()
}

/// The crates of `tooling/listing-deps` in `dir`, if it is the `deps` directory of a build in
/// the wanted profile (`target/debug/deps`, where Cargo puts test binaries) and holds a library
/// of each. Where a crate has several (built with other features, or an older version), the
/// newest is taken: each is a complete build, and rustc finds the dependencies of the one it is
/// given in `dir` by their hashes.
pub fn built_in(root: &Path, dir: &Path, release: bool) -> Option<Built> {
    let profile = if release { "release" } else { "debug" };
    if !dir.ends_with(Path::new(profile).join("deps")) {
        return None;
    }
    let manifest = std::fs::read_to_string(root.join("tooling/listing-deps/Cargo.toml")).ok()?;
    let manifest: toml::Table = manifest.parse().ok()?;
    let names = manifest.get("dependencies")?.as_table()?.keys();
    let mut newest: BTreeMap<String, (std::time::SystemTime, PathBuf)> = BTreeMap::new();
    let wanted: Vec<String> = names.map(|n| n.replace('-', "_")).collect();
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let file = entry.file_name();
        let Some(stem) = file.to_str().and_then(|f| f.strip_prefix("lib")) else {
            continue;
        };
        let Some((name, _hash)) = stem.strip_suffix(".rlib").and_then(|s| s.rsplit_once('-'))
        else {
            continue;
        };
        if !wanted.iter().any(|w| w == name) {
            continue;
        }
        let Ok(modified) = entry.metadata().and_then(|m| m.modified()) else {
            continue;
        };
        if newest.get(name).is_none_or(|(t, _)| modified > *t) {
            newest.insert(name.to_owned(), (modified, entry.path()));
        }
    }
    if newest.len() != wanted.len() {
        return None;
    }
    Some(Built {
        libs: newest
            .into_iter()
            .map(|(name, (_, path))| (name, path))
            .collect(),
        search_dir: dir.to_path_buf(),
    })
}

fn cargo_build(root: &Path, release: bool) -> Result<Built, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root).args([
        "build",
        "--quiet",
        "--package",
        "listing-deps",
        "--message-format=json",
    ]);
    if release {
        cmd.arg("--release");
    }
    let out = cmd
        .output()
        .map_err(|e| format!("could not run cargo to build tooling/listing-deps: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo could not build tooling/listing-deps (the crates listings use):\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut libs = BTreeMap::new();
    let mut search_dir = None;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if msg["reason"] != "compiler-artifact" {
            continue;
        }
        let is_lib = msg["target"]["kind"]
            .as_array()
            .is_some_and(|k| k.iter().any(|k| k == "lib" || k == "rlib"));
        let Some(name) = msg["target"]["name"].as_str().filter(|_| is_lib) else {
            continue;
        };
        for file in msg["filenames"].as_array().into_iter().flatten() {
            let Some(file) = file.as_str().filter(|f| f.ends_with(".rlib")) else {
                continue;
            };
            let file = PathBuf::from(file);
            search_dir.get_or_insert_with(|| file.parent().map(Path::to_path_buf));
            libs.insert(name.replace('-', "_"), file);
        }
    }
    let search_dir = search_dir
        .flatten()
        .ok_or("cargo built tooling/listing-deps but reported no library")?;
    Ok(Built { libs, search_dir })
}

/// The `rustc` arguments for a listing that names `crates` (none for a std-only listing).
pub fn rustc_args(root: &Path, crates: &[String], release: bool) -> Result<Vec<String>, String> {
    if crates.is_empty() {
        return Ok(Vec::new());
    }
    let built = build(root, release)?;
    let mut args = vec![
        "-L".to_owned(),
        format!("dependency={}", built.search_dir.display()),
    ];
    for name in crates {
        let lib = built.libs.get(name).ok_or_else(|| {
            format!(
                "`// deps: {name}`: {name} is not a dependency of tooling/listing-deps/Cargo.toml \
                 (add it there, pinned, to use it in a listing)"
            )
        })?;
        args.push("--extern".to_owned());
        args.push(format!("{name}={}", lib.display()));
    }
    Ok(args)
}
