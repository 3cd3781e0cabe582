//! Lineage: the source cells behind every number of the report.
//!
//! Each figure, table and narrative item has a lineage query (`lineage/ITEM.sql` of the
//! pipeline's queries) that names, for each of its addresses (`F2/Americas/2015`, `T3/USA`,
//! `N2/kidnappings`), the cells its numbers are computed or selected from: unit, year and
//! measure, and the source when it is not the main one. [`resolve`] turns them into warehouse
//! rows and source files: table `lineage`, written to the warehouse, read by `query`, and the
//! only basis of every "Source:" line.

mod resolve;

use std::path::Path;
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, Int64Array, RecordBatch, StringArray};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};

use crate::config::Pipeline;
use crate::error::{Error, QueryError, Result};
use crate::query::{Engine, Table, Value};
use crate::store::warehouse::Warehouse;

/// What the lineage table is named as in messages.
pub const LINEAGE_SOURCE: &str = "<lineage>";
/// The warehouse table the lineage is written as.
pub const LINEAGE_TABLE: &str = crate::store::warehouse::LINEAGE;

/// Columns a lineage query must return; `source_id` (default `main`) and `row` may follow.
const REQUIRED: [&str; 4] = ["address", "iso3", "year", "unit"];

/// What a lineage query's rows become before they are resolved (table `lineage_raw`).
fn raw_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("item", DataType::Utf8, false),
        Field::new("address", DataType::Utf8, false),
        Field::new("source_id", DataType::Utf8, false),
        Field::new("iso3", DataType::Utf8, true),
        Field::new("year", DataType::Int32, true),
        Field::new("unit", DataType::Utf8, false),
        Field::new("row", DataType::Int64, true),
    ]))
}

/// Run every lineage query of the pipeline over the prepared engine and resolve the cells:
/// the `lineage` table, sorted by item, address, source, unit, year and measure.
pub fn build(engine: &Engine, warehouse: &Warehouse, pipeline: &Pipeline) -> Result<RecordBatch> {
    let files = pipeline.lineage_files()?;
    let ran = crate::parallel::map(&files, |(item, file)| run_one(engine, item, file));
    let mut parts = Vec::with_capacity(files.len());
    for r in ran {
        parts.push(r.ok_or_else(|| Error::Internal("a lineage thread panicked".into()))??);
    }
    resolve(warehouse, pipeline, parts)
}

/// One item's lineage query (`file`), its rows in the common form (to be resolved).
pub fn run_one(engine: &Engine, item: &str, file: &Path) -> Result<RecordBatch> {
    let batches = engine.run_sql(file, &read(file)?)?;
    normalise(item, file, &batches)
}

/// Every lineage query planned and run over `engine` (for `validate`), each failure kept.
pub fn check(engine: &Engine, pipeline: &Pipeline) -> Vec<Error> {
    let files = match pipeline.lineage_files() {
        Ok(f) => f,
        Err(e) => return vec![e],
    };
    let mut errors = Vec::new();
    for (item, file) in &files {
        let checked = read(file)
            .and_then(|sql| engine.run_sql(file, &sql))
            .and_then(|batches| {
                // Columns are checked even when the query returns no rows.
                if batches.is_empty() {
                    let sql = read(file)?;
                    return columns_of(engine, file, &sql).map(|_| ());
                }
                normalise(item, file, &batches).map(|_| ())
            });
        if let Err(e) = checked {
            errors.push(e);
        }
    }
    errors
}

fn columns_of(engine: &Engine, file: &Path, sql: &str) -> Result<()> {
    let t = engine.run_table(file, sql)?;
    for c in REQUIRED {
        if !t.columns.iter().any(|n| n == c) {
            return Err(missing(file, c));
        }
    }
    Ok(())
}

fn read(file: &Path) -> Result<String> {
    std::fs::read_to_string(file).map_err(|source| {
        Error::from(QueryError::Read {
            file: file.to_path_buf(),
            source,
        })
    })
}

fn missing(file: &Path, column: &str) -> Error {
    QueryError::Invalid {
        file: file.to_path_buf(),
        message: format!(
            "a lineage query returns the columns address, iso3, year and unit (then optionally \
             source_id and row); `{column}` is missing"
        ),
    }
    .into()
}

