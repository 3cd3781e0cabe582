//! Ranked horizontal bars.

use super::*;

/// Ranked horizontal bars.
pub(super) fn draw(
    f: &FigureSpec,
    mut text: FigureText,
    table: &Table,
    (li, yi, ai): (usize, usize, Option<usize>),
    mut data: TableCtx,
    w: &Fw,
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
    data.headers = vec![w.heading("country")?, f.axis.clone(), w.heading("note")?];
    data.rows = bars
        .iter()
        .map(|b| vec![b.label.clone(), w.number(b.value, 1), b.annotation.clone()])
        .collect();
    let alt = match (bars.first(), bars.last()) {
        (Some(hi), Some(lo)) => w.say(
            "figure-bars",
            &[
                ("title", A::T(text.title.clone())),
                ("n", A::N(bars.len() as f64)),
                ("measure", A::T(f.axis.to_lowercase())),
                ("hi_label", A::T(hi.label.clone())),
                ("hi", A::T(w.number(hi.value, 1))),
                ("lo_label", A::T(lo.label.clone())),
                ("lo", A::T(w.number(lo.value, 1))),
            ],
        )?,
        _ => w.say("figure-no-data", &[("title", A::T(text.title.clone()))])?,
    };
    text.description = alt.clone();
    Ok((chart::horizontal_bars(&text, &bars, &f.axis)?, alt, data))
}
