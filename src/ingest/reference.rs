//! Reference tables: the ISO3 ↔ M49 country table, the project's reporting-units table, and
//! World Bank population.
//!
//! Takes csv paths; returns the `countries` and `population` tables as sorted Arrow batches.
//! Never keeps a World Bank aggregate (WLD, EUU, …) as if it were a country: population rows
//! are kept only for codes in the countries table.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use arrow::array::{ArrayRef, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray};
use arrow::datatypes::{DataType, Field, Schema};

use super::{IngestError, column_letter};

/// One reporting unit of the `countries` table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Country {
    pub iso3: String,
    pub m49: Option<i32>,
    pub name: String,
    pub region: String,
    pub subregion: String,
    pub parent_iso3: Option<String>,
    /// Other names the unit goes by (UN short and formal names, CLDR name).
    pub other_names: Vec<String>,
}

struct Csv {
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

fn read_csv(path: &Path) -> Result<Csv, IngestError> {
    let open = |message: String| IngestError::Open {
        file: path.to_path_buf(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|e| open(e.to_string()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        open(format!("line {line}: not UTF-8 text"))
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h.iter().map(|s| s.trim().to_string()).collect(),
        Some(Err(e)) => return Err(open(format!("malformed csv header ({e})"))),
        None => return Err(open("the file is empty".into())),
    };
    let mut rows = Vec::new();
    // Lines are counted from the record's byte offset (after CRLF the reader's position still
    // points at the line feed that ends the record before, and its line count is one short):
    // line endings at the offset skipped, then 1 + the line feeds before it, counted once
    // through the text.
    let mut counted = (0usize, 1usize);
    let mut line_at = |byte: u64| -> usize {
        let mut byte = (byte as usize).min(text.len());
        while byte < text.len() && matches!(text.as_bytes()[byte], b'\r' | b'\n') {
            byte += 1;
        }
        if byte >= counted.0 {
            counted.1 += text.as_bytes()[counted.0..byte]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted.0 = byte;
        }
        counted.1
    };
    for record in records {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            open(format!("line {line}: malformed csv ({e})"))
        })?;
        let line = record.position().map(|p| line_at(p.byte())).unwrap_or(0);
        rows.push((line, record.iter().map(|s| s.trim().to_string()).collect()));
    }
    Ok(Csv { header, rows })
}

impl Csv {
    fn column(&self, path: &Path, name: &str) -> Result<usize, IngestError> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| IngestError::MissingColumn {
                file: path.to_path_buf(),
                row: 1,
                column: name.to_string(),
                found: self
                    .header
                    .iter()
                    .map(|h| format!("`{h}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// Read the M49 table and the reporting-units table into one sorted list of units.
pub fn read_countries(m49_path: &Path, units_path: &Path) -> Result<Vec<Country>, IngestError> {
    let m49 = read_csv(m49_path)?;
    let c_iso = m49.column(m49_path, "ISO3166-1-Alpha-3")?;
    let c_m49 = m49.column(m49_path, "M49")?;
    let c_region = m49.column(m49_path, "Region Name")?;
    let c_sub = m49.column(m49_path, "Sub-region Name")?;
    let c_name = m49.column(m49_path, "official_name_en")?;
    let c_cldr = m49.column(m49_path, "CLDR display name")?;
    // Optional name columns: more names to match sources that name units instead of coding them.
    let optional = |name: &str| m49.header.iter().position(|h| h == name);
    let c_others: Vec<usize> = [
        Some(c_cldr),
        optional("UNTERM English Short"),
        optional("UNTERM English Formal"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut out: BTreeMap<String, Country> = BTreeMap::new();
    for (line, row) in &m49.rows {
        let get = |i: usize| row.get(i).map(String::as_str).unwrap_or("");
        let iso3 = get(c_iso);
        if iso3.is_empty() || get(c_region).is_empty() {
            continue; // Antarctica and unassigned rows have no region.
        }
        let m49_code = get(c_m49).parse::<i32>().map_err(|_| IngestError::Cell {
            file: m49_path.to_path_buf(),
            row: *line,
            column: format!("{} (M49)", column_letter(c_m49)),
            expected: "a numeric M49 code".into(),
            found: get(c_m49).to_string(),
        })?;
        let name = if get(c_name).is_empty() {
            get(c_cldr)
        } else {
            get(c_name)
        };
        out.insert(
            iso3.to_string(),
            Country {
                iso3: iso3.to_string(),
                m49: Some(m49_code),
                name: name.to_string(),
                region: get(c_region).to_string(),
                subregion: get(c_sub).to_string(),
                parent_iso3: None,
                other_names: c_others
                    .iter()
                    .map(|i| get(*i).to_string())
                    .filter(|n| !n.is_empty())
                    .collect(),
            },
        );
    }
    let units = read_csv(units_path)?;
    let u_iso = units.column(units_path, "iso3")?;
    let u_name = units.column(units_path, "name")?;
    let u_region = units.column(units_path, "region")?;
    let u_sub = units.column(units_path, "subregion")?;
    let u_parent = units.column(units_path, "parent_iso3")?;
    for (line, row) in &units.rows {
        let get = |i: usize| row.get(i).map(String::as_str).unwrap_or("");
        let iso3 = get(u_iso);
        let parent = get(u_parent);
        if iso3.is_empty() || out.contains_key(iso3) {
            return Err(IngestError::Cell {
                file: units_path.to_path_buf(),
                row: *line,
                column: format!("{} (iso3)", column_letter(u_iso)),
                expected: "a code that is not empty and not already in the M49 table".into(),
                found: iso3.to_string(),
            });
        }
        if !parent.is_empty() && !out.contains_key(parent) {
            return Err(IngestError::UnknownCode {
                file: units_path.to_path_buf(),
                row: *line,
                column: format!("{} (parent_iso3)", column_letter(u_parent)),
                code: parent.to_string(),
                hint: String::new(),
            });
        }
        out.insert(
            iso3.to_string(),
            Country {
                iso3: iso3.to_string(),
                m49: None,
                name: get(u_name).to_string(),
                region: get(u_region).to_string(),
                subregion: get(u_sub).to_string(),
                parent_iso3: (!parent.is_empty()).then(|| parent.to_string()),
                other_names: Vec::new(),
            },
        );
    }
    Ok(out.into_values().collect())
}

/// The `countries` table as a record batch (sorted by iso3).
pub fn countries_batch(countries: &[Country]) -> RecordBatch {
    let schema = Arc::new(Schema::new(vec![
        Field::new("iso3", DataType::Utf8, false),
        Field::new("m49", DataType::Int32, true),
        Field::new("name", DataType::Utf8, false),
        Field::new("region", DataType::Utf8, false),
        Field::new("subregion", DataType::Utf8, false),
        Field::new("parent_iso3", DataType::Utf8, true),
    ]));
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(
            countries.iter().map(|c| &c.iso3),
        )),
        Arc::new(Int32Array::from_iter(countries.iter().map(|c| c.m49))),
        Arc::new(StringArray::from_iter_values(
            countries.iter().map(|c| &c.name),
        )),
        Arc::new(StringArray::from_iter_values(
            countries.iter().map(|c| &c.region),
        )),
        Arc::new(StringArray::from_iter_values(
            countries.iter().map(|c| &c.subregion),
        )),
        Arc::new(StringArray::from_iter(
            countries.iter().map(|c| c.parent_iso3.as_deref()),
        )),
    ];
    RecordBatch::try_new(schema, columns)
        .unwrap_or_else(|e| unreachable!("countries schema mismatch: {e}"))
}

/// The `population` schema.
pub fn population_schema() -> arrow::datatypes::SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("iso3", DataType::Utf8, false),
        Field::new("year", DataType::Int32, false),
        Field::new("population", DataType::Float64, false),
        // Provenance: the line, the value's column and its text.
        Field::new("source_row", DataType::Int64, false),
        Field::new("source_column", DataType::Utf8, false),
        Field::new("source_cell", DataType::Utf8, false),
    ]))
}

/// Read World Bank population (`Country Code, Year, Value`), keeping the codes in `known`.
pub fn read_population(path: &Path, known: &BTreeSet<String>) -> Result<RecordBatch, IngestError> {
    let csv = read_csv(path)?;
    let c_code = csv.column(path, "Country Code")?;
    let c_year = csv.column(path, "Year")?;
    let c_value = csv.column(path, "Value")?;
    // (unit, year) → (value, line, cell text as the file holds it).
    let mut rows: BTreeMap<(String, i32), (f64, i64, String)> = BTreeMap::new();
    let value_column = format!("{} (Value)", column_letter(c_value));
    for (line, row) in &csv.rows {
        let get = |i: usize| row.get(i).map(String::as_str).unwrap_or("");
        let code = get(c_code);
        if !known.contains(code) {
            continue;
        }
        let bad = |col: usize, name: &str, expected: &str| IngestError::Cell {
            file: path.to_path_buf(),
            row: *line,
            column: format!("{} ({name})", column_letter(col)),
            expected: expected.to_string(),
            found: get(col).to_string(),
        };
        let year = get(c_year)
            .parse::<i32>()
            .map_err(|_| bad(c_year, "Year", "a whole year"))?;
        let value = get(c_value)
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v > 0.0)
            .ok_or_else(|| bad(c_value, "Value", "a positive population"))?;
        let cell = (value, *line as i64, get(c_value).to_string());
        if let Some(first) = rows.insert((code.to_string(), year), cell) {
            return Err(IngestError::Duplicate {
                file: path.to_path_buf(),
                row: *line,
                first_row: first.1 as usize,
                what: format!("population {code} {year}"),
            });
        }
    }
    let schema = population_schema();
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(rows.keys().map(|k| &k.0))),
        Arc::new(Int32Array::from_iter_values(rows.keys().map(|k| k.1))),
        Arc::new(Float64Array::from_iter_values(rows.values().map(|v| v.0))),
        Arc::new(Int64Array::from_iter_values(rows.values().map(|v| v.1))),
        Arc::new(StringArray::from_iter_values(
            rows.values().map(|_| value_column.as_str()),
        )),
        Arc::new(StringArray::from_iter_values(
            rows.values().map(|v| v.2.as_str()),
        )),
    ];
    RecordBatch::try_new(schema, columns).map_err(|e| IngestError::Open {
        file: path.to_path_buf(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::AsArray;
    use arrow::datatypes::Int64Type;

    /// The line of each population row, as a text editor numbers it, whatever the line endings.
    #[test]
    fn population_rows_keep_their_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let known: BTreeSet<String> = ["AAA".to_string(), "BBB".to_string()].into();
        for ending in ["\n", "\r\n"] {
            let path = dir.path().join("population.csv");
            let text = [
                "Country Name,Country Code,Year,Value",
                "A,AAA,2020,100",
                "",
                "B,BBB,2020,200",
                "B,BBB,2021,\"250\"",
            ]
            .join(ending);
            std::fs::write(&path, text).unwrap();
            let batch = read_population(&path, &known).unwrap();
            let rows: Vec<i64> = batch
                .column_by_name("source_row")
                .unwrap()
                .as_primitive::<Int64Type>()
                .values()
                .to_vec();
            assert_eq!(rows, vec![2, 4, 5], "{ending:?}");
            let cells = batch
                .column_by_name("source_cell")
                .unwrap()
                .as_string::<i32>();
            assert_eq!(cells.value(2), "250");
        }
    }
}
