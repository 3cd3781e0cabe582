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

use serde::Deserialize;

use super::clean::{Number, NumberRules, clean_name};
use super::resolve::{CodeKind, Resolver};
use super::unodc_cts::{Cell, CsvRecords, read_xlsx_sheet};
use super::{Finding, IngestError, Observation, Rule, column_letter};
use crate::config::Source;

/// The unit of a value column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Unit {
    #[serde(rename = "count")]
    Count,
    #[serde(rename = "rate_per_100k")]
    RatePer100k,
}

impl Unit {
    /// The warehouse's name for the unit.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::RatePer100k => "rate_per_100k",
        }
    }
}

/// Where the country is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountrySpec {
    /// The column holding it…
    #[serde(default)]
    pub column: Option<String>,
    /// …or one country for the whole file (a national source), as a code of `code` kind.
    #[serde(default)]
    pub value: Option<String>,
    /// What the column or value holds.
    #[serde(default)]
    pub code: CodeKind,
}

/// The sub-national unit of each row (state, department, …).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubunitSpec {
    /// Column with the unit's name.
    pub name: String,
    /// Column with the unit's code (the name is the code when absent).
    #[serde(default)]
    pub code: Option<String>,
}

/// How to read a `table` source (the `table:` block of a source).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// xlsx: the sheet's name (the first sheet when absent).
    #[serde(default)]
    pub sheet: Option<String>,
    /// 1-based row of the header (title rows above it are skipped)…
    #[serde(default)]
    pub header_row: Option<usize>,
    /// …or: the header is the first row whose first cell is this text.
    #[serde(default)]
    pub header_starts_with: Option<String>,
    /// Reading stops at the first row whose first cell is this text (a TOTAL line, a footer).
    #[serde(default)]
    pub stop_at: Option<String>,
    /// Keep only rows whose column (key) holds exactly the text (value).
    #[serde(default)]
    pub filter: BTreeMap<String, String>,
    /// Columns filled only on the first row of a group: an empty cell repeats the one above.
    #[serde(default)]
    pub fill_down: Vec<String>,
    pub country: CountrySpec,
    #[serde(default)]
    pub subunit: Option<SubunitSpec>,
    /// Long tables: the year column.
    #[serde(default)]
    pub year: Option<String>,
    /// Long tables: the value column.
    #[serde(default)]
    pub value: Option<String>,
    /// Long tables: the unit of the value column.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// Wide tables: columns named by a year hold values; the k-th column named by the same year
    /// has the k-th unit here (legacy sheets: counts for 2003–2015, then rates for the same years).
    #[serde(default)]
    pub wide: Option<Vec<Unit>>,
    /// Keep only years in `[from, to]` (a half year at the end of a series, say).
    #[serde(default)]
    pub years: Option<[i32; 2]>,
    /// How numbers are written.
    #[serde(default)]
    pub numbers: NumberRules,
    /// Characters marking footnotes after names and numbers (`*`), removed before a name is
    /// matched or a number read.
    #[serde(default)]
    pub footnote_marks: String,
    /// Sum values of rows with the same country (and sub-national unit), year and unit. A bad
    /// or empty cell leaves its country-year out (never a short sum).
    #[serde(default)]
    pub aggregate: bool,
    /// Decimals the source publishes rates with (comparisons allow half its last digit).
    #[serde(default)]
    pub decimals: Option<u32>,
}

