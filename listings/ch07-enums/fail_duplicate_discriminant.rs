enum HttpStatus {
    Ok = 200,
    Created = 201,
    Accepted = 200,
}

fn main() {
    println!("{}", HttpStatus::Created as u16);
}
