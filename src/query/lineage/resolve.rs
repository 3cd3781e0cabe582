//! The lineage queries' cells resolved to the warehouse rows and source files they were read
//! from, by hash lookups over the warehouse's columns (the `lineage` table).
//!
//! Each lineage row names a cell by unit, year and measure, with its source: `main` (the
//! main observations), `previous` (the previous release), `population`-measure cells, a
//! quarantined `row`, or another source's id. Here each becomes the warehouse row(s) it names:
//! file, sheet, row, column and the cell's text as the file holds it (`value` is the
//! warehouse's value). A summed observation is named by its first row, with `cells` the number
//! of cells it adds up (listed in table `source_cells`). A population cell is the World Bank's
//! where it has the unit and year; otherwise the population is implied by the source (count ÷
//! rate × 100,000) and its cells are the count and the rate.
//!
//! The result has no duplicate rows and is sorted by item, address, source, unit, year,
//! measure, row and column (missing values last), then by the remaining columns.
//! `tests/sql/lineage_cells.sql` says the same in SQL; a test holds the two equal over the
//! default pipeline.

use std::cmp::Ordering;
use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use arrow::datatypes::{Float64Type, Int32Type, Int64Type};

use crate::error::{Error, Result};

/// A hash map with a fast, fixed-seed hash (the keys are the warehouse's own text).
type HashMap<K, V> = std::collections::HashMap<K, V, ahash::RandomState>;

fn map<K, V>() -> HashMap<K, V> {
    HashMap::with_hasher(ahash::RandomState::with_seeds(1, 2, 3, 4))
}
use crate::store::warehouse::{Name, Warehouse};

/// One resolved cell: a row of the `lineage` table, borrowing its text.
#[derive(Debug, Clone, Copy)]
struct Cell<'a> {
    item: &'a str,
    address: &'a str,
    source_id: &'a str,
    iso3: Option<&'a str>,
    year: Option<i32>,
    unit: &'a str,
    value: Option<f64>,
    file: Option<&'a str>,
    sheet: &'a str,
    row: Option<i64>,
    column_name: Option<&'a str>,
    cell: Option<&'a str>,
    cells: i64,
}

impl Cell<'_> {
    fn cmp(&self, o: &Self) -> Ordering {
        self.item
            .cmp(o.item)
            .then_with(|| self.address.cmp(o.address))
            .then_with(|| self.source_id.cmp(o.source_id))
            .then_with(|| last(self.iso3, o.iso3))
            .then_with(|| last(self.year, o.year))
            .then_with(|| self.unit.cmp(o.unit))
            .then_with(|| last(self.row, o.row))
            .then_with(|| last(self.column_name, o.column_name))
            .then_with(|| last(self.value.map(f64::to_bits), o.value.map(f64::to_bits)))
            .then_with(|| last(self.file, o.file))
            .then_with(|| self.sheet.cmp(o.sheet))
            .then_with(|| last(self.cell, o.cell))
            .then_with(|| self.cells.cmp(&o.cells))
    }
}

/// Ascending, a missing value after every value (SQL's `NULLS LAST`).
fn last<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
    }
}

/// A warehouse table's columns, read by name.
struct Columns<'a> {
    table: &'static str,
    batch: &'a RecordBatch,
}

impl<'a> Columns<'a> {
    fn of(warehouse: &'a Warehouse, name: Name) -> Self {
        let table = crate::store::warehouse::TABLES[name as usize].1;
        Columns {
            table,
            batch: warehouse.get(name),
        }
    }

    fn column(&self, name: &str) -> Result<&'a ArrayRef> {
        self.batch
            .column_by_name(name)
            .ok_or_else(|| Error::Internal(format!("table {} has no column {name}", self.table)))
    }

    fn text(&self, name: &str) -> Result<&'a StringArray> {
        self.column(name)?.as_string_opt::<i32>().ok_or_else(|| {
            Error::Internal(format!("column {name} of table {} is not text", self.table))
        })
    }

    fn int32(&self, name: &str) -> Result<&'a Int32Array> {
        self.column(name)?
            .as_primitive_opt::<Int32Type>()
            .ok_or_else(|| Error::Internal(format!("column {name} of {} is not Int32", self.table)))
    }

    fn int64(&self, name: &str) -> Result<&'a Int64Array> {
        self.column(name)?
            .as_primitive_opt::<Int64Type>()
            .ok_or_else(|| Error::Internal(format!("column {name} of {} is not Int64", self.table)))
    }

    fn float64(&self, name: &str) -> Result<&'a Float64Array> {
        self.column(name)?
            .as_primitive_opt::<Float64Type>()
            .ok_or_else(|| {
                Error::Internal(format!("column {name} of {} is not Float64", self.table))
            })
    }
}

