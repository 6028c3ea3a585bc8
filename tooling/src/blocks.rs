//! The block check: every ```rust block of every chapter, expanded exactly as mdBook expands
//! it and read by skeptic (`vendor/skeptic`), does what its fence says: compiles and runs
//! (exit 0), only compiles (`no_run`), panics (`should_panic`), or fails with its error code
//! (`compile_fail,EXXXX`). What is compiled is what the playground's Run button sends.

use crate::outputs::{Checked, Settings, skip_if_unmet};
use crate::runner::{self, Job, Mode, Profile};
use skeptic::{Block, Expect};
use std::path::Path;

/// The Rust blocks of every chapter of `book`.
pub fn all(book: &crate::book::Book) -> Vec<Block> {
    let mut blocks = Vec::new();
    for chapter in &book.chapters {
        let stem = Path::new(&chapter.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("chapter");
        blocks.extend(skeptic::blocks(&chapter.expanded, stem));
    }
    blocks
}

/// A program's lines, without mdBook's anchor lines and trailing white space.
fn without_anchors(code: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = code
        .lines()
        .filter(|l| !(l.contains("ANCHOR:") || l.contains("ANCHOR_END:")))
        .map(str::trim_end)
        .collect();
    while lines.last() == Some(&"") {
        lines.pop();
    }
    lines
}

/// A block showing a benchmark's source (code that needs crates with a C build, such as
/// mimalloc, which stay out of `cargo test`): the file must be the source of a `[[bench]]`
/// target of `benches/Cargo.toml`, so that `cargo bench -p book-benches` (and CI's smoke run,
/// `benches/run.sh --smoke`) compiles exactly what the block shows, or a file such a target
/// includes with `#[path]`.
fn bench_source(root: &Path, source: &str) -> Result<Checked, String> {
    let manifest: toml::Table = std::fs::read_to_string(root.join("benches/Cargo.toml"))
        .map_err(|e| e.to_string())
        .and_then(|text| toml::from_str(&text).map_err(|e| e.to_string()))
        .map_err(|e| format!("benches/Cargo.toml: {e}"))?;
    let relative = source.strip_prefix("benches/").unwrap_or(source);
    let targets: Vec<&str> = manifest
        .get("bench")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|bench| bench.get("path")?.as_str())
        .collect();
    let included = targets.iter().any(|t| {
        std::fs::read_to_string(root.join("benches").join(t)).is_ok_and(|code| {
            let name = Path::new(relative).file_name().and_then(|n| n.to_str());
            name.is_some_and(|n| code.contains(&format!("#[path = \"{n}\"]")))
        })
    });
    if targets.contains(&relative) || included {
        Ok(Checked::Passed(Vec::new()))
    } else {
        Err(format!(
            "{source} is shown as a benchmark's source, but no [[bench]] target of \
             benches/Cargo.toml is that file or includes it: `cargo bench` would never compile it"
        ))
    }
}

/// Checks one block. A failure starts with the chapter, line and listing.
pub fn check(root: &Path, block: &Block, settings: Settings<'_>) -> Result<Checked, String> {
    let fail = |why: String| format!("{}: {why}", block.origin);
    if block.ignore {
        return Err(fail(
            "block marked ignore: every block is checked (use no_run, should_panic or \
             compile_fail,EXXXX to say what it must do)"
                .into(),
        ));
    }
    if let Some(source) = block
        .listing
        .as_deref()
        .filter(|l| l.starts_with("benches/"))
    {
        return bench_source(root, source).map_err(fail);
    }
    let mut job = Job::new(&block.origin, &block.code);
    if let Some(edition) = &block.edition {
        job.edition = edition.clone();
    }
    job.mode = match block.expect {
        Expect::Run | Expect::Panic => Mode::Run,
        Expect::Compile | Expect::CompileFail(_) => Mode::Check,
    };
    // A block showing a listing is compiled with what the listing links (`// deps:`,
    // `// lib:`), and runs where the listing runs. A block that is the whole listing (all but
    // the anchor lines mdBook leaves out) is the listing's own job, which the output check runs
    // too: one compile serves both.
    if let Some(listing) = block.listing.as_deref().filter(|l| l.ends_with(".rs")) {
        let shown = Job::listing(root, listing, Profile::Debug).map_err(fail)?;
        if shown.crate_type == "rlib" {
            // A library listing (`lib_*.rs`) has no `main` to run: it must compile as the
            // library it is, whatever its fence says (its block is `noplayground`).
            job = Job {
                origin: job.origin,
                ..shown.clone()
            };
        } else if without_anchors(&shown.source) == without_anchors(&block.code) {
            job = Job {
                mode: job.mode,
                origin: job.origin,
                ..shown.clone()
            };
        } else {
            job.rustc_args = shown.rustc_args.clone();
            job.also_keyed = shown.also_keyed.clone();
            job.run_limit = shown.run_limit;
        }
        if let Some(reason) = skip_if_unmet(
            root,
            &Job {
                source: shown.source,
                ..job.clone()
            },
            settings,
        )
        .map_err(fail)?
        {
            return Ok(Checked::Skipped(reason));
        }
    }
    let outcome = runner::run(root, &job).map_err(|e| e.to_string())?;
    // A library has nothing to run; a listing broken on purpose for memcheck is never run on
    // its own (what it does is undefined): both must compile.
    let memcheck = block.listing.as_deref().map(crate::listing::kind_of)
        == Some(crate::listing::Kind::Memcheck);
    let expect = match (&block.expect, job.crate_type) {
        (Expect::Run, "rlib") => Expect::Compile,
        (Expect::Run, _) if memcheck => Expect::Compile,
        (expect, _) => expect.clone(),
    };
    if expect == Expect::Compile {
        job.mode = Mode::Check;
    }
    let verdict = skeptic::judge(
        &expect,
        &skeptic::Outcome {
            compiled: outcome.compiled,
            compiler: &outcome.compiler,
            exit: outcome.run().and_then(|r| r.code),
        },
    );
    verdict
        .map(|()| Checked::Passed(Vec::new()))
        .map_err(|why| {
            let mut message = fail(why);
            if !outcome.compiler.trim().is_empty() {
                message.push_str(&format!(
                    "\n--- compiler ---\n{}",
                    outcome.compiler.trim_end()
                ));
            }
            if let Some(run) = outcome.run() {
                for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
                    if !text.trim().is_empty() {
                        message.push_str(&format!("\n--- {name} ---\n{}", text.trim_end()));
                    }
                }
            }
            message
        })
}
