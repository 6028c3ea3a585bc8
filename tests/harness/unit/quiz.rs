//! The unit tests of `tooling/src/quiz.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::book::Book;
use book_tooling::book::Chapter;
use book_tooling::quiz::*;
use std::path::Path;

/// A book root with one chapter's listings snapshot, and `quiz` as its quiz.
fn fixture(quiz: &str) -> (book_tooling::TempDir, Vec<Problem>) {
    let dir = book_tooling::tempdir();
    let root = dir.path();
    std::fs::create_dir_all(root.join("quizzes")).unwrap();
    std::fs::create_dir_all(root.join("listings/ch99-test")).unwrap();
    std::fs::write(
        root.join("listings/ch99-test/01-sizes.stdout"),
        "String header: 24 bytes\nBox: 8 bytes\n",
    )
    .unwrap();
    std::fs::write(root.join("quizzes/ch99-test.toml"), quiz).unwrap();
    let problems = match load(root, "quizzes/ch99-test.toml") {
        Ok(q) => check_quizzes_in(root, &[q], 2, true),
        Err(p) => vec![p],
    };
    (dir, problems)
}

const MC_SIZE: &str = r#"
[[questions]]
id = "t-size"
type = "MultipleChoice"
prompt.prompt = "How many bytes does moving a `String` copy?"
prompt.distractors = ["5", "8"]
answer.answer = "24: the header"
context = "Listing 99-1 measures it."
"#;

const MC_KIND: &str = r#"
[[questions]]
id = "t-kind"
type = "MultipleChoice"
prompt.prompt = "Which type is `Copy`?"
prompt.distractors = ["`String`", "`Vec<u8>`"]
answer.answer = "`u8`"
"#;

const TRACE_PRINTS: &str = r#"
[[questions]]
id = "t-prints"
type = "Tracing"
prompt.program = """
fn main() {
    let s = String::from("hi");
    let t = s;
    println!("{t} {}", t.len());
}
"""
answer.doesCompile = true
answer.stdout = "hi 2"
"#;

const TRACE_FAILS: &str = r#"
[[questions]]
id = "t-fails"
type = "Tracing"
prompt.program = """
fn main() {
    let s = String::from("hi");
    let t = s;
    println!("{s} {t}");
}
"""
answer.doesCompile = false
answer.lineNumber = 4
context = "Line 4 uses `s` after line 3 moved it: E0382."
"#;

fn quiz(parts: &[&str]) -> String {
    parts.concat()
}

fn good() -> String {
    quiz(&[MC_SIZE, TRACE_PRINTS, MC_KIND, TRACE_FAILS])
}

/// The one problem found, as text; fails if there is not exactly one.
fn only(problems: &[Problem]) -> String {
    assert_eq!(problems.len(), 1, "{}", report(problems));
    problems[0].to_string()
}

#[test]
fn a_correct_quiz_passes() {
    let (_dir, problems) = fixture(&good());
    assert!(problems.is_empty(), "{}", report(&problems));
}

#[test]
fn a_wrong_stdout_fails_and_names_the_question() {
    let (_dir, problems) =
        fixture(&good().replace(r#"answer.stdout = "hi 2""#, r#"answer.stdout = "hi 3""#));
    let p = only(&problems);
    assert!(
        p.starts_with("quizzes/ch99-test.toml, question 2 [t-prints] (\"program: fn main() {\")"),
        "{p}"
    );
    assert!(
        p.contains("declared stdout is not what the program prints"),
        "{p}"
    );
    assert!(
        p.contains("--- a/declared") && p.contains("-hi 3") && p.contains("+hi 2"),
        "{p}"
    );
}

#[test]
fn a_final_newline_in_the_declared_stdout_is_fine_but_other_whitespace_is_not() {
    let (_dir, problems) = fixture(&good().replace(r#""hi 2""#, r#""hi 2\n""#));
    assert!(problems.is_empty(), "{}", report(&problems));
    let (_dir, problems) = fixture(&good().replace(r#""hi 2""#, r#""hi  2""#));
    assert!(only(&problems).contains("declared stdout"));
}

#[test]
fn a_program_declared_to_compile_that_does_not_fails() {
    let wrong = TRACE_FAILS.replace(
        "answer.doesCompile = false\nanswer.lineNumber = 4",
        "answer.doesCompile = true\nanswer.stdout = \"hi hi\"",
    );
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, TRACE_PRINTS, MC_KIND, &wrong]));
    let p = only(&problems);
    assert!(
        p.starts_with("quizzes/ch99-test.toml, question 4 [t-fails]"),
        "{p}"
    );
    assert!(
        p.contains("says the program compiles (doesCompile = true), but it does not compile"),
        "{p}"
    );
    assert!(p.contains("E0382"), "the compiler's error is shown: {p}");
}

#[test]
fn a_program_declared_not_to_compile_that_does_fails() {
    let wrong = TRACE_PRINTS.replace(
        "answer.doesCompile = true\nanswer.stdout = \"hi 2\"",
        "answer.doesCompile = false\nanswer.lineNumber = 3\ncontext = \"Line 3.\"",
    );
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, &wrong, MC_KIND, TRACE_FAILS]));
    let p = only(&problems);
    assert!(
        p.starts_with("quizzes/ch99-test.toml, question 2 [t-prints]"),
        "{p}"
    );
    assert!(
        p.contains("says the program does not compile (doesCompile = false), but it compiles"),
        "{p}"
    );
}

