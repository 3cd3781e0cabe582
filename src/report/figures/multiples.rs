//! A grid of small line charts, one per unit, with a secondary line and marked years.

use super::*;

/// A grid of small line charts, one per unit, with a secondary line and marked years.
pub(super) fn draw(
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    (xi, yi, si, ci, ki): (usize, usize, usize, usize, usize),
    mut data: TableCtx,
    w: &Fw,
) -> Result<Drawn> {
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
                .map_or(format::NA.to_string(), |v| w.number(v, 1)),
            r[ci]
                .as_f64()
                .map_or(format::NA.to_string(), |v| w.number(v, 1)),
            if matches!(r[ki], Value::Bool(true)) {
                "b".into()
            } else {
                String::new()
            },
        ]);
    }
    data.headers = vec![
        w.heading("country")?,
        w.heading("year")?,
        f.axis.clone(),
        w.heading("moving-average")?,
        w.heading("break")?,
    ];
    let parts: Vec<String> = panels
        .iter()
        .map(|p| {
            let first = p.rate.first().map_or(String::new(), |v| w.number(v.1, 1));
            let last = p.rate.last().map_or(String::new(), |v| w.number(v.1, 1));
            let b = if p.breaks.is_empty() { "no" } else { "yes" };
            w.say(
                "figure-multiples-panel",
                &[
                    ("name", A::T(p.title.clone())),
                    ("first", A::T(first)),
                    ("last", A::T(last)),
                    ("break", A::T(b.into())),
                ],
            )
        })
        .collect::<Result<_>>()?;
    let alt = w.say(
        "figure-multiples",
        &[
            ("title", A::T(text.title.clone())),
            ("n", A::N(panels.len() as f64)),
            ("measure", A::T(f.axis.to_lowercase())),
            ("panels", A::T(parts.join("; "))),
        ],
    )?;
    text.description = alt.clone();
    Ok((chart::small_multiples(&text, &panels)?, alt, data))
}
