//! The `table` layout: any csv, xlsx or Parquet table, described in the pipeline YAML.
//!
//! Takes a source whose `table:` block says where the header is, where the data stop, which
//! rows to keep, which column holds the country (code, M49 number or name), the year (a column,
//! or year-named columns of a wide table, several groups of them for counts then rates), the
//! value and its unit, how numbers are written, and whether rows are summed (micro-data by
//! month, municipality, sex, …). Returns country-year observations, sub-national rows when the
//! source has a sub-national column, and the rows that failed a rule (with their reason and
//! source row) for quarantine. Never needs Rust for a new source of this kind.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use super::clean::{Number, clean_name};
use super::csv_reader::CsvRecords;
use super::resolve::{CodeKind, Resolver};
use super::unodc_cts::{Cell, read_xlsx_sheet};
use super::{Finding, IngestError, Observation, Rule, SourceCell, column_letter};
use crate::config::Source;
pub use crate::config::spec::{CountrySpec, SubunitSpec, TableSpec, Unit};

/// One sub-national observation.
#[derive(Debug, Clone, PartialEq)]
pub struct SubObservation {
    pub release: String,
    pub source_id: String,
    pub iso3: String,
    pub subunit_code: String,
    pub subunit: String,
    pub year: i32,
    pub unit: &'static str,
    pub value: f64,
    /// Source rows summed into the value.
    pub rows: i64,
}

/// What a `table` source yields.
#[derive(Debug, Default)]
pub struct TableOutput {
    pub observations: Vec<Observation>,
    pub subnational: Vec<SubObservation>,
    pub findings: Vec<Finding>,
    /// Rows read after the header (before filters).
    pub rows_read: usize,
    /// The cells behind each observation that sums more than one (table `source_cells`).
    pub cells: Vec<SourceCell>,
}

/// How many rows may precede a header found by its first cell.
const HEADER_SEARCH_ROWS: usize = 50;

/// Read a `table` source.
pub fn read_table(source: &Source, resolver: &Resolver) -> Result<TableOutput, IngestError> {
    let Some(spec) = &source.table else {
        return Err(IngestError::Open {
            file: source.path.clone(),
            message: "the `table` layout needs a `table:` block".into(),
        });
    };
    let ext = super::extension(&source.path);
    let mut reader = Reader::new(source, spec, resolver);
    match ext.as_str() {
        "xlsx" => {
            for (row, cells) in read_xlsx_sheet(&source.path, spec.sheet.as_deref())? {
                if reader.push(row, &cells)? {
                    break;
                }
            }
        }
        "parquet" => {
            for (row, cells) in read_parquet_rows(&source.path)? {
                if reader.push(row, &cells)? {
                    break;
                }
            }
        }
        _ => {
            let mut records = CsvRecords::open(&source.path, source.encoding)?;
            while let Some(line) = records.next()? {
                let stop = if reader.header.is_some() {
                    // Past the header a csv row is text only: borrow it, build no cells.
                    let texts = (0..records.record.len())
                        .map(|i| Cow::Borrowed(records.text(i)))
                        .collect();
                    reader.push_texts(line, &[], texts)?
                } else {
                    reader.push(line, &records.cells())?
                };
                if stop {
                    break;
                }
            }
        }
    }
    reader.finish()
}

/// Rows of a Parquet file as cells (row 1 is the column names).
fn read_parquet_rows(path: &Path) -> Result<Vec<(usize, Vec<Cell>)>, IngestError> {
    use arrow::array::Array;
    let open = |message: String| IngestError::Open {
        file: path.to_path_buf(),
        message,
    };
    let file = std::fs::File::open(path).map_err(|e| open(e.to_string()))?;
    let builder = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| open(format!("not a readable Parquet file ({e})")))?;
    let schema = builder.schema().clone();
    let mut out = vec![(
        1,
        schema
            .fields()
            .iter()
            .map(|f| Cell::Text(f.name().clone()))
            .collect(),
    )];
    let reader = builder
        .build()
        .map_err(|e| open(format!("not a readable Parquet file ({e})")))?;
    for batch in reader {
        let batch = batch.map_err(|e| open(format!("cannot read a row group ({e})")))?;
        // Numbers stay numbers (a year stored as 2018.0 is still 2018); the rest is read as text.
        let columns: Vec<_> = batch
            .columns()
            .iter()
            .map(|c| {
                let target = if c.data_type().is_numeric() {
                    arrow::datatypes::DataType::Float64
                } else {
                    arrow::datatypes::DataType::Utf8
                };
                arrow::compute::cast(c, &target)
                    .map_err(|e| open(format!("a column cannot be read ({e})")))
            })
            .collect::<Result<_, _>>()?;
        for i in 0..batch.num_rows() {
            let cells = columns
                .iter()
                .map(|c| {
                    if c.is_null(i) {
                        return Cell::Empty;
                    }
                    let any = c.as_any();
                    if let Some(f) = any.downcast_ref::<arrow::array::Float64Array>() {
                        Cell::Number(f.value(i))
                    } else if let Some(s) = any.downcast_ref::<arrow::array::StringArray>() {
                        Cell::Text(s.value(i).to_string())
                    } else {
                        Cell::Empty
                    }
                })
                .collect();
            out.push((out.len() + 1, cells));
        }
    }
    Ok(out)
}

