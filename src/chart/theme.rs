//! House theme of the report's figures: the embedded Inter font, text sizes,
//! the Okabe–Ito palette, text measurement and wrapping, number formatting
//! and "nice" axis ticks.
//!
//! Takes plain strings and numbers; returns fonts, colours, widths, wrapped
//! lines and tick positions. It must never load a system font (the two Inter
//! faces are compiled into the binary and registered once) and never panic
//! on odd numbers (NaN, infinities, empty ranges all give a usable answer).

use std::sync::OnceLock;

use super::glyphs::Metrics;
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBColor, register_font};

/// Family name under which the embedded fonts are registered.
pub const FAMILY: &str = "Inter";

static INTER_REGULAR: &[u8] = crate::assets::FONT_REGULAR;
static INTER_BOLD: &[u8] = crate::assets::FONT_BOLD;

/// Registers the embedded Inter faces with plotters, once per process.
pub fn ensure_fonts() -> Result<(), String> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            register_font(FAMILY, FontStyle::Normal, INTER_REGULAR)
                .map_err(|_| "embedded Inter-Regular.otf is not a usable font".to_string())?;
            register_font(FAMILY, FontStyle::Bold, INTER_BOLD)
                .map_err(|_| "embedded Inter-Bold.otf is not a usable font".to_string())
        })
        .clone()
}

/// Horizontal glyph metrics of the face used for `kind`, parsed once.
pub fn metrics(kind: TextKind) -> Option<&'static Metrics> {
    static REGULAR: OnceLock<Option<Metrics>> = OnceLock::new();
    static BOLD: OnceLock<Option<Metrics>> = OnceLock::new();
    if kind.bold() {
        BOLD.get_or_init(|| Metrics::parse(INTER_BOLD)).as_ref()
    } else {
        REGULAR
            .get_or_init(|| Metrics::parse(INTER_REGULAR))
            .as_ref()
    }
}

/// The smallest text size of a figure: 7.2 pt printed at the A4 text width.
pub const MIN_PRINTED_SIZE: f64 = 19.0;

/// Figure width in pixels; the fixed-size charts are `WIDTH` × `HEIGHT`.
pub const WIDTH: i32 = 960;
pub const HEIGHT: i32 = 600;
/// Outer margin on every side.
pub const MARGIN: i32 = 24;

pub const TEXT: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
pub const MUTED: RGBColor = RGBColor(0x5C, 0x5C, 0x5C);
pub const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
pub const AXIS: RGBColor = RGBColor(0x40, 0x40, 0x40);
pub const WHITE: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Colour of an "all countries" total line.
pub const TOTAL: RGBColor = RGBColor(0x00, 0x00, 0x00);
/// Single-colour bars (horizontal bar charts).
pub const BAR: RGBColor = RGBColor(0x00, 0x72, 0xB2);

/// Okabe–Ito colours minus black (reserved for totals); yellow comes last
/// because it is the weakest on white.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xF0, 0xE4, 0x42), // yellow
];

pub fn palette(index: usize) -> RGBColor {
    PALETTE[index % PALETTE.len()]
}

/// The roles text plays in a figure; each has one size and weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    Title,
    Subtitle,
    Tick,
    Label,
    Footer,
}

impl TextKind {
    pub const ALL: [TextKind; 5] = [
        TextKind::Title,
        TextKind::Subtitle,
        TextKind::Tick,
        TextKind::Label,
        TextKind::Footer,
    ];

    /// plotters font size (the em is `size / 1.24` pixels). A figure printed at the A4 text
    /// width of the document (160 mm for `WIDTH` = 960 px, 0.472 pt a pixel) must keep its text
    /// at 7 pt or more: an em of at least 14.8 px, a size of at least 18.4.
    pub fn size(self) -> f64 {
        match self {
            TextKind::Title => 25.0,
            TextKind::Subtitle => 20.0,
            TextKind::Tick | TextKind::Label | TextKind::Footer => MIN_PRINTED_SIZE,
        }
    }

    pub fn bold(self) -> bool {
        self == TextKind::Title
    }

