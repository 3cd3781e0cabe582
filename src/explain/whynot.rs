//! "Why not": `explain ITEM UNIT` names the rule that keeps a unit out of an item, with its
//! value against the threshold; for a ranking or a selection, why a unit is in and who is
//! next. Read from the published output's tables (`latest`, `periods`, `kidnapping`,
//! `window_breaks`), the thresholds from the parameters it was published with.

use std::fmt::Write as _;
use std::path::Path;

use super::{Item, Published};
use crate::error::Result;
use crate::format;
use crate::query::{Table, Value};

/// A table of the published output, whole (they are small: one row per unit, or unit-year).
fn table(p: &Published, name: &str) -> Result<Table> {
    p.engine.run_table(
        Path::new("<explain>"),
        &format!("SELECT * FROM {name} ORDER BY iso3"),
    )
}

/// The rows of `t` whose `iso3` is `unit`, as name → value maps.
fn rows_of<'a>(t: &'a Table, unit: &str) -> Vec<std::collections::BTreeMap<&'a str, &'a Value>> {
    let Some(i) = t.column("iso3") else {
        return Vec::new();
    };
    t.rows
        .iter()
        .filter(|r| r[i].as_text().eq_ignore_ascii_case(unit))
        .map(|r| t.columns.iter().map(String::as_str).zip(r.iter()).collect())
        .collect()
}

fn num(v: Option<&&Value>) -> Option<f64> {
    v.and_then(|v| v.as_f64())
}

pub(super) fn explain(p: &Published, item: &Item, unit: &str, out: &mut String) -> Result<()> {
    let unit = unit.to_ascii_uppercase();
    let params = &p.pipeline.params;
    let kidnapping = table(p, "kidnapping")?;
    let years = rows_of(&kidnapping, &unit);
    if years.is_empty() {
        let _ = writeln!(
            out,
            "{unit} is not in {}: the published warehouse has no kidnapping data for {unit}",
            item.id
        );
        return Ok(());
    }
    let name = years
        .first()
        .and_then(|r| r.get("country"))
        .map(|v| v.as_text())
        .unwrap_or_default();
    let who = format!("{unit} ({name})");
    match item.id.as_str() {
        "T3" | "F5" => {
            let n = if item.id == "T3" {
                params.top_n_table
            } else {
                params.top_n_chart
            };
            ranking(p, &who, &unit, item, n, "rate", out)
        }
        "T4" => ranking(p, &who, &unit, item, params.top_n_table, "count", out),
        "T5" => t5(p, &who, &unit, out),
        "F2" | "F3" | "T2" | "N1" | "N3" => panel(p, &who, &unit, item, &kidnapping, out),
        _ => {
            // Any other item: whether the unit has cells in its lineage.
            let addresses = p.lineage.addresses(&format!("{}/", item.id), Some(&unit));
            if addresses.is_empty() {
                let _ = writeln!(
                    out,
                    "{who}: none of {}'s numbers rests on its data",
                    item.id
                );
            } else {
                let _ = writeln!(
                    out,
                    "{who}: {} of {}'s numbers rest on its data: {}",
                    addresses.len(),
                    item.id,
                    addresses.join(", ")
                );
            }
            Ok(())
        }
    }
}

