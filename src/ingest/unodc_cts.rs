//! The `unodc-cts` layout: UN-CTS long format (13 columns), from xlsx or csv.
//!
//! Takes a source (path, release, category filter); returns its observations for that category.
//! The header is found by content (banner rows above it are skipped), columns are matched by
//! name, `Year` may be text or number, `VALUE` must be a number (fractional allowed).
//! Never coerces a bad cell: it reports file, row, column and what was expected.
//!
//! A csv source is streamed: records are read one at a time through a buffer, and a record
//! whose `Category` is not the requested one is dropped after a UTF-8 check, without building
//! its cells, so memory grows with the kept rows only (a 10-million-row file is fine). An xlsx
//! source is streamed too: the first sheet's cells are read in sheet order and assembled one row
//! at a time, and a row of another category is dropped before its text is copied (the workbook's
//! shared-string table stays in memory, as the reader needs it).

use std::collections::HashMap;
use std::sync::Arc;

use calamine::{DataRef, Reader, XlsxError};

use super::csv_reader::{CsvRecords, Verdict, trimmed, verdict};
pub(crate) use super::xlsx::read_xlsx_sheet;
use super::xlsx::{SheetRows, cell_of, open_xlsx, read_xlsx, xlsx_sheet_error};
use super::{Digests, Finding, IngestError, Observation, Rule, column_letter};
use crate::config::Source;

/// Columns of the UN-CTS layout, in file order.
pub const COLUMNS: [&str; 13] = [
    "Iso3_code",
    "Country",
    "Region",
    "Subregion",
    "Indicator",
    "Dimension",
    "Category",
    "Sex",
    "Age",
    "Year",
    "Unit of measurement",
    "VALUE",
    "Source",
];

/// Position of `Category` in `COLUMNS`.
const CATEGORY: usize = 6;

/// How many rows may precede the header (banner rows).
const HEADER_SEARCH_ROWS: usize = 20;

/// No field of this layout is longer (the longest country names have about 60 characters);
/// a longer cell is a broken file, not data.
const MAX_CELL_CHARS: usize = 1_000;

/// Read buffer of the csv reader.
pub(crate) const CSV_BUFFER: usize = 1 << 17;

/// A cell as the layout parser sees it, whatever the file format.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel error value or another cell type the layout never holds.
    Other(String),
}

impl Cell {
    pub(crate) fn text(&self) -> String {
        self.text_ref().into_owned()
    }

    /// The cell's text as the file holds it, untrimmed (a number as its shortest decimal).
    pub(crate) fn raw(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Other(s) => s.clone(),
            Cell::Number(n) => format!("{n}"),
        }
    }

    /// The cell as trimmed text, borrowed unless it is a number.
    pub(crate) fn text_ref(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Empty => "".into(),
            Cell::Text(s) | Cell::Other(s) => s.trim().into(),
            Cell::Number(n) => format!("{n}").into(),
        }
    }
}

/// What a UN-CTS source yields: its observations, and the rows that failed a row rule.
#[derive(Debug, Default)]
pub struct CtsOutput {
    pub observations: Vec<Observation>,
    pub findings: Vec<Finding>,
}

/// Read one UN-CTS file and keep the rows of `source.category`.
pub fn read_unodc_cts(source: &Source) -> Result<CtsOutput, IngestError> {
    read_unodc_cts_hashing(source, &Arc::new(Digests::default()))
}

/// Whether `source` is read on every core, by a reader that hashes the file while it reads it
/// when it can (a csv file over `PARALLEL_FROM` bytes, on a machine of more than one core).
pub fn hashed_while_read(source: &Source) -> bool {
    source.layout == crate::config::Layout::UnodcCts
        && super::extension(&source.path) != "xlsx"
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
        && std::fs::metadata(&source.path).is_ok_and(|m| m.len() > PARALLEL_FROM)
}

/// [`read_unodc_cts`], telling `digests` the file's size and sha256 when its reader takes them
/// (when they are awaited there): perhaps after this returns, from the thread that hashes.
pub(crate) fn read_unodc_cts_hashing(
    source: &Source,
    digests: &Arc<Digests>,
) -> Result<CtsOutput, IngestError> {
    let ext = super::extension(&source.path);
    if ext == "xlsx" {
        match stream_xlsx(source) {
            Ok(obs) => Ok(obs),
            Err(Stop::Ingest(e)) => Err(e),
            // Rows stored out of order (no spreadsheet program writes them so): load the sheet
            // whole, which places every cell where it belongs.
            Err(Stop::OutOfOrder) => parse_rows(source, read_xlsx(&source.path)?),
        }
    } else {
        // A large file is read on every core (a small one is not worth the threads); the
        // sequential reader takes any file the parallel one hands back.
        if hashed_while_read(source) {
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let claim = digests.claim(&source.path);
            match parallel::read_hashing(source, threads, parallel::BLOCK, claim) {
                Ok(read) => return read,
                Err(parallel::Fallback(why)) => {
                    tracing::debug!(file = %source.path.display(), why, "Read on one core");
                }
            }
        }
        read_csv(source)
    }
}

