//! Chapter 15's workloads (`alloc_workloads.rs`) under mimalloc (the `mimalloc` crate, which
//! builds Microsoft's C library with `cc`).

// ANCHOR: global
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
// ANCHOR_END: global

#[path = "alloc_workloads.rs"]
mod workloads;

workloads::benches!(mimalloc, mimalloc_boxed, mimalloc_arena);

fn main() {
    workloads::run("mimalloc");
}
