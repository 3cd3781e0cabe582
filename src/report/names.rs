//! Names in the document's language: the queries return the original's names with their codes
//! (`country` beside `iso3`), and a translation prints each country, area, reporting unit and
//! region by its code from the name tables of `countries.names` (UNTERM short names without
//! their article, corrected where UNTERM has none; region names of UNSD's M49 in six languages;
//! see `data/reference/PROVENANCE.md`).
//!
//! Which columns are names, by the queries' convention: `country` (and `min_country`,
//! `max_country`, …) named by the `iso3` (`min_iso3`, …) of its row; `countries`, a list
//! joined by "; ", by the list of codes `iso3s`; `region`, `series`, `highest_region` and
//! `lowest_region`, whose values are region names of the original, by the region's M49 code.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::store::table::{Table, Value};

/// The languages of the name tables, in their column order.
const LANGUAGES: [&str; 6] = ["en", "fr", "es", "ru", "ar", "zh"];

/// The columns whose values are region names.
const REGION_COLUMNS: [&str; 4] = ["region", "series", "highest_region", "lowest_region"];

/// Every name in every language: countries and units by code, regions by their English name.
#[derive(Debug, Default)]
pub struct Names {
    by_code: HashMap<String, [String; 6]>,
    regions: HashMap<String, [String; 6]>,
}

fn read(path: &Path, key: &str, out: &mut HashMap<String, [String; 6]>) -> Result<()> {
    let bad = |message: String| Error::Report {
        file: path.to_path_buf(),
        message,
    };
    let mut r = csv::Reader::from_path(path).map_err(|e| bad(format!("cannot be read: {e}")))?;
    let headers = r
        .headers()
        .map_err(|e| bad(format!("no header row: {e}")))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| bad(format!("no column `{name}`")))
    };
    let key_col = col(key)?;
    let cols: Vec<usize> = LANGUAGES.iter().map(|l| col(l)).collect::<Result<_>>()?;
    for (i, row) in r.records().enumerate() {
        let row = row.map_err(|e| bad(format!("row {}: {e}", i + 2)))?;
        let names: [String; 6] =
            std::array::from_fn(|k| row.get(cols[k]).unwrap_or("").to_string());
        if let Some(k) = names.iter().position(String::is_empty) {
            return Err(bad(format!(
                "row {}, column {}: no name in this language",
                i + 2,
                LANGUAGES[k]
            )));
        }
        out.insert(row.get(key_col).unwrap_or("").to_string(), names);
    }
    Ok(())
}

impl Names {
    /// The pipeline's name tables (none when it names no folder).
    pub fn load(pipeline: &Pipeline) -> Result<Names> {
        let mut names = Names::default();
        let Some(dir) = &pipeline.names else {
            return Ok(names);
        };
        let [countries, regions, units] = crate::config::NAME_FILES;
        read(&dir.join(countries), "iso3", &mut names.by_code)?;
        read(&dir.join(units), "iso3", &mut names.by_code)?;
        let mut by_m49 = HashMap::new();
        read(&dir.join(regions), "m49", &mut by_m49)?;
        names.regions = by_m49.into_values().map(|n| (n[0].clone(), n)).collect();
        Ok(names)
    }

    /// The column of a language tag's primary language ("fr-CA" reads "fr").
    fn index(lang: &str) -> Option<usize> {
        let primary = lang.split(['-', '_']).next().unwrap_or(lang);
        LANGUAGES
            .iter()
            .position(|l| l.eq_ignore_ascii_case(primary))
    }

    /// The name of the unit with code `code` in `lang`.
    pub fn unit(&self, code: &str, lang: &str) -> Option<&str> {
        Some(self.by_code.get(code)?[Names::index(lang)?].as_str())
    }

    /// The name in `lang` of the region whose original name is `name`.
    pub fn region(&self, name: &str, lang: &str) -> Option<&str> {
        Some(self.regions.get(name)?[Names::index(lang)?].as_str())
    }

    /// Every query result with its names in `lang` (see the module's conventions). A unit
    /// without a name in `lang` is an error naming it: never the original's name.
    pub fn localise(
        &self,
        lang: &str,
        results: &BTreeMap<String, Table>,
    ) -> Result<BTreeMap<String, Table>> {
        results
            .iter()
            .map(|(q, t)| Ok((q.clone(), self.localise_table(lang, q, t)?)))
            .collect()
    }

    fn localise_table(&self, lang: &str, query: &str, t: &Table) -> Result<Table> {
        let col = |name: &str| t.columns.iter().position(|c| c == name);
        let missing = |code: &str| Error::Report {
            file: Path::new(query).to_path_buf(),
            message: format!("no name in {lang:?} for the unit {code:?} (countries.names)"),
        };
        // (name column, code column) pairs: `country`/`iso3`, `min_country`/`min_iso3`, …
        let units: Vec<(usize, usize)> = t
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let prefix = c.strip_suffix("country")?;
                Some((i, col(&format!("{prefix}iso3"))?))
            })
            .collect();
        let list = col("countries").zip(col("iso3s"));
        let regions: Vec<usize> = REGION_COLUMNS.iter().filter_map(|c| col(c)).collect();
        let mut out = t.clone();
        for row in &mut out.rows {
            for &(name, code) in &units {
                if let Value::Text(c) = &row[code] {
                    let n = self.unit(c, lang).ok_or_else(|| missing(c))?;
                    row[name] = Value::Text(n.to_string());
                }
            }
            if let Some((name, codes)) = list
                && let Value::Text(codes) = &row[codes]
            {
                let names = codes
                    .split(',')
                    .map(|c| self.unit(c, lang).ok_or_else(|| missing(c)))
                    .collect::<Result<Vec<_>>>()?;
                row[name] = Value::Text(names.join("; "));
            }
            for &r in &regions {
                if let Value::Text(v) = &row[r]
                    && let Some(n) = self.region(v, lang)
                {
                    row[r] = Value::Text(n.to_string());
                }
            }
        }
        Ok(out)
    }
}

/// The query results with the names of the pipeline's document language: as they are for the
/// original (the queries' names), through the name tables for a translation.
pub fn localised<'r>(
    pipeline: &Pipeline,
    results: &'r BTreeMap<String, Table>,
) -> Result<std::borrow::Cow<'r, BTreeMap<String, Table>>> {
    let tag = pipeline.document.tag();
    if tag == pipeline.document.original() || pipeline.names.is_none() {
        return Ok(std::borrow::Cow::Borrowed(results));
    }
    Ok(std::borrow::Cow::Owned(
        Names::load(pipeline)?.localise(tag, results)?,
    ))
}
