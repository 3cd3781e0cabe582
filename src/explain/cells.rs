//! The published lineage, read for one address at a time: its rows indexed by address (the
//! index is built from the address column alone; a row becomes a [`Cell`] only when asked
//! for), and a summed observation's cells read from the warehouse's `source_cells`; a cell
//! as `explain` prints it and reads its number.

use std::collections::BTreeMap;

use arrow::array::{
    Array, AsArray, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use arrow::datatypes::{DataType, Float64Type, Int32Type, Int64Type};

use crate::error::{Error, Result};

/// The lineage table of a published output.
pub struct Lineage {
    source_id: StringArray,
    iso3: StringArray,
    year: Int32Array,
    unit: StringArray,
    value: Float64Array,
    file: StringArray,
    sheet: StringArray,
    row: Int64Array,
    column: StringArray,
    cell: StringArray,
    /// How many cells a row's value adds up (1 when it is one cell).
    cells: Int64Array,
    /// Row numbers by address, in the table's order.
    by_address: BTreeMap<String, Vec<u32>>,
    /// The warehouse's `source_cells`: what each summed observation adds up.
    summed: SourceCells,
}

/// A summed observation: source, unit, year, measure.
type Key = (String, String, i32, String);

/// The `source_cells` table, read and indexed by [`Key`] when first asked.
struct SourceCells {
    batch: RecordBatch,
    read: std::cell::OnceCell<Option<Summed>>,
}

/// `source_cells` read: the columns a part needs, and the rows of each key.
struct Summed {
    row: Int64Array,
    column: StringArray,
    cell: StringArray,
    by_key: BTreeMap<Key, Vec<u32>>,
}

/// Column `name` of `b` as type `to`.
fn column(b: &RecordBatch, name: &str, to: &DataType) -> Result<arrow::array::ArrayRef> {
    let a = b
        .column_by_name(name)
        .ok_or_else(|| Error::Output(format!("the lineage has no column `{name}`")))?;
    arrow::compute::cast(a, to).map_err(|e| Error::Output(format!("lineage column `{name}`: {e}")))
}

fn text(b: &RecordBatch, name: &str) -> Result<StringArray> {
    Ok(column(b, name, &DataType::Utf8)?.as_string::<i32>().clone())
}

fn cast<T: arrow::datatypes::ArrowPrimitiveType>(
    b: &RecordBatch,
    name: &str,
    to: &DataType,
) -> Result<arrow::array::PrimitiveArray<T>> {
    Ok(column(b, name, to)?.as_primitive::<T>().clone())
}

impl Lineage {
    /// The lineage table and the warehouse's `source_cells`, indexed.
    pub fn new(batch: &RecordBatch, source_cells: &RecordBatch) -> Result<Lineage> {
        let address = text(batch, "address")?;
        let mut by_address: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for i in 0..address.len() {
            by_address
                .entry(address.value(i).to_string())
                .or_default()
                .push(i as u32);
        }
        // An output written before `cells` was a column lists each summed cell itself.
        let cells = match batch.column_by_name("cells") {
            Some(_) => cast::<Int64Type>(batch, "cells", &DataType::Int64)?,
            None => Int64Array::from(vec![1; batch.num_rows()]),
        };
        Ok(Lineage {
            source_id: text(batch, "source_id")?,
            iso3: text(batch, "iso3")?,
            year: cast::<Int32Type>(batch, "year", &DataType::Int32)?,
            unit: text(batch, "unit")?,
            value: cast::<Float64Type>(batch, "value", &DataType::Float64)?,
            file: text(batch, "file")?,
            sheet: text(batch, "sheet")?,
            row: cast::<Int64Type>(batch, "row", &DataType::Int64)?,
            column: text(batch, "column_name")?,
            cell: text(batch, "cell")?,
            cells,
            by_address,
            summed: SourceCells::new(source_cells),
        })
    }

    /// The cells of `address`, in the table's order.
    pub fn cells(&self, address: &str) -> Vec<Cell> {
        let Some(rows) = self.by_address.get(address) else {
            return Vec::new();
        };
        rows.iter().map(|&i| self.cell_at(i as usize)).collect()
    }

    fn cell_at(&self, i: usize) -> Cell {
        let opt_text = |a: &StringArray| {
            if a.is_null(i) {
                String::new()
            } else {
                a.value(i).to_string()
            }
        };
        let mut c = Cell {
            source_id: opt_text(&self.source_id),
            iso3: opt_text(&self.iso3),
            year: (!self.year.is_null(i)).then(|| self.year.value(i)),
            unit: opt_text(&self.unit),
            value: (!self.value.is_null(i)).then(|| self.value.value(i)),
            file: opt_text(&self.file),
            sheet: opt_text(&self.sheet),
            row: (!self.row.is_null(i)).then(|| self.row.value(i)),
            column: opt_text(&self.column),
            text: opt_text(&self.cell),
            parts: Vec::new(),
        };
        if self.cells.value(i) > 1
            && let Some(year) = c.year
        {
            c.parts = self.summed.parts(&c.source_id, &c.iso3, year, &c.unit);
        }
        c
    }

    /// The distinct addresses under `prefix` (`T3/`), in order; with `iso3`, only those
    /// with a cell of that unit.
    pub fn addresses(&self, prefix: &str, iso3: Option<&str>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (a, rows) in self.by_address.range(prefix.to_string()..) {
            if !a.starts_with(prefix) {
                break;
            }
            let of_unit = match iso3 {
                None => true,
                Some(u) => rows
                    .iter()
                    .any(|&i| self.iso3.value(i as usize).eq_ignore_ascii_case(u)),
            };
            if of_unit {
                out.push(a.clone());
            }
        }
        out
    }
}

impl SourceCells {
    fn new(batch: &RecordBatch) -> SourceCells {
        SourceCells {
            batch: batch.clone(),
            read: std::cell::OnceCell::new(),
        }
    }

    fn read(&self) -> Option<&Summed> {
        self.read
            .get_or_init(|| {
                let b = &self.batch;
                let (s, u, y, m) = (
                    text(b, "source_id").ok()?,
                    text(b, "iso3").ok()?,
                    cast::<Int32Type>(b, "year", &DataType::Int32).ok()?,
                    text(b, "unit").ok()?,
                );
                let mut by_key: BTreeMap<Key, Vec<u32>> = BTreeMap::new();
                for i in 0..b.num_rows() {
                    by_key
                        .entry((
                            s.value(i).to_string(),
                            u.value(i).to_string(),
                            y.value(i),
                            m.value(i).to_string(),
                        ))
                        .or_default()
                        .push(i as u32);
                }
                Some(Summed {
                    row: cast::<Int64Type>(b, "row", &DataType::Int64).ok()?,
                    column: text(b, "column_name").ok()?,
                    cell: text(b, "cell").ok()?,
                    by_key,
                })
            })
            .as_ref()
    }

    /// The cells a summed observation adds up, by row.
    fn parts(&self, source_id: &str, iso3: &str, year: i32, unit: &str) -> Vec<Part> {
        let Some(t) = self.read() else {
            return Vec::new();
        };
        let key = (
            source_id.to_string(),
            iso3.to_string(),
            year,
            unit.to_string(),
        );
        t.by_key.get(&key).map_or_else(Vec::new, |rows| {
            rows.iter()
                .map(|&i| {
                    let i = i as usize;
                    Part {
                        row: t.row.value(i),
                        column: t.column.value(i).to_string(),
                        text: t.cell.value(i).to_string(),
                    }
                })
                .collect()
        })
    }
}

/// One source cell of the lineage.
#[derive(Debug, Clone)]
pub struct Cell {
    pub source_id: String,
    pub iso3: String,
    pub year: Option<i32>,
    /// `count`, `rate_per_100k`, `population` or `row` (a quarantined row).
    pub unit: String,
    /// The warehouse's value.
    pub value: Option<f64>,
    pub file: String,
    /// The xlsx sheet (empty for csv).
    pub sheet: String,
    pub row: Option<i64>,
    pub column: String,
    /// The cell's text as the file holds it (empty for a sum).
    pub text: String,
    /// The cells a summed observation adds up (none for a cell read as it is).
    pub parts: Vec<Part>,
}

/// One of the cells a summed observation adds up (table `source_cells`).
#[derive(Debug, Clone)]
pub struct Part {
    pub row: i64,
    pub column: String,
    pub text: String,
}

impl Cell {
    /// `unodc-cts-2025 data/….xlsx row 1234, L (VALUE) "12.3" (USA 2023 rate_per_100k)`; a
    /// sum: `… rows 12, 40, 41 … (3 cells: D "2" + D "1" + …) (…)`.
    pub fn describe(&self) -> String {
        let year = self.year.map(|y| y.to_string()).unwrap_or_default();
        let sheet = if self.sheet.is_empty() {
            String::new()
        } else {
            format!(" sheet {:?}", self.sheet)
        };
        let at = if self.parts.is_empty() {
            format!(
                "row {}, {} \"{}\"",
                self.row
                    .map(|r| r.to_string())
                    .unwrap_or_else(|| "?".into()),
                self.column,
                self.text
            )
        } else {
            const SHOWN: usize = 4;
            let mut terms: Vec<String> = self
                .parts
                .iter()
                .take(SHOWN)
                .map(|p| format!("row {} {} \"{}\"", p.row, p.column, p.text))
                .collect();
            if self.parts.len() > SHOWN {
                terms.push(format!(
                    "… {} more in table source_cells",
                    self.parts.len() - SHOWN
                ));
            }
            format!(
                "the sum of {} cells: {}",
                self.parts.len(),
                terms.join(" + ")
            )
        };
        format!(
            "{} {}{sheet} {at} ({} {} {})",
            self.source_id, self.file, self.iso3, year, self.unit
        )
    }

    /// The number the cell's text holds: digits with an optional decimal point, thousands
    /// separators and trailing footnote marks aside; a sum's, the sum of its cells'.
    pub(super) fn number(&self) -> Option<f64> {
        if !self.parts.is_empty() {
            return self.parts.iter().map(|p| number(&p.text)).sum();
        }
        number(&self.text)
    }
}

/// A cell's text as a number: thousands separators and a trailing footnote mark ignored.
pub(crate) fn number(text: &str) -> Option<f64> {
    let t = text.trim().trim_end_matches('*');
    let t: String = t.chars().filter(|c| *c != ',').collect();
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}
