//! What memory costs in time, measured with divan (and its allocation profiler, which counts
//! every allocation, reallocation and free a benchmark makes).
//!
//! `cargo bench -p book-benches` runs them all; `cargo bench -p book-benches -- rc_vs_arc` runs
//! one group. `bash benches/run.sh` runs every group and saves the tables the chapters
//! include (`benches/results/`).
//!
//! Every benchmarked closure does its whole job, free included (values are dropped inside it),
//! and passes its inputs and results through `black_box` so the optimizer cannot skip the work.

use divan::{AllocProfiler, Bencher, black_box};
use std::collections::LinkedList;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

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

/// Summing `n` `u64`s stored four ways: side by side in a `Vec`, each in a `Box` of its own
/// (allocated in order, so the boxes sit close together), the same boxes visited in a shuffled
/// order (as in a long-running program, whose heap blocks end up anywhere), and in a
/// `LinkedList`. The values are built outside the timed part.
mod pointer_chasing {
    use super::*;

    const SIZES: &[usize] = &[1_000, 1_000_000];

    /// A fixed pseudo-random permutation of `0..n` (a small linear congruential generator, so
    /// every run shuffles the same way).
    fn shuffled(n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for i in (1..n).rev() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        order
    }

    #[divan::bench(args = SIZES)]
    fn vec(bencher: Bencher, n: usize) {
        let v: Vec<u64> = (0..n as u64).collect();
        bencher.bench_local(|| black_box(&v).iter().sum::<u64>());
    }

    #[divan::bench(args = SIZES)]
    fn boxes(bencher: Bencher, n: usize) {
        let v: Vec<Box<u64>> = (0..n as u64).map(Box::new).collect();
        bencher.bench_local(|| black_box(&v).iter().map(|b| **b).sum::<u64>());
    }

    #[divan::bench(args = SIZES)]
    fn boxes_shuffled(bencher: Bencher, n: usize) {
        let mut boxes: Vec<Option<Box<u64>>> = (0..n as u64).map(|i| Some(Box::new(i))).collect();
        let v: Vec<Box<u64>> = shuffled(n)
            .into_iter()
            .map(|i| boxes[i].take().unwrap())
            .collect();
        bencher.bench_local(|| black_box(&v).iter().map(|b| **b).sum::<u64>());
    }

    #[divan::bench(args = SIZES)]
    fn linked_list(bencher: Bencher, n: usize) {
        let list: LinkedList<u64> = (0..n as u64).collect();
        bencher.bench_local(|| black_box(&list).iter().sum::<u64>());
    }
}

/// Summing one field of `n` particles: stored as an array of structs (each particle's fields
/// together, 36 bytes apart) against a struct of arrays (each field in a `Vec` of its own).
mod aos_vs_soa {
    use super::*;

    const SIZES: &[usize] = &[1_000, 1_000_000];

    #[derive(Clone, Copy)]
    #[allow(
        dead_code,
        reason = "only `mass` is read: the other fields are what the loop skips"
    )]
    struct Particle {
        position: [f32; 3],
        velocity: [f32; 3],
        mass: f32,
        id: u32,
        alive: bool,
    }

    struct Particles {
        positions: Vec<[f32; 3]>,
        velocities: Vec<[f32; 3]>,
        masses: Vec<f32>,
        ids: Vec<u32>,
        alive: Vec<bool>,
    }

    fn particle(i: usize) -> Particle {
        let f = i as f32;
        Particle {
            position: [f, f, f],
            velocity: [1.0, 0.0, 0.0],
            mass: (i % 7) as f32,
            id: i as u32,
            alive: true,
        }
    }

    #[divan::bench(args = SIZES)]
    fn array_of_structs(bencher: Bencher, n: usize) {
        let all: Vec<Particle> = (0..n).map(particle).collect();
        bencher.bench_local(|| black_box(&all).iter().map(|p| p.mass).sum::<f32>());
    }

    #[divan::bench(args = SIZES)]
    fn struct_of_arrays(bencher: Bencher, n: usize) {
        let all = Particles {
            positions: (0..n).map(|i| particle(i).position).collect(),
            velocities: (0..n).map(|i| particle(i).velocity).collect(),
            masses: (0..n).map(|i| particle(i).mass).collect(),
            ids: (0..n).map(|i| particle(i).id).collect(),
            alive: (0..n).map(|i| particle(i).alive).collect(),
        };
        black_box((&all.positions, &all.velocities, &all.ids, &all.alive));
        bencher.bench_local(|| black_box(&all).masses.iter().sum::<f32>());
    }
}

/// Two threads, each adding 1 to its own counter a million times. `same_line`: the two counters
/// are neighbours (8 bytes apart, in one 64-byte cache line). `padded`: each counter is
/// `#[repr(align(64))]`, so they are 64 bytes apart, in two lines. `one_thread`: one thread
/// does both counters' additions, as a baseline. Each call starts (and joins) its threads.
mod false_sharing {
    use super::*;
    use std::thread;

    const ADDS: u64 = 1_000_000;

    #[repr(align(64))]
    #[derive(Default)]
    struct Padded(AtomicU64);

    fn count(counter: &AtomicU64) {
        for _ in 0..black_box(ADDS) {
            counter.fetch_add(1, Relaxed);
        }
    }

    #[divan::bench]
    fn same_line(bencher: Bencher) {
        bencher.bench_local(|| {
            let counters = [AtomicU64::new(0), AtomicU64::new(0)];
            thread::scope(|s| {
                s.spawn(|| count(&counters[0]));
                s.spawn(|| count(&counters[1]));
            });
            black_box(&counters);
        });
    }

    #[divan::bench]
    fn padded(bencher: Bencher) {
        bencher.bench_local(|| {
            let counters = [Padded::default(), Padded::default()];
            thread::scope(|s| {
                s.spawn(|| count(&counters[0].0));
                s.spawn(|| count(&counters[1].0));
            });
            black_box(&counters);
        });
    }

    #[divan::bench]
    fn one_thread(bencher: Bencher) {
        bencher.bench_local(|| {
            let counters = [AtomicU64::new(0), AtomicU64::new(0)];
            thread::scope(|s| {
                s.spawn(|| {
                    count(&counters[0]);
                    count(&counters[1]);
                });
            });
            black_box(&counters);
        });
    }
}

/// Collecting `n` `u32`s and summing them: into a `Vec` (one allocation) against a
/// `SmallVec<[u32; 4]>`, which keeps up to 4 elements inline and allocates only beyond.
mod smallvec_short {
    use super::*;
    use smallvec::SmallVec;

    const LENS: &[usize] = &[3, 8];

    #[divan::bench(args = LENS)]
    fn vec(n: usize) -> u32 {
        let v: Vec<u32> = (0..black_box(n) as u32).collect();
        black_box(&v).iter().sum()
    }

    #[divan::bench(args = LENS)]
    fn smallvec(n: usize) -> u32 {
        let v: SmallVec<[u32; 4]> = (0..black_box(n) as u32).collect();
        black_box(&v).iter().sum()
    }
}
