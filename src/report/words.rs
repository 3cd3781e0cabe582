//! The report's words from its catalogue: `t("key", name=value, …)` in every template (the
//! narrative, the Summary, the chapters, `report.yaml`'s `text` templates), and the arguments
//! every message has: the pipeline's parameters (`$first_year`, `$p1_from`, `$p1_to`, …), its
//! quality settings (`$rate_mismatch_tolerance`, …), how the document cites each figure and
//! table (`$F2` is "figure II") and, in a row's text, the row's values (`$rate`).

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, Object, ValueKind};

use crate::config::Pipeline;
use crate::error::Result;
use crate::i18n::{Arg, Catalogue, text};

/// A message's argument before it becomes a catalogue value: a number (`None`: not available)
/// or a text.
#[derive(Debug, Clone)]
pub(super) enum Base {
    Number(Option<f64>),
    Text(String),
}

impl Base {
    fn value(&self) -> FluentValue<'static> {
        match self {
            Base::Number(x) => Arg::new(*x).into_value(),
            Base::Text(s) => text(s.clone()),
        }
    }
}

/// A message's arguments by name, before they become a message's `FluentArgs`.
pub(super) type BaseArgs = Vec<(String, Base)>;

/// The arguments every message of the report has: parameters, quality settings, citations.
pub(super) fn base_args(
    pipeline: &Pipeline,
    cites: &std::collections::BTreeMap<String, String>,
) -> BaseArgs {
    let mut out = BaseArgs::new();
    let params = serde_json::to_value(&pipeline.params).unwrap_or_default();
    flatten("", &params, &mut out);
    let quality = serde_json::to_value(&pipeline.quality).unwrap_or_default();
    flatten("", &quality, &mut out);
    // The window of "latest year available": the last year and the two before it (latest.sql).
    out.push((
        "latest_from".into(),
        Base::Number(Some(f64::from(pipeline.params.last_year - 2))),
    ));
    for (id, name) in cites {
        out.push((id.clone(), Base::Text(name.clone())));
    }
    out
}

/// `{a: {b: 1}, p1: [2013, 2015]}` as `a_b`, `p1_from`, `p1_to`.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut BaseArgs) {
    let name = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}_{k}")
        }
    };
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                flatten(&name(k), v, out);
            }
        }
        serde_json::Value::Array(a) if a.len() == 2 && a.iter().all(|x| x.is_number()) => {
            out.push((name("from"), Base::Number(a[0].as_f64())));
            out.push((name("to"), Base::Number(a[1].as_f64())));
        }
        serde_json::Value::Number(n) => out.push((prefix.to_string(), Base::Number(n.as_f64()))),
        serde_json::Value::String(s) => out.push((prefix.to_string(), Base::Text(s.clone()))),
        serde_json::Value::Bool(b) => out.push((prefix.to_string(), Base::Text(b.to_string()))),
        _ => {}
    }
}

/// A number of the narrative's data with its address (`cell(n.N2.kidnappings, "N2/kidnappings")`,
/// written by the marking of the templates): its printed text carries the address into the HTML.
#[derive(Debug)]
pub(super) struct CellValue {
    pub(super) value: minijinja::Value,
    pub(super) address: String,
}

impl Object for CellValue {}

/// How a template value becomes a message's argument: a number a value of the catalogue (its
/// cell's address kept), a text as it is (made inert for Markdown with `mask`), yes/no as
/// `true`/`false`.
fn to_fluent(
    v: &minijinja::Value,
    mask: Option<fn(&str) -> String>,
    mark: Option<fn(&str, &str) -> String>,
) -> std::result::Result<FluentValue<'static>, minijinja::Error> {
    if let Some(c) = v.downcast_object_ref::<CellValue>() {
        let mut arg = match to_fluent(&c.value, mask, None)? {
            FluentValue::Custom(b) => b
                .as_any()
                .downcast_ref::<Arg>()
                .cloned()
                .unwrap_or(Arg::new(None)),
            other => return Ok(other),
        };
        if let Some(mark) = mark {
            arg.cell = Some(crate::i18n::Cell {
                address: c.address.clone(),
                mark,
            });
        }
        return Ok(arg.into_value());
    }
    // A missing value: nothing of its own (a choice on it takes the default; NUMBER gives
    // "none"; a number function prints "..").
    if v.is_none() || v.is_undefined() {
        return Ok(FluentValue::None);
    }
    Ok(match v.kind() {
        ValueKind::Number => Arg::new(f64::try_from(v.clone()).ok()).into_value(),
        ValueKind::Bool => text(v.is_true().to_string()),
        ValueKind::String => {
            let s = v.as_str().unwrap_or_default();
            // An ISO date stays readable for DATE (its digits and hyphens are not Markdown).
            text(match mask {
                Some(m) if crate::format::iso_date_parts(s).is_none() => m(s),
                _ => s.to_string(),
            })
        }
        _ => {
            return Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("t(): {v} is neither a number nor a text"),
            ));
        }
    })
}

