//! Recomputation of the coverage numbers: table 1 (countries or areas, reporting units, panel,
//! share of the population covered), the population shares of table 2 and N1, how many units
//! N4 compares and how many of them have a series break, and N5's regions. As REPORT_SPEC and
//! the SQL's headers say, written again from the cells' text and the M49 membership of the
//! warehouse's `countries` table (the reference the ingest read; a unit without an M49 code —
//! a sub-national unit, Kosovo under UNSCR 1244 — reports and enters the panel but is never in
//! a population's denominator).

use std::collections::{BTreeMap, BTreeSet};

use super::{Context, Panel, fmt, read};
use crate::explain::cells::Cell;

/// A unit of the `countries` table, as the coverage rules need it.
#[derive(Debug, Clone, Default)]
pub struct Member {
    /// Whether the unit has an M49 code (a country or area of the M49 standard).
    pub m49: bool,
    pub region: String,
    /// The country a sub-national unit belongs to.
    pub parent: Option<String>,
}

/// The row that stands for every region.
const TOTAL: [&str; 2] = ["Total", "All panel countries"];

type Out = Result<(f64, String), String>;

/// The recomputation of `ctx`'s number when it is a coverage number; `None` otherwise.
pub fn recompute(ctx: &Context, cells: &[Cell]) -> Option<Out> {
    let region = ctx.text("region");
    Some(match (ctx.item, ctx.field) {
        ("T1", "countries") => Ok(countries(ctx, &region)),
        ("T1", "reporting") => read(cells).map(|p| reporting(ctx, &p)),
        ("T1", "panel") => read(cells).map(|p| panel(ctx, &p)),
        ("T1", "population_share") => read(cells).and_then(|p| covered(ctx, &p, &region)),
        ("T2", "population_share") => read(cells).and_then(|p| {
            let units = with_count(&p);
            share(ctx, &p, &units, &region, "panel units")
        }),
        ("N1", "panel_population_share") => read(cells).and_then(|p| {
            let units = with_count(&read(&(ctx.lineage)("N1/panel_n"))?);
            share(ctx, &p, &units, "Total", "panel units")
        }),
        ("N4", "compared") => {
            let mut units = BTreeSet::new();
            for d in ["up", "down", "stable"] {
                units.extend(
                    (ctx.lineage)(&format!("N4/{d}"))
                        .into_iter()
                        .map(|c| c.iso3),
                );
            }
            Ok((
                units.len() as f64,
                format!(
                    "{} distinct units with a P1 and a P2 mean among the cells of N4/up, N4/down \
                     and N4/stable",
                    units.len()
                ),
            ))
        }
        ("N4", "with_break") => read(cells).map(|p| with_break(ctx, &p)),
        ("N5", "shown" | "qualifying") => regions(ctx),
        ("R1", "previous_rows") => Ok((
            ctx.previous_rows as f64,
            format!(
                "{} rows in the warehouse's observations of the previous release",
                ctx.previous_rows
            ),
        )),
        _ => return None,
    })
}

fn in_region(m: &Member, region: &str) -> bool {
    TOTAL.contains(&region) || m.region == region
}

/// The M49 members of `region` (every region for the total row).
fn countries(ctx: &Context, region: &str) -> (f64, String) {
    let n = ctx
        .members
        .values()
        .filter(|m| m.m49 && in_region(m, region))
        .count();
    (
        n as f64,
        format!("{n} units with an M49 code in {region} in the countries table"),
    )
}

/// Units with a count in the window.
fn reporting(ctx: &Context, p: &Panel) -> (f64, String) {
    let (first, last) = (ctx.params.first_year, ctx.params.last_year);
    let units: BTreeSet<&str> = p
        .iter()
        .filter(|((_, y), u)| (first..=last).contains(y) && u.count.is_some())
        .map(|((iso3, _), _)| iso3.as_str())
        .collect();
    (
        units.len() as f64,
        format!(
            "{} distinct units with a count in {first}–{last}",
            units.len()
        ),
    )
}

/// Units with a count, a rate and a population in every year of the window (the constant
/// panel's data rule; its other rules — no confirmed break, a sub-national unit only when its
/// country does not report — chose the cells listed).
fn panel(ctx: &Context, p: &Panel) -> (f64, String) {
    let (first, last) = (ctx.params.first_year, ctx.params.last_year);
    let units: BTreeSet<&str> = p.keys().map(|(iso3, _)| iso3.as_str()).collect();
    let n = units
        .iter()
        .filter(|iso3| {
            (first..=last).all(|y| {
                p.get(&(iso3.to_string(), y)).is_some_and(|u| {
                    u.count.is_some() && u.rate.is_some() && u.population().is_some()
                })
            })
        })
        .count();
    (
        n as f64,
        format!("{n} units with a count, a rate and a population in every year {first}–{last}"),
    )
}

/// Units with a count in some year of the cells.
fn with_count(p: &Panel) -> BTreeSet<String> {
    p.iter()
        .filter(|(_, u)| u.count.is_some())
        .map(|((iso3, _), _)| iso3.clone())
        .collect()
}

/// The World Bank population in `year` of `region`'s M49 members, and how many have one.
fn members_population(ctx: &Context, p: &Panel, region: &str, year: i32) -> (f64, usize) {
    let mut sum = 0.0;
    let mut n = 0;
    for (iso3, m) in ctx.members {
        if !m.m49 || !in_region(m, region) {
            continue;
        }
        if let Some(q) = p.get(&(iso3.clone(), year)).and_then(|u| u.population) {
            sum += q;
            n += 1;
        }
    }
    (sum, n)
}

