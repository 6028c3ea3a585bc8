//! Code shared by several listings. A listing is a whole program (so the Run button works), and
//! some need the same helper (the counting allocator of chapter 5, a tiny executor...): each
//! carries a copy between `// BEGIN shared: NAME` and `// END shared: NAME`. One copy is the
//! source, marked `// BEGIN shared: NAME (source)`, in the listing that teaches it;
//! `cargo listing --sync-shared` writes the source's text into every other copy, and the policy
//! check fails on a copy that drifted.

use std::collections::BTreeMap;
use std::path::Path;

const SOURCE_MARK: &str = "(source)";

/// One copy of a shared region in a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    pub name: String,
    pub is_source: bool,
    /// The lines between BEGIN and END.
    pub body: String,
    /// Byte range of `body` in the file.
    pub range: std::ops::Range<usize>,
}

/// The shared regions of one file.
pub fn regions(text: &str) -> Result<Vec<Region>, String> {
    let mut out = Vec::new();
    let mut open: Option<Region> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        let next = offset + line.len();
        if let Some(rest) = t.strip_prefix("// BEGIN shared:") {
            if let Some(r) = &open {
                return Err(format!(
                    "shared region `{}` is not closed before the next one",
                    r.name
                ));
            }
            let rest = rest.trim();
            let (name, is_source) = match rest.strip_suffix(SOURCE_MARK) {
                Some(name) => (name.trim(), true),
                None => (rest, false),
            };
            open = Some(Region {
                name: name.to_owned(),
                is_source,
                body: String::new(),
                range: next..next,
            });
        } else if let Some(name) = t.strip_prefix("// END shared:") {
            match open.take() {
                Some(r) if r.name == name.trim() => out.push(r),
                _ => return Err(format!("`// END shared:{name}` without its BEGIN")),
            }
        } else if let Some(r) = open.as_mut() {
            r.body.push_str(line);
            r.range.end = next;
        }
        offset = next;
    }
    match open {
        Some(r) => Err(format!("shared region `{}` is never closed", r.name)),
        None => Ok(out),
    }
}

/// Every copy of each shared region: name → [(file, region)].
type Copies = BTreeMap<String, Vec<(String, Region)>>;

/// Every region of every listing file, and the files whose regions do not parse.
fn all(root: &Path, files: &[String]) -> (Copies, Vec<(String, String)>) {
    let mut by_name = Copies::new();
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| f.ends_with(".rs")) {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            continue;
        };
        match regions(&text) {
            Ok(found) => {
                for r in found {
                    by_name
                        .entry(r.name.clone())
                        .or_default()
                        .push((file.clone(), r));
                }
            }
            Err(e) => problems.push((file.clone(), e)),
        }
    }
    (by_name, problems)
}

/// The problems with the shared regions of `files`: (file, message).
pub fn check(root: &Path, files: &[String]) -> Vec<(String, String)> {
    let (by_name, mut problems) = all(root, files);
    for (name, copies) in by_name {
        let sources: Vec<_> = copies.iter().filter(|(_, r)| r.is_source).collect();
        let [(source_file, source)] = sources.as_slice() else {
            let (file, _) = &copies[0];
            problems.push((
                file.clone(),
                format!(
                    "the shared region `{name}` needs exactly one source copy, marked \
                     `// BEGIN shared: {name} {SOURCE_MARK}` (found {})",
                    sources.len()
                ),
            ));
            continue;
        };
        for (file, copy) in &copies {
            if copy.body != source.body {
                problems.push((
                    file.clone(),
                    format!(
                        "its copy of the shared region `{name}` differs from the source in \
                         {source_file}: run `cargo listing --sync-shared` (after changing the source)"
                    ),
                ));
            }
        }
    }
    problems
}

/// Writes each source's text into every other copy; returns the files changed.
pub fn sync(root: &Path, files: &[String]) -> Result<Vec<String>, String> {
    let (by_name, problems) = all(root, files);
    if let Some((file, e)) = problems.first() {
        return Err(format!("{file}: {e}"));
    }
    let mut sources = BTreeMap::new();
    for (name, copies) in &by_name {
        let found: Vec<_> = copies.iter().filter(|(_, r)| r.is_source).collect();
        match found.as_slice() {
            [(_, r)] => sources.insert(name.clone(), r.body.clone()),
            _ => {
                return Err(format!(
                    "the shared region `{name}` needs exactly one `{SOURCE_MARK}` copy"
                ));
            }
        };
    }
    let mut changed = Vec::new();
    for file in files.iter().filter(|f| f.ends_with(".rs")) {
        let path = root.join(file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let mut out = text.clone();
        // Replace from the end, so earlier ranges stay valid.
        for r in regions(&text)?.into_iter().rev() {
            out.replace_range(r.range.clone(), &sources[&r.name]);
        }
        if out != text {
            std::fs::write(&path, out).map_err(|e| format!("{file}: {e}"))?;
            changed.push(file.clone());
        }
    }
    Ok(changed)
}
