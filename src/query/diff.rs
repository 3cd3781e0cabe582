//! The release comparison: what changed between two releases of a UN-CTS file, for the `diff`
//! command and the appendix.
//!
//! Takes two releases' observations; returns every added,
//! removed and revised country-year, counts and rates separately, with revisions above a
//! threshold marked, computed by `queries/diff/diff.sql` with the threshold bound as `$threshold`.
//! Never compares by country name (names drift between releases): by code, year and unit.

use std::path::PathBuf;

use datafusion::common::ScalarValue;

use crate::error::Result;
use crate::ingest;
use crate::query::{Engine, Table, Value};

/// The SQL that compares the releases, shipped with the tool (also run by every pipeline as
/// table `release_changes`, against the release named by `previous:`).
pub const DIFF_SQL: &str = include_str!("../../queries/diff/diff.sql");

/// Where `DIFF_SQL` comes from, for messages.
pub const DIFF_SQL_FILE: &str = "queries/diff/diff.sql";

/// The comparison of two releases.
#[derive(Debug)]
pub struct Diff {
    /// One row per added, removed or revised country-year-unit.
    pub table: Table,
    /// Counts by (status, unit, large).
    pub summary: Vec<(String, String, usize, usize)>,
}

pub fn compare(
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
