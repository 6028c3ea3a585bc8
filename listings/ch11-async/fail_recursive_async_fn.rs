async fn countdown(n: u32) -> u32 {
    if n == 0 {
        0
    } else {
        countdown(n - 1).await + 1 // a future that contains itself
    }
}

fn main() {
    let _future = countdown(3);
}
