//! A picture description: its header (data files, patterns, derived values) and its elements,
//! every text resolved against the values bound from the data.

use regex::Regex;
use std::collections::BTreeMap;
use std::path::Path;

/// What a picture draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Frames with their variables, heap (and read-only) blocks, arrows between them.
    StackHeap,
    /// Types as rows of bytes: fields at their offsets, padding and niches marked.
    Layout,
    /// Regions and marks in address order, on a log (or linear) scale.
    Map,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::StackHeap => "stack-heap",
            Kind::Layout => "layout",
            Kind::Map => "map",
        }
    }
}

/// A text of the picture: literal parts written by the author, values from the run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    /// As shown: derived values followed by " (derived)".
    pub shown: String,
    /// With the bare values (for numbers: what is parsed).
    pub raw: String,
    /// Some value in it was computed by the preprocessor.
    pub derived: bool,
}

impl Text {
    pub fn plain(s: &str) -> Text {
        Text {
            shown: s.to_owned(),
            raw: s.to_owned(),
            derived: false,
        }
    }
    /// The number this text holds (`0x…` hexadecimal or decimal), if it is one.
    pub fn number(&self) -> Option<u128> {
        parse_number(&self.raw)
    }
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }
}

pub fn parse_number(s: &str) -> Option<u128> {
    let s = s.trim().replace('_', "");
    if let Some(hex) = s.strip_prefix("0x") {
        u128::from_str_radix(hex, 16).ok()
    } else {
        s.parse().ok()
    }
}

/// One element: `var s type=String size={size} at={s_header} to=buffer moved`.
#[derive(Clone, Debug)]
pub struct Item {
    pub what: String,
    pub name: Text,
    pub attrs: BTreeMap<String, Text>,
    pub flags: Vec<String>,
    /// The description's line (1-based), for messages.
    pub line: usize,
}

impl Item {
    pub fn attr(&self, key: &str) -> Option<&Text> {
        self.attrs.get(key)
    }
    pub fn text(&self, key: &str) -> String {
        self.attrs
            .get(key)
            .map(|t| t.shown.clone())
            .unwrap_or_default()
    }
    pub fn flag(&self, f: &str) -> bool {
        self.flags.iter().any(|x| x == f)
    }
    /// A numeric attribute, required.
    pub fn num(&self, key: &str) -> Result<u128, String> {
        let t = self
            .attrs
            .get(key)
            .ok_or_else(|| format!("line {}: `{}` needs `{key}=`", self.line, self.what))?;
        t.number().ok_or_else(|| {
            format!(
                "line {}: `{key}={}` is not a number (bind it from the data: `{key}={{name}}`)",
                self.line, t.raw
            )
        })
    }
}

#[derive(Clone, Debug, Default)]
pub struct State {
    pub caption: Option<Text>,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug)]
pub struct Picture {
    pub id: String,
    pub title: Text,
    pub kind: Kind,
    /// The data files, as written (relative to the chapter).
    pub sources: Vec<String>,
    pub log_scale: bool,
    pub states: Vec<State>,
    pub notes: Vec<Text>,
}

/// A bound value.
#[derive(Clone, Debug)]
struct Value {
    text: String,
    derived: bool,
}

/// Numbers typed into a text by the author (not structural ones such as `Listing 4-1`, nor the
/// digits of a name such as `u64`).
pub fn typed_numbers(literal: &str) -> Vec<String> {
    static STRUCTURAL: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    static NUMBER: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let structural = STRUCTURAL.get_or_init(|| {
        Regex::new(r"\b(Listing|listing|Listings|line|lines|chapter|Chapter|ch)\s?\d+(-\d+)?")
            .unwrap()
    });
    let number = NUMBER.get_or_init(|| Regex::new(r"0[xX][0-9a-fA-F]+|\d+(\.\d+)?").unwrap());
    let cleaned = structural.replace_all(literal, "");
    let bytes = cleaned.as_bytes();
    let mut found = Vec::new();
    for m in number.find_iter(&cleaned) {
        let is_hex = m.as_str().starts_with("0x") || m.as_str().starts_with("0X");
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        let wordy = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphabetic() || b == b'_');
        if !is_hex && (wordy(before) || wordy(after)) {
            continue; // u64, i32, NonZeroU32, x86_64
        }
        found.push(m.as_str().to_owned());
    }
    found
}