/// Adds `t(key, name=value, …)` and `cell(value, address)` to `env`: a message of `catalogue`
/// with the base arguments, the row's values (a template over a row: `row`) and the named
/// ones. In authored text (`mask` and `mark` given) the message's words are Markdown and its
/// values are not: the result is safe (not masked again), its texts masked, its numbers marked.
pub(super) fn add_t(
    env: &mut minijinja::Environment<'static>,
    catalogue: Arc<Catalogue>,
    base: Arc<BaseArgs>,
    mask: Option<fn(&str) -> String>,
    mark: Option<fn(&str, &str) -> String>,
) {
    env.add_function("cell", |value: minijinja::Value, address: String| {
        minijinja::Value::from_object(CellValue { value, address })
    });
    env.add_function(
        "t",
        move |state: &minijinja::State, key: String, kwargs: Kwargs| {
            let mut args = FluentArgs::new();
            for (k, v) in base.iter() {
                args.set(k.clone(), v.value());
            }
            if let Some(row) = state.lookup("row")
                && let Ok(keys) = row.try_iter()
            {
                for k in keys {
                    if let (Some(name), Ok(v)) = (k.as_str(), row.get_item(&k)) {
                        args.set(name.to_string(), to_fluent(&v, mask, mark)?);
                    }
                }
            }
            for k in kwargs.args() {
                let v: minijinja::Value = kwargs.get(k)?;
                args.set(k.to_string(), to_fluent(&v, mask, mark)?);
            }
            let out = catalogue.format(&key, Some(&args)).map_err(|e| {
                minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
            })?;
            Ok(if mask.is_some() {
                minijinja::Value::from_safe_string(out)
            } else {
                minijinja::Value::from(out)
            })
        },
    );
}

/// Message `key` with the base arguments and a query row's values (`row`, when given).
pub(super) fn message(
    catalogue: &Catalogue,
    base: &BaseArgs,
    key: &str,
    row: Option<&minijinja::Value>,
) -> Result<String> {
    let mut args = FluentArgs::new();
    for (k, v) in base {
        args.set(k.clone(), v.value());
    }
    if let Some(row) = row
        && let Ok(keys) = row.try_iter()
    {
        for k in keys {
            if let (Some(name), Ok(v)) = (k.as_str(), row.get_item(&k)) {
                let v = to_fluent(&v, None, None)
                    .map_err(|e| crate::error::Error::Internal(e.to_string()))?;
                args.set(name.to_string(), v);
            }
        }
    }
    catalogue.format(key, Some(&args))
}

/// The catalogue of the document's language against the report: every message the report uses
/// is there (a branch the samples do not take included), every message there is used (by
/// `report.yaml`, a template's `t("…")` or another message), every message has its context
/// comment. All problems at once.
pub fn check_catalogue(
    pipeline: &Pipeline,
    spec: &super::spec::ReportSpec,
) -> Vec<crate::error::Error> {
    pipeline
        .document
        .languages()
        .iter()
        .flat_map(|tag| check_language(&pipeline.in_language(tag), spec))
        .collect()
}

