//! Layout of the small multiples: a grid of small line charts, four to a
//! row, sharing the year range but each with its own value axis from 0.
//!
//! Takes the figure texts and the panels; returns the finished scene. It
//! must never bridge a missing year with a line (each run of consecutive
//! years is its own polyline, for the rate and the moving average alike),
//! never let a panel title run into the next panel (titles are shortened
//! with "…") and never draw outside a panel's cell.

use plotters::style::RGBColor;

use super::axis;
use super::frame::{Furniture, LegendItem, Region, Swatch};
use super::lines::{clean, runs};
use super::scene::{Align, Marker, Scene};
use super::theme::{self, HEIGHT, TextKind, Ticks};
use super::{FigureText, MAX_HEIGHT, Panel, check_year_span, fixed_canvas_height};

const COLUMNS: usize = 4;
const H_GAP: i32 = 28;
const V_GAP: i32 = 24;
/// From a panel's top to its highest gridline: title, then room for "b".
const PLOT_TOP: i32 = 36;
/// Highest to lowest gridline.
const PLOT_HEIGHT: i32 = 112;
/// Below the lowest gridline: the first and last year.
const YEARS_BELOW: i32 = 8;
const PANEL_HEIGHT: i32 = PLOT_TOP + PLOT_HEIGHT + YEARS_BELOW + 17;
const RATE: RGBColor = theme::BAR;
const AVERAGE: RGBColor = theme::TEXT;
const BREAK: RGBColor = theme::MUTED;
const RATE_WIDTH: u32 = 2;
const AVERAGE_WIDTH: u32 = 2;
const MARKER_RADIUS: i32 = 2;
const DASH: (i32, i32) = (5, 4);

/// Round ticks from 0 with at most four intervals, so that small panels
/// keep their labels apart.
fn panel_ticks(hi: f64) -> Ticks {
    let mut ticks = theme::nice_ticks(0.0, hi, false);
    while ticks.values.len() > 5 {
        let step = (ticks.values[1] - ticks.values[0]) * 2.0;
        let last = (ticks.hi / step).ceil();
        let count = (last as usize).clamp(1, 100);
        ticks.values = (0..=count).map(|k| k as f64 * step).collect();
        ticks.hi = ticks.values[ticks.values.len() - 1];
    }
    ticks
}

struct Cleaned<'a> {
    title: &'a str,
    rate: Vec<(i32, f64)>,
    average: Vec<(i32, f64)>,
    breaks: Vec<i32>,
}

pub fn layout(text: &FigureText, panels: &[Panel]) -> Result<Scene, String> {
    let cleaned: Vec<Cleaned> = panels
        .iter()
        .map(|p| {
            let mut breaks = p.breaks.clone();
            breaks.sort_unstable();
            breaks.dedup();
            Cleaned {
                title: p.title.trim(),
                rate: clean(&p.rate),
                average: clean(&p.moving_average),
                breaks,
            }
        })
        .collect();
    let years = cleaned
        .iter()
        .flat_map(|p| p.rate.iter().chain(&p.average).map(|(y, _)| *y));
    let range = years.clone().min().zip(years.max());
    if let Some((first, last)) = range {
        check_year_span(first, last)?;
    }

    let mut legend = vec![LegendItem {
        label: text.words.rate.clone(),
        swatch: Swatch::Line {
            color: RATE,
            width: RATE_WIDTH,
            marker: Marker::Circle,
            radius: MARKER_RADIUS + 1,
        },
    }];
    if cleaned.iter().any(|p| !p.average.is_empty()) {
        legend.push(LegendItem {
            label: text.words.moving_average.clone(),
            swatch: Swatch::Dashed {
                color: AVERAGE,
                width: AVERAGE_WIDTH,
            },
        });
    }
    let in_range = |year: &i32| range.is_some_and(|(first, last)| *year > first && *year <= last);
    if cleaned.iter().any(|p| p.breaks.iter().any(in_range)) {
        legend.push(LegendItem {
            label: text.words.series_break.clone(),
            swatch: Swatch::Dotted(BREAK),
        });
    }
    let furniture = Furniture::new(text, &legend);

    let (Some((first, last)), false) = (range, cleaned.is_empty()) else {
        let height = fixed_canvas_height(&furniture, HEIGHT);
        let (mut scene, region) = furniture.into_scene(height);
        axis::no_data(&mut scene, region, &text.words.no_data);
        return Ok(scene);
    };
    let grid_rows = i32::try_from(cleaned.len().div_ceil(COLUMNS)).unwrap_or(i32::MAX);
    let body = grid_rows
        .checked_mul(PANEL_HEIGHT + V_GAP)
        .map(|h| h - V_GAP)
        .unwrap_or(i32::MAX);
    let height = body
        .checked_add(furniture.header_height() + furniture.footer_height())
        .filter(|&h| h <= MAX_HEIGHT)
        .ok_or_else(|| {
            format!(
                "{} panels do not fit in a figure of at most {MAX_HEIGHT} pixels",
                cleaned.len()
            )
        })?;
    let (mut scene, region) = furniture.into_scene(height);

    let ticks: Vec<Ticks> = cleaned
        .iter()
        .map(|p| {
            let hi = p
                .rate
                .iter()
                .chain(&p.average)
                .map(|(_, v)| *v)
                .fold(0.0, f64::max);
            panel_ticks(hi)
        })
        .collect();
    // One width for every panel's value labels, so that the plots align.
    let tick_width = ticks
        .iter()
        .flat_map(|t| {
            t.values
                .iter()
                .map(|v| theme::text_width(TextKind::Tick, &super::number(*v, t.decimals)))
        })
        .max()
        .unwrap_or(0);
    let columns = COLUMNS as i32;
    let cell_width = (region.x1 - region.x0 - (columns - 1) * H_GAP) / columns;

    for (index, (panel, ticks)) in cleaned.iter().zip(ticks).enumerate() {
        let (col, grid_row) = (
            i32::try_from(index % COLUMNS).unwrap_or(0),
            i32::try_from(index / COLUMNS).unwrap_or(0),
        );
        let cell = Region {
            x0: region.x0 + col * (cell_width + H_GAP),
            y0: region.y0 + grid_row * (PANEL_HEIGHT + V_GAP),
            x1: region.x0 + col * (cell_width + H_GAP) + cell_width,
            y1: region.y0 + grid_row * (PANEL_HEIGHT + V_GAP) + PANEL_HEIGHT,
        };
        draw_panel(
            &mut scene,
            (cell, &text.words.no_data_short),
            panel,
            &ticks,
            tick_width,
            (first, last),
        );
    }
    Ok(scene)
}

