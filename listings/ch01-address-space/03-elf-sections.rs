// needs: linux: reads its own ELF file through /proc/self/exe, and /proc/self/maps
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// One line of `/proc/self/maps`: an address range and its permissions.
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

/// A section header of the ELF file: where the section is meant to sit in memory.
struct Section {
    name: String,
    flags: u64,
    kind: u32,
    addr: usize,
    size: usize,
}

const SHF_WRITE: u64 = 0x1;
const SHF_ALLOC: u64 = 0x2;
const SHF_EXECINSTR: u64 = 0x4;
const SHT_NOBITS: u32 = 8;
const PT_LOAD: u32 = 1;

fn u16_at(b: &[u8], at: usize) -> usize {
    u16::from_le_bytes(b[at..at + 2].try_into().unwrap()) as usize
}
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

/// Reads the section headers of this program's own file (64-bit little-endian ELF),
/// with addresses moved to where the loader really put the program.
fn sections() -> Vec<Section> {
    let exe = std::env::current_exe().unwrap();
    let elf = std::fs::read(&exe).unwrap();
    assert_eq!(&elf[..4], b"\x7fELF");
    // The program's lowest mapping holds its lowest loadable segment: that gives the offset
    // at which the loader placed the whole file (it differs on every run).
    let lowest_map = mappings()
        .iter()
        .filter(|m| exe.to_str() == Some(m.path.as_str()))
        .map(|m| m.start)
        .min()
        .unwrap();
    let (phoff, phsize, phnum) = (
        u64_at(&elf, 0x20) as usize,
        u16_at(&elf, 0x36),
        u16_at(&elf, 0x38),
    );
    let lowest_segment = (0..phnum)
        .map(|i| phoff + i * phsize)
        .filter(|&ph| u32_at(&elf, ph) == PT_LOAD)
        .map(|ph| u64_at(&elf, ph + 16) as usize & !0xfff)
        .min()
        .unwrap();
    let load_offset = lowest_map - lowest_segment;

    let (shoff, shsize) = (u64_at(&elf, 0x28) as usize, u16_at(&elf, 0x3a));
    let (shnum, shstrndx) = (u16_at(&elf, 0x3c), u16_at(&elf, 0x3e));
    let names_at = u64_at(&elf, shoff + shstrndx * shsize + 24) as usize;
    (0..shnum)
        .map(|i| {
            let sh = shoff + i * shsize;
            let name_at = names_at + u32_at(&elf, sh) as usize;
            let len = elf[name_at..].iter().position(|&c| c == 0).unwrap();
            Section {
                name: String::from_utf8_lossy(&elf[name_at..name_at + len]).into_owned(),
                kind: u32_at(&elf, sh + 4),
                flags: u64_at(&elf, sh + 8),
                addr: u64_at(&elf, sh + 16) as usize + load_offset,
                size: u64_at(&elf, sh + 32) as usize,
            }
        })
        .filter(|s| s.flags & SHF_ALLOC != 0)
        .collect()
}

/// The linker's name and version, from the `.comment` section (not loaded into memory) where
/// LLD leaves a line `Linker: ...`.
fn linker() -> String {
    let elf = std::fs::read(std::env::current_exe().unwrap()).unwrap();
    let (shoff, shsize) = (u64_at(&elf, 0x28) as usize, u16_at(&elf, 0x3a));
    let (shnum, shstrndx) = (u16_at(&elf, 0x3c), u16_at(&elf, 0x3e));
    let names_at = u64_at(&elf, shoff + shstrndx * shsize + 24) as usize;
    let comment = (0..shnum).map(|i| shoff + i * shsize).find(|&sh| {
        let name = &elf[names_at + u32_at(&elf, sh) as usize..];
        name.starts_with(b".comment\0")
    });
    let text = comment.map_or(&[][..], |sh| {
        let (at, size) = (
            u64_at(&elf, sh + 24) as usize,
            u64_at(&elf, sh + 32) as usize,
        );
        &elf[at..at + size]
    });
    text.split(|&c| c == 0)
        .map(String::from_utf8_lossy)
        .find_map(|entry| {
            let linker = entry.strip_prefix("Linker: ")?;
            Some(linker.split(" (").next().unwrap().to_owned())
        })
        .unwrap_or_else(|| "the file does not say".to_owned())
}

fn perms_at(addr: usize) -> String {
    let maps = mappings();
    let m = maps.iter().find(|m| m.start <= addr && addr < m.end);
    m.map_or("----".to_owned(), |m| m.perms.clone())
}

// ANCHOR: main
const ANSWER: u64 = 42;
static GREETING: u64 = 7;
static NAME: &str = "a static holding a reference";
static ZEROED: AtomicU64 = AtomicU64::new(0);
static STARTED: AtomicU64 = AtomicU64::new(1);

// ANCHOR_END: main
#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    let mut sections = sections();
    sections.sort_by_key(|s| s.addr); // lowest address first

    println!("section        flags  mapped  in the file  size");
    let well_known = [
        ".rodata",
        ".eh_frame",
        ".text",
        ".data.rel.ro",
        ".got",
        ".data",
        ".bss",
    ];
    for s in sections
        .iter()
        .filter(|s| well_known.contains(&s.name.as_str()))
    {
        let name = &s.name;
        let flags = match (s.flags & SHF_WRITE != 0, s.flags & SHF_EXECINSTR != 0) {
            (true, _) => "WA",
            (false, true) => "AX",
            (false, false) => "A",
        };
        let in_file = if s.kind == SHT_NOBITS { "no" } else { "yes" };
        // varies: \d+ bytes
        println!(
            "{name:<14} {flags:<6} {}    {in_file:<11}  {} bytes",
            perms_at(s.addr),
            s.size
        );
    }

    println!();
    let things: [(&str, usize); 7] = [
        ("string literal", "a string literal".as_ptr() as usize),
        ("&ANSWER (a const)", &ANSWER as *const u64 as usize),
        ("GREETING (a static)", &raw const GREETING as usize),
        ("NAME (static &str)", &raw const NAME as usize),
        ("ZEROED (atomic, 0)", ZEROED.as_ptr() as usize),
        ("STARTED (atomic, 1)", STARTED.as_ptr() as usize),
        ("fn main", main as fn() as usize),
    ];
    ZEROED.fetch_add(1, Relaxed);
    STARTED.fetch_add(1, Relaxed);
    for (what, addr) in things {
        let s = sections
            .iter()
            .find(|s| s.addr <= addr && addr < s.addr + s.size);
        println!("{what:<20} is in {}", s.map_or("no section", |s| &s.name));
    }
    println!();
    println!("linked by: {}", linker());
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads an ELF file and /proc/self/maps: Linux only.");
}
