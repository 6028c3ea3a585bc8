//! The unit tests of `tooling/src/markdown.rs` (here, in the `harness` test target, so that
//! `cargo test` does not compile the whole tooling library a second time for them).

use book_tooling::markdown::*;

#[test]
fn blocks_keep_language_attributes_and_lines() {
    let text = "# T\n\n```rust,compile_fail,E0382\nfn main() {}\n```\n\n```\nplain\n```\n";
    let blocks = code_blocks(text);
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].lang, "rust");
    assert_eq!(blocks[0].attrs, ["compile_fail", "E0382"]);
    assert_eq!(blocks[0].error_code(), Some("E0382"));
    assert_eq!(blocks[0].line, 3);
    assert_eq!(blocks[1].lang, "");
    assert_eq!(blocks[1].line, 7);
}

#[test]
fn indented_blocks_are_found() {
    let blocks = code_blocks("Para.\n\n    let x = 1;\n");
    assert_eq!(blocks.len(), 1);
    assert!(!blocks[0].fenced);
}

#[test]
fn directives_are_parsed_like_mdbook() {
    let ds = directives(
        "{{#include a.rs:main}} {{#rustdoc_include b.rs:2:5}} {{ #playground c.rs editable }} \\{{#include no.rs}}",
    );
    assert_eq!(ds.len(), 3);
    assert_eq!(ds[0].kind, DirectiveKind::Include);
    assert_eq!(ds[0].anchor(), Some("main"));
    assert_eq!(ds[1].selector.as_deref(), Some("2:5"));
    assert_eq!(ds[1].anchor(), None);
    assert_eq!(ds[2].kind, DirectiveKind::Playground);
    assert_eq!(ds[2].path, "c.rs");
}

#[test]
fn markers_survive_a_round_trip_and_attach_to_the_next_block() {
    let raw = "Text\n\n```rust\n{{#include ../listings/x/01-a.rs}}\n```\n";
    let annotated = annotate(raw, "src/c.md", |d| {
        Some(format!("listings/x/{}", d.path.rsplit('/').next().unwrap()))
    });
    let blocks = code_blocks(&annotated);
    assert_eq!(blocks.len(), 1);
    let marker = blocks[0].marker.clone().expect("marker");
    assert_eq!((marker.chapter.as_str(), marker.line), ("src/c.md", 3));
    assert_eq!(marker.listing.as_deref(), Some("listings/x/01-a.rs"));
}

#[test]
fn markers_keep_list_indentation() {
    let raw = "- item\n\n  ```text\n  hi\n  ```\n";
    let annotated = annotate(raw, "src/c.md", |_| None);
    assert!(
        annotated.contains("  <!-- block src/c.md:3 - -->\n  ```text"),
        "{annotated}"
    );
    assert_eq!(code_blocks(&annotated)[0].content, "hi\n");
}
