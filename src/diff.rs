//! Diff: what changed between two releases of a UN-CTS file.
//!
//! Takes two source files (xlsx or csv, UN-CTS layout) and a category; returns every added,
//! removed and revised country-year, counts and rates separately, with revisions above a
//! threshold marked, computed by `queries/diff/diff.sql` with the threshold bound as `$threshold`.
//! Never compares by country name (names drift between releases): by code, year and unit.

use std::path::{Path, PathBuf};

use datafusion::common::ScalarValue;

use crate::config::{Pipeline, Role, Source};
use crate::error::{Error, Result};
use crate::ingest;
use crate::query::{Engine, Table, Value};

/// The SQL that compares the releases, shipped with the tool (also run by every pipeline as
/// table `release_changes`, against the release named by `previous:`).
pub const DIFF_SQL: &str = include_str!("../queries/diff/diff.sql");

/// Where `DIFF_SQL` comes from, for messages.
pub const DIFF_SQL_FILE: &str = "queries/diff/diff.sql";

/// The relative revision the report's appendix calls large (its text says "10 per cent").
pub const APPENDIX_THRESHOLD: f64 = 0.10;

/// The comparison of two releases.
#[derive(Debug)]
pub struct Diff {
    /// One row per added, removed or revised country-year-unit.
    pub table: Table,
    /// Counts by (status, unit, large).
    pub summary: Vec<(String, String, usize, usize)>,
}

fn source(path: &Path, id: &str, category: &str) -> Source {
    Source::unodc_cts(id, path, id, category)
}

/// Compare two releases for `category`; `threshold` is the relative revision called large.
pub fn diff(old: &Path, new: &Path, category: &str, threshold: f64) -> Result<Diff> {
    for p in [old, new] {
        if !p.is_file() {
            return Err(Error::Config(format!(
                "error: {} does not exist",
                p.display()
            )));
        }
    }
    let a = ingest::read_unodc_cts(&source(old, "old", category))?.observations;
    let b = ingest::read_unodc_cts(&source(new, "new", category))?.observations;
    compare(a, b, threshold)
}

/// Compare two releases among a pipeline's sources, named by their release ids; each is read
/// as the pipeline declares it, codes resolved through its reference tables.
pub fn diff_releases(pipeline: &Pipeline, old: &str, new: &str, threshold: f64) -> Result<Diff> {
    let find = |id: &str| {
        pipeline
            .sources
            .iter()
            .find(|s| s.release == id && s.role != Role::Comparison)
            .ok_or_else(|| {
                let known: Vec<String> = pipeline
                    .sources
                    .iter()
                    .filter(|s| s.role != Role::Comparison)
                    .map(|s| format!("`{}`", s.release))
                    .collect();
                Error::Config(format!(
                    "error: {}: no release `{id}` among the pipeline's sources; releases: {}",
                    pipeline.file.display(),
                    known.join(", ")
                ))
            })
    };
    let (a, b) = (find(old)?, find(new)?);
    let countries = ingest::read_countries(&pipeline.countries, &pipeline.units)?;
    let resolver = ingest::Resolver::new(&countries, pipeline.aliases.as_deref())?;
    let a = crate::run::read_source_checked(pipeline, a, &resolver)?;
    let b = crate::run::read_source_checked(pipeline, b, &resolver)?;
    compare(a, b, threshold)
}

fn compare(
    a: Vec<ingest::Observation>,
    b: Vec<ingest::Observation>,
    threshold: f64,
) -> Result<Diff> {
    let engine = Engine::with_bindings(vec![(
        "threshold".into(),
        ScalarValue::Float64(Some(threshold)),
    )])?;
    engine.register_batch("old_release", ingest::observations_batch(a))?;
    engine.register_batch("new_release", ingest::observations_batch(b))?;
    let file = PathBuf::from(DIFF_SQL_FILE);
    let table = engine.run_table(&file, DIFF_SQL)?;
    let mut summary = Vec::new();
    let (si, ui, li) = (
        table.column("status").unwrap_or(0),
        table.column("unit").unwrap_or(1),
        table.column("large").unwrap_or(8),
    );
    for status in ["added", "removed", "changed"] {
        for unit in ["count", "rate_per_100k"] {
            let rows: Vec<&Vec<Value>> = table
                .rows
                .iter()
                .filter(|r| r[si].as_text() == status && r[ui].as_text() == unit)
                .collect();
            let large = rows.iter().filter(|r| r[li] == Value::Bool(true)).count();
            summary.push((status.to_string(), unit.to_string(), rows.len(), large));
        }
    }
    Ok(Diff { table, summary })
}