fn draw_panel(
    scene: &mut Scene,
    (cell, no_data): (Region, &str),
    panel: &Cleaned,
    ticks: &Ticks,
    tick_width: i32,
    (first, last): (i32, i32),
) {
    scene.text(
        theme::ellipsize(TextKind::Label, panel.title, cell.x1 - cell.x0),
        (cell.x0, cell.y0),
        TextKind::Label,
        theme::TEXT,
        Align::Left,
    );
    let x0 = cell.x0 + tick_width + 6;
    let x1 = cell.x1;
    let top = cell.y0 + PLOT_TOP;
    let bottom = top + PLOT_HEIGHT;
    let span = ticks.hi - ticks.lo;
    let y = |v: f64| {
        let share = if span > 0.0 {
            ((v - ticks.lo) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        bottom - (share * f64::from(PLOT_HEIGHT)).round() as i32
    };
    let slots = f64::from(last) - f64::from(first) + 1.0;
    let slot = f64::from(x1 - x0) / slots;
    let edge = |year: i32| x0 + ((f64::from(year) - f64::from(first)) * slot).round() as i32;
    let x = |year: i32| x0 + ((f64::from(year) - f64::from(first) + 0.5) * slot).round() as i32;

    let empty = panel.rate.is_empty() && panel.average.is_empty();
    if empty {
        scene.hline(x0, x1, bottom, theme::AXIS);
    }
    for value in ticks.values.iter().filter(|_| !empty) {
        let gy = y(*value);
        scene.hline(
            x0,
            x1,
            gy,
            if *value == 0.0 {
                theme::AXIS
            } else {
                theme::GRID
            },
        );
        scene.text_mid(
            super::number(*value, ticks.decimals),
            (x0 - 6, gy),
            TextKind::Tick,
            theme::MUTED,
            Align::Right,
        );
    }
    let year_top = bottom + YEARS_BELOW;
    if first == last {
        scene.text(
            first.to_string(),
            (x(first), year_top),
            TextKind::Tick,
            theme::MUTED,
            Align::Center,
        );
    } else {
        scene.text(
            first.to_string(),
            (x0, year_top),
            TextKind::Tick,
            theme::MUTED,
            Align::Left,
        );
        scene.text(
            last.to_string(),
            (x1, year_top),
            TextKind::Tick,
            theme::MUTED,
            Align::Right,
        );
    }
    for &year in &panel.breaks {
        if year <= first || year > last {
            continue;
        }
        let bx = edge(year);
        scene.dotted_vline(bx, top - 14, bottom, BREAK);
        // "b" to the right of the line, or to its left at the panel's end.
        if bx + 4 + theme::text_width(TextKind::Tick, "b") <= x1 {
            scene.text_mid("b", (bx + 4, top - 10), TextKind::Tick, BREAK, Align::Left);
        } else {
            scene.text_mid("b", (bx - 3, top - 10), TextKind::Tick, BREAK, Align::Right);
        }
    }
    if empty {
        scene.text_mid(
            no_data,
            ((x0 + x1) / 2, (top + bottom) / 2),
            TextKind::Tick,
            theme::MUTED,
            Align::Center,
        );
        return;
    }
    for run in runs(&panel.rate) {
        let path = run.iter().map(|(year, v)| (x(*year), y(*v))).collect();
        scene.line(path, RATE, RATE_WIDTH);
    }
    for run in runs(&panel.average) {
        let path: Vec<(i32, i32)> = run.iter().map(|(year, v)| (x(*year), y(*v))).collect();
        scene.dashed(&path, AVERAGE, AVERAGE_WIDTH, DASH);
    }
    for (year, v) in &panel.rate {
        scene.marker(Marker::Circle, (x(*year), y(*v)), MARKER_RADIUS, RATE);
    }
}
