/// Holds a reference; has no `Drop` impl of its own.
struct Quiet<'a>(&'a String);

/// Holds a reference and prints when dropped.
struct Loud<'a>(&'a str);

impl Drop for Loud<'_> {
    fn drop(&mut self) {
        println!("dropping Loud({})", self.0);
    }
}

fn main() {
    // ANCHOR: main
    // Locals are dropped in reverse order of declaration: the last one first.
    let _first = Loud("first");
    let _second = Loud("second");

    // `names` is declared before `day`, so `day` is dropped first, while `names`
    // still holds a reference to it. Drop check accepts this: dropping a Vec<&String>
    // drops the references, and a reference's drop does nothing.
    let mut names: Vec<&String> = Vec::new();
    #[allow(clippy::needless_late_init, reason = "the drop order")]
    let quiet;
    let day = String::from("Monday");
    names.push(&day);
    quiet = Quiet(&day);
    println!("names = {names:?}, quiet holds {}", quiet.0);
    // ANCHOR_END: main
}
