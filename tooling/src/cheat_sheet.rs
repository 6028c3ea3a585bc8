//! The cheat sheet's table: the cheat-sheet listing prints one Markdown table per build; this merges
//! the debug and the release snapshot (both compared with real runs by the output test) into the
//! one table the chapter shows, so no number in it is typed by hand.

/// One measured construct.
#[derive(Debug, PartialEq)]
struct Row {
    construct: String,
    allocs: String,
    bytes: String,
    handle: String,
    lives: String,
    see: String,
}

fn cells(line: &str) -> Vec<String> {
    // Split on `|` that is not escaped as `\|`.
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut chars = line.trim().trim_start_matches('|').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push_str("\\|");
                chars.next();
            }
            '|' => out.push(std::mem::take(&mut cell).trim().to_owned()),
            _ => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        out.push(cell.trim().to_owned());
    }
    out
}

fn rows(table: &str, build: &str) -> Result<Vec<Row>, String> {
    table
        .lines()
        .skip(2) // header and separator
        .filter(|l| !l.trim().is_empty())
        .map(|line| match cells(line).as_slice() {
            [construct, allocs, bytes, handle, lives, see] => Ok(Row {
                construct: construct.clone(),
                allocs: allocs.clone(),
                bytes: bytes.clone(),
                handle: handle.clone(),
                lives: lives.clone(),
                see: see.clone(),
            }),
            other => Err(format!(
                "{build} table: a row with {} cells, not 6: {line}",
                other.len()
            )),
        })
        .collect()
}

/// Merges the two builds' tables row by row. Fails when the rows do not line up, when a value
/// that cannot depend on the build (handle size, the linked listing) differs, or when a row
/// links to no listing.
pub fn merge(debug: &str, release: &str) -> Result<String, String> {
    let (d, r) = (rows(debug, "debug")?, rows(release, "release")?);
    if d.len() != r.len() {
        return Err(format!(
            "{} rows in the debug table, {} in the release table",
            d.len(),
            r.len()
        ));
    }
    let mut out = String::from(
        "| construct | allocations, debug | allocations, release | bytes, debug | bytes, release \
         | handle (bytes) | data lives | explained in |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n",
    );
    for (d, r) in d.iter().zip(&r) {
        if d.construct != r.construct || d.handle != r.handle || d.see != r.see {
            return Err(format!(
                "the rows for {} and {} do not match between builds",
                d.construct, r.construct
            ));
        }
        if !d.see.contains("](") {
            return Err(format!(
                "{}: every row must link to the listing that shows it",
                d.construct
            ));
        }
        let lives = if d.lives == r.lives {
            d.lives.clone()
        } else {
            format!("{} (debug), {} (release)", d.lives, r.lives)
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {lives} | {} |\n",
            d.construct, d.allocs, r.allocs, d.bytes, r.bytes, d.handle, d.see
        ));
    }
    Ok(out)
}
