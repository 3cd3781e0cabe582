//! Layout of the bar charts: stacked bars per year (one segment per series,
//! integer count axis), stacked bars per category (labels wrapped under the
//! bars) and ranked horizontal bars with labels on the left and the value
//! plus annotation printed at each bar's end.
//!
//! Takes the figure texts and the bar data; returns the finished scene. It
//! must never let labels collide with bars or leave the canvas: the left
//! margin is sized from the measured labels and the value scale is shrunk
//! until the longest bar's printed value still fits on the right.

use super::scene::Align;

use super::axis::{self, YearPlot};
use super::frame::{Furniture, LegendItem, Region, Swatch};
use super::scene::Scene;
use super::theme::{self, HEIGHT, TextKind};
use super::{Bar, FigureText, RowCanvas, Series, check_year_span, fixed_canvas_height, row_canvas};

pub fn stacked(
    text: &FigureText,
    years: &[i32],
    series: &[Series],
    y_label: &str,
) -> Result<Scene, String> {
    let legend: Vec<LegendItem> = series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendItem {
            label: s.name.clone(),
            swatch: Swatch::Block(theme::palette(i)),
        })
        .collect();
    let furniture = Furniture::new(text, &legend);
    let height = fixed_canvas_height(&furniture, HEIGHT);
    let (mut scene, region) = furniture.into_scene(height);

    let mut years = years.to_vec();
    years.sort_unstable();
    years.dedup();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        axis::no_data(&mut scene, region, &text.words.no_data);
        return Ok(scene);
    };
    check_year_span(first, last)?;

    // values[s][y]: the first usable value a series gives for a year;
    // missing, negative or non-finite values count as nothing.
    let values: Vec<Vec<f64>> = series
        .iter()
        .map(|s| {
            years
                .iter()
                .map(|year| {
                    s.points
                        .iter()
                        .find(|(y, v)| y == year && v.is_finite())
                        .map_or(0.0, |(_, v)| v.max(0.0))
                })
                .collect()
        })
        .collect();
    let totals: Vec<f64> = (0..years.len())
        .map(|y| values.iter().map(|row| row[y]).sum())
        .collect();
    let max_total = totals.iter().copied().fold(0.0, f64::max);
    let ticks = theme::nice_ticks(0.0, max_total, true);

    let plot = YearPlot::new(&mut scene, region, ticks, y_label, (first, last));
    let slot = plot.slot_width();
    let bar_width = (slot * 0.7).clamp(1.0, 64.0).round() as i32;
    for (y, year) in years.iter().enumerate() {
        let cx = plot.x(*year);
        let x0 = cx - bar_width / 2;
        let mut cumulative = 0.0;
        for (s, row) in values.iter().enumerate() {
            let v = row[y];
            if v <= 0.0 {
                continue;
            }
            let top = plot.y(cumulative + v);
            let mut bottom = plot.y(cumulative);
            // A white hairline between segments keeps them apart in greyscale.
            if cumulative > 0.0 && bottom - top >= 3 {
                bottom -= 1;
            }
            scene.rect((x0, top), (x0 + bar_width, bottom), theme::palette(s));
            cumulative += v;
        }
        let label = super::number(totals[y], 0);
        if totals[y] > 0.0 && f64::from(theme::text_width(TextKind::Tick, &label)) <= slot - 2.0 {
            let baseline = plot.y(totals[y]) - 6;
            let top = baseline - (TextKind::Tick.size() / 2.0).round() as i32;
            scene.text(label, (cx, top), TextKind::Tick, theme::TEXT, Align::Center);
        }
    }
    plot.baseline(&mut scene);
    plot.year_labels(&mut scene, false);
    Ok(scene)
}

/// Most lines a category label under a bar may take.
const CATEGORY_LINES: usize = 3;

/// `name` wrapped to `width`, at most `CATEGORY_LINES` lines, the last one
/// shortened with "…" when more would be needed.
fn category_label(name: &str, width: i32) -> Vec<String> {
    let mut lines = theme::wrap(TextKind::Tick, name, width.max(1));
    if lines.len() > CATEGORY_LINES {
        let rest = lines.split_off(CATEGORY_LINES - 1).join(" ");
        lines.push(theme::ellipsize(TextKind::Tick, &rest, width.max(1)));
    }
    lines
}

