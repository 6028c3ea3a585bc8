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
async fn no_locals() {
    yield_now().await;
}

async fn holds_16_bytes() -> u8 {
    let buf = [1_u8; 16];
    yield_now().await; // `buf` is used after this point: the future stores it
    buf[0]
}

async fn holds_1_kib() -> u8 {
    let buf = [1_u8; 1024];
    yield_now().await;
    buf[0]
}

async fn holds_4_kib() -> u8 {
    let buf = [1_u8; 4096];
    yield_now().await;
    buf[0]
}

async fn uses_4_kib_before_await() -> u8 {
    let buf = [1_u8; 4096];
    let first = buf[0]; // last use of `buf`: it dies before the `.await`
    yield_now().await;
    first
}

async fn string_used_before_await() -> u8 {
    let text = String::from("hello");
    let len = text.len() as u8; // last use of `text`, but it is dropped at the end
    yield_now().await;
    len
}

async fn vec_used_before_await() -> u8 {
    let numbers = vec![1_u8; 4096];
    let first = numbers[0]; // last use of `numbers`, but it is dropped at the end
    yield_now().await;
    first
}

static LOCK: std::sync::Mutex<u8> = std::sync::Mutex::new(7);

#[allow(
    clippy::await_holding_lock,
    reason = "the lint warns about exactly what this function measures"
)]
async fn guard_used_before_await() -> u8 {
    let guard = LOCK.lock().unwrap();
    let value = *guard; // last use of `guard`, but it unlocks only at the end
    yield_now().await;
    value
}

async fn string_dropped_before_await() -> u8 {
    let len = {
        let text = String::from("hello");
        text.len() as u8
    }; // `text` is dropped here, before the `.await`
    yield_now().await;
    len
}

fn main() {
    let sizes = [
        ("yield_now", size_of_val(&yield_now())),
        ("no_locals", size_of_val(&no_locals())),
        ("holds_16_bytes", size_of_val(&holds_16_bytes())),
        ("holds_1_kib", size_of_val(&holds_1_kib())),
        ("holds_4_kib", size_of_val(&holds_4_kib())),
        (
            "uses_4_kib_before_await",
            size_of_val(&uses_4_kib_before_await()),
        ),
        (
            "string_used_before_await",
            size_of_val(&string_used_before_await()),
        ),
        (
            "vec_used_before_await",
            size_of_val(&vec_used_before_await()),
        ),
        (
            "guard_used_before_await",
            size_of_val(&guard_used_before_await()),
        ),
        (
            "string_dropped_before_await",
            size_of_val(&string_dropped_before_await()),
        ),
    ];
    for (name, size) in sizes {
        println!("{name:>27}(): {size:>4} bytes");
    }
    // ANCHOR_END: main
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        let expected = [1, 2, 18, 1026, 4098, 3, 32, 32, 24, 3];
        assert_eq!(sizes.map(|(_, size)| size), expected);
    }
    // Run them too: every one of them is a working future.
    block_on(no_locals());
    let total = block_on(holds_16_bytes())
        + block_on(holds_1_kib())
        + block_on(holds_4_kib())
        + block_on(uses_4_kib_before_await())
        + block_on(string_used_before_await())
        + block_on(vec_used_before_await())
        + block_on(guard_used_before_await())
        + block_on(string_dropped_before_await());
    println!("all of them ran; the sum of their outputs is {total}");
}
