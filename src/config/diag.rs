//! Diagnostics of a YAML file: every error collected (each entry in error set aside and the
//! file read on), rendered with file:line:column, the line, a caret and "did you mean".

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use super::spans;
use crate::error::{ConfigError, Error};

pub(crate) struct Diag {
    pub(crate) line: usize,
    pub(crate) col: usize,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

/// What reading a YAML text found: the value (when it could be read), every diagnostic, and
/// where a wrongly typed value was replaced by a placeholder of the right type.
pub(crate) struct Read<T> {
    pub(crate) value: Option<T>,
    pub(crate) diags: Vec<Diag>,
    placeholders: BTreeSet<usize>,
    /// The lines of each section (mapping) that holds a placeholder.
    sections: Vec<(usize, usize)>,
}

impl<T> Read<T> {
    /// Whether a check of the value read concerns a section that holds a placeholder: its
    /// checks compare the placeholder with its neighbours ("`first_year` (2018) must not be
    /// after `last_year` (0)"), which is not news; the wrong type is reported already.
    pub(crate) fn about_placeholder(&self, d: &Diag) -> bool {
        self.placeholders.contains(&d.line)
            || self
                .sections
                .iter()
                .any(|(first, last)| (*first..=*last).contains(&d.line))
    }
}

/// Deserialize `text`, collecting every error: each unknown key is reported at the parser's
/// position and its entry set aside (blanked, so that nothing else moves); a value of the wrong
/// type is replaced by a placeholder of the type expected (`0`, `[]`, `{}`, `""`, `false`), so
/// that a required key stays present and the checks after deserialization still run; the text
/// is read again, until it reads or an error cannot be set aside.
pub(crate) fn deserialize_all<T: serde::de::DeserializeOwned>(
    text: &str,
    spans: &spans::Spans,
) -> Read<T> {
    let mut read = Read {
        value: None,
        diags: Vec::new(),
        placeholders: BTreeSet::new(),
        sections: Vec::new(),
    };
    let mut work = text.to_string();
    for _ in 0..64 {
        match yaml_serde::from_str::<T>(&work) {
            Ok(v) => {
                read.value = Some(v);
                return read;
            }
            Err(e) => {
                let (line, col) = e
                    .location()
                    .map(|l| (l.line(), l.column()))
                    .unwrap_or((0, 0));
                let message = strip_location(&e.to_string());
                // Once entries were set aside, a missing field or broken text is their
                // consequence (a misspelt required key), not news.
                let consequence =
                    message.contains("missing field") || message.contains("did not find expected");
                if consequence && !read.diags.is_empty() {
                    return read;
                }
                let help = suggestion(&message);
                let fill = placeholder(&message);
                read.diags.push(Diag {
                    line,
                    col,
                    message,
                    help,
                });
                if consequence {
                    return read;
                }
                let filled = fill.and_then(|fill| {
                    let (path, range) = spans.value_entry(text, line, col)?;
                    (fill.chars().count() <= range.1 - range.0)
                        .then(|| (path, spans::fill(&work, range, fill)))
                });
                let next = match filled {
                    Some((path, n)) => {
                        read.placeholders.insert(line);
                        // The mapping that holds the value (`params` for `params.last_year`,
                        // `sources[1]` for `sources[1].path`); a top-level key is its own.
                        let section = path.rsplit_once('.').map_or(path, |(parent, _)| parent);
                        read.sections.extend(spans.lines_of(text, section));
                        Some(n)
                    }
                    None => spans
                        .entry_at(text, line, col)
                        .map(|range| spans::blank(&work, range)),
                };
                match next {
                    Some(n) if n != work => work = n,
                    _ => return read,
                }
            }
        }
    }
    read
}

/// A value of the type serde's "invalid type: …, expected …" message asks for.
fn placeholder(message: &str) -> Option<&'static str> {
    // "params.top_n_table: invalid type: string \"ten\", expected i64"
    let expected = message
        .split_once("invalid type: ")?
        .1
        .rsplit_once(", expected ")?
        .1;
    let numeric = [
        "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize", "f32", "f64",
    ];
    if numeric.contains(&expected) || expected.contains("number") || expected.contains("integer") {
        Some("0")
    } else if expected.contains("sequence") {
        Some("[]")
    } else if expected.contains("map") || expected.starts_with("struct") {
        Some("{}")
    } else if expected.contains("string") {
        Some("\"\"")
    } else if expected.contains("bool") {
        Some("false")
    } else {
        None
    }
}

pub(crate) fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// "did you mean" for serde's "unknown field `x`, expected one of `a`, `b`" and
/// "unknown variant" messages.
pub(crate) fn suggestion(message: &str) -> Option<String> {
    let rest = message
        .split_once("unknown field `")
        .or_else(|| message.split_once("unknown variant `"))
        .map(|(_, r)| r)?;
    let (got, tail) = rest.split_once('`')?;
    let expected: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
    did_you_mean(got, &expected)
}

pub(crate) fn did_you_mean(got: &str, candidates: &[&str]) -> Option<String> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(got, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

/// The error for `diags` (at least one) found in the file at `path` holding `text`.
pub(crate) fn diagnostics(path: &Path, text: &str, diags: &[Diag]) -> Error {
    Error::Config(ConfigError::Diagnostics {
        file: path.to_path_buf(),
        count: diags.len(),
        rendered: render(path, text, diags),
    })
}

fn render(path: &Path, text: &str, diags: &[Diag]) -> String {
    let mut out = String::new();
    for (i, d) in diags.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "error: {}", d.message);
        if d.line == 0 {
            let _ = writeln!(out, "  --> {}", path.display());
        } else {
            let _ = writeln!(out, "  --> {}:{}:{}", path.display(), d.line, d.col);
            if let Some(src) = text.lines().nth(d.line - 1) {
                let num = d.line.to_string();
                let pad = " ".repeat(num.len());
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{num} | {src}");
                let _ = writeln!(out, "{pad} | {}^", " ".repeat(d.col.saturating_sub(1)));
            }
        }
        if let Some(h) = &d.help {
            let _ = writeln!(out, "  = help: {h}");
        }
    }
    if diags.len() > 1 {
        let _ = writeln!(out, "{} errors in {}", diags.len(), path.display());
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_closest_key() {
        let m = "unknown field `sourcse`, expected one of `name`, `title`, `sources`, `population`";
        assert_eq!(suggestion(m).as_deref(), Some("did you mean `sources`?"));
        assert_eq!(suggestion("unknown field `zzz`, expected `name`"), None);
    }
}

#[cfg(test)]
mod placeholder_tests {
    use super::placeholder;

    #[test]
    fn a_placeholder_of_the_type_expected() {
        let m = |e: &str| format!("params.x: invalid type: string \"a, expected b\", expected {e}");
        assert_eq!(placeholder(&m("i64")), Some("0"));
        assert_eq!(placeholder(&m("f64")), Some("0"));
        assert_eq!(placeholder(&m("a sequence")), Some("[]"));
        assert_eq!(placeholder(&m("struct Params")), Some("{}"));
        assert_eq!(placeholder(&m("a string")), Some("\"\""));
        assert_eq!(placeholder(&m("a boolean")), Some("false"));
        assert_eq!(placeholder("unknown field `x`, expected `y`"), None);
    }
}
