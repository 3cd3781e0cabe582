//! Dots per unit on a log axis, one row per group, with the group medians.

use super::*;

/// Dots per unit on a log axis, one row per group, with the group medians.
pub(super) fn draw(
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    (gi, li, yi, mi): (usize, usize, usize, usize),
    mut data: TableCtx,
    w: &Fw,
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
    data.headers = vec![w.heading("group")?, w.heading("country")?, f.axis.clone()];
    data.rows = dots
        .iter()
        .map(|d| vec![d.group.clone(), d.label.clone(), w.number(d.value, 1)])
        .collect();
    let parts: Vec<String> = groups
        .iter()
        .map(|g| {
            let vals: Vec<&chart::Dot> = dots.iter().filter(|d| d.group == *g).collect();
            let hi = vals.iter().max_by(|a, b| a.value.total_cmp(&b.value));
            let lo = vals.iter().min_by(|a, b| a.value.total_cmp(&b.value));
            let med = medians.iter().find(|m| m.0 == *g).map(|m| m.1);
            w.say(
                "figure-strip-group",
                &[
                    ("group", A::T(g.clone())),
                    ("n", A::N(vals.len() as f64)),
                    (
                        "median",
                        A::T(med.map_or(format::NA.into(), |m| w.number(m, 1))),
                    ),
                    (
                        "lo",
                        A::T(lo.map_or(String::new(), |d| w.number(d.value, 1))),
                    ),
                    (
                        "lo_label",
                        A::T(lo.map_or(String::new(), |d| d.label.clone())),
                    ),
                    (
                        "hi",
                        A::T(hi.map_or(String::new(), |d| w.number(d.value, 1))),
                    ),
                    (
                        "hi_label",
                        A::T(hi.map_or(String::new(), |d| d.label.clone())),
                    ),
                ],
            )
        })
        .collect::<Result<_>>()?;
    let alt = w.say(
        "figure-strip",
        &[
            ("title", A::T(text.title.clone())),
            ("measure", A::T(f.axis.to_lowercase())),
            ("groups", A::T(parts.join("; "))),
        ],
    )?;
    text.description = alt.clone();
    Ok((
        chart::strip_log(&text, &groups, &dots, &medians, &f.axis)?,
        alt,
        data,
    ))
}
