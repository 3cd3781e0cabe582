//! The report's templates: the environments in which `report.yaml`'s texts, the narrative, the
//! Summary and the chapters are rendered, their number and date filters (the document's language
//! rules, through `format`), and the authored files read into the document model.

use std::collections::BTreeMap;
use std::path::Path;

use std::sync::Arc;

use super::document;
use super::spec::ReportSpec;
use super::words::{self, BaseArgs};
use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::format::{self, Count, Language, Role};
use crate::i18n::Catalogue;
use crate::store::table::Value;
use serde::Serialize;

#[derive(Serialize)]
struct ReleaseCtx {
    id: String,
    release: String,
    citation: String,
}

/// The environment of authored text (narrative, Summary, chapters): strict undefined values,
/// the number filters, every value printed by the language's rules ([`printed`]) and masked so
/// that it stays text through the Markdown reading.
fn authored_env(lang: Language, words: &Words) -> minijinja::Environment<'static> {
    let mut env = narrative_env(lang);
    words::add_t(
        &mut env,
        words.catalogue.clone(),
        words.base.clone(),
        Some(document::authored::mask),
        Some(document::authored::mark),
    );
    env.set_formatter(move |out, _state, value| {
        // A message (`t(…)`) is the catalogue's Markdown, its values already made inert.
        if value.is_safe() {
            out.write_str(value.as_str().unwrap_or_default())?;
            return Ok(());
        }
        if let Some(text) = printed(lang, value)? {
            out.write_str(&document::authored::mask(&text))?;
        }
        Ok(())
    });
    env
}

/// The environment of `report.yaml`'s templates: the number filters, `t()`, every value
/// printed by the language's rules ([`printed`]).
fn spec_env(lang: Language, words: &Words) -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    add_filters(&mut env, lang);
    words::add_t(
        &mut env,
        words.catalogue.clone(),
        words.base.clone(),
        None,
        None,
    );
    env.set_formatter(move |out, _state, value| {
        if let Some(text) = printed(lang, value)? {
            out.write_str(&text)?;
        }
        Ok(())
    });
    env
}

/// The environment of a table column's `text` and a figure's `series_text`: that of
/// [`spec_env`], where a value the row does not have (`row.prev_rat`) is an error, not nothing.
fn row_env(lang: Language, words: &Words) -> minijinja::Environment<'static> {
    let mut env = spec_env(lang, words);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env
}

/// The document language's catalogue and the arguments every message has.
#[derive(Clone)]
pub(super) struct Words {
    pub(super) catalogue: Arc<Catalogue>,
    pub(super) base: Arc<BaseArgs>,
    /// The document's own words (masthead, cross-reference nouns, …).
    pub(super) document: Arc<document::DocWords>,
}

impl Words {
    /// The catalogue of the pipeline's document language, in the report folder.
    pub(super) fn new(pipeline: &Pipeline, spec: &ReportSpec) -> Result<Words> {
        let tag = pipeline.document.tag();
        let catalogue = Catalogue::load(&pipeline.report_dir, tag)?;
        let document = document::DocWords::from_catalogue(
            &catalogue,
            tag == pipeline.document.original(),
            pipeline.document.author.as_deref(),
        )?;
        Ok(Words {
            catalogue: Arc::new(catalogue),
            base: Arc::new(words::base_args(
                pipeline,
                &reference_names(&document, spec),
            )),
            document: Arc::new(document),
        })
    }
}

/// The environments and values in which `report.yaml`'s texts are rendered: titles, notes and
/// headers on their own, a column's `text` and a figure's `series_text` over a query row.
pub(super) struct SpecTexts {
    env: minijinja::Environment<'static>,
    row_env: minijinja::Environment<'static>,
    ctx: minijinja::Value,
    file: std::path::PathBuf,
    words: Words,
}

/// Whether a text of `report.yaml` is a template (calling `t()`), not a catalogue key.
fn is_template(s: &str) -> bool {
    s.contains("{{") || s.contains("{%")
}

impl SpecTexts {
    pub(super) fn new(pipeline: &Pipeline, spec: &ReportSpec) -> Result<SpecTexts> {
        let lang = pipeline.document.lang();
        let words = Words::new(pipeline, spec)?;
        Ok(SpecTexts {
            env: spec_env(lang, &words),
            row_env: row_env(lang, &words),
            ctx: minijinja::context! {
                p => &pipeline.params,
                q => &pipeline.quality,
                pipeline => &pipeline.name,
                cite => reference_names(&words.document, spec),
            },
            file: pipeline.report_dir.join("report.yaml"),
            words,
        })
    }

