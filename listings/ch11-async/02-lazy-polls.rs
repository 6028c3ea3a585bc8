// Sizes of pointers, handles and futures hold for 64-bit targets:
// per-platform: [0-9]+[ -]bytes?\b
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

// ANCHOR: main
/// Wraps a future and reports every poll it receives.
struct Traced<F> {
    inner: F,
    polls: u32,
}

impl<F: Future + Unpin> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.polls += 1;
        let n = self.polls;
        let result = Pin::new(&mut self.inner).poll(cx);
        let state = if result.is_ready() {
            "Ready"
        } else {
            "Pending"
        };
        println!("poll #{n} -> {state}");
        result
    }
}

async fn greet(name: &str) -> usize {
    println!("  body: hello, {name}");
    yield_now().await;
    println!("  body: resumed after .await");
    name.len()
}

fn main() {
    let future = greet("async");
    let size = size_of_val(&future);
    println!("greet() returned a {size}-byte future; its body has not run");

    let traced = Traced {
        inner: pin!(future),
        polls: 0,
    };
    let len = block_on(traced);
    println!("block_on returned {len}");
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(size, 40);
    }
}
// ANCHOR_END: main
