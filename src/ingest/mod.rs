//! Ingest: source files → rows of the canonical warehouse tables, as Arrow record batches.
//!
//! Takes the checked pipeline's sources and reference files; returns `observations`,
//! `population` and `countries` as sorted Arrow batches. Never guesses a type, never turns an
//! absent value into zero or a zero into an absent value, and never panics on bad input: every
//! problem becomes an `IngestError` naming the file, the row, the column and what was expected.

mod reference;
mod unodc_cts;

use std::path::PathBuf;
use std::sync::Arc;

use arrow::array::{ArrayRef, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};

pub use reference::{Country, countries_batch, read_countries, read_population};
pub use unodc_cts::{COLUMNS, read_unodc_cts};

/// Everything that can be wrong with an input file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file cannot be opened or is not the format its name says.
    #[error("{file}: cannot read: {message}")]
    Open { file: PathBuf, message: String },
    /// No header row was found where one was expected.
    #[error(
        "{file}: no header row found in the first {searched} rows; expected a row with the columns {expected}"
    )]
    NoHeader {
        file: PathBuf,
        searched: usize,
        expected: String,
    },
    /// The header row lacks a column.
    #[error("{file}: row {row}: the header lacks column `{column}`; found {found}")]
    MissingColumn {
        file: PathBuf,
        row: usize,
        column: String,
        found: String,
    },
    /// A cell does not hold what its column requires.
    #[error("{file}: row {row}, column {column}: expected {expected}, found {found:?}")]
    Cell {
        file: PathBuf,
        row: usize,
        column: String,
        expected: String,
        found: String,
    },
    /// A reporting-unit code is in neither the M49 table nor the reporting-units table.
    #[error("{file}: row {row}, column {column}: unknown country code `{code}`{hint}")]
    UnknownCode {
        file: PathBuf,
        row: usize,
        column: String,
        code: String,
        hint: String,
    },
    /// The same country, year and unit appears twice.
    #[error("{file}: row {row}: duplicate {what} (first seen on row {first_row})")]
    Duplicate {
        file: PathBuf,
        row: usize,
        first_row: usize,
        what: String,
    },
    /// A source yielded no rows for the requested category.
    #[error("{file}: no rows with Category = {category:?}")]
    Empty { file: PathBuf, category: String },
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
    /// 1-based row (xlsx) or line (csv) in the source file.
    pub source_row: i64,
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
    ]))
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
    ];
    // The schema and the columns above are built together; a mismatch is a bug caught by tests.
    RecordBatch::try_new(observations_schema(), columns)
        .unwrap_or_else(|e| unreachable!("observations schema mismatch: {e}"))
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
