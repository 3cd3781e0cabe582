//! Figures of the report: each figure spec drawn from its query's result, with its alt text.

use super::*;

pub(super) fn column(
    dir: &Path,
    f: &FigureSpec,
    table: &Table,
    name: &Option<String>,
) -> Result<usize> {
    let name = name.as_deref().unwrap_or_default();
    table.column(name).ok_or_else(|| Error::Report {
        file: dir.join("report.yaml"),
        message: format!(
            "figure {}: query {} has no column `{name}` (it has {})",
            f.id,
            f.query,
            table.columns.join(", ")
        ),
    })
}

/// Draw one figure; returns it, its alt text and its data table.
pub(super) fn draw(
    dir: &Path,
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    names: &(String, String),
) -> Result<(chart::Figure, String, TableCtx)> {
    let yi = column(dir, f, table, &Some(f.y.clone()))?;
    let mut data = TableCtx {
        id: f.id.clone(),
        number: text.number,
        title: format!("Data for figure {}", text.number),
        headers: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
        numeric: Vec::new(),
        values: Vec::new(),
        formats: Vec::new(),
    };
    let value_fmt = |v: f64| {
        if v.fract() == 0.0 {
            format::number(v, 0)
        } else {
            format::number(v, 1)
        }
    };
    match f.kind {
        ChartKind::StackedBars
            if table.rows.iter().any(|r| {
                column(dir, f, table, &f.x).is_ok_and(|xi| matches!(r[xi], Value::Text(_)))
            }) =>
        {
            let xi = column(dir, f, table, &f.x)?;
            let si = column(dir, f, table, &f.series)?;
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
            data.headers = std::iter::once(f.x.clone().unwrap_or_default())
                .chain(names.iter().cloned())
                .collect();
            data.rows = categories
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    std::iter::once(c.clone())
                        .chain(series.iter().map(|s| value_fmt(s.1[i])))
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
                        .map(|s| format!("{} {}", value_fmt(s.1[i]), s.0))
                        .collect();
                    format!("{c}: {}", parts.join(", "))
                })
                .collect();
            let alt = format!(
                "{}. Stacked bars of {} by {}: {}.",
                text.title,
                f.axis.to_lowercase(),
                f.x.clone().unwrap_or_default(),
                totals.join("; ")
            );
            text.description = alt.clone();
            let fig = chart::stacked_bars_by_category(&text, &categories, &series, &f.axis)?;
            Ok((fig, alt, data))
        }
        ChartKind::Strip => {
            let gi = column(dir, f, table, &f.series)?;
            let li = column(dir, f, table, &f.label)?;
            let mi = column(dir, f, table, &f.median)?;
            let mut groups: Vec<String> = Vec::new();
            let mut medians: Vec<(String, f64)> = Vec::new();
            let mut dots = Vec::new();
            for r in &table.rows {
                let g = r[gi].as_text();
                if !groups.contains(&g) {
                    groups.push(g.clone());
                    if let Some(m) = r[mi].as_f64() {
                        medians.push((g.clone(), m));
                    }
                }
                if let Some(v) = r[yi].as_f64() {
                    dots.push(chart::Dot {
                        group: g,
                        label: r[li].as_text(),
                        value: v,
                    });
                }
            }
            data.headers = vec!["Group".into(), "Country or area".into(), f.axis.clone()];
            data.rows = dots
                .iter()
                .map(|d| vec![d.group.clone(), d.label.clone(), format::number(d.value, 1)])
                .collect();
            let parts: Vec<String> = groups
                .iter()
                .map(|g| {
                    let vals: Vec<&chart::Dot> = dots.iter().filter(|d| d.group == *g).collect();
                    let hi = vals.iter().max_by(|a, b| a.value.total_cmp(&b.value));
                    let lo = vals.iter().min_by(|a, b| a.value.total_cmp(&b.value));
                    let med = medians.iter().find(|m| m.0 == *g).map(|m| m.1);
                    format!(
                        "{g}: {} units, median {}, from {} ({}) to {} ({})",
                        vals.len(),
                        format::rate(med),
                        lo.map_or(String::new(), |d| format::number(d.value, 1)),
                        lo.map_or(String::new(), |d| d.label.clone()),
                        hi.map_or(String::new(), |d| format::number(d.value, 1)),
                        hi.map_or(String::new(), |d| d.label.clone()),
                    )
                })
                .collect();
            let alt = format!(
                "{}. Dots of {} on a logarithmic scale, one row per group. {}.",
                text.title,
                f.axis.to_lowercase(),
                parts.join("; ")
            );
            text.description = alt.clone();
            Ok((
                chart::strip_log(&text, &groups, &dots, &medians, &f.axis)?,
                alt,
                data,
            ))
        }
        ChartKind::Dumbbell => {
            let li = column(dir, f, table, &f.label)?;
            let si = column(dir, f, table, &f.start)?;
            let ei = column(dir, f, table, &f.end)?;
            let ai = match &f.annotation {
                Some(_) => Some(column(dir, f, table, &f.annotation)?),
                None => None,
            };
            let rows: Vec<chart::Dumbbell> = table
                .rows
                .iter()
                .filter_map(|r| {
                    Some(chart::Dumbbell {
                        label: r[li].as_text(),
                        start: r[si].as_f64()?,
                        end: r[ei].as_f64()?,
                        flag: ai.map(|i| r[i].as_text()).unwrap_or_default(),
                    })
                })
                .collect();
            data.headers = vec![
                "Country or area".into(),
                names.0.clone(),
                names.1.clone(),
                "Flag".into(),
            ];
            data.rows = rows
                .iter()
                .map(|d| {
                    vec![
                        d.label.clone(),
                        format::number(d.start, 1),
                        format::number(d.end, 1),
                        d.flag.clone(),
                    ]
                })
                .collect();
            let up = rows.iter().filter(|d| d.end > d.start).count();
            let down = rows.iter().filter(|d| d.end < d.start).count();
            let alt = format!(
                "{}. For {} countries and areas, {} and {} joined by a line: {} higher in the second period, {} lower{}.",
                text.title,
                rows.len(),
                names.0,
                names.1,
                up,
                down,
                rows.first().map_or(String::new(), |d| format!(
                    "; largest rise first ({})",
                    d.label
                ))
            );
            text.description = alt.clone();
            Ok((
                chart::dumbbell(&text, &rows, &names.0, &names.1, &f.axis)?,
                alt,
                data,
            ))
        }
        ChartKind::SmallMultiples => {
            let xi = column(dir, f, table, &f.x)?;
            let si = column(dir, f, table, &f.series)?;
            let ci = column(dir, f, table, &f.secondary)?;
            let ki = column(dir, f, table, &f.marks)?;
            let mut panels: Vec<chart::Panel> = Vec::new();
            for r in &table.rows {
                let name = r[si].as_text();
                let Some(x) = r[xi].as_f64().map(|x| x as i32) else {
                    continue;
                };
                if panels.last().is_none_or(|p| p.title != name) {
                    panels.push(chart::Panel {
                        title: name.clone(),
                        ..Default::default()
                    });
                }
                if let Some(p) = panels.last_mut() {
                    if let Some(y) = r[yi].as_f64() {
                        p.rate.push((x, y));
                    }
                    if let Some(m) = r[ci].as_f64() {
                        p.moving_average.push((x, m));
                    }
                    if matches!(r[ki], Value::Bool(true)) {
                        p.breaks.push(x);
                    }
                }
                data.rows.push(vec![
                    name,
                    x.to_string(),
                    r[yi]
                        .as_f64()
                        .map_or(format::NA.to_string(), |v| format::number(v, 1)),
                    r[ci]
                        .as_f64()
                        .map_or(format::NA.to_string(), |v| format::number(v, 1)),
                    if matches!(r[ki], Value::Bool(true)) {
                        "b".into()
                    } else {
                        String::new()
                    },
                ]);
            }
            data.headers = vec![
                "Country or area".into(),
                "Year".into(),
                f.axis.clone(),
                "3-year moving average".into(),
                "Break".into(),
            ];
            let parts: Vec<String> = panels
                .iter()
                .map(|p| {
                    let first = p
                        .rate
                        .first()
                        .map_or(String::new(), |v| format::number(v.1, 1));
                    let last = p
                        .rate
                        .last()
                        .map_or(String::new(), |v| format::number(v.1, 1));
                    let b = if p.breaks.is_empty() {
                        String::new()
                    } else {
                        ", series break".into()
                    };
                    format!("{} from {first} to {last}{b}", p.title)
                })
                .collect();
            let alt = format!(
                "{}. {} small line charts of {}: {}.",
                text.title,
                panels.len(),
                f.axis.to_lowercase(),
                parts.join("; ")
            );
            text.description = alt.clone();
            Ok((chart::small_multiples(&text, &panels)?, alt, data))
        }
        ChartKind::StackedBars | ChartKind::Lines => {
            let xi = column(dir, f, table, &f.x)?;
            let si = column(dir, f, table, &f.series)?;
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
            if f.kind == ChartKind::StackedBars {
                series.sort_by(|a, b| a.name.cmp(&b.name));
            }
            data.headers = std::iter::once("Year".to_string())
                .chain(series.iter().map(|s| s.name.clone()))
                .collect();
            for y in &years {
                let mut row = vec![y.to_string()];
                for s in &series {
                    row.push(
                        s.points
                            .iter()
                            .find(|p| p.0 == *y)
                            .map_or(format::NA.to_string(), |p| value_fmt(p.1)),
                    );
                }
                data.rows.push(row);
            }
            let alt = describe_xy(f.kind, &text, &series, &years, &f.axis);
            text.description = alt.clone();
            let fig = if f.kind == ChartKind::StackedBars {
                chart::stacked_bars(&text, &years, &series, &f.axis)?
            } else {
                chart::lines(&text, &series, &f.axis)?
            };
            Ok((fig, alt, data))
        }
        ChartKind::HorizontalBars => {
            let li = column(dir, f, table, &f.label)?;
            let ai = match &f.annotation {
                Some(_) => Some(column(dir, f, table, &f.annotation)?),
                None => None,
            };
            let bars: Vec<Bar> = table
                .rows
                .iter()
                .filter_map(|row| {
                    Some(Bar {
                        label: row[li].as_text(),
                        value: row[yi].as_f64()?,
                        annotation: ai.map(|i| row[i].as_text()).unwrap_or_default(),
                    })
                })
                .collect();
            data.headers = vec!["Country or area".into(), f.axis.clone(), "Note".into()];
            data.rows = bars
                .iter()
                .map(|b| {
                    vec![
                        b.label.clone(),
                        format::number(b.value, 1),
                        b.annotation.clone(),
                    ]
                })
                .collect();
            let alt = match (bars.first(), bars.last()) {
                (Some(hi), Some(lo)) => format!(
                    "{}. Horizontal bars ranking {} countries or areas by {}: highest {} ({}), lowest shown {} ({}).",
                    text.title,
                    bars.len(),
                    f.axis.to_lowercase(),
                    hi.label,
                    format::number(hi.value, 1),
                    lo.label,
                    format::number(lo.value, 1)
                ),
                _ => format!("{}. No data.", text.title),
            };
            text.description = alt.clone();
            Ok((chart::horizontal_bars(&text, &bars, &f.axis)?, alt, data))
        }
    }
}

