//! Recomputation of a printed number from its source cells' text, independently of the SQL
//! in `queries/`: the rules of REPORT_SPEC written again in Rust (aggregate rate Σ count ÷
//! Σ population × 100,000, medians, compound growth, least-squares slope, year-on-year
//! change, centred moving average, period means, shares, counts of units).

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Params;
use crate::query::Value;

use super::cells::Cell;

/// What a recomputation knows of the number: its item, column and row, and the parameters.
pub struct Context<'a> {
    pub item: &'a str,
    pub field: &'a str,
    pub row: BTreeMap<String, Value>,
    pub params: &'a Params,
    /// The source id of the previous release, when the pipeline names one.
    pub previous: Option<&'a str>,
    /// The pipeline's sources (how each writes its numbers: `table.numbers`, `decimals`).
    pub sources: &'a [crate::config::Source],
    /// The units of the warehouse's `countries` table: M49 membership, region, parent.
    pub members: &'a BTreeMap<String, Member>,
    /// The cells of another lineage address (N1's panel, N4's directions, N5's regions).
    pub lineage: &'a dyn Fn(&str) -> Vec<Cell>,
    /// The lineage addresses under a prefix (`N5/`).
    pub under: &'a dyn Fn(&str) -> Vec<String>,
    /// How many observations of the previous release the warehouse keeps.
    pub previous_rows: usize,
    /// The pipeline's `quality:` thresholds.
    pub quality: &'a crate::config::Quality,
    /// The warehouse's observations and population, for the quality checks.
    pub tables: &'a Tables,
}

impl Context<'_> {
    fn year(&self) -> Option<i32> {
        self.row
            .get("year")
            .and_then(Value::as_f64)
            .map(|y| y as i32)
    }
    fn iso3(&self) -> Option<String> {
        self.row.get("iso3").map(Value::as_text)
    }
    /// The row's column `name` as text ("" when the row has none).
    fn text(&self, name: &str) -> String {
        self.row.get(name).map(Value::as_text).unwrap_or_default()
    }
}

/// Items whose numbers are not recomputed here yet: the annex's breaks and notes (T7).
const NOT_RECOMPUTED: [&str; 1] = ["T7"];

mod compare;
mod coverage;
mod quality;

pub use coverage::Member;
pub use quality::Tables;

/// The lineage address that holds a narrative value's cells, when it is not `ITEM/field`.
pub fn narrative_address(item: &str, field: &str) -> Option<&'static str> {
    Some(match (item, field) {
        ("N1", "first_data_year" | "last_data_year") => "reporting_any",
        (
            "N2",
            "min_country" | "min_rate" | "min_ties" | "max_country" | "max_rate" | "max_ties",
        ) => "extremes",
        ("N3", _) => "trend",
        ("N6", _) => "concentration",
        ("R1", "added") => "added",
        ("R1", "removed") => "removed",
        ("R1", f) if f.starts_with("counts_") || f.starts_with("rates_") => "changed",
        _ => return None,
    })
}

/// A unit-year's numbers, read from its cells.
#[derive(Debug, Default, Clone, Copy)]
struct UnitYear {
    count: Option<f64>,
    rate: Option<f64>,
    /// The World Bank's population.
    population: Option<f64>,
}

impl UnitYear {
    /// The population an aggregate uses: the World Bank's, else the one the source implies.
    fn population(&self) -> Option<f64> {
        self.population.or(match (self.count, self.rate) {
            (Some(c), Some(r)) if r > 0.0 => Some(c / r * 100_000.0),
            _ => None,
        })
    }
}

type Panel = BTreeMap<(String, i32), UnitYear>;

fn read(cells: &[Cell]) -> Result<Panel, String> {
    let mut out: Panel = BTreeMap::new();
    for c in cells {
        let Some(year) = c.year else { continue };
        let e = out.entry((c.iso3.clone(), year)).or_default();
        let slot = match c.unit.as_str() {
            "count" => &mut e.count,
            "rate_per_100k" => &mut e.rate,
            "population" => &mut e.population,
            _ => continue,
        };
        let x = c.number().ok_or_else(|| {
            format!(
                "the text \"{}\" of {} row {:?}, {} is not a number",
                c.text, c.file, c.row, c.column
            )
        })?;
        *slot = Some(x);
    }
    Ok(out)
}

