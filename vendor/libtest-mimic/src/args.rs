/// Command line arguments.
///
/// This type represents everything the user can specify via CLI args. The main
/// method is [`from_args`][Arguments::from_args] which reads the global
/// `std::env::args()` and parses them into this type.
///
/// `libtest-mimic` supports a subset of all args/flags supported by the
/// official test harness. There are also some other minor CLI differences, but
/// the main use cases should work exactly like with the built-in harness.
#[derive(Debug, Clone, Default)]
pub struct Arguments {
    // ============== FLAGS ===================================================
    /// Run ignored and non-ignored tests.
    pub include_ignored: bool,

    /// Run only ignored tests.
    pub ignored: bool,

    /// Run tests, but not benchmarks.
    pub test: bool,

    /// Run benchmarks, but not tests.
    pub bench: bool,

    /// Only list all tests and benchmarks.
    pub list: bool,

    /// No-op, ignored (libtest-mimic always runs in no-capture mode)
    pub nocapture: bool,

    /// No-op, ignored. libtest-mimic does not currently capture stdout.
    pub show_output: bool,

    /// No-op, ignored. Flag only exists for CLI compatibility with libtest.
    pub unstable_flags: Option<UnstableFlags>,

    /// If set, filters are matched exactly rather than by substring.
    pub exact: bool,

    /// If set, display only one character per test instead of one line.
    /// Especially useful for huge test suites.
    ///
    /// This is an alias for `--format=terse`. If this is set, `format` is
    /// `None`.
    pub quiet: bool,

    // ============== OPTIONS =================================================
    /// Number of threads used for parallel testing.
    pub test_threads: Option<usize>,

    /// Path of the logfile. If specified, everything will be written into the
    /// file instead of stdout.
    pub logfile: Option<String>,

    /// A list of filters. Tests whose names contain parts of any of these
    /// filters are skipped.
    pub skip: Vec<String>,

    /// Specifies whether or not to color the output.
    pub color: Option<ColorSetting>,

    /// Specifies the format of the output.
    pub format: Option<FormatSetting>,

    // ============== POSITIONAL VALUES =======================================
    /// Filter string. Only tests which contain this string are run.
    pub filter: Option<String>,
}

// PATCH(no-clap): upstream derives this parser with clap. The arguments libtest takes are few,
// and clap (with its derive macro) was a tenth of the book's cold `cargo test` build, so they
// are parsed by hand below, with libtest's spellings (`--opt value` and `--opt=value`), its help
// text and its exit codes (0 after `--help`, 2 after a wrong argument).
const HELP: &str = "\
USAGE: [OPTIONS] [FILTER]

Arguments:
  [FILTER]  The FILTER string is tested against the name of all tests, and only those tests
            whose names contain the filter are run.

Options:
      --include-ignored      Run ignored tests
      --ignored              Run ignored tests
      --test                 Run tests and not benchmarks
      --bench                Run benchmarks instead of tests
      --list                 List all tests and benchmarks
      --nocapture            No-op (libtest-mimic always runs in no-capture mode)
      --show-output          No-op
  -Z <UNSTABLE_FLAGS>        No-op [possible values: unstable-options]
      --exact                Exactly match filters rather than by substring
  -q, --quiet                Display one character per test instead of one line. Alias to --format=terse
      --test-threads <N>     Number of threads used for running tests in parallel. If set to 1,
                             all tests are run in the main thread.
      --logfile <PATH>       Write logs to the specified file instead of stdout
      --skip <FILTER>        Skip tests whose names contain FILTER (this flag can be used multiple times)
      --color <auto|always|never>
                             Configure coloring of output:
                             - auto = colorize if stdout is a tty and tests are run on serially (default)
                             - always = always colorize output
                             - never = never colorize output
      --format <pretty|terse|json>
                             Configure formatting of output:
                             - pretty = Print verbose output
                             - terse = Display one character per test
                             - json = Print json events
  -h, --help                 Print help


By default, all tests are run in parallel. This can be altered with the
--test-threads flag when running tests (set it to 1).
";

impl Arguments {
    /// Parses the global CLI arguments given to the application.
    ///
    /// If the parsing fails (due to incorrect CLI args), an error is shown and
    /// the application exits. If help is requested (`-h` or `--help`), a help
    /// message is shown and the application exits, too.
    pub fn from_args() -> Self {
        Self::from_iter(std::env::args_os())
    }

    /// Like `from_args()`, but operates on an explicit iterator and not the
    /// global arguments. Note that the first element is the executable name!
    pub fn from_iter<I>(iter: I) -> Self
    where
        Self: Sized,
        I: IntoIterator,
        I::Item: Into<std::ffi::OsString> + Clone,
    {
        let args: Vec<String> = iter
            .into_iter()
            .skip(1)
            .map(|a| a.into().to_string_lossy().into_owned())
            .collect();
        match Self::parse(&args) {
            Ok(Some(parsed)) => parsed,
            Ok(None) => {
                print!("{HELP}");
                std::process::exit(0)
            }
            Err(e) => {
                eprintln!("error: {e}\n\nUSAGE: [OPTIONS] [FILTER]\n\nFor more information, try '--help'.");
                std::process::exit(2)
            }
        }
    }