/// Σ population of `units` in the last year ÷ Σ population of the region's M49 members.
fn share(ctx: &Context, p: &Panel, units: &BTreeSet<String>, region: &str, what: &str) -> Out {
    let last = ctx.params.last_year;
    let (mut own, mut n) = (0.0, 0);
    for iso3 in units {
        if let Some(q) = p.get(&(iso3.clone(), last)).and_then(|u| u.population()) {
            own += q;
            n += 1;
        }
    }
    let (all, members) = members_population(ctx, p, region, last);
    if all <= 0.0 {
        return Err(format!("no population of {region}'s M49 members in {last}"));
    }
    let of = if TOTAL.contains(&region) {
        format!("all {members} M49 members")
    } else {
        format!("{region}'s {members} M49 members")
    };
    Ok((
        own / all,
        format!(
            "Σ population of the {n} {what} in {last} ÷ Σ population of {of} = {} ÷ {}",
            fmt(own),
            fmt(all)
        ),
    ))
}

/// Table 1's coverage: the last-year population of the units with a count that may enter an
/// aggregate (not a sub-national unit whose country reports that year) over the M49 members'.
fn covered(ctx: &Context, p: &Panel, region: &str) -> Out {
    let last = ctx.params.last_year;
    let units: BTreeSet<String> = p
        .iter()
        .filter(|((iso3, y), u)| {
            *y == last
                && u.count.is_some()
                && ctx
                    .members
                    .get(iso3)
                    .and_then(|m| m.parent.as_ref())
                    .is_none_or(|parent| {
                        p.get(&(parent.clone(), last))
                            .is_none_or(|pu| pu.count.is_none())
                    })
        })
        .map(|((iso3, _), _)| iso3.clone())
        .collect();
    share(ctx, p, &units, region, "units with a count")
}

/// N5: the regions whose aggregate table 2 shows (at least `min_countries` panel units in the
/// last year) and, of those, the ones covering at least `region_share_for_text` of their
/// population.
fn regions(ctx: &Context) -> Out {
    let params = ctx.params;
    let mut shown = Vec::new();
    let mut qualifying = Vec::new();
    for address in (ctx.under)("N5/") {
        let region = address.trim_start_matches("N5/").to_string();
        let p = read(&(ctx.lineage)(&address))?;
        let units: BTreeSet<String> = p
            .iter()
            .filter(|((_, y), u)| *y == params.last_year && u.count.is_some())
            .map(|((iso3, _), _)| iso3.clone())
            .collect();
        if (units.len() as i64) < params.min_countries {
            continue;
        }
        let (s, _) = share(ctx, &p, &units, &region, "panel units")?;
        if s >= params.region_share_for_text {
            qualifying.push(format!("{region} {}", fmt(s)));
        }
        shown.push(region);
    }
    let n = if ctx.field == "shown" {
        shown.len()
    } else {
        qualifying.len()
    };
    Ok((
        n as f64,
        format!(
            "regions with at least {} panel units in {}: {}; of them covering at least {} of \
             their population: {}",
            params.min_countries,
            params.last_year,
            shown.join(", "),
            fmt(params.region_share_for_text),
            if qualifying.is_empty() {
                "none".to_string()
            } else {
                qualifying.join(", ")
            }
        ),
    ))
}

/// The first year `t` in (`first_year`, `last_year`] of a confirmed break in a unit's series
/// (REPORT_SPEC's break rule, as `breaks.sql`'s header states it): `t − 1` adjacent with a
/// count and a rate, |ln(r(t) ÷ r(t − 1))| > ln `break_ratio` (a move to or from zero counts
/// as infinite) on max(count(t − 1), count(t)) ≥ `break_min_count`, and `t + 1` adjacent with
/// |r(t + 1) ÷ r(t) − 1| ≤ `break_hold` (zero staying zero).
pub(super) fn window_break(ctx: &Context, series: &[(i32, f64, f64)]) -> Option<i32> {
    let params = ctx.params;
    series.windows(2).enumerate().find_map(|(i, w)| {
        let ((py, pc, pr), (y, c, r)) = (w[0], w[1]);
        if py != y - 1 || pc.max(c) < params.break_min_count {
            return None;
        }
        let jump = (pr == 0.0 && r > 0.0)
            || (pr > 0.0 && r == 0.0)
            || (pr > 0.0 && r > 0.0 && (r / pr).ln().abs() > params.break_ratio.ln());
        let (ny, _, nr) = *series.get(i + 2)?;
        let holds = ny == y + 1
            && ((r == 0.0 && nr == 0.0) || (r > 0.0 && (nr / r - 1.0).abs() <= params.break_hold));
        (jump && holds && y > params.first_year && y <= params.last_year).then_some(y)
    })
}

/// N4: the compared units with a confirmed break in the window.
fn with_break(ctx: &Context, p: &Panel) -> (f64, String) {
    let mut series: BTreeMap<&str, Vec<(i32, f64, f64)>> = BTreeMap::new();
    for ((iso3, y), u) in p {
        if let (Some(c), Some(r)) = (u.count, u.rate) {
            series.entry(iso3.as_str()).or_default().push((*y, c, r));
        }
    }
    let broken: Vec<String> = series
        .iter()
        .filter_map(|(iso3, s)| window_break(ctx, s).map(|y| format!("{iso3} {y}")))
        .collect();
    (
        broken.len() as f64,
        format!(
            "{} of the {} compared units with a confirmed break in {}–{}: {}",
            broken.len(),
            series.len(),
            ctx.params.first_year + 1,
            ctx.params.last_year,
            broken.join(", ")
        ),
    )
}
