use unindent::unindent;

use super::*;

#[test]
fn test_omitted_lines() {
    let lines = unindent(
        r###"
        # use std::collections::BTreeMap as Map;
        #
        #[allow(dead_code)]
        fn main() {
            let map = Map::new();
            #
            # let _ = map;
        }"###,
    );

    let expected = unindent(
        r###"
        use std::collections::BTreeMap as Map;

        #[allow(dead_code)]
        fn main() {
            let map = Map::new();
            
            let _ = map;
        }
        "###,
    );

    // PATCH(as-shown): like mdBook's playground, a hidden line keeps its indentation.
    assert_eq!(create_test_input(&get_lines(lines)), expected);
}

#[test]
fn patch_code_without_main_is_wrapped_like_mdbook() {
    let input = vec![
        "#![allow(dead_code)]\n".to_owned(),
        "let x = 1;\n".to_owned(),
    ];
    assert_eq!(
        create_test_input(&input),
        "#![allow(unused)]\n#![allow(dead_code)]\nfn main() {\nlet x = 1;\n}\n"
    );
}

#[test]
fn patch_double_hash_is_unescaped() {
    let input = vec![
        "fn main() {\n".to_owned(),
        "    ##[derive(Debug)] // shown\n".to_owned(),
        "}\n".to_owned(),
    ];
    assert_eq!(
        create_test_input(&input),
        "fn main() {\n    #[derive(Debug)] // shown\n}\n"
    );
}

#[test]
fn patch_compile_fail_codes_and_editions_are_read() {
    let info = parse_code_block_info("rust,compile_fail,E0382");
    assert!(info.is_rust);
    assert_eq!(info.compile_fail, Some(Some("E0382".to_owned())));
    let info = parse_code_block_info("rust,edition2021");
    assert_eq!(info.edition.as_deref(), Some("2021"));
    assert_eq!(info.compile_fail, None);
}

#[test]
fn patch_markers_name_the_test_and_its_origin() {
    let md = "<!-- block src/ch04-moves.md:12 listings/ch04-moves/01-string-move.rs -->\n```rust\nfn main() {}\n```\n";
    let (tests, _) = extract_tests_from_string(md, "ch04_moves");
    assert_eq!(tests[0].name, "ch04_moves_line_12_01_string_move");
    assert_eq!(
        tests[0].origin,
        "src/ch04-moves.md:12 [listings/ch04-moves/01-string-move.rs]"
    );
}

#[test]
fn test_sanitization_of_testnames() {
    assert_eq!(sanitize_test_name("My_Fun"), "my_fun");
    assert_eq!(sanitize_test_name("__my_fun_"), "my_fun");
    assert_eq!(sanitize_test_name("^$@__my@#_fun#$@"), "my_fun");
    assert_eq!(
        sanitize_test_name("my_long__fun___name___with____a_____lot______of_______spaces",),
        "my_long_fun_name_with_a_lot_of_spaces"
    );
    assert_eq!(sanitize_test_name("Löwe 老虎 Léopard"), "l_we_l_opard");
}

#[test]
fn line_numbers_displayed_are_for_the_beginning_of_each_code_block() {
    let lines = unindent(
        r###"
        Rust code that should panic when running it.

        ```rust,should_panic",/
        fn main() {
            panic!(\"I should panic\");
        }
        ```

        Rust code that should panic when compiling it.

        ```rust,no_run,should_panic",//
        fn add(a: u32, b: u32) -> u32 {
            a + b
        }

        fn main() {
            add(1);
        }
        ```"###,
    );

    let tests =
        extract_tests_from_string(&create_test_input(&get_lines(lines)), &String::from("blah"));

    let test_names: Vec<String> = tests
        .0
        .into_iter()
        .map(get_line_number_from_test_name)
        .collect();

    assert_eq!(test_names, vec!["3", "11"]);
}

