//! `cargo test`'s check of the whole book: one trial per thing a reader sees, in one libtest-style
//! report (libtest-mimic), so `cargo test ch04` runs what belongs to chapter 4 and
//! `cargo test -- --list` lists every trial:
//!
//! - `[policy] ch04-moves`: the book's rules for that chapter (`[policy] listings`: for files);
//! - `[block] ch04-moves.md:42 01-string-move`: a Rust block, as the Run button sends it;
//! - `[output] ch04-moves/01-string-move` (and `… (release)`): a listing's run against its
//!   snapshots;
//! - `[compile_fail] ch04-moves/fail_use_after_move`: a `fail_` listing against its `.stderr`;
//! - `[memcheck] ch13-unsafe-memory/03-minivec`: a listing under valgrind's memcheck;
//! - `[massif] ch14-profiling/05-massif-peak`: a listing's heap profile, by valgrind's massif;
//! - `[quiz] ch04-moves`: a chapter's quiz and its answer key;
//! - `[picture] ch04-moves.md: string-move`: a memory picture drawn from its data (a number typed
//!   into it, or a pattern its snapshot no longer matches, fails);
//! - `[cheat_sheet] …`, `[toolchain] …`: the generated table, the pinned compiler.
//!
//! Everything goes through the one runner (`book_tooling::runner`: time limits, cache). Off the
//! book's reference platform, what cannot run is reported as ignored with its reason, and a
//! table after the summary says what differs (`BOOK_AS_OTHER_PLATFORM=1` shows it here).

use book_tooling::outputs::{Checked, Settings};
use book_tooling::platform::Platform;
use book_tooling::report::Report;
use book_tooling::runner::Profile;
use book_tooling::{
    blessing, blocks, book, cheat_sheet, compile_fail, listing, massif, outputs, picture, policy,
    quiz, runner, snapshot, valgrind,
};
use libtest_mimic::{Arguments, Completion, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    if std::env::var_os(compile_fail::CHILD).is_some() {
        return trybuild_batch();
    }
    let mut args = Arguments::from_args();
    // A trial spends part of its time waiting for the programs it starts (rustc, the listing,
    // valgrind), so one thread more than the machine has cores keeps them busy: on the 2-core
    // machine kind, with an empty cache, this binary took 54.7 s and 54.0 s with 2 threads,
    // 43.7 s and 49.7 s with 3. `--test-threads` and `RUST_TEST_THREADS` still decide.
    if args.test_threads.is_none() {
        args.test_threads = std::env::var("RUST_TEST_THREADS")
            .ok()
            .and_then(|n| n.parse().ok())
            .or_else(|| {
                std::thread::available_parallelism()
                    .ok()
                    .map(|n| n.get() + 1)
            });
    }
    let root = book_tooling::root();
    let platform = Platform::current();
    let report: &'static Report = Box::leak(Box::default());
    let settings = Settings {
        bless: blessing(),
        platform,
    };
    let trials = match book::load(&root) {
        Ok(book) => trials(&root, Arc::new(book), settings, report),
        Err(e) => vec![Trial::test("the book loads", move || Err(e.into())).with_kind("book")],
    };
    let fail_cases: Vec<String> = trials
        .iter()
        .filter(|t| t.kind() == "compile_fail" && !args.is_filtered_out(t))
        .map(|t| format!("listings/{}.rs", t.name()))
        .collect();
    compile_fail::plan(&root, &fail_cases, settings.bless);
    let conclusion = libtest_mimic::run(&args, trials);
    if !args.list {
        print!("{}", report.render(platform));
        if let Some(drift) = listing::toolchain_drift(&root) {
            println!("\n{drift}");
        }
    }
    conclusion.exit_code()
}

/// A trial's result from a check that may skip.
fn finish(
    report: &Report,
    what: &str,
    result: Result<Checked, String>,
) -> Result<Completion, Failed> {
    match result {
        Ok(Checked::Passed(differences)) => {
            for d in differences {
                report.differs(what, d);
            }
            Ok(Completion::Completed)
        }
        Ok(Checked::Skipped(why)) => {
            report.skipped(what, &why);
            Ok(Completion::ignored_with(why))
        }
        Err(e) => Err(e.into()),
    }
}

fn stem(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file)
        .to_owned()
}

/// `listings/ch04-moves/01-x.rs` → `ch04-moves/01-x`.
fn listing_name(file: &str) -> String {
    file.trim_start_matches("listings/")
        .trim_end_matches(".rs")
        .to_owned()
}

