//! What memory costs in time, measured with divan (and its allocation profiler, which counts
//! every allocation, reallocation and free a benchmark makes).
//!
//! `cargo bench -p book-benches` runs them all; `cargo bench -p book-benches -- rc_vs_arc` runs
//! one group. `bash scripts/run-benches.sh` runs every group and saves the tables the chapters
//! include (`benches/results/`).
//!
//! Every benchmarked closure does its whole job, free included (values are dropped inside it),
//! and passes its inputs and results through `black_box` so the optimizer cannot skip the work.

use divan::{AllocProfiler, Bencher, black_box};
use std::rc::Rc;
use std::sync::Arc;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

/// A value on the stack against the same value in a `Box` (one allocation and one free).
mod box_vs_stack {
    use super::*;

    #[divan::bench]
    fn stack_u64() -> u64 {
        black_box(black_box(42u64) + 1)
    }

    #[divan::bench]
    fn box_u64() -> u64 {
        let b = black_box(Box::new(black_box(42u64)));
        *b + 1
    }

    #[divan::bench]
    fn stack_1kib() -> u8 {
        let a = black_box([black_box(7u8); 1024]);
        a[1023]
    }

    #[divan::bench]
    fn box_1kib() -> u8 {
        let b = black_box(Box::new([black_box(7u8); 1024]));
        b[1023]
    }
}

const LENS: &[usize] = &[16, 1024, 65536];

/// Pushing `n` `u64`s: letting the `Vec` grow, against reserving the room first.
mod vec_growth {
    use super::*;

    #[divan::bench(args = LENS)]
    fn push_from_new(n: usize) -> usize {
        let mut v = Vec::new();
        for i in 0..n {
            v.push(black_box(i as u64));
        }
        black_box(&v).len()
    }

    #[divan::bench(args = LENS)]
    fn push_with_capacity(n: usize) -> usize {
        let mut v = Vec::with_capacity(n);
        for i in 0..n {
            v.push(black_box(i as u64));
        }
        black_box(&v).len()
    }
}

/// One clone and one drop of a handle: a plain increment and decrement (`Rc`) against atomic
/// ones (`Arc`), on one thread.
mod rc_vs_arc {
    use super::*;

    #[divan::bench]
    fn rc_clone_drop(bencher: Bencher) {
        let rc = Rc::new(42u64);
        bencher.bench_local(|| drop(black_box(Rc::clone(black_box(&rc)))));
    }

    #[divan::bench]
    fn arc_clone_drop(bencher: Bencher) {
        let arc = Arc::new(42u64);
        bencher.bench_local(|| drop(black_box(Arc::clone(black_box(&arc)))));
    }
}

/// `Arc` clone and drop on 1 and 2 threads at once: every thread on the same `Arc` (its count is
/// one cache line that the cores pass back and forth), against each thread on an `Arc` of its
/// own.
mod arc_contention {
    use super::*;

    #[divan::bench(threads = [1, 2])]
    fn shared_arc(bencher: Bencher) {
        let arc = Arc::new(42u64);
        bencher.bench(|| drop(black_box(Arc::clone(black_box(&arc)))));
    }

    #[divan::bench(threads = [1, 2])]
    fn own_arc(bencher: Bencher) {
        // A fresh `Arc` for every clone, made (and freed) outside the timed part.
        bencher
            .with_inputs(|| Arc::new(42u64))
            .bench_refs(|arc| drop(black_box(Arc::clone(black_box(arc)))));
    }
}

const PIECES: &[usize] = &[4, 64, 1024];

/// Building a `String` from `n` five-byte pieces: letting it grow, against reserving the room.
mod string_building {
    use super::*;

    #[divan::bench(args = PIECES)]
    fn push_str_from_new(n: usize) -> usize {
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(black_box("word "));
        }
        black_box(&s).len()
    }

    #[divan::bench(args = PIECES)]
    fn push_str_with_capacity(n: usize) -> usize {
        let mut s = String::with_capacity(n * 5);
        for _ in 0..n {
            s.push_str(black_box("word "));
        }
        black_box(&s).len()
    }
}
