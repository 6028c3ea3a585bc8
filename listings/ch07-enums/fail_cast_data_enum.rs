enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

fn main() {
    let value = Data::Number(7);
    println!("{}", value as i32);
}