/// Files larger than this are read on every core.
const PARALLEL_FROM: u64 = 8 << 20;

/// Why streaming an xlsx sheet stopped early.
pub(crate) enum Stop {
    /// A read or content error, as the whole-sheet reader reports it.
    Ingest(IngestError),
    /// A cell came after a later row: streaming cannot assemble the rows.
    OutOfOrder,
}

impl From<IngestError> for Stop {
    fn from(e: IngestError) -> Self {
        Stop::Ingest(e)
    }
}

/// Stream the first sheet of an xlsx source and keep the rows of `source.category`; rows are
/// 1-based sheet rows. Gives what `parse_rows` gives over the whole sheet.
fn stream_xlsx(source: &Source) -> Result<CtsOutput, Stop> {
    let path = source.path.as_path();
    let mut book = open_xlsx(path)?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| IngestError::Open {
            file: path.to_path_buf(),
            message: "the workbook has no sheet".into(),
        })?;
    let cells = match book.worksheet_cells_reader(&name) {
        Ok(reader) => Some(reader),
        Err(XlsxError::NotAWorksheet(_)) => None,
        Err(e) => return Err(xlsx_sheet_error(path, e).into()),
    };
    let mut rows = SheetRows {
        path,
        cells,
        ahead: None,
        last: 0,
        row: None,
        done: false,
        current: Vec::new(),
    };
    let mut searched = 0;
    let header = loop {
        if searched == HEADER_SEARCH_ROWS {
            break None;
        }
        let Some(row) = rows.next()? else {
            break None;
        };
        searched += 1;
        let cells = rows.cells();
        if cells
            .iter()
            .any(|c| c.text().eq_ignore_ascii_case("Iso3_code"))
        {
            break Some((row, cells.iter().map(Cell::text).collect::<Vec<_>>()));
        }
    };
    let Some((header_row, names)) = header else {
        let error = IngestError::NoHeader {
            file: source.path.clone(),
            searched,
            expected: COLUMNS.join(", "),
        };
        return Err(rows.after_rest(error));
    };
    let mut out = match Collector::new(source, header_row, &names) {
        Ok(c) => c,
        Err(e) => return Err(rows.after_rest(e)),
    };
    let category = out.index[CATEGORY];
    while let Some(row) = rows.next()? {
        if rows.current.iter().all(|d| *d == DataRef::Empty) {
            continue;
        }
        // Most rows are another category: look at that one cell and move on.
        let wanted = match rows.current.get(category) {
            Some(DataRef::SharedString(s)) => s.trim() == source.category,
            Some(DataRef::String(s)) => s.trim() == source.category,
            Some(d) => cell_of(d).text() == source.category,
            None => source.category.is_empty(),
        };
        if !wanted {
            continue;
        }
        out.push(row, &rows.cells());
    }
    Ok(out.finish()?)
}

/// Stream a UTF-8 csv file and keep the rows of `source.category`; rows and lines are 1-based
/// line numbers.
fn read_csv(source: &Source) -> Result<CtsOutput, IngestError> {
    let mut records = CsvRecords::open(&source.path, source.encoding)?;
    let mut searched = 0;
    let header = loop {
        if searched == HEADER_SEARCH_ROWS {
            break None;
        }
        let Some(line) = records.next()? else {
            break None;
        };
        searched += 1;
        if records
            .record
            .iter()
            .any(|f| trimmed(f).eq_ignore_ascii_case("Iso3_code"))
        {
            let names: Vec<String> = (0..records.record.len())
                .map(|i| records.text(i).to_string())
                .collect();
            break Some((line, names));
        }
    };
    let Some((header_row, names)) = header else {
        let error = IngestError::NoHeader {
            file: source.path.clone(),
            searched,
            expected: COLUMNS.join(", "),
        };
        return Err(records.after_rest(error));
    };
    let mut rows = match Collector::new(source, header_row, &names) {
        Ok(c) => c,
        Err(e) => return Err(records.after_rest(e)),
    };
    let category = rows.index[CATEGORY];
    while let Some(line) = records.next()? {
        match verdict(
            source,
            &records.record,
            line,
            (header_row, names.len()),
            category,
        ) {
            Verdict::Skip => {}
            Verdict::Keep => rows.push(line, &records.cells()),
            Verdict::Broken(error) => return Err(records.after_rest(error)),
        }
    }
    rows.finish()
}

