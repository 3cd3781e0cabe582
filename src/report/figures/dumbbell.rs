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
