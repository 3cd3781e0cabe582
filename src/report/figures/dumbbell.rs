//! Two values per unit joined by a line.

use super::*;

/// Two values per unit joined by a line.
pub(super) fn draw(
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    (li, si, ei, ai): (usize, usize, usize, Option<usize>),
    names: &(String, String),
    mut data: TableCtx,
    w: &Fw,
) -> Result<Drawn> {
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
        w.heading("country")?,
        names.0.clone(),
        names.1.clone(),
        w.heading("flag")?,
    ];
    data.rows = rows
        .iter()
        .map(|d| {
            vec![
                d.label.clone(),
                w.number(d.start, 1),
                w.number(d.end, 1),
                d.flag.clone(),
            ]
        })
        .collect();
    let up = rows.iter().filter(|d| d.end > d.start).count();
    let down = rows.iter().filter(|d| d.end < d.start).count();
    let alt = w.say(
        "figure-dumbbell",
        &[
            ("title", A::T(text.title.clone())),
            ("n", A::N(rows.len() as f64)),
            ("start", A::T(names.0.clone())),
            ("end", A::T(names.1.clone())),
            ("up", A::N(up as f64)),
            ("down", A::N(down as f64)),
            (
                "first",
                A::T(rows.first().map_or(String::new(), |d| d.label.clone())),
            ),
            (
                "has_first",
                A::T(if rows.is_empty() { "no" } else { "yes" }.into()),
            ),
        ],
    )?;
    text.description = alt.clone();
    Ok((
        chart::dumbbell(&text, &rows, &names.0, &names.1, &f.axis)?,
        alt,
        data,
    ))
}