/// Splits an element line into words; `"…"` quotes keep spaces (`\"` is a quote).
fn words(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_quotes = false;
    let mut chars = line.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_quotes && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => {
                in_quotes = !in_quotes;
                any = true;
            }
            c if c.is_whitespace() && !in_quotes => {
                if any || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => cur.push(c),
        }
    }
    if in_quotes {
        return Err("a quote is not closed".into());
    }
    if any || !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

struct Parser<'a> {
    base: &'a Path,
    values: BTreeMap<String, Value>,
    data: Option<(String, String)>,
    /// Where the last match ended: patterns match in order, so a line printed twice is told apart.
    cursor: usize,
}

impl Parser<'_> {
    /// Resolves `{name}` placeholders; literal numbers are an error.
    fn resolve(&self, template: &str, line: usize) -> Result<Text, String> {
        let mut text = Text::default();
        let mut rest = template;
        let mut literal = String::new();
        while let Some(open) = rest.find('{') {
            literal.push_str(&rest[..open]);
            text.shown.push_str(&rest[..open]);
            text.raw.push_str(&rest[..open]);
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| format!("line {line}: `{{` without `}}` in `{template}`"))?
                + open;
            let name = &rest[open + 1..close];
            let value = self.values.get(name).ok_or_else(|| {
                format!(
                    "line {line}: `{{{name}}}` is not bound (bind it with `match` or `derive` first)"
                )
            })?;
            text.raw.push_str(&value.text);
            text.shown.push_str(&value.text);
            if value.derived {
                text.shown.push_str(" (derived)");
                text.derived = true;
            }
            literal.push(' ');
            rest = &rest[close + 1..];
        }
        literal.push_str(rest);
        text.shown.push_str(rest);
        text.raw.push_str(rest);
        let typed = typed_numbers(&literal);
        if !typed.is_empty() {
            return Err(format!(
                "line {line}: the number {} is typed into the picture; every number must come from the \
                 run: bind it from the data (`match \"... (?<name>\\d+) ...\"`) and write `{{name}}`",
                typed
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Ok(text)
    }

    fn read_data(&mut self, path: &str, line: usize) -> Result<(), String> {
        let full = self.base.join(path);
        let content = std::fs::read_to_string(&full)
            .map_err(|e| format!("line {line}: data file {path}: {e}"))?;
        self.data = Some((path.to_owned(), content));
        self.cursor = 0;
        Ok(())
    }

    fn bind(&mut self, pattern: &str, line: usize) -> Result<(), String> {
        let (path, content) = self
            .data
            .as_ref()
            .ok_or_else(|| format!("line {line}: `match` before any `data` line"))?;
        let re = Regex::new(&format!("(?m){pattern}"))
            .map_err(|e| format!("line {line}: the pattern does not compile: {e}"))?;
        let names: Vec<&str> = re.capture_names().flatten().collect();
        if names.is_empty() {
            return Err(format!(
                "line {line}: the pattern binds nothing: name its groups, `(?<name>...)`"
            ));
        }
        // from where the last pattern matched (so a line printed twice is told apart), else from
        // the start
        let caps = re
            .captures_at(content, self.cursor)
            .or_else(|| re.captures(content));
        let caps = caps.ok_or_else(|| {
            format!(
                "line {line}: stale data: the pattern `{pattern}` matches no line of {path} \
                 (the listing's output changed; update the picture to what the run prints now)"
            )
        })?;
        self.cursor = caps.get(0).map(|m| m.end()).unwrap_or(0);
        for name in names {
            let text = caps
                .name(name)
                .map(|m| m.as_str().to_owned())
                .unwrap_or_default();
            Self::bind_once(&mut self.values, name, text, false, line)?;
        }
        Ok(())
    }

    /// Binds `name` once: a second binding of the same name is an error.
    fn bind_once(
        values: &mut BTreeMap<String, Value>,
        name: &str,
        text: String,
        derived: bool,
        line: usize,
    ) -> Result<(), String> {
        if values.contains_key(name) {
            return Err(format!("line {line}: `{name}` is bound twice"));
        }
        values.insert(name.to_owned(), Value { text, derived });
        Ok(())
    }

    /// `derive NAME = A - B as bytes` (ops `-`, `+`; formats `bytes`, `size`, `hex`, `number`;
    /// `derive NAME = A as size` converts one value).
    fn derive(&mut self, spec: &str, line: usize) -> Result<(), String> {
        let err =
            |m: &str| format!("line {line}: derive: {m} (write `derive name = a - b as bytes`)");
        let (name, expr) = spec.split_once('=').ok_or_else(|| err("no `=`"))?;
        let name = name.trim();
        let (expr, format) = match expr.split_once(" as ") {
            Some((e, f)) => (e.trim(), f.trim()),
            None => (expr.trim(), "number"),
        };
        let parts: Vec<&str> = expr.split_whitespace().collect();
        let get = |n: &str| -> Result<u128, String> {
            let n = n.trim_start_matches('{').trim_end_matches('}');
            let v = self
                .values
                .get(n)
                .ok_or_else(|| err(&format!("`{n}` is not bound (numbers are never typed)")))?;
            parse_number(&v.text)
                .ok_or_else(|| err(&format!("`{n}` = `{}` is not a number", v.text)))
        };
        let (value, negative) = match parts.as_slice() {
            [a] => (get(a)?, false),
            [a, op, b] => {
                let (x, y) = (get(a)?, get(b)?);
                match *op {
                    "-" if x >= y => (x - y, false),
                    "-" => (y - x, true),
                    "+" => (x + y, false),
                    _ => return Err(err(&format!("unknown operator `{op}`"))),
                }
            }
            _ => return Err(err("expected `a`, `a - b` or `a + b`")),
        };
        let sign = if negative { "-" } else { "" };
        let text = match format {
            "bytes" => format!("{sign}{value} bytes"),
            "size" => format!("{sign}{}", human_size(value)),
            "hex" => format!("{sign}{value:#x}"),
            "number" => format!("{sign}{value}"),
            other => return Err(err(&format!("unknown format `{other}`"))),
        };
        Self::bind_once(&mut self.values, name, text, true, line)
    }
}

/// 444.0 KiB, 41.7 TiB: the way the book's listings print sizes.
pub fn human_size(bytes: u128) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut v = bytes as f64;
    let mut i = 0;
    while v >= 1024.0 && i + 1 < units.len() {
        v /= 1024.0;
        i += 1;
    }
    format!("{v:.1} {}", units[i])
}