/// Parse rows already in memory (an xlsx sheet loaded whole): find the header, keep the rows of
/// `source.category`.
pub(crate) fn parse_rows(
    source: &Source,
    rows: Vec<(usize, Vec<Cell>)>,
) -> Result<CtsOutput, IngestError> {
    let file = &source.path;
    let header_at = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|(_, cells)| {
            cells
                .iter()
                .any(|c| c.text().eq_ignore_ascii_case("Iso3_code"))
        })
        .ok_or_else(|| IngestError::NoHeader {
            file: file.clone(),
            searched: HEADER_SEARCH_ROWS.min(rows.len()),
            expected: COLUMNS.join(", "),
        })?;
    let (header_row, header) = &rows[header_at];
    let names: Vec<String> = header.iter().map(Cell::text).collect();
    let mut out = Collector::new(source, *header_row, &names)?;
    let category = out.index[CATEGORY];
    for (row, cells) in &rows[header_at + 1..] {
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        if cells.get(category).map(Cell::text).unwrap_or_default() != source.category {
            continue;
        }
        out.push(*row, cells);
    }
    out.finish()
}

/// Why a row was not kept: the rule it fails (`None`: the file is broken), the column, the
/// message.
type Reject = Box<(Option<Rule>, String, IngestError)>;

/// Key of the duplicate check: unit, indicator, dimension, sex|age, year, unit of measurement.
type Key = (String, String, String, String, i32, &'static str);

/// Turns the kept rows of one source into observations, checking every cell and duplicates.
struct Collector<'a> {
    source: &'a Source,
    /// Position in the file of each of `COLUMNS`.
    index: [usize; 13],
    /// The value column as lineage names it (`L (VALUE)`).
    value_column: String,
    seen: HashMap<Key, usize>,
    out: Vec<Observation>,
    findings: Vec<Finding>,
    /// A structural error (a cell far too long): the file is broken, not a row.
    broken: Option<IngestError>,
}

