//! The quizzes at the end of the chapters (mdbook-quiz 0.5.0), checked against the compiler and
//! the listings.
//!
//! A quiz is `quizzes/<chapter-stem>.toml`, shown by `src/<chapter-stem>.md` with
//! `{{#quiz ../quizzes/<chapter-stem>.toml}}`; the numbers it may quote are measured by the
//! listings in `listings/<chapter-stem>/`. What is checked (CONTRIBUTING.md, "Quizzes"):
//!
//! - the file follows mdbook-quiz's schema (unknown keys are typos here), has at least
//!   [`MIN_QUESTIONS`] questions, both multiple choice and tracing, and every question has an `id`
//!   unique in the book (without one, `mdbook build` would write a random one into the file);
//! - a tracing program is small, rustfmt-clean, compiled as edition 2024 and, because mdbook-quiz
//!   validates it with plain `rustc` (edition 2015) while building the book, it must behave the
//!   same there (checked here with `BOOK_QUIZ_2015=1`, as CI does, and by `mdbook build` always);
//! - it compiles exactly when `answer.doesCompile` says so; if it does, it compiles without
//!   warnings, exits 0, prints `answer.stdout` exactly (a final newline aside) and the same on a
//!   second run; if it does not, `answer.lineNumber` is a line rustc reports an error on, and the
//!   explanation (`context`) names that line;
//! - every number in a multiple-choice answer (other than those the prompt itself gives) appears
//!   in an output snapshot (`*.stdout`) of the chapter's listings;
//! - every numbered chapter shows its quiz, and every `{{#quiz}}` points at the chapter's own quiz.
//!
//! Every problem names the quiz file and the question (number, id and the start of the prompt).
//! Programs are compiled and run by [`crate::runner`], with its time limits and its cache.

use crate::book::{self, Book};
use crate::runner::{self, Job, Mode};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

/// At least this many questions per quiz (issue 7).
pub const MIN_QUESTIONS: usize = 4;
/// A tracing program is code the reader must hold in their head: at most this many lines.
pub const MAX_PROGRAM_LINES: usize = 30;
/// The edition the book teaches.
pub const EDITION: &str = "2024";
/// The edition mdbook-quiz 0.5.0 uses when it validates tracing programs (plain `rustc`).
pub const MDBOOK_QUIZ_EDITION: &str = "2015";
/// A quiz program that runs longer than this is stopped (and reported).
const RUN_TIMEOUT: Duration = Duration::from_secs(10);

