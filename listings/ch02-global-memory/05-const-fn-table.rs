// needs: linux: reads its own executable through /proc/self/exe, and /proc/self/maps
#![cfg_attr(
    not(target_os = "linux"),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
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
/// The 256 remainders CRC-32 uses, one per byte value. A `const fn` may only
/// use what the compiler can run: loops with `while`, no allocation.
const fn crc_table() -> [u32; 256] {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut bit = 0;
        while bit < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            bit += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

const fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0_u32;
    let mut i = 0;
    while i < bytes.len() {
        crc = TABLE[((crc ^ bytes[i] as u32) & 0xff) as usize] ^ (crc >> 8);
        i += 1;
    }
    !crc
}

static TABLE: [u32; 256] = crc_table(); // run by the compiler
const CHECK: u32 = crc32(b"123456789"); // so is this

// ANCHOR_END: main
#[cfg(target_os = "linux")]
// ANCHOR: main
fn main() {
    let bytes: Vec<u8> = TABLE.iter().flat_map(|n| n.to_le_bytes()).collect();
    let file = std::fs::read(std::env::current_exe().unwrap()).unwrap();
    let in_file = file.windows(bytes.len()).any(|w| w == bytes);
    println!(
        "TABLE ({} bytes) is in the program's file: {in_file}",
        bytes.len()
    );
    println!("TABLE is mapped {}", mapping_of(TABLE.as_ptr().cast()));
    println!("same as computing it now: {}", TABLE == crc_table());
    println!("CHECK = {CHECK:08x}");
    assert_eq!(CHECK, 0xcbf4_3926, "the published check value of CRC-32");
    let input = std::env::args().count().to_string(); // known only at run time
    println!(
        "crc32({input:?}) = {:08x}, at run time",
        crc32(input.as_bytes())
    );
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("This listing reads /proc/self/exe and /proc/self/maps, which only Linux has.");
}
