// BEGIN shared: counting-allocator
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// A global allocator that counts every call, then hands it to the system allocator.
struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static DEALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        // Forwarded, not left to the default (`alloc` + zeroing): calloc can hand out pages
        // the kernel already zeroed, without touching them.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        DEALLOCS.fetch_add(1, Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size.saturating_sub(layout.size()), Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The counters at one moment. `heap()` reads them; `since` subtracts two readings.
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(dead_code, reason = "not every listing reads every counter")]
struct Heap {
    allocs: usize,
    deallocs: usize,
    reallocs: usize,
    bytes: usize,
}

fn heap() -> Heap {
    Heap {
        allocs: ALLOCS.load(Relaxed),
        deallocs: DEALLOCS.load(Relaxed),
        reallocs: REALLOCS.load(Relaxed),
        bytes: BYTES.load(Relaxed),
    }
}

#[allow(dead_code, reason = "not every listing compares two readings")]
impl Heap {
    fn since(self, earlier: Heap) -> Heap {
        Heap {
            allocs: self.allocs - earlier.allocs,
            deallocs: self.deallocs - earlier.deallocs,
            reallocs: self.reallocs - earlier.reallocs,
            bytes: self.bytes - earlier.bytes,
        }
    }
}
// END shared: counting-allocator

use std::mem::size_of;

// ANCHOR: main
trait Shape {
    fn area(&self) -> f64;
}

struct Circle {
    radius: f64,
}

struct Rect {
    width: f64,
    height: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.radius * self.radius
    }
}

impl Shape for Rect {
    fn area(&self) -> f64 {
        self.width * self.height
    }
}

/// A closed set of shapes, as in chapter 7: no pointer, no vtable, a tag.
enum AnyShape {
    Circle(Circle),
    Rect(Rect),
}

impl Shape for AnyShape {
    fn area(&self) -> f64 {
        match self {
            AnyShape::Circle(c) => c.area(),
            AnyShape::Rect(r) => r.area(),
        }
    }
}

/// Monomorphised: the compiler writes one copy per type `S` it is used with.
fn total_generic<S: Shape>(shapes: &[S]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

/// Dynamic dispatch: one copy; each call to `area` goes through the vtable.
fn total_dyn(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn circle(radius: f64) -> Circle {
    Circle { radius }
}

fn rect(width: f64, height: f64) -> Rect {
    Rect { width, height }
}

fn main() {
    let mark = heap();
    let circles: Vec<Circle> = (1..=4).map(|r| circle(r as f64)).collect();
    let circles_cost = heap().since(mark);

    let mark = heap();
    let tagged: Vec<AnyShape> = vec![
        AnyShape::Circle(circle(1.0)),
        AnyShape::Rect(rect(2.0, 3.0)),
        AnyShape::Circle(circle(2.0)),
        AnyShape::Rect(rect(1.0, 1.0)),
    ];
    let tagged_cost = heap().since(mark);

    let mark = heap();
    let boxed: Vec<Box<dyn Shape>> = vec![
        Box::new(circle(1.0)),
        Box::new(rect(2.0, 3.0)),
        Box::new(circle(2.0)),
        Box::new(rect(1.0, 1.0)),
    ];
    let boxed_cost = heap().since(mark);

    // Print only after measuring: the first `println!` allocates stdout's buffer.
    println!("4 shapes in a               allocations bytes element");
    let rows = [
        (
            "Vec<Circle> (circles only)",
            circles_cost,
            size_of::<Circle>(),
        ),
        ("Vec<AnyShape>", tagged_cost, size_of::<AnyShape>()),
        (
            "Vec<Box<dyn Shape>>",
            boxed_cost,
            size_of::<Box<dyn Shape>>(),
        ),
    ];
    for (what, cost, element) in rows {
        println!(
            "{what:<27} {:>11} {:>5} {element:>7}",
            cost.allocs, cost.bytes
        );
    }
    let areas = [
        total_generic(&circles),
        total_generic(&tagged),
        total_dyn(&boxed),
    ];
    println!("total areas: {areas:?}");

    let for_circles = total_generic::<Circle> as fn(&[Circle]) -> f64;
    let for_any = total_generic::<AnyShape> as fn(&[AnyShape]) -> f64;
    let two = for_circles as usize != for_any as usize;
    println!("total_generic::<Circle> and ::<AnyShape> are two functions: {two}");

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!((size_of::<Circle>(), size_of::<Rect>()), (8, 16));
        assert_eq!((circles_cost.allocs, circles_cost.bytes), (1, 4 * 8));
        assert_eq!((tagged_cost.allocs, tagged_cost.bytes), (1, 4 * 24));
        // The Vec's buffer of four 16-byte boxes, then 8 + 16 + 8 + 16 bytes.
        assert_eq!((boxed_cost.allocs, boxed_cost.bytes), (5, 4 * 16 + 48));
    }
}
// ANCHOR_END: main