    /// Distance between the tops of two successive lines.
    pub fn line_height(self) -> i32 {
        (self.size() * 1.05).round() as i32
    }

    /// Offset from a line's top to the middle of its capital letters; with
    /// plotters' ab_glyph rasteriser the baseline sits at `size / 2` below
    /// the anchor and capitals rise to about `size / 10` above it.
    pub fn cap_middle(self) -> i32 {
        (self.size() * 0.2).round() as i32
    }

    pub fn font(self) -> FontDesc<'static> {
        let style = if self.bold() {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(FAMILY), self.size(), style)
    }
}

/// Rendered width of `text` in pixels.
pub fn text_width(kind: TextKind, text: &str) -> i32 {
    match kind.font().box_size(text) {
        Ok((w, _)) => i32::try_from(w).unwrap_or(i32::MAX),
        // Only reachable if the fonts failed to register, which is reported
        // elsewhere; a rough estimate keeps the layout going.
        Err(_) => (text.chars().count() as f64 * kind.size() * 0.45).round() as i32,
    }
}

/// Shortens `text` with an ellipsis until it fits in `max_width` pixels.
pub fn ellipsize(kind: TextKind, text: &str, max_width: i32) -> String {
    if text_width(kind, text) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut keep = chars.len();
    while keep > 0 {
        keep -= 1;
        let candidate: String = chars[..keep]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
        if text_width(kind, &candidate) <= max_width {
            return candidate;
        }
    }
    "…".to_string()
}

/// Greedy word wrap into lines no wider than `max_width` pixels; a single
/// word wider than the line is ellipsized.
pub fn wrap(kind: TextKind, text: &str, max_width: i32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if text_width(kind, &candidate) <= max_width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .into_iter()
        .map(|line| ellipsize(kind, &line, max_width))
        .collect()
}

/// Evenly spaced, round tick values covering a data range.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    pub lo: f64,
    pub hi: f64,
    pub values: Vec<f64>,
    pub decimals: usize,
}

/// Round ticks covering `[min(0, lo), max(0, hi)]`, about five intervals.
/// With `integer` the step is a whole number (counts).
pub fn nice_ticks(lo: f64, hi: f64, integer: bool) -> Ticks {
    let mut lo = if lo.is_finite() { lo.min(0.0) } else { 0.0 };
    let mut hi = if hi.is_finite() { hi.max(0.0) } else { 0.0 };
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        if lo < 0.0 {
            hi = 0.0;
            lo = lo.min(-1.0);
        } else {
            hi = lo + 1.0;
        }
    }
    let raw = (hi - lo) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let factor = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 && magnitude >= 10.0 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    let mut step = factor * magnitude;
    if integer {
        step = step.round().max(1.0);
    }
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    let count = ((last - first) as usize).clamp(1, 100);
    let values: Vec<f64> = (0..=count).map(|k| (first + k as f64) * step).collect();
    let decimals = (0..=6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6) as usize;
    Ticks {
        lo: values[0],
        hi: values[values.len() - 1],
        values,
        decimals,
    }
}

/// Every how many years to label a year axis so that labels do not touch.
pub fn year_label_step(pixels_per_year: f64) -> i32 {
    let needed = f64::from(text_width(TextKind::Tick, "0000") + 14);
    [1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000]
        .into_iter()
        .find(|&step| f64::from(step) * pixels_per_year >= needed)
        .unwrap_or(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        let t = nice_ticks(0.0, 7.3, false);
        assert_eq!(t.values, vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(t.decimals, 0);
        let t = nice_ticks(0.0, 0.37, false);
        assert!(t.hi >= 0.37 && t.decimals == 1);
        let t = nice_ticks(0.0, 3.0, true);
        assert!(t.values.iter().all(|v| v.fract() == 0.0));
        let t = nice_ticks(f64::NAN, f64::NAN, true);
        assert_eq!((t.lo, t.hi), (0.0, 1.0));
        let t = nice_ticks(0.0, 0.0, false);
        assert!(t.hi > t.lo);
    }
}
