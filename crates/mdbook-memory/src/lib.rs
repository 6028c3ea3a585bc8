//! Memory pictures drawn from a listing's measured output.
//!
//! A chapter holds a description in a fenced block (```` ```memory ````): the data file it reads
//! (a listing's `.stdout` snapshot, relative to the chapter), patterns that bind values from it,
//! and the elements to draw. [`expand`] replaces every such block with inline SVG (what the
//! `mdbook-memory` preprocessor does); [`blocks`] and [`check`] let a test suite validate every
//! picture: a number typed into a description, or a pattern that no longer matches its data
//! (stale data), is an error naming the chapter and the picture.
//!
//! ```text
//! picture string-move: A String before and after `let t = s`
//! data ../listings/ch04-moves/01-string-move.stdout
//! match "String header: (?<size>\d+) bytes"
//! match "s: header at (?<s>0x[0-9a-f]+), buffer at (?<buf>0x[0-9a-f]+)"
//! kind stack-heap
//! frame main
//! var s type=String size={size} at={s} words="ptr {buf}" to=buffer
//! heap buffer at={buf} text="h e l l o"
//! ```

pub mod describe;
pub mod render;

pub use describe::{Kind, Picture, parse};
use std::path::Path;

/// This library's own source: what a test suite that remembers checked pictures (the book's
/// harness does) puts in its key, so that a change to the code checks every picture again.
pub const SOURCE: [&str; 3] = [
    include_str!("lib.rs"),
    include_str!("describe.rs"),
    include_str!("render.rs"),
];

/// A ```` ```memory ```` block of a chapter.
#[derive(Clone, Debug)]
pub struct Block {
    /// The line of its opening fence (1-based).
    pub line: usize,
    /// Its id (`picture <id>: ...`), or `line N` when it has none.
    pub id: String,
    pub text: String,
    /// Byte range of the whole block, fences included, in the chapter.
    pub range: std::ops::Range<usize>,
}

/// Every memory block of a chapter's markdown (not those inside other fences).
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut open: Option<(char, usize, bool, usize, usize, String)> = None; // fence char, len, memory?, line, start, text
    for (i, line) in markdown.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let t = line.trim_end_matches(['\n', '\r']);
        let trimmed = t.trim_start();
        let indent = t.len() - trimmed.len();
        let fence = trimmed
            .chars()
            .next()
            .filter(|c| *c == '`' || *c == '~')
            .map(|c| (c, trimmed.chars().take_while(|x| *x == c).count()))
            .filter(|(_, n)| *n >= 3 && indent < 4);
        match (&mut open, fence) {
            (None, Some((c, n))) => {
                let info = trimmed[n..].trim();
                let memory = info.split_whitespace().next() == Some("memory");
                open = Some((c, n, memory, i + 1, start, String::new()));
            }
            (Some((c, n, memory, l, s, text)), Some((fc, fnum)))
                if fc == *c && fnum >= *n && trimmed[fnum..].trim().is_empty() =>
            {
                if *memory {
                    let id = text
                        .lines()
                        .find_map(|l| l.trim().strip_prefix("picture "))
                        .and_then(|r| r.split(':').next())
                        .map(|s| s.trim().to_owned())
                        .unwrap_or_else(|| format!("line {l}"));
                    out.push(Block {
                        line: *l,
                        id,
                        text: std::mem::take(text),
                        range: *s..offset,
                    });
                }
                open = None;
            }
            (Some((_, _, true, _, _, text)), _) => text.push_str(line),
            _ => {}
        }
    }
    out
}

/// Parses and draws one block; `base` is the chapter's directory, `chapter` its name in messages.
pub fn check(block: &Block, base: &Path, chapter: &str) -> Result<String, String> {
    let fail = |e: String| {
        format!(
            "{chapter}:{}: memory picture `{}`: {e}",
            block.line, block.id
        )
    };
    let picture = parse(&block.text, base).map_err(fail)?;
    render::html(&picture).map_err(fail)
}

