// needs: linux: reads the CPU's cache description from Linux's /sys
// varies: \b\d+K\b
// varies: line: \d+ bytes
#![cfg_attr(
    not(target_os = "linux"),
    allow(dead_code, reason = "elsewhere only the fallback main runs")
)]

// ANCHOR: main
/// One file of the first cache's description, as Linux's sysfs shows it.
fn cache_file(name: &str) -> std::io::Result<String> {
    let path = format!("/sys/devices/system/cpu/cpu0/cache/index0/{name}");
    Ok(std::fs::read_to_string(path)?.trim().to_string())
}

#[cfg(target_os = "linux")]
fn main() {
    let read = || -> std::io::Result<[String; 4]> {
        Ok([
            cache_file("level")?,
            cache_file("type")?,
            cache_file("size")?,
            cache_file("coherency_line_size")?,
        ])
    };
    match read() {
        Ok([level, kind, size, line]) => {
            println!("cpu0, cache index0: level {level}, {kind}, {size}");
            println!("coherency line: {line} bytes");
        }
        Err(e) => println!("could not read /sys/devices/system/cpu/cpu0/cache: {e}"),
    }
}
// ANCHOR_END: main

#[cfg(not(target_os = "linux"))]
fn main() {
    println!("this listing reads Linux's /sys; on other systems ask the OS (sysctl on macOS)");
}
