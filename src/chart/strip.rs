//! Layout of the dot strip on a logarithmic axis: one row per group, one
//! translucent dot per unit, the group median as a labelled bar, and a
//! separate "0" column for values a log axis cannot show.
//!
//! Takes the figure texts, the groups, the dots and the medians; returns the
//! finished scene. It must never take the logarithm of a value ≤ 0 (those go
//! to the "0" column, counted in an automatic note), never let a label leave
//! the canvas (the axis is shrunk, or the label shortened, so that each
//! row's top label fits on the right) and never let dots spill into the
//! next row: the vertical jitter is bounded by the row's band.

use plotters::style::RGBColor;

use super::frame::Furniture;
use super::scene::{Align, Scene};
use super::theme::{self, TextKind};
use super::{Dot, FigureText, RowCanvas, row_canvas};

const MIN_ROW: i32 = 64;
const MAX_ROW: i32 = 96;
const DOT_RADIUS: i32 = 6;
const DOT_ALPHA: f64 = 0.45;
const DOT_COLOR: RGBColor = theme::BAR;
/// Width of the "0" column and its gap to the log axis.
const ZERO_COLUMN: i32 = 30;
const ZERO_GAP: i32 = 18;
/// Most decades the axis spans; smaller values are drawn at its left end.
const MAX_DECADES: i32 = 12;
const LABEL_GAP: i32 = 6;
const MINOR_GRID: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);

/// `text` with the note about values drawn in the "0" column appended
/// when there are any.
pub fn with_zero_note(text: &FigureText, dots: &[Dot]) -> FigureText {
    let zeros = dots
        .iter()
        .filter(|d| d.value.is_finite() && d.value <= 0.0)
        .count();
    let mut text = text.clone();
    match zeros {
        0 => {}
        1 => text
            .notes
            .push("1 unit with a rate of 0 shown at left".to_string()),
        n => text
            .notes
            .push(format!("{n} units with a rate of 0 shown at left")),
    }
    text
}

/// A value printed with at least two significant digits and one decimal
/// below 100 ("0.042", "0.42", "4.2", "42.0", "420").
pub fn plain(value: f64) -> String {
    if !value.is_finite() || value <= 0.0 || value >= 100.0 {
        return super::number(value, 0);
    }
    let decimals = (1.0 - value.log10().floor()).clamp(1.0, 6.0) as usize;
    super::number(value, decimals)
}

/// The centre nearest to `x` for a text `2 × half` wide that keeps it
/// inside `lo..=hi` (its left end at `lo` when it is wider than that).
pub fn within(x: i32, half: i32, (lo, hi): (i32, i32)) -> i32 {
    x.min(hi - half).max(lo + half)
}

/// A decade printed plainly: "0.01", "1", "1,000".
fn decade_label(exponent: i32) -> String {
    let value = 10f64.powi(exponent);
    let decimals = usize::try_from(-exponent).unwrap_or(0);
    super::number(value, decimals)
}

struct Row {
    name: String,
    /// Finite positive values with their labels, ascending.
    positive: Vec<(f64, String)>,
    zeros: usize,
    median: Option<f64>,
}