fn text_at(a: &StringArray, i: usize) -> Option<&str> {
    (!a.is_null(i)).then(|| a.value(i))
}

fn int32_at(a: &Int32Array, i: usize) -> Option<i32> {
    (!a.is_null(i)).then(|| a.value(i))
}

fn int64_at(a: &Int64Array, i: usize) -> Option<i64> {
    (!a.is_null(i)).then(|| a.value(i))
}

fn float64_at(a: &Float64Array, i: usize) -> Option<f64> {
    (!a.is_null(i)).then(|| a.value(i))
}

/// An observations-shaped table (observations, a previous release, comparisons, releases):
/// its provenance columns and its rows by (source, unit, year, measure).
struct Observed<'a> {
    source_id: &'a StringArray,
    iso3: &'a StringArray,
    year: &'a Int32Array,
    unit: &'a StringArray,
    value: &'a Float64Array,
    row: &'a Int64Array,
    column: &'a StringArray,
    cell: &'a StringArray,
}

impl<'a> Observed<'a> {
    fn of(warehouse: &'a Warehouse, name: Name) -> Result<Self> {
        let c = Columns::of(warehouse, name);
        Ok(Observed {
            source_id: c.text("source_id")?,
            iso3: c.text("iso3")?,
            year: c.int32("year")?,
            unit: c.text("unit")?,
            value: c.float64("value")?,
            row: c.int64("source_row")?,
            column: c.text("source_column")?,
            cell: c.text("source_cell")?,
        })
    }

    fn len(&self) -> usize {
        self.iso3.len()
    }

    /// Rows by (unit, year, measure), in table order.
    fn by_key(&self) -> HashMap<(&'a str, i32, &'a str), Vec<usize>> {
        let mut index: HashMap<_, Vec<usize>> = map();
        for i in 0..self.len() {
            if let (Some(u), Some(y), Some(m)) = (
                text_at(self.iso3, i),
                int32_at(self.year, i),
                text_at(self.unit, i),
            ) {
                index.entry((u, y, m)).or_default().push(i);
            }
        }
        index
    }

    /// Rows by (source, unit, year, measure), of the sources in `wanted` only.
    fn by_source_key(
        &self,
        wanted: &HashMap<&str, ()>,
    ) -> HashMap<(&'a str, &'a str, i32, &'a str), Vec<usize>> {
        let mut index: HashMap<_, Vec<usize>> = map();
        if wanted.is_empty() {
            return index;
        }
        for i in 0..self.len() {
            if !text_at(self.source_id, i).is_some_and(|s| wanted.contains_key(s)) {
                continue;
            }
            if let (Some(s), Some(u), Some(y), Some(m)) = (
                text_at(self.source_id, i),
                text_at(self.iso3, i),
                int32_at(self.year, i),
                text_at(self.unit, i),
            ) {
                index.entry((s, u, y, m)).or_default().push(i);
            }
        }
        index
    }

    /// Row `i` as a cell of `item`'s `address` (file, sheet and cell count filled in later).
    fn cell(&self, item: &'a str, address: &'a str, i: usize) -> Cell<'a> {
        Cell {
            item,
            address,
            source_id: self.source_id.value(i),
            iso3: text_at(self.iso3, i),
            year: int32_at(self.year, i),
            unit: self.unit.value(i),
            value: float64_at(self.value, i),
            file: None,
            sheet: "",
            row: int64_at(self.row, i),
            column_name: text_at(self.column, i),
            cell: text_at(self.cell, i),
            cells: 1,
        }
    }
}

