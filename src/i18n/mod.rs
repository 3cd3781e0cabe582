//! The catalogues: every word the document writes, one Fluent file set per language
//! (`<report folder>/locales/<language>/*.ftl`), in the format translators' tools read, with
//! the plural forms of each language and a context comment on every message.
//!
//! A message's numbers are typed values ([`Arg`]): the catalogue says what each one is through a
//! function of its own (`NUM`, `RATE`, `PERCENT`, …, in `functions.rs`), which prints it by the
//! language's rules (`format::style`), and selects on it through `NUMBER($n)` (plural
//! categories, or an exact `[0]`). The logic that decides which sentence is said stays in the
//! templates and the code; a sentence's words live in the catalogue.

mod functions;
mod lint;
pub mod pseudo;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::error::{Error, Result};
use crate::format::style::Rules;

pub use functions::{Arg, Cell};

/// The folder of a report's catalogues, under its report folder.
pub const LOCALES: &str = "locales";

/// One language's catalogue: its messages, with the functions that print numbers by the
/// language's rules.
pub struct Catalogue {
    tag: String,
    bundle: FluentBundle<FluentResource>,
    /// Every file read, with its text (for positions in messages about it).
    files: Vec<(PathBuf, String)>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue").field("tag", &self.tag).finish()
    }
}

/// A message's arguments, by name.
pub type Args<'a> = FluentArgs<'a>;

