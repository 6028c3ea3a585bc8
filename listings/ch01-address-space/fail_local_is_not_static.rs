static ANSWER: u64 = 42;

fn main() {
    // A static sits in the program's mappings for as long as the process runs.
    let from_static: &'static u64 = &ANSWER;
    // A local sits in main's stack frame, which ends when main returns.
    let local: u64 = 42;
    let from_stack: &'static u64 = &local;
    println!("{from_static} {from_stack}");
}
