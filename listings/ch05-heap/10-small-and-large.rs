// needs: linux-gnu: reads /proc/self/maps; where blocks land is glibc's malloc
#![cfg_attr(
    not(all(target_os = "linux", target_env = "gnu")),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
/// Finds the line of `/proc/self/maps` whose range holds `addr`. Returns the mapping's
/// name (`[heap]`, `anonymous` or a file), its size in KiB, and `addr`'s offset into it.
fn mapping_of(addr: usize) -> Option<(String, usize, usize)> {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux's /proc");
    maps.lines().find_map(|line| {
        let mut fields = line.split_whitespace();
        let (start, end) = fields.next()?.split_once('-')?;
        let start = usize::from_str_radix(start, 16).ok()?;
        let end = usize::from_str_radix(end, 16).ok()?;
        let name = fields.nth(4).unwrap_or("anonymous").to_owned();
        (start..end)
            .contains(&addr)
            .then(|| (name, (end - start) / 1024, addr - start))
    })
}

/// Describes where `addr` is, in one line.
fn lands_in(addr: usize) -> String {
    match mapping_of(addr) {
        Some((name, kib, offset)) => {
            format!("{name}, a {kib} KiB mapping, {offset} bytes in")
        }
        None => "not mapped".to_owned(),
    }
}

/// Prints where the block at `addr` is.
fn show(what: &str, addr: usize) {
    println!("{what:<14} {addr:#x} lands in: {}", lands_in(addr));
}

// varies: lands in: .*
#[cfg(all(target_os = "linux", target_env = "gnu"))]
// ANCHOR: main
fn main() {
    let small = Box::new([0u8; 64]);
    let small_at = small.as_ptr().addr();
    show("64 bytes", small_at);

    let medium: Vec<u8> = Vec::with_capacity(64 * 1024);
    let medium_at = medium.as_ptr().addr();
    show("64 KiB", medium_at);

    let large: Vec<u8> = Vec::with_capacity(1024 * 1024);
    let large_at = large.as_ptr().addr();
    show("1 MiB", large_at);

    drop(medium);
    drop(large);
    show("64 KiB, freed", medium_at);
    show("1 MiB, freed", large_at);

    let again: Vec<u8> = Vec::with_capacity(1024 * 1024);
    let again_at = again.as_ptr().addr();
    show("1 MiB, again", again_at);
    // ANCHOR_END: main

    if cfg!(all(
        target_arch = "x86_64",
        target_os = "linux",
        target_env = "gnu"
    )) {
        let name = |addr: usize| mapping_of(addr).map(|(name, _, _)| name);
        assert_eq!(name(small_at).as_deref(), Some("[heap]"));
        assert_eq!(name(medium_at).as_deref(), Some("[heap]"));
        assert_eq!(name(large_at), None);
        assert_eq!(name(again_at).as_deref(), Some("[heap]"));
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() {
    eprintln!(
        "This listing reads /proc/self/maps and measures glibc's malloc: Linux with glibc only."
    );
}
