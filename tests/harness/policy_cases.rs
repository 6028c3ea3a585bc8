//! The harness's checks, tested on small books built in temporary directories: each rule is
//! broken once, and the failure must name the chapter (file and line) and the listing.

use book_tooling::outputs::{self, Settings};
use book_tooling::runner::Profile;
use book_tooling::{book, policy};
use std::path::Path;

/// Runs the output check on every listing of a tiny book, as on the reference platform; returns
/// the failures, each starting with `<listing> (<profile>)`.
fn check_all(root: &Path, jobs: Vec<(String, Profile)>, bless: bool) -> Vec<String> {
    let platform = crate::reference();
    jobs.into_iter()
        .filter_map(|(file, profile)| {
            outputs::check_listing(
                root,
                &file,
                profile,
                Settings {
                    bless,
                    platform: &platform,
                },
            )
            .err()
            .map(|e| format!("{file} ({}): {e}", profile.name()))
        })
        .collect()
}

/// A tiny book: `chapter` is `src/ch01-demo.md`, `files` are (path, text) under the root.
fn book_with(chapter: &str, files: &[(&str, &str)]) -> book_tooling::TempDir {
    let dir = book_tooling::tempdir();
    let root = dir.path();
    let write = |path: &str, text: &str| {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "book.toml",
        "[book]\ntitle = \"Demo\"\n\n[build]\ncreate-missing = false\n",
    );
    write("src/SUMMARY.md", "# Summary\n\n- [Demo](ch01-demo.md)\n");
    write("src/ch01-demo.md", chapter);
    for (path, text) in files {
        write(path, text);
    }
    dir
}

const HELLO: &str =
    "fn main() {\n    // ANCHOR: main\n    println!(\"hi\");\n    // ANCHOR_END: main\n}\n";
const FAIL: &str =
    "fn main() {\n    let s = String::new();\n    let t = s;\n    println!(\"{s}{t}\");\n}\n";
const FAIL_STDERR: &str = "error[E0382]: borrow of moved value: `s`\n";

/// A numbered, captioned figure around `blocks`.
fn figure(n: usize, blocks: &str, file: &str) -> String {
    format!(
        "<figure class=\"listing\" id=\"listing-1-{n}\">\n\n{blocks}\n<figcaption>Listing 1-{n}: Demo \
         (<code>{file}</code>)</figcaption>\n</figure>\n"
    )
}

fn problems(dir: &book_tooling::TempDir) -> Vec<String> {
    let book = book::load(dir.path()).unwrap();
    policy::check(&book)
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn assert_one(problems: &[String], needles: &[&str]) {
    assert!(
        problems
            .iter()
            .any(|p| needles.iter().all(|n| p.contains(n))),
        "no problem mentions all of {needles:?}; got:\n{problems:#?}"
    );
}

#[test]
fn a_clean_book_has_no_problems() {
    let dir = book_with(
        &format!(
            "# Demo\n\n{}\n{}\n```mermaid\nflowchart LR\n  accTitle: Demo\n  accDescr: A to B.\n  A --> B\n```\n\n## Summary\n",
            figure(
                1,
                "```rust\n{{#rustdoc_include ../listings/ch01-demo/01-hello.rs:main}}\n```\n",
                "listings/ch01-demo/01-hello.rs"
            ),
            figure(
                2,
                "```rust,compile_fail,E0382\n{{#include ../listings/ch01-demo/fail_moved.rs}}\n```\n\n\
                 ```text\n{{#include ../listings/ch01-demo/fail_moved.stderr}}\n```\n",
                "listings/ch01-demo/fail_moved.rs"
            )
        ),
        &[
            ("listings/ch01-demo/01-hello.rs", HELLO),
            ("listings/ch01-demo/fail_moved.rs", FAIL),
            ("listings/ch01-demo/fail_moved.stderr", FAIL_STDERR),
        ],
    );
    assert_eq!(problems(&dir), Vec::<String>::new());
}

#[test]
fn a_missing_file_is_named() {
    let dir = book_with(
        "# Demo\n\n```rust\n{{#rustdoc_include ../listings/ch01-demo/nope.rs}}\n```\n",
        &[],
    );
    assert_one(
        &problems(&dir),
        &[
            "src/ch01-demo.md:4",
            "listings/ch01-demo/nope.rs",
            "does not exist",
        ],
    );
}

#[test]
fn a_missing_anchor_is_named_even_though_mdbook_is_silent() {
    let dir = book_with(
        "# Demo\n\n```rust\n{{#rustdoc_include ../listings/ch01-demo/01-hello.rs:mian}}\n```\n",
        &[("listings/ch01-demo/01-hello.rs", HELLO)],
    );
    let found = problems(&dir);
    assert_one(
        &found,
        &[
            "src/ch01-demo.md:4",
            "listings/ch01-demo/01-hello.rs",
            "ANCHOR: mian",
        ],
    );
}

#[test]
fn an_include_that_expands_to_nothing_is_named() {
    // An empty line range: the file and the directive are fine, the block is empty.
    let dir = book_with(
        "# Demo\n\n```rust\n{{#include ../listings/ch01-demo/01-hello.rs:2:1}}\n```\n",
        &[("listings/ch01-demo/01-hello.rs", HELLO)],
    );
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:3", "01-hello.rs", "empty after expansion"],
    );
}

