// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
// Where the compiler puts each buffer inside the future is its choice:
// per-platform: at byte [0-9]+
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

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The address of the future being polled (set by `main` before it polls).
static FUTURE_AT: AtomicUsize = AtomicUsize::new(0);

/// Prints where `local`, a buffer kept across an `.await`, sits inside the future.
fn slot(name: &str, local: &[u8; 1024]) {
    let offset = local.as_ptr().addr() - FUTURE_AT.load(Relaxed);
    println!("  {name}: {} bytes at byte {offset}", local.len());
}

/// Pins `future` here, records its address, and runs it.
fn run_measured<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    FUTURE_AT.store((&raw const *future).addr(), Relaxed);
    block_on(future.as_mut())
}

// ANCHOR: main
/// Two 1 KiB buffers, each alive across a different `.await`.
async fn one_after_the_other() -> u8 {
    let first = {
        let a = [1_u8; 1024];
        slot("a", &a);
        yield_now().await; // only `a` is alive here
        a[0]
    };
    let b = [2_u8; 1024];
    slot("b", &b);
    yield_now().await; // only `b` (and the byte `first`) are alive here
    first + b[0]
}

/// The same two buffers, both alive across the same `.await`.
async fn both_at_once() -> u8 {
    let a = [1_u8; 1024];
    let b = [2_u8; 1024];
    slot("a", &a);
    slot("b", &b);
    yield_now().await; // `a` and `b` are both alive here
    a[0] + b[0]
}

fn main() {
    let sequential = size_of_val(&one_after_the_other());
    let together = size_of_val(&both_at_once());
    println!("one_after_the_other(): {sequential} bytes");
    println!("both_at_once():        {together} bytes");
    // ANCHOR_END: main
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!((sequential, together), (1027, 2050));
    }
    println!("inside one_after_the_other():");
    let first = run_measured(one_after_the_other());
    println!("inside both_at_once():");
    let second = run_measured(both_at_once());
    println!("outputs: {:?}", (first, second));
}