/// Alt text for charts over years, generated from the data: what is shown and its extremes.
pub(super) fn describe_xy(
    kind: ChartKind,
    text: &FigureText,
    series: &[Series],
    years: &[i32],
    axis: &str,
) -> String {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return format!("{}. No data.", text.title);
    };
    let fmt = |v: f64| {
        if v.fract() == 0.0 {
            format::number(v, 0)
        } else {
            format::number(v, 1)
        }
    };
    match kind {
        ChartKind::StackedBars => {
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
            format!(
                "{}. Stacked bars of {} by year, {first}–{last}, split by {}. Total highest {} in {}, lowest {} in {}.",
                text.title,
                axis.to_lowercase(),
                names.join(", "),
                hi.map_or(String::new(), |h| fmt(h.1)),
                hi.map_or(0, |h| h.0),
                lo.map_or(String::new(), |l| fmt(l.1)),
                lo.map_or(0, |l| l.0),
            )
        }
        _ => {
            let mut parts = Vec::new();
            for s in series {
                let hi = s.points.iter().max_by(|a, b| a.1.total_cmp(&b.1));
                let lo = s.points.iter().min_by(|a, b| a.1.total_cmp(&b.1));
                if let (Some(h), Some(l)) = (hi, lo) {
                    parts.push(format!(
                        "{}: from {} to {}, highest {} ({}), lowest {} ({})",
                        s.name,
                        fmt(s.points.first().map_or(0.0, |p| p.1)),
                        fmt(s.points.last().map_or(0.0, |p| p.1)),
                        fmt(h.1),
                        h.0,
                        fmt(l.1),
                        l.0
                    ));
                }
            }
            format!(
                "{}. Lines of {} by year, {first}–{last}. {}.",
                text.title,
                axis.to_lowercase(),
                parts.join("; ")
            )
        }
    }
}