pub fn by_category(
    text: &FigureText,
    categories: &[String],
    series: &[(String, Vec<f64>)],
    y_label: &str,
) -> Result<Scene, String> {
    let legend: Vec<LegendItem> = series
        .iter()
        .enumerate()
        .map(|(i, (name, _))| LegendItem {
            label: name.clone(),
            swatch: Swatch::Block(theme::palette(i)),
        })
        .collect();
    let furniture = Furniture::new(text, &legend);
    let height = fixed_canvas_height(&furniture, HEIGHT);
    let (mut scene, region) = furniture.into_scene(height);
    if categories.is_empty() {
        axis::no_data(&mut scene, region, &text.words.no_data);
        return Ok(scene);
    }

    // values[s][c], missing, negative or non-finite values as zero.
    let values: Vec<Vec<f64>> = series
        .iter()
        .map(|(_, row)| {
            (0..categories.len())
                .map(|c| {
                    row.get(c)
                        .copied()
                        .filter(|v| v.is_finite())
                        .map_or(0.0, |v| v.max(0.0))
                })
                .collect()
        })
        .collect();
    let whole = values.iter().flatten().all(|v| v.fract() == 0.0);
    let totals: Vec<f64> = (0..categories.len())
        .map(|c| values.iter().map(|row| row[c]).sum())
        .collect();
    let max_total = totals.iter().copied().fold(0.0, f64::max);
    let ticks = theme::nice_ticks(0.0, max_total, whole);
    let decimals = if whole { 0 } else { ticks.decimals.max(1) };

    // The slot width YearPlot will give each category, to wrap the labels.
    let tick_width = ticks
        .values
        .iter()
        .map(|v| theme::text_width(TextKind::Tick, &super::number(*v, ticks.decimals)))
        .max()
        .unwrap_or(0);
    let count = i32::try_from(categories.len()).unwrap_or(i32::MAX);
    let slot = (region.x1 - 8 - (region.x0 + tick_width + 12)) / count;
    let labels: Vec<Vec<String>> = categories
        .iter()
        .map(|c| category_label(c, slot - 6))
        .collect();
    let lines = labels.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let extra = i32::try_from(lines - 1).unwrap_or(0) * TextKind::Tick.line_height();
    let plot_region = Region {
        y1: region.y1 - extra,
        ..region
    };
    let last = i32::try_from(categories.len() - 1).unwrap_or(0);
    let plot = YearPlot::new(&mut scene, plot_region, ticks, y_label, (0, last));
    let slot = plot.slot_width();
    let bar_width = (slot * 0.6).clamp(1.0, 96.0).round() as i32;
    for (c, total) in totals.iter().enumerate() {
        let index = i32::try_from(c).unwrap_or(0);
        let cx = plot.x(index);
        let x0 = cx - bar_width / 2;
        let mut cumulative = 0.0;
        for (s, row) in values.iter().enumerate() {
            let v = row[c];
            if v <= 0.0 {
                continue;
            }
            let top = plot.y(cumulative + v);
            let mut bottom = plot.y(cumulative);
            if cumulative > 0.0 && bottom - top >= 3 {
                bottom -= 1;
            }
            scene.rect((x0, top), (x0 + bar_width, bottom), theme::palette(s));
            cumulative += v;
        }
        let label = super::number(*total, decimals);
        if *total > 0.0 && f64::from(theme::text_width(TextKind::Tick, &label)) <= slot - 2.0 {
            let baseline = plot.y(*total) - 6;
            let top = baseline - (TextKind::Tick.size() / 2.0).round() as i32;
            scene.text(label, (cx, top), TextKind::Tick, theme::TEXT, Align::Center);
        }
    }
    plot.baseline(&mut scene);
    let axis_y = plot.y(0.0).max(plot.bottom);
    for (c, lines) in labels.into_iter().enumerate() {
        let cx = plot.x(i32::try_from(c).unwrap_or(0));
        let mut y = axis_y + 10;
        for line in lines {
            scene.text(line, (cx, y), TextKind::Tick, theme::TEXT, Align::Center);
            y += TextKind::Tick.line_height();
        }
    }
    Ok(scene)
}

const MIN_ROW: i32 = 26;
const MAX_ROW: i32 = 38;
const MAX_BAR: i32 = 24;
const VALUE_GAP: i32 = 6;
const ANNOTATION_GAP: i32 = 5;

struct PreparedBar {
    label: String,
    value: Option<f64>,
    printed: String,
    annotation: String,
    /// Width of the printed value plus annotation.
    text_width: i32,
}

fn prepare(bar: &Bar, max_label: i32, no_value: &str) -> PreparedBar {
    let value = Some(bar.value).filter(|v| v.is_finite());
    let printed = value.map_or_else(|| no_value.to_string(), |v| super::number(v, 1));
    let annotation = bar.annotation.trim().to_string();
    let mut text_width = theme::text_width(TextKind::Label, &printed);
    if !annotation.is_empty() {
        text_width += ANNOTATION_GAP + theme::text_width(TextKind::Label, &annotation);
    }
    PreparedBar {
        label: theme::ellipsize(TextKind::Label, bar.label.trim(), max_label),
        value,
        printed,
        annotation,
        text_width,
    }
}

