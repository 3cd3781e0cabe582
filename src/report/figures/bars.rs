//! Ranked horizontal bars.

use super::*;

/// Ranked horizontal bars.
pub(super) fn draw(
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    (li, yi, ai): (usize, usize, Option<usize>),
    mut data: TableCtx,
) -> Result<Drawn> {
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
