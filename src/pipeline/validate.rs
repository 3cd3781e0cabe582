//! `validate`: a pipeline checked without running it, every problem reported at once.
//!
//! The configuration (every YAML error, with the parser's positions), the report spec, the
//! output folder, every template's syntax, then a dry run: the warehouse's tables with no
//! observations (the reference tables read for their schema), every SQL file planned and run
//! in materialisation order with the parameters bound, and the whole report built from those
//! results with strict templates, which checks each figure's and table's columns against its
//! query's. Nothing is written.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{check_output, load_report_spec};
use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::store::table::Value;
use crate::store::warehouse::Warehouse;

/// Check a pipeline without running it; all its problems in one error.
pub fn validate(path: &Path) -> Result<Pipeline> {
    let pipeline = crate::config::load(path)?;
    let mut problems: Vec<Error> = Vec::new();
    let spec = load_report_spec(&pipeline)
        .map_err(|e| problems.push(e))
        .ok();
    if let Err(e) = check_output(&pipeline, None, false) {
        problems.push(e);
    }
    problems.extend(template_syntax(&pipeline));
    if let Some(spec) = &spec {
        problems.extend(crate::report::check_catalogue(&pipeline, spec));
    }
    match dry_warehouse(&pipeline) {
        Ok(warehouse) => {
            let dry = crate::query::prepare::dry_run(&pipeline, &warehouse);
            let (results, samples) = (dry.results, dry.samples);
            let sql_ok = dry.errors.is_empty();
            problems.extend(dry.errors);
            if let Some(spec) = &spec {
                problems.extend(columns_exist(&pipeline, spec, &results));
                problems.extend(lineage_exists(&pipeline, spec));
            }
            if let (Some(spec), true, true) = (&spec, sql_ok, problems.is_empty())
                && let Err(e) = crate::report::build_languages(
                    &pipeline,
                    spec,
                    &results,
                    &pipeline.document.languages(),
                )
            {
                problems.push(e);
            }
            if let (Some(spec), true) = (&spec, problems.is_empty()) {
                for tag in pipeline.document.languages() {
                    let p = pipeline.in_language(&tag);
                    problems.extend(authored_with_counts(&p, spec, &samples));
                    problems.extend(row_texts_with_counts(&p, spec, &samples));
                }
            }
        }
        Err(e) => problems.push(e),
    }
    Error::all(problems)
        .map(|()| pipeline)
        .map_err(|e| e.concerning(path))
}

/// The counts every sample row takes in turn: zero, one, the largest in words, the first two
/// in figures, and the plural forms of the catalogues' languages (two: Russian "few"; 21:
/// Russian "one" past ten).
const SAMPLE_COUNTS: [i64; 7] = [0, 1, 2, 9, 10, 11, 21];

/// Errors found with several sample counts, each kept once: the same mistake found with
/// another count is said once.
#[derive(Default)]
struct Once {
    seen: BTreeSet<String>,
    errors: Vec<Error>,
}

impl Once {
    fn add(&mut self, e: Error, k: i64) {
        if self
            .seen
            .insert(e.to_string().replace(&format!("number {k} "), "number "))
        {
            self.errors.push(e);
        }
    }
}

/// A query row of sample values: every number `k`, every flag `k > 0`, every text a word.
fn sample_row(cols: &[(String, Value)], k: i64) -> crate::query::Table {
    crate::query::Table {
        columns: cols.iter().map(|(name, _)| name.clone()).collect(),
        rows: vec![
            cols.iter()
                .map(|(_, sample)| match sample {
                    Value::Int(_) => Value::Int(k),
                    Value::Float(_) => Value::Float(k as f64),
                    Value::Bool(_) => Value::Bool(k > 0),
                    _ => Value::Text("Probe".into()),
                })
                .collect(),
        ],
    }
}

/// The `text` of every table column and the `series_text` of every figure rendered over a row
/// of their query whose numbers are 0, 1, 2, 9, 10, 11 and 21 (the dry run's tables are empty): a
/// number printed without its filter, a filter that does not exist. Each error once.
fn row_texts_with_counts(
    pipeline: &Pipeline,
    spec: &crate::report::spec::ReportSpec,
    samples: &BTreeMap<String, Vec<(String, Value)>>,
) -> Vec<Error> {
    let mut found = Once::default();
    let tables = spec
        .tables
        .iter()
        .filter(|t| t.columns.iter().any(|c| c.text.is_some()))
        .map(|t| (&t.id, &t.query, true));
    let figures = spec
        .figures
        .iter()
        .filter(|f| f.series_text.is_some())
        .map(|f| (&f.id, &f.query, false));
    for (id, query, table) in tables.chain(figures) {
        let Some(cols) = samples.get(query) else {
            continue;
        };
        for k in SAMPLE_COUNTS {
            let results = BTreeMap::from([(query.clone(), sample_row(cols, k))]);
            let checked = if table {
                crate::report::printed_table(pipeline, spec, &results, id, 1).map(|_| ())
            } else {
                crate::report::figure_table(pipeline, spec, &results, id).map(|_| ())
            };
            if let Err(e) = checked {
                found.add(e, k);
            }
        }
    }
    found.errors
}

