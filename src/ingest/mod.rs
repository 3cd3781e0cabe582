//! Ingest: source files → rows of the canonical warehouse tables, as Arrow record batches.
//!
//! Takes the checked pipeline's sources and reference files; returns `observations`,
//! `population` and `countries` as sorted Arrow batches. Never guesses a type, never turns an
//! absent value into zero or a zero into an absent value, and never panics on bad input: every
//! problem becomes an `IngestError` naming the file, the row, the column and what was expected.

pub mod clean;
mod csv_reader;
mod digests;
mod reference;
pub mod resolve;
pub mod sources;
pub mod table;
pub mod text;
mod unodc_cts;
mod xlsx;

use std::path::PathBuf;
use std::sync::Arc;

use arrow::array::{ArrayRef, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};

pub use crate::config::spec::{Rule, extension};
pub use crate::error::IngestError;
pub use digests::{Digest, Digests};
pub use reference::{Country, countries_batch, population_schema, read_countries, read_population};
pub use resolve::{CodeKind, Resolver};
pub use table::{SubObservation, TableOutput, TableSpec, read_table};
pub use unodc_cts::{COLUMNS, CtsOutput, hashed_while_read, read_unodc_cts};

/// A source row that failed a row rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    pub source_id: String,
    pub file: PathBuf,
    /// 1-based row (xlsx) or line (csv).
    pub row: usize,
    /// Column letter and header name.
    pub column: String,
    pub iso3: Option<String>,
    pub year: Option<i32>,
    /// The full message: file, row, column, what was expected, what was found.
    pub message: String,
    /// The row's cells, joined by ` | `.
    pub raw: String,
}

/// One observation in the canonical schema (see DESIGN.md, "Canonical warehouse tables").
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub release: String,
    pub source_id: String,
    pub iso3: String,
    pub country: String,
    pub region: String,
    pub subregion: String,
    pub indicator: String,
    pub dimension: String,
    pub category: String,
    pub sex: String,
    pub age: String,
    pub year: i32,
    /// `count` or `rate_per_100k`.
    pub unit: &'static str,
    pub value: Option<f64>,
    pub source_note: String,
    /// 1-based row (xlsx) or line (csv) in the source file (the first, for a sum).
    pub source_row: i64,
    /// The value's column, letter and header (`L (VALUE)`); empty for a sum of several cells,
    /// whose cells are in `source_cells`.
    pub source_column: String,
    /// The value cell's text as the file holds it (before any parsing); empty for a sum.
    pub source_cell: String,
}

/// One cell of a source that a summed observation adds up (table `source_cells`).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceCell {
    /// Shared by every cell of a source (there may be millions).
    pub source_id: std::sync::Arc<str>,
    /// Shared by every cell of a sum.
    pub iso3: std::sync::Arc<str>,
    pub year: i32,
    pub unit: &'static str,
    pub row: i64,
    /// Shared by every cell of a column.
    pub column: std::sync::Arc<str>,
    pub cell: String,
}

/// The `observations` schema. Lower-case names so SQL needs no quoting.
pub fn observations_schema() -> SchemaRef {
    let s = |n: &str| Field::new(n, DataType::Utf8, false);
    Arc::new(Schema::new(vec![
        s("release"),
        s("source_id"),
        s("iso3"),
        s("country"),
        s("region"),
        s("subregion"),
        s("indicator"),
        s("dimension"),
        s("category"),
        s("sex"),
        s("age"),
        Field::new("year", DataType::Int32, false),
        s("unit"),
        Field::new("value", DataType::Float64, true),
        s("source_note"),
        Field::new("source_row", DataType::Int64, false),
        s("source_column"),
        s("source_cell"),
    ]))
}

