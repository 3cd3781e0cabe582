//! Country resolution: a source's code, M49 number or name → one reporting unit.
//!
//! Takes the `countries` table and the aliases table (`data/reference/aliases.csv`: codes and
//! names that other releases and publishers use, such as `GBR_EW` or `Swaziland`); returns the
//! unit, or a "did you mean" hint for the nearest code or name. Names are compared without case,
//! footnote marks, repeated spaces or typographic apostrophes; never by a fuzzy match: a
//! near miss is reported, not accepted.

use std::collections::HashMap;
use std::path::Path;

use super::{Country, IngestError, column_letter};
pub use crate::config::spec::CodeKind;

/// Looks units up by code, M49 number or name.
#[derive(Debug, Default)]
pub struct Resolver {
    countries: Vec<Country>,
    by_code: HashMap<String, usize>,
    by_m49: HashMap<i32, usize>,
    by_name: HashMap<String, usize>,
}

/// A name folded for comparison.
fn fold(name: &str) -> String {
    name.trim()
        .trim_end_matches(|c: char| c == '*' || c.is_whitespace())
        .replace(['’', '‘'], "'")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Resolver {
    /// Index `countries` and the aliases file (columns `kind` = code|m49|name, `alias`, `iso3`).
    pub fn new(countries: &[Country], aliases: Option<&Path>) -> Result<Resolver, IngestError> {
        let mut r = Resolver {
            countries: countries.to_vec(),
            ..Resolver::default()
        };
        for (i, c) in countries.iter().enumerate() {
            r.by_code.insert(c.iso3.clone(), i);
            if let Some(m) = c.m49 {
                r.by_m49.insert(m, i);
            }
            for n in std::iter::once(&c.name).chain(&c.other_names) {
                r.by_name.entry(fold(n)).or_insert(i);
            }
        }
        if let Some(path) = aliases {
            r.read_aliases(path)?;
        }
        Ok(r)
    }

    fn read_aliases(&mut self, path: &Path) -> Result<(), IngestError> {
        let open = |message: String| IngestError::Open {
            file: path.to_path_buf(),
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .from_path(path)
            .map_err(|e| open(e.to_string()))?;
        let header = reader
            .headers()
            .map_err(|e| open(format!("malformed csv header ({e})")))?
            .clone();
        let col = |name: &str| {
            header
                .iter()
                .position(|h| h.trim() == name)
                .ok_or_else(|| IngestError::MissingColumn {
                    file: path.to_path_buf(),
                    row: 1,
                    column: name.into(),
                    found: header
                        .iter()
                        .map(|h| format!("`{h}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })
        };
        let (k, a, c) = (col("kind")?, col("alias")?, col("iso3")?);
        for record in reader.records() {
            let record = record.map_err(|e| open(format!("malformed csv ({e})")))?;
            let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
            let get = |i: usize| record.get(i).unwrap_or("").trim();
            let Some(&target) = self.by_code.get(get(c)) else {
                return Err(IngestError::UnknownCode {
                    file: path.to_path_buf(),
                    row: line,
                    column: format!("{} (iso3)", column_letter(c)),
                    code: get(c).to_string(),
                    hint: "; an alias must point at a unit of the countries table".into(),
                });
            };
            if get(a).is_empty() {
                return Err(IngestError::Cell {
                    file: path.to_path_buf(),
                    row: line,
                    column: format!("{} (alias)", column_letter(a)),
                    expected: "a code, M49 number or name (not empty)".into(),
                    found: String::new(),
                });
            }
            match get(k) {
                "code" => {
                    self.by_code.insert(get(a).to_string(), target);
                }
                "name" => {
                    self.by_name.insert(fold(get(a)), target);
                }
                "m49" => match get(a).parse::<i32>() {
                    Ok(m) => {
                        self.by_m49.insert(m, target);
                    }
                    Err(_) => {
                        return Err(IngestError::Cell {
                            file: path.to_path_buf(),
                            row: line,
                            column: format!("{} (alias)", column_letter(a)),
                            expected: "a numeric M49 code".into(),
                            found: get(a).to_string(),
                        });
                    }
                },
                other => {
                    return Err(IngestError::Cell {
                        file: path.to_path_buf(),
                        row: line,
                        column: format!("{} (kind)", column_letter(k)),
                        expected: "`code`, `m49` or `name`".into(),
                        found: other.to_string(),
                    });
                }
            }
        }
        Ok(())
    }

    /// The unit `text` names, read as `kind`; on failure, a hint for the message.
    pub fn resolve(&self, kind: CodeKind, text: &str) -> Result<&Country, String> {
        let t = text.trim();
        let found = match kind {
            // Codes are upper case in every reference table; `col` is `COL`.
            CodeKind::Iso3 => self
                .by_code
                .get(t)
                .or_else(|| self.by_code.get(&t.to_ascii_uppercase())),
            CodeKind::M49 => t.parse::<i32>().ok().and_then(|m| self.by_m49.get(&m)),
            CodeKind::Name => self.by_name.get(&fold(t)),
        };
        match found {
            Some(&i) => Ok(&self.countries[i]),
            None => Err(self.hint(kind, t)),
        }
    }

    /// "; did you mean …?" for the nearest known code or name, or what to do instead.
    fn hint(&self, kind: CodeKind, text: &str) -> String {
        let best = |keys: &mut dyn Iterator<Item = &String>, floor: f64| {
            keys.map(|k| {
                (
                    strsim::jaro_winkler(&text.to_lowercase(), &k.to_lowercase()),
                    k,
                )
            })
            .filter(|(s, _)| *s > floor)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, k)| k.clone())
        };
        let guess = match kind {
            CodeKind::Iso3 => best(&mut self.by_code.keys(), 0.8),
            CodeKind::M49 => None,
            CodeKind::Name => {
                let names: Vec<String> = self
                    .countries
                    .iter()
                    .flat_map(|c| std::iter::once(&c.name).chain(&c.other_names))
                    .cloned()
                    .collect();
                best(&mut names.iter(), 0.85)
            }
        };
        match guess {
            Some(g) => format!("; did you mean `{g}`?"),
            None => "; add it to the reporting-units or aliases table if it is a real unit".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(iso3: &str, m49: Option<i32>, name: &str, other: &[&str]) -> Country {
        Country {
            iso3: iso3.into(),
            m49,
            name: name.into(),
            region: "R".into(),
            subregion: "S".into(),
            parent_iso3: None,
            other_names: other.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn codes_numbers_names_and_aliases() {
        let dir = tempfile::tempdir().unwrap();
        let aliases = dir.path().join("aliases.csv");
        std::fs::write(
            &aliases,
            "kind,alias,iso3\ncode,KOS,XKX\nname,Swaziland,SWZ\n",
        )
        .unwrap();
        let r = Resolver::new(
            &[
                unit("SWZ", Some(748), "Kingdom of Eswatini", &["Eswatini"]),
                unit("XKX", None, "Kosovo under UNSCR 1244", &[]),
                unit("CIV", Some(384), "Côte d’Ivoire", &[]),
            ],
            Some(&aliases),
        )
        .unwrap();
        let iso = |k, t| r.resolve(k, t).map(|c| c.iso3.clone());
        assert_eq!(iso(CodeKind::Iso3, "KOS"), Ok("XKX".into()));
        assert_eq!(iso(CodeKind::Iso3, " SWZ "), Ok("SWZ".into()));
        assert_eq!(iso(CodeKind::Iso3, "swz"), Ok("SWZ".into()));
        assert_eq!(iso(CodeKind::M49, "748"), Ok("SWZ".into()));
        assert_eq!(iso(CodeKind::Name, "Swaziland*"), Ok("SWZ".into()));
        assert_eq!(iso(CodeKind::Name, "eswatini"), Ok("SWZ".into()));
        assert_eq!(iso(CodeKind::Name, "Côte d'Ivoire"), Ok("CIV".into()));
        assert_eq!(
            iso(CodeKind::Name, "Eswatinii"),
            Err("; did you mean `Eswatini`?".into())
        );
        assert_eq!(
            iso(CodeKind::Iso3, "SWW"),
            Err("; did you mean `SWZ`?".into())
        );
        assert!(iso(CodeKind::M49, "1").unwrap_err().contains("add it"));
    }
}
