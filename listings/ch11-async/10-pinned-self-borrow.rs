// BEGIN shared: block-on
use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

/// Wakes the thread that is waiting in `block_on`.
struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Polls `future` on this thread until it is ready, sleeping while it is pending.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future); // pinned on this stack frame: no heap
    let waker = Waker::from(Arc::new(ThreadWaker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return output,
            Poll::Pending => thread::park(),
        }
    }
}

/// A future that is pending once, then ready: one real suspension point.
struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        cx.waker().wake_by_ref(); // ask to be polled again
        Poll::Pending
    }
}

fn yield_now() -> YieldNow {
    YieldNow { yielded: false }
}
// END shared: block-on

use std::cell::Cell;
use std::mem::size_of_val;

// ANCHOR: main
/// Keeps a reference to its own local across an `.await`, and reports where it points.
async fn borrows_its_own_local(report: &Cell<usize>) -> u8 {
    let buf = [7_u8; 64];
    let first = &buf[0]; // `buf` and `first` both live in the future while it is suspended
    report.set(first as *const u8 as usize);
    yield_now().await;
    *first // read after the future resumes, through the stored reference
}

/// The address range a value occupies.
fn range_of<T>(value: &T) -> std::ops::Range<usize> {
    let start = value as *const T as usize;
    start..start + size_of_val(value)
}

// per-platform: [0-9]+ bytes
fn main() {
    let mut cx = Context::from_waker(Waker::noop());

    // Pinned on the stack with `pin!`: the future cannot be moved again.
    let report = Cell::new(0);
    let mut on_stack = pin!(borrows_its_own_local(&report));
    assert!(on_stack.as_mut().poll(&mut cx).is_pending()); // runs up to the `.await`
    let place = range_of(&*on_stack);
    let first = report.get();
    println!("pin!: future at {:#x}, {} bytes", place.start, place.len());
    println!(
        "      `first` points at {first:#x}, {} bytes into the future",
        first - place.start
    );
    assert!(place.contains(&first));
    assert_eq!(on_stack.as_mut().poll(&mut cx), Poll::Ready(7));

    // Pinned on the heap with `Box::pin`: the handle moves, the future does not.
    let report = Cell::new(0);
    let mut boxed = Box::pin(borrows_its_own_local(&report));
    assert!(boxed.as_mut().poll(&mut cx).is_pending());
    let place = range_of(&*boxed);
    let handle_before = &boxed as *const _ as usize;
    let mut moved = boxed; // moves the 8-byte handle to another stack slot
    let handle_after = &moved as *const _ as usize;
    println!(
        "Box::pin: future at {:#x}, handle moved from {handle_before:#x} to {handle_after:#x}",
        place.start
    );
    println!(
        "      future still at {:#x}; `first` points at {:#x}",
        range_of(&*moved).start,
        report.get()
    );
    assert_eq!(range_of(&*moved), place);
    assert!(place.contains(&report.get()));
    assert_eq!(moved.as_mut().poll(&mut cx), Poll::Ready(7));
    println!("both resumed and read 7 through `first`");
    // ANCHOR_END: main
    assert_eq!(block_on(borrows_its_own_local(&Cell::new(0))), 7); // the usual way
    // What the chapter says is `Unpin` (this compiles only if it is).
    fn is_unpin<T: Unpin>() {}
    is_unpin::<YieldNow>();
    is_unpin::<i32>();
    is_unpin::<String>();
    is_unpin::<Box<std::marker::PhantomPinned>>();
}