/// `a` and `b`, two batches of [`observations_batch`], as one in its order (category, code,
/// year, unit, release): what `observations_batch` of both lists of rows gives, without
/// copying the rows again.
pub fn with_observations(a: RecordBatch, b: &RecordBatch) -> RecordBatch {
    if b.num_rows() == 0 {
        return a;
    }
    let both = arrow::compute::concat_batches(&a.schema(), [&a, b])
        .unwrap_or_else(|e| unreachable!("observation batches share their schema: {e}"));
    let key = |name: &str| arrow::compute::SortColumn {
        values: both
            .column_by_name(name)
            .unwrap_or_else(|| unreachable!("observations have a column `{name}`"))
            .clone(),
        options: None,
    };
    let order = arrow::compute::lexsort_to_indices(
        &["category", "iso3", "year", "unit", "release"].map(key),
        None,
    )
    .unwrap_or_else(|e| unreachable!("the sort keys are text and integers: {e}"));
    arrow::compute::take_record_batch(&both, &order)
        .unwrap_or_else(|e| unreachable!("the indices are the batch's own: {e}"))
}

/// Sort observations by (category, iso3, year, unit, release) and build one record batch.
pub fn observations_batch(mut rows: Vec<Observation>) -> RecordBatch {
    rows.sort_by(|a, b| {
        (&a.category, &a.iso3, a.year, a.unit, &a.release).cmp(&(
            &b.category,
            &b.iso3,
            b.year,
            b.unit,
            &b.release,
        ))
    });
    let text = |f: fn(&Observation) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(rows.iter().map(f)))
    };
    let columns: Vec<ArrayRef> = vec![
        text(|o| &o.release),
        text(|o| &o.source_id),
        text(|o| &o.iso3),
        text(|o| &o.country),
        text(|o| &o.region),
        text(|o| &o.subregion),
        text(|o| &o.indicator),
        text(|o| &o.dimension),
        text(|o| &o.category),
        text(|o| &o.sex),
        text(|o| &o.age),
        Arc::new(Int32Array::from_iter_values(rows.iter().map(|o| o.year))),
        text(|o| o.unit),
        Arc::new(Float64Array::from_iter(rows.iter().map(|o| o.value))),
        text(|o| &o.source_note),
        Arc::new(Int64Array::from_iter_values(
            rows.iter().map(|o| o.source_row),
        )),
        text(|o| &o.source_column),
        text(|o| &o.source_cell),
    ];
    // The schema and the columns above are built together; a mismatch is a bug caught by tests.
    RecordBatch::try_new(observations_schema(), columns)
        .unwrap_or_else(|e| unreachable!("observations schema mismatch: {e}"))
}

/// The `subnational` table: one row per source, country, sub-national unit, year and unit,
/// sorted.
pub fn subnational_batch(mut rows: Vec<SubObservation>) -> RecordBatch {
    rows.sort_by(|a, b| {
        (&a.source_id, &a.iso3, &a.subunit_code, a.year, a.unit).cmp(&(
            &b.source_id,
            &b.iso3,
            &b.subunit_code,
            b.year,
            b.unit,
        ))
    });
    let s = |n: &str| Field::new(n, DataType::Utf8, false);
    let schema = Arc::new(Schema::new(vec![
        s("release"),
        s("source_id"),
        s("iso3"),
        s("subunit_code"),
        s("subunit"),
        Field::new("year", DataType::Int32, false),
        s("unit"),
        Field::new("value", DataType::Float64, false),
        Field::new("source_rows", DataType::Int64, false),
    ]));
    let text = |f: fn(&SubObservation) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(rows.iter().map(f)))
    };
    let columns: Vec<ArrayRef> = vec![
        text(|o| &o.release),
        text(|o| &o.source_id),
        text(|o| &o.iso3),
        text(|o| &o.subunit_code),
        text(|o| &o.subunit),
        Arc::new(Int32Array::from_iter_values(rows.iter().map(|o| o.year))),
        text(|o| o.unit),
        Arc::new(Float64Array::from_iter_values(rows.iter().map(|o| o.value))),
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|o| o.rows))),
    ];
    RecordBatch::try_new(schema, columns)
        .unwrap_or_else(|e| unreachable!("subnational schema mismatch: {e}"))
}

