//! The published lineage, read for one address at a time: its rows indexed by address (the
//! index is built from the address column alone; a row becomes a [`Cell`] only when asked
//! for), and a summed observation's cells read from the warehouse's `source_cells`.

use std::collections::BTreeMap;

use arrow::array::{
    Array, AsArray, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use arrow::datatypes::{DataType, Float64Type, Int32Type, Int64Type};

use crate::error::{Error, Result};

use super::recompute::{Cell, Part};

/// The lineage table of a published output.
pub struct Lineage {
    address: StringArray,
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

/// The `source_cells` table, indexed by [`Key`] when first asked.
struct SourceCells {
    batch: RecordBatch,
    by_key: std::cell::OnceCell<BTreeMap<Key, Vec<u32>>>,
}

fn text(b: &RecordBatch, name: &str) -> Result<StringArray> {
    let a = b
        .column_by_name(name)
        .ok_or_else(|| Error::Output(format!("the lineage has no column `{name}`")))?;
    let a = arrow::compute::cast(a, &DataType::Utf8)
        .map_err(|e| Error::Output(format!("lineage column `{name}`: {e}")))?;
    Ok(a.as_string::<i32>().clone())
}

fn cast<T: arrow::datatypes::ArrowPrimitiveType>(
    b: &RecordBatch,
    name: &str,
    to: &DataType,
) -> Result<arrow::array::PrimitiveArray<T>> {
    let a = b
        .column_by_name(name)
        .ok_or_else(|| Error::Output(format!("the lineage has no column `{name}`")))?;
    let a = arrow::compute::cast(a, to)
        .map_err(|e| Error::Output(format!("lineage column `{name}`: {e}")))?;
    Ok(a.as_primitive::<T>().clone())
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
            address,
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
        let n = if self.cells.is_null(i) {
            1
        } else {
            self.cells.value(i)
        };
        if n > 1
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
        debug_assert!(self.address.len() >= out.len());
        out
    }
}

impl SourceCells {
    fn new(batch: &RecordBatch) -> SourceCells {
        SourceCells {
            batch: batch.clone(),
            by_key: std::cell::OnceCell::new(),
        }
    }

    fn index(&self) -> &BTreeMap<Key, Vec<u32>> {
        self.by_key.get_or_init(|| {
            let mut by_key: BTreeMap<_, Vec<u32>> = BTreeMap::new();
            let b = &self.batch;
            if let (Ok(s), Ok(u), Ok(y), Ok(m)) = (
                text(b, "source_id"),
                text(b, "iso3"),
                cast::<Int32Type>(b, "year", &DataType::Int32),
                text(b, "unit"),
            ) {
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
            }
            by_key
        })
    }

    /// The cells a summed observation adds up, by row.
    fn parts(&self, source_id: &str, iso3: &str, year: i32, unit: &str) -> Vec<Part> {
        let key = (
            source_id.to_string(),
            iso3.to_string(),
            year,
            unit.to_string(),
        );
        let Some(rows) = self.index().get(&key) else {
            return Vec::new();
        };
        let b = &self.batch;
        let (Ok(row), Ok(column), Ok(cell)) = (
            cast::<Int64Type>(b, "row", &DataType::Int64),
            text(b, "column_name"),
            text(b, "cell"),
        ) else {
            return Vec::new();
        };
        rows.iter()
            .map(|&i| {
                let i = i as usize;
                Part {
                    row: row.value(i),
                    column: column.value(i).to_string(),
                    text: cell.value(i).to_string(),
                }
            })
            .collect()
    }
}
