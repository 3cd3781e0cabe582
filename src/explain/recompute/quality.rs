//! Recomputation of the data-quality numbers: table 10's findings and spread and N8's counts.
//! The warehouse checks are run again here over every observation of the main source, each
//! read from its cell's text (the warehouse's `source_cell`), with the World Bank population
//! read from its cells the same way and the pipeline's `quality:` thresholds; a row rule's
//! findings are the source rows it set aside, listed in the lineage; the sources paragraph
//! counts the pipeline's releases and the other publications the lineage names.

use std::collections::{BTreeMap, BTreeSet};

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::{DataType, Int32Type};

use super::{Context, fmt};
use crate::explain::cells::{Cell, number};

/// The warehouse tables the checks read: `observations` and `population`.
#[derive(Clone)]
pub struct Tables {
    pub observations: RecordBatch,
    pub population: RecordBatch,
}

type Out = Result<(f64, String), String>;

/// The recomputation of `ctx`'s number when it is a quality number; `None` otherwise.
pub fn recompute(ctx: &Context, cells: &[Cell]) -> Option<Out> {
    let rule = ctx.text("rule");
    Some(match (ctx.item, ctx.field) {
        ("T10", "findings" | "spread") if ROW_RULES.contains(&rule.as_str()) => {
            Ok(set_aside(cells, ctx.field == "spread"))
        }
        ("T10", "findings" | "spread") => checks(ctx).and_then(|found| {
            let f = found
                .get(rule.as_str())
                .ok_or_else(|| format!("no check `{rule}`"))?;
            Ok(if ctx.field == "findings" {
                (
                    f.len() as f64,
                    format!(
                        "{} country-years the check finds, run again over the cells of every \
                         observation",
                        f.len()
                    ),
                )
            } else {
                let units: BTreeSet<&str> = f.iter().map(|(u, _)| u.as_str()).collect();
                (
                    units.len() as f64,
                    format!(
                        "{} distinct units among its {} findings",
                        units.len(),
                        f.len()
                    ),
                )
            })
        }),
        ("N8", "quarantined") => Ok(set_aside(cells, false)),
        ("N8", "rate_mismatch" | "implausible_jump" | "orphans" | "doubles") => {
            let check = match ctx.field {
                "orphans" => "subnational_without_national",
                "doubles" => "subnational_with_national",
                f => f,
            };
            checks(ctx).map(|found| {
                let n = found.get(check).map_or(0, Vec::len);
                (
                    n as f64,
                    format!(
                        "{n} findings of `{check}`, run again over the cells of every observation"
                    ),
                )
            })
        }
        ("N8", "releases") => {
            let ids: BTreeSet<String> = (ctx.under)("N8/releases/")
                .into_iter()
                .map(|a| a.trim_start_matches("N8/releases/").to_string())
                .collect();
            let releases: BTreeSet<&str> = ctx
                .sources
                .iter()
                .filter(|s| ids.contains(&s.id))
                .map(|s| s.release.as_str())
                .collect();
            Ok((
                releases.len() as f64,
                format!(
                    "{} distinct releases of the {} sources the lineage names",
                    releases.len(),
                    ids.len()
                ),
            ))
        }
        ("N8", "other_sources") => {
            let n = (ctx.under)("N8/other_sources/").len();
            Ok((
                n as f64,
                format!("{n} other publications compared, as the lineage names them"),
            ))
        }
        ("N8", "tolerance_percent") => {
            let t = ctx.quality.rate_mismatch.tolerance * 100.0;
            Ok((
                (t * 10.0).round() / 10.0,
                format!("the pipeline's rate tolerance, {} × 100", fmt(t / 100.0)),
            ))
        }
        ("N8", "jump_factor") => Ok((
            ctx.quality.implausible_jump.factor,
            "the pipeline's jump factor".into(),
        )),
        _ => return None,
    })
}

/// The row rules: a failing row is set aside (table `quarantine`).
const ROW_RULES: [&str; 4] = ["bad_value", "negative_value", "duplicate", "unknown_code"];