#[test]
fn line_numbers_displayed_are_for_the_beginning_of_each_section() {
    let lines = unindent(
        r###"
        ## Test Case  Names   With    weird     spacing       are        generated      without        error.

        ```rust", /
        struct Person<'a>(&'a str);
        fn main() {
          let _ = Person(\"bors\");
        }
        ```

        ## !@#$ Test Cases )(() with {}[] non alphanumeric characters ^$23 characters are \"`#`\" generated correctly @#$@#$  22.

        ```rust", //
        struct Person<'a>(&'a str);
        fn main() {
          let _ = Person(\"bors\");
        }
        ```

        ## Test cases with non ASCII ö_老虎_é characters are generated correctly.

        ```rust",//
        struct Person<'a>(&'a str);
        fn main() {
          let _ = Person(\"bors\");
        }
        ```"###,
    );

    let tests =
        extract_tests_from_string(&create_test_input(&get_lines(lines)), &String::from("blah"));

    let test_names: Vec<String> = tests
        .0
        .into_iter()
        .map(get_line_number_from_test_name)
        .collect();

    assert_eq!(test_names, vec!["3", "12", "21"]);
}

#[test]
fn old_template_is_returned_for_old_skeptic_template_format() {
    let lines = unindent(
        r###"
        ```rust,skeptic-template
        ```rust,ignore
        use std::path::PathBuf;

        fn main() {{
            {}
        }}
        ```
        ```
        "###,
    );
    let expected = unindent(
        r###"
        ```rust,ignore
        use std::path::PathBuf;

        fn main() {{
            {}
        }}
        "###,
    );
    let tests =
        extract_tests_from_string(&create_test_input(&get_lines(lines)), &String::from("blah"));
    assert_eq!(tests.1, Some(expected));
}

#[test]
fn old_template_is_not_returned_if_old_skeptic_template_is_not_specified() {
    let lines = unindent(
        r###"
        ```rust", /
        struct Person<'a>(&'a str);
        fn main() {
          let _ = Person(\"bors\");
        }
        ```
        "###,
    );
    let tests =
        extract_tests_from_string(&create_test_input(&get_lines(lines)), &String::from("blah"));
    assert_eq!(tests.1, None);
}

// Cache validation tests

#[test]
fn patch_judge_knows_what_each_expectation_needs() {
    let ok = |compiled, compiler, exit| Outcome {
        compiled,
        compiler,
        exit,
    };
    assert_eq!(judge(&Expect::Run, &ok(true, "", Some(0))), Ok(()));
    assert!(judge(&Expect::Run, &ok(true, "", Some(3)))
        .unwrap_err()
        .contains("failed when run"));
    assert!(judge(&Expect::Run, &ok(false, "", None))
        .unwrap_err()
        .contains("does not compile"));
    assert_eq!(judge(&Expect::Compile, &ok(true, "", None)), Ok(()));
    assert_eq!(judge(&Expect::Panic, &ok(true, "", Some(101))), Ok(()));
    assert!(judge(&Expect::Panic, &ok(false, "", None))
        .unwrap_err()
        .contains("must compile"));
    assert!(judge(&Expect::Panic, &ok(true, "", Some(0)))
        .unwrap_err()
        .contains("without panicking"));
    let e0382 = "error[E0382]: borrow of moved value";
    let code = |c: &str| Expect::CompileFail(Some(c.to_owned()));
    assert_eq!(judge(&code("E0382"), &ok(false, e0382, None)), Ok(()));
    assert!(judge(&code("E0499"), &ok(false, e0382, None))
        .unwrap_err()
        .contains("not with E0499"));
    assert!(judge(&code("E0382"), &ok(true, "", Some(0)))
        .unwrap_err()
        .contains("compiled"));
}

#[test]
fn patch_blocks_carry_their_listing() {
    let md = "<!-- block src/ch04-moves.md:12 listings/ch04-moves/01-string-move.rs -->\n```rust,should_panic\nfn main() {}\n```\n\n```rust,ignore\nfn main() {}\n```\n";
    let blocks = blocks(md, "ch04-moves");
    assert_eq!(
        blocks[0].listing.as_deref(),
        Some("listings/ch04-moves/01-string-move.rs")
    );
    assert_eq!(blocks[0].expect, Expect::Panic);
    assert_eq!(blocks[1].listing, None);
    assert!(blocks[1].ignore);
}

fn get_line_number_from_test_name(test: Test) -> String {
    String::from(
        test.name
            .split('_')
            .next_back()
            .expect("There were no underscores!"),
    )
}

fn get_lines(lines: String) -> Vec<String> {
    lines
        .split('\n')
        .map(|string_slice| format!("{}\n", string_slice)) //restore line endings since they are removed by split.
        .collect()
}
