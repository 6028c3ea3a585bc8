//! The one way the book compiles and runs a program: a listing, a block of a chapter, a quiz's
//! tracing program, the compile-fail batch. Every step has a time limit, after which the child
//! process (and every process it started) is killed and the run fails naming what ran, which
//! step and the limit. Results are kept in the content-addressed [`crate::cache`].
//!
//! A program is compiled with `rustc --edition E --crate-type bin` plus the flags of its
//! [`Profile`] (the same as Cargo's dev or release profile), from the repository root so that
//! rustup picks the pinned toolchain (`rust-toolchain.toml`). Listings are compiled from their
//! own file (a panic message then names `listings/…/x.rs`, as for a reader); other programs from
//! a file written under `target/book-runs/`.

use crate::cache::{self, Key};
use crate::{deps, target_dir};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Bump when what the runner does (flags, what it records) changes: every cached result is then
/// stale.
pub const RUNNER_VERSION: u32 = 2;

/// How long compiling may take before the run fails (a listing takes about 0.2 s).
pub const COMPILE_LIMIT: Duration = Duration::from_secs(120);
/// How long a program may run, unless it says otherwise with `// time-limit: N s`.
pub const RUN_LIMIT: Duration = Duration::from_secs(20);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// profile also writes debug info, which changes no listing's output; it is left out to
    /// keep compiles fast. `-C incremental=DIR` is added to debug builds by the runner.)
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

/// What to do with a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// `rustc --emit=metadata`: type- and borrow-check only (`compile_fail`, `no_run`).
    Check,
    /// Compile, link and run.
    Run,
    /// Compile, link and run twice (a quiz must print the same both times).
    RunTwice,
}

/// One program to compile (and run).
#[derive(Clone, Debug)]
pub struct Job {
    /// Names the program in every message: `src/ch04-moves.md:42 [listings/…]`, a listing's
    /// path, `quizzes/ch04-moves.toml question 3`.
    pub origin: String,
    pub source: String,
    /// Compile this file (relative to the root) instead of a copy of `source` (listings).
    pub path: Option<String>,
    pub edition: String,
    /// `bin`, or `rlib` for a library listing (`lib_*.rs`, checked only).
    pub crate_type: &'static str,
    pub profile: Profile,
    pub mode: Mode,
    /// Ask rustc for JSON diagnostics (quizzes read error lines and codes from them).
    pub json: bool,
    /// Extra `rustc` arguments (`--extern` of a listing's crates, `-g`...). Part of the key.
    pub rustc_args: Vec<String>,
    /// Run the binary under this command (`valgrind --tool=memcheck …`). Part of the key.
    pub wrapper: Vec<String>,
    /// Text that is not in `source` but changes the result (a `// lib:` file, `Cargo.lock`).
    pub also_keyed: Vec<String>,
    pub run_limit: Duration,
}

impl Job {
    pub fn new(origin: impl Into<String>, source: impl Into<String>) -> Job {
        Job {
            origin: origin.into(),
            source: source.into(),
            path: None,
            edition: "2024".to_owned(),
            crate_type: "bin",
            profile: Profile::Debug,
            mode: Mode::Run,
            json: false,
            rustc_args: Vec::new(),
            wrapper: Vec::new(),
            also_keyed: Vec::new(),
            run_limit: RUN_LIMIT,
        }
    }

    /// A listing file, compiled in place, with what its directives ask for (`// deps:`,
    /// `// lib:`, `// time-limit:`).
    pub fn listing(root: &Path, file: &str, profile: Profile) -> Result<Job, String> {
        let source = std::fs::read_to_string(root.join(file))
            .map_err(|e| format!("{file}: cannot read it: {e}"))?;
        let mut job = Job::new(file, source);
        job.path = Some(file.to_owned());
        job.profile = profile;
        if crate::listing::kind_of(file) == crate::listing::Kind::Library {
            job.crate_type = "rlib";
            job.mode = Mode::Check;
        }
        let crates = deps::declared(&job.source);
        if !crates.is_empty() {
            job.rustc_args.extend(deps::rustc_args(
                root,
                &crates,
                profile == Profile::Release,
            )?);
            job.also_keyed
                .push(std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default());
        }
        for lib in directive_values(&job.source, "lib") {
            let (args, text) = build_library(root, file, &lib, profile)?;
            job.rustc_args.extend(args);
            job.also_keyed.push(text);
        }
        if let Some(limit) = directive_values(&job.source, "time-limit").first() {
            job.run_limit = parse_seconds(limit).ok_or_else(|| {
                format!("{file}: `// time-limit: {limit}` should be a number of seconds (`30 s`)")
            })?;
        }
        Ok(job)
    }