#[test]
fn an_orphan_listing_is_named() {
    let dir = book_with("# Demo\n", &[("listings/ch01-demo/01-hello.rs", HELLO)]);
    assert_one(
        &problems(&dir),
        &["listings/ch01-demo/01-hello.rs", "no chapter includes"],
    );
}

#[test]
fn a_snapshot_without_its_listing_is_named() {
    let dir = book_with("# Demo\n", &[("listings/ch01-demo/01-gone.stdout", "hi\n")]);
    assert_one(
        &problems(&dir),
        &["listings/ch01-demo/01-gone.stdout", "does not exist"],
    );
}

#[test]
fn a_fence_without_a_language_is_named() {
    let dir = book_with("# Demo\n\nText.\n\n```\nplain\n```\n", &[]);
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:5", "without a language"],
    );
}

#[test]
fn an_indented_code_block_is_named() {
    let dir = book_with("# Demo\n\nText.\n\n    let x = 1;\n", &[]);
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:5", "indented code block"],
    );
}

#[test]
fn an_ignore_block_is_named() {
    let dir = book_with(
        "# Demo\n\n```rust,ignore\n{{#rustdoc_include ../listings/ch01-demo/01-hello.rs}}\n```\n",
        &[("listings/ch01-demo/01-hello.rs", HELLO)],
    );
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:3", "01-hello.rs", "ignore"],
    );
}

#[test]
fn rust_code_shown_in_another_fence_is_named() {
    let dir = book_with(
        "# Demo\n\n```rs\n{{#rustdoc_include ../listings/ch01-demo/01-hello.rs}}\n```\n",
        &[("listings/ch01-demo/01-hello.rs", HELLO)],
    );
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:3", "01-hello.rs", "never compiled"],
    );
}

#[test]
fn a_benchmark_source_with_a_run_button_is_named() {
    let dir = book_with(
        "# Demo\n\n```rust\n{{#include ../benches/benches/b.rs}}\n```\n",
        &[("benches/benches/b.rs", HELLO)],
    );
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:3", "benches/benches/b.rs", "noplayground"],
    );
}

#[test]
fn inline_rust_code_is_named() {
    let dir = book_with("# Demo\n\n```rust\nfn main() {}\n```\n", &[]);
    assert_one(&problems(&dir), &["src/ch01-demo.md:3", "inline Rust code"]);
}

#[test]
fn an_inline_compile_fail_block_is_named() {
    let dir = book_with(
        "# Demo\n\n```rust,compile_fail,E0382\nfn main() { let x: i32 = \"\"; }\n```\n",
        &[],
    );
    assert_one(
        &problems(&dir),
        &[
            "src/ch01-demo.md:3",
            "compile_fail block: it must include exactly one fail_ listing",
        ],
    );
}

