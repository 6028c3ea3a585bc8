//! Pictures as inline SVG: one `<svg role="img">` per state, with a `<title>` and a `<desc>`
//! generated from the same data as the drawing. Colours are CSS classes (`mem-*`, styled by
//! the book's theme/memory.css with mdBook's theme variables); text stays text.
//!
//! A drawing wider than [`NARROW`] also gets a narrow one, laid out again to fit a phone
//! (stack above heap, byte rows wrapped, labels wrapped), with the same title and description.
//! The figure's `data-fit` says from which width the wide one (`class="memory-svg"`) fits at
//! its own size; below it,
//! theme/memory.css shows the narrow one instead (a container query: no script), and hides the
//! other with `display: none`, so a screen reader meets one drawing per state.

use crate::describe::{Item, Kind, Picture, State, Text, human_size};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Width of a character of the pictures' 12 px monospace font.
const CH: f64 = 7.3;
const LINE: f64 = 16.0;

/// The width (CSS px) a narrow drawing is laid out to. On a 360 px screen mdBook leaves a
/// picture 320 px, so a narrow drawing is shown at its own size there (text 11 to 13 px), and at
/// 93 % on a 320 px screen.
pub const NARROW: f64 = 300.0;
/// `data-fit` is the wide drawing's width rounded up to a multiple of this, from [`FIT_MIN`] to
/// [`FIT_MAX`]: theme/memory.css has one container query for each of these values.
pub const FIT_STEP: u32 = 40;
pub const FIT_MIN: u32 = 320;
pub const FIT_MAX: u32 = 1200;

/// The `data-fit` of a picture whose widest wide drawing is `width` px wide.
pub fn fit(width: f64) -> u32 {
    let w = width.ceil() as u32;
    (w.div_ceil(FIT_STEP) * FIT_STEP).clamp(FIT_MIN, FIT_MAX)
}