impl<'a> Collector<'a> {
    /// Match the header's names (trimmed) to `COLUMNS`.
    fn new(source: &'a Source, header_row: usize, names: &[String]) -> Result<Self, IngestError> {
        let mut index = [0usize; 13];
        for (k, want) in COLUMNS.iter().enumerate() {
            index[k] = names
                .iter()
                .position(|n| n.eq_ignore_ascii_case(want))
                .ok_or_else(|| IngestError::MissingColumn {
                    file: source.path.clone(),
                    row: header_row,
                    column: (*want).to_string(),
                    found: names
                        .iter()
                        .filter(|n| !n.is_empty())
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
        }
        Ok(Collector {
            source,
            index,
            value_column: format!("{} ({})", column_letter(index[11]), COLUMNS[11]),
            seen: HashMap::new(),
            out: Vec::new(),
            findings: Vec::new(),
            broken: None,
        })
    }

    /// One row of the requested category (not blank): an observation, or a finding.
    fn push(&mut self, row: usize, cells: &[Cell]) {
        if self.broken.is_some() {
            return;
        }
        match self.parse(row, cells) {
            Ok(Some(o)) => self.out.push(o),
            Ok(None) => {}
            Err(reject) => {
                let (rule, column, error) = *reject;
                if rule.is_none() {
                    self.broken = Some(error);
                    return;
                }
                self.findings.push(Finding {
                    rule: rule.unwrap_or(Rule::BadValue),
                    source_id: self.source.id.clone(),
                    file: self.source.path.clone(),
                    row,
                    column,
                    iso3: cells
                        .get(self.index[0])
                        .map(Cell::text)
                        .filter(|t| !t.is_empty()),
                    year: cells.get(self.index[9]).and_then(parse_year),
                    message: error.to_string(),
                    raw: cells.iter().map(Cell::text).collect::<Vec<_>>().join(" | "),
                });
            }
        }
    }

    /// One row → an observation; or the rule it fails (`None`: the file is broken), the column
    /// and the message.
    fn parse(&mut self, row: usize, cells: &[Cell]) -> Result<Option<Observation>, Reject> {
        let [
            iso3,
            country,
            region,
            subregion,
            indicator,
            dimension,
            category,
            sex,
            age,
            year,
            unit,
            value,
            note,
        ] = self.index;
        let file = &self.source.path;
        let empty = Cell::Empty;
        let get = |i: usize| cells.get(i).unwrap_or(&empty);
        let cell_error = |k: usize, i: usize, expected: &str| IngestError::Cell {
            file: file.clone(),
            row,
            column: format!("{} ({})", column_letter(i), COLUMNS[k]),
            expected: expected.to_string(),
            found: get(i).text(),
        };
        let col = |k: usize, i: usize| format!("{} ({})", column_letter(i), COLUMNS[k]);
        let bad = |k: usize, i: usize, e: IngestError| -> Reject {
            Box::new((Some(Rule::BadValue), col(k, i), e))
        };
        for (k, i) in self.index.iter().enumerate() {
            let long = match get(*i) {
                Cell::Text(t) | Cell::Other(t) => t.chars().count() > MAX_CELL_CHARS,
                _ => false,
            };
            if long {
                let mut e = cell_error(k, *i, "a cell of at most 1,000 characters");
                if let IngestError::Cell { found, .. } = &mut e {
                    let head: String = found.chars().take(40).collect();
                    *found = format!("{head}… ({} characters)", found.chars().count());
                }
                return Err(Box::new((None, col(k, *i), e)));
            }
        }
        let code = get(iso3).text();
        if code.is_empty() {
            return Err(bad(0, iso3, cell_error(0, iso3, "a country code")));
        }
        let y = parse_year(get(year))
            .ok_or_else(|| bad(9, year, cell_error(9, year, "a year between 1900 and 2100")))?;
        let u = match get(unit).text().as_str() {
            "Counts" => "count",
            "Rate per 100,000 population" => "rate_per_100k",
            _ => {
                return Err(bad(
                    10,
                    unit,
                    cell_error(10, unit, "`Counts` or `Rate per 100,000 population`"),
                ));
            }
        };
        let v = match get(value) {
            Cell::Empty => None,
            cell => Some(parse_value(cell).ok_or_else(|| {
                let large = match cell {
                    Cell::Number(n) => *n > super::clean::MAX_VALUE,
                    other => super::clean::too_large(&other.text()),
                };
                let e = cell_error(
                    11,
                    value,
                    if large {
                        super::clean::MAX_VALUE_TEXT
                    } else {
                        "a number ≥ 0 (or an empty cell)"
                    },
                );
                let negative = match cell {
                    Cell::Number(n) => *n < 0.0,
                    other => other.text().starts_with('-') && other.text().parse::<f64>().is_ok(),
                };
                let rule = if negative {
                    Rule::Negative
                } else {
                    Rule::BadValue
                };
                Box::new((Some(rule), col(11, value), e))
            })?),
        };
        let indicator = get(indicator).text();
        let dimension = get(dimension).text();
        let sex = get(sex).text();
        let age = get(age).text();
        let key = (
            code.clone(),
            indicator.clone(),
            dimension.clone(),
            format!("{sex}|{age}"),
            y,
            u,
        );
        if let Some(first) = self.seen.get(&key) {
            return Err(Box::new((
                Some(Rule::Duplicate),
                col(11, value),
                IngestError::Duplicate {
                    file: file.clone(),
                    row,
                    first_row: *first,
                    what: format!("{code} {y} {u}"),
                },
            )));
        }
        self.seen.insert(key, row);
        Ok(Some(Observation {
            release: self.source.release.clone(),
            source_id: self.source.id.clone(),
            iso3: code,
            country: get(country).text(),
            region: get(region).text(),
            subregion: get(subregion).text(),
            indicator,
            dimension,
            category: get(category).text(),
            sex,
            age,
            year: y,
            unit: u,
            value: v,
            source_note: get(note).text(),
            source_row: row as i64,
            source_column: self.value_column.clone(),
            source_cell: get(value).raw(),
        }))
    }

    /// The observations and findings; `Empty` when the source had no row of the category.
    fn finish(self) -> Result<CtsOutput, IngestError> {
        if let Some(e) = self.broken {
            return Err(e);
        }
        if self.out.is_empty() && self.findings.is_empty() {
            return Err(IngestError::Empty {
                file: self.source.path.clone(),
                category: self.source.category.clone(),
            });
        }
        Ok(CtsOutput {
            observations: self.out,
            findings: self.findings,
        })
    }
}

/// A year stored as a whole number or as text such as "2003".
fn parse_year(cell: &Cell) -> Option<i32> {
    let y = match cell {
        Cell::Number(n) if n.fract() == 0.0 => *n as i64,
        Cell::Text(s) => s.trim().parse::<i64>().ok()?,
        _ => return None,
    };
    (1900..=2100).contains(&y).then_some(y as i32)
}

/// A non-negative finite number, from a numeric cell or strictly parsed text.
fn parse_value(cell: &Cell) -> Option<f64> {
    let v = match cell {
        Cell::Number(n) => *n,
        Cell::Text(s) => {
            let t = s.trim();
            if t.is_empty()
                || !t
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
            {
                return None;
            }
            t.parse::<f64>().ok()?
        }
        _ => return None,
    };
    super::clean::in_range(v).then_some(v)
}

pub(crate) mod parallel;

#[cfg(test)]
mod tests;
