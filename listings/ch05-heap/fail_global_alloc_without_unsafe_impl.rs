use std::alloc::{GlobalAlloc, Layout, System};

struct PassThrough;

impl GlobalAlloc for PassThrough {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: PassThrough = PassThrough;

fn main() {
    println!("{}", Box::new(1));
}