/// Σ count ÷ Σ population × 100,000 over the units with both in `year`.
fn aggregate_rate(p: &Panel, year: i32) -> Option<(f64, f64, f64, usize)> {
    let (mut c, mut pop, mut n) = (0.0, 0.0, 0);
    for ((_, y), u) in p {
        if *y != year {
            continue;
        }
        if let (Some(k), Some(q)) = (u.count, u.population()) {
            c += k;
            pop += q;
            n += 1;
        }
    }
    (n > 0 && pop > 0.0).then(|| (c / pop * 100_000.0, c, pop, n))
}

fn median(mut xs: Vec<f64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    Some(if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    })
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Least-squares slope of `ys` on `xs`.
fn slope(points: &[(f64, f64)]) -> Option<f64> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

fn units(p: &Panel, pick: impl Fn(&UnitYear) -> bool) -> BTreeSet<String> {
    p.iter()
        .filter(|(_, u)| pick(u))
        .map(|((iso3, _), _)| iso3.clone())
        .collect()
}

/// The rates of `iso3` in `[from, to]`.
fn rates(p: &Panel, iso3: &str, from: i32, to: i32) -> Vec<f64> {
    p.iter()
        .filter(|((u, y), _)| u == iso3 && (from..=to).contains(y))
        .filter_map(|(_, v)| v.rate)
        .collect()
}

/// A period mean: at least two years with a rate.
fn period_mean(p: &Panel, iso3: &str, [from, to]: [i32; 2]) -> Option<f64> {
    let r = rates(p, iso3, from, to);
    (r.len() >= 2).then(|| mean(&r)).flatten()
}

/// A unit's rank by `by` (largest first, ties by code) among the units of at least
/// `population_floor` inhabitants; each unit's cells are those of its latest year.
fn rank_by(
    p: &Panel,
    ctx: &Context,
    params: &Params,
    by: fn(&UnitYear) -> Option<f64>,
    what: &str,
) -> Result<(f64, String), String> {
    let mut ranked: Vec<(f64, &str)> = p
        .iter()
        .filter(|(_, u)| u.population().is_some_and(|q| q >= params.population_floor))
        .filter_map(|((iso3, _), u)| by(u).map(|x| (x, iso3.as_str())))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let iso3 = ctx.iso3().unwrap_or_default();
    let pos = ranked
        .iter()
        .position(|r| r.1 == iso3)
        .ok_or_else(|| format!("{iso3} is not among the ranked units"))?;
    Ok((
        (pos + 1) as f64,
        format!(
            "position by {what} among the {} units of at least {} inhabitants, largest first",
            ranked.len(),
            crate::format::count(Some(params.population_floor))
        ),
    ))
}

fn fmt(x: f64) -> String {
    format!("{x}")
}

