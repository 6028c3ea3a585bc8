/// Holds a reference and reads it when dropped.
struct Loud<'a>(&'a String);

impl Drop for Loud<'_> {
    fn drop(&mut self) {
        println!("dropping Loud({})", self.0);
    }
}

fn main() {
    let mut louds: Vec<Loud> = Vec::new();
    let day = String::from("Monday");
    louds.push(Loud(&day));
    println!("{}", louds.len());
}
