// needs: linux: reads /proc/self/maps
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
/// One line of `/proc/self/maps`: an address range and how it is mapped.
struct Mapping {
    start: usize,
    end: usize,
    perms: String,
    path: String,
}

fn mappings() -> Vec<Mapping> {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    maps.lines()
        .map(|line| {
            let mut fields = line.splitn(6, ' ');
            let (start, end) = fields.next().unwrap().split_once('-').unwrap();
            let perms = fields.next().unwrap().to_owned();
            let path = fields.nth(3).unwrap_or("").trim().to_owned();
            Mapping {
                start: usize::from_str_radix(start, 16).unwrap(),
                end: usize::from_str_radix(end, 16).unwrap(),
                perms,
                path,
            }
        })
        .collect()
}

/// A size in the largest binary unit that keeps it at 1 or more.
fn human(bytes: usize) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < units.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", units[unit])
}

#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    let exe = std::env::current_exe().unwrap();
    let maps = mappings();
    let is_program = |m: &&Mapping| exe.to_str() == Some(m.path.as_str());
    let named = |name: &str| maps.iter().find(|m| m.path == name).unwrap();

    let program: Vec<&Mapping> = maps.iter().filter(is_program).collect();
    let (heap, stack) = (named("[heap]"), named("[stack]"));
    // Between the heap and the stack: shared libraries and anonymous mappings
    // (the kernel's own [vvar] and [vdso] pages are left out).
    let middle: Vec<&Mapping> = maps
        .iter()
        .filter(|m| m.start >= heap.end && m.end <= stack.start)
        .filter(|m| !m.path.starts_with('['))
        .collect();

    let mut libraries: Vec<&str> = Vec::new();
    for m in &middle {
        let file = m.path.rsplit('/').next().unwrap();
        if !file.is_empty() && !libraries.contains(&file) {
            libraries.push(file);
        }
    }
    let anonymous = middle.iter().filter(|m| m.path.is_empty()).count();
    let perms: Vec<&str> = program.iter().map(|m| m.perms.as_str()).collect();

    let regions = [
        (
            program[0].start,
            program.last().unwrap().end,
            format!(
                "[this program], {} mappings: {}",
                program.len(),
                perms.join(" ")
            ),
        ),
        (heap.start, heap.end, "[heap]".to_owned()),
        (
            middle[0].start,
            middle.last().unwrap().end,
            format!(
                "{} and {anonymous} anonymous mappings",
                libraries.join(", ")
            ),
        ),
        (stack.start, stack.end, "[stack]".to_owned()),
    ];

    // varies: \d+\.\d (bytes|[KMGT]iB)
    // varies: \d+ anonymous
    println!("from            to              what");
    for (i, (start, end, what)) in regions.iter().enumerate() {
        if i > 0 {
            let hole = start - regions[i - 1].1;
            println!("                                (hole of {})", human(hole));
        }
        println!("{start:#x}  {end:#x}  {what} ({})", human(end - start));
    }
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads /proc/self/maps, which only Linux has.");
}