const ITEMS: &[(&str, &[Kind])] = &[
    ("frame", &[Kind::StackHeap]),
    ("var", &[Kind::StackHeap]),
    ("heap", &[Kind::StackHeap]),
    ("static", &[Kind::StackHeap]),
    ("type", &[Kind::Layout]),
    ("field", &[Kind::Layout]),
    ("niche", &[Kind::Layout]),
    ("pad", &[Kind::Layout]),
    ("region", &[Kind::Map]),
    ("mark", &[Kind::Map]),
];

/// Parses a description; `base` is the directory data paths are relative to (the chapter's).
pub fn parse(text: &str, base: &Path) -> Result<Picture, String> {
    let mut p = Parser {
        base,
        values: BTreeMap::new(),
        data: None,
        cursor: 0,
    };
    let mut id = None;
    let mut title = None;
    let mut kind = None;
    let mut sources = Vec::new();
    let mut log_scale = true;
    let mut states: Vec<State> = Vec::new();
    let mut notes = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim();
        if l.is_empty() || l.starts_with("//") {
            continue;
        }
        let (key, rest) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
        let rest = rest.trim();
        match key {
            "picture" => {
                let (name, t) = rest
                    .split_once(':')
                    .ok_or_else(|| format!("line {line}: write `picture <id>: <title>`"))?;
                let name = name.trim();
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    return Err(format!(
                        "line {line}: a picture id is letters, digits and `-` (got `{name}`)"
                    ));
                }
                id = Some(name.to_owned());
                title = Some((t.trim().to_owned(), line));
            }
            "data" => {
                let path = rest.trim_matches('"');
                p.read_data(path, line)?;
                sources.push(path.to_owned());
            }
            "match" => {
                let pat = rest
                    .strip_prefix('"')
                    .and_then(|r| r.strip_suffix('"'))
                    .unwrap_or(rest);
                p.bind(pat, line)?;
            }
            "derive" => p.derive(rest, line)?,
            "kind" => {
                kind = Some(match rest {
                    "stack-heap" => Kind::StackHeap,
                    "layout" => Kind::Layout,
                    "map" => Kind::Map,
                    other => {
                        return Err(format!(
                            "line {line}: unknown kind `{other}` (stack-heap, layout, map; \
                             several `state` lines make any kind a picture in steps)"
                        ));
                    }
                })
            }
            "scale" => {
                log_scale = match rest {
                    "log" => true,
                    "linear" => false,
                    other => {
                        return Err(format!(
                            "line {line}: scale is log or linear, not `{other}`"
                        ));
                    }
                }
            }
            "state" => states.push(State {
                caption: Some(p.resolve(rest.trim_matches('"'), line)?),
                items: Vec::new(),
            }),
            "note" => notes.push(p.resolve(rest.trim_matches('"'), line)?),
            what => {
                let Some((_, kinds)) = ITEMS.iter().find(|(w, _)| *w == what) else {
                    return Err(format!("line {line}: unknown line `{what}`"));
                };
                let k = kind
                    .ok_or_else(|| format!("line {line}: `kind` must come before the elements"))?;
                if !kinds.contains(&k) {
                    return Err(format!(
                        "line {line}: `{what}` is not an element of a {} picture",
                        k.name()
                    ));
                }
                let ws = words(rest).map_err(|e| format!("line {line}: {e}"))?;
                let mut item = Item {
                    what: what.to_owned(),
                    name: Text::default(),
                    attrs: BTreeMap::new(),
                    flags: Vec::new(),
                    line,
                };
                for (j, w) in ws.iter().enumerate() {
                    match w.split_once('=') {
                        Some((k, v)) if !k.is_empty() && !k.contains('{') => {
                            item.attrs.insert(k.to_owned(), p.resolve(v, line)?);
                        }
                        _ if j == 0 => item.name = p.resolve(w, line)?,
                        _ => item.flags.push(w.clone()),
                    }
                }
                if states.is_empty() {
                    states.push(State::default());
                }
                states.last_mut().expect("a state").items.push(item);
            }
        }
    }
    let id = id.ok_or("the first line must be `picture <id>: <title>`")?;
    let (t, tline) = title.expect("set with the id");
    let title = p.resolve(&t, tline)?;
    let kind = kind.ok_or("a picture needs `kind stack-heap|layout|map`")?;
    if sources.is_empty() {
        return Err("a picture needs `data <file>`: its numbers come from a run".into());
    }
    if states.iter().all(|s| s.items.is_empty()) {
        return Err("a picture with nothing in it".into());
    }
    Ok(Picture {
        id,
        title,
        kind,
        sources,
        log_scale,
        states,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_are_found_names_are_not() {
        assert_eq!(
            typed_numbers("a u64 of NonZeroU32 on x86_64"),
            Vec::<String>::new()
        );
        assert_eq!(typed_numbers("24 bytes"), vec!["24"]);
        assert_eq!(typed_numbers("at 0x1"), vec!["0x1"]);
        assert_eq!(typed_numbers("[u8; 100]"), vec!["100"]);
        assert_eq!(typed_numbers("Listing 4-1, line 12"), Vec::<String>::new());
        assert_eq!(typed_numbers("2.3 GiB"), vec!["2.3"]);
    }

    #[test]
    fn sizes_print_like_the_listings() {
        assert_eq!(human_size(444 * 1024), "444.0 KiB");
        assert_eq!(human_size(24), "24 bytes");
    }

    #[test]
    fn words_keep_quotes() {
        assert_eq!(
            words(r#"s type="Vec<u8>" text="a \"b\"" moved"#).unwrap(),
            vec!["s", "type=Vec<u8>", "text=a \"b\"", "moved"]
        );
    }
}