#[test]
fn a_wrong_error_line_fails() {
    let wrong = TRACE_FAILS
        .replace("answer.lineNumber = 4", "answer.lineNumber = 3")
        .replace("Line 4", "Line 3");
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, TRACE_PRINTS, MC_KIND, &wrong]));
    let p = only(&problems);
    assert!(
        p.starts_with("quizzes/ch99-test.toml, question 4 [t-fails]"),
        "{p}"
    );
    assert!(
        p.contains("says the error is on line 3, but rustc reports errors on line(s) 4"),
        "{p}"
    );
}

#[test]
fn a_missing_error_line_or_one_the_explanation_does_not_name_fails() {
    let no_line = TRACE_FAILS.replace("answer.lineNumber = 4\n", "");
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, TRACE_PRINTS, MC_KIND, &no_line]));
    assert!(only(&problems).contains("say where with `answer.lineNumber`"));
    let unnamed = TRACE_FAILS.replace(
        "Line 4 uses `s` after line 3 moved it",
        "It uses a moved value",
    );
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, TRACE_PRINTS, MC_KIND, &unnamed]));
    assert!(only(&problems).contains("must name the failing line: say \"line 4\""));
}

#[test]
fn a_multiple_choice_number_no_listing_measures_fails() {
    let wrong = MC_SIZE.replace(
        "answer.answer = \"24: the header\"",
        "answer.answer = \"32: the header\"",
    );
    let (_dir, problems) = fixture(&quiz(&[&wrong, TRACE_PRINTS, MC_KIND, TRACE_FAILS]));
    let p = only(&problems);
    assert!(
            p.starts_with("quizzes/ch99-test.toml, question 1 [t-size] (\"How many bytes does moving a `String` copy?\")"),
            "{p}"
        );
    assert!(
        p.contains("quotes 32, but no listing of the chapter measures it"),
        "{p}"
    );
    assert!(p.contains("listings/ch99-test/*.stdout"), "{p}");
}

#[test]
fn numbers_in_code_names_and_the_prompt_are_not_claims() {
    assert_eq!(
        numbers_in("`u8`, x86_64, E0382 and 24 or 1024"),
        ["1024", "24"].map(String::from).into()
    );
    let given = MC_SIZE
        .replace(
            "How many bytes does moving a `String` copy?",
            "A `[u8; 4096]` is moved. How many bytes are copied?",
        )
        .replace(
            "answer.answer = \"24: the header\"",
            "answer.answer = \"4096: all of them\"",
        );
    let (_dir, problems) = fixture(&quiz(&[&given, TRACE_PRINTS, MC_KIND, TRACE_FAILS]));
    assert!(problems.is_empty(), "{}", report(&problems));
}

#[test]
fn every_question_needs_a_unique_id() {
    let (_dir, problems) = fixture(&good().replace("id = \"t-kind\"\n", ""));
    assert!(only(&problems).contains("question 3 (\"Which type is `Copy`?\"): no `id`"));
    let (_dir, problems) = fixture(&good().replace("id = \"t-kind\"", "id = \"t-size\""));
    assert!(
        only(&problems)
            .contains("the id `t-size` is already used by quizzes/ch99-test.toml question 1")
    );
}

#[test]
fn a_quiz_needs_four_questions_of_both_kinds() {
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, MC_KIND, TRACE_PRINTS]));
    assert!(only(&problems).contains("3 question(s); a chapter's quiz has at least 4"));
    let (_dir, problems) = fixture(&quiz(&[
        MC_SIZE,
        MC_KIND,
        MC_SIZE.replace("t-size", "t-2").as_str(),
        MC_KIND.replace("t-kind", "t-3").as_str(),
    ]));
    assert!(only(&problems).contains("at least one MultipleChoice and one Tracing"));
}

#[test]
fn a_misspelt_key_is_refused() {
    let (_dir, problems) = fixture(&good().replace("answer.lineNumber", "answer.linenumber"));
    let p = only(&problems);
    assert!(p.starts_with("quizzes/ch99-test.toml: not a quiz"), "{p}");
    assert!(p.contains("linenumber"), "{p}");
}

#[test]
fn a_program_that_is_not_rustfmt_clean_fails() {
    let messy = TRACE_PRINTS.replace("    let t = s;", "    let t=s;");
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, &messy, MC_KIND, TRACE_FAILS]));
    let p = only(&problems);
    assert!(
        p.contains("question 2") && p.contains("not rustfmt-clean"),
        "{p}"
    );
    assert!(
        p.contains("+++ b/rustfmt") && p.contains("-    let t=s;"),
        "{p}"
    );
    assert!(p.contains("+    let t = s;"), "{p}");
}

