//! The quizzes at the end of the chapters (`quizzes/<chapter>.toml`, mdbook-quiz 0.5.0): every
//! tracing program compiles or not exactly as its answer key says, prints exactly the declared
//! output or fails on the declared line; every number a multiple-choice answer quotes is printed
//! by one of the chapter's listings; every numbered chapter shows its quiz. See
//! `book_tooling::quiz` and "Quizzes" in CONTRIBUTING.md.

use book_tooling::{book, quiz};
use std::path::Path;

#[test]
fn every_quiz_answer_key_is_right_and_every_chapter_has_a_quiz() {
    let root = book_tooling::repo_root(Path::new(env!("CARGO_MANIFEST_DIR")));
    let book = book::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let problems = quiz::check_all(&root, Some(&book), workers);
    assert!(problems.is_empty(), "{}", quiz::report(&problems));
}