impl TableSpec {
    /// Problems with the block itself (checked with the pipeline, before any file is read).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.header_row.is_some() && self.header_starts_with.is_some() {
            out.push("give `header_row` or `header_starts_with`, not both".into());
        }
        if self.header_row == Some(0) {
            out.push("`header_row` is 1-based".into());
        }
        match (&self.country.column, &self.country.value) {
            (Some(_), Some(_)) | (None, None) => {
                out.push("`country` needs exactly one of `column` or `value`".into())
            }
            _ => {}
        }
        match &self.wide {
            Some(units) => {
                if units.is_empty() {
                    out.push("`wide` lists the unit of each group of year columns".into());
                }
                if self.year.is_some() || self.value.is_some() || self.unit.is_some() {
                    out.push("a `wide` table takes years from its header: drop `year`, `value` and `unit`".into());
                }
            }
            None => {
                if self.year.is_none() || self.value.is_none() || self.unit.is_none() {
                    out.push("a long table needs `year`, `value` and `unit` (or `wide` for year columns)".into());
                }
            }
        }
        if let Some([from, to]) = self.years
            && from > to
        {
            out.push(format!("`years: [{from}, {to}]` must be [first, last]"));
        }
        if self
            .numbers
            .thousands
            .is_some_and(|c| c == '.' || c.is_ascii_digit())
        {
            out.push(
                "`numbers.thousands` cannot be `.` or a digit (numbers use a decimal point)".into(),
            );
        }
        let rates = self.unit == Some(Unit::RatePer100k)
            || self.wide.iter().flatten().any(|u| *u == Unit::RatePer100k);
        if self.aggregate && rates {
            out.push("`aggregate` sums values: rates cannot be summed".into());
        }
        if self.subunit.is_some() && !self.aggregate {
            out.push("a `subunit` source is summed to the country: set `aggregate: true`".into());
        }
        out
    }
}

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

    fn row_with(
        &mut self,
        cols: &Columns,
        row: usize,
        cells: &[Cell],
        mut texts: Vec<Cow<'_, str>>,
    ) -> Result<(), IngestError> {
        // Fill-down first: filters may look at a filled column.
        if self.last.len() < texts.len() {
            self.last.resize(texts.len(), String::new());
        }
        for &c in &cols.fill_down {
            if c < texts.len() {
                if texts[c].is_empty() {
                    texts[c] = Cow::Owned(self.last[c].clone());
                } else {
                    self.last[c] = texts[c].to_string();
                }
            }
        }
        let get = |i: usize| texts.get(i).map(|t| t.as_ref()).unwrap_or("");
        if cols.filter.iter().any(|(c, want)| get(*c) != want) {
            return Ok(());
        }
        self.rows_kept += 1;
        let file = self.file();
        let cell_error = |column: usize, expected: String| IngestError::Cell {
            file: file.clone(),
            row,
            column: match cols.names.get(column) {
                Some(n) if !n.is_empty() => format!("{} ({n})", column_letter(column)),
                _ => column_letter(column),
            },
            expected,
            found: texts.get(column).map(|t| t.to_string()).unwrap_or_default(),
        };
        // The country.
        let (country_text, country_col) = match (&self.spec.country.value, cols.country) {
            (Some(v), _) => (v.clone(), usize::MAX),
            (None, Some(c)) => (clean_name(get(c), &self.spec.footnote_marks), c),
            (None, None) => return Ok(()),
        };
        // A fixed country is resolved once; a bad one is one finding, on the first data row.
        let resolved = match &self.fixed_country {
            Some(Ok(iso3)) => Ok(iso3.clone()),
            Some(Err(())) => return Ok(()),
            None => self
                .resolver
                .resolve(self.spec.country.code, &country_text)
                .map(|c| c.iso3.clone()),
        };
        if self.spec.country.value.is_some() && self.fixed_country.is_none() {
            self.fixed_country = Some(resolved.clone().map_err(|_| ()));
        }
        let iso3 = match resolved {
            Ok(iso3) => iso3,
            Err(hint) => {
                let column = match cols.names.get(country_col) {
                    Some(n) if !n.is_empty() => format!("{} ({n})", column_letter(country_col)),
                    _ if country_col == usize::MAX => "`country.value` of the pipeline".into(),
                    _ => column_letter(country_col),
                };
                let e = IngestError::UnknownCode {
                    file: file.clone(),
                    row,
                    column,
                    code: country_text,
                    hint,
                };
                self.finding(
                    &cols.names,
                    Rule::UnknownCode,
                    row,
                    country_col,
                    e,
                    &texts,
                    (None, None),
                );
                return Ok(());
            }
        };
        let (sub_code, sub_name) = match cols.subunit_name {
            Some(n) => {
                let name = get(n).to_string();
                let code = cols
                    .subunit_code
                    .map(|c| get(c).to_string())
                    .unwrap_or_else(|| name.clone());
                (code, name)
            }
            None => (String::new(), String::new()),
        };
        // The values: one per long row, or one per year column.
        let mut values: Vec<(usize, i32, Unit)> = Vec::new();
        match (cols.year, cols.value, self.spec.unit) {
            (Some(yc), Some(vc), Some(unit)) => {
                let year = match cells.get(yc) {
                    Some(Cell::Number(n)) if n.fract() == 0.0 => Some(*n as i64),
                    _ => get(yc).parse::<i64>().ok(),
                }
                .filter(|y| (1900..=2100).contains(y));
                let Some(year) = year else {
                    let e = cell_error(yc, "a year between 1900 and 2100".into());
                    self.finding(
                        &cols.names,
                        Rule::BadValue,
                        row,
                        yc,
                        e,
                        &texts,
                        (Some(iso3), None),
                    );
                    return Ok(());
                };
                values.push((vc, year as i32, unit));
            }
            _ => values.extend(cols.wide.iter().copied()),
        }
        for (col, year, unit) in values {
            if let Some([from, to]) = self.spec.years
                && !(from..=to).contains(&year)
            {
                continue;
            }
            let number = match cells.get(col) {
                Some(Cell::Number(n)) if n.is_finite() && *n >= 0.0 => Some(Number::Value(*n)),
                // A footnote mark after a number (`1,045*`) is not part of it.
                _ => self.spec.numbers.parse(
                    get(col)
                        .trim()
                        .trim_end_matches(|c: char| self.spec.footnote_marks.contains(c)),
                ),
            };
            let v = match number {
                Some(Number::Missing) if self.spec.aggregate => {
                    // A summed table with a hole: the sum would look complete and be short.
                    self.incomplete.insert((iso3.clone(), year, unit));
                    let e = cell_error(
                        col,
                        format!(
                            "a number in every summed cell ({}; declare `zero: [\"\"]` if an empty cell means zero)",
                            self.spec.numbers.expected()
                        ),
                    );
                    self.finding(
                        &cols.names,
                        Rule::BadValue,
                        row,
                        col,
                        e,
                        &texts,
                        (Some(iso3.clone()), Some(year)),
                    );
                    continue;
                }
                Some(Number::Missing) => continue,
                Some(Number::Value(v)) => v,
                None => {
                    if self.spec.aggregate {
                        self.incomplete.insert((iso3.clone(), year, unit));
                    }
                    let negative = get(col).trim().starts_with('-')
                        && get(col)
                            .trim()
                            .trim_start_matches('-')
                            .trim()
                            .parse::<f64>()
                            .is_ok();
                    let rule = if negative {
                        Rule::Negative
                    } else {
                        Rule::BadValue
                    };
                    let e = cell_error(col, self.spec.numbers.expected());
                    self.finding(
                        &cols.names,
                        rule,
                        row,
                        col,
                        e,
                        &texts,
                        (Some(iso3.clone()), Some(year)),
                    );
                    continue;
                }
            };
            let key = (iso3.clone(), sub_code.clone(), year, unit);
            match self.sums.get_mut(&key) {
                Some(sum) if self.spec.aggregate => {
                    sum.value += v;
                    sum.rows += 1;
                }
                Some(sum) => {
                    let e = IngestError::Duplicate {
                        file: file.clone(),
                        row,
                        first_row: sum.first_row,
                        what: format!("{iso3} {year} {}", unit.name()),
                    };
                    self.finding(
                        &cols.names,
                        Rule::Duplicate,
                        row,
                        col,
                        e,
                        &texts,
                        (Some(iso3.clone()), Some(year)),
                    );
                }
                None => {
                    self.sums.insert(
                        key,
                        Sum {
                            value: v,
                            first_row: row,
                            rows: 1,
                            subunit: sub_name.clone(),
                        },
                    );
                }
            }
        }
        Ok(())
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
        self.sums
            .retain(|(iso3, _, year, unit), _| !incomplete.contains(&(iso3.clone(), *year, *unit)));
        // Country-year totals (summing sub-national units when there are any).
        let mut national: BTreeMap<(String, i32, Unit), (f64, usize)> = BTreeMap::new();
        for ((iso3, sub, year, unit), sum) in &self.sums {
            let e = national
                .entry((iso3.clone(), *year, *unit))
                .or_insert((0.0, sum.first_row));
            e.0 += sum.value;
            e.1 = e.1.min(sum.first_row);
            if !sub.is_empty() {
                self.out.subnational.push(SubObservation {
                    release: self.source.release.clone(),
                    source_id: self.source.id.clone(),
                    iso3: iso3.clone(),
                    subunit_code: sub.clone(),
                    subunit: sum.subunit.clone(),
                    year: *year,
                    unit: unit.name(),
                    value: sum.value,
                    rows: sum.rows,
                });
            }
        }
        for ((iso3, year, unit), (value, first_row)) in national {
            let Ok(country) = self.resolver.resolve(CodeKind::Iso3, &iso3) else {
                continue;
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
            });
        }
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Layout, Role};
    use crate::ingest::text::Encoding;

    fn resolver() -> Resolver {
        let unit = |iso3: &str, m49: i32, name: &str| crate::ingest::Country {
            iso3: iso3.into(),
            m49: Some(m49),
            name: name.into(),
            region: "Americas".into(),
            subregion: "South America".into(),
            parent_iso3: None,
            other_names: Vec::new(),
        };
        Resolver::new(
            &[
                unit("COL", 170, "Colombia"),
                unit("MEX", 484, "Mexico"),
                unit("CIV", 384, "Côte d’Ivoire"),
            ],
            None,
        )
        .unwrap()
    }

    fn read(bytes: &[u8], encoding: Encoding, yaml: &str) -> Result<TableOutput, IngestError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, bytes).unwrap();
        let spec: TableSpec = yaml_serde::from_str(yaml).unwrap();
        assert!(spec.problems().is_empty(), "{:?}", spec.problems());
        let source = Source {
            id: "s".into(),
            layout: Layout::Table,
            path,
            release: "r".into(),
            citation: "c".into(),
            category: "Kidnapping".into(),
            role: Role::Comparison,
            encoding,
            table: Some(spec),
        };
        read_table(&source, &resolver())
    }

    fn values(out: &TableOutput) -> Vec<String> {
        out.observations
            .iter()
            .map(|o| format!("{} {} {} {}", o.iso3, o.year, o.unit, o.value.unwrap()))
            .collect()
    }

    #[test]
    fn long_table_with_title_rows_crlf_cp1252_filter_and_m49() {
        let text = b"T12,Crimes,,,\r\nArea,,Year,Series,Value\r\n384,C\xF4te d\x92Ivoire,2015,\"Kidnapping, rate\",0.3\r\n384,C\xF4te d\x92Ivoire,2015,Theft,\"1,322.6\"\r\n170,Colombia,2010,\"Kidnapping, rate\",\"1,000.5\"\r\n";
        let yaml = "header_row: 2\nfilter: { Series: \"Kidnapping, rate\" }\ncountry: { column: Area, code: m49 }\nyear: Year\nvalue: Value\nunit: rate_per_100k\nnumbers: { thousands: \",\" }\n";
        let out = read(text, Encoding::Windows1252, yaml).unwrap();
        assert_eq!(
            values(&out),
            [
                "CIV 2015 rate_per_100k 0.3",
                "COL 2010 rate_per_100k 1000.5"
            ]
        );
        assert_eq!(out.observations[0].country, "Côte d’Ivoire");
        assert_eq!(out.observations[0].source_row, 3);
        assert_eq!(out.observations[1].source_row, 5);
        assert!(out.findings.is_empty());
    }

    #[test]
    fn wide_micro_data_summed_with_subunits_stopping_at_total() {
        let text = "MINISTERIO\nPOLICÍA\n,,,\nDIVIPOLA,DEPTO,MES,2010,2011\n05001,ANTIOQUIA,ene,1,0\n05002,ANTIOQUIA,feb,2,1\n11001,BOGOTÁ,ene,0,4\nTOTAL,,,3,5\nFUENTE: x,,,,\n,,,http://example.org,\n";
        let yaml = "header_starts_with: DIVIPOLA\nstop_at: TOTAL\ncountry: { value: COL }\nsubunit: { name: DEPTO }\nwide: [count]\naggregate: true\n";
        let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
        assert_eq!(values(&out), ["COL 2010 count 3", "COL 2011 count 5"]);
        let subs: Vec<String> = out
            .subnational
            .iter()
            .map(|s| format!("{} {} {} {}", s.subunit, s.year, s.value, s.rows))
            .collect();
        assert_eq!(
            subs,
            [
                "ANTIOQUIA 2010 3 2",
                "ANTIOQUIA 2011 1 2",
                "BOGOTÁ 2010 0 1",
                "BOGOTÁ 2011 4 1"
            ]
        );
        assert_eq!(out.rows_read, 3);
    }

    #[test]
    fn legacy_wide_sheet_counts_then_rates_fill_down_markers_footnotes() {
        let text = "Region,Sub-region,Country/territory,2010,2011,2010,2011\nAmericas,South America,Colombia*,\" 3,198 \",-   , 6.9 ,-   \n,,Mexico,, 1* ,, 0.01 \n,,,,,,\n,,,,,,\n";
        let yaml = "fill_down: [Region, Sub-region]\ncountry: { column: Country/territory, code: name }\nfootnote_marks: \"*\"\nwide: [count, rate_per_100k]\nnumbers: { thousands: \",\", missing: [\"\"], zero: [\"-\"] }\n";
        let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
        assert_eq!(
            values(&out),
            [
                "COL 2010 count 3198",
                "COL 2010 rate_per_100k 6.9",
                "COL 2011 count 0",
                "COL 2011 rate_per_100k 0",
                "MEX 2011 count 1",
                "MEX 2011 rate_per_100k 0.01",
            ]
        );
    }

    #[test]
    fn bad_rows_become_findings_with_their_reason() {
        let text = "Country,Year,Value\nColombia,2010,12\nColombai,2011,3\nMexico,2010,twelve\nMexico,2011,-4\nColombia,2010,13\nMexico,20x1,5\n";
        let yaml =
            "country: { column: Country, code: name }\nyear: Year\nvalue: Value\nunit: count\n";
        let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
        assert_eq!(values(&out), ["COL 2010 count 12"]);
        let got: Vec<(String, usize, &str)> = out
            .findings
            .iter()
            .map(|f| (f.rule.name().to_string(), f.row, f.message.as_str()))
            .collect();
        assert_eq!(got.len(), 5, "{got:#?}");
        assert_eq!(got[0].0, "unknown_code");
        assert!(got[0].2.ends_with("row 3, column A (Country): unknown country code `Colombai`; did you mean `Colombia`?"), "{}", got[0].2);
        assert_eq!((got[1].0.as_str(), got[1].1), ("bad_value", 4));
        assert!(got[1].2.contains("row 4, column C (Value): expected a number ≥ 0 or `..`, an empty cell (not reported), found \"twelve\""), "{}", got[1].2);
        assert_eq!((got[2].0.as_str(), got[2].1), ("negative_value", 5));
        assert_eq!((got[3].0.as_str(), got[3].1), ("duplicate", 6));
        assert!(
            got[3]
                .2
                .contains("row 6: duplicate COL 2010 count (first seen on row 2)")
        );
        assert_eq!((got[4].0.as_str(), got[4].1), ("bad_value", 7));
        assert!(
            got[4]
                .2
                .contains("column B (Year): expected a year between 1900 and 2100")
        );
    }

    fn source_at(path: &Path, yaml: &str) -> Source {
        Source {
            id: "s".into(),
            layout: Layout::Table,
            path: path.to_path_buf(),
            release: "r".into(),
            citation: "c".into(),
            category: "Kidnapping".into(),
            role: Role::Comparison,
            encoding: Encoding::Utf8,
            table: Some(yaml_serde::from_str(yaml).unwrap()),
        }
    }

    /// The fixture workbook (UN-CTS layout, banner rows) read as a generic long table: its
    /// Kidnapping counts are those of the csv twin, row for row (tests/fixtures/make_fixtures.py
    /// writes both from one list).
    #[test]
    fn xlsx_and_parquet_tables_read_like_csv() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        let resolver = {
            let countries =
                crate::ingest::read_countries(&root.join("countries.csv"), &root.join("units.csv"))
                    .unwrap();
            Resolver::new(&countries, None).unwrap()
        };
        let yaml = "header_starts_with: Iso3_code\nfilter: { Category: Kidnapping, Unit of measurement: Counts }\ncountry: { column: Iso3_code }\nyear: Year\nvalue: VALUE\nunit: count\n";
        let from = |file: &str| {
            let mut spec = yaml.to_string();
            if file.ends_with(".parquet") {
                spec = spec.replace("header_starts_with: Iso3_code\n", "");
            }
            let out = read_table(&source_at(&root.join(file), &spec), &resolver).unwrap();
            assert!(out.findings.is_empty(), "{:?}", out.findings);
            values(&out)
        };
        let csv = from("cts.csv");
        assert_eq!(csv.len(), 24);
        assert_eq!(from("cts.xlsx"), csv);

        // The same rows as a Parquet file, year and value as doubles (as pandas or DuckDB write
        // them: a year read as the text "2018.0" would be refused).
        let dir = tempfile::tempdir().unwrap();
        let obs = crate::ingest::read_unodc_cts(&Source {
            encoding: Encoding::Utf8,
            ..Source::unodc_cts("t", &root.join("cts.csv"), "r", "Kidnapping")
        })
        .unwrap()
        .observations;
        let counts: Vec<_> = obs.iter().filter(|o| o.unit == "count").collect();
        let batch = arrow::array::RecordBatch::try_from_iter(vec![
            (
                "Iso3_code",
                std::sync::Arc::new(arrow::array::StringArray::from_iter_values(
                    counts.iter().map(|o| o.iso3.clone()),
                )) as arrow::array::ArrayRef,
            ),
            (
                "Category",
                std::sync::Arc::new(arrow::array::StringArray::from_iter_values(
                    counts.iter().map(|_| "Kidnapping"),
                )),
            ),
            (
                "Unit of measurement",
                std::sync::Arc::new(arrow::array::StringArray::from_iter_values(
                    counts.iter().map(|_| "Counts"),
                )),
            ),
            (
                "Year",
                std::sync::Arc::new(arrow::array::Float64Array::from_iter_values(
                    counts.iter().map(|o| f64::from(o.year)),
                )),
            ),
            (
                "VALUE",
                std::sync::Arc::new(arrow::array::Float64Array::from_iter(
                    counts.iter().map(|o| o.value),
                )),
            ),
        ])
        .unwrap();
        let path = dir.path().join("t.parquet");
        crate::store::write_parquet(&path, &batch, &[]).unwrap();
        let out = read_table(
            &source_at(&path, &yaml.replace("header_starts_with: Iso3_code\n", "")),
            &resolver,
        )
        .unwrap();
        assert_eq!(values(&out), csv);
    }

    #[test]
    fn year_groups_follow_the_header_order_not_repetition() {
        // Counts for 2018–2019, then rates for 2017–2019: 2017 starts the second group.
        let text = "Country,2018,2019,2017,2018,2019\nColombia,10,20,0.5,0.6,0.7\n";
        let yaml = "country: { column: Country, code: name }\nwide: [count, rate_per_100k]\n";
        let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
        assert_eq!(
            values(&out),
            [
                "COL 2017 rate_per_100k 0.5",
                "COL 2018 count 10",
                "COL 2018 rate_per_100k 0.6",
                "COL 2019 count 20",
                "COL 2019 rate_per_100k 0.7",
            ]
        );
        // A third group with two units declared is refused, naming the column.
        let e = read(
            b"Country,2018,2018,2018\nColombia,1,2,3\n",
            Encoding::Utf8,
            yaml,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("row 1, column D: expected at most 2 group(s) of ascending year columns"),
            "{e}"
        );
    }

    #[test]
    fn a_sum_with_a_bad_or_empty_cell_is_left_out_not_published_short() {
        let text = "DEPTO,2018,2019\nNorth,1,2\nSouth,x,3\nEast,4,\nWest,5,6\nTotal,10,11\n";
        let yaml = "stop_at: TOTAL\ncountry: { value: COL }\nsubunit: { name: DEPTO }\nwide: [count]\naggregate: true\n";
        let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
        // 2018 lacks South (bad cell), 2019 lacks East (empty cell): neither year is published,
        // at national or sub-national level; both cells are findings.
        assert!(out.observations.is_empty(), "{:?}", values(&out));
        assert!(out.subnational.is_empty());
        let rows: Vec<(usize, &str)> = out
            .findings
            .iter()
            .map(|f| (f.row, f.rule.name()))
            .collect();
        assert_eq!(rows, [(3, "bad_value"), (4, "bad_value")]);
        assert!(
            out.findings[1]
                .message
                .contains("declare `zero: [\"\"]` if an empty cell means zero")
        );
        // The footer marker is matched whatever its case; one that never comes is an error.
        let e = read(b"DEPTO,2018\nNorth,1\n", Encoding::Utf8, yaml).unwrap_err();
        assert!(
            e.to_string().contains(
                "no row starts with `TOTAL` (`stop_at`): the footer would have been read as data"
            ),
            "{e}"
        );
    }

    #[test]
    fn an_unknown_fixed_country_is_one_finding_not_one_per_row() {
        let text = "DEPTO,2018\nNorth,1\nSouth,2\nEast,3\n";
        let yaml =
            "country: { value: COLL }\nsubunit: { name: DEPTO }\nwide: [count]\naggregate: true\n";
        let out = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap();
        assert!(out.observations.is_empty());
        assert_eq!(out.findings.len(), 1, "{:?}", out.findings);
        assert!(
            out.findings[0].message.contains(
                "row 2, column `country.value` of the pipeline: unknown country code `COLL`; did you mean `COL`?"
            ),
            "{}",
            out.findings[0].message
        );
    }

    #[test]
    fn a_source_that_yields_nothing_is_an_error() {
        let text = "Series,Country,Year,Value\nTheft,Colombia,2018,5\n";
        let yaml = "filter: { Series: kidnapping }\ncountry: { column: Country, code: name }\nyear: Year\nvalue: Value\nunit: count\n";
        let e = read(text.as_bytes(), Encoding::Utf8, yaml).unwrap_err();
        assert!(e.to_string().ends_with("t.csv: no observations: 0 of the 1 data rows passed `filter`, and none of them has a value"), "{e}");
    }

    #[test]
    fn header_and_spec_problems() {
        let e = read(
            b"a,b\n1,2\n",
            Encoding::Utf8,
            "header_starts_with: DIVIPOLA\ncountry: { value: COL }\nwide: [count]\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("no header row found in the first 2 rows; expected a row with the columns starting with `DIVIPOLA`"), "{e}");
        let e = read(
            b"Country,Year\nColombia,2010\n",
            Encoding::Utf8,
            "country: { column: Country, code: name }\nyear: Year\nvalue: Value\nunit: count\n",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("row 1: the header lacks column `Value`; found `Country`, `Year`"),
            "{e}"
        );
        let spec: TableSpec = yaml_serde::from_str(
            "country: { column: A, value: COL }\nwide: [rate_per_100k]\naggregate: true\nyear: Y\n",
        )
        .unwrap();
        let p = spec.problems();
        assert_eq!(p.len(), 3, "{p:?}");
    }
}
