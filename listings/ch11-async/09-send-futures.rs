use std::rc::Rc;

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
async fn count_scoped() -> usize {
    let count = {
        let shared = Rc::new(5);
        Rc::strong_count(&shared)
    }; // `shared` is dropped here, before the `.await`
    yield_now().await;
    count
}

async fn count_with_arc() -> usize {
    let shared = Arc::new(5);
    yield_now().await; // an `Arc` may be alive across an `.await`: it is `Send`
    Arc::strong_count(&shared)
}

/// Moves a future to another thread and runs it there.
fn run_elsewhere<F>(future: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    thread::spawn(move || block_on(future)).join().unwrap()
}

fn main() {
    println!(
        "count_scoped() on another thread:   {}",
        run_elsewhere(count_scoped())
    );
    println!(
        "count_with_arc() on another thread: {}",
        run_elsewhere(count_with_arc())
    );
    // ANCHOR_END: main
}
