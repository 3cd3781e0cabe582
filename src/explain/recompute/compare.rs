//! Recomputation of the numbers that compare one source with another: the revisions since
//! the previous release (R1, table 8), other publications against this release (table 9),
//! and the year a ranked unit is shown for (tables 3 and 4). As REPORT_SPEC and the SQL's
//! header say, written again from the cells' text.

use std::collections::{BTreeMap, BTreeSet};

use super::{Context, fmt};
use crate::explain::cells::Cell;

/// The table layout of source `id`, when it has one (its number rules, its decimals).
fn table<'a>(ctx: &'a Context, id: &str) -> Option<&'a crate::config::TableSpec> {
    ctx.sources.iter().find(|s| s.id == id)?.table.as_ref()
}

/// A cell's number, re-read from its text by its source's rules (`numbers.zero` and
/// `numbers.missing` of a table layout); `None` when the warehouse holds no value either (a
/// missing value); an error when the text is not a number but the warehouse has one.
fn value(ctx: &Context, c: &Cell) -> Result<Option<f64>, String> {
    if let Some(rules) = table(ctx, &c.source_id).map(|t| &t.numbers) {
        let t = c.text.trim();
        if c.parts.is_empty() && rules.zero.iter().any(|z| z.trim() == t) {
            return Ok(Some(0.0));
        }
        if c.parts.is_empty() && (t.is_empty() || rules.missing.iter().any(|m| m.trim() == t)) {
            return Ok(None);
        }
    }
    match (c.number(), c.value) {
        (Some(x), _) => Ok(Some(x)),
        (None, None) => Ok(None),
        (None, Some(_)) => Err(format!(
            "the text \"{}\" of {} row {:?}, {} is not a number",
            c.text, c.file, c.row, c.column
        )),
    }
}

/// Each (unit, year, measure) of the cells: its value in the previous release (`old`) and in
/// this one (`new`), each `None` when the cells have no such value.
type Pairs = BTreeMap<(String, i32, String), (Option<Option<f64>>, Option<Option<f64>>)>;

fn pairs(ctx: &Context, cells: &[Cell], previous: &str) -> Result<Pairs, String> {
    let mut out: Pairs = BTreeMap::new();
    for c in cells {
        let Some(year) = c.year else { continue };
        let e = out
            .entry((c.iso3.clone(), year, c.unit.clone()))
            .or_default();
        let v = value(ctx, c)?;
        if c.source_id == previous {
            e.0 = Some(v);
        } else {
            e.1 = Some(v);
        }
    }
    Ok(out)
}

/// A revision: a value in both releases that moved by more than 1e-9 relative (or appeared or
/// disappeared), and whether it is large (more than `threshold` relative, or any move away
/// from zero).
fn revision(old: Option<f64>, new: Option<f64>, threshold: f64) -> Option<bool> {
    let changed = match (old, new) {
        (Some(o), Some(n)) => (n - o).abs() > 1e-9 * o.abs().max(1.0),
        (None, None) => false,
        _ => true,
    };
    changed.then(|| match (old, new) {
        (Some(0.0), Some(n)) => n != 0.0,
        (Some(o), Some(n)) if o > 0.0 => (n / o - 1.0).abs() > threshold,
        _ => false,
    })
}

/// R1's and table 8's numbers, table 9's, and the year of tables 3 and 4; `None` for any
/// other number.
pub(super) fn recompute(ctx: &Context, cells: &[Cell]) -> Option<Result<(f64, String), String>> {
    let field = ctx.field;
    Some(match (ctx.item, field) {
        ("R1", "threshold_percent") => {
            let t = ctx.params.revision_threshold;
            Ok((
                (t * 100.0 * 10.0).round() / 10.0,
                format!("the parameter revision_threshold {} as per cent", fmt(t)),
            ))
        }
        ("R1", "added" | "removed") => releases(ctx, cells),
        ("R1", _) if field.starts_with("counts_") || field.starts_with("rates_") => {
            releases(ctx, cells)
        }
        ("T8", "old_count" | "new_count" | "change") => revised_count(ctx, cells),
        ("T9", _) => publication(ctx, cells),
        ("T3" | "T4", "year") => {
            let iso3 = ctx.iso3().unwrap_or_default();
            let years: BTreeSet<i32> = cells
                .iter()
                .filter(|c| c.iso3 == iso3 && c.unit == "count")
                .filter_map(|c| c.year)
                .collect();
            match years.iter().collect::<Vec<_>>()[..] {
                [y] => Ok((
                    f64::from(*y),
                    format!("the year of {iso3}'s count cell, its latest: {y}"),
                )),
                _ => Err(format!("{iso3} has count cells in {} years", years.len())),
            }
        }
        _ => return None,
    })
}

fn previous<'a>(ctx: &'a Context) -> Result<&'a str, String> {
    ctx.previous
        .ok_or_else(|| "the pipeline names no previous release".to_string())
}

