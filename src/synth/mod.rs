//! Synthetic UN-CTS data: a file in the long 13-column layout of the UNODC release, as large as
//! asked, for measuring the pipeline at scale.
//!
//! Takes a row count, a seed and an output path; writes the csv (or xlsx) and, beside it,
//! `<stem>.units.csv`: the reporting units of the file that the M49 table lacks, in the layout of
//! `data/reference/reporting-units.csv`, so that a pipeline can point `countries.units` at it.
//! Deterministic: the same seed and row count give the same bytes, and a file of N rows is the
//! first N data rows of any larger file with the same seed (units are generated one after the
//! other, each from its own random stream). Never reads the repository's data files: the real
//! units below are embedded, and larger files add synthetic sub-national units (`MEX_S001`,
//! "Mexico (State 001)") of the same region as their country. Never uses floating-point
//! functions beyond + − × ÷, so the bytes do not depend on the platform's maths library.
//!
//! What the data look like: years 1990–2024, about 10 % of unit-years missing (late starts, early
//! ends, a few holes); the UN-CTS violent-crime categories with sex `Total`, plus victims by
//! relationship to the perpetrator with sex `Male` and `Female` for some units, so that
//! Kidnapping is a minority of rows (about 6 % while the embedded units last); a `Counts` and a `Rate per 100,000 population` row for every
//! unit, year and series, the rate being the count over the unit's own population; small counts
//! sometimes zero; exactly one fractional count (the first Kidnapping count that is not zero,
//! plus one half). Only the first `subnational_kidnapping` synthetic units of each country report
//! Kidnapping (the others report the other categories): a real release has about 110 units with
//! Kidnapping, and the report draws one row per unit in some figures, so a file of millions of
//! rows keeps a few hundred Kidnapping units and its Kidnapping share falls (under 3 % from a
//! million rows).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{ConfigError, Error, Result};

/// The 13 columns of the UN-CTS layout, in file order: the reader's own list, so the
/// generator can never drift from what ingest expects.
pub use crate::ingest::COLUMNS as HEADER;

/// Rows above the header, as in the UNODC export.
const BANNER: [&str; 2] = [
    "Synthetic UN-CTS data written by kidnap-trends synth; not real statistics",
    "01/01/2025",
];

/// First and last year of every series.
pub const YEARS: (i32, i32) = (1990, 2024);

/// Excel's last row, less the banner and the header.
pub const XLSX_MAX_ROWS: u64 = 1_048_576 - 3;

const COUNTS: &str = "Counts";
const RATE: &str = "Rate per 100,000 population";

/// A real reporting unit: code, name as UN-CTS writes it, M49 region and sub-region, population
/// in 2010 (millions), and the parent country of a unit the M49 table lacks.
struct RealUnit {
    iso3: &'static str,
    name: &'static str,
    region: &'static str,
    subregion: &'static str,
    millions: f64,
    parent: Option<&'static str>,
    /// In the M49 table (so not written to the units file).
    m49: bool,
}

/// The embedded units, in file order (the first ones are those a small file holds): `units.csv`
/// (code, name as UN-CTS writes it, M49 region and sub-region, population in 2010 in millions,
/// parent of a unit the M49 table lacks, whether the M49 table has it).
static UNITS: std::sync::LazyLock<Vec<RealUnit>> = std::sync::LazyLock::new(|| {
    include_str!("units.csv")
        .lines()
        .skip(1)
        .filter_map(|line| {
            let f = csv_fields(line);
            let [iso3, name, region, subregion, millions, parent, m49] = f[..] else {
                return None;
            };
            Some(RealUnit {
                iso3,
                name,
                region,
                subregion,
                millions: millions.parse().ok()?,
                parent: (!parent.is_empty()).then_some(parent),
                m49: m49 == "true",
            })
        })
        .collect()
});

/// The fields of one line of the embedded units table: comma-separated, a field holding a
/// comma in double quotes (no quote inside a field).
fn csv_fields(line: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        let (field, tail) = match rest.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"').unwrap_or(quoted.len());
                let after = &quoted[(end + 1).min(quoted.len())..];
                (&quoted[..end], after.strip_prefix(','))
            }
            None => match rest.split_once(',') {
                Some((f, t)) => (f, Some(t)),
                None => (rest, None),
            },
        };
        out.push(field);
        match tail {
            Some(t) => rest = t,
            None => return out,
        }
    }
}

