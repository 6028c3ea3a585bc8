//! Chapter 15's workloads (`alloc_workloads.rs`) under jemalloc (the `tikv-jemallocator` crate,
//! which builds jemalloc's C sources with `make`: the slowest build of the benches).

// ANCHOR: global
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
// ANCHOR_END: global

#[path = "alloc_workloads.rs"]
mod workloads;

workloads::benches!(jemalloc, jemalloc_boxed, jemalloc_arena);

fn main() {
    workloads::run("jemalloc");
}