fn rows(groups: &[String], dots: &[Dot], medians: &[(String, f64)]) -> Vec<Row> {
    let mut names: Vec<&str> = Vec::new();
    for name in groups
        .iter()
        .map(String::as_str)
        .chain(dots.iter().map(|d| d.group.as_str()))
    {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
        .into_iter()
        .map(|name| {
            let mine = dots
                .iter()
                .filter(|d| d.group == name && d.value.is_finite());
            let mut positive: Vec<(f64, String)> = mine
                .clone()
                .filter(|d| d.value > 0.0)
                .map(|d| (d.value, d.label.trim().to_string()))
                .collect();
            positive.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
            Row {
                name: name.trim().to_string(),
                positive,
                zeros: mine.filter(|d| d.value <= 0.0).count(),
                median: medians
                    .iter()
                    .find(|(group, v)| group == name && v.is_finite())
                    .map(|(_, v)| *v),
            }
        })
        .collect()
}

/// Vertical offsets for dots at the given pixel columns (ascending), each
/// as close to the row's middle as it can be without sitting on an
/// earlier dot, and never further than `reach` from the middle.
fn swarm(xs: &[i32], reach: i32) -> Vec<i32> {
    let step = 3;
    let candidates: Vec<i32> = std::iter::once(0)
        .chain((1..=reach.max(0) / step).flat_map(|k| [-k * step, k * step]))
        .collect();
    let wanted = f64::from(DOT_RADIUS) * 1.6;
    let mut placed: Vec<(i32, i32)> = Vec::with_capacity(xs.len());
    let mut offsets = Vec::with_capacity(xs.len());
    for &x in xs {
        let clearance = |dy: i32| {
            placed
                .iter()
                .rev()
                .take_while(|(px, _)| x - px < 2 * DOT_RADIUS + 2)
                .map(|(px, py)| f64::from(x - px).hypot(f64::from(dy - py)))
                .fold(f64::INFINITY, f64::min)
        };
        let dy = candidates
            .iter()
            .copied()
            .find(|&dy| clearance(dy) >= wanted)
            .unwrap_or_else(|| {
                // Crowded: take the spot with the most room, the first on ties.
                let mut best = (0, f64::NEG_INFINITY);
                for &dy in &candidates {
                    let room = clearance(dy);
                    if room > best.1 {
                        best = (dy, room);
                    }
                }
                best.0
            });
        placed.push((x, dy));
        offsets.push(dy);
    }
    offsets
}

/// The log axis: decades `lo..=hi` over pixels `x0..=x0 + width`.
struct LogAxis {
    lo: i32,
    hi: i32,
    x0: i32,
    width: i32,
}

impl LogAxis {
    fn share(&self, value: f64) -> f64 {
        let span = f64::from(self.hi - self.lo);
        ((value.log10() - f64::from(self.lo)) / span).clamp(0.0, 1.0)
    }

    fn x(&self, value: f64) -> i32 {
        self.x0 + (self.share(value) * f64::from(self.width)).round() as i32
    }
}

pub fn layout(
    text: &FigureText,
    groups: &[String],
    dots: &[Dot],
    medians: &[(String, f64)],
    x_label: &str,
) -> Result<Scene, String> {
    let rows = rows(groups, dots, medians);
    let furniture = Furniture::new(text, &[]);
    let x_label = x_label.trim();
    let RowCanvas {
        mut scene,
        region,
        row,
        count,
    } = match row_canvas(furniture, x_label, rows.len(), (MIN_ROW, MAX_ROW), "groups")? {
        Ok(canvas) => canvas,
        Err(no_data) => return Ok(no_data),
    };

    // Decades covering every positive value and median.
    let positives = rows.iter().flat_map(|r| {
        r.positive
            .iter()
            .map(|(v, _)| *v)
            .chain(r.median.filter(|m| *m > 0.0))
    });
    let min = positives.clone().fold(f64::INFINITY, f64::min);
    let max = positives.fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if min.is_finite() && max.is_finite() {
        let hi = (max.log10().ceil() as i32).clamp(-300, 300);
        let lo = (min.log10().floor() as i32).clamp(hi - MAX_DECADES, hi);
        (lo, if hi > lo { hi } else { lo + 1 })
    } else {
        (0, 1)
    };

    let max_label = (region.x1 - region.x0) * 3 / 10;
    let names: Vec<String> = rows
        .iter()
        .map(|r| theme::ellipsize(TextKind::Label, &r.name, max_label))
        .collect();
    let label_width = names
        .iter()
        .map(|n| theme::text_width(TextKind::Label, n))
        .max()
        .unwrap_or(0);
    let any_zero = rows
        .iter()
        .any(|r| r.zeros > 0 || r.median.is_some_and(|m| m <= 0.0));
    let zero_x = region.x0 + label_width + 12 + ZERO_COLUMN / 2;
    let x0 = if any_zero {
        // Far enough right that the first decade's label clears the "0".
        let first_half = theme::text_width(TextKind::Tick, &decade_label(lo)) / 2;
        let zero_half = theme::text_width(TextKind::Tick, "0") / 2;
        (region.x0 + label_width + 12 + ZERO_COLUMN + ZERO_GAP)
            .max(zero_x + zero_half + 12 + first_half)
    } else {
        region.x0 + label_width + 12 + DOT_RADIUS + 2
    };
    // Room for the last decade's label to the right of the axis.
    let last_label = theme::text_width(TextKind::Tick, &decade_label(hi));
    let available = (region.x1 - x0 - (last_label / 2).max(DOT_RADIUS + 2)).max(1);
    let probe = LogAxis {
        lo,
        hi,
        x0,
        width: available,
    };
    // Widest axis on which every row's top label still fits on the right.
    let floor = available * 3 / 5;
    let width = rows
        .iter()
        .filter_map(|r| r.positive.last())
        .filter(|(_, label)| !label.is_empty())
        .map(|(v, label)| {
            let need = DOT_RADIUS + LABEL_GAP + theme::text_width(TextKind::Label, label);
            let share = probe.share(*v);
            if share > 0.0 {
                (f64::from(region.x1 - x0 - need) / share).floor() as i32
            } else {
                available
            }
        })
        .fold(available, i32::min)
        .max(floor);
    let axis = LogAxis { width, ..probe };

    let top = region.y0;
    let bottom = top + row * count;
    // Gridlines: faint at 2…9 × 10ⁿ, grey at each decade.
    for exponent in lo..hi {
        for k in 2..=9 {
            let x = axis.x(f64::from(k) * 10f64.powi(exponent));
            scene.vline(x, top, bottom, MINOR_GRID);
        }
    }
    let label_step = {
        let widest = (lo..=hi)
            .map(|e| theme::text_width(TextKind::Tick, &decade_label(e)))
            .max()
            .unwrap_or(0);
        let decade = f64::from(width) / f64::from(hi - lo);
        (1..=MAX_DECADES)
            .find(|&k| f64::from(k) * decade >= f64::from(widest + 12))
            .unwrap_or(MAX_DECADES)
    };
    for exponent in lo..=hi {
        let x = axis.x(10f64.powi(exponent));
        scene.vline(x, top, bottom, theme::GRID);
        if (exponent - lo) % label_step == 0 {
            scene.text(
                decade_label(exponent),
                (x, bottom + 10),
                TextKind::Tick,
                theme::MUTED,
                Align::Center,
            );
        }
    }
    scene.hline(
        axis.x0 - DOT_RADIUS - 2,
        axis.x0 + width + 1,
        bottom,
        theme::AXIS,
    );
    if any_zero {
        scene.hline(
            zero_x - ZERO_COLUMN / 2,
            zero_x + ZERO_COLUMN / 2,
            bottom,
            theme::AXIS,
        );
        scene.text(
            "0",
            (zero_x, bottom + 10),
            TextKind::Tick,
            theme::MUTED,
            Align::Center,
        );
        // Axis break: two short slashes between the "0" column and the axis.
        let bx = (zero_x + ZERO_COLUMN / 2 + axis.x0 - DOT_RADIUS - 2) / 2;
        for dx in [-3, 3] {
            scene.line(
                vec![(bx + dx - 3, bottom + 5), (bx + dx + 3, bottom - 5)],
                theme::AXIS,
                1,
            );
        }
    }
    if !x_label.is_empty() {
        let y = bottom + 20 + TextKind::Tick.line_height();
        let text = theme::ellipsize(TextKind::Label, x_label, region.x1 - region.x0);
        let centre = (axis.x0 + axis.x0 + width) / 2;
        let half = theme::text_width(TextKind::Label, &text) / 2;
        let centre = within(centre, half, (region.x0, region.x1));
        scene.text(
            text,
            (centre, y),
            TextKind::Label,
            theme::MUTED,
            Align::Center,
        );
    }

    let label_line = TextKind::Tick.line_height();
    for (i, (r, name)) in rows.iter().zip(names).enumerate() {
        let row_top = top + row * i32::try_from(i).unwrap_or(0);
        // The median's label on top, then the band the dots live in.
        let band_top = row_top + label_line + 6;
        let band_bottom = row_top + row - 4;
        let cy = (band_top + band_bottom) / 2;
        let reach = (band_bottom - band_top) / 2 - DOT_RADIUS - 1;
        scene.hline(
            axis.x0 - DOT_RADIUS - 2,
            axis.x0 + width + 1,
            cy,
            theme::GRID,
        );
        scene.text_mid(
            name,
            (region.x0 + label_width, cy),
            TextKind::Label,
            theme::TEXT,
            Align::Right,
        );
        if r.positive.is_empty() && r.zeros == 0 {
            scene.text_mid(
                "no data",
                (axis.x0, cy),
                TextKind::Label,
                theme::MUTED,
                Align::Left,
            );
        }

        let xs: Vec<i32> = r.positive.iter().map(|(v, _)| axis.x(*v)).collect();
        for (x, dy) in xs.iter().zip(swarm(&xs, reach)) {
            scene.disc((*x, cy + dy), DOT_RADIUS, DOT_COLOR, DOT_ALPHA);
        }
        let zero_xs = vec![zero_x; r.zeros];
        for dy in swarm(&zero_xs, reach) {
            scene.ring((zero_x, cy + dy), DOT_RADIUS, 2, DOT_COLOR);
        }

        let median_x = r.median.map(|m| if m > 0.0 { axis.x(m) } else { zero_x });
        if let (Some(median), Some(mx)) = (r.median, median_x) {
            scene.rect((mx - 1, band_top), (mx + 2, band_bottom), theme::TEXT);
            let left = region.x0 + label_width + 12;
            let label = format!("Median {}", plain(median.max(0.0)));
            let label = theme::ellipsize(TextKind::Tick, &label, region.x1 - left);
            let half = theme::text_width(TextKind::Tick, &label) / 2;
            let lx = within(mx, half, (left, region.x1));
            scene.text(
                label,
                (lx, row_top + 3),
                TextKind::Tick,
                theme::TEXT,
                Align::Center,
            );
        }
        if let Some((v, label)) = r.positive.last() {
            let mut lx = axis.x(*v) + DOT_RADIUS + LABEL_GAP;
            // A median beyond the top unit (given by the caller): go past it.
            if let Some(mx) = median_x.filter(|mx| mx + 2 >= lx - LABEL_GAP) {
                lx = lx.max(mx + 2 + LABEL_GAP);
            }
            let room = region.x1 - lx;
            if room >= 24 {
                scene.text_mid(
                    theme::ellipsize(TextKind::Label, label, room),
                    (lx, cy),
                    TextKind::Label,
                    theme::MUTED,
                    Align::Left,
                );
            }
        }
    }
    Ok(scene)
}
