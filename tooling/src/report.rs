//! What a run prints after libtest's summary, off the reference platform: the checks that were
//! skipped here and why, and the "your machine vs the book" table of `// per-platform:` values
//! that differ. Trials record into a [`Report`] as they run, from any thread.

use crate::outputs::Difference;
use std::sync::Mutex;

#[derive(Default)]
pub struct Report {
    skipped: Mutex<Vec<(String, String)>>,
    differences: Mutex<Vec<(String, Difference)>>,
}

impl Report {
    pub fn skipped(&self, what: &str, why: &str) {
        self.skipped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((what.to_owned(), why.to_owned()));
    }

    pub fn differs(&self, what: &str, d: Difference) {
        self.differences
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((what.to_owned(), d));
    }

    /// The text printed at the end of a run (empty when there is nothing to say).
    pub fn render(&self, platform: &crate::platform::Platform) -> String {
        let mut skipped = self
            .skipped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let mut differences = self
            .differences
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if platform.is_reference() && skipped.is_empty() && differences.is_empty() {
            return String::new();
        }
        skipped.sort();
        differences.sort_by(|a, b| (&a.1.snapshot, &a.1.book).cmp(&(&b.1.snapshot, &b.1.book)));
        let mut out = String::new();
        if !platform.is_reference() {
            out.push_str(&format!(
                "\nThis machine is not the book's reference platform (x86_64-linux-gnu, rustc {}): \
                 it is {}.\nEverything that does not depend on the platform was checked strictly.\n",
                platform.pinned_rustc,
                platform.describe()
            ));
        }
        if !skipped.is_empty() {
            out.push_str(&format!(
                "\nNot run on this machine ({}):\n\n",
                skipped.len()
            ));
            out.push_str("| check | why |\n| --- | --- |\n");
            for (what, why) in &skipped {
                out.push_str(&format!("| {what} | {why} |\n"));
            }
        }
        if !platform.is_reference() {
            out.push_str(
                "\nYour machine vs the book (values a listing marks `// per-platform:`):\n\n",
            );
            if differences.is_empty() {
                out.push_str("(none differ)\n");
            } else {
                out.push_str("| listing | the book's value | yours |\n| --- | --- | --- |\n");
                for (what, d) in &differences {
                    out.push_str(&format!("| {what} | `{}` | `{}` |\n", d.book, d.here));
                }
            }
        }
        out
    }
}
