//! The `unodc-cts` layout: UN-CTS long format (13 columns), from xlsx or csv.
//!
//! Takes a source (path, release, category filter); returns its observations for that category.
//! The header is found by content (banner rows above it are skipped), columns are matched by
//! name, `Year` may be text or number, `VALUE` must be a number (fractional allowed).
//! Never coerces a bad cell: it reports file, row, column and what was expected.

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Reader};

use super::{IngestError, Observation, column_letter};
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

/// How many rows may precede the header (banner rows).
const HEADER_SEARCH_ROWS: usize = 20;

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
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Other(s) => s.trim().to_string(),
            Cell::Number(n) => format!("{n}"),
        }
    }
}

/// Read one UN-CTS file and keep the rows of `source.category`.
pub fn read_unodc_cts(source: &Source) -> Result<Vec<Observation>, IngestError> {
    let ext = source
        .path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let rows = if ext == "xlsx" {
        read_xlsx(&source.path)?
    } else {
        read_csv(&source.path)?
    };
    parse_rows(source, rows)
}

/// Rows of the first sheet, each with its 1-based sheet row number.
fn read_xlsx(path: &Path) -> Result<Vec<(usize, Vec<Cell>)>, IngestError> {
    let open = |message: String| IngestError::Open {
        file: path.to_path_buf(),
        message,
    };
    let mut book = calamine::open_workbook_auto(path)
        .map_err(|e| open(format!("not a readable xlsx workbook ({e})")))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| open("the workbook has no sheet".into()))?
        .map_err(|e| open(format!("cannot read the first sheet ({e})")))?;
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    let mut out = Vec::with_capacity(range.height());
    for (i, row) in range.rows().enumerate() {
        let mut cells = vec![Cell::Empty; first_col];
        cells.extend(row.iter().map(|d| match d {
            Data::Empty => Cell::Empty,
            Data::String(s) => Cell::Text(s.clone()),
            Data::Float(f) => Cell::Number(*f),
            Data::Int(n) => Cell::Number(*n as f64),
            other => Cell::Other(other.to_string()),
        }));
        out.push((first_row + i + 1, cells));
    }
    Ok(out)
}

/// Records of a UTF-8 csv file, each with its 1-based line number.
fn read_csv(path: &Path) -> Result<Vec<(usize, Vec<Cell>)>, IngestError> {
    let open = |message: String| IngestError::Open {
        file: path.to_path_buf(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|e| open(e.to_string()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut out = Vec::new();
    for record in reader.byte_records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            open(format!("line {line}: malformed csv ({e})"))
        })?;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let mut cells = Vec::with_capacity(record.len());
        for (col, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| IngestError::Cell {
                file: path.to_path_buf(),
                row: line,
                column: format!("{} (field {})", column_letter(col), col + 1),
                expected: "UTF-8 text (re-save the file as UTF-8)".into(),
                found: String::from_utf8_lossy(field).into_owned(),
            })?;
            cells.push(if text.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(text.to_string())
            });
        }
        out.push((line, cells));
    }
    Ok(out)
}

pub(crate) fn parse_rows(
    source: &Source,
    rows: Vec<(usize, Vec<Cell>)>,
) -> Result<Vec<Observation>, IngestError> {
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
    let mut index = [0usize; 13];
    for (k, want) in COLUMNS.iter().enumerate() {
        index[k] = names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(want))
            .ok_or_else(|| IngestError::MissingColumn {
                file: file.clone(),
                row: *header_row,
                column: (*want).to_string(),
                found: names
                    .iter()
                    .filter(|n| !n.is_empty())
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
    }
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
    ] = index;
    let col_name = |k: usize, i: usize| format!("{} ({})", column_letter(i), COLUMNS[k]);
    let empty = Cell::Empty;

    let mut out = Vec::new();
    let mut seen: HashMap<(String, String, String, String, i32, &'static str), usize> =
        HashMap::new();
    for (row, cells) in &rows[header_at + 1..] {
        let get = |i: usize| cells.get(i).unwrap_or(&empty);
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        if get(category).text() != source.category {
            continue;
        }
        let cell_error = |k: usize, i: usize, expected: &str| IngestError::Cell {
            file: file.clone(),
            row: *row,
            column: col_name(k, i),
            expected: expected.to_string(),
            found: get(i).text(),
        };
        let code = get(iso3).text();
        if code.is_empty() {
            return Err(cell_error(0, iso3, "a country code"));
        }
        let y = parse_year(get(year))
            .ok_or_else(|| cell_error(9, year, "a year between 1900 and 2100"))?;
        let u = match get(unit).text().as_str() {
            "Counts" => "count",
            "Rate per 100,000 population" => "rate_per_100k",
            _ => {
                return Err(cell_error(
                    10,
                    unit,
                    "`Counts` or `Rate per 100,000 population`",
                ));
            }
        };
        let v = match get(value) {
            Cell::Empty => None,
            cell => Some(
                parse_value(cell)
                    .ok_or_else(|| cell_error(11, value, "a number ≥ 0 (or an empty cell)"))?,
            ),
        };
        let key = (
            code.clone(),
            get(indicator).text(),
            get(dimension).text(),
            format!("{}|{}", get(sex).text(), get(age).text()),
            y,
            u,
        );
        if let Some(first) = seen.insert(key, *row) {
            return Err(IngestError::Duplicate {
                file: file.clone(),
                row: *row,
                first_row: first,
                what: format!("{code} {y} {u}"),
            });
        }
        out.push(Observation {
            release: source.release.clone(),
            source_id: source.id.clone(),
            iso3: code,
            country: get(country).text(),
            region: get(region).text(),
            subregion: get(subregion).text(),
            indicator: get(indicator).text(),
            dimension: get(dimension).text(),
            category: get(category).text(),
            sex: get(sex).text(),
            age: get(age).text(),
            year: y,
            unit: u,
            value: v,
            source_note: get(note).text(),
            source_row: *row as i64,
        });
    }
    if out.is_empty() {
        return Err(IngestError::Empty {
            file: file.clone(),
            category: source.category.clone(),
        });
    }
    Ok(out)
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
    (v.is_finite() && v >= 0.0).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_text_or_number() {
        assert_eq!(parse_year(&Cell::Text("2003".into())), Some(2003));
        assert_eq!(parse_year(&Cell::Text(" 2003 ".into())), Some(2003));
        assert_eq!(parse_year(&Cell::Number(2019.0)), Some(2019));
        assert_eq!(parse_year(&Cell::Number(2019.5)), None);
        assert_eq!(parse_year(&Cell::Text("20O3".into())), None);
        assert_eq!(parse_year(&Cell::Text("1066".into())), None);
    }

    #[test]
    fn values_are_parsed_strictly() {
        assert_eq!(parse_value(&Cell::Number(0.0)), Some(0.0));
        assert_eq!(parse_value(&Cell::Number(56651.548)), Some(56651.548));
        assert_eq!(parse_value(&Cell::Text("12.5".into())), Some(12.5));
        assert_eq!(parse_value(&Cell::Text("1,234".into())), None);
        assert_eq!(parse_value(&Cell::Text("..".into())), None);
        assert_eq!(parse_value(&Cell::Text("n/a".into())), None);
        assert_eq!(parse_value(&Cell::Number(-1.0)), None);
        assert_eq!(parse_value(&Cell::Number(f64::NAN)), None);
    }
}
