//! Expands every chapter the way mdBook does and hands the result to skeptic, which turns each
//! Rust block into a test (see tests/blocks.rs). The logic lives in the `book-tooling` crate.
fn main() {
    let chapters = book_tooling::book::write_expanded_chapters();
    skeptic::generate_doc_tests(&chapters);
}