/// Resolved header positions.
struct Columns {
    names: Vec<String>,
    /// Each column as provenance names it: letter and header (`L (VALUE)`).
    labels: Vec<Arc<str>>,
    filter: Vec<(usize, String)>,
    fill_down: Vec<usize>,
    country: Option<usize>,
    subunit_name: Option<usize>,
    subunit_code: Option<usize>,
    year: Option<usize>,
    value: Option<usize>,
    /// Wide tables: (column, year, unit).
    wide: Vec<(usize, i32, Unit)>,
}

/// Key of a summed or checked value: country, sub-national code, year, unit.
type Key = (String, String, i32, Unit);

struct Sum {
    value: f64,
    first_row: usize,
    rows: i64,
    subunit: String,
    /// Every cell added up, in file order.
    cells: Vec<SummedCell>,
}

/// One cell of a sum: its row, its column (letter and header) and its text.
struct SummedCell {
    row: usize,
    column: Arc<str>,
    text: String,
}

/// Column `column` as provenance names it: its letter, and its header when it has one.
fn column_label(names: &[String], column: usize) -> Arc<str> {
    match names.get(column) {
        Some(n) if !n.is_empty() => format!("{} ({n})", column_letter(column)).into(),
        _ => column_letter(column).into(),
    }
}

struct Reader<'a> {
    source: &'a Source,
    spec: &'a TableSpec,
    resolver: &'a Resolver,
    header: Option<(usize, Columns)>,
    rows_before_header: usize,
    last: Vec<String>,
    sums: BTreeMap<Key, Sum>,
    /// Country-years whose sum lacks a row (a bad or empty cell): never published.
    incomplete: BTreeSet<(String, i32, Unit)>,
    /// Rows that passed the filters.
    rows_kept: usize,
    /// Whether `stop_at` was met.
    stopped: bool,
    /// The resolved `country.value`, once the first row has asked for it.
    fixed_country: Option<Result<String, ()>>,
    out: TableOutput,
}

impl<'a> Reader<'a> {
    fn new(source: &'a Source, spec: &'a TableSpec, resolver: &'a Resolver) -> Self {
        Reader {
            source,
            spec,
            resolver,
            header: None,
            rows_before_header: 0,
            last: Vec::new(),
            sums: BTreeMap::new(),
            incomplete: BTreeSet::new(),
            rows_kept: 0,
            stopped: false,
            fixed_country: None,
            out: TableOutput::default(),
        }
    }

    fn file(&self) -> std::path::PathBuf {
        self.source.path.clone()
    }

    /// One row of the file; `true` when reading should stop.
    fn push(&mut self, row: usize, cells: &[Cell]) -> Result<bool, IngestError> {
        if self.header.is_none() {
            self.rows_before_header += 1;
            let first = cells.iter().map(Cell::text).find(|t| !t.is_empty());
            let is_header = match (&self.spec.header_row, &self.spec.header_starts_with) {
                (Some(n), _) => row == *n,
                (None, Some(text)) => first.as_deref() == Some(text.as_str()),
                (None, None) => row == 1 || self.rows_before_header == 1,
            };
            if is_header {
                let names: Vec<String> = cells.iter().map(Cell::text).collect();
                self.header = Some((row, self.columns(row, names)?));
            } else if self.rows_before_header
                >= HEADER_SEARCH_ROWS.max(self.spec.header_row.unwrap_or(0))
            {
                return Err(IngestError::NoHeader {
                    file: self.file(),
                    searched: self.rows_before_header,
                    expected: match &self.spec.header_starts_with {
                        Some(t) => format!("starting with `{t}`"),
                        None => format!("on row {}", self.spec.header_row.unwrap_or(1)),
                    },
                });
            }
            return Ok(false);
        }
        let texts: Vec<Cow<'_, str>> = cells.iter().map(Cell::text_ref).collect();
        self.push_texts(row, cells, texts)
    }