/// `s` cut at spaces into lines of at most `px` (a word longer than that is cut where it must).
pub fn wrap(s: &str, px: f64) -> Vec<String> {
    let max = ((px / CH).floor() as usize).max(4);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split(' ') {
        let mut word = word.to_owned();
        loop {
            let have = line.chars().count();
            let need = word.chars().count() + usize::from(have > 0);
            if have + need <= max {
                if have > 0 {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if have > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // a word longer than a line
            let cut: String = word.chars().take(max).collect();
            word = word.chars().skip(max).collect();
            lines.push(cut);
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Escaped, with `code` spans as <code> (for the HTML around the pictures).
pub fn esc_code(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            out.push_str(&esc(part));
            out.push_str("</code>");
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

/// Text for inside the SVG: escaped, without the backticks of code spans.
pub fn esc_svg(s: &str) -> String {
    esc(&s.replace('`', ""))
}

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn tw(s: &str) -> f64 {
    s.chars().count() as f64 * CH
}

/// One state's drawing: SVG elements, size, and its description in words.
struct Drawing {
    body: String,
    width: f64,
    height: f64,
    desc: String,
}

fn text(out: &mut String, x: f64, y: f64, class: &str, s: &str) {
    let _ = write!(
        out,
        r#"<text x="{x:.1}" y="{y:.1}" class="{class}">{}</text>"#,
        esc_svg(s)
    );
}

fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64, class: &str) {
    let _ = write!(
        out,
        r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="3" class="{class}"/>"#
    );
}

fn defs(pid: &str) -> String {
    format!(
        concat!(
            r#"<defs><marker id="{p}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="mem-arrowhead"/></marker>"#,
            r#"<pattern id="{p}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="mem-hatch"/></pattern>"#,
            r#"<pattern id="{p}-dots" patternUnits="userSpaceOnUse" width="6" height="6"><circle cx="3" cy="3" r="1.2" class="mem-dot"/></pattern></defs>"#
        ),
        p = pid
    )
}

/// The whole picture as HTML: a figure with one SVG per state (two where a narrow drawing is
/// needed: see [`NARROW`]).
pub fn html(p: &Picture) -> Result<String, String> {
    let n = p.states.len();
    let draw = |state: &State, pid: &str, narrow: bool| -> Result<Drawing, String> {
        match p.kind {
            Kind::StackHeap => stack_heap(state, pid, narrow),
            Kind::Layout => layout(state, pid, layout_max(p)?, narrow),
            Kind::Map => map(state, pid, p.log_scale, narrow),
        }
    };
    let mut drawings = Vec::new();
    for (i, state) in p.states.iter().enumerate() {
        let pid = format!("mem-{}-{}", p.id, i + 1);
        let wide = draw(state, &pid, false)?;
        let narrow = if wide.width.ceil() > NARROW {
            let d = draw(state, &format!("{pid}-narrow"), true)?;
            (d.width < wide.width).then_some(d)
        } else {
            None
        };
        drawings.push((pid, wide, narrow));
    }
    let widest = drawings
        .iter()
        .filter(|d| d.2.is_some())
        .map(|d| d.1.width)
        .fold(0.0, f64::max);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<figure class="memory-picture" id="picture-{}" data-kind="{}""#,
        p.id,
        p.kind.name()
    );
    if widest > 0.0 {
        let _ = write!(out, r#" data-fit="{}""#, fit(widest));
    }
    out.push('>');
    if n > 1 {
        let _ = write!(out, r#"<div class="memory-steps" data-count="{n}">"#);
    }
    for (i, (state, (pid, wide, narrow))) in p.states.iter().zip(&drawings).enumerate() {
        let mut title = p.title.shown.clone();
        if n > 1 {
            let caption = state
                .caption
                .as_ref()
                .map(|c| c.shown.as_str())
                .unwrap_or("");
            let _ = write!(
                out,
                r#"<div class="memory-state" data-step="{}"><p class="memory-step-caption"><strong>Step {} of {n}:</strong> {}</p>"#,
                i + 1,
                i + 1,
                esc_code(caption)
            );
            title = format!("{title}, step {} of {n}: {caption}", i + 1);
        } else {
            out.push_str(r#"<div class="memory-state">"#);
        }
        // one description for both drawings: the wide one's
        svg(&mut out, pid, "memory-svg", wide, &title, &wide.desc);
        if let Some(d) = narrow {
            svg(
                &mut out,
                &format!("{pid}-narrow"),
                "memory-svg memory-narrow",
                d,
                &title,
                &wide.desc,
            );
        }
        out.push_str("</div>");
    }
    if n > 1 {
        out.push_str("</div>");
    }
    for note in &p.notes {
        let _ = write!(
            out,
            r#"<p class="memory-note">{}</p>"#,
            esc_code(&note.shown)
        );
    }
    let sources: Vec<String> = p
        .sources
        .iter()
        .map(|s| format!("<code>{}</code>", esc(s.trim_start_matches("../"))))
        .collect();
    let derived = any_derived(p);
    let _ = write!(
        out,
        r#"<figcaption>Picture: {}. <span class="memory-source">Every number is from {}, the output the tests check{}.</span></figcaption></figure>"#,
        esc_code(&p.title.shown),
        sources.join(" and "),
        if derived {
            "; values marked “derived” are computed from it"
        } else {
            ""
        }
    );
    Ok(out)
}

fn svg(out: &mut String, pid: &str, class: &str, d: &Drawing, title: &str, desc: &str) {
    let _ = write!(
        out,
        concat!(
            r#"<svg class="{class}" role="img" aria-labelledby="{pid}-title {pid}-desc" viewBox="0 0 {w:.0} {h:.0}" "#,
            r#"style="max-width:{w:.0}px" xmlns="http://www.w3.org/2000/svg" font-family="monospace" font-size="12">"#,
            r#"<title id="{pid}-title">{title}</title><desc id="{pid}-desc">{desc}</desc>{defs}{body}</svg>"#
        ),
        class = class,
        pid = pid,
        w = d.width.ceil(),
        h = d.height.ceil(),
        title = esc_svg(title),
        desc = esc_svg(desc),
        defs = defs(pid),
        body = d.body
    );
}

fn any_derived(p: &Picture) -> bool {
    p.states.iter().any(|s| {
        s.items
            .iter()
            .any(|i| i.name.derived || i.attrs.values().any(|t| t.derived))
    }) || p.notes.iter().any(|n| n.derived)
}

fn svg_size(w: f64, h: f64) -> (f64, f64) {
    (w.max(120.0), h.max(40.0))
}

// ---------------------------------------------------------------------------------------------
// Stack and heap

struct Boxed {
    name: String,
    /// Its address (`at=`), as printed: `to=@{addr}` points to the element at that address.
    at: String,
    right: bool,
    x: f64,
    w: f64,
    y: f64,
    /// Where each word's arrows start (y of the row), and the arrows' targets.
    sources: Vec<(f64, Vec<String>)>,
    faded: bool,
}

fn bytes(t: &Text) -> String {
    if !t.raw.is_empty() && t.raw.chars().all(|c| c.is_ascii_digit()) {
        let unit = if t.raw == "1" { "byte" } else { "bytes" };
        let derived = if t.derived { " (derived)" } else { "" };
        format!("{} {unit}{derived}", t.raw)
    } else {
        t.shown.clone()
    }
}

/// A row of an element and the elements its arrows point to.
type Row = (String, Vec<String>);

/// Where one variable or block goes: its column, top, width, and whether it is drawn faded.
#[derive(Clone, Copy)]
struct Placed {
    x: f64,
    y: f64,
    w: f64,
    right: bool,
    faded: bool,
    /// In a narrow drawing: the width its lines are cut to.
    wrap: Option<f64>,
}

/// Draws one variable (left column) or block (right column): its box, name, information and
/// word rows; adds its description and its box (for arrows). Returns its height.
fn draw_item(
    out: &mut String,
    item: &Item,
    at: Placed,
    class: &str,
    desc: &mut Vec<String>,
    boxes: &mut Vec<Boxed>,
) -> f64 {
    let (head, info, rows) = var_lines(item);
    let cut = |s: &str| match at.wrap {
        Some(px) => wrap(s, px),
        None => vec![s.to_owned()],
    };
    let head_lines = cut(&head);
    let info_lines: Vec<String> = info.iter().flat_map(|i| cut(i)).collect();
    let row_lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| if r.0.is_empty() { vec![] } else { cut(&r.0) })
        .collect();
    let count = head_lines.len() + info_lines.len() + row_lines.iter().map(Vec::len).sum::<usize>();
    let h = LINE * count as f64 + 8.0;
    rect(out, at.x, at.y, at.w, h, class);
    let mut ty = at.y + 15.0;
    for (i, l) in head_lines.iter().enumerate() {
        if i > 0 {
            ty += LINE;
        }
        text(out, at.x + 8.0, ty, "mem-name", l);
    }
    for i in &info_lines {
        ty += LINE;
        text(out, at.x + 8.0, ty, "mem-info", i);
    }
    let mut sources = Vec::new();
    for ((_, targets), lines) in rows.iter().zip(&row_lines) {
        let Some((row, more)) = lines.split_first() else {
            sources.push((ty - 4.0, targets.clone()));
            continue;
        };
        ty += LINE;
        let _ = write!(
            out,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" class="mem-word-line"/>"#,
            at.x,
            ty - 12.0,
            at.x + at.w,
            ty - 12.0
        );
        text(out, at.x + 8.0, ty, "mem-value", row);
        sources.push((ty - 4.0, targets.clone()));
        for l in more {
            ty += LINE;
            text(out, at.x + 8.0, ty, "mem-value", l);
        }
    }
    desc.push(describe_item(item, &info, &rows));
    boxes.push(Boxed {
        name: item.name.raw.clone(),
        at: item.attr("at").map(|a| a.raw.clone()).unwrap_or_default(),
        right: at.right,
        x: at.x,
        w: at.w,
        y: at.y,
        sources,
        faded: at.faded,
    });
    h
}

/// An element's head line, its info lines and its rows.
fn var_lines(item: &Item) -> (String, Vec<String>, Vec<Row>) {
    let mut head = item.name.shown.clone();
    if let Some(t) = item.attr("type") {
        let _ = write!(head, ": {}", t.shown);
    }
    if item.flag("moved") {
        head.push_str(" (moved-from)");
    }
    if item.flag("dropped") {
        head.push_str(" (dropped)");
    }
    if item.flag("freed") {
        head.push_str(" (freed)");
    }
    let mut info = Vec::new();
    let size = item.attr("size").map(bytes);
    let at = item.attr("at").map(|a| format!("at {}", a.shown));
    match (size, at) {
        (Some(s), Some(a)) if tw(&s) + tw(&a) < 200.0 => info.push(format!("{s} {a}")),
        (s, a) => info.extend(s.into_iter().chain(a)),
    }
    let targets: Vec<String> = item
        .attr("to")
        .map(|t| {
            t.raw
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let mut rows = Vec::new();
    if let Some(words) = item.attr("words") {
        for (i, w) in words.shown.split(';').enumerate() {
            rows.push((
                w.trim().to_owned(),
                targets.get(i).cloned().into_iter().collect(),
            ));
        }
    } else if let Some(text) = item.attr("text") {
        let parts: Vec<&str> = text.shown.split(';').collect();
        let last = parts.len() - 1;
        for (i, w) in parts.iter().enumerate() {
            rows.push((
                w.trim().to_owned(),
                if i == last { targets.clone() } else { vec![] },
            ));
        }
    } else if let Some(v) = item.attr("value") {
        rows.push((v.shown.clone(), targets.clone()));
    } else if !targets.is_empty() {
        // the arrows start at the info line
        return (head, info, vec![(String::new(), targets)]);
    }
    (head, info, rows)
}

/// Wide: the stack on the left, heap and read-only blocks on the right, arrows between. Narrow
/// (`narrow`): one column, [`NARROW`] wide, the stack above the blocks, lines cut to fit, and
/// every arrow looping round the right-hand side.
fn stack_heap(state: &State, pid: &str, narrow: bool) -> Result<Drawing, String> {
    const M: f64 = 34.0;
    const GAP: f64 = 70.0;
    // narrow: a small left margin, room on the right for the arrows' loops
    const NL: f64 = 8.0;
    const NR: f64 = 40.0;
    // widths first
    let mut w_left: f64 = 170.0;
    let mut w_right: f64 = 0.0;
    let mut any_right = false;
    for item in &state.items {
        let (h, info, rows) = var_lines(item);
        let widest = std::iter::once(&h)
            .chain(info.iter())
            .chain(rows.iter().map(|r| &r.0))
            .map(|s| tw(s))
            .fold(0.0, f64::max)
            + 20.0;
        match item.what.as_str() {
            "frame" => w_left = w_left.max(tw(&item.name.shown) + 40.0),
            "var" => w_left = w_left.max(widest + 16.0),
            _ => {
                any_right = true;
                w_right = w_right.max(widest).max(150.0);
                if item.what == "static" {
                    w_right = w_right.max(tw("read-only data (in the executable)") + 8.0);
                }
            }
        }
    }
    // narrow: one column for both, as wide as the widest, at most what fits
    let wrap_px = if narrow {
        let w = w_left.max(w_right).min(NARROW - NL - NR);
        w_left = w;
        w_right = w;
        // what a box's text may take: its width less the padding (and a frame's inset)
        Some(w - 16.0 - 16.0)
    } else {
        None
    };
    let x_left = if narrow { NL } else { M };
    let x_right = if narrow { x_left } else { M + w_left + GAP };
    let width = if narrow {
        NL + w_left + NR
    } else if any_right {
        x_right + w_right + M
    } else {
        M + w_left + M
    };
    let mut body = String::new();
    let mut desc = Vec::new();
    let mut boxes: Vec<Boxed> = Vec::new();
    text(&mut body, x_left, 16.0, "mem-heading", "stack");
    let first_right = state
        .items
        .iter()
        .find(|i| i.what == "heap" || i.what == "static")
        .map(|i| i.what.as_str());
    let first_heading = first_right.map(|first| {
        if first == "heap" {
            "heap"
        } else {
            "read-only data (in the executable)"
        }
    });
    if let (Some(heading), false) = (first_heading, narrow) {
        text(&mut body, x_right, 16.0, "mem-heading", heading);
    }
    // left column: frames and their variables
    let mut y = 28.0;
    let mut frame_start: Option<(f64, String)> = None;
    let close_frame = |body: &mut String, start: &Option<(f64, String)>, y: f64| {
        if let Some((top, name)) = start {
            let mut frame = String::new();
            rect(&mut frame, x_left, *top, w_left, y - top + 4.0, "mem-frame");
            text(&mut frame, x_left + 8.0, top + 15.0, "mem-frame-name", name);
            body.insert_str(0, &frame);
        }
    };
    let mut frame_body = String::new();
    for item in state
        .items
        .iter()
        .filter(|i| i.what == "frame" || i.what == "var")
    {
        if item.what == "frame" {
            close_frame(&mut frame_body, &frame_start, y);
            body.push_str(&frame_body);
            frame_body.clear();
            if frame_start.is_some() {
                y += 12.0;
            }
            frame_start = Some((y, item.name.shown.clone()));
            let mut d = format!("Stack frame {}", item.name.shown);
            if let Some(at) = item.attr("at") {
                let _ = write!(d, " at {}", at.shown);
            }
            desc.push(d + ".");
            y += 22.0;
            continue;
        }
        let inner_x = x_left + if frame_start.is_some() { 8.0 } else { 0.0 };
        let inner_w = w_left - if frame_start.is_some() { 16.0 } else { 0.0 };
        let faded = item.flag("moved") || item.flag("dropped");
        let class = if faded {
            "mem-var mem-moved"
        } else {
            "mem-var"
        };
        let placed = Placed {
            x: inner_x,
            y,
            w: inner_w,
            right: false,
            faded,
            wrap: wrap_px,
        };
        let h = draw_item(&mut frame_body, item, placed, class, &mut desc, &mut boxes);
        y += h + 6.0;
    }
    close_frame(&mut frame_body, &frame_start, y);
    body.push_str(&frame_body);
    let left_bottom = y;
    // right column: heap blocks and read-only (static) blocks; narrow, under the stack
    let mut y = 28.0;
    if narrow && let Some(heading) = first_heading {
        let top = left_bottom + 10.0;
        text(&mut body, x_right, top + 16.0, "mem-heading", heading);
        y = top + 28.0;
    }
    let mut group = "";
    for item in state
        .items
        .iter()
        .filter(|i| i.what == "heap" || i.what == "static")
    {
        if item.what != group {
            if !group.is_empty() {
                let label = if item.what == "static" {
                    "read-only data (in the executable)"
                } else {
                    "heap"
                };
                text(&mut body, x_right, y + 14.0, "mem-heading", label);
                y += 24.0;
            }
            group = if item.what == "heap" {
                "heap"
            } else {
                "static"
            };
        }
        let faded = item.flag("freed");
        let class = match (item.what.as_str(), faded) {
            (_, true) => "mem-block mem-moved",
            ("static", _) => "mem-block mem-static",
            _ => "mem-block",
        };
        let placed = Placed {
            x: x_right,
            y,
            w: w_right,
            right: true,
            faded,
            wrap: wrap_px.map(|w| w + 16.0),
        };
        let h = draw_item(&mut body, item, placed, class, &mut desc, &mut boxes);
        y += h + 8.0;
    }
    let height = left_bottom.max(y) + 8.0;
    // arrows
    let by_name: BTreeMap<&str, &Boxed> = boxes.iter().map(|b| (b.name.as_str(), b)).collect();
    let mut arrows = String::new();
    let mut bend = 0.0;
    for b in &boxes {
        for (sy, targets) in &b.sources {
            for t in targets {
                // `to=@{addr}`: the element at the address the run printed
                let target = match t.strip_prefix('@') {
                    Some(addr) => boxes.iter().find(|x| !x.at.is_empty() && x.at == addr).ok_or_else(|| {
                        format!(
                            "`{}` points to {addr}, and no element of this state is at that address \
                             (the run printed another address: stale data?)",
                            b.name
                        )
                    })?,
                    None => by_name.get(t.as_str()).copied().ok_or_else(|| {
                        format!(
                            "`{}` points to `{t}`, which is not an element of this state",
                            b.name
                        )
                    })?,
                };
                let t = &target.name;
                let ty = target.y + 12.0;
                bend += 6.0;
                let d = match (b.right, target.right) {
                    // narrow: out of the right edge, round, into the target's right edge
                    _ if narrow => {
                        let (x0, x1) = (b.x + b.w, target.x + target.w);
                        let m = x0.max(x1) + 14.0 + (bend % 18.0);
                        format!("M{x0:.1},{sy:.1} C{m:.1},{sy:.1} {m:.1},{ty:.1} {x1:.1},{ty:.1}")
                    }
                    (false, true) => {
                        let (x0, x1) = (b.x + b.w, target.x);
                        format!(
                            "M{x0:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{ty:.1} {x1:.1},{ty:.1}",
                            x0 + 36.0,
                            x1 - 36.0
                        )
                    }
                    (true, false) => {
                        let (x0, x1) = (b.x, target.x + target.w);
                        format!(
                            "M{x0:.1},{sy:.1} C{:.1},{sy:.1} {:.1},{ty:.1} {x1:.1},{ty:.1}",
                            x0 - 36.0,
                            x1 + 36.0
                        )
                    }
                    (false, false) => {
                        let x0 = x_left;
                        let m = x0 - 14.0 - (bend % 18.0);
                        format!("M{x0:.1},{sy:.1} C{m:.1},{sy:.1} {m:.1},{ty:.1} {x0:.1},{ty:.1}")
                    }
                    (true, true) => {
                        let x0 = x_right + w_right;
                        let m = x0 + 14.0 + (bend % 18.0);
                        format!("M{x0:.1},{sy:.1} C{m:.1},{sy:.1} {m:.1},{ty:.1} {x0:.1},{ty:.1}")
                    }
                };
                let class = if b.faded {
                    "mem-arrow mem-moved"
                } else {
                    "mem-arrow"
                };
                let _ = write!(
                    arrows,
                    r#"<path d="{d}" class="{class}" marker-end="url(#{pid}-arrow)"/>"#
                );
                desc.push(format!(
                    "{} points to {}{}.",
                    b.name,
                    t,
                    if b.faded {
                        " (a stale copy: it may not be used)"
                    } else {
                        ""
                    }
                ));
            }
        }
    }
    body.push_str(&arrows);
    let (width, height) = svg_size(width, height);
    Ok(Drawing {
        body,
        width,
        height,
        desc: desc.join(" "),
    })
}

fn describe_item(item: &Item, info: &[String], rows: &[Row]) -> String {
    let what = match item.what.as_str() {
        "var" => "Variable",
        "heap" => "Heap block",
        "static" => "Read-only block",
        _ => "Element",
    };
    let (head, _, _) = var_lines(item);
    let mut s = format!("{what} {head}");
    for i in info {
        let _ = write!(s, ", {i}");
    }
    let rows: Vec<&str> = rows
        .iter()
        .map(|r| r.0.as_str())
        .filter(|r| !r.is_empty())
        .collect();
    if !rows.is_empty() {
        let _ = write!(s, ", holding: {}", rows.join("; "));
    }
    s + "."
}

// ---------------------------------------------------------------------------------------------
// Byte layouts

struct Segment {
    at: u128,
    size: u128,
    label: String,
    class: &'static str,
    legend: String,
}

/// The largest type of a layout picture, over all its states: one scale for every state.
fn layout_max(p: &Picture) -> Result<u128, String> {
    let mut max = 1;
    for s in &p.states {
        for i in s.items.iter().filter(|i| i.what == "type") {
            max = max.max(i.num("size")?);
        }
    }
    Ok(max)
}

/// Wide: one bar per type, 540 px for the largest. Narrow (`narrow`): bars of at most
/// [`NARROW`] less the margins; a type drawn byte by byte that does not fit in one row is cut
/// into rows of 8 (a word a row), and the lines of text are cut to fit.
fn layout(state: &State, pid: &str, max: u128, narrow: bool) -> Result<Drawing, String> {
    const M: f64 = 16.0;
    let bar_max = if narrow { NARROW - 2.0 * M } else { 540.0 };
    let cut = |s: &str, px: f64| {
        if narrow {
            wrap(s, px)
        } else {
            vec![s.to_owned()]
        }
    };
    // rows: a `type` and the fields after it
    let mut rows: Vec<(&Item, Vec<&Item>)> = Vec::new();
    for item in &state.items {
        if item.what == "type" {
            rows.push((item, Vec::new()));
        } else {
            let row = rows.last_mut().ok_or_else(|| {
                format!("line {}: a `{}` before any `type`", item.line, item.what)
            })?;
            row.1.push(item);
        }
    }
    let exact = max <= 64;
    let mut ppb = if exact {
        (540.0 / max as f64).min(34.0)
    } else {
        bar_max / max as f64
    };
    // how many bytes (units) a row holds: all; but in a narrow drawing of fields byte by byte
    // that do not fit, 8 (a word a row); bars without fields, to scale in one row
    let mut per_row = max.max(1);
    if narrow && max as f64 * ppb > bar_max {
        if exact && state.items.iter().any(|i| i.what != "type") {
            per_row = 8;
            ppb = (bar_max / 8.0).min(34.0);
        } else {
            ppb = bar_max / max as f64;
        }
    }
    let mut body = String::new();
    let mut desc = Vec::new();
    let mut y = 8.0;
    let mut width: f64 = 0.0;
    for (ty, fields) in &rows {
        let size = ty.num("size")?;
        let unit = ty.attr("unit").map(|u| u.shown.clone());
        let amount = |t: &Text| match &unit {
            Some(u) => format!("{} {u}", t.shown),
            None => bytes(t),
        };
        let mut head = format!(
            "{}: {}",
            ty.name.shown,
            amount(ty.attr("size").expect("checked"))
        );
        if ty.flag("freed") {
            head.push_str(" (freed)");
        }
        let rest = ty.text("rest");
        let rest = if rest.is_empty() {
            "padding".to_owned()
        } else {
            rest
        };
        if let Some(a) = ty.attr("align") {
            let _ = write!(head, ", align {}", a.shown);
        }
        if let Some(t) = ty.attr("text") {
            let _ = write!(head, " ({})", t.shown);
        }
        for (i, line) in cut(&head, bar_max).iter().enumerate() {
            if i > 0 {
                y += LINE;
            }
            text(&mut body, M, y + 12.0, "mem-name", line);
            width = width.max(tw(line) + 2.0 * M);
        }
        y += 20.0;
        // segments in offset order, gaps as padding (derived)
        let mut segs: Vec<Segment> = Vec::new();
        let mut next_at = 0;
        for f in fields {
            // without `at=`, a field starts where the one before it ends
            let at = if f.attr("at").is_some() {
                f.num("at")?
            } else {
                next_at
            };
            next_at = at + f.num("size")?;
            let sz = f.num("size")?;
            if at + sz > size {
                return Err(format!(
                    "line {}: `{}` ends at byte {} of a {size}-byte type",
                    f.line,
                    f.name.raw,
                    at + sz
                ));
            }
            let (class, kind) = match f.what.as_str() {
                "niche" => ("mem-niche", "niche"),
                "pad" => ("mem-pad", "padding"),
                _ => ("mem-field", ""),
            };
            let at_text = match f.attr("at") {
                Some(t) => format!("+{}", t.shown),
                None => format!("+{at}"),
            };
            let mut legend = format!(
                "{}{}{}: {}",
                if unit.is_some() { "" } else { &at_text },
                if unit.is_some() { "" } else { " " },
                amount(f.attr("size").expect("checked")),
                if f.name.shown.is_empty() {
                    kind
                } else {
                    &f.name.shown
                }
            );
            if let Some(t) = f.attr("text") {
                let _ = write!(legend, ", {}", t.shown);
            }
            if !kind.is_empty() && !f.name.shown.is_empty() {
                let _ = write!(legend, " ({kind})");
            }
            // a field in the very bytes of another (two locals sharing one slot): one cell,
            // both names
            if let Some(same) = segs.iter_mut().find(|s| s.at == at && s.size == sz) {
                same.label = format!("{} / {}", same.label, f.name.shown);
                same.legend = format!("{}\n{legend}", same.legend);
                continue;
            }
            segs.push(Segment {
                at,
                size: sz,
                label: if f.name.shown.is_empty() {
                    kind.to_owned()
                } else {
                    f.name.shown.clone()
                },
                class,
                legend,
            });
        }
        segs.sort_by_key(|s| s.at);
        let mut filled = Vec::new();
        let mut pos = 0;
        for s in segs {
            if s.at > pos {
                filled.push(padding(pos, s.at - pos, &rest, unit.as_deref()));
            }
            pos = pos.max(s.at + s.size);
            filled.push(s);
        }
        if pos < size && !filled.is_empty() {
            filled.push(padding(pos, size - pos, &rest, unit.as_deref()));
        }
        if filled.is_empty() {
            filled.push(Segment {
                at: 0,
                size,
                label: String::new(),
                class: "mem-field",
                legend: String::new(),
            });
        }
        // the bar, in rows of `per_row`
        let x0 = M;
        let h = 30.0;
        let bar_class = if ty.flag("freed") {
            "mem-bar mem-moved"
        } else {
            "mem-bar"
        };
        let rows = size.div_ceil(per_row).max(1);
        // a cell's label goes where most of it is
        let label_row = |s: &Segment| {
            (0..rows)
                .max_by_key(|r| {
                    let (lo, hi) = (r * per_row, (r + 1) * per_row);
                    (s.at + s.size).min(hi).saturating_sub(s.at.max(lo))
                })
                .unwrap_or(0)
        };
        for r in 0..rows {
            let (lo, hi) = (r * per_row, ((r + 1) * per_row).min(size));
            for s in &filled {
                let (from, to) = (s.at.max(lo), (s.at + s.size).min(hi));
                if to <= from && !(s.size == 0 && s.at == lo) {
                    continue;
                }
                let x = x0 + (from - lo) as f64 * ppb;
                let w = ((to.saturating_sub(from)) as f64 * ppb).max(1.5);
                let fill_class = match s.class {
                    "mem-pad" => format!(r#"mem-cell mem-pad" fill="url(#{pid}-hatch)"#),
                    "mem-niche" => format!(r#"mem-cell mem-niche" fill="url(#{pid}-dots)"#),
                    c => format!("mem-cell {c}"),
                };
                let _ = write!(
                    body,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" class="{fill_class}"/>"#
                );
                if !s.label.is_empty() && tw(&s.label) + 6.0 < w && label_row(s) == r {
                    let _ = write!(
                        body,
                        r#"<text x="{:.1}" y="{:.1}" class="mem-cell-label" text-anchor="middle">{}</text>"#,
                        x + w / 2.0,
                        y + 19.0,
                        esc_svg(&s.label)
                    );
                }
            }
            if exact && ppb >= 6.0 && unit.is_none() {
                for b in lo + 1..hi {
                    let x = x0 + (b - lo) as f64 * ppb;
                    let _ = write!(
                        body,
                        r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" class="mem-tick"/>"#,
                        y + h - 6.0,
                        y + h
                    );
                }
            }
            let bar_w = (hi - lo) as f64 * ppb;
            let _ = write!(
                body,
                r#"<rect x="{x0:.1}" y="{y:.1}" width="{bar_w:.1}" height="{h:.1}" class="{bar_class}"/>"#
            );
            width = width.max(x0 + bar_w + M);
            y += h + if r + 1 < rows { 4.0 } else { 6.0 };
        }
        let mut d = format!("{head}.");
        for s in &filled {
            if s.legend.is_empty() {
                continue;
            }
            for line in s.legend.lines() {
                // a line cut in two: the rest indented
                for (i, part) in cut(line, bar_max - 4.0 - 2.0 * CH).iter().enumerate() {
                    let indent = if i > 0 { 2.0 * CH } else { 0.0 };
                    text(&mut body, M + 4.0 + indent, y + 11.0, "mem-legend", part);
                    width = width.max(tw(part) + indent + 2.0 * M + 4.0);
                    y += LINE;
                }
                let _ = write!(d, " {line}.");
            }
        }
        desc.push(d);
        y += 12.0;
    }
    if !exact {
        let note = "bars drawn to one scale: width proportional to the size";
        for (i, line) in cut(note, bar_max).iter().enumerate() {
            if i > 0 {
                y += LINE - 2.0;
            }
            text(&mut body, M, y + 4.0, "mem-legend", line);
            width = width.max(tw(line) + 2.0 * M);
        }
        y += 12.0;
    }
    let bars = bar_max.min(max.min(per_row) as f64 * ppb);
    let (width, height) = svg_size(width.max(bars + 2.0 * M), y + 4.0);
    Ok(Drawing {
        body,
        width,
        height,
        desc: desc.join(" "),
    })
}

fn padding(at: u128, size: u128, what: &str, unit: Option<&str>) -> Segment {
    let amount = match unit {
        Some(u) => format!("{size} {u}"),
        None if size == 1 => "1 byte".to_owned(),
        None => format!("{size} bytes"),
    };
    let legend = match unit {
        Some(_) => format!("{amount} (derived): {what}"),
        None => format!("+{at} {amount} (derived): {what}"),
    };
    Segment {
        at,
        size,
        label: if what == "padding" {
            "pad".into()
        } else {
            String::new()
        },
        class: "mem-pad",
        legend,
    }
}

// ---------------------------------------------------------------------------------------------
// Address maps

struct Entry<'a> {
    item: &'a Item,
    low: u128,
    high: u128,
}

/// Highest address at the top, a bar per region, a line per mark, labels beside them. Narrow
/// (`narrow`): a thinner bar, and labels cut into lines that fit in [`NARROW`].
fn map(state: &State, _pid: &str, log: bool, narrow: bool) -> Result<Drawing, String> {
    const M: f64 = 16.0;
    let (bar_w, label_gap) = if narrow { (56.0, 10.0) } else { (110.0, 14.0) };
    let mut entries = Vec::new();
    for item in &state.items {
        let (low, high) = match item.what.as_str() {
            "region" => {
                let low = match item.attr("from") {
                    Some(_) => item.num("from")?,
                    None => item.num("at")?,
                };
                let high = match item.attr("to") {
                    Some(_) => item.num("to")?,
                    None => low + item.num("size")?,
                };
                (low, high)
            }
            _ => {
                let at = item.num("at")?;
                (at, at)
            }
        };
        if high < low {
            return Err(format!(
                "line {}: the region ends before it starts",
                item.line
            ));
        }
        entries.push(Entry { item, low, high });
    }
    entries.sort_by(|a, b| b.high.cmp(&a.high).then(b.low.cmp(&a.low)));
    let span =
        entries.first().map(|e| e.high).unwrap_or(0) - entries.last().map(|e| e.low).unwrap_or(0);
    let scale = |size: u128| -> f64 {
        if log {
            6.0 + 4.0 * (1.0 + size as f64 / 4096.0).log2()
        } else {
            (size as f64 / span.max(1) as f64) * 360.0
        }
    };
    let mut body = String::new();
    let mut desc = Vec::new();
    let x_bar = M;
    let x_label = M + bar_w + label_gap;
    // narrow: the room right of the bars, and of the whole drawing
    let label_px = NARROW - x_label - 8.0;
    let cut = |s: &str, px: f64| {
        if narrow {
            wrap(s, px)
        } else {
            vec![s.to_owned()]
        }
    };
    let mut width: f64 = 300.0;
    let mut y = 12.0;
    let mut prev_low: Option<u128> = None;
    let mut last_label_bottom: f64 = 0.0;
    for e in &entries {
        // the hole above this entry
        if let Some(pl) = prev_low
            && pl > e.high
        {
            let gap = pl - e.high;
            let h = scale(gap).max(if log { 6.0 } else { 0.0 });
            if log {
                let _ = write!(
                    body,
                    r#"<rect x="{x_bar:.1}" y="{y:.1}" width="{bar_w:.1}" height="{h:.1}" class="mem-hole"/>"#
                );
                let label = format!("hole of {} (derived)", human_size(gap));
                let mut ly = y + h / 2.0 + 4.0;
                // narrow: labels cut into more lines reach further down; stay under them
                if narrow && ly - 11.0 < last_label_bottom + 4.0 {
                    ly = last_label_bottom + 15.0;
                    last_label_bottom = ly;
                }
                text(&mut body, x_label, ly, "mem-info", &label);
                width = width.max(x_label + tw(&label) + if narrow { 8.0 } else { M });
                desc.push(format!("Then a hole of {} (derived).", human_size(gap)));
                y += h.max(18.0);
            } else {
                y += h;
            }
        }
        let size = e.high - e.low;
        let h = if e.item.what == "mark" {
            0.0
        } else {
            scale(size).max(2.0)
        };
        let mut lines = vec![e.item.name.shown.clone()];
        let range = match (e.item.what.as_str(), e.item.attr("from")) {
            ("mark", _) => format!("at {}", e.item.text("at")),
            (_, Some(f)) => format!("{} to {}", f.shown, e.item.text("to")),
            _ => format!("from {}", e.item.text("at")),
        };
        lines.push(range);
        if e.item.what == "region" {
            lines.push(match e.item.attr("size") {
                Some(s) if e.item.attr("from").is_some() => s.shown.clone(),
                Some(s) => bytes(s),
                None => format!("{} (derived)", human_size(size)),
            });
        }
        if let Some(t) = e.item.attr("text") {
            lines.push(t.shown.clone());
        }
        // as drawn: each line cut to fit, the name's in bold
        let drawn: Vec<(&str, String)> = lines
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                let class = if i == 0 { "mem-name" } else { "mem-info" };
                cut(l, label_px).into_iter().map(move |p| (class, p))
            })
            .collect();
        if e.item.what == "mark" {
            let _ = write!(
                body,
                r#"<line x1="{x_bar:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" class="mem-mark"/>"#,
                x_bar + bar_w
            );
        } else {
            rect(&mut body, x_bar, y, bar_w, h, "mem-region");
        }
        // labels: beside the bar, pushed down so that they never overlap
        let text_h = drawn.len() as f64 * 14.0;
        let mut ly = if e.item.what == "mark" {
            y + 4.0
        } else {
            y + (h - text_h) / 2.0 + 11.0
        };
        if ly - 11.0 < last_label_bottom + 4.0 {
            ly = last_label_bottom + 15.0;
        }
        let anchor = if e.item.what == "mark" {
            y
        } else {
            y + h / 2.0
        };
        if (ly - 4.0 - anchor).abs() > 6.0 {
            let _ = write!(
                body,
                r#"<path d="M{:.1},{anchor:.1} L{:.1},{:.1}" class="mem-leader"/>"#,
                x_bar + bar_w,
                x_label - 3.0,
                ly - 4.0
            );
        }
        for (i, (class, l)) in drawn.iter().enumerate() {
            text(&mut body, x_label, ly + i as f64 * 14.0, class, l);
            width = width.max(x_label + tw(l) + if narrow { 8.0 } else { M });
        }
        last_label_bottom = ly + (drawn.len() - 1) as f64 * 14.0;
        desc.push(format!("{}.", lines.join(", ")));
        y += h;
        if log {
            y += 2.0;
        }
        prev_low = Some(e.low);
    }
    if !log {
        // the stack as one column: the marks on it
        let _ = write!(
            body,
            r#"<line x1="{:.1}" y1="12" x2="{:.1}" y2="{y:.1}" class="mem-axis"/>"#,
            x_bar + bar_w / 2.0,
            x_bar + bar_w / 2.0
        );
    }
    let note = if log {
        "heights on a log scale: each doubling of size adds the same height"
    } else {
        "drawn to scale: heights proportional to the distance in bytes"
    };
    let note_lines = cut(note, NARROW - 2.0 * M);
    let mut height = y.max(last_label_bottom) + 16.0;
    for (i, line) in note_lines.iter().enumerate() {
        if i > 0 {
            height += 14.0;
        }
        text(&mut body, M, height - 4.0, "mem-legend", line);
        width = width.max(tw(line) + 2.0 * M);
    }
    desc.insert(0, format!("From the highest address down ({note})."));
    let (width, height) = svg_size(width, height + 4.0);
    Ok(Drawing {
        body,
        width,
        height,
        desc: desc.join(" "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    /// A directory holding `run.stdout`, for `data run.stdout`.
    fn dir(snapshot: &str) -> PathBuf {
        let dir = crate::tests::scratch("render");
        std::fs::write(dir.join("run.stdout"), snapshot).unwrap();
        dir
    }

    fn draw(snapshot: &str, description: &str) -> String {
        let picture = crate::parse(description, &dir(snapshot)).unwrap();
        html(&picture).unwrap()
    }

    /// Each `<svg ...>...</svg>` of the output, wide (`class="memory-svg"`) or narrow.
    fn svgs<'a>(out: &'a str, which: &str) -> Vec<&'a str> {
        let class = match which {
            "wide" => r#"<svg class="memory-svg" "#,
            _ => r#"<svg class="memory-svg memory-narrow" "#,
        };
        out.match_indices(class)
            .map(|(i, _)| &out[i..i + out[i..].find("</svg>").unwrap() + 6])
            .collect()
    }

    /// A number attribute of an element's start tag.
    fn attr(tag: &str, name: &str) -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    }

    fn view_width(svg: &str) -> f64 {
        let vb = &svg[svg.find("viewBox=\"0 0 ").unwrap() + 13..];
        vb.split(' ').next().unwrap().parse().unwrap()
    }

    /// Every `<text>` of a drawing: (x, y, its text, its anchor is the middle).
    fn texts(svg: &str) -> Vec<(f64, f64, String, bool)> {
        svg.match_indices("<text ")
            .map(|(i, _)| {
                let tag = &svg[i..i + svg[i..].find('>').unwrap()];
                let body = &svg[i + tag.len() + 1..];
                let body = &body[..body.find("</text>").unwrap()];
                let middle = tag.contains("text-anchor=\"middle\"");
                (attr(tag, "x"), attr(tag, "y"), body.to_owned(), middle)
            })
            .collect()
    }

    /// No text of a narrow drawing sticks out of it (the font's width is `CH`).
    fn fits(svg: &str) {
        let w = view_width(svg);
        assert!(w <= NARROW, "a narrow drawing {w} px wide");
        for (x, _, t, middle) in texts(svg) {
            let len = t
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            let right = if middle {
                x + tw(&len) / 2.0
            } else {
                x + tw(&len)
            };
            assert!(
                right <= w + 0.5,
                "`{t}` ends at {right}, in a drawing {w} wide"
            );
        }
    }

    const STACK_HEAP: &str = "s: header at 0x7ffe714c6458, buffer at 0x5646f4627d60, 24 bytes\n";
    const STACK_HEAP_PICTURE: &str = r#"picture sh: A String and its buffer
data run.stdout
match "s: header at (?<s>0x[0-9a-f]+), buffer at (?<buf>0x[0-9a-f]+), (?<n>\d+) bytes"
kind stack-heap
frame main
var "a_rather_long_variable_name" type="std::string::String" size={n} at={s} words="pointer to the buffer {buf};capacity;length" to=buffer
heap buffer at={buf} text="the bytes of the string, which the long line says are in the buffer"
"#;

    #[test]
    fn lines_are_cut_at_spaces_to_fit() {
        assert_eq!(wrap("a b c", 100.0), vec!["a b c"]);
        // 5 characters a line
        assert_eq!(
            wrap("ab cd efghijkl m", 5.0 * CH),
            vec!["ab cd", "efghi", "jkl m"]
        );
        assert_eq!(wrap("", 50.0), vec![""]);
    }

    #[test]
    fn data_fit_is_the_wide_width_rounded_up_and_the_css_has_every_value() {
        assert_eq!(fit(301.0), FIT_MIN);
        assert_eq!(fit(514.0), 520);
        assert_eq!(fit(520.0), 520);
        assert_eq!(fit(5000.0), FIT_MAX);
        let css = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../theme/memory.css"),
        )
        .unwrap();
        for w in (FIT_MIN..=FIT_MAX).step_by(FIT_STEP as usize) {
            let rule = format!(
                r#"@container (width < {w}px) {{ [data-fit="{w}"] .memory-svg:not(.memory-narrow) {{ display: none; }} [data-fit="{w}"] .memory-narrow {{ display: block; }} }}"#
            );
            assert!(css.contains(&rule), "theme/memory.css lacks: {rule}");
        }
        assert!(css.contains(".memory-svg.memory-narrow { display: none; }"));
    }

    #[test]
    fn a_wide_stack_heap_picture_also_has_a_narrow_one_stack_above_heap() {
        let out = draw(STACK_HEAP, STACK_HEAP_PICTURE);
        let wide = svgs(&out, "wide");
        let narrow = svgs(&out, "narrow");
        assert_eq!((wide.len(), narrow.len()), (1, 1), "{out}");
        let w = view_width(wide[0]);
        assert!(w > NARROW);
        assert!(out.contains(&format!(r#"data-fit="{}""#, fit(w))), "{out}");
        fits(narrow[0]);
        // the same title and description, under ids of its own
        let inner = |s: &str, tag: &str| {
            let a = s.find(&format!("<{tag} ")).unwrap();
            let b = s.find(&format!("</{tag}>")).unwrap();
            s[s[a..].find('>').unwrap() + a + 1..b].to_owned()
        };
        assert_eq!(inner(wide[0], "title"), inner(narrow[0], "title"));
        assert_eq!(inner(wide[0], "desc"), inner(narrow[0], "desc"));
        assert!(
            narrow[0].contains(r#"aria-labelledby="mem-sh-1-narrow-title mem-sh-1-narrow-desc""#)
        );
        assert!(narrow[0].contains(r##"marker-end="url(#mem-sh-1-narrow-arrow)""##));
        assert!(narrow[0].contains(r#"<marker id="mem-sh-1-narrow-arrow""#));
        // stack above heap: the heap's heading under every line of the stack, at the same x
        let t = texts(narrow[0]);
        let stack = t.iter().find(|x| x.2 == "stack").unwrap();
        let heap = t.iter().find(|x| x.2 == "heap").unwrap();
        let name = t.iter().find(|x| x.2.starts_with("a_rather_long")).unwrap();
        assert_eq!(stack.0, heap.0);
        assert!(heap.1 > name.1);
        // every word kept, in lines cut to fit
        let all: String = t.iter().map(|x| x.2.as_str()).collect::<Vec<_>>().join(" ");
        for word in [
            "0x5646f4627d60",
            "capacity",
            "length",
            "buffer",
            "std::string::String",
        ] {
            assert!(all.contains(word), "{word} is missing from {all}");
        }
        // the wide drawing is as before: the heap beside the stack
        let t = texts(wide[0]);
        let heap = t.iter().find(|x| x.2 == "heap").unwrap();
        assert_eq!(heap.1, 16.0);
    }

    #[test]
    fn a_small_picture_has_one_drawing() {
        let out = draw(
            STACK_HEAP,
            "picture s: S\ndata run.stdout\nmatch \"at (?<s>0x[0-9a-f]+),\"\nkind stack-heap\nframe main\nvar s at={s}\n",
        );
        assert_eq!(out.matches("<svg ").count(), 1);
        assert!(
            !out.contains("data-fit") && !out.contains("memory-narrow"),
            "{out}"
        );
        assert!(out.contains(r#"<svg class="memory-svg" "#));
    }

    const LAYOUT: &str = "Data: 24 bytes, words of 8 bytes\n";

    #[test]
    fn a_narrow_layout_cuts_a_long_type_into_rows_of_a_word() {
        let out = draw(
            LAYOUT,
            r#"picture l: Data
data run.stdout
match "Data: (?<size>\d+) bytes, words of (?<word>\d+) bytes"
kind layout
type "Data" size={size} text="three words, one of which is a niche for the variants"
niche "capacity" size={word} text="the capacity word, whose impossible values are the other variants"
field "pointer" size={word} text="to the buffer"
field "length" size={word} text="of the Vec"
"#,
        );
        let wide = svgs(&out, "wide");
        let narrow = svgs(&out, "narrow");
        assert_eq!((wide.len(), narrow.len()), (1, 1), "{out}");
        fits(narrow[0]);
        // one bar outline in the wide drawing, three rows of 8 bytes in the narrow one
        assert_eq!(wide[0].matches(r#"class="mem-bar""#).count(), 1);
        let rows: Vec<&str> = narrow[0]
            .match_indices(r#"<rect "#)
            .map(|(i, _)| &narrow[0][i..i + narrow[0][i..].find("/>").unwrap()])
            .filter(|r| r.contains(r#"class="mem-bar""#))
            .collect();
        assert_eq!(rows.len(), 3, "{}", narrow[0]);
        let widths: Vec<f64> = rows.iter().map(|r| attr(r, "width")).collect();
        assert!(
            widths
                .iter()
                .all(|w| *w == widths[0] && *w <= NARROW - 32.0),
            "{widths:?}"
        );
        let ys: Vec<f64> = rows.iter().map(|r| attr(r, "y")).collect();
        assert!(ys[0] < ys[1] && ys[1] < ys[2], "{ys:?}");
        // each word's label in its own row, once; 7 byte ticks a row
        for label in ["capacity", "pointer", "length"] {
            assert_eq!(
                narrow[0].matches(&format!(">{label}</text>")).count(),
                1,
                "{label}"
            );
        }
        assert_eq!(narrow[0].matches(r#"class="mem-tick""#).count(), 21);
    }

    #[test]
    fn a_narrow_layout_of_bars_without_fields_keeps_them_to_scale_in_one_row() {
        let out = draw(
            "debug: 64 bytes, release: 32 bytes\n",
            r#"picture f: Frames
data run.stdout
match "debug: (?<d>\d+) bytes, release: (?<r>\d+) bytes"
kind layout
type "debug build, a frame of its own" size={d}
type "release build, the same frame" size={r}
"#,
        );
        let narrow = svgs(&out, "narrow");
        assert_eq!(narrow.len(), 1, "{out}");
        fits(narrow[0]);
        let bars: Vec<f64> = narrow[0]
            .match_indices(r#"<rect "#)
            .map(|(i, _)| &narrow[0][i..i + narrow[0][i..].find("/>").unwrap()])
            .filter(|r| r.contains(r#"class="mem-bar""#))
            .map(|r| attr(r, "width"))
            .collect();
        assert_eq!(bars.len(), 2);
        assert!((bars[0] - 2.0 * bars[1]).abs() < 0.2, "{bars:?}");
    }

    #[test]
    fn a_narrow_map_cuts_its_labels_to_fit_beside_thinner_bars() {
        let out = draw(
            "stack 0x7ffd00000000 0x7ffd00021000\nheap 0x55d000000000 0x55d000021000\n",
            r#"picture m: A map
data run.stdout
match "stack (?<s0>0x[0-9a-f]+) (?<s1>0x[0-9a-f]+)"
match "heap (?<h0>0x[0-9a-f]+) (?<h1>0x[0-9a-f]+)"
kind map
region "[stack]" from={s0} to={s1} text="the main thread's stack, which grows down towards the heap"
region "[heap]" from={h0} to={h1} text="where Box, Vec and String keep their bytes"
"#,
        );
        let wide = svgs(&out, "wide");
        let narrow = svgs(&out, "narrow");
        assert_eq!((wide.len(), narrow.len()), (1, 1), "{out}");
        fits(narrow[0]);
        let region = |svg: &str| {
            let i = svg.find(r#"class="mem-region""#).unwrap();
            let tag = &svg[svg[..i].rfind("<rect").unwrap()..i];
            attr(tag, "width")
        };
        assert!(region(narrow[0]) < region(wide[0]));
        // the labels' lines do not overlap: each at least a line below the one before
        let mut ys: Vec<f64> = texts(narrow[0]).iter().map(|t| t.1).collect();
        ys.sort_by(f64::total_cmp);
        assert!(ys.windows(2).all(|w| w[1] - w[0] >= 12.0), "{ys:?}");
    }

    #[test]
    fn the_output_is_the_same_on_every_run() {
        let a = draw(STACK_HEAP, STACK_HEAP_PICTURE);
        let b = draw(STACK_HEAP, STACK_HEAP_PICTURE);
        assert_eq!(a, b);
    }
}
