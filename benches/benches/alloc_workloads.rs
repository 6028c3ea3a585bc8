//! Chapter 15's workloads, the same code under three global allocators.
//!
//! A program has one global allocator, so each allocator gets its own bench target
//! (`alloc_system.rs`, `alloc_mimalloc.rs`, `alloc_jemalloc.rs`): each sets its
//! `#[global_allocator]`, includes this file with `#[path]` and calls `benches!` with its name.
//! The functions below are identical in the three binaries; only the allocator differs.
//!
//! Two modes (see `run`):
//! - divan (the default): `cargo bench -p book-benches -- allocators_small` times the workloads
//!   in every target; the benchmark's name is the allocator's (`allocators_small/mimalloc`), so
//!   `benches/spread.py` puts the three side by side.
//! - peak resident memory: `ALLOC_PEAK=small_objects target/release/deps/alloc_system-*` runs one
//!   workload once, at a larger size, in this fresh process, and prints the process's peak
//!   resident set (VmHWM in /proc/self/status) and its minor page faults (/proc/self/stat), Linux
//!   only. `benches/run-allocators.sh` runs it.

use divan::black_box;

// The sizes below are also described in words by benches/allocators.py (change both together).

/// Objects in one call of `small_objects` (timed by divan).
pub const SMALL_N: usize = 10_000;
/// Lengths of the `Vec<u64>` grown from empty by `grow_vec`.
pub const VEC_LENS: &[usize] = &[1_024, 1 << 20];
/// Threads in `threads`, and small objects each one makes.
pub const THREADS: usize = 4;
pub const PER_THREAD: usize = 10_000;
/// Arena workload: requests per call, small objects per request.
pub const REQUESTS: usize = 10;
pub const PER_REQUEST: usize = 1_000;

/// The length of the i-th small object: 1 to 64 bytes, so several size classes are used.
fn len_of(i: usize) -> usize {
    1 + (i * 7) % 64
}

/// Many small objects: `n` strings of 1 to 64 bytes, all alive at once, then every other one
/// freed and as many made again (reusing the freed room), then all freed.
pub fn small_objects(n: usize) -> usize {
    let mut objects: Vec<String> = (0..n).map(|i| "x".repeat(len_of(i))).collect();
    for i in (0..n).step_by(2) {
        objects[i] = "y".repeat(len_of(i + 1));
    }
    black_box(&objects);
    objects.iter().map(String::len).sum()
}

/// A growing `Vec`: `n` `u64`s pushed from `Vec::new()` (about log2(n) reallocations).
pub fn grow_vec(n: usize) -> usize {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(black_box(i as u64));
    }
    black_box(&v);
    v.len()
}

/// Several threads: each makes `per_thread` small objects and hands them back; the calling
/// thread frees them all (a free on another thread than the allocation's).
pub fn threads(threads: usize, per_thread: usize) -> usize {
    let made: Vec<Vec<String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    (0..per_thread)
                        .map(|i| "t".repeat(len_of(i + t)))
                        .collect::<Vec<String>>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    black_box(&made);
    made.iter().flatten().map(String::len).sum()
}

/// The text the short-lived objects copy (64 bytes; object i takes `len_of(i)` of them).
const TEXT: &str = "short-lived objects: each one copies a slice of this text, 64 B.";

/// Short-lived objects, one allocation each: `requests` rounds of `per_request` strings,
/// each round freed when it ends.
pub fn requests_boxed(requests: usize, per_request: usize) -> usize {
    let mut total = 0;
    for r in 0..requests {
        let mut objects = Vec::with_capacity(per_request);
        for i in 0..per_request {
            let mut s = String::with_capacity(len_of(i + r));
            s.push_str(&TEXT[..len_of(i + r)]);
            objects.push(s);
        }
        black_box(&objects);
        total += objects.iter().map(|s| s.len()).sum::<usize>();
    }
    total
}

