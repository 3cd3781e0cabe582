//! Diagnostics of a YAML file: every error collected (each entry in error set aside and the
//! file read on), rendered with file:line:column, the line, a caret and "did you mean".

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

/// Deserialize `text`, collecting every error: each unknown key, wrong type or bad value is
/// reported at the parser's position, its entry set aside (blanked, so that nothing else
/// moves), and the text read again, until it reads or an error cannot be set aside.
pub(crate) fn deserialize_all<T: serde::de::DeserializeOwned>(
    text: &str,
    spans: &spans::Spans,
) -> (Option<T>, Vec<Diag>) {
    let mut diags = Vec::new();
    let mut work = text.to_string();
    for _ in 0..64 {
        match yaml_serde::from_str::<T>(&work) {
            Ok(v) => return (Some(v), diags),
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
                if consequence && !diags.is_empty() {
                    return (None, diags);
                }
                let help = suggestion(&message);
                diags.push(Diag {
                    line,
                    col,
                    message,
                    help,
                });
                if consequence {
                    return (None, diags);
                }
                let next = spans
                    .entry_at(text, line, col)
                    .map(|range| spans::blank(&work, range));
                match next {
                    Some(n) if n != work => work = n,
                    _ => return (None, diags),
                }
            }
        }
    }
    (None, diags)
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
