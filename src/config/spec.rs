//! The raw declarations a pipeline gives for its sources: table layouts, number rules,
//! country codes, encodings and row rules. Plain data deserialized from YAML; the readers in
//! `ingest` interpret them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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

/// How a source writes its numbers (declared per source in the pipeline YAML).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberRules {
    /// Thousands separator allowed between groups of three digits (`,` in most sources).
    #[serde(default)]
    pub thousands: Option<char>,
    /// Texts meaning "not reported" (compared after trimming). An empty cell always is.
    #[serde(default = "default_missing")]
    pub missing: Vec<String>,
    /// Texts meaning zero (compared after trimming), such as `-` in accounting formats.
    #[serde(default)]
    pub zero: Vec<String>,
}

fn default_missing() -> Vec<String> {
    vec!["..".into()]
}

impl Default for NumberRules {
    fn default() -> Self {
        NumberRules {
            thousands: None,
            missing: default_missing(),
            zero: Vec::new(),
        }
    }
}

/// What a source's country column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CodeKind {
    /// ISO 3166 alpha-3 code, or a reporting-unit code such as `GBR_E_W`.
    #[default]
    Iso3,
    /// UN M49 numeric code.
    M49,
    /// The unit's name, in any of the forms the reference tables know.
    Name,
}

/// A source's text encoding, as declared in the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum Encoding {
    /// UTF-8 (with or without a byte-order mark); the default.
    #[default]
    #[serde(rename = "utf-8")]
    Utf8,
    /// Windows-1252 (a superset of Latin-1), as Excel's "CSV" export writes on Windows.
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// Decided at the file's first non-ASCII byte (from the 64 KiB that follow it).
    #[serde(rename = "auto")]
    Auto,
}

/// A row-level validation rule: a row failing it goes to quarantine (with the reason and the
/// source row); the pipeline's `quality:` block says how many such rows a run tolerates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A cell that is not what its column holds (a word where a number belongs, a bad year).
    BadValue,
    /// A negative number where counts and rates belong.
    Negative,
    /// The same country, year and unit twice.
    Duplicate,
    /// A country code or name that no reference table knows.
    UnknownCode,
}

impl Rule {
    /// Every row rule, in report order.
    pub const ALL: [Rule; 4] = [
        Rule::BadValue,
        Rule::Negative,
        Rule::Duplicate,
        Rule::UnknownCode,
    ];

    /// The rule's key in the pipeline's `quality:` block and in `quality.json`.
    pub fn name(self) -> &'static str {
        match self {
            Rule::BadValue => "bad_value",
            Rule::Negative => "negative_value",
            Rule::Duplicate => "duplicate",
            Rule::UnknownCode => "unknown_code",
        }
    }
}

/// A file's extension in lower case ("" when it has none): how sources say their format.
pub fn extension(path: &std::path::Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}