    pub fn key(&self) -> Key {
        self.key_with(toolchain())
    }

    pub fn key_with(&self, toolchain: &str) -> Key {
        Key::new(&[
            &RUNNER_VERSION.to_string(),
            toolchain,
            &format!(
                "{:?} {:?} {:?} {} {}",
                self.profile, self.mode, self.json, self.edition, self.crate_type
            ),
            self.path.as_deref().unwrap_or("-"),
            &self.source,
            &self.rustc_args.join("\u{1f}"),
            &self.wrapper.join("\u{1f}"),
            &self.also_keyed.join("\u{1f}"),
            &self.run_limit.as_millis().to_string(),
        ])
    }
}

/// The values of `// NAME: value` lines of a program.
pub fn directive_values(source: &str, name: &str) -> Vec<String> {
    let prefix = format!("// {name}:");
    if !source.contains(&prefix) {
        return Vec::new(); // the common case, found without splitting the program into lines
    }
    source
        .lines()
        .filter_map(|l| l.trim().strip_prefix(&prefix))
        .map(|v| v.trim().to_owned())
        .collect()
}

pub fn parse_seconds(text: &str) -> Option<Duration> {
    let number = text.trim().trim_end_matches('s').trim();
    number.parse::<f64>().ok().map(Duration::from_secs_f64)
}

/// What running a program gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
    /// The exit code, or `None` when a signal ended the process.
    pub code: Option<i32>,
}

/// What compiling (and running) a program gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub compiled: bool,
    /// What rustc printed (JSON lines when [`Job::json`]).
    pub compiler: String,
    /// The runs, when it compiled and the mode runs it.
    pub runs: Vec<Ran>,
    /// Whether this came from the cache.
    #[serde(skip)]
    pub cached: bool,
}

impl Outcome {
    pub fn run(&self) -> Option<&Ran> {
        self.runs.first()
    }
}

/// Why a run could not give an [`Outcome`]: a time limit, or a tool that would not start.
#[derive(Clone, Debug, PartialEq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `rustc -vV` (release, commit, host, LLVM): the compiler's identity, part of every key.
pub fn toolchain() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let out = Command::new(rustc_program())
            .arg("-vV")
            .output()
            .unwrap_or_else(|e| panic!("could not run rustc: {e}"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    })
}

/// The host triple of the compiler (`x86_64-unknown-linux-gnu`).
pub fn host() -> &'static str {
    toolchain()
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .unwrap_or("unknown")
}

/// The release line of `rustc -vV` (`1.95.0`).
pub fn rustc_release() -> &'static str {
    toolchain()
        .lines()
        .find_map(|l| l.strip_prefix("release: "))
        .unwrap_or("unknown")
}

/// The compiler: `rustc` (under `cargo test`, rustup's `RUSTUP_TOOLCHAIN` makes it the pinned
/// one), or `BOOK_RUSTC` (the harness's tests use it to pose as another compiler).
fn rustc_program() -> std::ffi::OsString {
    std::env::var_os("BOOK_RUSTC").unwrap_or_else(|| "rustc".into())
}

/// `rustc`, started in `root` (so paths in its messages and in panic messages are relative to
/// the book, `listings/…`, as for a reader).
fn rustc(root: &Path) -> Command {
    let mut cmd = Command::new(rustc_program());
    cmd.current_dir(root);
    cmd
}

/// Compiles and runs `job`, or gives the outcome recorded for the very same inputs. Two checks
/// that need the same job at the same time (a listing's block and its output) share one run.
pub fn run(root: &Path, job: &Job) -> Result<Outcome, Error> {
    type Shared = Arc<OnceLock<Result<Outcome, Error>>>;
    static IN_FLIGHT: LazyLock<Mutex<HashMap<String, Shared>>> = LazyLock::new(Default::default);
    let key = job.key();
    let cell = IN_FLIGHT
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(key.as_str().to_owned())
        .or_default()
        .clone();
    let mut ran_here = false;
    let mut result = cell
        .get_or_init(|| {
            ran_here = true;
            if let Some(mut hit) = cache::get::<Outcome>(root, &key) {
                hit.cached = true;
                return Ok(hit);
            }
            let outcome = execute(root, job, &key)?;
            cache::put(root, &key, &outcome);
            Ok(outcome)
        })
        .clone();
    if let (false, Ok(outcome)) = (ran_here, &mut result) {
        outcome.cached = true; // another check of this run compiled it
    }
    result
}