/// The lineage rows (`raw`, in the schema of `super::raw_schema`) resolved over `warehouse`;
/// `population_file` is the World Bank file as the lineage names it.
pub fn resolve(
    warehouse: &Warehouse,
    raw: &RecordBatch,
    population_file: &str,
) -> Result<RecordBatch> {
    let r = RawColumns::of(raw)?;
    let main = Observed::of(warehouse, Name::Observations)?;
    let previous = Observed::of(warehouse, Name::Previous)?;
    let comparisons = Observed::of(warehouse, Name::Comparisons)?;
    let releases = Observed::of(warehouse, Name::Releases)?;
    // Only the tables and sources the lineage names are indexed.
    let mut named: HashMap<&str, ()> = map();
    for i in 0..raw.num_rows() {
        named.insert(r.source.value(i), ());
    }
    let main_index = main.by_key();
    let previous_index = if named.contains_key("previous") {
        previous.by_key()
    } else {
        map()
    };
    let (comparisons_index, releases_index) = (
        comparisons.by_source_key(&named),
        releases.by_source_key(&named),
    );

    let pop = Columns::of(warehouse, Name::Population);
    let (p_iso3, p_year, p_value) = (
        pop.text("iso3")?,
        pop.int32("year")?,
        pop.float64("population")?,
    );
    let (p_row, p_column, p_cell) = (
        pop.int64("source_row")?,
        pop.text("source_column")?,
        pop.text("source_cell")?,
    );
    let mut pop_index: HashMap<(&str, i32), Vec<usize>> = map();
    for i in 0..p_iso3.len() {
        if let (Some(u), Some(y)) = (text_at(p_iso3, i), int32_at(p_year, i)) {
            pop_index.entry((u, y)).or_default().push(i);
        }
    }

    let q = Columns::of(warehouse, Name::Quarantine);
    let (q_source, q_row, q_column) = (
        q.text("source_id")?,
        q.int64("row")?,
        q.text("column_name")?,
    );
    let (q_iso3, q_year, q_text) = (q.text("iso3")?, q.int32("year")?, q.text("source_row")?);
    let mut quarantine_index: HashMap<(&str, i64), Vec<usize>> = map();
    for i in 0..q_source.len() {
        if let (Some(s), Some(row)) = (text_at(q_source, i), int64_at(q_row, i)) {
            quarantine_index.entry((s, row)).or_default().push(i);
        }
    }

    let mut cells: Vec<Cell> = Vec::new();
    for i in 0..raw.num_rows() {
        let (item, address, source) = (r.item.value(i), r.address.value(i), r.source.value(i));
        let unit = r.unit.value(i);
        let (iso3, year) = (text_at(r.iso3, i), int32_at(r.year, i));
        let key = iso3.zip(year);
        if let Some((u, y)) = key {
            if source == "main" && unit != "population" {
                for &j in main_index.get(&(u, y, unit)).into_iter().flatten() {
                    cells.push(main.cell(item, address, j));
                }
            }
            if source == "previous" {
                for &j in previous_index.get(&(u, y, unit)).into_iter().flatten() {
                    cells.push(previous.cell(item, address, j));
                }
            }
            if unit != "population" && unit != "row" {
                for &j in comparisons_index
                    .get(&(source, u, y, unit))
                    .into_iter()
                    .flatten()
                {
                    cells.push(comparisons.cell(item, address, j));
                }
                for &j in releases_index
                    .get(&(source, u, y, unit))
                    .into_iter()
                    .flatten()
                {
                    cells.push(releases.cell(item, address, j));
                }
            }
            if unit == "population" {
                match pop_index.get(&(u, y)) {
                    Some(rows) => {
                        for &j in rows {
                            cells.push(Cell {
                                item,
                                address,
                                source_id: "population",
                                iso3: Some(u),
                                year: Some(y),
                                unit: "population",
                                value: float64_at(p_value, j),
                                file: Some(population_file),
                                sheet: "",
                                row: int64_at(p_row, j),
                                column_name: text_at(p_column, j),
                                cell: text_at(p_cell, j),
                                cells: 1,
                            });
                        }
                    }
                    // No World Bank figure: the population the source implies, from its count
                    // and its rate.
                    None => {
                        for m in ["count", "rate_per_100k"] {
                            for &j in main_index.get(&(u, y, m)).into_iter().flatten() {
                                cells.push(main.cell(item, address, j));
                            }
                        }
                    }
                }
            }
        }
        if unit == "row" {
            let row = int64_at(r.row, i);
            for &j in row
                .and_then(|row| quarantine_index.get(&(source, row)))
                .into_iter()
                .flatten()
            {
                cells.push(Cell {
                    item,
                    address,
                    source_id: q_source.value(j),
                    iso3: text_at(q_iso3, j),
                    year: int32_at(q_year, j),
                    unit: "row",
                    value: None,
                    file: None,
                    sheet: "",
                    row: int64_at(q_row, j),
                    column_name: text_at(q_column, j),
                    cell: text_at(q_text, j),
                    cells: 1,
                });
            }
        }
    }

    // Each source's file and sheet, and how many cells each summed observation adds up.
    let s = Columns::of(warehouse, Name::Sources);
    let (s_id, s_file, s_sheet) = (s.text("id")?, s.text("file")?, s.text("sheet")?);
    let mut files: HashMap<&str, Vec<usize>> = map();
    for i in 0..s_id.len() {
        if let Some(id) = text_at(s_id, i) {
            files.entry(id).or_default().push(i);
        }
    }
    let sc = Columns::of(warehouse, Name::SourceCells);
    let (sc_source, sc_iso3, sc_year, sc_unit) = (
        sc.text("source_id")?,
        sc.text("iso3")?,
        sc.int32("year")?,
        sc.text("unit")?,
    );
    // The table is sorted by these columns: each sum is a run of rows (counted run by run,
    // so an unsorted table would still count right).
    let mut summed: HashMap<(&str, &str, i32, &str), i64> = map();
    let key = |i: usize| {
        (
            text_at(sc_source, i),
            text_at(sc_iso3, i),
            int32_at(sc_year, i),
            text_at(sc_unit, i),
        )
    };
    let mut i = 0;
    while i < sc_source.len() {
        let k = key(i);
        let mut end = i + 1;
        while end < sc_source.len() && key(end) == k {
            end += 1;
        }
        if let (Some(s), Some(u), Some(y), Some(m)) = k {
            *summed.entry((s, u, y, m)).or_default() += (end - i) as i64;
        }
        i = end;
    }
    let mut resolved = Vec::with_capacity(cells.len());
    for c in cells {
        let count = c
            .iso3
            .zip(c.year)
            .and_then(|(u, y)| summed.get(&(c.source_id, u, y, c.unit)).copied())
            .unwrap_or(1);
        let population = c.source_id == "population";
        let file = |j: usize| {
            if population {
                Some(population_file)
            } else {
                text_at(s_file, j)
            }
        };
        match files.get(c.source_id) {
            Some(rows) => resolved.extend(rows.iter().map(|&j| Cell {
                file: file(j),
                sheet: text_at(s_sheet, j).unwrap_or(""),
                cells: count,
                ..c
            })),
            None => resolved.push(Cell {
                file: population.then_some(population_file),
                sheet: "",
                cells: count,
                ..c
            }),
        }
    }
    resolved.sort_unstable_by(Cell::cmp);
    resolved.dedup_by(|a, b| a.cmp(b) == Ordering::Equal);
    batch(&resolved)
}