/// One lineage query's result in the common schema, its item named.
fn normalise(item: &str, file: &Path, batches: &[RecordBatch]) -> Result<RecordBatch> {
    let mut out = Vec::with_capacity(batches.len());
    for b in batches {
        let n = b.num_rows();
        let column = |name: &str, to: &DataType| -> Result<Option<ArrayRef>> {
            match b.column_by_name(name) {
                None => Ok(None),
                Some(a) => arrow::compute::cast(a, to).map(Some).map_err(|e| {
                    QueryError::Invalid {
                        file: file.to_path_buf(),
                        message: format!("column `{name}` cannot be read as {to}: {e}"),
                    }
                    .into()
                }),
            }
        };
        let need = |name: &str, to: &DataType| -> Result<ArrayRef> {
            column(name, to)?.ok_or_else(|| missing(file, name))
        };
        let address = need("address", &DataType::Utf8)?;
        let iso3 = need("iso3", &DataType::Utf8)?;
        let year = need("year", &DataType::Int32)?;
        let unit = need("unit", &DataType::Utf8)?;
        for (name, a) in [("address", &address), ("unit", &unit)] {
            if a.null_count() > 0 {
                return Err(QueryError::Invalid {
                    file: file.to_path_buf(),
                    message: format!("a lineage row has no {name}"),
                }
                .into());
            }
        }
        let source: ArrayRef = match column("source_id", &DataType::Utf8)? {
            Some(a) => {
                let s = a.as_string::<i32>();
                Arc::new(StringArray::from_iter_values(
                    (0..n).map(|i| if s.is_null(i) { "main" } else { s.value(i) }),
                ))
            }
            None => Arc::new(StringArray::from_iter_values((0..n).map(|_| "main"))),
        };
        let row: ArrayRef = match column("row", &DataType::Int64)? {
            Some(a) => a,
            None => Arc::new(Int64Array::from(vec![None::<i64>; n])),
        };
        let items: ArrayRef = Arc::new(StringArray::from_iter_values((0..n).map(|_| item)));
        out.push(
            RecordBatch::try_new(
                raw_schema(),
                vec![items, address, source, iso3, year, unit, row],
            )
            .map_err(|e| Error::Internal(format!("lineage of {item}: {e}")))?,
        );
    }
    arrow::compute::concat_batches(&raw_schema(), &out)
        .map_err(|e| Error::Internal(format!("lineage of {item}: {e}")))
}

/// The items' lineage rows (from [`run_one`]) resolved to source cells over `warehouse`: the
/// `lineage` table.
pub fn resolve(
    warehouse: &Warehouse,
    pipeline: &Pipeline,
    parts: Vec<RecordBatch>,
) -> Result<RecordBatch> {
    let raw = rows(parts)?;
    resolve::resolve(warehouse, &raw, &population_file(pipeline))
}

/// The items' lineage rows (from [`run_one`]) as one batch (table `lineage_raw`).
pub fn rows(parts: Vec<RecordBatch>) -> Result<RecordBatch> {
    arrow::compute::concat_batches(&raw_schema(), &parts)
        .map_err(|e| Error::Internal(format!("lineage rows: {e}")))
}

/// The World Bank file as the lineage names it: relative to the pipeline's folder.
pub fn population_file(pipeline: &Pipeline) -> String {
    let base = pipeline.file.parent().unwrap_or(Path::new(""));
    crate::config::relative(base, &pipeline.population.path)
}

/// The `lineage` table with no rows (a pipeline without lineage queries).
pub fn empty() -> RecordBatch {
    let s = |n: &str| Field::new(n, DataType::Utf8, true);
    let schema = Arc::new(Schema::new(vec![
        s("item"),
        s("address"),
        s("source_id"),
        s("iso3"),
        Field::new("year", DataType::Int32, true),
        s("unit"),
        Field::new("value", DataType::Float64, true),
        s("file"),
        s("sheet"),
        Field::new("row", DataType::Int64, true),
        s("column_name"),
        s("cell"),
        Field::new("cells", DataType::Int64, true),
    ]));
    RecordBatch::new_empty(schema)
}

/// The lineage's summary, result `lineage_sources` (`store::warehouse::LINEAGE_SOURCES`):
/// for each item, the sources its lineage rests on and how many rows each gives, sorted —
/// what the "Source:" lines and the manifest need, without the lineage itself.
pub fn sources(lineage: &RecordBatch) -> Result<Table> {
    let text = |name: &str| -> Result<&StringArray> {
        lineage
            .column_by_name(name)
            .and_then(|a| a.as_string_opt::<i32>())
            .ok_or_else(|| Error::Internal(format!("the lineage has no text column {name}")))
    };
    let (item, source) = (text("item")?, text("source_id")?);
    let mut counts: std::collections::BTreeMap<(&str, &str), i64> = Default::default();
    for i in 0..lineage.num_rows() {
        *counts.entry((item.value(i), source.value(i))).or_default() += 1;
    }
    Ok(Table {
        columns: vec!["item".into(), "source_id".into(), "rows".into()],
        rows: counts
            .into_iter()
            .map(|((i, s), n)| vec![Value::Text(i.into()), Value::Text(s.into()), Value::Int(n)])
            .collect(),
    })
}
