// per-platform: \b\d+ lines\b
use std::mem::{align_of, offset_of, size_of};

// ANCHOR: main
/// One particle, all its fields together: an array of these is an "array of structs".
#[derive(Clone, Copy)]
#[allow(
    dead_code,
    reason = "the loop reads one field; the others are what it skips"
)]
struct Particle {
    position: [f32; 3],
    velocity: [f32; 3],
    mass: f32,
    id: u32,
    alive: bool,
}

/// The same fields, each in a vector of its own: a "struct of arrays".
#[allow(
    dead_code,
    reason = "the loop reads one field; the others are what it skips"
)]
struct Particles {
    positions: Vec<[f32; 3]>,
    velocities: Vec<[f32; 3]>,
    masses: Vec<f32>,
    ids: Vec<u32>,
    alive: Vec<bool>,
}

/// How many 64-byte lines hold at least one of these 4-byte values.
fn lines(addresses: impl Iterator<Item = usize>) -> usize {
    let mut lines: Vec<usize> = addresses.flat_map(|a| [a / 64, (a + 3) / 64]).collect();
    lines.sort_unstable();
    lines.dedup();
    lines.len()
}

fn main() {
    let one = |i: usize| Particle {
        position: [i as f32; 3],
        velocity: [0.0; 3],
        mass: 1.0,
        id: i as u32,
        alive: true,
    };
    let structs: Vec<Particle> = (0..1024).map(one).collect();
    let arrays = Particles {
        positions: structs.iter().map(|p| p.position).collect(),
        velocities: structs.iter().map(|p| p.velocity).collect(),
        masses: structs.iter().map(|p| p.mass).collect(),
        ids: structs.iter().map(|p| p.id).collect(),
        alive: structs.iter().map(|p| p.alive).collect(),
    };
    println!(
        "Particle: {} bytes, align {}, mass at offset {}",
        size_of::<Particle>(),
        align_of::<Particle>(),
        offset_of!(Particle, mass)
    );
    let total: f32 = structs.iter().map(|p| p.mass).sum();
    let aos = lines(structs.iter().map(|p| &p.mass as *const f32 as usize));
    let soa = lines(arrays.masses.iter().map(|m| m as *const f32 as usize));
    println!("sum of 1,024 masses: {total}");
    println!("  array of structs: the masses are in {aos} lines");
    println!("  struct of arrays: the masses are in {soa} lines");
    // ANCHOR_END: main
    assert_eq!(size_of::<Particle>(), 36);
    assert_eq!(arrays.masses.iter().sum::<f32>(), total);
}
