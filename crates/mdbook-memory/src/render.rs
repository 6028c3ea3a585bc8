//! Pictures as inline SVG: one `<svg role="img">` per state, with a `<title>` and a `<desc>`
//! generated from the same data as the drawing. Colours are CSS classes (`mem-*`, styled by
//! the book's theme/memory.css with mdBook's theme variables); text stays text.

use crate::describe::{Item, Kind, Picture, State, Text, human_size};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Width of a character of the pictures' 12 px monospace font.
const CH: f64 = 7.3;
const LINE: f64 = 16.0;

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

/// The whole picture as HTML: a figure with one SVG per state.
pub fn html(p: &Picture) -> Result<String, String> {
    let n = p.states.len();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<figure class="memory-picture" id="picture-{}" data-kind="{}">"#,
        p.id,
        p.kind.name()
    );
    if n > 1 {
        let _ = write!(out, r#"<div class="memory-steps" data-count="{n}">"#);
    }
    for (i, state) in p.states.iter().enumerate() {
        let pid = format!("mem-{}-{}", p.id, i + 1);
        let d = match p.kind {
            Kind::StackHeap => stack_heap(state, &pid)?,
            Kind::Layout => layout(state, &pid, layout_max(p)?)?,
            Kind::Map => map(state, &pid, p.log_scale)?,
        };
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
        let _ = write!(
            out,
            concat!(
                r#"<svg class="memory-svg" role="img" aria-labelledby="{pid}-title {pid}-desc" viewBox="0 0 {w:.0} {h:.0}" "#,
                r#"style="max-width:{w:.0}px" xmlns="http://www.w3.org/2000/svg" font-family="monospace" font-size="12">"#,
                r#"<title id="{pid}-title">{title}</title><desc id="{pid}-desc">{desc}</desc>{defs}{body}</svg></div>"#
            ),
            pid = pid,
            w = d.width.ceil(),
            h = d.height.ceil(),
            title = esc_svg(&title),
            desc = esc_svg(&d.desc),
            defs = defs(&pid),
            body = d.body
        );
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
    let h = LINE * (1 + info.len() + rows.iter().filter(|r| !r.0.is_empty()).count()) as f64 + 8.0;
    rect(out, at.x, at.y, at.w, h, class);
    let mut ty = at.y + 15.0;
    text(out, at.x + 8.0, ty, "mem-name", &head);
    for i in &info {
        ty += LINE;
        text(out, at.x + 8.0, ty, "mem-info", i);
    }
    let mut sources = Vec::new();
    for (row, targets) in &rows {
        if row.is_empty() {
            sources.push((ty - 4.0, targets.clone()));
            continue;
        }
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

fn stack_heap(state: &State, pid: &str) -> Result<Drawing, String> {
    const M: f64 = 34.0;
    const GAP: f64 = 70.0;
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
    let x_left = M;
    let x_right = M + w_left + GAP;
    let width = if any_right {
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
    if let Some(first) = first_right {
        let heading = if first == "heap" {
            "heap"
        } else {
            "read-only data (in the executable)"
        };
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
        };
        let h = draw_item(&mut frame_body, item, placed, class, &mut desc, &mut boxes);
        y += h + 6.0;
    }
    close_frame(&mut frame_body, &frame_start, y);
    body.push_str(&frame_body);
    let left_bottom = y;
    // right column: heap blocks and read-only (static) blocks
    let mut y = 28.0;
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

fn layout(state: &State, pid: &str, max: u128) -> Result<Drawing, String> {
    const M: f64 = 16.0;
    const BAR: f64 = 540.0;
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
    let ppb = if exact {
        (BAR / max as f64).min(34.0)
    } else {
        BAR / max as f64
    };
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
        text(&mut body, M, y + 12.0, "mem-name", &head);
        width = width.max(tw(&head) + 2.0 * M);
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
        // the bar
        let bar_w = size as f64 * ppb;
        let x0 = M;
        let h = 30.0;
        for s in &filled {
            let x = x0 + s.at as f64 * ppb;
            let w = (s.size as f64 * ppb).max(1.5);
            let fill_class = match s.class {
                "mem-pad" => format!(r#"mem-cell mem-pad" fill="url(#{pid}-hatch)"#),
                "mem-niche" => format!(r#"mem-cell mem-niche" fill="url(#{pid}-dots)"#),
                c => format!("mem-cell {c}"),
            };
            let _ = write!(
                body,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" class="{fill_class}"/>"#
            );
            if tw(&s.label) + 6.0 < w {
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
            for b in 1..size {
                let x = x0 + b as f64 * ppb;
                let _ = write!(
                    body,
                    r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" class="mem-tick"/>"#,
                    y + h - 6.0,
                    y + h
                );
            }
        }
        let bar_class = if ty.flag("freed") {
            "mem-bar mem-moved"
        } else {
            "mem-bar"
        };
        let _ = write!(
            body,
            r#"<rect x="{x0:.1}" y="{y:.1}" width="{bar_w:.1}" height="{h:.1}" class="{bar_class}"/>"#
        );
        width = width.max(x0 + bar_w + M);
        y += h + 6.0;
        let mut d = format!("{head}.");
        for s in &filled {
            if s.legend.is_empty() {
                continue;
            }
            for line in s.legend.lines() {
                text(&mut body, M + 4.0, y + 11.0, "mem-legend", line);
                width = width.max(tw(line) + 2.0 * M + 4.0);
                let _ = write!(d, " {line}.");
                y += LINE;
            }
        }
        desc.push(d);
        y += 12.0;
    }
    if !exact {
        text(
            &mut body,
            M,
            y + 4.0,
            "mem-legend",
            "bars drawn to one scale: width proportional to the size",
        );
        y += 12.0;
    }
    let (width, height) = svg_size(width.max(BAR.min(max as f64 * ppb) + 2.0 * M), y + 4.0);
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

fn map(state: &State, _pid: &str, log: bool) -> Result<Drawing, String> {
    const M: f64 = 16.0;
    const BARW: f64 = 110.0;
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
    let x_label = M + BARW + 14.0;
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
                    r#"<rect x="{x_bar:.1}" y="{y:.1}" width="{BARW:.1}" height="{h:.1}" class="mem-hole"/>"#
                );
                let label = format!("hole of {} (derived)", human_size(gap));
                text(&mut body, x_label, y + h / 2.0 + 4.0, "mem-info", &label);
                width = width.max(x_label + tw(&label) + M);
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
        if e.item.what == "mark" {
            let _ = write!(
                body,
                r#"<line x1="{x_bar:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" class="mem-mark"/>"#,
                x_bar + BARW
            );
        } else {
            rect(&mut body, x_bar, y, BARW, h, "mem-region");
        }
        // labels: beside the bar, pushed down so that they never overlap
        let text_h = lines.len() as f64 * 14.0;
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
                x_bar + BARW,
                x_label - 3.0,
                ly - 4.0
            );
        }
        for (i, l) in lines.iter().enumerate() {
            let class = if i == 0 { "mem-name" } else { "mem-info" };
            text(&mut body, x_label, ly + i as f64 * 14.0, class, l);
            width = width.max(x_label + tw(l) + M);
        }
        last_label_bottom = ly + (lines.len() - 1) as f64 * 14.0;
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
            x_bar + BARW / 2.0,
            x_bar + BARW / 2.0
        );
    }
    let height = y.max(last_label_bottom) + 16.0;
    let note = if log {
        "heights on a log scale: each doubling of size adds the same height"
    } else {
        "drawn to scale: heights proportional to the distance in bytes"
    };
    text(&mut body, M, height - 4.0, "mem-legend", note);
    desc.insert(0, format!("From the highest address down ({note})."));
    let (width, height) = svg_size(width.max(tw(note) + 2.0 * M), height + 4.0);
    Ok(Drawing {
        body,
        width,
        height,
        desc: desc.join(" "),
    })
}
