//! The book's chapters, raw and expanded the way mdBook expands them.

use crate::display_path;
use crate::markdown::{self, Directive};
use mdbook_links::LinkPreprocessor;
use mdbook_preprocessor::book::{Book as MdBook, BookItem, Chapter as MdChapter};
use mdbook_preprocessor::config::Config;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// One chapter with a file (draft chapters have none and are not loaded).
#[derive(Clone, Debug)]
pub struct Chapter {
    pub name: String,
    /// The chapter number ("4" for chapter 4), for numbered chapters.
    pub number: Option<String>,
    /// The chapter's file, relative to the repository root (`src/ch04-moves.md`).
    pub file: String,
    /// The file's directory, absolute (includes are relative to it).
    pub dir: PathBuf,
    pub raw: String,
    /// `raw` with [`markdown::Marker`]s before every block, then expanded by mdBook's own
    /// `LinkPreprocessor`: this is what skeptic tests.
    pub expanded: String,
    /// ERROR lines mdBook logged while expanding this chapter.
    pub mdbook_errors: Vec<String>,
}

#[derive(Debug)]
pub struct Book {
    pub root: PathBuf,
    pub src_dir: PathBuf,
    pub chapters: Vec<Chapter>,
    /// Titles of draft chapters (`- [Title]()` in SUMMARY.md).
    pub drafts: Vec<String>,
}

/// The repository path of the file a directive includes, if it exists under `root`.
pub fn target_of(root: &Path, chapter_dir: &Path, d: &Directive) -> Option<String> {
    let path = normalize(&chapter_dir.join(&d.path));
    path.starts_with(root).then(|| display_path(root, &path))
}

/// Lexically removes `.` and `..` (the files may not exist).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Loads the book at `root` (the directory holding `book.toml`).
pub fn load(root: &Path) -> Result<Book, String> {
    let root = root
        .canonicalize()
        .map_err(|e| format!("{}: {e}", root.display()))?;
    let (config, md) =
        mdbook_links::load(&root).map_err(|e| format!("mdBook could not load the book: {e:#}"))?;
    let src_dir = root.join(&config.book.src);
    let mut chapters = Vec::new();
    let mut drafts = Vec::new();
    for item in md.iter() {
        let BookItem::Chapter(ch) = item else {
            continue;
        };
        let Some(path) = &ch.path else {
            drafts.push(ch.name.clone());
            continue;
        };
        chapters.push(load_chapter(&root, &src_dir, &config, ch, path));
    }
    Ok(Book {
        root,
        src_dir,
        chapters,
        drafts,
    })
}

fn load_chapter(
    root: &Path,
    src_dir: &Path,
    config: &Config,
    ch: &MdChapter,
    path: &Path,
) -> Chapter {
    let file = src_dir.join(path);
    let dir = file
        .parent()
        .expect("a chapter file has a directory")
        .to_path_buf();
    let annotated = markdown::annotate(&ch.content, &display_path(root, &file), |d| {
        target_of(root, &dir, d)
    });
    let (expanded, mdbook_errors) = expand(root, config, ch, annotated);
    Chapter {
        name: ch.name.clone(),
        number: ch
            .number
            .as_ref()
            .map(|n| n.to_string().trim_end_matches('.').to_owned()),
        file: display_path(root, &file),
        dir,
        raw: ch.content.clone(),
        expanded,
        mdbook_errors,
    }
}

/// Runs mdBook's `LinkPreprocessor` on one chapter, collecting what it logs at ERROR level
/// (a missing file is only logged; the build goes on).
fn expand(root: &Path, config: &Config, ch: &MdChapter, content: String) -> (String, Vec<String>) {
    let mut one = ch.clone();
    one.content = content;
    one.sub_items.clear();
    let mut book = MdBook::new();
    book.items.push(BookItem::Chapter(one));
    let ctx = PreprocessorContext::new(root.to_path_buf(), config.clone(), "html".to_owned());
    let log = Errors::default();
    let result =
        tracing::subscriber::with_default(log.clone(), || LinkPreprocessor::new().run(&ctx, book));
    let mut errors = log.lines();
    let expanded = match result {
        Ok(book) => match book.items.into_iter().next() {
            Some(BookItem::Chapter(c)) => c.content,
            _ => String::new(),
        },
        Err(e) => {
            errors.push(format!("ERROR {e:#}"));
            String::new()
        }
    };
    (expanded, errors)
}

/// What mdBook's code logs at ERROR level while it expands a chapter, one line per event
/// (`ERROR message key=value...`): a subscriber of the `tracing` crate mdBook logs with.
#[derive(Clone, Default)]
struct Errors(Arc<Mutex<Vec<String>>>);

impl Errors {
    fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl tracing::Subscriber for Errors {
    fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
        *metadata.level() == tracing::Level::ERROR
    }

    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(tracing::level_filters::LevelFilter::ERROR)
    }

    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }

    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}

    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}

    fn event(&self, event: &tracing::Event<'_>) {
        struct Line(String);
        impl tracing::field::Visit for Line {
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                use std::fmt::Write as _;
                let _ = match field.name() {
                    "message" => write!(self.0, " {value:?}"),
                    name => write!(self.0, " {name}={value:?}"),
                };
            }
        }
        let mut line = Line("ERROR".to_owned());
        event.record(&mut line);
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(line.0);
    }

    fn enter(&self, _: &tracing::span::Id) {}

    fn exit(&self, _: &tracing::span::Id) {}
}

/// Every listing file (`listings/**/*.rs`), relative to the root, sorted.
pub fn listing_files(root: &Path) -> Vec<String> {
    files_under(root, &root.join("listings"))
        .into_iter()
        .filter(|f| f.ends_with(".rs"))
        .collect()
}

/// Every file under `dir`, relative to `root`, sorted.
pub fn files_under(root: &Path, dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(display_path(root, &path));
            }
        }
    }
    out.sort();
    out
}
