//! The pipeline YAML as written: the raw serde structs (unknown keys refused), the quality block,
//! the parameters and their SQL bindings.

use serde::{Deserialize, Serialize};

use super::spec::{Encoding, Rule, TableSpec};

/// Source layouts the ingest stage can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// UN-CTS long format: 13 columns, optional banner rows, xlsx or csv.
    UnodcCts,
    /// Any csv, xlsx or Parquet table, described by the source's `table:` block.
    Table,
}

/// What a source is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The report's data (table `observations`).
    #[default]
    Main,
    /// An earlier release of the main source, kept with its id (table `releases`).
    Release,
    /// Another publisher's figures, compared with the main source (table `comparisons`);
    /// sub-national rows go to table `subnational`.
    Comparison,
}

/// How many rows may fail a row rule before the run fails (0: the first one fails it).
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RowLimit {
    #[serde(default)]
    pub max: usize,
}

/// A check over the warehouse: findings are listed; the run fails above `max` (never when
/// `max` is absent).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RateCheck {
    /// Relative gap between the published rate and count / population × 100,000 above which a
    /// rate is flagged.
    #[serde(default = "default_tolerance")]
    pub tolerance: f64,
    #[serde(default)]
    pub max: Option<usize>,
}

fn default_tolerance() -> f64 {
    0.10
}

impl Default for RateCheck {
    fn default() -> Self {
        RateCheck {
            tolerance: default_tolerance(),
            max: None,
        }
    }
}

/// Year-on-year jumps by more than `factor` (up or down) where either count is at least
/// `min_count`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct JumpCheck {
    #[serde(default = "default_factor")]
    pub factor: f64,
    #[serde(default = "default_min_count")]
    pub min_count: f64,
    #[serde(default)]
    pub max: Option<usize>,
}

fn default_factor() -> f64 {
    5.0
}

fn default_min_count() -> f64 {
    20.0
}

impl Default for JumpCheck {
    fn default() -> Self {
        JumpCheck {
            factor: default_factor(),
            min_count: default_min_count(),
            max: None,
        }
    }
}

/// A check with only a limit.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckLimit {
    #[serde(default)]
    pub max: Option<usize>,
}

/// A finding of a warehouse check the pipeline knows about: it is still listed in the report
/// and `quality.json`, but no longer warns.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    /// The check (`rate_mismatch`, `implausible_jump`, `subnational_without_national`,
    /// `subnational_with_national`).
    pub check: String,
    /// The reporting unit's code, as the warehouse has it (`GBR_E_W`).
    pub unit: String,
    /// The year; absent: every year of the unit (a structural finding).
    #[serde(default)]
    pub year: Option<i32>,
    /// Why it is known and accepted.
    pub reason: String,
}

/// The warehouse checks an acknowledgement may name.
pub const CHECK_NAMES: [&str; 4] = [
    "rate_mismatch",
    "implausible_jump",
    "subnational_without_national",
    "subnational_with_national",
];

/// The pipeline's `quality:` block: what a run tolerates.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quality {
    /// Known findings of the checks: listed, but not warned about again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acknowledged: Vec<Acknowledgement>,
    #[serde(default)]
    pub bad_value: RowLimit,
    #[serde(default)]
    pub negative_value: RowLimit,
    #[serde(default)]
    pub duplicate: RowLimit,
    #[serde(default)]
    pub unknown_code: RowLimit,
    #[serde(default)]
    pub rate_mismatch: RateCheck,
    #[serde(default)]
    pub implausible_jump: JumpCheck,
    #[serde(default)]
    pub subnational_without_national: CheckLimit,
    #[serde(default)]
    pub subnational_with_national: CheckLimit,
}