/// A series of the file: category, indicator, dimension, sex, and a typical rate per 100,000.
#[derive(Debug, Clone, Copy)]
struct Series {
    category: &'static str,
    indicator: &'static str,
    dimension: &'static str,
    sex: &'static str,
    rate: f64,
}

const OFFENCES: &str = "Violent offences";
const BY_TYPE: &str = "by type of offence";
const BY_RELATIONSHIP: &str = "by relationship to perpetrator";
const KIDNAPPING: &str = "Kidnapping";

const fn offence(category: &'static str, rate: f64) -> Series {
    Series {
        category,
        indicator: OFFENCES,
        dimension: BY_TYPE,
        sex: "Total",
        rate,
    }
}

/// Offences by type, sex `Total`: every unit reports most of them.
const OFFENCE_SERIES: [Series; 9] = [
    offence("Serious assault", 80.0),
    offence(KIDNAPPING, 2.0),
    offence("Sexual violence", 30.0),
    offence("Sexual violence: Rape", 12.0),
    offence("Sexual violence: Sexual assault", 15.0),
    offence("Sexual violence: Other acts of sexual violence", 5.0),
    offence("Sexual Exploitation", 1.5),
    offence("Robbery", 60.0),
    offence("Acts intended to induce fear or emotional distress", 20.0),
];

/// Relationship categories of the victims' tables, with a typical rate per sex.
const RELATIONSHIPS: [(&str, f64); 4] = [
    ("Intimate partner or family member", 10.0),
    ("Other Perpetrator known to the victim", 8.0),
    ("Perpetrator unknown to the victim", 12.0),
    ("Relationship to perpetrator is not known", 6.0),
];

/// Victims' indicators that are broken down by relationship.
const VICTIMS: [&str; 2] = ["Victims of serious assault", "Victims of sexual violence"];

/// splitmix64: a tiny, well-mixed 64-bit generator (Steele, Lea and Flood, 2014).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator whose stream is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform number in [lo, hi).
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Output format of `write`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Data rows (banner and header not counted).
    pub rows: u64,
    /// Seed of every random stream.
    pub seed: u64,
    /// The data file to write; the units file goes beside it.
    pub out: PathBuf,
    pub format: Format,
    /// How many synthetic sub-national units of each country report Kidnapping (the first
    /// ones); the others report the other categories only.
    pub subnational_kidnapping: usize,
    /// Replace existing files (without it an existing data or units file is refused).
    pub overwrite: bool,
}

/// What `write` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The data file.
    pub data: PathBuf,
    /// The reporting-units file beside it.
    pub units_file: PathBuf,
    /// Data rows written.
    pub rows: u64,
    /// Kidnapping rows among them.
    pub kidnapping_rows: u64,
    /// Reporting units generated (each has rows unless it reports nothing at all).
    pub units: usize,
    /// Synthetic sub-national units among them.
    pub synthetic_units: usize,
}

/// The units file written beside `data`: `<stem>.units.csv`.
pub fn units_path(data: &Path) -> PathBuf {
    data.with_extension("units.csv")
}

/// A reporting unit being generated.
struct Unit {
    iso3: String,
    name: String,
    region: &'static str,
    subregion: &'static str,
    parent: Option<String>,
    /// Written to the units file (not in the M49 table).
    listed: bool,
    /// Number of a synthetic sub-national unit within its country (1, 2, …).
    number: Option<usize>,
    millions: f64,
}

/// The `index`-th unit of every file: the embedded ones, then synthetic sub-national units
/// taken in turn from each M49 country of the list.
fn unit(index: usize) -> Unit {
    if let Some(u) = UNITS.get(index) {
        return Unit {
            iso3: u.iso3.to_string(),
            name: u.name.to_string(),
            region: u.region,
            subregion: u.subregion,
            parent: u.parent.map(str::to_string),
            listed: !u.m49,
            number: None,
            millions: u.millions,
        };
    }
    let countries: Vec<&RealUnit> = UNITS.iter().filter(|u| u.m49).collect();
    let k = index - UNITS.len();
    let parent = countries[k % countries.len()];
    let number = k / countries.len() + 1;
    // A sub-national unit holds 0.5–5 % of its country's people.
    let mut rng = SplitMix64::new(0x5eed ^ index as u64);
    Unit {
        iso3: format!("{}_S{number:03}", parent.iso3),
        name: format!("{} (State {number:03})", parent.name),
        region: parent.region,
        subregion: parent.subregion,
        parent: Some(parent.iso3.to_string()),
        listed: true,
        number: Some(number),
        millions: parent.millions * rng.between(0.005, 0.05),
    }
}

