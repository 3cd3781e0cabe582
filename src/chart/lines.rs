//! Layout of the line chart: one line per series over the years, a marker
//! shape per series so lines stay apart in greyscale, and an optional total
//! drawn thicker in black.
//!
//! Takes the figure texts, the series and the value-axis label; returns the
//! finished scene. It must never bridge a missing year (or a non-finite
//! value) with a line: each run of consecutive years is its own polyline,
//! and a lone point is shown as a marker only.

use super::axis::{self, YearPlot};
use super::frame::{Furniture, LegendItem, Swatch};
use super::scene::{Marker, Scene};
use super::theme::{self, HEIGHT};
use super::{FigureText, Series, check_year_span, fixed_canvas_height};

const LINE_WIDTH: u32 = 2;
const TOTAL_WIDTH: u32 = 4;
const MARKER_RADIUS: i32 = 5;

/// A series is treated as the "all countries" total when it is the last of
/// several and its name says so.
pub fn is_total(index: usize, count: usize, name: &str) -> bool {
    let name = name.trim().to_lowercase();
    let named_total = ["all", "total", "world", "global", "overall"]
        .iter()
        .any(|word| {
            name.strip_prefix(word)
                .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        });
    count > 1 && index + 1 == count && named_total
}

struct Styled<'a> {
    name: &'a str,
    points: Vec<(i32, f64)>,
    color: plotters::style::RGBColor,
    width: u32,
    marker: Marker,
    radius: i32,
}

/// Finite points sorted by year, one per year (the first one given wins).
pub fn clean(points: &[(i32, f64)]) -> Vec<(i32, f64)> {
    let mut kept: Vec<(i32, f64)> = points
        .iter()
        .copied()
        .filter(|(_, v)| v.is_finite())
        .collect();
    kept.sort_by_key(|(year, _)| *year);
    kept.dedup_by_key(|(year, _)| *year);
    kept
}

/// Splits sorted points into runs of consecutive years.
pub fn runs(points: &[(i32, f64)]) -> Vec<&[(i32, f64)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=points.len() {
        let breaks = i == points.len() || i64::from(points[i].0) - i64::from(points[i - 1].0) != 1;
        if breaks {
            out.push(&points[start..i]);
            start = i;
        }
    }
    out
}

pub fn layout(text: &FigureText, series: &[Series], y_label: &str) -> Result<Scene, String> {
    let count = series.len();
    let styled: Vec<Styled> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let total = is_total(i, count, &s.name);
            Styled {
                name: &s.name,
                points: clean(&s.points),
                color: if total {
                    theme::TOTAL
                } else {
                    theme::palette(i)
                },
                width: if total { TOTAL_WIDTH } else { LINE_WIDTH },
                marker: Marker::nth(i),
                radius: if total {
                    MARKER_RADIUS + 1
                } else {
                    MARKER_RADIUS
                },
            }
        })
        .collect();
    let legend: Vec<LegendItem> = styled
        .iter()
        .map(|s| LegendItem {
            label: s.name.to_string(),
            swatch: Swatch::Line {
                color: s.color,
                width: s.width,
                marker: s.marker,
                radius: s.radius,
            },
        })
        .collect();

    let furniture = Furniture::new(text, &legend);
    let height = fixed_canvas_height(&furniture, HEIGHT);
    let (mut scene, region) = furniture.into_scene(height);

    let all = styled.iter().flat_map(|s| s.points.iter());
    let years = all.clone().map(|(y, _)| *y);
    let (Some(first), Some(last)) = (years.clone().min(), years.max()) else {
        axis::no_data(&mut scene, region, &text.words.no_data);
        return Ok(scene);
    };
    check_year_span(first, last)?;
    let values = all.map(|(_, v)| *v);
    let lo = values.clone().fold(f64::INFINITY, f64::min);
    let hi = values.fold(f64::NEG_INFINITY, f64::max);
    let ticks = theme::nice_ticks(lo, hi, false);

    let plot = YearPlot::new(&mut scene, region, ticks, y_label, (first, last));
    plot.baseline(&mut scene);
    plot.year_labels(&mut scene, true);
    // Lines first, then markers, so no line crosses over a marker.
    for s in &styled {
        for run in runs(&s.points) {
            let path = run
                .iter()
                .map(|(year, v)| (plot.x(*year), plot.y(*v)))
                .collect();
            scene.line(path, s.color, s.width);
        }
    }
    for s in &styled {
        for (year, v) in &s.points {
            scene.marker(s.marker, (plot.x(*year), plot.y(*v)), s.radius, s.color);
        }
    }
    Ok(scene)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_break_at_missing_years() {
        let points = clean(&[
            (2019, 3.0),
            (2016, 1.0),
            (2017, f64::NAN),
            (2015, 2.0),
            (2020, 1.0),
        ]);
        let lengths: Vec<usize> = runs(&points).iter().map(|r| r.len()).collect();
        assert_eq!(lengths, vec![2, 2]);
        assert!(runs(&[]).is_empty());
    }

    #[test]
    fn total_is_recognised_by_position_and_name() {
        assert!(is_total(2, 3, "All countries"));
        assert!(is_total(1, 2, "World"));
        assert!(!is_total(0, 1, "All countries"));
        assert!(!is_total(0, 2, "All countries"));
        assert!(!is_total(1, 2, "Allemagne"));
    }
}
