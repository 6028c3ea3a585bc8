// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
use std::future::ready;

// ANCHOR: main
async fn holds_1_kib() -> u8 {
    let buf = [1_u8; 1024];
    ready(()).await; // `buf` is alive across this `.await`
    buf[0]
}

fn main() {
    let sizes = [
        ("String", size_of::<String>()),
        ("Vec<u64>", size_of::<Vec<u64>>()),
        ("Box<[u8]>", size_of::<Box<[u8]>>()),
        ("Option<Box<u8>>", size_of::<Option<Box<u8>>>()),
        ("holds_1_kib()", size_of_val(&holds_1_kib())),
    ];
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("{build} build:");
    for (name, size) in sizes {
        println!("  {name:<16} {size:>4} bytes");
    }
    // ANCHOR_END: main
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        // The same numbers in both builds.
        assert_eq!(sizes.map(|(_, size)| size), [24, 24, 16, 8, 1026]);
    }
}