fn trials(
    root: &Path,
    book: Arc<book::Book>,
    settings: Settings<'static>,
    report: &'static Report,
) -> Vec<Trial> {
    let mut trials = Vec::new();
    let root: Arc<PathBuf> = Arc::new(root.to_path_buf());

    // The rules, one trial per chapter (and one for files that belong to no chapter).
    let problems = policy::check(&book);
    let mut groups: Vec<String> = book.chapters.iter().map(|c| c.file.clone()).collect();
    groups.push("listings/".to_owned());
    for group in groups {
        let mine: Vec<_> = problems
            .iter()
            .filter(|p| p.chapter == group)
            .cloned()
            .collect();
        let name = if group == "listings/" {
            "listings".to_owned()
        } else {
            stem(&group)
        };
        trials.push(
            Trial::test(name, move || {
                if mine.is_empty() {
                    Ok(())
                } else {
                    Err(policy::report(&mine).into())
                }
            })
            .with_kind("policy"),
        );
    }

    // Every Rust block, as readers see it.
    for block in blocks::all(&book) {
        let at = block
            .origin
            .split_whitespace()
            .next()
            .unwrap_or(&block.origin)
            .trim_start_matches("src/")
            .to_owned();
        let name = match &block.listing {
            Some(l) => format!("{at} {}", stem(l)),
            None => at,
        };
        let root = Arc::clone(&root);
        let what = name.clone();
        trials.push(
            Trial::ignorable_test(name, move || {
                finish(report, &what, blocks::check(&root, &block, settings))
            })
            .with_kind("block"),
        );
    }

    // Every memory picture (```memory), bound to the snapshot it reads and drawn: a number typed
    // into a description, or a pattern its data no longer matches (stale), fails.
    let mut ids: Vec<(String, String)> = Vec::new();
    for chapter in &book.chapters {
        for block in mdbook_memory::blocks(&chapter.raw) {
            let at = chapter.file.trim_start_matches("src/").to_owned();
            ids.push((block.id.clone(), at.clone()));
            let dir = chapter.dir.clone();
            let file = chapter.file.clone();
            let root = Arc::clone(&root);
            trials.push(
                Trial::test(format!("{at}: {}", block.id), move || {
                    picture::check(&root, &block, &dir, &file).map_err(Failed::from)
                })
                .with_kind("picture"),
            );
        }
    }
    trials.push(
        Trial::test("every picture id is unique in the book", move || {
            ids.sort();
            let twice: Vec<String> = ids
                .windows(2)
                .filter(|w| w[0].0 == w[1].0)
                .map(|w| format!("`{}` in {} and {}", w[0].0, w[0].1, w[1].1))
                .collect();
            if twice.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "picture ids are element ids on the print page: {}",
                    twice.join("; ")
                )
                .into())
            }
        })
        .with_kind("picture"),
    );

    // Every listing's output, in each build it has a snapshot for.
    for (file, profile) in outputs::jobs(&root) {
        let mut name = listing_name(&file);
        if profile == Profile::Release {
            name.push_str(" (release)");
        }
        let root = Arc::clone(&root);
        let what = name.clone();
        trials.push(
            Trial::ignorable_test(name, move || {
                let result = outputs::check_listing(&root, &file, profile, settings)
                    .map_err(|e| format!("{file} ({}): {e}", profile.name()));
                finish(report, &what, result)
            })
            .with_kind("output"),
        );
    }

    // Every listing that must not compile, judged by trybuild (in one batch).
    for file in book::listing_files(&root) {
        if listing::kind_of(&file) != listing::Kind::FailsToCompile {
            continue;
        }
        let name = listing_name(&file);
        let root = Arc::clone(&root);
        let what = name.clone();
        trials.push(
            Trial::ignorable_test(name, move || {
                if !settings.platform.same_compiler() {
                    let why = format!(
                        "compiler messages are compared with rustc {} only; the block check still \
                         requires the error code",
                        settings.platform.pinned_rustc
                    );
                    return finish(report, &what, Ok(Checked::Skipped(why)));
                }
                compile_fail::check(&root, &file)
                    .map(|()| Completion::Completed)
                    .map_err(Failed::from)
            })
            .with_kind("compile_fail"),
        );
    }

    // Listings run under valgrind: memcheck for `// memcheck: clean` and `memcheck_*.rs`
    // (broken on purpose, their report the snapshot); massif for `// massif: peak` (the peak
    // snapshot is theirs).
    type ValgrindCheck = fn(&Path, &str, Settings<'_>) -> Result<Checked, String>;
    for file in book::listing_files(&root) {
        let source = std::fs::read_to_string(root.join(&file)).unwrap_or_default();
        let broken = listing::kind_of(&file) == listing::Kind::Memcheck;
        let memcheck = valgrind::wants_clean(&source).map(|clean| clean || broken);
        let checks: [(&str, Result<bool, String>, ValgrindCheck); 2] = [
            ("memcheck", memcheck, valgrind::check),
            ("massif", massif::wanted(&source), massif::check),
        ];
        for (kind, wanted, check) in checks {
            if wanted == Ok(false) {
                continue;
            }
            let (file, name) = (file.clone(), listing_name(&file));
            let root = Arc::clone(&root);
            let what = name.clone();
            trials.push(
                Trial::ignorable_test(name, move || {
                    wanted.map_err(|e| format!("{file}: {e}"))?;
                    let result = check(&root, &file, settings).map_err(|e| format!("{file}: {e}"));
                    finish(report, &what, result)
                })
                .with_kind(kind),
            );
        }
    }

    // The quizzes: each chapter's, and the book-wide rules (every chapter has one, ids unique).
    let mut quizzes = Vec::new();
    for file in quiz::quiz_files(&root) {
        match quiz::load(&root, &file) {
            Ok(q) => quizzes.push(q),
            Err(p) => {
                let message = quiz::report(&[p]);
                trials
                    .push(Trial::test(stem(&file), move || Err(message.into())).with_kind("quiz"));
            }
        }
    }
    {
        let names = quizzes.iter().map(|q| q.file.clone()).collect::<Vec<_>>();
        let mut problems = quiz::check_chapters(&book, &names);
        problems.extend(quiz::duplicate_ids(&quizzes));
        trials.push(
            Trial::test(
                "every chapter shows its quiz, every id is unique",
                move || {
                    if problems.is_empty() {
                        Ok(())
                    } else {
                        Err(quiz::report(&problems).into())
                    }
                },
            )
            .with_kind("quiz"),
        );
    }
    for q in quizzes {
        let root = Arc::clone(&root);
        trials.push(
            Trial::test(q.stem.clone(), move || {
                let problems = quiz::check_quizzes(&root, std::slice::from_ref(&q), 1);
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(quiz::report(&problems).into())
                }
            })
            .with_kind("quiz"),
        );
    }

    // The cheat sheet's table, merged from both builds of its listing.
    for file in book::listing_files(&root) {
        let table = file.replace(".rs", ".table.md");
        if !root.join(&table).is_file() {
            continue;
        }
        let root = Arc::clone(&root);
        let what = listing_name(&table);
        trials.push(
            Trial::ignorable_test(what.clone(), move || {
                finish(report, &what, check_table(&root, &file, &table, settings))
            })
            .with_kind("cheat_sheet"),
        );
    }

    // The compiler: another rustc is not a failure, but it is said.
    trials.push(
        Trial::ignorable_test("rustc is the one rust-toolchain.toml pins", move || {
            Ok(match settings.platform.same_compiler() {
                true => Completion::Completed,
                false => Completion::ignored_with(format!(
                    "this is rustc {}, the snapshots are rustc {}'s (see the end of the report)",
                    settings.platform.rustc, settings.platform.pinned_rustc
                )),
            })
        })
        .with_kind("toolchain"),
    );
    trials
}

