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
async fn inner() -> u8 {
    let buf = [1_u8; 1024];
    yield_now().await;
    buf[0]
}

async fn awaits_inner() -> u8 {
    inner().await // the awaited future lives inside this one
}

async fn awaits_twice() -> u8 {
    inner().await + inner().await // one at a time: they share a slot
}

/// An `async fn` argument that is used after an `.await`...
async fn takes_buf(buf: [u8; 1024]) -> u8 {
    yield_now().await;
    buf[0]
}

/// ...and the same body as an `async move` block that captures it.
#[allow(
    clippy::manual_async_fn,
    reason = "as an `async fn` it would store `buf` twice"
)]
fn takes_buf_block(buf: [u8; 1024]) -> impl Future<Output = u8> {
    async move {
        yield_now().await;
        buf[0]
    }
}

fn main() {
    let sizes = [
        ("inner()", size_of_val(&inner())),
        ("awaits_inner()", size_of_val(&awaits_inner())),
        ("awaits_twice()", size_of_val(&awaits_twice())),
        ("takes_buf(..)", size_of_val(&takes_buf([0; 1024]))),
        (
            "takes_buf_block(..)",
            size_of_val(&takes_buf_block([0; 1024])),
        ),
    ];
    for (name, size) in sizes {
        println!("{name:>20}: {size:>4} bytes");
    }
    // ANCHOR_END: main
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(sizes.map(|(_, size)| size), [1026, 1027, 1028, 2050, 1026]);
    }
    let total = block_on(awaits_inner())
        + block_on(awaits_twice())
        + block_on(takes_buf([1; 1024]))
        + block_on(takes_buf_block([1; 1024]));
    println!("the sum of their outputs is {total}");
}