#[test]
fn a_program_with_warnings_fails() {
    let noisy = TRACE_PRINTS.replace("    let t = s;\n", "    let t = s;\n    let unused = 1;\n");
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, &noisy, MC_KIND, TRACE_FAILS]));
    let p = only(&problems);
    assert!(
        p.contains("compiles with warnings") && p.contains("unused"),
        "{p}"
    );
}

#[test]
fn a_program_mdbook_quiz_would_see_differently_fails() {
    // Let chains exist only in edition 2024; mdbook-quiz validates with edition 2015.
    let chains = r#"
[[questions]]
id = "t-chains"
type = "Tracing"
prompt.program = """
fn main() {
    let v = Some(2);
    if let Some(x) = v
        && x > 1
    {
        println!("{x}");
    }
}
"""
answer.doesCompile = true
answer.stdout = "2"
"#;
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, chains, MC_KIND, TRACE_FAILS]));
    let p = only(&problems);
    assert!(
        p.contains("as edition 2015") && p.contains("does not compile"),
        "{p}"
    );
}

#[test]
fn a_program_that_fails_when_run_fails() {
    let panics = TRACE_PRINTS.replace(
        "    let t = s;\n",
        "    let t = s;\n    assert!(t.is_empty());\n",
    );
    let (_dir, problems) = fixture(&quiz(&[MC_SIZE, &panics, MC_KIND, TRACE_FAILS]));
    let text = report(&problems);
    assert!(
        text.contains("exits with 101") && text.contains("assertion failed"),
        "{text}"
    );
}

fn chapter(root: &Path, file: &str, number: Option<&str>, raw: &str) -> Chapter {
    Chapter {
        name: file.into(),
        number: number.map(str::to_owned),
        file: file.into(),
        dir: root.join("src"),
        raw: raw.into(),
        expanded: raw.into(),
        mdbook_errors: Vec::new(),
    }
}

#[test]
fn every_numbered_chapter_shows_its_own_quiz() {
    let dir = book_tooling::tempdir();
    let root = dir.path().to_path_buf();
    std::fs::create_dir_all(root.join("quizzes")).unwrap();
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::write(root.join("quizzes/ch01-a.toml"), "").unwrap();
    std::fs::write(root.join("quizzes/ch02-b.toml"), "").unwrap();
    std::fs::write(root.join("quizzes/ch07-gone.toml"), "").unwrap();
    std::fs::write(root.join("src/ch04-d.md"), "").unwrap();
    std::fs::write(root.join("src/ch01-a.md"), "").unwrap();
    let pending =
        "# chapters still without a quiz\nsrc/ch04-d.md\nsrc/ch01-a.md # has one\nsrc/nope.md\n";
    std::fs::write(root.join(PENDING), pending).unwrap();
    let book = Book {
        root: root.clone(),
        src_dir: root.join("src"),
        chapters: vec![
            chapter(
                &root,
                "src/ch01-a.md",
                Some("1"),
                "# A\n\n## Quiz\n\n{{#quiz ../quizzes/ch01-a.toml}}\n",
            ),
            chapter(
                &root,
                "src/ch02-b.md",
                Some("2"),
                "# B\n\n{{#quiz ../quizzes/ch01-a.toml}}\n",
            ),
            chapter(
                &root,
                "src/ch03-c.md",
                Some("3"),
                "# C\n\n{{#quiz ../quizzes/ch03-c.toml}}\n",
            ),
            chapter(&root, "src/ch04-d.md", Some("4"), "# D, pending\n"),
            chapter(&root, "src/intro.md", None, "# Intro\n"),
        ],
        drafts: Vec::new(),
    };
    let files = quiz_files(&root);
    let problems: Vec<String> = check_chapters(&book, &files)
        .iter()
        .map(Problem::to_string)
        .collect();
    let expected = [
        "quizzes/pending.txt:3: src/ch01-a.md has its quiz now (quizzes/ch01-a.toml): remove the line",
        "quizzes/pending.txt:4: src/nope.md is not a chapter file (write `src/chNN-name.md`)",
        "src/ch02-b.md:3: `{{#quiz ../quizzes/ch01-a.toml}}` shows quizzes/ch01-a.toml; a chapter shows its own quiz, quizzes/ch02-b.toml",
        "src/ch02-b.md: every chapter ends with a quiz: add a \"## Quiz\" section with `{{#quiz ../quizzes/ch02-b.toml}}` before the summary, or list the chapter in quizzes/pending.txt until it has one",
        "src/ch03-c.md:3: `{{#quiz ../quizzes/ch03-c.toml}}`: quizzes/ch03-c.toml does not exist",
        "src/ch03-c.md: every chapter ends with a quiz: add a \"## Quiz\" section with `{{#quiz ../quizzes/ch03-c.toml}}` before the summary (write it first), or list the chapter in quizzes/pending.txt until it has one",
        "quizzes/ch07-gone.toml: no chapter src/ch07-gone.md: a quiz is named after its chapter's file",
    ];
    assert_eq!(problems, expected);
}