/// The set-aside rows the cells list (each a `row` cell), or the sources they are in.
fn set_aside(cells: &[Cell], spread: bool) -> (f64, String) {
    let rows: Vec<&Cell> = cells.iter().filter(|c| c.unit == "row").collect();
    if spread {
        let sources: BTreeSet<&str> = rows.iter().map(|c| c.source_id.as_str()).collect();
        (
            sources.len() as f64,
            format!(
                "{} sources among the {} rows set aside",
                sources.len(),
                rows.len()
            ),
        )
    } else {
        (
            rows.len() as f64,
            format!(
                "{} source rows set aside, as the lineage lists them",
                rows.len()
            ),
        )
    }
}

/// The findings of every warehouse check: (unit, year) pairs by check.
type Found = BTreeMap<&'static str, Vec<(String, i32)>>;

/// A warehouse table's numbers as its cells' text gives them, by (unit, year); only the rows
/// of measure `unit` when one is named.
fn by_unit_year(
    b: &RecordBatch,
    unit: Option<&str>,
) -> Result<BTreeMap<(String, i32), f64>, String> {
    let col = |name: &str| {
        b.column_by_name(name)
            .ok_or_else(|| format!("the warehouse table has no column `{name}`"))
    };
    let iso3 = arrow::compute::cast(col("iso3")?, &DataType::Utf8).map_err(|e| e.to_string())?;
    let year = arrow::compute::cast(col("year")?, &DataType::Int32).map_err(|e| e.to_string())?;
    let text =
        arrow::compute::cast(col("source_cell")?, &DataType::Utf8).map_err(|e| e.to_string())?;
    let row =
        arrow::compute::cast(col("source_row")?, &DataType::Utf8).map_err(|e| e.to_string())?;
    let units = match unit {
        Some(_) => {
            Some(arrow::compute::cast(col("unit")?, &DataType::Utf8).map_err(|e| e.to_string())?)
        }
        None => None,
    };
    let (iso3, year, text, row) = (
        iso3.as_string::<i32>(),
        year.as_primitive::<Int32Type>(),
        text.as_string::<i32>(),
        row.as_string::<i32>(),
    );
    let mut out = BTreeMap::new();
    for i in 0..b.num_rows() {
        if let (Some(u), Some(want)) = (&units, unit)
            && u.as_string::<i32>().value(i) != want
        {
            continue;
        }
        if text.is_null(i) || year.is_null(i) {
            continue;
        }
        let t = text.value(i);
        let Some(x) = number(t) else {
            if t.trim().is_empty() {
                continue;
            }
            return Err(format!(
                "the cell text \"{t}\" of row {} ({} {}) is not a number",
                row.value(i),
                iso3.value(i),
                year.value(i)
            ));
        };
        out.insert((iso3.value(i).to_string(), year.value(i)), x);
    }
    Ok(out)
}

/// The four warehouse checks of the `quality:` block, as `queries/quality/checks.sql`'s
/// header states them.
fn checks(ctx: &Context) -> Result<Found, String> {
    let q = ctx.quality;
    let counts = by_unit_year(&ctx.tables.observations, Some("count"))?;
    let rates = by_unit_year(&ctx.tables.observations, Some("rate_per_100k"))?;
    let population = by_unit_year(&ctx.tables.population, None)?;
    let mut found: Found = BTreeMap::new();
    for check in crate::config::CHECK_NAMES {
        found.insert(check, Vec::new());
    }
    for ((iso3, year), &c) in &counts {
        let key = (iso3.clone(), *year);
        if let (Some(&r), Some(&pop)) = (rates.get(&key), population.get(&key)) {
            let mismatch = (r == 0.0 && c > 0.0)
                || (r > 0.0 && c == 0.0)
                || (r > 0.0 && (r - c / pop * 100_000.0).abs() / r > q.rate_mismatch.tolerance);
            if mismatch {
                found.entry("rate_mismatch").or_default().push(key.clone());
            }
        }
        if let Some(&before) = counts.get(&(iso3.clone(), year - 1)) {
            let f = q.implausible_jump.factor;
            if before.max(c) >= q.implausible_jump.min_count && (c > before * f || before > c * f) {
                found
                    .entry("implausible_jump")
                    .or_default()
                    .push(key.clone());
            }
        }
        if let Some(parent) = ctx.members.get(iso3).and_then(|m| m.parent.as_ref()) {
            let check = if counts.contains_key(&(parent.clone(), *year)) {
                "subnational_with_national"
            } else {
                "subnational_without_national"
            };
            found.entry(check).or_default().push(key);
        }
    }
    Ok(found)
}
