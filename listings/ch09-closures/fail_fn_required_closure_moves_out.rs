fn call_twice<F: Fn()>(f: F) {
    f();
    f();
}

fn main() {
    let message = String::from("bye");
    let say_bye = move || drop(message);
    call_twice(say_bye);
}