    /// The catalogue and arguments the texts are rendered with (the authored parts take them
    /// too: the catalogue is read once per document).
    pub(super) fn words(&self) -> &Words {
        &self.words
    }

    /// The catalogue of the document's language.
    pub(super) fn catalogue(&self) -> &Catalogue {
        &self.words.catalogue
    }

    /// The document's own words in its language.
    pub(super) fn document_words(&self) -> document::DocWords {
        (*self.words.document).clone()
    }

    /// A text of `report.yaml` on its own: a catalogue key (or a template).
    pub(super) fn text(&self, key: &str) -> Result<String> {
        self.render(key, None)
    }

    /// The notes of figure or table `id`: its message's attributes `.note-1`, `.note-2`, ….
    pub(super) fn notes(&self, id: &str) -> Result<Vec<String>> {
        self.words
            .catalogue
            .numbered(id, "note")
            .iter()
            .map(|k| self.text(k))
            .collect()
    }

    /// A text of `report.yaml`, on its own or over a query row (`row`): a catalogue key, whose
    /// message has the row's values, or a template calling `t()`; an error names the catalogue
    /// or report.yaml and quotes the template.
    pub(super) fn render(&self, template: &str, row: Option<&minijinja::Value>) -> Result<String> {
        if !is_template(template) {
            return words::message(&self.words.catalogue, &self.words.base, template, row);
        }
        match row {
            None => self.env.render_str(template, &self.ctx),
            Some(row) => self.row_env.render_str(
                template,
                minijinja::context! { row => row, ..self.ctx.clone() },
            ),
        }
        .map_err(|e| Error::Report {
            file: self.file.clone(),
            message: format!("in {template:?}: {e}"),
        })
    }
}

/// A value a template prints, by the language's rules: a number must go through a filter that
/// says what it is (`num`, `year`, `rate`, …; a bare one is an error at its line), an ISO date
/// is written as the language writes dates ("16 May 2024"); nothing for none or undefined.
fn printed(lang: Language, value: &minijinja::Value) -> Result<Option<String>, minijinja::Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(None);
    }
    Ok(Some(match value.kind() {
        minijinja::value::ValueKind::Number => {
            return Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!(
                    "the number {value} is printed without a filter that says what it is: write \
                     `| num` (a count in running text), `| year`, `| rate`, `| count`, \
                     `| per_cent`, `| fold` or `| plain`"
                ),
            ));
        }
        minijinja::value::ValueKind::String => value
            .as_str()
            .and_then(|s| lang.written_date(s))
            .unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }))
}

/// One authored file of the report folder rendered with `ctx` and read.
fn authored(
    pipeline: &Pipeline,
    words: &Words,
    file: &str,
    ctx: &minijinja::Value,
) -> Result<document::authored::Authored> {
    let path = pipeline.report_dir.join(file);
    let src = super::read_input(&path)?;
    // A template's line numbers are unchanged by the markers (they are single characters
    // beside the tags).
    let text = authored_env(pipeline.document.lang(), words)
        .render_str(&document::authored::mark_values(&src), ctx)
        .map_err(|e| template_error(&path, e))?;
    document::authored::parse(&path, &text)
}

type AuthoredParts = (
    document::authored::Authored,
    Vec<document::build::ChapterPart>,
);

/// The Summary and every chapter, read; all their errors at once.
pub(super) fn authored_parts(
    pipeline: &Pipeline,
    words: &Words,
    spec: &ReportSpec,
    ctx: &minijinja::Value,
) -> Result<AuthoredParts> {
    let mut errors = Vec::new();
    let summary = translated(pipeline, words, &spec.document.summary, ctx)
        .map_err(|e| errors.push(e))
        .ok();
    let mut chapters = Vec::new();
    for c in &spec.document.chapters {
        let title = match words.catalogue.format(&c.title, None) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        match translated(pipeline, words, &c.file, ctx) {
            Ok(text) => chapters.push(document::build::ChapterPart {
                title,
                file: pipeline.report_dir.join(&c.file),
                text,
                floats: c.floats,
            }),
            Err(e) => errors.push(e),
        }
    }
    Error::all(errors)?;
    Ok((summary.unwrap_or_default(), chapters))
}