/// R1: country-years added and removed (counts), and counts and rates revised, large or not.
fn releases(ctx: &Context, cells: &[Cell]) -> Result<(f64, String), String> {
    let previous = previous(ctx)?;
    let p = pairs(ctx, cells, previous)?;
    let threshold = ctx.params.revision_threshold;
    let field = ctx.field;
    let n = match field {
        "added" => p
            .iter()
            .filter(|((_, _, m), (o, n))| m == "count" && o.is_none() && n.is_some())
            .count(),
        "removed" => p
            .iter()
            .filter(|((_, _, m), (o, n))| m == "count" && o.is_some() && n.is_none())
            .count(),
        _ => {
            let unit = if field.starts_with("counts_") {
                "count"
            } else {
                "rate_per_100k"
            };
            let large = field.ends_with("_large");
            p.iter()
                .filter(|((_, _, m), _)| m == unit)
                .filter_map(|(_, (o, n))| revision((*o)?, (*n)?, threshold))
                .filter(|l| !large || *l)
                .count()
        }
    };
    Ok((
        n as f64,
        format!(
            "{n} country-years among the cells of {previous} (the previous release) and this \
             release that are {}",
            match field {
                "added" => "in this release only (counts)".to_string(),
                "removed" => "in the previous release only (counts)".to_string(),
                f if f.ends_with("_large") => format!(
                    "revised by more than {} relative (or from zero)",
                    fmt(threshold)
                ),
                _ => "revised (moved by more than 1e-9 relative)".to_string(),
            }
        ),
    ))
}

/// Table 8: a count in the previous release and in this one, and its relative change.
fn revised_count(ctx: &Context, cells: &[Cell]) -> Result<(f64, String), String> {
    let previous = previous(ctx)?;
    let p = pairs(ctx, cells, previous)?;
    let [((iso3, year, _), (old, new))] = &p.into_iter().collect::<Vec<_>>()[..] else {
        return Err("the row's cells are not one country-year".into());
    };
    let (old, new) = (old.flatten(), new.flatten());
    match ctx.field {
        "old_count" => old
            .map(|o| (o, format!("the count cell of {iso3} {year} in {previous}")))
            .ok_or_else(|| "no count in the previous release".into()),
        "new_count" => new
            .map(|n| {
                (
                    n,
                    format!("the count cell of {iso3} {year} in this release"),
                )
            })
            .ok_or_else(|| "no count in this release (removed)".into()),
        _ => match (old, new) {
            (Some(o), Some(n)) if o > 0.0 => {
                Ok((n / o - 1.0, format!("{} ÷ {} − 1", fmt(n), fmt(o))))
            }
            _ => Err("no change without a count in both releases".into()),
        },
    }
}

/// Table 9: another publication's country-years for one measure, against this release's.
fn publication(ctx: &Context, cells: &[Cell]) -> Result<(f64, String), String> {
    let source = ctx
        .row
        .get("source_id")
        .map(crate::query::Value::as_text)
        .unwrap_or_default();
    let unit = ctx
        .row
        .get("unit")
        .map(crate::query::Value::as_text)
        .unwrap_or_default();
    // (unit, year) → (the other publication's value, this release's).
    type Both = (Option<Option<f64>>, Option<f64>);
    let mut keys: BTreeMap<(String, i32), Both> = BTreeMap::new();
    for c in cells.iter().filter(|c| c.unit == unit) {
        let Some(year) = c.year else { continue };
        let e = keys.entry((c.iso3.clone(), year)).or_default();
        if c.source_id == source {
            e.0 = Some(value(ctx, c)?);
        } else {
            e.1 = value(ctx, c)?;
        }
    }
    type Theirs<'k> = (&'k (String, i32), Option<f64>, Option<f64>);
    let theirs: Vec<Theirs> = keys
        .iter()
        .filter_map(|(k, (o, m))| o.map(|o| (k, o, *m)))
        .collect();
    let gaps: Vec<f64> = theirs
        .iter()
        .filter_map(|(_, o, m)| Some((o.as_ref()? - m.as_ref()?).abs()))
        .collect();
    let decimals = table(ctx, &source).and_then(|t| t.decimals).unwrap_or(1);
    let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) + 1e-9;
    let n = |x: usize, how: String| Ok((x as f64, how));
    match ctx.field {
        "first_year" | "last_year" => {
            let years = theirs.iter().map(|((_, y), _, _)| *y);
            let y = if ctx.field == "first_year" {
                years.min()
            } else {
                years.max()
            };
            y.map(|y| {
                (
                    f64::from(y),
                    format!(
                        "the {} year of {source}'s cells",
                        &ctx.field[..ctx.field.len() - 5]
                    ),
                )
            })
            .ok_or_else(|| format!("no cell of {source}"))
        }
        "units" => {
            let u: BTreeSet<&str> = theirs.iter().map(|((u, _), _, _)| u.as_str()).collect();
            n(u.len(), format!("distinct units among {source}'s cells"))
        }
        "country_years" => n(theirs.len(), format!("{source}'s cells")),
        "in_both" => n(
            theirs.iter().filter(|(_, _, m)| m.is_some()).count(),
            format!("{source}'s cells with a value of this release for the same country-year"),
        ),
        "agree" => n(
            theirs
                .iter()
                .filter(|(_, o, m)| match (o, m) {
                    (Some(o), Some(m)) if unit == "count" => o == m,
                    (Some(o), Some(m)) => (o - m).abs() <= tolerance,
                    _ => false,
                })
                .count(),
            if unit == "count" {
                "country-years where the two counts are equal".into()
            } else {
                format!(
                    "country-years where the rates are within {} (half the last of the {decimals} \
                     decimals {source} publishes)",
                    fmt(tolerance - 1e-9)
                )
            },
        ),
        "median_gap" => super::median(gaps.clone())
            .map(|g| (g, format!("median of {} absolute gaps", gaps.len())))
            .ok_or_else(|| "no country-year in both".into()),
        "max_gap" => gaps
            .iter()
            .copied()
            .reduce(f64::max)
            .map(|g| (g, format!("largest of {} absolute gaps", gaps.len())))
            .ok_or_else(|| "no country-year in both".into()),
        other => Err(format!("table 9 has no number `{other}`")),
    }
}