/// One row about to be written.
struct Row<'a> {
    unit: &'a Unit,
    series: &'a Series,
    year: &'a str,
    measure: &'static str,
    value: f64,
    source: &'static str,
}

impl Row<'_> {
    /// The row's text cells, columns A to K of the UN-CTS layout (Iso3_code … Unit of
    /// measurement); VALUE and Source follow.
    fn text_cells(&self) -> [&str; 11] {
        [
            self.unit.iso3.as_str(),
            self.unit.name.as_str(),
            self.unit.region,
            self.unit.subregion,
            self.series.indicator,
            self.series.dimension,
            self.series.category,
            self.series.sex,
            "Total",
            self.year,
            self.measure,
        ]
    }
}

/// Where rows go.
trait Sink {
    fn row(&mut self, row: &Row) -> std::io::Result<()>;
}

/// Generate rows into `sink` until `wanted`; returns (kidnapping rows, units used).
fn generate(
    seed: u64,
    wanted: u64,
    subnational_kidnapping: usize,
    sink: &mut dyn Sink,
    units: &mut Vec<Unit>,
) -> std::io::Result<u64> {
    let years: Vec<String> = (YEARS.0..=YEARS.1).map(|y| y.to_string()).collect();
    let mut written = 0u64;
    let mut kidnapping = 0u64;
    let mut fraction_pending = true;
    let mut index = 0usize;
    while written < wanted {
        let u = unit(index);
        let mut rng =
            SplitMix64::new(seed ^ (index as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
        // Unit-level draws, always the same number of them.
        let kidnapping_allowed = u.number.is_none_or(|n| n <= subnational_kidnapping);
        let reports_kidnapping = index == 0 || (rng.chance(0.85) && kidnapping_allowed);
        let reports_victims = rng.chance(0.3);
        let x = rng.unit();
        let level = 0.1 + 3.0 * x * x * x;
        let growth = rng.between(-0.005, 0.025);
        // Reporting span, as in UN-CTS: most series run from 1990, some start later (up to
        // 2005), a few stop before 2024; plus 3 % of years missing inside the span. About 10 %
        // of unit-years are missing in all.
        let start = if rng.chance(0.3) {
            1991 + (rng.unit() * 15.0) as i32
        } else {
            YEARS.0
        };
        let end = if rng.chance(0.15) {
            2020 + (rng.unit() * 4.0) as i32
        } else {
            YEARS.1
        };
        let source = match rng.unit() {
            x if x < 0.9 => "CTS",
            x if x < 0.95 => "CTS/NSO",
            _ => "CTS/MoI",
        };
        let mut series: Vec<Series> = Vec::new();
        for s in &OFFENCE_SERIES {
            let keep = rng.chance(0.9);
            if (s.category == KIDNAPPING && reports_kidnapping)
                || (s.category != KIDNAPPING && keep)
            {
                series.push(*s);
            }
        }
        if reports_victims {
            for indicator in VICTIMS {
                for (category, rate) in RELATIONSHIPS {
                    for sex in ["Male", "Female"] {
                        series.push(Series {
                            category,
                            indicator,
                            dimension: BY_RELATIONSHIP,
                            sex,
                            rate,
                        });
                    }
                }
            }
        }
        // Per series: its level and yearly trend; a multiplier that drifts from 1.
        let mut state: Vec<(f64, f64, f64)> = series
            .iter()
            .map(|s| {
                let base = s.rate * level * rng.between(0.5, 1.5);
                let trend = rng.between(-0.04, 0.04);
                (base, trend, 1.0)
            })
            .collect();
        // Population in 1990, from 2010 and the growth rate.
        let mut population = u.millions * 1e6;
        for _ in YEARS.0..2010 {
            population /= 1.0 + growth;
        }
        for (y, year) in years.iter().enumerate() {
            if y > 0 {
                population *= 1.0 + growth;
            }
            let people = population.round().max(1.0);
            let calendar = YEARS.0 + y as i32;
            let gap = rng.chance(0.03) || calendar < start || calendar > end;
            for (s, (base, trend, mult)) in series.iter().zip(state.iter_mut()) {
                *mult = (*mult * (1.0 + *trend + rng.between(-0.05, 0.05))).clamp(0.2, 5.0);
                let expected = *base * *mult * people / 1e5;
                let zero = expected < 5.0 && rng.chance(0.2);
                if gap || written >= wanted {
                    continue;
                }
                let mut count = if zero { 0.0 } else { expected.round() };
                if fraction_pending && s.category == KIDNAPPING && count > 0.0 {
                    count += 0.5;
                    fraction_pending = false;
                }
                let rate = count / people * 1e5;
                for (measure, value) in [(COUNTS, count), (RATE, rate)] {
                    if written >= wanted {
                        break;
                    }
                    sink.row(&Row {
                        unit: &u,
                        series: s,
                        year,
                        measure,
                        value,
                        source,
                    })?;
                    written += 1;
                    if s.category == KIDNAPPING {
                        kidnapping += 1;
                    }
                }
            }
        }
        units.push(u);
        index += 1;
    }
    Ok(kidnapping)
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::environment(
        "cannot write synthetic data",
        path,
        std::io::Error::other(e.to_string()),
    )
}

/// A temporary name beside `path`, renamed over it once complete.
fn partial(path: &Path) -> PathBuf {
    crate::store::publish::partial_name(path)
}

/// Write the data file and its units file.
pub fn write(options: &Options) -> Result<Summary> {
    let out = &options.out;
    if options.format == Format::Xlsx && options.rows > XLSX_MAX_ROWS {
        return Err(ConfigError::Invalid(format!(
            "--rows {} is more than an xlsx sheet holds ({XLSX_MAX_ROWS} data rows); use --format csv",
            options.rows
        ))
        .into());
    }
    crate::store::publish::refuse_file(out, options.overwrite, &[])?;
    crate::store::publish::refuse_file(&units_path(out), options.overwrite, &[])?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
    }
    let tmp = partial(out);
    let mut units = Vec::new();
    let result = match options.format {
        Format::Csv => write_csv(&tmp, options, &mut units),
        Format::Xlsx => write_xlsx(&tmp, options, &mut units),
    };
    let kidnapping_rows = match result {
        Ok(k) => k,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    let units_file = units_path(out);
    let units_tmp = partial(&units_file);
    write_units(&units_tmp, &units).inspect_err(|_| {
        let _ = std::fs::remove_file(&units_tmp);
        let _ = std::fs::remove_file(&tmp);
    })?;
    // The data file first: a units file without its data is never left behind.
    let rename = crate::store::publish::rename_into;
    if let Err(e) = rename(&tmp, out, options.overwrite) {
        let _ = std::fs::remove_file(&units_tmp);
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    if let Err(e) = rename(&units_tmp, &units_file, options.overwrite) {
        let _ = std::fs::remove_file(&units_tmp);
        return Err(e);
    }
    Ok(Summary {
        data: out.clone(),
        units_file,
        rows: options.rows,
        kidnapping_rows,
        units: units.len(),
        synthetic_units: units.len().saturating_sub(UNITS.len()),
    })
}

/// A row count as written on the command line: digits with an optional `k` (thousand) or `m`
/// (million) suffix, e.g. `10k`, `1m`, `2500000`.
pub fn parse_rows(text: &str) -> std::result::Result<u64, String> {
    let t = text.trim().to_ascii_lowercase().replace('_', "");
    let (digits, factor) = match t.as_bytes().last() {
        Some(b'k') => (&t[..t.len() - 1], 1_000),
        Some(b'm') => (&t[..t.len() - 1], 1_000_000),
        _ => (t.as_str(), 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            format!("expected a positive row count such as 5000, 10k or 1m, found `{text}`")
        })
}

mod write;
use write::{write_csv, write_units, write_xlsx};

#[cfg(test)]
mod tests;