/// The same rounds, the same code, in a `bumpalo` arena: each round's objects live in the
/// arena, and one `reset` frees them all (the arena keeps its largest chunk for the next round).
pub fn requests_arena(requests: usize, per_request: usize) -> usize {
    use bumpalo::collections::{String, Vec};
    let mut arena = bumpalo::Bump::new();
    let mut total = 0;
    for r in 0..requests {
        {
            let mut objects = Vec::with_capacity_in(per_request, &arena);
            for i in 0..per_request {
                let mut s = String::with_capacity_in(len_of(i + r), &arena);
                s.push_str(&TEXT[..len_of(i + r)]);
                objects.push(s);
            }
            black_box(&objects);
            total += objects.iter().map(|s| s.len()).sum::<usize>();
        }
        arena.reset();
    }
    total
}

/// The benchmarks of one allocator: `benches!(mimalloc, mimalloc_boxed, mimalloc_arena)` names
/// every benchmark after the allocator, in groups that `cargo bench -p book-benches --
/// allocators_` selects (the arena group compares both ways of allocating under each allocator).
macro_rules! benches {
    ($name:ident, $boxed:ident, $arena:ident) => {
        /// Many small objects (`small_objects`).
        mod allocators_small {
            #[divan::bench]
            fn $name() -> usize {
                $crate::workloads::small_objects(divan::black_box($crate::workloads::SMALL_N))
            }
        }

        /// A `Vec<u64>` grown from empty (`grow_vec`), at two lengths.
        mod allocators_vec {
            #[divan::bench(args = $crate::workloads::VEC_LENS)]
            fn $name(n: usize) -> usize {
                $crate::workloads::grow_vec(divan::black_box(n))
            }
        }

        /// Several threads making small objects, freed by another thread (`threads`).
        mod allocators_threads {
            use $crate::workloads::{PER_THREAD, THREADS};

            #[divan::bench]
            fn $name() -> usize {
                $crate::workloads::threads(divan::black_box(THREADS), PER_THREAD)
            }
        }

        /// Short-lived objects, one allocation each or in an arena (`requests_*`).
        mod allocators_arena {
            use $crate::workloads::{PER_REQUEST, REQUESTS};

            #[divan::bench]
            fn $boxed() -> usize {
                $crate::workloads::requests_boxed(divan::black_box(REQUESTS), PER_REQUEST)
            }

            #[divan::bench]
            fn $arena() -> usize {
                $crate::workloads::requests_arena(divan::black_box(REQUESTS), PER_REQUEST)
            }
        }
    };
}
pub(crate) use benches;

/// The sizes of the peak-memory runs: larger than divan's, so the heap dominates the process.
const PEAK_SMALL_N: usize = 1_000_000;
const PEAK_VEC_LEN: usize = 1 << 22;
const PEAK_PER_THREAD: usize = 250_000;

/// `main` of every allocator's target: divan, or one peak-memory run if `ALLOC_PEAK` is set.
pub fn run(allocator: &str) {
    let Ok(workload) = std::env::var("ALLOC_PEAK") else {
        divan::main();
        return;
    };
    let result = match workload.as_str() {
        "baseline" => 0,
        "small_objects" => small_objects(PEAK_SMALL_N),
        "grow_vec" => grow_vec(PEAK_VEC_LEN),
        "threads" => threads(THREADS, PEAK_PER_THREAD),
        // What divan does with `allocators_vec/*/1048576`: the same growth, again and again.
        "grow_vec_x100" => (0..100).map(|_| grow_vec(VEC_LENS[1])).sum(),
        other => panic!(
            "ALLOC_PEAK={other}: baseline, small_objects, grow_vec, threads or grow_vec_x100"
        ),
    };
    black_box(result);
    match (peak_resident_kib(), minor_faults()) {
        (Some(kib), Some(faults)) => println!("{allocator} {workload} {kib} {faults}"),
        _ => println!("{allocator} {workload} unknown (read from /proc/self on Linux only)"),
    }
}

/// The process's minor page faults so far (field 10 of /proc/self/stat): each is a page the
/// kernel mapped on first touch.
fn minor_faults() -> Option<u64> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let after_name = &stat[stat.rfind(')')? + 2..];
    after_name.split_whitespace().nth(7)?.parse().ok()
}

/// The process's peak resident set size so far, in KiB: `VmHWM` in /proc/self/status.
fn peak_resident_kib() -> Option<u64> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
