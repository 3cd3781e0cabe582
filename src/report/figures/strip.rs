//! Dots per unit on a log axis, one row per group, with the group medians.

use super::*;

/// Dots per unit on a log axis, one row per group, with the group medians.
pub(super) fn draw(
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    (gi, li, yi, mi): (usize, usize, usize, usize),
    mut data: TableCtx,
) -> Result<Drawn> {
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