/// A chapter with every memory block replaced by its picture (inline HTML and SVG).
pub fn expand(markdown: &str, base: &Path, chapter: &str) -> Result<String, Vec<String>> {
    let mut out = String::with_capacity(markdown.len());
    let mut errors = Vec::new();
    let mut last = 0;
    for block in blocks(markdown) {
        out.push_str(&markdown[last..block.range.start]);
        match check(&block, base, chapter) {
            Ok(html) => {
                out.push_str(&html);
                out.push_str("\n\n");
            }
            Err(e) => errors.push(e),
        }
        last = block.range.end;
    }
    out.push_str(&markdown[last..]);
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A new directory for one test (`what` names it), under the system's temporary directory.
    pub(crate) fn scratch(what: &str) -> PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "mdbook-memory-{what}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A directory with a chapter and a snapshot, as in the book.
    fn book(snapshot: &str) -> PathBuf {
        let dir = scratch("test");
        std::fs::create_dir_all(dir.join("listings")).unwrap();
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::write(dir.join("listings/move.stdout"), snapshot).unwrap();
        dir
    }

    const SNAPSHOT: &str =
        "String header: 24 bytes\ns: header at 0x7ffe714c6458, buffer at 0x5646f4627d60\n";

    fn chapter(body: &str) -> String {
        format!(
            "# Moves\n\nText.\n\n```memory\npicture string-move: A String\ndata ../listings/move.stdout\n\
             match \"String header: (?<size>\\d+) bytes\"\n\
             match \"s: header at (?<s>0x[0-9a-f]+), buffer at (?<buf>0x[0-9a-f]+)\"\n\
             kind stack-heap\nframe main\n{body}\nheap buffer at={{buf}} text=\"hello\"\n```\n\nMore text.\n"
        )
    }

    fn expand_in(dir: &Path, md: &str) -> Result<String, Vec<String>> {
        expand(md, &dir.join("src"), "src/ch04-moves.md")
    }

    #[test]
    fn a_picture_is_inline_svg_with_title_and_desc_from_the_data() {
        let dir = book(SNAPSHOT);
        let out = expand_in(
            &dir,
            &chapter("var s type=String size={size} at={s} value=\"{buf}\" to=buffer"),
        )
        .unwrap();
        assert!(
            out.contains("<svg class=\"memory-svg\" role=\"img\""),
            "{out}"
        );
        assert!(out.contains("<title id=\"mem-string-move-1-title\">A String</title>"));
        assert!(out.contains("<desc id=\"mem-string-move-1-desc\">"));
        assert!(out.contains("24 bytes at 0x7ffe714c6458"));
        assert!(out.contains("marker-end"), "the pointer has its arrow");
        assert!(out.starts_with("# Moves") && out.contains("More text."));
        assert!(!out.contains("```memory"));
        // the HTML block must not be cut by a blank line
        let html = &out[out.find("<figure").unwrap()..out.find("</figure>").unwrap()];
        assert!(!html.contains("\n\n"));
    }

    #[test]
    fn a_typed_number_is_rejected_naming_chapter_and_picture() {
        let dir = book(SNAPSHOT);
        let err = expand_in(&dir, &chapter("var s type=String size=24 at={s}"))
            .unwrap_err()
            .join("\n");
        assert!(err.contains("src/ch04-moves.md"), "{err}");
        assert!(err.contains("`string-move`"), "{err}");
        assert!(
            err.contains("the number `24` is typed into the picture"),
            "{err}"
        );
        // an address typed in, too
        let err = expand_in(&dir, &chapter("var s type=String value=\"0x5646f4627d60\""))
            .unwrap_err()
            .join("\n");
        assert!(err.contains("`0x5646f4627d60` is typed"), "{err}");
    }

    #[test]
    fn stale_data_fails_naming_chapter_and_picture() {
        // the listing now prints something else: the pattern matches no line
        let dir =
            book("String header: 24 bytes\ns: header 0x7ffe714c6458, buffer 0x5646f4627d60\n");
        let err = expand_in(&dir, &chapter("var s type=String size={size} at={s}"))
            .unwrap_err()
            .join("\n");
        assert!(err.contains("src/ch04-moves.md"), "{err}");
        assert!(err.contains("`string-move`"), "{err}");
        assert!(err.contains("stale data"), "{err}");
        assert!(err.contains("move.stdout"), "{err}");
    }

    #[test]
    fn a_number_changed_in_the_snapshot_changes_the_picture() {
        let body = chapter("var s type=String size={size} at={s} value=\"{buf}\" to=buffer");
        let before = expand_in(&book(SNAPSHOT), &body).unwrap();
        let after = expand_in(&book(&SNAPSHOT.replace("24 bytes", "32 bytes")), &body).unwrap();
        assert_ne!(before, after);
        assert!(after.contains("32 bytes at 0x7ffe714c6458"), "{after}");
        assert!(!after.contains("24 bytes"));
    }

    #[test]
    fn derived_numbers_say_so() {
        let dir = book("a at 0x1000\nb at 0x1018\n");
        let md = "```memory\npicture d: D\ndata ../listings/move.stdout\nmatch \"a at (?<a>0x\\w+)\"\n\
                  match \"b at (?<b>0x\\w+)\"\nderive gap = b - a as bytes\nkind map\nmark a at={a}\n\
                  mark b at={b} text=\"{gap} above a\"\n```\n";
        let out = expand_in(&dir, md).unwrap();
        assert!(out.contains("24 bytes (derived) above a"), "{out}");
    }

    #[test]
    fn steps_hold_every_state() {
        let dir = book(SNAPSHOT);
        let md = chapter(
            "var s type=String at={s}\nstate \"after\"\nframe main\nvar s type=String at={s} moved",
        );
        let md = md.replace("kind stack-heap\n", "kind stack-heap\nstate \"before\"\n");
        let out = expand_in(&dir, &md).unwrap();
        assert!(
            out.contains("class=\"memory-steps\" data-count=\"2\""),
            "{out}"
        );
        // one drawing a state (and, where it is wide, a narrow one beside it)
        assert_eq!(out.matches("<svg class=\"memory-svg\" ").count(), 2);
        assert!(out.contains("Step 2 of 2:"));
        assert!(out.contains("(moved-from)"));
    }

    #[test]
    fn blocks_inside_other_fences_are_not_pictures() {
        let md = "````markdown\n```memory\npicture x: X\n```\n````\n";
        assert!(blocks(md).is_empty());
    }
}