impl Catalogue {
    /// The catalogue of language `tag` in `report_dir/locales/<tag>/`: every `.ftl` file there,
    /// in name order. A file that does not parse, a message defined twice or a language without
    /// writing rules is an error naming the file and line.
    pub fn load(report_dir: &Path, tag: &str) -> Result<Catalogue> {
        let dir = report_dir.join(LOCALES).join(tag);
        let rules = Rules::of(tag).ok_or_else(|| Error::Report {
            file: dir.clone(),
            message: format!(
                "no writing rules for the language {tag:?} (the languages with rules: {})",
                crate::format::style::ALL.map(|r| r.tag).join(", ")
            ),
        })?;
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| Error::Report {
                file: dir.clone(),
                message: format!("the catalogue of {tag:?} cannot be read: {e}"),
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        paths.sort();
        let mut files = Vec::new();
        for p in paths {
            let text = std::fs::read_to_string(&p).map_err(|e| Error::Report {
                file: p.clone(),
                message: format!("cannot be read: {e}"),
            })?;
            files.push((p, text));
        }
        Catalogue::from_sources(tag, rules, files)
    }

    /// A catalogue of the given files' texts (tests, the pseudo-language).
    pub fn from_sources(
        tag: &str,
        rules: &'static Rules,
        files: Vec<(PathBuf, String)>,
    ) -> Result<Catalogue> {
        let langid: unic_langid::LanguageIdentifier = tag.parse().map_err(|_| Error::Report {
            file: PathBuf::from(LOCALES).join(tag),
            message: format!("{tag:?} is not a language tag"),
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // The document is typeset by the document's writers: no bidi isolation marks
        // (U+2068/U+2069) around every value.
        bundle.set_use_isolating(false);
        functions::register(&mut bundle, rules);
        let mut errors = Vec::new();
        for (path, text) in &files {
            let resource = match FluentResource::try_new(text.clone()) {
                Ok(r) => r,
                Err((_, errs)) => {
                    for e in errs {
                        let (line, col) = position(text, e.pos.start);
                        errors.push(Error::Report {
                            file: path.clone(),
                            message: format!("line {line}, column {col}: {}", e.kind),
                        });
                    }
                    continue;
                }
            };
            if let Err(errs) = bundle.add_resource(resource) {
                for e in errs {
                    errors.push(Error::Report {
                        file: path.clone(),
                        message: format!("{e}"),
                    });
                }
            }
        }
        Error::all(errors)?;
        Ok(Catalogue {
            tag: tag.to_string(),
            bundle,
            files,
        })
    }

    /// Whether every file of the catalogue says in its header that it was reviewed (a line
    /// `### Reviewed: yes`); a translation that does not is provisional.
    pub fn reviewed(&self) -> bool {
        self.files.iter().all(|(_, text)| {
            text.lines()
                .take_while(|l| l.starts_with('#') || l.trim().is_empty())
                .any(|l| {
                    l.trim_start_matches('#')
                        .trim()
                        .strip_prefix("Reviewed:")
                        .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("yes"))
                })
        })
    }

    /// The language tag.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Whether the catalogue has message `id` (with attribute `attr`).
    pub fn has(&self, id: &str, attr: Option<&str>) -> bool {
        self.bundle.get_message(id).is_some_and(|m| match attr {
            None => m.value().is_some(),
            Some(a) => m.get_attribute(a).is_some(),
        })
    }

    /// Whether the catalogue defines message `id` (with a value, attributes or both).
    pub fn defines(&self, id: &str) -> bool {
        self.bundle.get_message(id).is_some()
    }

    /// The attributes of message `id` named `prefix-1`, `prefix-2`, … in order (a figure's
    /// notes: `.note-1`, `.note-2`), as keys `id.prefix-N`.
    pub fn numbered(&self, id: &str, prefix: &str) -> Vec<String> {
        let Some(m) = self.bundle.get_message(id) else {
            return Vec::new();
        };
        (1..)
            .map(|i| format!("{prefix}-{i}"))
            .take_while(|a| m.get_attribute(a).is_some())
            .map(|a| format!("{id}.{a}"))
            .collect()
    }

    /// Message `key` (`id` or `id.attribute`) with `args`. A missing message, an unknown
    /// variable or a value a function cannot print is an error naming the catalogue.
    pub fn format(&self, key: &str, args: Option<&Args>) -> Result<String> {
        let (id, attr) = match key.split_once('.') {
            Some((i, a)) => (i, Some(a)),
            None => (key, None),
        };
        let message = self
            .bundle
            .get_message(id)
            .ok_or_else(|| self.missing(key))?;
        let pattern = match attr {
            None => message.value(),
            Some(a) => message.get_attribute(a).map(|a| a.value()),
        }
        .ok_or_else(|| self.missing(key))?;
        let mut bare = Vec::new();
        lint::bare_selectors(pattern, &mut bare);
        for var in bare {
            if let Some(FluentValue::Custom(_)) = args.and_then(|a| a.get(var.as_str())) {
                return Err(self.error(
                    key,
                    &format!(
                        "chooses on the number ${var} bare: write {{ NUMBER(${var}) -> … }} \
                         (plural categories and [0] match a NUMBER)"
                    ),
                ));
            }
        }
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if let Some(e) = errors.first() {
            return Err(self.error(key, &format!("{e}")));
        }
        if let Some(problem) = functions::problem(&text) {
            return Err(self.error(key, problem));
        }
        Ok(match text {
            Cow::Borrowed(s) => s.to_string(),
            Cow::Owned(s) => s,
        })
    }

    fn missing(&self, key: &str) -> Error {
        self.error(
            key,
            "no such message (every language's catalogue needs every message: add it)",
        )
    }

    fn error(&self, key: &str, what: &str) -> Error {
        let file = self
            .files
            .iter()
            .find(|(_, text)| defines(text, key.split('.').next().unwrap_or(key)))
            .or(self.files.first())
            .map(|(p, _)| p.clone())
            .unwrap_or_else(|| PathBuf::from(LOCALES).join(&self.tag));
        Error::Report {
            file,
            message: format!("message {key}: {what}"),
        }
    }

    /// Every message id the catalogue defines, in file order.
    pub fn ids(&self) -> Vec<String> {
        self.files
            .iter()
            .flat_map(|(_, text)| lint::message_ids(text))
            .collect()
    }

    /// The messages its messages refer to.
    pub fn references(&self) -> Vec<String> {
        self.files
            .iter()
            .flat_map(|(_, text)| lint::references(text))
            .collect()
    }

    /// The file and line where message `id` is defined.
    pub fn locate(&self, id: &str) -> Option<(PathBuf, usize)> {
        self.files
            .iter()
            .find(|(_, text)| defines(text, id))
            .map(|(p, text)| (p.clone(), lint::line_of(text, id)))
    }

    /// The catalogue's own problems, all at once: a message without a context comment.
    pub fn lint(&self) -> Result<()> {
        Error::all(
            self.files
                .iter()
                .flat_map(|(p, text)| lint::problems(text).into_iter().map(move |m| (p, m)))
                .map(|(p, message)| Error::Report {
                    file: p.clone(),
                    message,
                })
                .collect(),
        )
    }
}

/// Whether `text` (a catalogue file) defines message `id`.
fn defines(text: &str, id: &str) -> bool {
    text.lines().any(|l| {
        l.strip_prefix(id)
            .is_some_and(|r| r.trim_start().starts_with('='))
    })
}

/// (line, column) from 1 of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A string argument.
pub fn text<'a>(s: impl Into<Cow<'a, str>>) -> FluentValue<'a> {
    FluentValue::String(s.into())
}

#[cfg(test)]
mod tests;