    /// The arguments (without the executable name), or `None` when help was asked for.
    fn parse(args: &[String]) -> Result<Option<Self>, String> {
        let mut out = Arguments::default();
        let mut rest = args.iter();
        let mut only_positional = false;
        while let Some(arg) = rest.next() {
            if only_positional || !arg.starts_with('-') || arg == "-" {
                if out.filter.is_some() {
                    return Err(format!(
                        "unexpected argument '{arg}' found (one FILTER at most)"
                    ));
                }
                out.filter = Some(arg.clone());
                continue;
            }
            if arg == "--" {
                only_positional = true;
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
                _ => (arg.as_str(), None),
            };
            // `-Zvalue` and `-Z value`, as rustc's test harness takes them.
            let (name, inline) = match name.strip_prefix("-Z") {
                Some(value) if !value.is_empty() => ("-Z", Some(value.to_owned())),
                _ => (name, inline),
            };
            let mut value = |what: &str| -> Result<String, String> {
                match &inline {
                    Some(v) => Ok(v.clone()),
                    None => rest.next().cloned().ok_or_else(|| {
                        format!("a value is required for '{name} {what}' but none was supplied")
                    }),
                }
            };
            let flag = |set: &mut bool| -> Result<(), String> {
                if inline.is_some() {
                    return Err(format!("unexpected value for '{name}': it is a flag"));
                }
                *set = true;
                Ok(())
            };
            match name {
                "-h" | "--help" => return Ok(None),
                "--include-ignored" => flag(&mut out.include_ignored)?,
                "--ignored" => flag(&mut out.ignored)?,
                "--test" => flag(&mut out.test)?,
                "--bench" => flag(&mut out.bench)?,
                "--list" => flag(&mut out.list)?,
                "--nocapture" => flag(&mut out.nocapture)?,
                "--show-output" => flag(&mut out.show_output)?,
                "--exact" => flag(&mut out.exact)?,
                "-q" | "--quiet" => flag(&mut out.quiet)?,
                "-Z" => match value("<UNSTABLE_FLAGS>")?.as_str() {
                    "unstable-options" => out.unstable_flags = Some(UnstableFlags::UnstableOptions),
                    other => return Err(format!("invalid value '{other}' for '-Z <UNSTABLE_FLAGS>' [possible values: unstable-options]")),
                },
                "--test-threads" => {
                    let v = value("<TEST_THREADS>")?;
                    let n = v.parse().map_err(|_| format!("invalid value '{v}' for '--test-threads <TEST_THREADS>': not a number"))?;
                    out.test_threads = Some(n);
                }
                "--logfile" => out.logfile = Some(value("<PATH>")?),
                "--skip" => out.skip.push(value("<FILTER>")?),
                "--color" => {
                    out.color = Some(match value("<auto|always|never>")?.as_str() {
                        "auto" => ColorSetting::Auto,
                        "always" => ColorSetting::Always,
                        "never" => ColorSetting::Never,
                        other => return Err(format!("invalid value '{other}' for '--color <auto|always|never>'")),
                    })
                }
                "--format" => {
                    out.format = Some(match value("<pretty|terse|json>")?.as_str() {
                        "pretty" => FormatSetting::Pretty,
                        "terse" => FormatSetting::Terse,
                        "json" => FormatSetting::Json,
                        other => return Err(format!("invalid value '{other}' for '--format <pretty|terse|json>'")),
                    })
                }
                other => return Err(format!("unexpected argument '{other}' found")),
            }
        }
        if out.test && out.bench {
            return Err("the argument '--test' cannot be used with '--bench'".into());
        }
        if out.quiet && out.format.is_some() {
            return Err("the argument '--quiet' cannot be used with '--format'".into());
        }
        Ok(Some(out))
    }
}

/// Possible values for the `--color` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorSetting {
    /// Colorize output if stdout is a tty and tests are run on serially
    /// (default).
    Auto,

    /// Always colorize output.
    Always,

    /// Never colorize output.
    Never,
}

impl Default for ColorSetting {
    fn default() -> Self {
        ColorSetting::Auto
    }
}

/// Possible values for the `-Z` option
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnstableFlags {
    UnstableOptions,
}

/// Possible values for the `--format` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatSetting {
    /// One line per test. Output for humans. (default)
    Pretty,

    /// One character per test. Usefull for test suites with many tests.
    Terse,

    /// Json output
    Json,
}

impl Default for FormatSetting {
    fn default() -> Self {
        FormatSetting::Pretty
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Arguments>, String> {
        Arguments::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn libtest_spellings() {
        let a = parse(&[
            "-q",
            "--skip",
            "x",
            "--skip=y",
            "--test-threads=1",
            "ch03",
            "--exact",
        ])
        .unwrap()
        .unwrap();
        assert!(a.quiet && a.exact);
        assert_eq!(a.skip, ["x", "y"]);
        assert_eq!(a.test_threads, Some(1));
        assert_eq!(a.filter.as_deref(), Some("ch03"));
        let a = parse(&[
            "--format",
            "json",
            "-Zunstable-options",
            "--list",
            "--ignored",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(a.format, Some(FormatSetting::Json));
        assert_eq!(a.unstable_flags, Some(UnstableFlags::UnstableOptions));
        assert!(a.list && a.ignored);
        assert_eq!(
            parse(&["--", "--odd-name"])
                .unwrap()
                .unwrap()
                .filter
                .as_deref(),
            Some("--odd-name")
        );
        assert!(parse(&["--help"]).unwrap().is_none());
    }

    #[test]
    fn wrong_arguments_are_errors() {
        for bad in [
            &["--frobnicate"][..],
            &["a", "b"],
            &["--test-threads"],
            &["--test-threads", "two"],
            &["--color", "blue"],
            &["--quiet", "--format", "json"],
            &["--test", "--bench"],
            &["--list=yes"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
