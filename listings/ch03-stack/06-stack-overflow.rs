// needs: unix: reads how the child ended from its signal (std::os::unix)
#![cfg_attr(
    not(unix),
    allow(
        dead_code,
        unused_imports,
        reason = "elsewhere only the fallback main runs"
    )
)]
use std::hint::black_box;
#[cfg(unix)]
use std::os::unix::process::ExitStatusExt;
use std::process::Command;

// varies: 'deep' \(\d+\)
// ANCHOR: main
/// Never returns normally: every call needs another frame.
fn recurse(depth: u64) -> u64 {
    let frame = [depth; 8];
    black_box(&frame);
    if depth == u64::MAX {
        return 0;
    }
    recurse(depth + 1) + frame[1]
}

// ANCHOR_END: main
#[cfg(unix)]
// ANCHOR: main
fn main() {
    if std::env::args().nth(1).as_deref() == Some("child") {
        // A thread with a small stack (64 KiB) reaches its end quickly.
        let deep = std::thread::Builder::new()
            .name("deep".to_owned())
            .stack_size(64 * 1024)
            .spawn(|| recurse(0))
            .unwrap();
        let _ = deep.join();
        unreachable!("the overflow ends the whole process");
    }

    // Run a second copy of this program and let that one overflow.
    let child = Command::new(std::env::current_exe().unwrap())
        .arg("child")
        .output()
        .unwrap();
    println!("the child wrote to stderr:");
    let stderr = String::from_utf8_lossy(&child.stderr);
    for line in stderr.lines().filter(|line| !line.is_empty()) {
        println!("    {line}");
    }
    println!("exit code: {:?}", child.status.code());
    println!("killed by signal: {:?}", child.status.signal());
    // ANCHOR_END: main

    if cfg!(target_os = "linux") {
        assert_eq!(child.status.signal(), Some(6)); // SIGABRT
    }
}

#[cfg(not(unix))]
fn main() {
    eprintln!("This listing reads a child's signal with std::os::unix: Unix only.");
}