    /// One row after the header, as trimmed texts (and its cells, when it has typed ones: a
    /// csv row has none and passes `&[]`); `true` when reading should stop.
    fn push_texts(
        &mut self,
        row: usize,
        cells: &[Cell],
        texts: Vec<Cow<'_, str>>,
    ) -> Result<bool, IngestError> {
        if let Some(stop) = &self.spec.stop_at
            && texts
                .iter()
                .find(|t| !t.is_empty())
                .is_some_and(|t| t.eq_ignore_ascii_case(stop.trim()))
        {
            self.stopped = true;
            return Ok(true);
        }
        if texts.iter().all(|t| t.is_empty()) {
            return Ok(false);
        }
        self.out.rows_read += 1;
        self.row(row, cells, texts)?;
        Ok(false)
    }

    /// Match the header's names to the spec.
    fn columns(&self, row: usize, names: Vec<String>) -> Result<Columns, IngestError> {
        let find = |want: &str| -> Result<usize, IngestError> {
            names
                .iter()
                .position(|n| n.eq_ignore_ascii_case(want.trim()))
                .ok_or_else(|| IngestError::MissingColumn {
                    file: self.file(),
                    row,
                    column: want.to_string(),
                    found: names
                        .iter()
                        .filter(|n| !n.is_empty())
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })
        };
        let opt = |want: &Option<String>| want.as_deref().map(find).transpose();
        let mut wide = Vec::new();
        if let Some(units) = &self.spec.wide {
            // Groups are runs of ascending years: a year not after the one before starts the
            // next group (2003 … 2015, then 2003 … 2015 again for rates).
            let mut group = 0usize;
            let mut previous: Option<i32> = None;
            for (i, n) in names.iter().enumerate() {
                let Ok(y) = n.parse::<i32>() else { continue };
                if !(1900..=2100).contains(&y) {
                    continue;
                }
                if previous.is_some_and(|p| y <= p) {
                    group += 1;
                }
                previous = Some(y);
                let Some(unit) = units.get(group) else {
                    return Err(IngestError::Cell {
                        file: self.file(),
                        row,
                        column: column_letter(i),
                        expected: format!(
                            "at most {} group(s) of ascending year columns (`wide` lists {} unit(s); a year not after the one before starts a new group)",
                            units.len(),
                            units.len()
                        ),
                        found: n.clone(),
                    });
                };
                wide.push((i, y, *unit));
            }
            if wide.is_empty() {
                return Err(IngestError::MissingColumn {
                    file: self.file(),
                    row,
                    column: "a year (1900–2100)".into(),
                    found: names
                        .iter()
                        .filter(|n| !n.is_empty())
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
        Ok(Columns {
            filter: self
                .spec
                .filter
                .iter()
                .map(|(k, v)| Ok((find(k)?, v.trim().to_string())))
                .collect::<Result<_, IngestError>>()?,
            fill_down: self
                .spec
                .fill_down
                .iter()
                .map(|c| find(c))
                .collect::<Result<_, _>>()?,
            country: opt(&self.spec.country.column)?,
            subunit_name: opt(&self.spec.subunit.as_ref().map(|s| s.name.clone()))?,
            subunit_code: opt(&self.spec.subunit.as_ref().and_then(|s| s.code.clone()))?,
            year: opt(&self.spec.year)?,
            value: opt(&self.spec.value)?,
            wide,
            labels: (0..names.len()).map(|c| column_label(&names, c)).collect(),
            names,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &mut self,
        names: &[String],
        rule: Rule,
        row: usize,
        column: usize,
        error: IngestError,
        texts: &[Cow<'_, str>],
        key: (Option<String>, Option<i32>),
    ) {
        let column_name = match names.get(column) {
            Some(n) => format!("{} ({n})", column_letter(column)),
            None if column == usize::MAX => "country.value".into(),
            None => column_letter(column),
        };
        self.out.findings.push(Finding {
            rule,
            source_id: self.source.id.clone(),
            file: self.source.path.clone(),
            row,
            column: column_name,
            iso3: key.0,
            year: key.1,
            message: error.to_string(),
            raw: texts
                .iter()
                .map(|t| t.as_ref())
                .collect::<Vec<_>>()
                .join(" | "),
        });
    }

    fn row(
        &mut self,
        row: usize,
        cells: &[Cell],
        texts: Vec<Cow<'_, str>>,
    ) -> Result<(), IngestError> {
        let Some((header_row, cols)) = self.header.take() else {
            return Ok(());
        };
        let result = self.row_with(&cols, row, cells, texts);
        self.header = Some((header_row, cols));
        result
    }

    fn finish(mut self) -> Result<TableOutput, IngestError> {
        if self.header.is_none() {
            return Err(IngestError::NoHeader {
                file: self.file(),
                searched: self.rows_before_header,
                expected: match &self.spec.header_starts_with {
                    Some(t) => format!("starting with `{t}`"),
                    None => format!("on row {}", self.spec.header_row.unwrap_or(1)),
                },
            });
        }
        if let Some(stop) = &self.spec.stop_at
            && !self.stopped
        {
            return Err(IngestError::Spec {
                file: self.file(),
                message: format!(
                    "no row starts with `{stop}` (`stop_at`): the footer would have been read as data"
                ),
            });
        }
        if self.sums.is_empty() && self.out.findings.is_empty() {
            return Err(IngestError::Spec {
                file: self.file(),
                message: format!(
                    "no observations: {} of the {} data rows passed `filter`{}",
                    self.rows_kept,
                    self.out.rows_read,
                    if self.spec.years.is_some() {
                        " and none of them has a value in `years`"
                    } else {
                        ", and none of them has a value"
                    }
                ),
            });
        }
        let incomplete = std::mem::take(&mut self.incomplete);
        let mut sums = std::mem::take(&mut self.sums);
        sums.retain(|(iso3, _, year, unit), _| !incomplete.contains(&(iso3.clone(), *year, *unit)));
        // Country-year totals (summing sub-national units when there are any).
        type Total = (f64, usize, Vec<SummedCell>);
        let mut national: BTreeMap<(String, i32, Unit), Total> = BTreeMap::new();
        for ((iso3, sub, year, unit), sum) in sums {
            if !sub.is_empty() {
                self.out.subnational.push(SubObservation {
                    release: self.source.release.clone(),
                    source_id: self.source.id.clone(),
                    iso3: iso3.clone(),
                    subunit_code: sub,
                    subunit: sum.subunit,
                    year,
                    unit: unit.name(),
                    value: sum.value,
                    rows: sum.rows,
                });
            }
            let e = national
                .entry((iso3, year, unit))
                .or_insert((0.0, sum.first_row, Vec::new()));
            e.0 += sum.value;
            e.1 = e.1.min(sum.first_row);
            e.2.extend(sum.cells);
        }
        let source_id: Arc<str> = self.source.id.as_str().into();
        for ((iso3, year, unit), (value, first_row, cells)) in national {
            let Ok(country) = self.resolver.resolve(CodeKind::Iso3, &iso3) else {
                continue;
            };
            // One cell: its column and text are the observation's own; a sum lists its cells.
            let (source_column, source_cell) = match <[SummedCell; 1]>::try_from(cells) {
                Ok([one]) => (one.column.to_string(), one.text),
                Err(cells) => {
                    let iso3: Arc<str> = iso3.as_str().into();
                    self.out.cells.extend(cells.into_iter().map(|c| SourceCell {
                        source_id: source_id.clone(),
                        iso3: iso3.clone(),
                        year,
                        unit: unit.name(),
                        row: c.row as i64,
                        column: c.column,
                        cell: c.text,
                    }));
                    (String::new(), String::new())
                }
            };
            self.out.observations.push(Observation {
                release: self.source.release.clone(),
                source_id: self.source.id.clone(),
                iso3: iso3.clone(),
                country: country.name.clone(),
                region: country.region.clone(),
                subregion: country.subregion.clone(),
                indicator: "Crime".into(),
                dimension: "Total".into(),
                category: self.source.category.clone(),
                sex: "Total".into(),
                age: "Total".into(),
                year,
                unit: unit.name(),
                value: Some(value),
                source_note: String::new(),
                source_row: first_row as i64,
                source_column,
                source_cell,
            });
        }
        Ok(self.out)
    }
}

mod row;

#[cfg(test)]
mod tests;
