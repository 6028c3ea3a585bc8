/// Holds a reference and reads it when dropped.
struct Loud<'a>(&'a String);

impl Drop for Loud<'_> {
    fn drop(&mut self) {
        println!("dropping Loud({})", self.0);
    }
}

fn main() {
    let loud;
    let day = String::from("Monday");
    loud = Loud(&day);
    println!("{}", loud.0);
}