/// Compiles and runs `job` now, whatever the cache holds (`cargo listing`: a reader who runs a
/// listing sees it run). The result is not recorded either.
pub fn run_fresh(root: &Path, job: &Job) -> Result<Outcome, Error> {
    execute(root, job, &job.key())
}

/// A directory of its own for one execution (two checks may compile the same text at once).
fn scratch(root: &Path, key: &Key) -> Result<PathBuf, Error> {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let dir = target_dir(root).join("book-runs").join(format!(
        "{}-{}-{}",
        key.short(),
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error(format!("cannot create {}: {e}", dir.display())))?;
    Ok(dir)
}

fn execute(root: &Path, job: &Job, key: &Key) -> Result<Outcome, Error> {
    let dir = scratch(root, key)?;
    let result = execute_in(root, job, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn execute_in(root: &Path, job: &Job, dir: &Path) -> Result<Outcome, Error> {
    let source = match &job.path {
        Some(path) => PathBuf::from(path),
        None => {
            let file = dir.join("main.rs");
            std::fs::write(&file, &job.source)
                .map_err(|e| Error(format!("cannot write {}: {e}", file.display())))?;
            file
        }
    };
    let bin = dir.join(format!("main{}", std::env::consts::EXE_SUFFIX));
    let mut cmd = rustc(root);
    cmd.args([
        "--edition",
        &job.edition,
        "--crate-type",
        job.crate_type,
        "--crate-name",
    ])
    .arg(crate_name(job.path.as_deref().unwrap_or("block")))
    .args(job.profile.flags())
    .args(&job.rustc_args);
    if job.profile == Profile::Debug && job.mode != Mode::Check && job.path.is_some() {
        cmd.arg("-C").arg(incremental_flag(root, job));
    }
    if job.json {
        cmd.arg("--error-format=json");
    }
    match job.mode {
        Mode::Check => cmd.arg("--emit=metadata").arg("--out-dir").arg(dir),
        Mode::Run | Mode::RunTwice => cmd.arg("-o").arg(&bin),
    };
    cmd.arg(&source);
    let started = Instant::now();
    let compiled = limited(cmd, dir, "compile", COMPILE_LIMIT, &job.origin)?;
    let compile_time = started.elapsed();
    let mut outcome = Outcome {
        compiled: compiled.code == Some(0),
        compiler: compiled.stderr,
        runs: Vec::new(),
        cached: false,
    };
    if !outcome.compiled || job.mode == Mode::Check {
        log_time(job, compile_time, Duration::ZERO);
        return Ok(outcome);
    }
    let times = if job.mode == Mode::RunTwice { 2 } else { 1 };
    for _ in 0..times {
        let mut cmd = match job.wrapper.split_first() {
            Some((tool, args)) => {
                let mut cmd = Command::new(tool);
                cmd.args(args).arg(&bin);
                cmd
            }
            None => Command::new(&bin),
        };
        cmd.current_dir(root).env("RUST_BACKTRACE", "0");
        outcome
            .runs
            .push(limited(cmd, dir, "run", job.run_limit, &job.origin)?);
    }
    log_time(job, compile_time, started.elapsed() - compile_time);
    Ok(outcome)
}

/// With `BOOK_TIMINGS=FILE`, every program compiled (and run) that was not cached appends a line
/// to FILE: seconds compiling, seconds running (0 for a compile-only check), the profile and what
/// ran (`sort -rn FILE | head` names
/// the slowest listings).
fn log_time(job: &Job, compile: Duration, run: Duration) {
    let Some(file) = std::env::var_os("BOOK_TIMINGS").filter(|f| !f.is_empty()) else {
        return;
    };
    let line = format!(
        "{:7.2} {:7.2} {:<7} {}\n",
        compile.as_secs_f64(),
        run.as_secs_f64(),
        job.profile.name(),
        job.origin
    );
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)
    {
        use std::io::Write;
        let _ = f.write_all(line.as_bytes());
    }
}

/// Debug builds of listings are incremental, as Cargo's dev profile is: a directory per listing,
/// kept between runs under `target/book-incremental/`. (Blocks and quiz programs are not: their
/// output is not compared, and a directory per text would only pile up.)
fn incremental_flag(root: &Path, job: &Job) -> std::ffi::OsString {
    let name = job.path.as_deref().unwrap_or("-").replace(['/', '\\'], "+");
    let mut flag = std::ffi::OsString::from("incremental=");
    flag.push(target_dir(root).join("book-incremental").join(name));
    flag
}

/// A crate name rustc accepts, from a listing's file name.
pub fn crate_name(file: &str) -> String {
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("listing");
    let clean: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("listing_{clean}")
}

/// Builds the library listing `lib` (`lib_counting.rs`, beside `listing`) as the rlib crate
/// `counting`, with the same profile, the way Cargo builds a package's `src/lib.rs` for its
/// `src/main.rs`. Returns the `--extern` arguments and the library's text (for the key).
fn build_library(
    root: &Path,
    listing: &str,
    lib: &str,
    profile: Profile,
) -> Result<(Vec<String>, String), String> {
    let name = lib
        .strip_prefix("lib_")
        .and_then(|f| f.strip_suffix(".rs"))
        .ok_or_else(|| {
            format!("{listing}: `// lib: {lib}`: a library listing is named lib_NAME.rs")
        })?;
    let dir = Path::new(listing).parent().unwrap_or(Path::new(""));
    let file = dir.join(lib);
    let text = std::fs::read_to_string(root.join(&file)).map_err(|e| {
        format!(
            "{listing}: `// lib: {lib}`: cannot read {}: {e}",
            file.display()
        )
    })?;
    let out_dir = target_dir(root)
        .join("book-libs")
        .join(profile.name())
        .join(Key::new(&[toolchain(), &text]).short());
    let rlib = out_dir.join(format!("lib{name}.rlib"));
    if !rlib.is_file() {
        std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
        let mut cmd = rustc(root);
        cmd.args([
            "--edition",
            "2024",
            "--crate-type",
            "rlib",
            "--crate-name",
            name,
        ])
        .args(profile.flags())
        .arg("-o")
        .arg(&rlib)
        .arg(&file);
        let out = limited(
            cmd,
            &out_dir,
            "compile",
            COMPILE_LIMIT,
            &file.display().to_string(),
        )
        .map_err(|e| e.0)?;
        if out.code != Some(0) {
            return Err(format!(
                "{} does not compile:\n{}",
                file.display(),
                out.stderr
            ));
        }
    }
    Ok((
        vec!["--extern".to_owned(), format!("{name}={}", rlib.display())],
        text,
    ))
}

/// Runs `cmd` with its output in files (no pipe to fill up), killing it and everything it
/// started when `limit` passes.
pub fn limited(
    mut cmd: Command,
    dir: &Path,
    step: &str,
    limit: Duration,
    origin: &str,
) -> Result<Ran, Error> {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let n = SEQ.fetch_add(1, Ordering::Relaxed);
    let (out_path, err_path) = (dir.join(format!("{n}.out")), dir.join(format!("{n}.err")));
    let file = |p: &Path| {
        std::fs::File::create(p).map_err(|e| Error(format!("cannot create {}: {e}", p.display())))
    };
    cmd.stdin(Stdio::null())
        .stdout(file(&out_path)?)
        .stderr(file(&err_path)?);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .spawn()
        .map_err(|e| Error(format!("{origin}: could not start `{program}`: {e}")))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| Error(e.to_string()))? {
            break status;
        }
        if started.elapsed() > limit {
            kill_tree(&mut child);
            return Err(Error(format!(
                "{origin}: timed out: the {step} step was stopped after {} s (its time limit{})",
                limit.as_secs_f64(),
                if step == "run" {
                    "; a listing that needs longer says so with `// time-limit: N s`"
                } else {
                    ""
                }
            )));
        }
        let waited = started.elapsed();
        std::thread::sleep(if waited < Duration::from_millis(50) {
            Duration::from_millis(1)
        } else {
            Duration::from_millis(10)
        });
    };
    let read =
        |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    Ok(Ran {
        stdout: read(&out_path),
        stderr: read(&err_path),
        code: status.code(),
    })
}

/// Kills `child` and, on Unix, its whole process group (rustc's linker, cargo's rustc...).
fn kill_tree(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}
