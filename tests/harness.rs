//! The harness's own tests: every check of `tests/book.rs`, broken on purpose on a small book
//! built in a temporary directory, must fail and name the chapter and the listing; the runner's
//! time limit must stop a program that never ends; the cache must never hide a change; and the
//! other-platform path must skip and report instead of failing, while the reference platform
//! still fails on a stale snapshot.

use book_tooling::outputs::{Checked, Difference, Settings};
use book_tooling::platform::Platform;
use book_tooling::runner::{self, Job, Profile};
use book_tooling::{blocks, book, outputs, picture};
use std::path::Path;

#[path = "harness/policy_cases.rs"]
mod policy_cases;

// The tooling library's unit tests, one module per file of `tooling/src/`.
#[path = "harness/unit/cache.rs"]
mod unit_cache;
#[path = "harness/unit/cheat_sheet.rs"]
mod unit_cheat_sheet;
#[path = "harness/unit/compile_fail.rs"]
mod unit_compile_fail;
#[path = "harness/unit/deps.rs"]
mod unit_deps;
#[path = "harness/unit/listing.rs"]
mod unit_listing;
#[path = "harness/unit/markdown.rs"]
mod unit_markdown;
#[path = "harness/unit/massif.rs"]
mod unit_massif;
#[path = "harness/unit/platform.rs"]
mod unit_platform;
#[path = "harness/unit/quiz.rs"]
mod unit_quiz;
#[path = "harness/unit/report.rs"]
mod unit_report;
#[path = "harness/unit/runner.rs"]
mod unit_runner;
#[path = "harness/unit/shared.rs"]
mod unit_shared;
#[path = "harness/unit/snapshot.rs"]
mod unit_snapshot;
#[path = "harness/unit/valgrind.rs"]
mod unit_valgrind;

/// The reference platform when this machine is one (x86_64 Linux, glibc), with this rustc.
fn reference() -> Platform {
    Platform::new(false, runner::rustc_release(), runner::rustc_release())
}

/// Another platform, as `BOOK_AS_OTHER_PLATFORM=1` makes it.
fn other() -> Platform {
    Platform::new(true, runner::rustc_release(), runner::rustc_release())
}