/// An authored file in the document's language. A template (`.j2`) says its sentences through
/// the catalogue, the same file in every language; authored prose (`.md`) is in the original's
/// language, and another language reads its translation beside it (`introduction.fr.md`) or,
/// while there is none, a visible placeholder in that language, never the original's text.
fn translated(
    pipeline: &Pipeline,
    words: &Words,
    file: &str,
    ctx: &minijinja::Value,
) -> Result<document::authored::Authored> {
    let tag = pipeline.document.tag();
    let path = std::path::Path::new(file);
    if tag == pipeline.document.original() || path.extension().is_none_or(|e| e != "md") {
        return authored(pipeline, words, file, ctx);
    }
    let local = path.with_extension(format!("{tag}.md"));
    if pipeline.report_dir.join(&local).is_file() {
        return authored(pipeline, words, &local.to_string_lossy(), ctx);
    }
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("file", file.to_string());
    let text = words.catalogue.format(UNTRANSLATED, Some(&args))?;
    document::authored::parse(&pipeline.report_dir.join(&local), &format!("{text}\n"))
}

/// The message standing for an authored file not yet translated.
pub(super) const UNTRANSLATED: &str = "document-untranslated";

/// The Summary and every chapter rendered with the narrative values `n` and read, for
/// `validate`: every template error (a number printed without its filter, an unknown value) at
/// its file and line.
pub fn check_authored(pipeline: &Pipeline, spec: &ReportSpec, n: &NarrativeValues) -> Result<()> {
    let words = Words::new(pipeline, spec)?;
    authored_parts(pipeline, &words, spec, &narrative_ctx(pipeline, n)).map(|_| ())
}

/// The first row of each narrative query, by query name (`n.N1.panel_n` in the templates).
pub type NarrativeValues = BTreeMap<String, BTreeMap<String, Value>>;

/// The environment of the narrative and footnotes: strict undefined values, the number filters.
fn narrative_env(lang: Language) -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    add_filters(&mut env, lang);
    env
}

pub(super) fn narrative_ctx(pipeline: &Pipeline, n: &NarrativeValues) -> minijinja::Value {
    let releases: Vec<ReleaseCtx> = pipeline
        .sources
        .iter()
        .map(|s| ReleaseCtx {
            id: s.id.clone(),
            release: s.release.clone(),
            citation: s.citation.clone(),
        })
        .collect();
    minijinja::context! {
        p => &pipeline.params,
        q => &pipeline.quality,
        pipeline => &pipeline.name,
        releases => releases,
        countries_citation => &pipeline.countries_citation,
        n => n,
        population => minijinja::context! {
            citation => &pipeline.population.citation,
            vintage => &pipeline.population.vintage,
        },
    }
}

/// The narrative's paragraphs as plain text: the report folder's `narrative.j2` rendered with
/// the values `n` and read as authored text, its cross-references printed as the document
/// prints them ("figure II", "annex table 7") and its subparagraphs run on.
pub fn narrative_paragraphs(
    pipeline: &Pipeline,
    spec: &ReportSpec,
    n: &NarrativeValues,
) -> Result<Vec<String>> {
    let words = Words::new(pipeline, spec)?;
    let text = authored(
        pipeline,
        &words,
        "narrative.j2",
        &narrative_ctx(pipeline, n),
    )?;
    let names = reference_names(&words.document, spec);
    Ok(text
        .blocks
        .iter()
        .filter_map(|b| match b {
            document::authored::Block::Paragraph { text, items, .. } => {
                let mut out = document::build::named(text, &names, &words.document);
                for i in items {
                    out.push(' ');
                    out.push_str(&document::build::named(&i.text, &names, &words.document));
                }
                Some(out)
            }
            document::authored::Block::Heading { .. } => None,
        })
        .collect())
}

/// How the document cites each figure and table ("figure II", "table 3", "annex table 7"):
/// `cite.F2` in the titles and notes of `report.yaml`.
pub(super) fn reference_names(
    words: &document::DocWords,
    spec: &ReportSpec,
) -> BTreeMap<String, String> {
    let figures: Vec<&str> = spec.figures.iter().map(|f| f.id.as_str()).collect();
    let (body, annex): (Vec<&str>, Vec<&str>) = spec
        .tables
        .iter()
        .map(|t| t.id.as_str())
        .partition(|id| !spec.document.annex.iter().any(|a| a == id));
    document::build::reference_names(words, &figures, &body, &annex)
}

pub(super) fn template_error(path: &Path, e: minijinja::Error) -> Error {
    let mut message = e.to_string();
    // The file and line are said once, in front: not minijinja's "(in <string>:62)" again.
    if let Some(at) = message.rfind(" (in <string>:")
        && message.ends_with(')')
    {
        message.truncate(at);
    }
    if let Some(line) = e.line() {
        message = format!("line {line}: {message}");
    }
    Error::Report {
        file: path.to_path_buf(),
        message,
    }
}

fn opt_f64(v: &minijinja::Value) -> Option<f64> {
    if v.is_none() || v.is_undefined() {
        return None;
    }
    f64::try_from(v.clone()).ok()
}

