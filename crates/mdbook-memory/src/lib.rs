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
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}