fn write(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A one-chapter book: `src/ch01-test.md` is `chapter`; `files` are (path, text).
fn tiny_book(chapter: &str, files: &[(&str, &str)]) -> book_tooling::TempDir {
    let dir = book_tooling::tempdir();
    write(
        dir.path(),
        "book.toml",
        "[book]\ntitle = \"t\"\nsrc = \"src\"\n",
    );
    write(
        dir.path(),
        "src/SUMMARY.md",
        "# Summary\n\n- [T](ch01-test.md)\n",
    );
    write(dir.path(), "src/ch01-test.md", chapter);
    for (file, text) in files {
        write(dir.path(), file, text);
    }
    dir
}

/// Text no earlier run has seen, so that its first check cannot come from the cache.
fn fresh(code: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("// run {nanos} {}\n{code}", std::process::id())
}

/// Checks the one block of a tiny book whose chapter has `fence` around `code`. (The same code
/// gives the same key: after the first run, its outcome comes from the cache, and the verdict
/// on it is made again, which is what these tests are about.)
fn block(fence: &str, code: &str) -> Result<Checked, String> {
    block_in(&format!("# T\n\n```{fence}\n{code}\n```\n"), &[])
}

/// Checks the one block of a tiny book with `chapter` and `files`.
fn block_in(chapter: &str, files: &[(&str, &str)]) -> Result<Checked, String> {
    let dir = tiny_book(chapter, files);
    let book = book::load(dir.path()).unwrap();
    let blocks = blocks::all(&book);
    assert_eq!(blocks.len(), 1, "{blocks:?}");
    let platform = reference();
    blocks::check(
        dir.path(),
        &blocks[0],
        Settings {
            bless: false,
            platform: &platform,
        },
    )
}

const LET_CHAIN: &str =
    "fn main() { let v = Some(2); if let Some(x) = v && x > 1 { println!(\"{x}\"); } }";

#[test]
fn blocks_compile_as_edition_2024_unless_the_fence_says_otherwise() {
    assert_eq!(block("rust", LET_CHAIN), Ok(Checked::Passed(vec![])));
    let err = block("rust,edition2021", LET_CHAIN).expect_err("let chains are refused in 2021");
    assert!(err.contains("does not compile"), "{err}");
}

#[test]
fn each_way_a_block_can_be_wrong_fails_and_names_the_block() {
    let cases = [
        (
            "rust,should_panic",
            "fn main() { let x: u8 = \"no\"; }",
            "must compile",
        ),
        ("rust,should_panic", "fn main() {}", "without panicking"),
        (
            "rust,compile_fail,E0382",
            "fn main() {}",
            "a compile_fail block compiled",
        ),
        (
            "rust,compile_fail,E0382",
            "fn main() { let x: u8 = \"no\"; }",
            "not with E0382",
        ),
        (
            "rust",
            "fn main() { std::process::exit(3) }",
            "failed when run",
        ),
        ("rust,ignore", "fn main() {}", "block marked ignore"),
    ];
    for (fence, code, needle) in cases {
        let err = block(fence, code).expect_err(fence);
        assert!(err.starts_with("src/ch01-test.md:3"), "{fence}: {err}");
        assert!(err.contains(needle), "{fence}: {err}");
    }
    assert!(block("rust,should_panic", "fn main() { panic!(\"boom\") }").is_ok());
    assert!(
        block(
            "rust,compile_fail,E0308",
            "fn main() { let x: u8 = \"no\"; }"
        )
        .is_ok()
    );
}

#[test]
fn a_program_that_never_ends_is_stopped_at_its_time_limit_and_named() {
    let dir = tiny_book(
        "# T\n",
        &[(
            "listings/ch01-test/01-forever.rs",
            "// time-limit: 0.1 s\nfn main() {\n    loop {\n        std::hint::spin_loop();\n    }\n}\n",
        )],
    );
    let started = std::time::Instant::now();
    let platform = reference();
    let err = outputs::check_listing(
        dir.path(),
        "listings/ch01-test/01-forever.rs",
        Profile::Debug,
        Settings {
            bless: false,
            platform: &platform,
        },
    )
    .expect_err("it never ends");
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
    assert!(
        err.contains("listings/ch01-test/01-forever.rs: timed out")
            && err.contains("stopped after 0.1 s"),
        "{err}"
    );
}

#[test]
fn a_changed_listing_is_compiled_and_run_again() {
    // The first version is the same on every run (so a warm `cargo test` compiles only the
    // changed one); the changed one is new each time.
    let dir = tiny_book(
        "# T\n",
        &[(
            "listings/ch01-test/01-a.rs",
            "fn main() { println!(\"one\"); }\n",
        )],
    );
    let job = || Job::listing(dir.path(), "listings/ch01-test/01-a.rs", Profile::Debug).unwrap();
    let first = runner::run(dir.path(), &job()).unwrap();
    assert_eq!(first.run().unwrap().stdout, "one\n");
    if book_tooling::cache::enabled() {
        assert!(
            runner::run(dir.path(), &job()).unwrap().cached,
            "the same inputs hit the cache"
        );
    }
    write(
        dir.path(),
        "listings/ch01-test/01-a.rs",
        &fresh("fn main() { println!(\"two\"); }\n"),
    );
    let changed = runner::run(dir.path(), &job()).unwrap();
    assert_eq!(
        (changed.run().unwrap().stdout.as_str(), changed.cached),
        ("two\n", false)
    );
}

/// A listing that prints a number the platform decides, and whose snapshot holds another value.
fn platform_book() -> book_tooling::TempDir {
    tiny_book(
        "# T\n",
        &[
            (
                "listings/ch01-test/01-size.rs",
                "// per-platform: usize: \\d+ bytes\nfn main() {\n    println!(\"usize: {} bytes\", 3 * size_of::<usize>());\n    println!(\"same everywhere\");\n}\n",
            ),
            (
                "listings/ch01-test/01-size.stdout",
                "usize: 4 bytes\nsame everywhere\n",
            ),
            (
                "listings/ch01-test/02-maps.rs",
                "// needs: linux: reads /proc/self/maps\nfn main() {\n    print!(\"{}\", std::fs::read_to_string(\"/proc/self/maps\").unwrap().lines().count());\n}\n",
            ),
        ],
    )
}

#[test]
fn off_the_reference_platform_differences_are_reported_not_failed() {
    let dir = platform_book();
    let platform = other();
    let settings = Settings {
        bless: false,
        platform: &platform,
    };
    let size = outputs::check_listing(
        dir.path(),
        "listings/ch01-test/01-size.rs",
        Profile::Debug,
        settings,
    );
    let here = format!("usize: {} bytes", 3 * size_of::<usize>());
    assert_eq!(
        size,
        Ok(Checked::Passed(vec![Difference {
            snapshot: "listings/ch01-test/01-size.stdout".into(),
            book: "usize: 4 bytes".into(),
            here,
        }]))
    );
    let maps = outputs::check_listing(
        dir.path(),
        "listings/ch01-test/02-maps.rs",
        Profile::Debug,
        settings,
    );
    assert_eq!(
        maps,
        Ok(Checked::Skipped(
            "needs linux: reads /proc/self/maps (compiled, not run)".into()
        ))
    );
}

#[test]
fn on_the_reference_platform_a_per_platform_value_is_still_compared() {
    let platform = reference();
    if !platform.is_reference() {
        return; // (this machine is not the reference platform)
    }
    let dir = platform_book();
    let err = outputs::check_listing(
        dir.path(),
        "listings/ch01-test/01-size.rs",
        Profile::Debug,
        Settings {
            bless: false,
            platform: &platform,
        },
    )
    .expect_err("a stale snapshot fails on the reference platform");
    assert!(
        err.contains("01-size.stdout is stale") && err.contains("-usize: 4 bytes"),
        "{err}"
    );
}

#[test]
fn a_needs_listing_must_still_compile_everywhere() {
    let dir = tiny_book(
        "# T\n",
        &[(
            "listings/ch01-test/01-x.rs",
            "// needs: linux: reads /proc\nfn main() { let x: u8 = \"no\"; }\n",
        )],
    );
    let platform = other();
    let err = outputs::check_listing(
        dir.path(),
        "listings/ch01-test/01-x.rs",
        Profile::Debug,
        Settings {
            bless: false,
            platform: &platform,
        },
    )
    .expect_err("it does not compile");
    assert!(err.contains("must compile on every platform"), "{err}");
}

const USE_AFTER_FREE: &str = "fn main() {\n    let v = vec![1_u8, 2, 3];\n    let p = v.as_ptr();\n    drop(v);\n    // SAFETY: none: this reads freed memory, on purpose.\n    let x = unsafe { p.read_volatile() };\n    println!(\"{x}\");\n}\n";

#[test]
fn memcheck_catches_a_use_after_free_and_its_report_is_a_snapshot() {
    if book_tooling::valgrind::version().is_none() {
        return; // (no valgrind on this machine: the check is skipped, with that reason)
    }
    let clean = "// memcheck: clean\nfn main() {\n    let v = vec![1_u8, 2, 3];\n    println!(\"{}\", v[1]);\n}\n";
    let dirty = format!("// memcheck: clean\n{USE_AFTER_FREE}");
    let dir = tiny_book(
        "# T\n",
        &[
            ("listings/ch01-test/01-clean.rs", clean),
            ("listings/ch01-test/02-dirty.rs", &dirty),
            (
                "listings/ch01-test/memcheck_use_after_free.rs",
                USE_AFTER_FREE,
            ),
        ],
    );
    assert!(
        !outputs::jobs(dir.path())
            .iter()
            .any(|(file, _)| file.contains("memcheck_")),
        "a memcheck_ listing is never run on its own"
    );
    let platform = reference();
    let check = |file: &str, bless| {
        book_tooling::valgrind::check(
            dir.path(),
            file,
            Settings {
                bless,
                platform: &platform,
            },
        )
    };
    assert_eq!(
        check("listings/ch01-test/01-clean.rs", false),
        Ok(Checked::Passed(vec![]))
    );
    let err = check("listings/ch01-test/02-dirty.rs", false).expect_err("a use after free");
    assert!(
        err.contains("memcheck found errors") && err.contains("Invalid read of size 1"),
        "{err}"
    );

    let broken = "listings/ch01-test/memcheck_use_after_free.rs";
    let err = check(broken, false).expect_err("no snapshot yet");
    assert!(
        err.contains("memcheck_use_after_free.memcheck is stale"),
        "{err}"
    );
    assert_eq!(check(broken, true), Ok(Checked::Passed(vec![])));
    let snapshot =
        std::fs::read_to_string(dir.path().join(broken.replace(".rs", ".memcheck"))).unwrap();
    assert!(
        snapshot.starts_with("==PID== Invalid read of size 1")
            && snapshot.contains("memcheck_use_after_free.rs:6"),
        "{snapshot}"
    );
    assert_eq!(check(broken, false), Ok(Checked::Passed(vec![])));
    write(
        dir.path(),
        &broken.replace(".rs", ".memcheck"),
        &snapshot.replace("size 1", "size 8"),
    );
    assert!(check(broken, false).is_err(), "a stale report fails");
}

#[test]
fn massif_keeps_the_peak_snapshot_and_its_call_site() {
    if book_tooling::valgrind::version().is_none() || !reference().is_reference() {
        return; // (no valgrind, or not the reference platform: the check is skipped)
    }
    let peak = "// massif: peak\nfn main() {\n    let big = vec![7_u8; 100_000];\n    drop(vec![1_u8; 10]);\n    println!(\"{}\", big[0]);\n}\n";
    let dir = tiny_book("# T\n", &[("listings/ch01-test/01-peak.rs", peak)]);
    let platform = reference();
    let check = |bless| {
        book_tooling::massif::check(
            dir.path(),
            "listings/ch01-test/01-peak.rs",
            Settings {
                bless,
                platform: &platform,
            },
        )
    };
    let err = check(false).expect_err("no snapshot yet");
    assert!(err.contains("01-peak.massif is stale"), "{err}");
    assert_eq!(check(true), Ok(Checked::Passed(vec![])));
    let snapshot =
        std::fs::read_to_string(dir.path().join("listings/ch01-test/01-peak.massif")).unwrap();
    assert!(
        snapshot.contains("(100,000B)")
            && snapshot.contains("listing_01_peak::main (01-peak.rs:3)"),
        "{snapshot}"
    );
    assert!(
        !snapshot.contains("lang_start"),
        "cut below main: {snapshot}"
    );
    assert_eq!(check(false), Ok(Checked::Passed(vec![])));
    write(
        dir.path(),
        "listings/ch01-test/01-peak.massif",
        &snapshot.replace("(100,000B)", "(99,000B)"),
    );
    assert!(check(false).is_err(), "a stale profile fails");
}

/// A block showing a benchmark's source is not compiled by `cargo test` (its crates build C);
/// it must be a file `cargo bench` compiles: a `[[bench]]` target, or a file one includes.
#[test]
fn a_benchmark_source_must_be_a_bench_target() {
    let chapter = "# T\n\n```rust,noplayground\n{{#include ../benches/benches/b.rs}}\n```\n";
    let check = |manifest: &str| {
        block_in(
            chapter,
            &[
                ("benches/benches/b.rs", "fn main() {}\n"),
                ("benches/Cargo.toml", manifest),
            ],
        )
    };
    let listed = "[[bench]]\nname = \"b\"\npath = \"benches/b.rs\"\n";
    assert!(
        matches!(check(listed), Ok(Checked::Passed(_))),
        "{:?}",
        check(listed).err()
    );
    let err = check("[[bench]]\nname = \"c\"\npath = \"benches/c.rs\"\n").unwrap_err();
    assert!(
        err.contains("benches/benches/b.rs") && err.contains("cargo bench"),
        "{err}"
    );
}

// ---- memory pictures (```memory, crates/mdbook-memory), as tests/book.rs checks them ----------

const PICTURE_DATA: &str =
    "String header: 24 bytes\ns: header at 0x7ffe714c6458, buffer at 0x5646f4627d60\n";

fn picture_chapter(var_line: &str) -> String {
    format!(
        "# T\n\n```memory\npicture string-move: A String\ndata ../listings/ch01-test/01-x.stdout\n\
         match \"String header: (?<size>\\d+) bytes\"\n\
         match \"s: header at (?<s>0x[0-9a-f]+), buffer at (?<buf>0x[0-9a-f]+)\"\n\
         kind stack-heap\nframe main\n{var_line}\nheap buffer at={{buf}}\n```\n"
    )
}

/// The pictures of a tiny book's chapter, each checked as `[picture]` trials check it.
fn pictures(chapter: &str, data: &str) -> Vec<Result<String, String>> {
    let dir = tiny_book(chapter, &[("listings/ch01-test/01-x.stdout", data)]);
    let book = book::load(dir.path()).unwrap();
    let ch = &book.chapters[0];
    mdbook_memory::blocks(&ch.raw)
        .iter()
        .map(|b| mdbook_memory::check(b, &ch.dir, &ch.file))
        .collect()
}

#[test]
fn a_picture_with_a_typed_in_number_fails_naming_chapter_and_picture() {
    let got = pictures(
        &picture_chapter("var s type=String size=24 at={s} to=buffer"),
        PICTURE_DATA,
    );
    let err = got[0].clone().unwrap_err();
    assert!(err.contains("src/ch01-test.md"), "{err}");
    assert!(err.contains("`string-move`"), "{err}");
    assert!(err.contains("`24` is typed"), "{err}");
}

#[test]
fn a_picture_whose_snapshot_changed_fails_as_stale() {
    let got = pictures(
        &picture_chapter("var s type=String size={size} at={s} to=buffer"),
        "String header is 24 bytes\ns: header at 0x7ffe714c6458, buffer at 0x5646f4627d60\n",
    );
    let err = got[0].clone().unwrap_err();
    assert!(
        err.contains("src/ch01-test.md") && err.contains("`string-move`"),
        "{err}"
    );
    assert!(err.contains("stale data"), "{err}");
}

#[test]
fn a_number_changed_in_the_snapshot_changes_the_svg() {
    let chapter = picture_chapter("var s type=String size={size} at={s} to=buffer");
    let before = pictures(&chapter, PICTURE_DATA).remove(0).unwrap();
    let after = pictures(
        &chapter,
        &PICTURE_DATA.replace("0x7ffe714c6458", "0x7ffe714c6470"),
    )
    .remove(0)
    .unwrap();
    assert!(before.contains("0x7ffe714c6458") && after.contains("0x7ffe714c6470"));
    assert_ne!(before, after);
}

#[test]
fn a_picture_that_passed_is_checked_again_when_its_data_changes() {
    let chapter = picture_chapter("var s type=String size={size} at={s} to=buffer");
    let dir = tiny_book(
        &chapter,
        &[("listings/ch01-test/01-x.stdout", PICTURE_DATA)],
    );
    let check = || {
        let book = book::load(dir.path()).unwrap();
        let ch = &book.chapters[0];
        let block = mdbook_memory::blocks(&ch.raw).remove(0);
        picture::check(dir.path(), &block, &ch.dir, &ch.file)
    };
    check().unwrap();
    check().expect("unchanged: the remembered result");
    std::fs::write(
        dir.path().join("listings/ch01-test/01-x.stdout"),
        PICTURE_DATA.replace("String header: 24", "String header is 24"),
    )
    .unwrap();
    let err = check().unwrap_err();
    assert!(err.contains("stale data"), "{err}");
}
