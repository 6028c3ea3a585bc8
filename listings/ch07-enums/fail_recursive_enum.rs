enum List {
    Cons(u32, List),
    Nil,
}

fn main() {}