/// The `source_cells` table: every cell a summed observation adds up, sorted by source, unit,
/// year, measure and row.
pub fn source_cells_batch(mut rows: Vec<SourceCell>) -> RecordBatch {
    rows.sort_by(|a, b| {
        (&a.source_id, &a.iso3, a.year, a.unit, a.row, &a.column).cmp(&(
            &b.source_id,
            &b.iso3,
            b.year,
            b.unit,
            b.row,
            &b.column,
        ))
    });
    let s = |n: &str| Field::new(n, DataType::Utf8, false);
    let schema = Arc::new(Schema::new(vec![
        s("source_id"),
        s("iso3"),
        Field::new("year", DataType::Int32, false),
        s("unit"),
        Field::new("row", DataType::Int64, false),
        s("column_name"),
        s("cell"),
    ]));
    let text = |f: fn(&SourceCell) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(rows.iter().map(f)))
    };
    let columns: Vec<ArrayRef> = vec![
        text(|c| &c.source_id),
        text(|c| &c.iso3),
        Arc::new(Int32Array::from_iter_values(rows.iter().map(|c| c.year))),
        text(|c| c.unit),
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|c| c.row))),
        text(|c| &c.column),
        text(|c| &c.cell),
    ];
    RecordBatch::try_new(schema, columns)
        .unwrap_or_else(|e| unreachable!("source_cells schema mismatch: {e}"))
}

/// The `quarantine` table: every row that failed a row rule, sorted by source and row. File
/// paths are written relative to the pipeline's folder (`pipeline` is the pipeline file), so
/// the table is the same on every machine.
pub fn quarantine_batch(findings: &[Finding], pipeline: &std::path::Path) -> RecordBatch {
    let base = pipeline.parent().unwrap_or(std::path::Path::new(""));
    let mut rows: Vec<&Finding> = findings.iter().collect();
    rows.sort_by(|a, b| (&a.source_id, a.row, &a.column).cmp(&(&b.source_id, b.row, &b.column)));
    let s = |n: &str| Field::new(n, DataType::Utf8, false);
    let schema = Arc::new(Schema::new(vec![
        s("source_id"),
        s("file"),
        Field::new("row", DataType::Int64, false),
        s("column_name"),
        s("rule"),
        Field::new("iso3", DataType::Utf8, true),
        Field::new("year", DataType::Int32, true),
        s("reason"),
        s("source_row"),
    ]));
    let rel = |f: &Finding| -> String { relative_path(base, &f.file) };
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|f| &f.source_id),
        )),
        Arc::new(StringArray::from_iter_values(rows.iter().map(|f| rel(f)))),
        Arc::new(Int64Array::from_iter_values(
            rows.iter().map(|f| f.row as i64),
        )),
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|f| &f.column),
        )),
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|f| f.rule.name()),
        )),
        Arc::new(StringArray::from_iter(
            rows.iter().map(|f| f.iso3.as_deref()),
        )),
        Arc::new(Int32Array::from_iter(rows.iter().map(|f| f.year))),
        Arc::new(StringArray::from_iter_values(rows.iter().map(|f| {
            let base_text = base.display().to_string();
            // Messages name files as read; drop the machine-specific folder.
            if base_text.is_empty() {
                f.message.clone()
            } else {
                f.message.replace(&format!("{base_text}/"), "")
            }
        }))),
        Arc::new(StringArray::from_iter_values(rows.iter().map(|f| &f.raw))),
    ];
    RecordBatch::try_new(schema, columns)
        .unwrap_or_else(|e| unreachable!("quarantine schema mismatch: {e}"))
}

/// `path` relative to `base` when under it ('/' separators), else as given.
fn relative_path(base: &std::path::Path, path: &std::path::Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Spreadsheet-style column name: 0 → "A", 26 → "AA".
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(11), "L");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
