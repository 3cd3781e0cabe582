//! Layout of the dumbbell chart: one row per unit with a hollow circle at
//! the start value, a filled one at the end value and a line between them
//! coloured by the direction of change.
//!
//! Takes the figure texts, the rows, the names of the two markers and the
//! axis label; returns the finished scene. It must never let labels collide
//! with the rows or leave the canvas: the left margin is sized from the
//! measured labels and the value scale is shrunk until every row's flag
//! still fits on the right.

use plotters::style::RGBColor;

use super::frame::{Furniture, LegendItem, Swatch};
use super::scene::{Align, Scene};
use super::strip::within;
use super::theme::{self, TextKind};
use super::{Dumbbell, FigureText, RowCanvas, row_canvas};

const MIN_ROW: i32 = 22;
const MAX_ROW: i32 = 34;
/// Radius of both markers; the start ring is `RING` pixels wide.
const RADIUS: i32 = 6;
const RING: i32 = 2;
const LINE_WIDTH: u32 = 3;
const FLAG_GAP: i32 = 6;
const UP: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
const DOWN: RGBColor = RGBColor(0x00, 0x72, 0xB2);
const SAME: RGBColor = RGBColor(0x8C, 0x8C, 0x8C);
const GUIDE: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);

struct Prepared {
    label: String,
    start: Option<f64>,
    end: Option<f64>,
    flag: String,
}

impl Prepared {
    fn color(&self) -> RGBColor {
        match (self.start, self.end) {
            (Some(s), Some(e)) if e > s => UP,
            (Some(s), Some(e)) if e < s => DOWN,
            _ => SAME,
        }
    }

    fn right(&self) -> Option<f64> {
        match (self.start, self.end) {
            (Some(s), Some(e)) => Some(s.max(e)),
            (s, e) => s.or(e),
        }
    }
}