/// [`check_catalogue`] for the pipeline's document language.
fn check_language(pipeline: &Pipeline, spec: &super::spec::ReportSpec) -> Vec<crate::error::Error> {
    use crate::error::Error;
    let catalogue = match Catalogue::load(&pipeline.report_dir, pipeline.document.tag()) {
        Ok(c) => c,
        Err(e) => return vec![e],
    };
    let mut problems = Vec::new();
    if let Err(e) = catalogue.lint() {
        problems.push(e);
    }
    let (used, templates) = used_keys(pipeline, spec);
    let id = |key: &str| key.split('.').next().unwrap_or(key).to_string();
    for (key, file) in &used {
        let (i, attr) = match key.split_once('.') {
            Some((i, a)) => (i, Some(a)),
            None => (key.as_str(), None),
        };
        if !catalogue.has(i, attr) {
            problems.push(Error::Report {
                file: file.clone(),
                message: format!(
                    "uses message {key}, which the {:?} catalogue does not have (add it to {})",
                    catalogue.tag(),
                    pipeline
                        .report_dir
                        .join(crate::i18n::LOCALES)
                        .join(catalogue.tag())
                        .display()
                ),
            });
        }
    }
    let folder = pipeline
        .report_dir
        .join(crate::i18n::LOCALES)
        .join(catalogue.tag());
    for key in super::DOCUMENT_KEYS {
        if !catalogue.defines(key) {
            problems.push(Error::Report {
                file: folder.clone(),
                message: format!(
                    "the document's own words need message {key} (see the original's document.ftl)"
                ),
            });
        }
    }
    let mut known: std::collections::BTreeSet<String> = used.iter().map(|(k, _)| id(k)).collect();
    known.extend(super::DOCUMENT_KEYS.iter().map(|k| k.to_string()));
    known.extend(catalogue.references());
    known.extend(templates);
    for m in catalogue.ids() {
        if !known.contains(&m) {
            let (file, line) = catalogue.locate(&m).unwrap_or_default();
            problems.push(Error::Report {
                file,
                message: format!(
                    "line {line}: message {m} is used nowhere in the report (remove it, or use it)"
                ),
            });
        }
    }
    problems
}

/// The catalogue keys `report.yaml` names (with report.yaml as where), and the message ids the
/// templates call with `t("…")`.
fn used_keys(
    pipeline: &Pipeline,
    spec: &super::spec::ReportSpec,
) -> (Vec<(String, std::path::PathBuf)>, Vec<String>) {
    let yaml = pipeline.report_dir.join("report.yaml");
    let mut keys = vec![spec.title.clone()];
    for f in &spec.figures {
        keys.extend([f.title.clone(), f.subtitle.clone(), f.axis.clone()]);
        if let super::spec::Chart::Dumbbell {
            start_name,
            end_name,
            ..
        } = &f.chart
        {
            keys.extend([start_name.clone(), end_name.clone()]);
        }
        keys.extend(f.series_text.clone());
    }
    for t in &spec.tables {
        keys.push(t.title_key());
        for c in &t.columns {
            keys.push(c.header_key(&t.id));
            keys.extend(c.text.clone());
        }
    }
    keys.extend(spec.document.chapters.iter().map(|c| c.title.clone()));
    let mut called = Vec::new();
    let mut keys: Vec<(String, std::path::PathBuf)> = keys
        .into_iter()
        .filter(|k| {
            if k.contains("{{") || k.contains("{%") {
                called.extend(calls(k));
                false
            } else {
                true
            }
        })
        .map(|k| (k, yaml.clone()))
        .collect();
    for file in pipeline.report_files().unwrap_or_default() {
        if file.extension().is_some_and(|e| e == "ftl") {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(&file) {
            for k in calls(&text) {
                keys.push((k, file.clone()));
            }
        }
    }
    keys.sort();
    keys.dedup();
    called.sort();
    called.dedup();
    (keys, called)
}

/// The message keys of a template's `t("key"` and `t('key'` calls (not in its comments).
fn calls(text: &str) -> Vec<String> {
    let mut code = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{#") {
        code.push_str(&rest[..at]);
        rest = rest[at..]
            .find("#}")
            .map_or("", |end| &rest[at + end + 2..]);
    }
    code.push_str(rest);
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("t(") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + 2..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let quote = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => q,
            _ => continue,
        };
        if let Some(end) = rest[1..].find(quote) {
            out.push(rest[1..1 + end].to_string());
        }
    }
    out
}
