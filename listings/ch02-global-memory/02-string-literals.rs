// needs: linux: reads /proc/self/maps to find the mapping that holds the literal
#![cfg_attr(
    not(target_os = "linux"),
    allow(dead_code, reason = "elsewhere only the fallback main runs")
)]
/// The permissions of the mapping holding `addr` and whether it is this program's file.
fn mapping_of(addr: *const u8) -> String {
    let addr = addr as usize;
    let exe = std::env::current_exe().unwrap();
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    for line in maps.lines() {
        let mut fields = line.splitn(6, ' ');
        let (start, end) = fields.next().unwrap().split_once('-').unwrap();
        let perms = fields.next().unwrap();
        let path = fields.nth(3).unwrap_or("").trim();
        let hex = |s| usize::from_str_radix(s, 16).unwrap();
        if hex(start) <= addr && addr < hex(end) {
            let whose = if exe.to_str() == Some(path) {
                "[this program]"
            } else {
                path
            };
            return format!("{perms} {whose}");
        }
    }
    "not mapped".to_owned()
}

// ANCHOR: main
const TEXT: &str = "hello, literal";

fn greeting() -> &'static str {
    "hello, literal"
}

mod elsewhere {
    pub fn greeting() -> &'static str {
        "hello, literal"
    }
}

mod apart {
    #[inline(never)]
    pub fn greeting() -> &'static str {
        "hello, literal"
    }
}

#[cfg(target_os = "linux")]
fn main() {
    let first: &'static str = "hello, literal";
    println!(
        "\"hello, literal\" at {:p}, in {}",
        first.as_ptr(),
        mapping_of(first.as_ptr())
    );

    let others: [(&str, *const u8); 8] = [
        ("the same text again", "hello, literal".as_ptr()),
        ("in another function", greeting().as_ptr()),
        ("in another module", elsewhere::greeting().as_ptr()),
        ("there, never inlined", apart::greeting().as_ptr()),
        ("a const &str", TEXT.as_ptr()),
        ("the same bytes, b\"...\"", b"hello, literal".as_ptr()),
        ("built by concat!", concat!("hello, ", "literal").as_ptr()),
        ("a longer text", "hello, literal!".as_ptr()),
    ];
    for (what, addr) in others {
        println!("{what:<24} same address: {}", addr == first.as_ptr());
    }
    let tail = "literal".as_ptr();
    println!(
        "\"literal\" is the tail of the first: {}",
        tail == first[7..].as_ptr()
    );
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads /proc/self/maps, which only Linux has.");
}