pub fn layout(
    text: &FigureText,
    rows: &[Dumbbell],
    start_name: &str,
    end_name: &str,
    x_label: &str,
) -> Result<Scene, String> {
    let finite = |v: f64| Some(v).filter(|v| v.is_finite());
    let width = theme::WIDTH - 2 * theme::MARGIN;
    let max_label = width * 9 / 20;
    let prepared: Vec<Prepared> = rows
        .iter()
        .map(|r| Prepared {
            label: theme::ellipsize(TextKind::Label, r.label.trim(), max_label),
            start: finite(r.start),
            end: finite(r.end),
            flag: theme::ellipsize(TextKind::Label, r.flag.trim(), width / 4),
        })
        .collect();

    let marker = |hollow| Swatch::Circle {
        color: theme::AXIS,
        radius: RADIUS,
        hollow,
    };
    let mut legend = vec![
        LegendItem {
            label: start_name.to_string(),
            swatch: marker(true),
        },
        LegendItem {
            label: end_name.to_string(),
            swatch: marker(false),
        },
    ];
    let both: Vec<&Prepared> = prepared
        .iter()
        .filter(|p| p.start.is_some() && p.end.is_some())
        .collect();
    let w = &text.words;
    for (color, label) in [(UP, &w.increase), (DOWN, &w.decrease), (SAME, &w.no_change)] {
        if both.iter().any(|p| p.color() == color) {
            legend.push(LegendItem {
                label: label.clone(),
                swatch: Swatch::Rule {
                    color,
                    width: LINE_WIDTH,
                },
            });
        }
    }
    legend.retain(|item| !item.label.trim().is_empty());

    let furniture = Furniture::new(text, &legend);
    let x_label = x_label.trim();
    let RowCanvas {
        mut scene,
        region,
        row,
        count,
    } = match row_canvas(
        furniture,
        x_label,
        prepared.len(),
        (MIN_ROW, MAX_ROW),
        "rows",
    )? {
        Ok(canvas) => canvas,
        Err(no_data) => return Ok(no_data),
    };

    let label_width = prepared
        .iter()
        .map(|p| theme::text_width(TextKind::Label, &p.label))
        .max()
        .unwrap_or(0);
    let values = prepared
        .iter()
        .flat_map(|p| p.start.into_iter().chain(p.end));
    let lo = values.clone().fold(f64::INFINITY, f64::min);
    let hi = values.fold(f64::NEG_INFINITY, f64::max);
    let ticks = theme::nice_ticks(lo, hi, false);
    let span = ticks.hi - ticks.lo;
    let share = |v: f64| {
        if span > 0.0 {
            ((v - ticks.lo) / span).clamp(0.0, 1.0)
        } else {
            0.0
        }
    };

    let x0 = region.x0 + label_width + 12 + RADIUS;
    let tick_room = ticks.values.last().map_or(0, |v| {
        theme::text_width(TextKind::Tick, &super::number(*v, ticks.decimals)) / 2
    });
    let available = (region.x1 - x0 - tick_room.max(RADIUS)).max(1);
    // Widest scale at which every row's flag still ends inside the canvas.
    let plot_width = prepared
        .iter()
        .map(|p| {
            let end = p.right().map_or(0.0, share);
            let flag = if p.flag.is_empty() {
                0
            } else {
                FLAG_GAP + theme::text_width(TextKind::Label, &p.flag)
            };
            if end > 0.0 {
                (f64::from(region.x1 - x0 - RADIUS - flag) / end).floor() as i32
            } else {
                available
            }
        })
        .fold(available, i32::min)
        .max(available.min(120));
    let x = |v: f64| x0 + (share(v) * f64::from(plot_width)).round() as i32;
    let top = region.y0;
    let bottom = top + row * count;

    for value in &ticks.values {
        let gx = x(*value);
        scene.vline(gx, top, bottom, theme::GRID);
        scene.text(
            super::number(*value, ticks.decimals),
            (gx, bottom + 10),
            TextKind::Tick,
            theme::MUTED,
            Align::Center,
        );
    }
    scene.hline(x0 - RADIUS, x0 + plot_width + 1, bottom, theme::AXIS);
    if !x_label.is_empty() {
        let y = bottom + 20 + TextKind::Tick.line_height();
        let text = theme::ellipsize(TextKind::Label, x_label, region.x1 - region.x0);
        let half = theme::text_width(TextKind::Label, &text) / 2;
        let centre = within(x0 + plot_width / 2, half, (region.x0, region.x1));
        scene.text(
            text,
            (centre, y),
            TextKind::Label,
            theme::MUTED,
            Align::Center,
        );
    }

    for (i, p) in prepared.into_iter().enumerate() {
        let cy = top + row * i32::try_from(i).unwrap_or(0) + row / 2;
        scene.hline(x0 - RADIUS, x0 + plot_width + 1, cy, GUIDE);
        scene.text_mid(
            &p.label,
            (region.x0 + label_width, cy),
            TextKind::Label,
            theme::TEXT,
            Align::Right,
        );
        let color = p.color();
        let start = p.start.map(&x);
        let end = p.end.map(&x);
        match (start, end) {
            (Some(s), Some(e)) if (s - e).abs() <= 2 => {
                scene.ring((s, cy), RADIUS + 1, RING, color);
                scene.circle((e, cy), RADIUS - RING - 1, color);
            }
            _ => {
                if let (Some(s), Some(e)) = (start, end) {
                    scene.line(vec![(s, cy), (e, cy)], color, LINE_WIDTH);
                }
                if let Some(s) = start {
                    scene.ring((s, cy), RADIUS, RING, color);
                }
                if let Some(e) = end {
                    scene.circle((e, cy), RADIUS, color);
                }
            }
        }
        let after = match p.right() {
            Some(v) => x(v) + RADIUS + FLAG_GAP,
            None => {
                scene.text_mid(
                    "no data",
                    (x0, cy),
                    TextKind::Label,
                    theme::MUTED,
                    Align::Left,
                );
                x0 + theme::text_width(TextKind::Label, "no data") + FLAG_GAP
            }
        };
        let room = region.x1 - after;
        if room >= theme::text_width(TextKind::Label, "…") {
            scene.text_mid(
                theme::ellipsize(TextKind::Label, &p.flag, room),
                (after, cy),
                TextKind::Label,
                theme::MUTED,
                Align::Left,
            );
        }
    }
    Ok(scene)
}
