//! Diagnostics of a YAML file: every error collected (each entry in error set aside and the
//! file read on), rendered with file:line:column, the line, a caret and "did you mean".

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use super::spans;
use crate::error::{ConfigError, Error};

/// One problem at a place in a YAML file (line 0: the file as a whole).
pub struct Diag {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub help: Option<String>,
}

impl Diag {
    /// A problem with the value at `path` (`figures[2].query`), where the parser saw it.
    pub fn at(spans: &spans::Spans, path: &str, message: String) -> Diag {
        let (line, col) = spans.at(path);
        Diag {
            line,
            col,
            message,
            help: None,
        }
    }

    /// With a hint.
    pub fn help(mut self, help: Option<String>) -> Diag {
        self.help = help;
        self
    }
}

/// Read the YAML file at `path` into `T`, then check it with `check` (given the value and the
/// positions of its nodes); every diagnostic of both, rendered in one error, or the value.
/// Checks of a section that held a wrongly typed value are dropped (they would be about the
/// placeholder).
pub fn read<T: serde::de::DeserializeOwned>(
    path: &Path,
    check: impl FnOnce(&T, &spans::Spans) -> Vec<Diag>,
) -> Result<T, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        what: "file",
        path: path.to_path_buf(),
        source,
    })?;
    let spans = spans::Spans::index(&text);
    let mut read = deserialize_all::<T>(&text, &spans);
    let mut diags = std::mem::take(&mut read.diags);
    if let Some(value) = &read.value {
        diags.extend(
            check(value, &spans)
                .into_iter()
                .filter(|d| !read.about_placeholder(d)),
        );
    }
    diags.dedup_by(|a, b| a.line == b.line && a.col == b.col && a.message == b.message);
    match read.value {
        Some(value) if diags.is_empty() => Ok(value),
        _ => Err(diagnostics(path, &text, &diags)),
    }
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
                let renamed = rename(text, &work, spans, &message, line, col);
                read.diags.push(Diag {
                    line,
                    col,
                    message,
                    help,
                });
                if consequence {
                    return read;
                }
                if let Some(n) = renamed {
                    work = n;
                    continue;
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

/// `work` with a misspelt key (serde's "unknown field `sourcse`") spelt as the key it nearly
/// is (`sources`), when that key is not there already and its name fits in the typo's place, so
/// that the section is read, and checked, as meant; `None` otherwise.
fn rename(
    text: &str,
    work: &str,
    spans: &spans::Spans,
    message: &str,
    line: usize,
    col: usize,
) -> Option<String> {
    let rest = message.split_once("unknown field `")?.1;
    let (got, tail) = rest.split_once('`')?;
    let expected: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
    let meant = expected
        .iter()
        .map(|c| (strsim::jaro_winkler(got, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))?
        .1;
    let (path, _) = spans.value_entry(text, line, col)?;
    let sibling = match path.rsplit_once('.') {
        Some((parent, _)) => format!("{parent}.{meant}"),
        None => meant.to_string(),
    };
    if spans.at(&sibling) != (0, 0) || meant.chars().count() > got.chars().count() {
        return None;
    }
    let (start, _) = spans.entry_at(text, line, col)?;
    let chars: Vec<char> = work.chars().collect();
    let typo: String = chars
        .get(start..start + got.chars().count())?
        .iter()
        .collect();
    if typo != got {
        return None;
    }
    let end = start + got.chars().count();
    Some(spans::fill(work, (start, end), meant))
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

pub fn did_you_mean(got: &str, candidates: &[&str]) -> Option<String> {
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