#[test]
fn compile_fail_on_a_listing_that_compiles_is_named() {
    let dir = book_with(
        "# Demo\n\n```rust,compile_fail,E0382\n{{#include ../listings/ch01-demo/01-hello.rs}}\n```\n",
        &[("listings/ch01-demo/01-hello.rs", HELLO)],
    );
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:3", "01-hello.rs", "fail_ listing"],
    );
}

#[test]
fn a_wrong_error_code_is_named() {
    let dir = book_with(
        "# Demo\n\n```rust,compile_fail,E0505\n{{#include ../listings/ch01-demo/fail_moved.rs}}\n```\n\n\
         ```text\n{{#include ../listings/ch01-demo/fail_moved.stderr}}\n```\n",
        &[
            ("listings/ch01-demo/fail_moved.rs", FAIL),
            ("listings/ch01-demo/fail_moved.stderr", FAIL_STDERR),
        ],
    );
    assert_one(
        &problems(&dir),
        &[
            "src/ch01-demo.md:3",
            "fail_moved.rs",
            "says E0505 but the compiler says E0382",
        ],
    );
}

#[test]
fn a_fail_listing_without_its_error_under_it_is_named() {
    let dir = book_with(
        "# Demo\n\n```rust,compile_fail,E0382\n{{#include ../listings/ch01-demo/fail_moved.rs}}\n```\n",
        &[
            ("listings/ch01-demo/fail_moved.rs", FAIL),
            ("listings/ch01-demo/fail_moved.stderr", FAIL_STDERR),
        ],
    );
    assert_one(&problems(&dir), &["fail_moved.rs", "right under the code"]);
}

#[test]
fn a_fail_listing_shown_as_ordinary_code_is_named() {
    let dir = book_with(
        "# Demo\n\n```rust\n{{#include ../listings/ch01-demo/fail_moved.rs}}\n```\n",
        &[("listings/ch01-demo/fail_moved.rs", FAIL)],
    );
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:3", "fail_moved.rs", "compile_fail,EXXXX"],
    );
}

#[test]
fn a_panic_listing_needs_should_panic() {
    let dir = book_with(
        "# Demo\n\n```rust\n{{#include ../listings/ch01-demo/panic_boom.rs}}\n```\n",
        &[(
            "listings/ch01-demo/panic_boom.rs",
            "fn main() { panic!(\"boom\") }\n",
        )],
    );
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:3", "panic_boom.rs", "should_panic"],
    );
}

#[test]
fn shared_regions_that_drifted_apart_are_named() {
    let shared = |body: &str, mark: &str| {
        format!("// BEGIN shared: demo{mark}\n{body}\n// END shared: demo\nfn main() {{}}\n")
    };
    let dir = book_with(
        "# Demo\n\n```rust\n{{#include ../listings/ch01-demo/01-a.rs}}\n```\n\n```rust\n{{#include ../listings/ch01-demo/02-b.rs}}\n```\n\n```rust\n{{#include ../listings/ch01-demo/03-c.rs}}\n```\n",
        &[
            (
                "listings/ch01-demo/01-a.rs",
                &shared("const X: u8 = 1;", " (source)"),
            ),
            (
                "listings/ch01-demo/02-b.rs",
                &shared("const X: u8 = 1;", ""),
            ),
            (
                "listings/ch01-demo/03-c.rs",
                &shared("const X: u8 = 2;", ""),
            ),
        ],
    );
    assert_one(
        &problems(&dir),
        &[
            "03-c.rs",
            "shared region `demo` differs from the source in",
            "--sync-shared",
        ],
    );
}