/// The lineage rows' columns (schema of `super::raw_schema`).
struct RawColumns<'a> {
    item: &'a StringArray,
    address: &'a StringArray,
    source: &'a StringArray,
    iso3: &'a StringArray,
    year: &'a Int32Array,
    unit: &'a StringArray,
    row: &'a Int64Array,
}

impl<'a> RawColumns<'a> {
    fn of(raw: &'a RecordBatch) -> Result<Self> {
        let text = |i: usize| -> Result<&'a StringArray> {
            raw.column(i)
                .as_string_opt::<i32>()
                .ok_or_else(|| Error::Internal(format!("lineage rows: column {i} is not text")))
        };
        Ok(RawColumns {
            item: text(0)?,
            address: text(1)?,
            source: text(2)?,
            iso3: text(3)?,
            year: raw
                .column(4)
                .as_primitive_opt::<Int32Type>()
                .ok_or_else(|| Error::Internal("lineage rows: year is not Int32".into()))?,
            unit: text(5)?,
            row: raw
                .column(6)
                .as_primitive_opt::<Int64Type>()
                .ok_or_else(|| Error::Internal("lineage rows: row is not Int64".into()))?,
        })
    }
}

/// The `lineage` table of these cells (schema of `super::empty`).
fn batch<'a>(cells: &[Cell<'a>]) -> Result<RecordBatch> {
    let text = |f: fn(&Cell<'a>) -> Option<&'a str>| -> ArrayRef {
        Arc::new(StringArray::from_iter(cells.iter().map(f)))
    };
    let columns: Vec<ArrayRef> = vec![
        text(|c| Some(c.item)),
        text(|c| Some(c.address)),
        text(|c| Some(c.source_id)),
        text(|c| c.iso3),
        Arc::new(Int32Array::from_iter(cells.iter().map(|c| c.year))),
        text(|c| Some(c.unit)),
        Arc::new(Float64Array::from_iter(cells.iter().map(|c| c.value))),
        text(|c| c.file),
        text(|c| Some(c.sheet)),
        Arc::new(Int64Array::from_iter(cells.iter().map(|c| c.row))),
        text(|c| c.column_name),
        text(|c| c.cell),
        Arc::new(Int64Array::from_iter_values(cells.iter().map(|c| c.cells))),
    ];
    RecordBatch::try_new(super::empty().schema(), columns)
        .map_err(|e| Error::Internal(format!("lineage table: {e}")))
}