fn add_filters(env: &mut minijinja::Environment<'_>, lang: Language) {
    env.add_filter("rate", |v: minijinja::Value| format::rate(opt_f64(&v)));
    env.add_filter("count", |v: minijinja::Value| format::count(opt_f64(&v)));
    env.add_filter("per_cent", |v: minijinja::Value| {
        format::per_cent_text(opt_f64(&v))
    });
    env.add_filter("percent", |v: minijinja::Value| {
        format::percent(opt_f64(&v))
    });
    env.add_filter("date", move |v: String| lang.date(&v));
    env.add_filter("year", move |v: minijinja::Value| match opt_f64(&v) {
        Some(y) if y.fract() == 0.0 => lang.year(y as i64),
        other => format::count(other),
    });
    // Counts in running text by the language's rules (`format::prose`): `num` before the noun
    // it counts ("no source rows", "nine series"), `num("alone")` standing for it ("none were
    // removed"); `Num` begins a sentence (always words, capitalised); `series(a, b, c)` gives the
    // counts of one series the style of the largest, each printed with `num` or as it is.
    env.add_filter(
        "num",
        move |v: minijinja::Value, role: Option<String>| -> Result<String, minijinja::Error> {
            Ok(lang.count(count_of(&v)?, role_of(role)?))
        },
    );
    env.add_filter(
        "Num",
        move |v: minijinja::Value, role: Option<String>| -> Result<String, minijinja::Error> {
            Ok(lang.sentence_start(count_of(&v)?, role_of(role)?))
        },
    );
    env.add_function(
        "series",
        move |args: minijinja::value::Rest<minijinja::Value>| {
            let ns: Vec<Option<i64>> = args.iter().map(|v| opt_f64(v).map(|x| x as i64)).collect();
            lang.series(&ns)
                .into_iter()
                .map(|count| minijinja::Value::from_object(SeriesCount { count, lang }))
                .collect::<Vec<_>>()
        },
    );
    // A factor as a multiple: 5 → "fivefold", 2.5 → "2.5-fold".
    env.add_filter("fold", move |v: minijinja::Value| {
        opt_f64(&v).map_or_else(|| "..".to_string(), |x| lang.fold(x))
    });
    // A number with a fixed number of decimals and the language's separators: 4698 | decimals(0)
    // is "4,698", 2.5 | decimals(2) "2.50"; nothing for none (a table cell's missing value).
    // A value the row does not have (a misspelt column) is an error, not an empty cell.
    env.add_filter(
        "decimals",
        |v: minijinja::Value, places: u8| -> Result<Option<String>, minijinja::Error> {
            if v.is_undefined() {
                return Err(minijinja::Error::new(
                    minijinja::ErrorKind::UndefinedError,
                    "`decimals` of a value that is not defined (a column the query does not return?)",
                ));
            }
            Ok(opt_f64(&v)
                .filter(|x| x.is_finite())
                .map(|x| format::number(x, usize::from(places.min(6)))))
        },
    );
    // A threshold as written in the pipeline: 5 → "5", 2.5 → "2.5", 0.125 → "0.13".
    env.add_filter("plain", |v: minijinja::Value| match opt_f64(&v) {
        Some(x) if x.fract() == 0.0 => format::number(x, 0),
        Some(x) if (x * 10.0).fract().abs() < 1e-9 => format::number(x, 1),
        Some(x) => format::number(x, 2),
        None => "..".to_string(),
    });
}

/// One count of a `series(…)`: printed as it is, it stands before its noun.
#[derive(Debug)]
struct SeriesCount {
    count: Count,
    lang: Language,
}

impl minijinja::value::Object for SeriesCount {
    fn render(self: &std::sync::Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.lang.count(self.count, Role::BeforeNoun))
    }
}

/// The count a `num` filter prints: a series' count with its style, or a number on its own.
fn count_of(v: &minijinja::Value) -> Result<Count, minijinja::Error> {
    if let Some(c) = v.downcast_object_ref::<SeriesCount>() {
        return Ok(c.count);
    }
    match opt_f64(v) {
        Some(x) if x.fract() == 0.0 => Ok(Count::single(Some(x as i64))),
        None if v.is_none() || v.is_undefined() => Ok(Count::single(None)),
        _ => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("`num` prints a whole count, not {v}: use `rate`, `count` or `plain`"),
        )),
    }
}

fn role_of(role: Option<String>) -> Result<Role, minijinja::Error> {
    match role.as_deref() {
        None => Ok(Role::BeforeNoun),
        Some("alone") => Ok(Role::Alone),
        Some(other) => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!(
                "`num({other:?})`: the only argument is \"alone\" (the count stands for its noun: \"none were removed\")"
            ),
        )),
    }
}