impl Quality {
    /// The limit of a row rule.
    pub fn row_limit(&self, rule: Rule) -> usize {
        match rule {
            Rule::BadValue => self.bad_value.max,
            Rule::Negative => self.negative_value.max,
            Rule::Duplicate => self.duplicate.max,
            Rule::UnknownCode => self.unknown_code.max,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPipeline {
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) sources: Vec<RawSource>,
    #[serde(default)]
    pub(crate) previous: Option<String>,
    #[serde(default)]
    pub(crate) quality: Quality,
    pub(crate) population: RawReference,
    pub(crate) countries: RawCountries,
    pub(crate) params: Params,
    pub(crate) queries: RawQueries,
    pub(crate) report: RawReport,
    #[serde(default)]
    pub(crate) output: Option<String>,
    #[serde(default)]
    pub(crate) document: DocumentSettings,
}

/// `document:` of a pipeline: what the masthead and session lines of its UN document say.
/// Whatever is not given prints as a visible placeholder (`[symbol]`), never invented.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSettings {
    /// The document symbol, e.g. "E/CN.15/2026/10".
    pub symbol: Option<String>,
    /// Date of submission, ISO ("2026-03-02"), printed "2 March 2026".
    pub date: Option<String>,
    /// Default "Economic and Social Council".
    pub organ: Option<String>,
    /// Default "Commission on Crime Prevention and Criminal Justice".
    pub commission: Option<String>,
    /// E.g. "Thirty-fifth session".
    pub session: Option<String>,
    /// E.g. "Vienna, 18–22 May 2026".
    pub place_and_dates: Option<String>,
    /// The agenda item's number, e.g. "6".
    pub agenda_item: Option<String>,
    /// The agenda item's title.
    pub agenda_title: Option<String>,
    /// The provisional agenda's symbol, e.g. "E/CN.15/2026/1".
    pub agenda_symbol: Option<String>,
    /// The document's title; default the title of the resolution's subject.
    pub title: Option<String>,
    /// "Executive Director" (default) or "Secretary-General".
    pub author: Option<String>,
    /// BCP 47 language tag of the text, when the document is written in one language; default
    /// "en".
    pub language: Option<String>,
    /// The languages the document is written in (`[en, fr, es, ru]`): the original where the
    /// output is, every other in `<output>/<language>/`. Not with `language`.
    pub languages: Option<Vec<String>>,
    /// The language of the original (default: English when written, else the first).
    pub original: Option<String>,
}

impl DocumentSettings {
    /// Every language the document is written in, the original first.
    pub fn languages(&self) -> Vec<String> {
        let mut all = match (&self.languages, &self.language) {
            (Some(l), _) if !l.is_empty() => l.clone(),
            (_, Some(one)) => vec![one.clone()],
            _ => vec!["en".to_string()],
        };
        let original = self.original();
        all.retain(|l| *l != original);
        all.insert(0, original);
        all
    }

    /// The original's language tag.
    pub fn original(&self) -> String {
        if let Some(o) = &self.original {
            return o.clone();
        }
        match (&self.languages, &self.language) {
            (Some(l), _) if l.iter().any(|t| t == "en") => "en".into(),
            (Some(l), _) if !l.is_empty() => l[0].clone(),
            (_, Some(one)) => one.clone(),
            _ => "en".into(),
        }
    }

    /// These settings for the document in language `tag` (the language its texts follow).
    pub fn in_language(&self, tag: &str) -> DocumentSettings {
        DocumentSettings {
            language: Some(tag.to_string()),
            ..self.clone()
        }
    }

    /// The document's language tag ("en" when not given).
    pub fn tag(&self) -> &str {
        self.language.as_deref().unwrap_or("en")
    }

    /// The language whose rules the text follows (checked when the pipeline is read).
    pub fn lang(&self) -> crate::format::Language {
        self.language
            .as_deref()
            .and_then(crate::format::Language::from_tag)
            .unwrap_or_default()
    }
}

/// A text in the document's languages: one text (the original's words), or one per language
/// (`{ en: "…", fr: "…" }`), which a document written in several languages needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub(crate) enum Localized {
    One(String),
    Each(std::collections::BTreeMap<String, String>),
}

impl Localized {
    /// The text in `lang`: its own, or the one text (the original's).
    pub(crate) fn get(&self, lang: &str) -> Option<&str> {
        match self {
            Localized::One(s) => Some(s),
            Localized::Each(m) => m.get(lang).map(String::as_str),
        }
    }