#[test]
fn a_stale_output_snapshot_fails_and_names_the_listing() {
    let dir = book_with(
        "# Demo\n",
        &[
            ("listings/ch01-demo/01-hello.rs", HELLO),
            ("listings/ch01-demo/01-hello.stdout", "bye\n"),
        ],
    );
    let jobs = outputs::jobs(dir.path());
    assert_eq!(
        jobs,
        vec![("listings/ch01-demo/01-hello.rs".to_owned(), Profile::Debug)]
    );
    let failures = check_all(dir.path(), jobs, false);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].starts_with("listings/ch01-demo/01-hello.rs (debug)"),
        "{}",
        failures[0]
    );
    assert!(
        failures[0].contains("01-hello.stdout is stale"),
        "{}",
        failures[0]
    );
}

#[test]
fn a_panic_listing_that_does_not_panic_fails() {
    let dir = book_with(
        "# Demo\n",
        &[("listings/ch01-demo/panic_calm.rs", "fn main() {}\n")],
    );
    let failures = check_all(dir.path(), outputs::jobs(dir.path()), false);
    assert!(
        failures[0].contains("panic_calm.rs (debug): exited with 0, expected 101"),
        "{failures:?}"
    );
}

#[test]
fn a_release_snapshot_makes_the_test_run_an_optimized_build() {
    let dir = book_with(
        "# Demo\n",
        &[
            ("listings/ch01-demo/01-hello.rs", HELLO),
            ("listings/ch01-demo/01-hello.release.stdout", "hi\n"),
        ],
    );
    let jobs = outputs::jobs(dir.path());
    assert!(jobs.contains(&(
        "listings/ch01-demo/01-hello.rs".to_owned(),
        Profile::Release
    )));
    // The debug snapshot is missing: that is a failure (until blessed), the release one passes.
    let failures = check_all(dir.path(), jobs.clone(), false);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(check_all(dir.path(), jobs, true).is_empty());
    assert!(Path::new(&dir.path().join("listings/ch01-demo/01-hello.stdout")).exists());
}

#[test]
fn listings_are_numbered_in_order_and_captioned_with_their_file() {
    let body = format!(
        "# Demo\n\n{}\n{}\n## Summary\n",
        figure(
            1,
            "```rust\n{{#include ../listings/ch01-demo/01-hello.rs}}\n```\n",
            "listings/ch01-demo/01-hello.rs"
        ),
        figure(
            3,
            "```rust\n{{#include ../listings/ch01-demo/02-bye.rs}}\n```\n",
            "listings/ch01-demo/01-hello.rs"
        ),
    );
    let dir = book_with(
        &body,
        &[
            ("listings/ch01-demo/01-hello.rs", HELLO),
            ("listings/ch01-demo/02-bye.rs", HELLO),
        ],
    );
    let found = problems(&dir);
    assert_one(
        &found,
        &["src/ch01-demo.md", "`listing-1-3` should be `listing-1-2`"],
    );
    assert_one(
        &found,
        &[
            "listings/ch01-demo/02-bye.rs",
            "caption should name the file",
        ],
    );
}

#[test]
fn a_listing_outside_a_figure_is_named() {
    let dir = book_with(
        "# Demo\n\n```rust\n{{#include ../listings/ch01-demo/01-hello.rs}}\n```\n\n## Summary\n",
        &[("listings/ch01-demo/01-hello.rs", HELLO)],
    );
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md:3", "01-hello.rs", "numbered <figure"],
    );
}

#[test]
fn a_diagram_without_a_description_is_named() {
    let dir = book_with(
        "# Demo\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n## Summary\n",
        &[],
    );
    assert_one(&problems(&dir), &["src/ch01-demo.md:3", "accDescr"]);
}

#[test]
fn a_chapter_without_a_diagram_is_named() {
    let dir = book_with("# Demo\n\nWords only.\n\n## Summary\n", &[]);
    assert_one(
        &problems(&dir),
        &["src/ch01-demo.md", "at least one diagram"],
    );
}

#[test]
fn a_chapter_without_a_summary_is_named() {
    let dir = book_with("# Demo\n\nNo summary here.\n", &[]);
    assert_one(&problems(&dir), &["src/ch01-demo.md", "## Summary"]);
}
