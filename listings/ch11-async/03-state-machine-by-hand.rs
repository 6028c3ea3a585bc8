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
async fn add_later(a: u32) -> u32 {
    let b = a * 2;
    yield_now().await;
    a + b
}

/// `add_later` written by hand: one variant per state, holding what that state needs.
enum AddLater {
    /// Created, never polled: only the argument.
    Start { a: u32 },
    /// Suspended at the `.await`: what is used after it, and the future being awaited.
    Waiting { a: u32, b: u32, awaited: YieldNow },
    /// Finished: nothing.
    Done,
}

impl Future for AddLater {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        loop {
            match &mut *self {
                AddLater::Start { a } => {
                    let a = *a;
                    let b = a * 2; // the code before the `.await`
                    println!("  Start -> Waiting");
                    *self = AddLater::Waiting {
                        a,
                        b,
                        awaited: yield_now(),
                    };
                }
                AddLater::Waiting { a, b, awaited } => match Pin::new(awaited).poll(cx) {
                    Poll::Pending => {
                        println!("  Waiting: the awaited future is pending");
                        return Poll::Pending;
                    }
                    Poll::Ready(()) => {
                        let output = *a + *b; // the code after the `.await`
                        println!("  Waiting -> Done");
                        *self = AddLater::Done;
                        return Poll::Ready(output);
                    }
                },
                AddLater::Done => panic!("polled after it returned"),
            }
        }
    }
}

fn main() {
    let by_compiler = add_later(1);
    let by_hand = AddLater::Start { a: 1 };
    let (compiler_size, hand_size) = (size_of_val(&by_compiler), size_of_val(&by_hand));
    println!("add_later(1): {compiler_size} bytes");
    println!("AddLater:     {hand_size} bytes");

    println!("polling the hand-written state machine:");
    let from_hand = block_on(by_hand);
    let from_compiler = block_on(by_compiler);
    println!("outputs: {from_hand} (by hand), {from_compiler} (by the compiler)");
    // ANCHOR_END: main
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!((compiler_size, hand_size), (16, 12));
    }
}
