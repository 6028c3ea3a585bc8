use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Waker};

async fn borrows_its_own_local() -> u8 {
    let buf = [7_u8; 64];
    let first = &buf[0];
    std::future::ready(()).await;
    *first
}

fn main() {
    let mut future = borrows_its_own_local();
    let mut cx = Context::from_waker(Waker::noop());
    // `Pin::new` is for types that are `Unpin`, which may move even after a poll.
    let _ = Pin::new(&mut future).poll(&mut cx);
    let moved = future; // ...which is exactly what this line would do
    drop(moved);
}