pub fn horizontal(text: &FigureText, bars: &[Bar], x_label: &str) -> Result<Scene, String> {
    let furniture = Furniture::new(text, &[]);
    let x_label = x_label.trim();
    let RowCanvas {
        mut scene,
        region,
        row,
        count,
    } = match row_canvas(furniture, x_label, bars.len(), (MIN_ROW, MAX_ROW), "bars")? {
        Ok(canvas) => canvas,
        Err(no_data) => return Ok(no_data),
    };

    let max_label = (region.x1 - region.x0) * 9 / 20;
    let prepared: Vec<PreparedBar> = bars
        .iter()
        .map(|b| prepare(b, max_label, &text.words.no_value))
        .collect();
    let label_width = prepared
        .iter()
        .map(|b| theme::text_width(TextKind::Label, &b.label))
        .max()
        .unwrap_or(0);
    let finite = prepared.iter().filter_map(|b| b.value);
    let lo = finite.clone().fold(f64::INFINITY, f64::min);
    let hi = finite.fold(f64::NEG_INFINITY, f64::max);
    let ticks = theme::nice_ticks(lo, hi, false);
    let span = ticks.hi - ticks.lo;
    let share = |v: f64| {
        if span > 0.0 {
            (v - ticks.lo) / span
        } else {
            0.0
        }
    };

    let x0 = region.x0 + label_width + 12;
    let available = region.x1 - x0;
    // Widest scale at which every printed value still ends inside the canvas.
    let width = prepared
        .iter()
        .map(|b| {
            let end = share(b.value.unwrap_or(0.0).max(0.0));
            if end > 0.0 {
                (f64::from(available - VALUE_GAP - b.text_width) / end).floor() as i32
            } else {
                available
            }
        })
        .fold(available, i32::min)
        .max(available.min(120));
    let x = |v: f64| x0 + (share(v) * f64::from(width)).round() as i32;
    let rows = Region {
        x0,
        y0: region.y0,
        x1: x0 + width,
        y1: region.y0 + row * count,
    };

    for value in &ticks.values {
        let gx = x(*value);
        if *value != 0.0 {
            scene.vline(gx, rows.y0, rows.y1, theme::GRID);
        }
        let label = super::number(*value, ticks.decimals);
        scene.text(
            label,
            (gx, rows.y1 + 10),
            TextKind::Tick,
            theme::MUTED,
            Align::Center,
        );
    }
    if !x_label.is_empty() {
        let y = rows.y1 + 20 + TextKind::Tick.line_height();
        let text = theme::ellipsize(TextKind::Label, x_label, region.x1 - region.x0);
        scene.text(
            text,
            ((rows.x0 + rows.x1) / 2, y),
            TextKind::Label,
            theme::MUTED,
            Align::Center,
        );
    }

    let thickness = (row * 2 / 3).min(MAX_BAR);
    let zero = x(0.0f64.max(ticks.lo).min(ticks.hi));
    for (i, bar) in prepared.into_iter().enumerate() {
        let cy = rows.y0 + row * i32::try_from(i).unwrap_or(0) + row / 2;
        scene.text_mid(
            bar.label,
            (x0 - 10, cy),
            TextKind::Label,
            theme::TEXT,
            Align::Right,
        );
        let end = bar.value.map_or(zero, &x);
        scene.rect(
            (zero.min(end), cy - thickness / 2),
            (zero.max(end), cy - thickness / 2 + thickness),
            theme::BAR,
        );
        let value_x = zero.max(end) + VALUE_GAP;
        let value_color = if bar.value.is_some() {
            theme::TEXT
        } else {
            theme::MUTED
        };
        let value_width = theme::text_width(TextKind::Label, &bar.printed);
        // Keep gridlines from running through the printed value.
        let half = row / 2 - 1;
        scene.rect(
            (value_x - 3, cy - half),
            (value_x + bar.text_width + 3, cy + half),
            theme::WHITE,
        );
        scene.text_mid(
            bar.printed,
            (value_x, cy),
            TextKind::Label,
            value_color,
            Align::Left,
        );
        scene.text_mid(
            bar.annotation,
            (value_x + value_width + ANNOTATION_GAP, cy),
            TextKind::Label,
            theme::MUTED,
            Align::Left,
        );
    }
    scene.vline(zero, rows.y0, rows.y1, theme::AXIS);
    Ok(scene)
}