/// The `{{#quiz path}}` directive, matched as mdbook-quiz 0.5.0 matches it.
static QUIZ_DIRECTIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{#quiz ([^}]+)\}\}").unwrap());
/// A number: digits not glued to letters, digits or `_` (so not the 8 of `u8`, the 86 of
/// `x86_64` or the 0382 of `E0382`).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[0-9]+\b").unwrap());
/// `line 7` in an explanation.
static LINE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\blines?\s+([0-9]+)\b").unwrap());

// ---------------------------------------------------------------------------------------------
// The schema is mdbook-quiz 0.5.0's own, the crate `mdbook-quiz-schema` (what mdbook-quiz
// deserializes). Its types accept unknown keys, which mdbook-quiz then ignores, so a misspelt
// `answer.linenumber` would silently mean "no line": [`unknown_keys`] finds them by comparing
// the file with what the schema read from it. The book uses two question types; below is the
// view of them the checks need.

/// A question, as the checks see it (read through the schema crate).
#[derive(Clone, Debug)]
pub enum Question {
    MultipleChoice(MultipleChoice),
    Tracing(Tracing),
}

#[derive(Clone, Debug)]
pub struct MultipleChoice {
    pub id: Option<String>,
    pub prompt: MultipleChoicePrompt,
    pub answer: MultipleChoiceAnswer,
    pub context: Option<String>,
}

#[derive(Clone, Debug)]
pub struct MultipleChoicePrompt {
    pub prompt: String,
    pub distractors: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct MultipleChoiceAnswer {
    pub answer: OneOrMore,
}

/// One correct answer, or several that must all be selected.
#[derive(Clone, Debug)]
pub enum OneOrMore {
    One(String),
    More(Vec<String>),
}

impl OneOrMore {
    pub fn all(&self) -> Vec<&str> {
        match self {
            OneOrMore::One(a) => vec![a.as_str()],
            OneOrMore::More(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Tracing {
    pub id: Option<String>,
    pub prompt: TracingPrompt,
    pub answer: TracingAnswer,
    pub context: Option<String>,
}

#[derive(Clone, Debug)]
pub struct TracingPrompt {
    pub program: String,
}

#[derive(Clone, Debug)]
pub struct TracingAnswer {
    pub does_compile: bool,
    pub stdout: Option<String>,
    pub line_number: Option<usize>,
}

/// Reads a quiz file with mdbook-quiz's schema; refuses unknown keys and question types the
/// book does not use.
pub fn parse(text: &str) -> Result<Vec<Question>, String> {
    use mdbook_quiz_schema as schema;
    let quiz: schema::Quiz = toml::from_str(text).map_err(|e| e.to_string())?;
    let written: toml::Value = toml::from_str(text).map_err(|e| e.to_string())?;
    let read = toml::Value::try_from(&quiz).map_err(|e| e.to_string())?;
    let unknown = unknown_keys(&written, &read, "");
    if !unknown.is_empty() {
        return Err(format!(
            "unknown key(s), which mdbook-quiz would ignore: {} (a typo? keys are camelCase:              `doesCompile`, `lineNumber`)",
            unknown.join(", ")
        ));
    }
    let md = |m: schema::Markdown| m.0;
    quiz.questions
        .into_iter()
        .enumerate()
        .map(|(i, q)| match q {
            schema::Question::MultipleChoice(schema::MultipleChoice(q)) => {
                Ok(Question::MultipleChoice(MultipleChoice {
                    id: q.id,
                    prompt: MultipleChoicePrompt {
                        prompt: md(q.prompt.prompt),
                        distractors: q.prompt.distractors.into_iter().map(md).collect(),
                    },
                    answer: MultipleChoiceAnswer {
                        answer: match q.answer.answer {
                            schema::MultipleChoiceAnswerFormat::Single(a) => OneOrMore::One(md(a)),
                            schema::MultipleChoiceAnswerFormat::Multi(v) => {
                                OneOrMore::More(v.into_iter().map(md).collect())
                            }
                        },
                    },
                    context: q.context.map(md),
                }))
            }
            schema::Question::Tracing(schema::Tracing(q)) => Ok(Question::Tracing(Tracing {
                id: q.id,
                prompt: TracingPrompt {
                    program: q.prompt.program,
                },
                answer: TracingAnswer {
                    does_compile: q.answer.does_compile,
                    stdout: q.answer.stdout,
                    line_number: q.answer.line_number,
                },
                context: q.context.map(md),
            })),
            schema::Question::ShortAnswer(_) => Err(format!(
                "question {}: the book uses MultipleChoice and Tracing questions only",
                i + 1
            )),
        })
        .collect()
}

/// Keys of `written` (the file) that `read` (the schema's value, serialized back) lacks, as
/// dotted paths (`questions[2].answer.linenumber`).
fn unknown_keys(written: &toml::Value, read: &toml::Value, at: &str) -> Vec<String> {
    match (written, read) {
        (toml::Value::Table(w), toml::Value::Table(r)) => w
            .iter()
            .flat_map(|(k, v)| {
                let path = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                match r.get(k) {
                    Some(rv) => unknown_keys(v, rv, &path),
                    None => vec![path],
                }
            })
            .collect(),
        (toml::Value::Array(w), toml::Value::Array(r)) => w
            .iter()
            .zip(r)
            .enumerate()
            .flat_map(|(i, (w, r))| unknown_keys(w, r, &format!("{at}[{i}]")))
            .collect(),
        _ => Vec::new(),
    }
}

impl Question {
    pub fn id(&self) -> Option<&str> {
        match self {
            Question::MultipleChoice(q) => q.id.as_deref(),
            Question::Tracing(q) => q.id.as_deref(),
        }
    }

    /// The start of what the reader sees first: the prompt, or the program's first line that is
    /// not a `use`.
    pub fn summary(&self) -> String {
        let text = match self {
            Question::MultipleChoice(q) => q
                .prompt
                .prompt
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            Question::Tracing(q) => {
                let line = q
                    .prompt
                    .program
                    .lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty() && !l.starts_with("use "));
                format!("program: {}", line.unwrap_or(""))
            }
        };
        let mut short: String = text.chars().take(60).collect();
        if short.len() < text.len() {
            short.push('…');
        }
        short
    }
}

// ---------------------------------------------------------------------------------------------
// Problems

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// `quizzes/ch04-moves.toml`, or the chapter for a chapter-level problem.
    pub file: String,
    /// 1-based question number, its id and the start of its prompt.
    pub question: Option<(usize, Option<String>, String)>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((n, id, summary)) = &self.question {
            write!(f, ", question {n}")?;
            if let Some(id) = id {
                write!(f, " [{id}]")?;
            }
            write!(f, " (\"{summary}\")")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Formats problems for a test failure.
pub fn report(problems: &[Problem]) -> String {
    let mut out = format!("\n{} problem(s) in the quizzes:\n", problems.len());
    for p in problems {
        out.push_str(&format!("  - {}\n", p.to_string().replace('\n', "\n    ")));
    }
    out.push_str("See \"Quizzes\" in CONTRIBUTING.md.\n");
    out
}

// ---------------------------------------------------------------------------------------------
// Loading

/// A parsed quiz and where it lives.
#[derive(Clone, Debug)]
pub struct Quiz {
    /// Relative to the root: `quizzes/ch04-moves.toml`.
    pub file: String,
    /// `ch04-moves`: the chapter `src/ch04-moves.md`, the listings `listings/ch04-moves/`.
    pub stem: String,
    pub questions: Vec<Question>,
}

/// Every `quizzes/*.toml`, sorted, relative to the root.
pub fn quiz_files(root: &Path) -> Vec<String> {
    book::files_under(root, &root.join("quizzes"))
        .into_iter()
        .filter(|f| f.ends_with(".toml"))
        .collect()
}

/// Parses one quiz file (`file` relative to `root`).
pub fn load(root: &Path, file: &str) -> Result<Quiz, Problem> {
    let problem = |message: String| Problem {
        file: file.to_owned(),
        question: None,
        message,
    };
    let text = std::fs::read_to_string(root.join(file))
        .map_err(|e| problem(format!("cannot read it: {e}")))?;
    let questions = parse(&text).map_err(|e| {
        problem(format!(
            "not a quiz in mdbook-quiz 0.5.0's schema (only MultipleChoice and Tracing questions are used): {e}"
        ))
    })?;
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned();
    Ok(Quiz {
        file: file.to_owned(),
        stem,
        questions,
    })
}

// ---------------------------------------------------------------------------------------------
// Compiling and running a program

/// What compiling (and, when it compiled, running) a program gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub compiled: bool,
    /// Lines (1-based) of the primary spans of `error` diagnostics.
    pub error_lines: Vec<usize>,
    /// Error codes (`E0382`) of the errors.
    pub error_codes: Vec<String>,
    pub warnings: usize,
    /// The compiler's messages as a reader would see them.
    pub rendered: String,
    pub stdout: String,
    pub stderr: String,
    /// Exit code of the run; `None` for a signal, a timeout or no run.
    pub code: Option<i32>,
    /// Whether a second run printed the same.
    pub same_twice: bool,
    pub cached: bool,
}

/// Compiles `program` as a binary with `rustc --edition <edition>` and JSON diagnostics, and
/// when it compiles runs it twice, through the book's runner (with its time limits and cache).
pub fn outcome(root: &Path, program: &str, edition: &str) -> Result<Outcome, String> {
    let mut job = Job::new(format!("a quiz program ({edition})"), program);
    job.edition = edition.to_owned();
    job.mode = Mode::RunTwice;
    job.json = true;
    job.run_limit = RUN_TIMEOUT;
    let ran = runner::run(root, &job).map_err(|e| e.to_string())?;
    let mut result = Outcome {
        compiled: ran.compiled,
        error_lines: Vec::new(),
        error_codes: Vec::new(),
        warnings: 0,
        rendered: String::new(),
        stdout: String::new(),
        stderr: String::new(),
        code: None,
        same_twice: true,
        cached: ran.cached,
    };
    read_diagnostics(&ran.compiler, &mut result);
    // Name the file as the quiz shows it, not by its place under target/.
    result.rendered = SCRATCH_FILE
        .replace_all(&result.rendered, "quiz.rs")
        .into_owned();
    if let [first, second] = ran.runs.as_slice() {
        result.same_twice = first.stdout == second.stdout;
        result.stdout = first.stdout.clone();
        result.stderr = first.stderr.clone();
        result.code = first.code;
    }
    Ok(result)
}

/// Where the runner wrote a program: `…/book-runs/<dir>/main.rs`.
static SCRATCH_FILE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\s]*book-runs[/\\][^/\\\s]+[/\\]main\.rs").unwrap());

/// Reads rustc's JSON diagnostics (one per line) into `out`.
fn read_diagnostics(stderr: &str, out: &mut Outcome) {
    for line in stderr.lines() {
        let Ok(d) = serde_json::from_str::<serde_json::Value>(line) else {
            out.rendered.push_str(line);
            out.rendered.push('\n');
            continue;
        };
        if let Some(r) = d["rendered"].as_str() {
            out.rendered.push_str(r);
        }
        match d["level"].as_str() {
            Some("error") => {
                if let Some(code) = d["code"]["code"].as_str() {
                    out.error_codes.push(code.to_owned());
                }
                let spans = d["spans"].as_array().cloned().unwrap_or_default();
                for s in spans
                    .iter()
                    .filter(|s| s["is_primary"].as_bool() == Some(true))
                {
                    if let Some(l) = s["line_start"].as_u64() {
                        out.error_lines.push(l as usize);
                    }
                }
            }
            Some("warning") => out.warnings += 1,
            _ => {}
        }
    }
    out.error_lines.sort_unstable();
    out.error_lines.dedup();
}

/// `rustfmt --edition 2024` of `program` (from the root, so a `rustfmt.toml` there applies).
pub fn rustfmt(root: &Path, program: &str) -> Result<String, String> {
    // rustfmt's answer depends on the program, the toolchain (its rustfmt) and any rustfmt.toml.
    let config = std::fs::read_to_string(root.join("rustfmt.toml")).unwrap_or_default();
    let key = crate::cache::Key::new(&["rustfmt", runner::toolchain(), EDITION, &config, program]);
    if let Some(known) = crate::cache::get::<Result<String, String>>(root, &key) {
        return known;
    }
    let formatted = rustfmt_now(root, program);
    // (Not an answer of rustfmt's when it could not even be started.)
    if !matches!(&formatted, Err(e) if e.starts_with("could not run rustfmt")) {
        crate::cache::put(root, &key, &formatted);
    }
    formatted
}

fn rustfmt_now(root: &Path, program: &str) -> Result<String, String> {
    let mut child = Command::new("rustfmt")
        .current_dir(root)
        .args(["--edition", EDITION])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not run rustfmt: {e}"))?;
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(program.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

// ---------------------------------------------------------------------------------------------
// Checking

/// Checks every quiz under `root/quizzes/` and, given the loaded book, that every numbered
/// chapter shows its quiz. `workers` threads compile the programs.
pub fn check_all(root: &Path, book: Option<&Book>, workers: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut quizzes = Vec::new();
    for file in quiz_files(root) {
        match load(root, &file) {
            Ok(q) => quizzes.push(q),
            Err(p) => problems.push(p),
        }
    }
    problems.extend(check_quizzes(root, &quizzes, workers));
    if let Some(book) = book {
        problems.extend(check_chapters(
            book,
            &quizzes.iter().map(|q| q.file.clone()).collect::<Vec<_>>(),
        ));
    }
    problems
}

/// Whether tracing programs are also compiled and run as edition 2015, as mdbook-quiz does
/// while it builds the book (`BOOK_QUIZ_2015=1`; CI sets it). Off, a program that behaves
/// differently there still fails, but in `mdbook build` (mdbook-quiz's own message), not in
/// `cargo test`, which then compiles each program once, not twice (49 compiles fewer cold).
pub fn as_mdbook_quiz_too() -> bool {
    std::env::var_os("BOOK_QUIZ_2015").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Checks parsed quizzes: structure, ids, tracing programs and multiple-choice numbers (as
/// edition 2015 too if [`as_mdbook_quiz_too`]).
pub fn check_quizzes(root: &Path, quizzes: &[Quiz], workers: usize) -> Vec<Problem> {
    check_quizzes_in(root, quizzes, workers, as_mdbook_quiz_too())
}

/// [`check_quizzes`], saying whether to compile and run each program as edition 2015 too.
pub fn check_quizzes_in(
    root: &Path,
    quizzes: &[Quiz],
    workers: usize,
    edition_2015_too: bool,
) -> Vec<Problem> {
    // Compile every distinct program (in both editions) first, in parallel.
    let mut jobs = BTreeSet::new();
    for quiz in quizzes {
        for q in &quiz.questions {
            if let Question::Tracing(t) = q {
                jobs.insert((t.prompt.program.clone(), EDITION));
                if edition_2015_too {
                    jobs.insert((t.prompt.program.clone(), MDBOOK_QUIZ_EDITION));
                }
            }
        }
    }
    let outcomes = compile_all(root, jobs.into_iter().collect(), workers);

    let mut problems = Vec::new();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for quiz in quizzes {
        let whole = |message: String| Problem {
            file: quiz.file.clone(),
            question: None,
            message,
        };
        if quiz.questions.len() < MIN_QUESTIONS {
            problems.push(whole(format!(
                "{} question(s); a chapter's quiz has at least {MIN_QUESTIONS}",
                quiz.questions.len()
            )));
        }
        let has_mc = quiz
            .questions
            .iter()
            .any(|q| matches!(q, Question::MultipleChoice(_)));
        let has_tracing = quiz
            .questions
            .iter()
            .any(|q| matches!(q, Question::Tracing(_)));
        if !has_mc || !has_tracing {
            problems.push(whole(
                "mix the question types: at least one MultipleChoice and one Tracing".into(),
            ));
        }
        let numbers = measured_numbers(root, &quiz.stem);
        for (i, q) in quiz.questions.iter().enumerate() {
            let mut cx = QuestionCx {
                quiz,
                number: i + 1,
                question: q,
                problems: &mut problems,
            };
            match q.id() {
                None => cx.problem("no `id`: give every question one (mdbook build would write a random one into the file)"),
                Some(id) => {
                    let here = format!("{} question {}", quiz.file, i + 1);
                    if let Some(first) = ids.get(id) {
                        cx.problem(format!("the id `{id}` is already used by {first}"));
                    } else {
                        ids.insert(id.to_owned(), here);
                    }
                }
            }
            match q {
                Question::MultipleChoice(mc) => check_multiple_choice(&mut cx, mc, &numbers),
                Question::Tracing(t) => check_tracing(&mut cx, root, t, &outcomes),
            }
        }
    }
    problems
}

/// Every question `id` is unique in the book (the per-quiz check sees one quiz at a time).
pub fn duplicate_ids(quizzes: &[Quiz]) -> Vec<Problem> {
    let mut first: BTreeMap<&str, String> = BTreeMap::new();
    let mut problems = Vec::new();
    for quiz in quizzes {
        for (i, q) in quiz.questions.iter().enumerate() {
            let Some(id) = q.id() else { continue };
            let here = format!("{} question {}", quiz.file, i + 1);
            match first.get(id) {
                // (Twice in one file is the per-quiz check's to report.)
                Some(there) if !there.starts_with(&format!("{} ", quiz.file)) => {
                    problems.push(Problem {
                        file: quiz.file.clone(),
                        question: Some((i + 1, Some(id.to_owned()), q.summary())),
                        message: format!("the id `{id}` is already used by {there}"),
                    })
                }
                Some(_) => {}
                None => {
                    first.insert(id, here);
                }
            }
        }
    }
    problems
}

struct QuestionCx<'a> {
    quiz: &'a Quiz,
    number: usize,
    question: &'a Question,
    problems: &'a mut Vec<Problem>,
}

impl QuestionCx<'_> {
    fn problem(&mut self, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.quiz.file.clone(),
            question: Some((
                self.number,
                self.question.id().map(str::to_owned),
                self.question.summary(),
            )),
            message: message.into(),
        });
    }
}

type Outcomes = BTreeMap<(String, &'static str), Result<Outcome, String>>;

fn compile_all(root: &Path, jobs: Vec<(String, &'static str)>, workers: usize) -> Outcomes {
    let queue = Mutex::new(jobs.into_iter());
    let done = Mutex::new(BTreeMap::new());
    std::thread::scope(|s| {
        for _ in 0..workers.max(1) {
            s.spawn(|| {
                loop {
                    let job = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some((program, edition)) = job else { break };
                    let result = outcome(root, &program, edition);
                    done.lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert((program, edition), result);
                }
            });
        }
    });
    done.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// Every number printed by the chapter's listings (`listings/<stem>/*.stdout`, release snapshots
/// included).
pub fn measured_numbers(root: &Path, stem: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for file in book::files_under(root, &root.join("listings").join(stem)) {
        if file.ends_with(".stdout")
            && let Ok(text) = std::fs::read_to_string(root.join(&file))
        {
            found.extend(numbers_in(&text));
        }
    }
    found
}

/// The numbers in `text` (see [`NUMBER`]).
pub fn numbers_in(text: &str) -> BTreeSet<String> {
    NUMBER
        .find_iter(text)
        .map(|m| m.as_str().to_owned())
        .collect()
}

fn check_multiple_choice(
    cx: &mut QuestionCx<'_>,
    mc: &MultipleChoice,
    measured: &BTreeSet<String>,
) {
    let answers = mc.answer.answer.all();
    if answers.is_empty() {
        cx.problem("no answer");
    }
    if mc.prompt.distractors.is_empty() {
        cx.problem("no distractors: a multiple-choice question needs wrong answers to choose from");
    }
    for a in &answers {
        if mc.prompt.distractors.iter().any(|d| d.trim() == a.trim()) {
            cx.problem(format!("the answer {a:?} is also a distractor"));
        }
    }
    let given = numbers_in(&mc.prompt.prompt);
    let stem = &cx.quiz.stem;
    for a in answers {
        for n in numbers_in(a) {
            if !given.contains(&n) && !measured.contains(&n) {
                cx.problem(format!(
                    "the answer quotes {n}, but no listing of the chapter measures it: no snapshot in \
                     listings/{stem}/*.stdout prints {n} (answer: {a:?})"
                ));
            }
        }
    }
}

fn check_tracing(cx: &mut QuestionCx<'_>, root: &Path, t: &Tracing, outcomes: &Outcomes) {
    let program = &t.prompt.program;
    let lines = program.lines().count();
    if lines > MAX_PROGRAM_LINES {
        cx.problem(format!(
            "the program has {lines} lines; keep it to {MAX_PROGRAM_LINES}"
        ));
    }
    match rustfmt(root, program) {
        Ok(formatted) if formatted != *program => {
            cx.problem(format!(
                "the program is not rustfmt-clean (rustfmt --edition {EDITION}):\n{}",
                crate::snapshot::diff_labelled(program, &formatted, "a/quiz", "b/rustfmt")
            ));
        }
        Ok(_) => {}
        Err(e) => cx.problem(format!("rustfmt cannot format the program:\n{e}")),
    }
    let get = |edition: &'static str| outcomes.get(&(program.clone(), edition)).cloned();
    let Some(Ok(real)) = get(EDITION) else {
        let why = get(EDITION)
            .and_then(Result::err)
            .unwrap_or_else(|| "not compiled".into());
        cx.problem(format!("could not check the program: {why}"));
        return;
    };
    let declared = &t.answer;
    match (declared.does_compile, real.compiled) {
        (true, false) => {
            cx.problem(format!(
                "the answer key says the program compiles (doesCompile = true), but it does not \
                 compile as edition {EDITION}:\n{}",
                real.rendered.trim_end()
            ));
            return;
        }
        (false, true) => {
            cx.problem(format!(
                "the answer key says the program does not compile (doesCompile = false), but it \
                 compiles as edition {EDITION} and prints:\n{}",
                real.stdout.trim_end()
            ));
            return;
        }
        _ => {}
    }
    if real.compiled {
        check_compiling(cx, t, &real);
    } else {
        check_failing(cx, t, &real);
    }
    // mdbook-quiz compiles the program again with plain `rustc` (edition 2015) while the book is
    // built, and fails the build if that disagrees with the answer key.
    if let Some(Ok(old)) = get(MDBOOK_QUIZ_EDITION)
        && (old.compiled != real.compiled
            || (real.compiled && old.stdout.trim() != real.stdout.trim()))
    {
        let what = if old.compiled {
            format!("compiles and prints:\n{}", old.stdout.trim_end())
        } else {
            format!("does not compile:\n{}", old.rendered.trim_end())
        };
        cx.problem(format!(
            "as edition {MDBOOK_QUIZ_EDITION} (what mdbook-quiz uses to validate quizzes while \
             building the book) the program {what}\nkeep quiz programs edition-neutral"
        ));
    }
}

fn check_compiling(cx: &mut QuestionCx<'_>, t: &Tracing, real: &Outcome) {
    if declared_line(t).is_some() {
        cx.problem("lineNumber is set, but the program compiles (drop `answer.lineNumber`)");
    }
    if real.warnings > 0 {
        cx.problem(format!(
            "the program compiles with warnings; quiz programs are warning-free:\n{}",
            real.rendered.trim_end()
        ));
    }
    if real.code != Some(0) {
        cx.problem(format!(
            "the program exits with {} (mdbook-quiz requires exit code 0); stderr:\n{}",
            real.code
                .map_or("no exit code".to_owned(), |c| c.to_string()),
            real.stderr.trim_end()
        ));
    }
    if !real.same_twice {
        cx.problem("the program printed something different on a second run: quiz programs must be deterministic");
    }
    let Some(declared) = &t.answer.stdout else {
        cx.problem(format!(
            "the program compiles, but the answer key has no `answer.stdout`; it prints:\n{}",
            real.stdout.trim_end()
        ));
        return;
    };
    // The declared output is what a reader types: the program's output, final newline optional.
    let norm = |s: &str| s.strip_suffix('\n').unwrap_or(s).to_owned();
    if norm(declared) != norm(&real.stdout) {
        cx.problem(format!(
            "the declared stdout is not what the program prints:\n{}",
            crate::snapshot::diff_labelled(
                &norm(declared),
                &norm(&real.stdout),
                "a/declared",
                "b/printed"
            )
        ));
    }
}

fn declared_line(t: &Tracing) -> Option<usize> {
    t.answer.line_number
}

fn check_failing(cx: &mut QuestionCx<'_>, t: &Tracing, real: &Outcome) {
    if t.answer.stdout.is_some() {
        cx.problem("the program does not compile, so the answer key must not have `answer.stdout` (mdbook-quiz refuses it)");
    }
    let lines = real
        .error_lines
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let Some(line) = declared_line(t) else {
        cx.problem(format!(
            "the program does not compile; say where with `answer.lineNumber` (rustc reports errors on line(s) {lines})"
        ));
        return;
    };
    if !real.error_lines.contains(&line) {
        cx.problem(format!(
            "the answer key says the error is on line {line}, but rustc reports errors on line(s) {lines}:\n{}",
            real.rendered.trim_end()
        ));
    }
    // mdbook-quiz 0.5.0 does not ask the reader for the line: the explanation must give it.
    let context = t.context.as_deref().unwrap_or("");
    let named: Vec<usize> = LINE_REF
        .captures_iter(context)
        .filter_map(|c| c[1].parse().ok())
        .collect();
    if !named.contains(&line) {
        cx.problem(format!(
            "the explanation (`context`) must name the failing line: say \"line {line}\""
        ));
    }
}

/// The chapters that may go without a quiz for now, one chapter file a line (`#` comments).
pub const PENDING: &str = "quizzes/pending.txt";

/// The chapter files listed in [`PENDING`], with their line numbers.
pub fn pending(root: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(root.join(PENDING)).unwrap_or_default();
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split('#').next().unwrap_or("").trim().to_owned()))
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// Every numbered chapter shows its own quiz, `{{#quiz ../quizzes/<stem>.toml}}`, unless it is
/// listed in [`PENDING`]; every `{{#quiz}}` in a chapter points at an existing quiz named after
/// the chapter. `quizzes` are the quiz files (relative to the root).
pub fn check_chapters(book: &Book, quizzes: &[String]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let pending = pending(&book.root);
    for (line, file) in &pending {
        let own = format!(
            "quizzes/{}.toml",
            Path::new(file)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
        );
        let message = if !book.root.join(file).is_file() {
            format!("{file} is not a chapter file (write `src/chNN-name.md`)")
        } else if quizzes.contains(&own) {
            format!("{file} has its quiz now ({own}): remove the line")
        } else {
            continue;
        };
        problems.push(Problem {
            file: format!("{PENDING}:{line}"),
            question: None,
            message,
        });
    }
    for ch in &book.chapters {
        let stem = Path::new(&ch.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let own = format!("quizzes/{stem}.toml");
        let mut shows_own = false;
        for caps in QUIZ_DIRECTIVE.captures_iter(&ch.raw) {
            let path = caps[1].trim();
            let target = book::normalize(&ch.dir.join(path));
            let target = crate::display_path(&book.root, &target);
            let line = ch.raw[..caps.get(0).unwrap().start()].matches('\n').count() + 1;
            let mut problem = |message: String| {
                problems.push(Problem {
                    file: format!("{}:{line}", ch.file),
                    question: None,
                    message,
                })
            };
            if target != own {
                problem(format!(
                    "`{}` shows {target}; a chapter shows its own quiz, {own}",
                    &caps[0]
                ));
            } else if !book.root.join(&target).is_file() {
                problem(format!("`{}`: {target} does not exist", &caps[0]));
            } else if shows_own {
                problem(format!("{own} is shown twice"));
            } else {
                shows_own = true;
            }
        }
        let is_pending = pending.iter().any(|(_, f)| *f == ch.file);
        if ch.number.is_some() && !shows_own && !is_pending {
            let hint = if quizzes.contains(&own) {
                ""
            } else {
                " (write it first)"
            };
            problems.push(Problem {
                file: ch.file.clone(),
                question: None,
                message: format!(
                    "every chapter ends with a quiz: add a \"## Quiz\" section with \
                     `{{{{#quiz ../{own}}}}}` before the summary{hint}, or list the chapter \
                     in {PENDING} until it has one"
                ),
            });
        }
    }
    let chapter_files: BTreeSet<&str> = book.chapters.iter().map(|c| c.file.as_str()).collect();
    for quiz in quizzes {
        let stem = Path::new(quiz)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let chapter = format!("src/{stem}.md");
        if !chapter_files.contains(chapter.as_str()) && !book.root.join(&chapter).is_file() {
            problems.push(Problem {
                file: quiz.clone(),
                question: None,
                message: format!("no chapter {chapter}: a quiz is named after its chapter's file"),
            });
        }
    }
    problems
}
