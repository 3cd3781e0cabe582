//! Axes shared by the year-based charts: a vertical value axis with light
//! grey gridlines and thousands-separated labels, and a year axis with
//! integer labels thinned so they never touch.
//!
//! Takes the free region of a figure, the tick values and the year range;
//! returns the plot rectangle with its pixel mappings and draws the axis
//! furniture into the scene. It must never divide by an empty range (the
//! ticks always span a positive interval) and never draw outside the region.

use super::scene::Align;

use super::frame::Region;
use super::scene::Scene;
use super::theme::{self, TextKind, Ticks};

/// Plot rectangle of a chart with years across and values up.
pub struct YearPlot {
    pub x0: i32,
    pub x1: i32,
    /// Pixel row of the highest tick.
    pub top: i32,
    /// Pixel row of the lowest tick.
    pub bottom: i32,
    pub first_year: i32,
    pub last_year: i32,
    pub ticks: Ticks,
}

impl YearPlot {
    /// Lays out the plot inside `region`, leaving room for the axis label
    /// above, the tick labels on the left and the year labels below, and
    /// draws the axis label, gridlines and tick labels.
    pub fn new(
        scene: &mut Scene,
        region: Region,
        ticks: Ticks,
        y_label: &str,
        years: (i32, i32),
    ) -> YearPlot {
        let labels: Vec<String> = ticks
            .values
            .iter()
            .map(|v| super::number(*v, ticks.decimals))
            .collect();
        let label_width = labels
            .iter()
            .map(|l| theme::text_width(TextKind::Tick, l))
            .max()
            .unwrap_or(0);
        let mut top = region.y0 + TextKind::Tick.cap_middle() + 4;
        let y_label = y_label.trim();
        if !y_label.is_empty() {
            let max = region.x1 - region.x0;
            scene.text(
                theme::ellipsize(TextKind::Label, y_label, max),
                (region.x0, region.y0),
                TextKind::Label,
                theme::MUTED,
                Align::Left,
            );
            top += TextKind::Label.line_height() + 10;
        }
        let plot = YearPlot {
            x0: region.x0 + label_width + 12,
            x1: region.x1 - 8,
            top,
            bottom: (region.y1 - TextKind::Tick.line_height() - 10).max(top + 10),
            first_year: years.0.min(years.1),
            last_year: years.0.max(years.1),
            ticks,
        };
        for (value, label) in plot.ticks.values.iter().zip(labels) {
            let y = plot.y(*value);
            if *value != 0.0 {
                scene.hline(plot.x0, plot.x1, y, theme::GRID);
            }
            scene.text_mid(
                label,
                (plot.x0 - 10, y),
                TextKind::Tick,
                theme::MUTED,
                Align::Right,
            );
        }
        plot
    }

    /// Number of year slots; each year owns one slot of equal width.
    fn slots(&self) -> f64 {
        f64::from(self.last_year) - f64::from(self.first_year) + 1.0
    }

    pub fn slot_width(&self) -> f64 {
        f64::from(self.x1 - self.x0) / self.slots()
    }

    /// Pixel column of the middle of a year's slot.
    pub fn x(&self, year: i32) -> i32 {
        let offset = f64::from(year) - f64::from(self.first_year) + 0.5;
        self.x0 + (offset * self.slot_width()).round() as i32
    }

    pub fn y(&self, value: f64) -> i32 {
        let span = self.ticks.hi - self.ticks.lo;
        let share = if span > 0.0 {
            (value - self.ticks.lo) / span
        } else {
            0.0
        };
        self.bottom - (share * f64::from(self.bottom - self.top)).round() as i32
    }

    /// Zero, or the axis end nearest to it when the axis excludes zero.
    fn zero(&self) -> f64 {
        if self.ticks.lo > 0.0 {
            self.ticks.lo
        } else if self.ticks.hi < 0.0 {
            self.ticks.hi
        } else {
            0.0
        }
    }

    /// The zero line, drawn after the data so bars sit on it.
    pub fn baseline(&self, scene: &mut Scene) {
        scene.hline(self.x0, self.x1, self.y(self.zero()), theme::AXIS);
    }

    /// Year labels under the plot, thinned to every 2nd, 5th, … year when
    /// they would otherwise touch; `ticks` adds a short mark per label.
    pub fn year_labels(&self, scene: &mut Scene, ticks: bool) {
        let step = theme::year_label_step(self.slot_width());
        let axis = self.y(self.zero()).max(self.bottom);
        let first_labelled = if step == 1 {
            self.first_year
        } else {
            self.first_year
                .saturating_add((step - self.first_year.rem_euclid(step)) % step)
        };
        let mut years: Vec<i32> = (first_labelled..=self.last_year)
            .step_by(step.unsigned_abs() as usize)
            .collect();
        if years.is_empty() {
            years.push(self.first_year);
        }
        for year in years {
            let x = self.x(year);
            if ticks {
                scene.vline(x, axis, axis + 5, theme::AXIS);
            }
            scene.text(
                year.to_string(),
                (x, axis + 10),
                TextKind::Tick,
                theme::MUTED,
                Align::Center,
            );
        }
    }
}

/// Greyed "No data" message in the middle of an empty region.
pub fn no_data(scene: &mut Scene, region: Region, message: &str) {
    let center = ((region.x0 + region.x1) / 2, (region.y0 + region.y1) / 2);
    scene.text_mid(
        message,
        center,
        TextKind::Subtitle,
        theme::MUTED,
        Align::Center,
    );
}
