//! Charts over an x axis: stacked bars (by year or by category) and lines.

use super::*;

/// Stacked bars whose x holds text (categories such as regions), in the order the query
/// gives them; missing segments count as zero.
pub(super) fn stacked_by_category(
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    (xi, yi, si): (usize, usize, usize),
    x: &str,
    mut data: TableCtx,
    w: &Fw,
) -> Result<Drawn> {
    let mut categories: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for r in &table.rows {
        let (c, n) = (r[xi].as_text(), r[si].as_text());
        if !categories.contains(&c) {
            categories.push(c);
        }
        if !names.contains(&n) {
            names.push(n);
        }
    }
    let series: Vec<(String, Vec<f64>)> = names
        .iter()
        .map(|n| {
            let values = categories
                .iter()
                .map(|c| {
                    table
                        .rows
                        .iter()
                        .find(|r| r[xi].as_text() == *c && r[si].as_text() == *n)
                        .and_then(|r| r[yi].as_f64())
                        .unwrap_or(0.0)
                })
                .collect();
            (n.clone(), values)
        })
        .collect();
    data.headers = std::iter::once(x.to_string())
        .chain(names.iter().cloned())
        .collect();
    data.rows = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            std::iter::once(c.clone())
                .chain(series.iter().map(|s| w.value(s.1[i])))
                .collect()
        })
        .collect();
    let totals: Vec<String> = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let parts: Vec<String> = series
                .iter()
                .filter(|s| s.1[i] > 0.0)
                .map(|s| format!("{} {}", w.value(s.1[i]), s.0))
                .collect();
            format!("{c}: {}", parts.join(", "))
        })
        .collect();
    let alt = w.say(
        "figure-stacked-categories",
        &[
            ("title", A::T(text.title.clone())),
            ("measure", A::T(f.axis.to_lowercase())),
            ("x", A::T(x.to_string())),
            ("totals", A::T(totals.join("; "))),
        ],
    )?;
    text.description = alt.clone();
    let fig = chart::stacked_bars_by_category(&text, &categories, &series, &f.axis)?;
    Ok((fig, alt, data))
}

/// Stacked bars by year (`stacked`) or lines: one series per name, points over the years.
pub(super) fn over_years(
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    (xi, yi, si): (usize, usize, usize),
    mut data: TableCtx,
    stacked: bool,
    w: &Fw,
) -> Result<Drawn> {
    let mut series: Vec<Series> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    for row in &table.rows {
        let (Some(x), Some(y)) = (row[xi].as_f64(), row[yi].as_f64()) else {
            continue;
        };
        let name = row[si].as_text();
        let x = x as i32;
        if !years.contains(&x) {
            years.push(x);
        }
        match series.iter_mut().find(|s| s.name == name) {
            Some(s) => s.points.push((x, y)),
            None => series.push(Series {
                name,
                points: vec![(x, y)],
            }),
        }
    }
    years.sort_unstable();
    if stacked {
        series.sort_by(|a, b| a.name.cmp(&b.name));
    }
    data.headers = std::iter::once(w.heading("year")?)
        .chain(series.iter().map(|s| s.name.clone()))
        .collect();
    for y in &years {
        let mut row = vec![y.to_string()];
        for s in &series {
            row.push(
                s.points
                    .iter()
                    .find(|p| p.0 == *y)
                    .map_or(format::NA.to_string(), |p| w.value(p.1)),
            );
        }
        data.rows.push(row);
    }
    let alt = describe_xy(stacked, &text, &series, &years, &f.axis, w)?;
    text.description = alt.clone();
    let fig = if stacked {
        chart::stacked_bars(&text, &years, &series, &f.axis)?
    } else {
        chart::lines(&text, &series, &f.axis)?
    };
    Ok((fig, alt, data))
}

/// Alt text for charts over years, generated from the data: what is shown and its extremes.
pub(super) fn describe_xy(
    stacked: bool,
    text: &FigureText,
    series: &[Series],
    years: &[i32],
    axis: &str,
    w: &Fw,
) -> Result<String> {
    let title = || ("title", A::T(text.title.clone()));
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return w.say("figure-no-data", &[title()]);
    };
    let fmt = |v: f64| w.value(v);
    let (first, last) = (f64::from(*first), f64::from(*last));
    match stacked {
        true => {
            let totals: Vec<(i32, f64)> = years
                .iter()
                .map(|y| {
                    (
                        *y,
                        series
                            .iter()
                            .flat_map(|s| s.points.iter())
                            .filter(|p| p.0 == *y)
                            .map(|p| p.1)
                            .sum(),
                    )
                })
                .collect();
            let hi = totals
                .iter()
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let lo = totals
                .iter()
                .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
            w.say(
                "figure-stacked-years",
                &[
                    title(),
                    ("measure", A::T(axis.to_lowercase())),
                    ("first", A::N(first)),
                    ("last", A::N(last)),
                    ("series", A::T(names.join(", "))),
                    ("hi", A::T(hi.map_or(String::new(), |h| fmt(h.1)))),
                    ("hi_year", A::N(f64::from(hi.map_or(0, |h| h.0)))),
                    ("lo", A::T(lo.map_or(String::new(), |l| fmt(l.1)))),
                    ("lo_year", A::N(f64::from(lo.map_or(0, |l| l.0)))),
                ],
            )
        }
        false => {
            let mut parts = Vec::new();
            for s in series {
                let hi = s.points.iter().max_by(|a, b| a.1.total_cmp(&b.1));
                let lo = s.points.iter().min_by(|a, b| a.1.total_cmp(&b.1));
                if let (Some(h), Some(l)) = (hi, lo) {
                    parts.push(w.say(
                        "figure-line",
                        &[
                            ("name", A::T(s.name.clone())),
                            ("from", A::T(fmt(s.points.first().map_or(0.0, |p| p.1)))),
                            ("to", A::T(fmt(s.points.last().map_or(0.0, |p| p.1)))),
                            ("hi", A::T(fmt(h.1))),
                            ("hi_year", A::N(f64::from(h.0))),
                            ("lo", A::T(fmt(l.1))),
                            ("lo_year", A::N(f64::from(l.0))),
                        ],
                    )?);
                }
            }
            w.say(
                "figure-lines",
                &[
                    title(),
                    ("measure", A::T(axis.to_lowercase())),
                    ("first", A::N(first)),
                    ("last", A::N(last)),
                    ("parts", A::T(parts.join("; "))),
                ],
            )
        }
    }
}
