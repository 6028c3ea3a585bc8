//! Chapter 15's workloads (`alloc_workloads.rs`) under the system allocator (glibc's malloc on
//! Linux), set explicitly, as a program that wants it whatever its dependencies do would.

// ANCHOR: global
use std::alloc::System;

#[global_allocator]
static GLOBAL: System = System;
// ANCHOR_END: global

#[path = "alloc_workloads.rs"]
mod workloads;

workloads::benches!(system, system_boxed, system_arena);

fn main() {
    workloads::run("system");
}
