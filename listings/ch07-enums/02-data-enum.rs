use std::mem::{align_of, size_of, size_of_val};

// ANCHOR: main
enum Data {
    Empty,
    Number(i32),
    Array(Vec<i32>),
}

fn main() {
    let values = [
        ("Data::Empty", Data::Empty),
        ("Data::Number(7)", Data::Number(7)),
        ("Data::Array(vec![1, 2, 3])", Data::Array(vec![1, 2, 3])),
    ];
    for (name, value) in &values {
        let payload = match value {
            Data::Empty => 0,
            Data::Number(n) => size_of_val(n),
            Data::Array(v) => size_of_val(v),
        };
        println!(
            "{name:<27} size_of_val = {:>2}, payload = {payload:>2}",
            size_of_val(value)
        );
    }
    println!("size_of::<Data>()         = {}", size_of::<Data>());
    println!("align_of::<Data>()        = {}", align_of::<Data>());
    println!("size_of::<Vec<i32>>()     = {}", size_of::<Vec<i32>>());
    println!("size_of::<Option<Data>>() = {}", size_of::<Option<Data>>());

    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(size_of::<Data>(), 24); // not 32
        assert_eq!(size_of::<Data>(), size_of::<Vec<i32>>()); // no room for a tag
        assert_eq!(size_of::<Option<Data>>(), 24);
    }
}
// ANCHOR_END: main