/// A ranking of `latest` by `by` (rate or count) among rankable units, the first `n` shown.
fn ranking(
    p: &Published,
    who: &str,
    unit: &str,
    item: &Item,
    n: i64,
    by: &str,
    out: &mut String,
) -> Result<()> {
    let params = &p.pipeline.params;
    let latest = table(p, "latest")?;
    let from = params.last_year - 2;
    let Some(row) = rows_of(&latest, unit).into_iter().next() else {
        let _ = writeln!(
            out,
            "{who} is not in {}: rule \"latest year available\": no published rate in {from}–{} \
             (a unit is ranked on its latest rate of the last three years)",
            item.id, params.last_year
        );
        return Ok(());
    };
    let year = num(row.get("year")).unwrap_or(0.0);
    let population = num(row.get("population"));
    let floor = params.population_floor;
    if population.is_none_or(|q| q < floor) {
        let _ = writeln!(
            out,
            "{who} is not in {}: rule \"population floor\": population {} in {year:.0}, below \
             the floor of {} inhabitants (units under the floor are not ranked)",
            item.id,
            population.map_or("not available".into(), |q| format::count(Some(q))),
            format::count(Some(floor))
        );
        return Ok(());
    }
    // The ranking, as REPORT_SPEC states it: largest first, ties by code.
    let mut ranked: Vec<(f64, String, String)> = latest
        .rows
        .iter()
        .filter_map(|r| {
            let get = |c: &str| latest.column(c).map(|i| &r[i]);
            let rankable = get("rankable").is_some_and(|v| matches!(v, Value::Bool(true)));
            let x = get(by).and_then(Value::as_f64)?;
            rankable.then(|| {
                (
                    x,
                    get("iso3").map(Value::as_text).unwrap_or_default(),
                    get("country").map(Value::as_text).unwrap_or_default(),
                )
            })
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let Some(pos) = ranked.iter().position(|r| r.1.eq_ignore_ascii_case(unit)) else {
        let _ = writeln!(
            out,
            "{who} is not in {}: it has no {by} in {year:.0}",
            item.id
        );
        return Ok(());
    };
    let rank = pos + 1;
    let shown = |x: f64| {
        if by == "rate" {
            format::rate(Some(x))
        } else {
            format::count(Some(x))
        }
    };
    let value = shown(ranked[pos].0);
    let n = n as usize;
    if rank <= n {
        let _ = writeln!(
            out,
            "{who} is in {}: rank {rank} of {} ranked units by {by} ({value} in {year:.0}); the item \
             lists the first {n}",
            item.id,
            ranked.len()
        );
    } else {
        let last = &ranked[n - 1];
        let _ = writeln!(
            out,
            "{who} is not in {}: rule \"top {n}\": rank {rank} of {} ranked units by {by} ({value} \
             in {year:.0}); the last listed, rank {n}, is {} ({}) with {}",
            item.id,
            ranked.len(),
            last.1,
            last.2,
            shown(last.0)
        );
    }
    next_after(&ranked, n, &shown, out);
    Ok(())
}

/// Table 5: the largest increases and decreases of the mean rate between P1 and P2.
fn t5(p: &Published, who: &str, unit: &str, out: &mut String) -> Result<()> {
    let params = &p.pipeline.params;
    let periods = table(p, "periods")?;
    let Some(row) = rows_of(&periods, unit).into_iter().next() else {
        let _ = writeln!(out, "{who} is not in T5: it has no rate in either period");
        return Ok(());
    };
    let [a, b] = params.p1;
    let [c, d] = params.p2;
    let p1 = num(row.get("p1_mean"));
    let p2 = num(row.get("p2_mean"));
    let rankable = row
        .get("rankable")
        .is_some_and(|v| matches!(v, Value::Bool(true)));
    if !rankable {
        let _ = writeln!(
            out,
            "{who} is not in T5: rule \"population floor\": its latest population is under {} \
             inhabitants (or not available), so it is not ranked",
            format::count(Some(params.population_floor))
        );
        return Ok(());
    }
    if p1.is_none() || p2.is_none() {
        let _ = writeln!(
            out,
            "{who} is not in T5: rule \"period means need two years\": mean rate {a}–{b} {}, \
             {c}–{d} {}",
            p1.map_or("not available (fewer than two years)".into(), |x| {
                format::rate(Some(x))
            }),
            p2.map_or("not available (fewer than two years)".into(), |x| {
                format::rate(Some(x))
            })
        );
        return Ok(());
    }
    let count_mean = num(row.get("p1_count_mean")).unwrap_or(0.0);
    if count_mean < params.small_count {
        let _ = writeln!(
            out,
            "{who} is not in T5: rule \"small counts\": {} kidnappings a year on average in \
             {a}–{b}, below {} (a change on so few cases is not ranked)",
            format::number(count_mean, 1),
            format::count(Some(params.small_count))
        );
        return Ok(());
    }
    let Some(change) = num(row.get("change")) else {
        let _ = writeln!(
            out,
            "{who} is not in T5: rule \"change from zero\": its {a}–{b} mean rate is zero"
        );
        return Ok(());
    };
    if change == 0.0 {
        let _ = writeln!(out, "{who} is not in T5: its mean rate did not change");
        return Ok(());
    }
    // Its rank among the eligible units of the same direction.
    let col = |n: &str| periods.column(n);
    let (Some(ci), Some(ri), Some(ki), Some(ii), Some(ni)) = (
        col("change"),
        col("rankable"),
        col("p1_count_mean"),
        col("iso3"),
        col("country"),
    ) else {
        return Ok(());
    };
    let mut same: Vec<(f64, String, String)> = periods
        .rows
        .iter()
        .filter(|r| matches!(r[ri], Value::Bool(true)))
        .filter(|r| r[ki].as_f64().is_some_and(|k| k >= params.small_count))
        .filter_map(|r| {
            r[ci]
                .as_f64()
                .map(|x| (x, r[ii].as_text(), r[ni].as_text()))
        })
        .filter(|(x, ..)| (*x > 0.0) == (change > 0.0) && *x != 0.0)
        .collect();
    if change > 0.0 {
        same.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    } else {
        same.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    }
    let kind = if change > 0.0 { "increase" } else { "decrease" };
    let pos = same
        .iter()
        .position(|r| r.1.eq_ignore_ascii_case(unit))
        .unwrap_or(0);
    let n = params.top_n_table as usize;
    let pct = |x: f64| format!("{} per cent", format::number(x * 100.0, 1));
    if pos < n {
        let _ = writeln!(
            out,
            "{who} is in T5: {kind} rank {} of {} ({}: mean rate {} in {a}–{b}, {} in {c}–{d})",
            pos + 1,
            same.len(),
            pct(change),
            format::rate(p1),
            format::rate(p2)
        );
    } else {
        let last = &same[n - 1];
        let _ = writeln!(
            out,
            "{who} is not in T5: rule \"top {n}\": {kind} rank {} of {} ({}); the last listed, \
             rank {n}, is {} ({}) with {}",
            pos + 1,
            same.len(),
            pct(change),
            last.1,
            last.2,
            pct(last.0)
        );
    }
    next_after(&same, n, &pct, out);
    Ok(())
}

/// The constant panel: every year of the window with a count, a rate and a population,
/// entering aggregates, and no confirmed break inside the window.
fn panel(
    p: &Published,
    who: &str,
    unit: &str,
    item: &Item,
    kidnapping: &Table,
    out: &mut String,
) -> Result<()> {
    let params = &p.pipeline.params;
    let (first, last) = (params.first_year, params.last_year);
    let rows = rows_of(kidnapping, unit);
    let mut missing = Vec::new();
    let mut doubled = Vec::new();
    for y in first..=last {
        let r = rows
            .iter()
            .find(|r| num(r.get("year")).is_some_and(|x| x as i32 == y));
        match r {
            None => missing.push(format!("{y}: no data")),
            Some(r) => {
                let has = |c: &str| num(r.get(c)).is_some();
                if !has("count") {
                    missing.push(format!("{y}: no count"));
                } else if !has("rate") {
                    missing.push(format!("{y}: no rate"));
                } else if !has("population") {
                    missing.push(format!("{y}: no population"));
                }
                if r.get("in_aggregate")
                    .is_some_and(|v| matches!(v, Value::Bool(false)))
                {
                    doubled.push(y.to_string());
                }
            }
        }
    }
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "{who} is not in {}'s constant panel: rule \"data in every year {first}–{last}\": {}",
            item.id,
            missing.join("; ")
        );
        return Ok(());
    }
    if !doubled.is_empty() {
        let _ = writeln!(
            out,
            "{who} is not in {}'s constant panel: rule \"no double counting\": its country also \
             reports in {}",
            item.id,
            doubled.join(", ")
        );
        return Ok(());
    }
    let breaks = table(p, "window_breaks")?;
    if let Some(b) = rows_of(&breaks, unit).into_iter().next() {
        let _ = writeln!(
            out,
            "{who} is not in {}'s constant panel: rule \"series break\": a confirmed break in {} \
             (the rate doubled or halved and stayed)",
            item.id,
            num(b.get("first_break")).map_or("?".into(), |y| format!("{y:.0}"))
        );
        return Ok(());
    }
    let _ = writeln!(
        out,
        "{who} is in {}'s constant panel: data in every year {first}–{last}, no break",
        item.id
    );
    Ok(())
}

/// "next after the list": the unit ranked just after the first `n`, if any.
fn next_after(
    ranked: &[(f64, String, String)],
    n: usize,
    shown: &dyn Fn(f64) -> String,
    out: &mut String,
) {
    if let Some(next) = ranked.get(n) {
        let _ = writeln!(
            out,
            "  next after the list: rank {} {} ({}) with {}",
            n + 1,
            next.1,
            next.2,
            shown(next.0)
        );
    }
}