/// The number `ctx` names, recomputed from `cells`, with how; `None` when this kind of number
/// has no recomputation here.
pub fn recompute(ctx: &Context, cells: &[Cell]) -> Option<Result<(f64, String), String>> {
    // Items with no recomputation here at all (their cells may be other publications', in
    // those sources' own number formats): none is attempted.
    if NOT_RECOMPUTED.contains(&ctx.item) {
        return None;
    }
    if let Some(r) = compare::recompute(ctx, cells)
        .or_else(|| coverage::recompute(ctx, cells))
        .or_else(|| quality::recompute(ctx, cells))
    {
        return Some(r);
    }
    let p = match read(cells) {
        Ok(p) => p,
        Err(e) => return Some(Err(e)),
    };
    let params = ctx.params;
    let (first, last) = (params.first_year, params.last_year);
    let need = |x: Option<f64>, what: &str| x.ok_or_else(|| format!("the cells give no {what}"));
    let cell_of = |unit: &str| -> Result<(f64, String), String> {
        let (iso3, year) = (ctx.iso3().unwrap_or_default(), ctx.year().unwrap_or(last));
        let u = p.get(&(iso3.clone(), year)).copied().unwrap_or_default();
        let x = need(
            if unit == "count" { u.count } else { u.rate },
            &format!("{unit} of {iso3} in {year}"),
        )?;
        Ok((
            x,
            format!("the {unit} cell of {iso3} in {year}: {}", fmt(x)),
        ))
    };
    let agg = |year: i32| -> Result<(f64, String), String> {
        let (r, c, pop, n) =
            aggregate_rate(&p, year).ok_or_else(|| format!("no count and population in {year}"))?;
        Ok((
            r,
            format!(
                "Σ count ÷ Σ population × 100,000 over {n} units in {year} = {} ÷ {} × 100,000",
                fmt(c),
                fmt(pop)
            ),
        ))
    };
    let distinct = |what: &str| -> Result<(f64, String), String> {
        let n = units(&p, |_| true).len();
        Ok((n as f64, format!("{n} distinct {what} among the cells")))
    };
    let period_means = || -> Result<(f64, f64), String> {
        let iso3 = ctx.iso3().unwrap_or_default();
        Ok((
            need(
                period_mean(&p, &iso3, params.p1),
                "P1 mean (two years needed)",
            )?,
            need(
                period_mean(&p, &iso3, params.p2),
                "P2 mean (two years needed)",
            )?,
        ))
    };
    let field = ctx.field;
    // Table 2 withholds a region's aggregates on fewer than $min_countries panel units.
    if ctx.item == "T2" && field != "panel_n" && field != "population_share" {
        let n = units(&p, |u| u.count.is_some()).len() as i64;
        if n < params.min_countries {
            return Some(Err(format!(
                "{n} panel units, fewer than the {} an aggregate needs",
                params.min_countries
            )));
        }
    }
    let index = || -> Result<(f64, String), String> {
        let y = ctx.year().unwrap_or(last);
        let (a, _) = agg(y)?;
        let (b, _) = agg(first)?;
        Ok((
            100.0 * a / b,
            format!(
                "100 × rate {y} ÷ rate {first} = 100 × {} ÷ {}",
                fmt(a),
                fmt(b)
            ),
        ))
    };
    let moving_average = || -> Result<(f64, String), String> {
        let (iso3, y) = (ctx.iso3().unwrap_or_default(), ctx.year().unwrap_or(last));
        let r: Vec<f64> = rates(&p, &iso3, y - 1, y + 1);
        if r.len() == 3 {
            Ok((
                mean(&r).unwrap_or(0.0),
                format!("mean of the rates of {iso3} in {}–{}", y - 1, y + 1),
            ))
        } else {
            Err("fewer than three adjacent years".into())
        }
    };
    let average_3y = || -> Result<(f64, String), String> {
        let (iso3, y) = (ctx.iso3().unwrap_or_default(), ctx.year().unwrap_or(last));
        let r = rates(&p, &iso3, y - 2, y);
        if r.len() == 3 {
            Ok((
                mean(&r).unwrap_or(0.0),
                format!("mean of the rates of {iso3} in {}–{y}", y - 2),
            ))
        } else {
            Err("fewer than three years".into())
        }
    };
    let share_of_latest = || -> Result<(f64, String), String> {
        let (own, _) = cell_of("count")?;
        let total: f64 = p.values().filter_map(|u| u.count).sum();
        Ok((
            own / total,
            format!(
                "count ÷ Σ latest counts of every unit = {} ÷ {}",
                fmt(own),
                fmt(total)
            ),
        ))
    };
    let year_on_year = || -> Result<(f64, String), String> {
        let (iso3, y) = (ctx.iso3().unwrap_or_default(), ctx.year().unwrap_or(last));
        let now = p.get(&(iso3.clone(), y)).copied().unwrap_or_default();
        let before = p.get(&(iso3.clone(), y - 1)).copied().unwrap_or_default();
        match (now.rate, before.rate, before.count) {
            (Some(r), Some(b), Some(c)) if b > 0.0 && c >= params.small_count => Ok((
                r / b - 1.0,
                format!(
                    "rate {y} ÷ rate {} − 1 = {} ÷ {} − 1",
                    y - 1,
                    fmt(r),
                    fmt(b)
                ),
            )),
            _ => Err("no adjacent year with a positive rate and enough cases".into()),
        }
    };
    let slope_of_rates = || -> Result<(f64, String), String> {
        let points: Vec<(f64, f64)> = (first..=last)
            .filter_map(|y| aggregate_rate(&p, y).map(|(r, ..)| (f64::from(y), r)))
            .collect();
        if points.len() < 4 {
            return Err(format!("{} yearly rates, fewer than four", points.len()));
        }
        let s = need(slope(&points), "slope")?;
        Ok((
            s,
            format!(
                "least-squares slope of the {} yearly aggregate rates",
                points.len()
            ),
        ))
    };
    let concentration = || -> Result<(f64, String), String> {
        let mut c: Vec<(f64, String)> = p
            .iter()
            .filter_map(|((iso3, _), u)| u.count.map(|k| (k, iso3.clone())))
            .collect();
        c.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let total: f64 = c.iter().map(|x| x.0).sum();
        let mut running = 0.0;
        let mut k = 0;
        for (x, _) in &c {
            running += x;
            k += 1;
            if running >= 0.5 * total {
                break;
            }
        }
        Ok(match field {
            "units" => (
                k as f64,
                format!(
                    "the fewest units, largest counts first, that hold half of the {} kidnappings",
                    fmt(total)
                ),
            ),
            "kidnappings" => (running, format!("Σ of the {k} largest counts")),
            "share" => (
                running / total,
                format!("{} ÷ {}", fmt(running), fmt(total)),
            ),
            _ => (total, format!("Σ of {} counts", c.len())),
        })
    };
    let r: Result<(f64, String), String> = match (ctx.item, field) {
        ("F1", "countries") | ("F8", "units") => distinct("units"),
        ("F2", "rate") => agg(ctx.year().unwrap_or(last)),
        ("F4", "median_rate") => {
            let r: Vec<f64> = p.values().filter_map(|u| u.rate).collect();
            let n = r.len();
            median(r)
                .map(|m| (m, format!("median of the region's {n} latest rates")))
                .ok_or_else(|| "no rates".into())
        }
        ("N2", "min_ties" | "max_ties") => {
            let r: Vec<f64> = p
                .values()
                .filter(|u| u.population().is_some_and(|q| q >= params.population_floor))
                .filter_map(|u| u.rate)
                .collect();
            let target = if field == "min_ties" {
                r.iter().copied().fold(f64::INFINITY, f64::min)
            } else {
                r.iter().copied().fold(f64::NEG_INFINITY, f64::max)
            };
            let n = r.iter().filter(|x| **x == target).count();
            Ok((
                n as f64,
                format!("{n} units of at least the floor share that rate"),
            ))
        }
        ("F2", "kidnappings") => {
            let y = ctx.year().unwrap_or(last);
            aggregate_rate(&p, y)
                .map(|(_, c, _, n)| (c, format!("Σ of {n} counts in {y}")))
                .ok_or_else(|| "no counts".into())
        }
        ("F3", "index") => index(),
        ("F4" | "F5" | "F7" | "T3" | "T4" | "T6", "rate") => cell_of("rate_per_100k"),
        ("F5" | "T3" | "T4" | "T6", "count") => cell_of("count"),
        ("F6" | "T3" | "T5", "p1_mean") => period_means().map(|(a, _)| {
            (
                a,
                format!("mean of the rates in {}–{}", params.p1[0], params.p1[1]),
            )
        }),
        ("F6" | "T3" | "T5", "p2_mean") => period_means().map(|(_, b)| {
            (
                b,
                format!("mean of the rates in {}–{}", params.p2[0], params.p2[1]),
            )
        }),
        ("F6" | "T3" | "T5", "change") => period_means().and_then(|(a, b)| {
            if a > 0.0 {
                Ok((
                    b / a - 1.0,
                    format!("P2 mean ÷ P1 mean − 1 = {} ÷ {} − 1", fmt(b), fmt(a)),
                ))
            } else {
                Err("the P1 mean is zero".into())
            }
        }),
        ("F7", "moving_average") => moving_average(),
        ("T3", "average_3y") => average_3y(),
        ("T4", "share") => share_of_latest(),
        ("T3", "rank") => rank_by(&p, ctx, params, |u| u.rate, "rate"),
        ("T4", "rank") => rank_by(&p, ctx, params, |u| u.count, "count"),
        ("T6", "yoy") => year_on_year(),
        ("T2", "rate_first") | ("N3", "rate_first") => agg(first),
        ("T2", "rate_last") | ("N3", "rate_last") => agg(last),
        ("T2" | "N3", "change") => agg(first).and_then(|(a, _)| {
            let (b, _) = agg(last)?;
            if a <= 0.0 {
                return Err(format!("the {first} rate is zero"));
            }
            Ok((
                b / a - 1.0,
                format!(
                    "rate {last} ÷ rate {first} − 1 = {} ÷ {} − 1",
                    fmt(b),
                    fmt(a)
                ),
            ))
        }),
        ("T2" | "N3", "cagr") => agg(first).and_then(|(a, _)| {
            let (b, _) = agg(last)?;
            if a <= 0.0 || last <= first {
                return Err(format!("the {first} rate is zero"));
            }
            let years = f64::from(last - first);
            Ok((
                (b / a).powf(1.0 / years) - 1.0,
                format!(
                    "(rate {last} ÷ rate {first})^(1/{years}) − 1 = ({} ÷ {})^(1/{years}) − 1",
                    fmt(b),
                    fmt(a)
                ),
            ))
        }),
        ("T2", "slope") => slope_of_rates(),
        ("T2", "panel_n") | ("N3", "panel_n") => {
            let n = units(&p, |u| u.count.is_some()).len();
            Ok((n as f64, format!("{n} panel units with a count")))
        }
        ("T2", "median_rate") => {
            let r: Vec<f64> = p
                .iter()
                .filter(|((_, y), u)| *y == last && u.count.is_some())
                .filter_map(|(_, u)| u.rate)
                .collect();
            let n = r.len();
            median(r)
                .map(|m| (m, format!("median of the {n} panel units' rates in {last}")))
                .ok_or_else(|| "no rates".into())
        }
        ("N1", "reporting" | "reporting_any" | "panel_n") | ("N7", _) => distinct("units"),
        ("N1", "first_data_year") => p
            .keys()
            .map(|(_, y)| *y)
            .min()
            .map(|y| (f64::from(y), "the earliest year among the counts".into()))
            .ok_or_else(|| "no counts".into()),
        ("N1", "last_data_year") => p
            .keys()
            .map(|(_, y)| *y)
            .max()
            .map(|y| (f64::from(y), "the latest year among the counts".into()))
            .ok_or_else(|| "no counts".into()),
        ("N2", "units") => distinct("units with a count and a rate"),
        ("N2", "kidnappings") => {
            let c: Vec<f64> = p.values().filter_map(|u| u.count).collect();
            Ok((c.iter().sum(), format!("Σ of {} counts in {last}", c.len())))
        }
        ("N2", "combined_rate") => agg(last),
        ("N2", "median_rate") => {
            let r: Vec<f64> = p.values().filter_map(|u| u.rate).collect();
            let n = r.len();
            median(r)
                .map(|m| (m, format!("median of {n} rates in {last}")))
                .ok_or_else(|| "no rates".into())
        }
        ("N2", "min_rate" | "max_rate") => {
            let r = p
                .values()
                .filter(|u| u.population().is_some_and(|q| q >= params.population_floor))
                .filter_map(|u| u.rate);
            let x = if field == "min_rate" {
                r.fold(f64::INFINITY, f64::min)
            } else {
                r.fold(f64::NEG_INFINITY, f64::max)
            };
            if x.is_finite() {
                Ok((
                    x,
                    format!(
                        "the {} rate among units of at least {} inhabitants",
                        if field == "min_rate" {
                            "lowest"
                        } else {
                            "highest"
                        },
                        crate::format::count(Some(params.population_floor))
                    ),
                ))
            } else {
                Err("no unit above the population floor".into())
            }
        }
        ("N4", "up" | "down" | "stable") => distinct("units"),
        ("N6", "units" | "kidnappings" | "share" | "total") => concentration(),
        _ => return None,
    };
    Some(r)
}

#[cfg(test)]
mod tests;