    /// Every language's text, by tag (the one text under `original`).
    pub(crate) fn by_language(&self, original: &str) -> std::collections::BTreeMap<String, String> {
        match self {
            Localized::One(s) => [(original.to_string(), s.clone())].into(),
            Localized::Each(m) => m.clone(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub(crate) id: String,
    pub(crate) layout: Layout,
    pub(crate) path: String,
    pub(crate) release: String,
    pub(crate) citation: Localized,
    pub(crate) category: String,
    #[serde(default)]
    pub(crate) role: Role,
    #[serde(default)]
    pub(crate) encoding: Encoding,
    #[serde(default)]
    pub(crate) table: Option<TableSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReference {
    pub(crate) path: String,
    pub(crate) citation: Localized,
    pub(crate) vintage: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCountries {
    pub(crate) path: String,
    pub(crate) units: String,
    #[serde(default)]
    pub(crate) aliases: Option<String>,
    /// The folder of the name tables in the six languages (`country-names.csv`,
    /// `region-names.csv`, `unit-names.csv`): needed when the document is written in a
    /// language besides the original.
    #[serde(default)]
    pub(crate) names: Option<String>,
    pub(crate) citation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQueries {
    pub(crate) dir: String,
    #[serde(default)]
    pub(crate) tables: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReport {
    pub(crate) dir: String,
}

/// Statistical parameters, bound into every SQL file as named parameters (`$first_year`, …).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// First year of the review window (Y0, also the base year).
    pub first_year: i32,
    /// Last year of the review window (Y1).
    pub last_year: i32,
    /// First comparison period, inclusive `[from, to]`.
    pub p1: [i32; 2],
    /// Second comparison period, inclusive `[from, to]`.
    pub p2: [i32; 2],
    /// Rows in ranked tables.
    pub top_n_table: i64,
    /// Bars in ranked charts.
    pub top_n_chart: i64,
    /// Units below this population are never ranked or named as extremes.
    pub population_floor: f64,
    /// A regional aggregate is shown only when it rests on at least this many units.
    pub min_countries: i64,
    /// Text may speak of a region as a whole only above this share of its population.
    pub region_share_for_text: f64,
    /// Relative change within which a rate counts as stable.
    pub stable_band: f64,
    /// Series breaks: a rate changing at least this factor from the previous year (up or
    /// down) is a jump…
    #[serde(default = "default_break_ratio")]
    pub break_ratio: f64,
    /// …on at least this many cases in one of the two years…
    #[serde(default = "default_break_min_count")]
    pub break_min_count: f64,
    /// …confirmed when the next year's rate stays within this share of it.
    #[serde(default = "default_break_hold")]
    pub break_hold: f64,
    /// Units drawn in the small multiples (the largest reporters).
    #[serde(default = "default_multiples")]
    pub multiples: i64,
    /// Fewer cases than this are a small count: marked † in rankings, never the base of a
    /// year-on-year change or of a period change.
    #[serde(default = "default_small_count")]
    pub small_count: f64,
    /// A revision since the previous release larger than this share is large (appendix).
    #[serde(default = "default_revision_threshold")]
    pub revision_threshold: f64,
}

fn default_break_ratio() -> f64 {
    2.0
}
fn default_break_min_count() -> f64 {
    20.0
}
fn default_break_hold() -> f64 {
    0.25
}
fn default_multiples() -> i64 {
    12
}
fn default_small_count() -> f64 {
    10.0
}
fn default_revision_threshold() -> f64 {
    0.10
}

impl Params {
    /// The parameters as (name, value) pairs, in a fixed order, for SQL binding.
    pub fn bindings(&self) -> Vec<(&'static str, ParamValue)> {
        use ParamValue::{Float, Int, Year};
        vec![
            ("first_year", Year(self.first_year)),
            ("last_year", Year(self.last_year)),
            ("p1_from", Year(self.p1[0])),
            ("p1_to", Year(self.p1[1])),
            ("p2_from", Year(self.p2[0])),
            ("p2_to", Year(self.p2[1])),
            ("top_n_table", Int(self.top_n_table)),
            ("top_n_chart", Int(self.top_n_chart)),
            ("population_floor", Float(self.population_floor)),
            ("min_countries", Int(self.min_countries)),
            ("region_share_for_text", Float(self.region_share_for_text)),
            ("stable_band", Float(self.stable_band)),
            ("break_ratio", Float(self.break_ratio)),
            ("break_min_count", Float(self.break_min_count)),
            ("break_hold", Float(self.break_hold)),
            ("multiples", Int(self.multiples)),
            ("small_count", Float(self.small_count)),
            ("revision_threshold", Float(self.revision_threshold)),
        ]
    }
}

/// A parameter value as SQL sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParamValue {
    /// A calendar year (Int32, the warehouse's year type).
    Year(i32),
    /// A whole number (Int64).
    Int(i64),
    /// A real number (Float64).
    Float(f64),
}
