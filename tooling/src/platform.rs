//! The book's numbers are for its reference platform: x86_64 Linux with glibc, and the pinned
//! rustc (`rust-toolchain.toml`). On any other machine `cargo test` still checks everything
//! that does not depend on the platform, strictly, and reports the rest instead of failing:
//!
//! - a listing with `// needs: linux: <reason>` (or `linux-gnu`, `x86_64-linux-gnu`) is only
//!   compiled where that does not hold, and reported as skipped with its reason;
//! - text a listing marks with `// per-platform: REGEX` is compared strictly on the reference
//!   platform; elsewhere a difference there is a row of the "your machine vs the book" table;
//! - with another rustc, compiler messages are not compared word for word (each `fail_` listing
//!   must still fail with its error code), since their wording changes between releases.
//!
//! `BOOK_AS_OTHER_PLATFORM=1` makes this machine behave as another platform would (no `needs:`
//! holds, `per-platform:` text is reported, not compared), so that path is tested here too.

use regex::Regex;
use std::sync::OnceLock;

/// Where the harness runs, as far as the book's numbers are concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Platform {
    /// `target_os`, `target_env` and `target_arch` of this machine ("" when simulated away).
    pub os: &'static str,
    pub env: &'static str,
    pub arch: &'static str,
    /// The rustc release running the checks, and the one the snapshots were blessed with.
    pub rustc: String,
    pub pinned_rustc: String,
    /// `BOOK_AS_OTHER_PLATFORM=1`.
    pub simulated: bool,
}

impl Platform {
    /// This machine (and `BOOK_AS_OTHER_PLATFORM`).
    pub fn current() -> &'static Platform {
        static CURRENT: OnceLock<Platform> = OnceLock::new();
        CURRENT.get_or_init(|| {
            let simulated = std::env::var_os("BOOK_AS_OTHER_PLATFORM")
                .is_some_and(|v| !v.is_empty() && v != "0");
            Platform::new(
                simulated,
                crate::runner::rustc_release(),
                &crate::listing::pinned_toolchain(&crate::root()),
            )
        })
    }

    pub fn new(simulated: bool, rustc: &str, pinned_rustc: &str) -> Platform {
        let (os, env, arch) = if simulated {
            ("", "", "")
        } else {
            (
                std::env::consts::OS,
                if cfg!(target_env = "gnu") {
                    "gnu"
                } else if cfg!(target_env = "musl") {
                    "musl"
                } else if cfg!(target_env = "msvc") {
                    "msvc"
                } else {
                    ""
                },
                std::env::consts::ARCH,
            )
        };
        Platform {
            os,
            env,
            arch,
            rustc: rustc.to_owned(),
            pinned_rustc: pinned_rustc.to_owned(),
            simulated,
        }
    }

    /// The machine the snapshots were made on: outputs are compared strictly, whole.
    pub fn is_reference(&self) -> bool {
        self.os == "linux"
            && self.env == "gnu"
            && self.arch == "x86_64"
            && self.rustc == self.pinned_rustc
    }

    /// Whether compiler messages can be compared word for word (the pinned rustc).
    pub fn same_compiler(&self) -> bool {
        self.rustc == self.pinned_rustc
    }

    /// How this machine differs from the reference platform, in a few words.
    pub fn describe(&self) -> String {
        if self.simulated {
            return "another platform (BOOK_AS_OTHER_PLATFORM=1)".to_owned();
        }
        let mut parts = vec![format!("{}-{}", self.arch, self.os)];
        if !self.env.is_empty() {
            parts[0].push('-');
            parts[0].push_str(self.env);
        }
        parts.push(format!("rustc {}", self.rustc));
        parts.join(", ")
    }

    /// Whether a `// needs:` requirement holds here.
    pub fn satisfies(&self, need: &str) -> Result<bool, String> {
        Ok(match need {
            "linux" => self.os == "linux",
            "linux-gnu" => self.os == "linux" && self.env == "gnu",
            "x86_64-linux-gnu" => self.os == "linux" && self.env == "gnu" && self.arch == "x86_64",
            "unix" => matches!(
                self.os,
                "linux" | "macos" | "freebsd" | "openbsd" | "netbsd"
            ),
            other => {
                return Err(format!(
                    "`// needs: {other}` is not a requirement the harness knows \
                     (linux, linux-gnu, x86_64-linux-gnu, unix)"
                ));
            }
        })
    }
}

/// A listing's `// needs: WHAT: reason` lines: (what, reason).
pub fn needs(source: &str) -> Result<Vec<(String, String)>, String> {
    crate::runner::directive_values(source, "needs")
        .into_iter()
        .map(|v| match v.split_once(':') {
            Some((what, why)) if !why.trim().is_empty() => {
                Ok((what.trim().to_owned(), why.trim().to_owned()))
            }
            _ => Err(format!(
                "`// needs: {v}` should say why: `// needs: linux: reads /proc/self/maps`"
            )),
        })
        .collect()
}

/// Why `source` cannot run on `platform` (the first unmet `// needs:`), if it cannot.
pub fn unmet(platform: &Platform, source: &str) -> Result<Option<String>, String> {
    for (what, why) in needs(source)? {
        if !platform.satisfies(&what)? {
            return Ok(Some(format!("needs {what}: {why}")));
        }
    }
    Ok(None)
}

/// A listing's `// per-platform: REGEX` lines, compiled.
pub fn per_platform(source: &str) -> Result<Vec<Regex>, String> {
    crate::runner::directive_values(source, "per-platform")
        .into_iter()
        .map(|p| Regex::new(&p).map_err(|e| format!("bad `// per-platform:` pattern `{p}`: {e}")))
        .collect()
}