/// The table a `.table.md` holds is the merge of the debug and release tables its listing prints.
fn check_table(
    root: &Path,
    file: &str,
    table: &str,
    settings: Settings<'_>,
) -> Result<Checked, String> {
    if !settings.platform.is_reference() {
        return Ok(Checked::Skipped(
            "its bytes and counts are the reference platform's; the listing's own outputs are checked".into(),
        ));
    }
    let run = |profile| -> Result<String, String> {
        let job = runner::Job::listing(root, file, profile)?;
        let outcome = runner::run(root, &job).map_err(|e| e.to_string())?;
        match outcome.run() {
            Some(run) if run.code == Some(0) => Ok(run.stdout.clone()),
            _ => Err(format!(
                "{file} ({}) did not run to the end:\n{}",
                profile.name(),
                outcome.compiler
            )),
        }
    };
    let merged = cheat_sheet::merge(&run(Profile::Debug)?, &run(Profile::Release)?)
        .map_err(|e| format!("{file}: {e}"))?;
    snapshot::check(
        &root.join(table),
        &merged,
        snapshot::Masks {
            strict: true,
            ..Default::default()
        },
        settings.bless,
    )
    .map(|_| Checked::Passed(Vec::new()))
    .map_err(|e| format!("{table} is stale (re-bless with `BLESS=1 cargo test`):\n{e}"))
}

/// The child process of the compile-fail check: trybuild on the files given as arguments.
fn trybuild_batch() -> ExitCode {
    let cases = trybuild::TestCases::new();
    for file in std::env::args().skip(1) {
        cases.compile_fail(file);
    }
    // trybuild runs the cases when dropped, and panics if any failed.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(cases))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(101),
    }
}