/// The Summary and chapters rendered with every narrative count set to 0, 1, 2, 9, 10, 11 and 21 (text
/// columns to a word), so that a branch the empty dry run does not take is checked too: a number
/// printed without its filter, a value the queries do not give. Each error once.
fn authored_with_counts(
    pipeline: &Pipeline,
    spec: &crate::report::spec::ReportSpec,
    samples: &BTreeMap<String, Vec<(String, Value)>>,
) -> Vec<Error> {
    let mut found = Once::default();
    for k in SAMPLE_COUNTS {
        let n: crate::report::NarrativeValues = spec
            .narrative
            .iter()
            .filter_map(|q| samples.get(q).map(|cols| (q, cols)))
            .map(|(q, cols)| {
                let t = sample_row(cols, k);
                let row = t.columns.into_iter().zip(t.rows.concat()).collect();
                (q.clone(), row)
            })
            .collect();
        if let Err(e) = crate::report::check_authored(pipeline, spec, &n) {
            found.add(e, k);
        }
    }
    found.errors
}

/// The warehouse of `pipeline` with its reference tables and no observations.
fn dry_warehouse(pipeline: &Pipeline) -> Result<Warehouse> {
    let i = crate::ingest::sources::schema_only(pipeline)?;
    Ok(super::ingest::warehouse(i))
}

/// A lineage query for every figure, table and narrative item: the report prints no number
/// whose source cells cannot be named (and its "Source:" line is built from them).
fn lineage_exists(pipeline: &Pipeline, spec: &crate::report::spec::ReportSpec) -> Vec<Error> {
    let files = match pipeline.lineage_files() {
        Ok(f) => f,
        Err(e) => return vec![e],
    };
    let dir = pipeline.queries_dir.join(crate::config::LINEAGE_DIR);
    let items = spec
        .figures
        .iter()
        .map(|f| ("figure", &f.id))
        .chain(spec.tables.iter().map(|t| ("table", &t.id)))
        .chain(spec.narrative.iter().map(|n| ("narrative item", n)));
    items
        .filter(|(_, id)| !files.iter().any(|(n, _)| n == *id))
        .map(|(what, id)| Error::Report {
            file: pipeline.report_dir.join("report.yaml"),
            message: format!(
                "{what} {id} has no lineage query: {} is missing (it names the source cells \
                 behind every number the item prints, and its Source line)",
                dir.join(format!("{id}.sql")).display()
            ),
        })
        .collect()
}

/// Each figure's and table's columns among those its query returns.
fn columns_exist(
    pipeline: &Pipeline,
    spec: &crate::report::spec::ReportSpec,
    results: &std::collections::BTreeMap<String, crate::query::Table>,
) -> Vec<Error> {
    let file = pipeline.report_dir.join("report.yaml");
    let mut errors = Vec::new();
    let mut need = |what: &str, query: &str, key: &str, column: &str| {
        let Some(t) = results.get(query) else {
            return;
        };
        if t.column(column).is_none() {
            errors.push(Error::Report {
                file: file.clone(),
                message: format!(
                    "{what}: `{key}: {column}` is not a column of query {query} (it returns {})",
                    t.columns.join(", ")
                ),
            });
        }
    };
    for f in &spec.figures {
        for (key, column) in f.columns() {
            need(&format!("figure {}", f.id), &f.query, key, column);
        }
        for column in &f.address {
            need(&format!("figure {}", f.id), &f.query, "address", column);
        }
    }
    for t in &spec.tables {
        // A column with `text` is written by the report, not read from the query.
        for c in t.columns.iter().filter(|c| c.text.is_none()) {
            need(&format!("table {}", t.id), &t.query, "field", &c.field);
        }
        for column in &t.address {
            need(&format!("table {}", t.id), &t.query, "address", column);
        }
    }
    errors
}

/// Every template of the report folder parsed; one error per broken file.
fn template_syntax(pipeline: &Pipeline) -> Vec<Error> {
    let mut errors = Vec::new();
    // Templates: the narrative and the authored chapters (Markdown with MiniJinja values).
    let Ok(files) = pipeline.report_files() else {
        return errors;
    };
    let templates = files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "j2" || x == "md"));
    for file in templates {
        let report = |message: String| Error::Report {
            file: file.clone(),
            message,
        };
        let src = match std::fs::read_to_string(&file) {
            Ok(s) => s,
            Err(e) => {
                errors.push(report(format!("cannot read: {e}")));
                continue;
            }
        };
        let mut env = minijinja::Environment::new();
        let name = file.to_string_lossy().into_owned();
        if let Err(e) = env.add_template_owned(name, src) {
            errors.push(report(match e.line() {
                Some(l) => format!("line {l}: {e}"),
                None => e.to_string(),
            }));
        }
    }
    errors
}
