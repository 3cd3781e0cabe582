//! A backend-neutral display list: the chart layouts produce a `Scene` of
//! pixel-positioned shapes once, and this module paints that same scene on
//! plotters' SVG and bitmap backends, so both outputs always agree.
//!
//! Takes a `Scene`; returns the SVG text or the PNG bytes. It must never
//! touch the file system, never depend on anything but the scene (output is
//! byte-identical for identical scenes) and never panic: every drawing or
//! encoding failure comes back as an error message.

use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Pixel, Polygon, Rectangle, Text};
use plotters::prelude::{BitMapBackend, DrawingArea, DrawingBackend, IntoDrawingArea, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, RGBColor, ShapeStyle};

use super::theme::{self, TextKind};

/// Marker shapes, so that lines stay distinguishable in greyscale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Hexagon,
    Star,
}

impl Marker {
    pub const ALL: [Marker; 7] = [
        Marker::Circle,
        Marker::Square,
        Marker::TriangleUp,
        Marker::Diamond,
        Marker::TriangleDown,
        Marker::Hexagon,
        Marker::Star,
    ];

    pub fn nth(index: usize) -> Marker {
        Marker::ALL[index % Marker::ALL.len()]
    }
}

/// Horizontal alignment of a text relative to its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

impl From<Align> for HPos {
    fn from(align: Align) -> HPos {
        match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// Filled axis-aligned rectangle, `x0..x1` × `y0..y1` (end exclusive).
    Rect {
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
        fill: RGBColor,
    },
    /// Open polyline.
    Line {
        points: Vec<(i32, i32)>,
        color: RGBColor,
        width: u32,
    },
    Polygon {
        points: Vec<(i32, i32)>,
        fill: RGBColor,
    },
    Circle {
        center: (i32, i32),
        radius: u32,
        fill: RGBColor,
    },
    /// Translucent filled circle (`alpha` in 0..=1), so that overlapping
    /// discs show as darker areas. The bitmap painter rasterises it itself,
    /// touching every pixel once, because plotters' own circle fill paints
    /// some pixels twice and would show a cross inside a translucent disc.
    Disc {
        center: (i32, i32),
        radius: u32,
        fill: RGBColor,
        alpha: f64,
    },
    /// Single line of text; `y` is the top of the line box.
    Text {
        text: String,
        x: i32,
        y: i32,
        kind: TextKind,
        color: RGBColor,
        align: Align,
    },
}

#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub width: i32,
    pub height: i32,
    pub shapes: Vec<Shape>,
}

impl Scene {
    pub fn rect(&mut self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), fill: RGBColor) {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        if x1 > x0 && y1 > y0 {
            self.shapes.push(Shape::Rect {
                x0,
                y0,
                x1,
                y1,
                fill,
            });
        }
    }

    pub fn hline(&mut self, x0: i32, x1: i32, y: i32, color: RGBColor) {
        self.rect((x0, y), (x1, y + 1), color);
    }

    pub fn vline(&mut self, x: i32, y0: i32, y1: i32, color: RGBColor) {
        self.rect((x, y0), (x + 1, y1), color);
    }

    pub fn text(
        &mut self,
        text: impl Into<String>,
        (x, y): (i32, i32),
        kind: TextKind,
        color: RGBColor,
        align: Align,
    ) {
        let text = text.into();
        if !text.is_empty() {
            self.shapes.push(Shape::Text {
                text,
                x,
                y,
                kind,
                color,
                align,
            });
        }
    }

    /// Text whose capital letters are vertically centred on `cy`.
    pub fn text_mid(
        &mut self,
        text: impl Into<String>,
        (x, cy): (i32, i32),
        kind: TextKind,
        color: RGBColor,
        align: Align,
    ) {
        self.text(text, (x, cy - kind.cap_middle()), kind, color, align);
    }

    pub fn line(&mut self, points: Vec<(i32, i32)>, color: RGBColor, width: u32) {
        if points.len() >= 2 {
            self.shapes.push(Shape::Line {
                points,
                color,
                width,
            });
        }
    }

    pub fn circle(&mut self, center: (i32, i32), radius: i32, fill: RGBColor) {
        if radius > 0 {
            self.shapes.push(Shape::Circle {
                center,
                radius: radius.unsigned_abs(),
                fill,
            });
        }
    }

    /// A hollow circle: a `width`-pixel ring of `color` around a white inside.
    pub fn ring(&mut self, center: (i32, i32), radius: i32, width: i32, color: RGBColor) {
        self.circle(center, radius, color);
        self.circle(center, radius - width, theme::WHITE);
    }

    pub fn disc(&mut self, center: (i32, i32), radius: i32, fill: RGBColor, alpha: f64) {
        let alpha = if alpha.is_finite() {
            alpha.clamp(0.0, 1.0)
        } else {
            1.0
        };
        if radius > 0 && alpha > 0.0 {
            self.shapes.push(Shape::Disc {
                center,
                radius: radius.unsigned_abs(),
                fill,
                alpha,
            });
        }
    }

    /// A polyline drawn as dashes of `dash` pixels separated by `gap`
    /// pixels, each dash its own short line; the pattern runs on across
    /// corners.
    pub fn dashed(
        &mut self,
        points: &[(i32, i32)],
        color: RGBColor,
        width: u32,
        (dash, gap): (i32, i32),
    ) {
        let (dash, gap) = (f64::from(dash.max(1)), f64::from(gap.max(0)));
        let period = dash + gap;
        let at = |a: (i32, i32), b: (i32, i32), t: f64| {
            let x = f64::from(a.0) + (f64::from(b.0) - f64::from(a.0)) * t;
            let y = f64::from(a.1) + (f64::from(b.1) - f64::from(a.1)) * t;
            (x.round() as i32, y.round() as i32)
        };
        // Distance along the whole path at the start of the current segment.
        let mut walked = 0.0f64;
        let mut current: Vec<(i32, i32)> = Vec::new();
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let dx = f64::from(b.0) - f64::from(a.0);
            let dy = f64::from(b.1) - f64::from(a.1);
            let length = dx.hypot(dy);
            if length <= 0.0 {
                continue;
            }
            let mut s = 0.0f64;
            while s < length {
                let phase = (walked + s) % period;
                if phase < dash {
                    let end = (s + dash - phase).min(length);
                    if current.is_empty() {
                        current.push(at(a, b, s / length));
                    }
                    current.push(at(a, b, end / length));
                    if end < length {
                        self.line(std::mem::take(&mut current), color, width);
                    }
                    s = end;
                } else {
                    self.line(std::mem::take(&mut current), color, width);
                    s += period - phase;
                }
            }
            walked += length;
        }
        self.line(current, color, width);
    }

    /// A dotted vertical line: 2-pixel dots every 5 pixels.
    pub fn dotted_vline(&mut self, x: i32, y0: i32, y1: i32, color: RGBColor) {
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        let mut y = y0;
        while y < y1 {
            self.rect((x, y), (x + 1, (y + 2).min(y1)), color);
            y += 5;
        }
    }

    /// A marker with a thin white halo, so it stands out from crossing lines.
    pub fn marker(&mut self, marker: Marker, center: (i32, i32), radius: i32, fill: RGBColor) {
        self.marker_shape(marker, center, radius + 1, theme::WHITE);
        self.marker_shape(marker, center, radius, fill);
    }

    fn marker_shape(&mut self, marker: Marker, (cx, cy): (i32, i32), r: i32, fill: RGBColor) {
        let rf = f64::from(r);
        let polygon = |corners: usize, radius: f64, start_deg: f64| -> Vec<(i32, i32)> {
            (0..corners)
                .map(|k| {
                    let angle = (start_deg + 360.0 * k as f64 / corners as f64).to_radians();
                    (
                        cx + (radius * angle.cos()).round() as i32,
                        cy - (radius * angle.sin()).round() as i32,
                    )
                })
                .collect()
        };
        let points = match marker {
            Marker::Circle => {
                self.shapes.push(Shape::Circle {
                    center: (cx, cy),
                    radius: r.max(1).unsigned_abs(),
                    fill,
                });
                return;
            }
            Marker::Square => {
                let h = (rf * 0.85).round() as i32;
                vec![
                    (cx - h, cy - h),
                    (cx + h, cy - h),
                    (cx + h, cy + h),
                    (cx - h, cy + h),
                ]
            }
            Marker::TriangleUp => polygon(3, rf * 1.25, 90.0),
            Marker::TriangleDown => polygon(3, rf * 1.25, 270.0),
            Marker::Diamond => polygon(4, rf * 1.2, 90.0),
            Marker::Hexagon => polygon(6, rf * 1.05, 0.0),
            Marker::Star => {
                let outer = polygon(5, rf * 1.35, 90.0);
                let inner = polygon(5, rf * 0.6, 126.0);
                outer
                    .into_iter()
                    .zip(inner)
                    .flat_map(|(o, i)| [o, i])
                    .collect()
            }
        };
        self.shapes.push(Shape::Polygon { points, fill });
    }
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Paints the scene; with `bitmap` every character is drawn on its own at
/// its proper place (see `glyphs`) and translucent discs are rasterised
/// here, which the bitmap output needs.
fn paint<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    bitmap: bool,
) -> Result<(), String> {
    root.fill(&theme::WHITE).map_err(err)?;
    for shape in &scene.shapes {
        match shape {
            Shape::Rect {
                x0,
                y0,
                x1,
                y1,
                fill,
            } => root.draw(&Rectangle::new([(*x0, *y0), (*x1, *y1)], fill.filled())),
            Shape::Line {
                points,
                color,
                width,
            } => root.draw(&PathElement::new(
                points.clone(),
                ShapeStyle::from(color).stroke_width(*width),
            )),
            Shape::Polygon { points, fill } => {
                root.draw(&Polygon::new(points.clone(), fill.filled()))
            }
            Shape::Circle {
                center,
                radius,
                fill,
            } => root.draw(&Circle::new(*center, *radius, fill.filled())),
            Shape::Disc {
                center,
                radius,
                fill,
                alpha,
            } => {
                if bitmap {
                    paint_disc(root, *center, *radius, *fill, *alpha)
                } else {
                    root.draw(&Circle::new(*center, *radius, fill.mix(*alpha).filled()))
                }
            }
            Shape::Text {
                text,
                x,
                y,
                kind,
                color,
                align,
            } => {
                let style = kind.font().color(color);
                let placed = if bitmap {
                    theme::metrics(*kind).and_then(|m| m.place(kind.size(), text))
                } else {
                    None
                };
                match placed {
                    Some(glyphs) => {
                        let width = theme::text_width(*kind, text);
                        let left = match align {
                            Align::Left => *x,
                            Align::Center => x - width / 2,
                            Align::Right => x - width,
                        };
                        let style = style.pos(Pos::new(HPos::Left, VPos::Top));
                        let mut buf = [0u8; 4];
                        glyphs.into_iter().try_for_each(|(c, dx)| {
                            root.draw(&Text::new(
                                &*c.encode_utf8(&mut buf),
                                (left + dx, *y),
                                style.clone(),
                            ))
                        })
                    }
                    None => {
                        let style = style.pos(Pos::new((*align).into(), VPos::Top));
                        root.draw(&Text::new(text.as_str(), (*x, *y), style))
                    }
                }
            }
        }
        .map_err(err)?;
    }
    root.present().map_err(err)
}

/// A translucent disc painted pixel by pixel, each pixel's opacity scaled
/// by how much of it the circle covers (4 × 4 samples).
fn paint_disc<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (cx, cy): (i32, i32),
    radius: u32,
    fill: RGBColor,
    alpha: f64,
) -> Result<(), plotters::drawing::DrawingAreaErrorKind<DB::ErrorType>> {
    const SAMPLES: i32 = 4;
    let r = f64::from(radius);
    let reach = i32::try_from(radius)
        .unwrap_or(i32::MAX / 4)
        .saturating_add(1);
    for y in cy.saturating_sub(reach)..=cy.saturating_add(reach) {
        for x in cx.saturating_sub(reach)..=cx.saturating_add(reach) {
            let mut inside = 0;
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let dx = f64::from(x - cx) + (f64::from(sx) + 0.5) / f64::from(SAMPLES) - 0.5;
                    let dy = f64::from(y - cy) + (f64::from(sy) + 0.5) / f64::from(SAMPLES) - 0.5;
                    if dx * dx + dy * dy <= r * r {
                        inside += 1;
                    }
                }
            }
            if inside > 0 {
                let coverage = f64::from(inside) / f64::from(SAMPLES * SAMPLES);
                root.draw(&Pixel::new((x, y), fill.mix(alpha * coverage).filled()))?;
            }
        }
    }
    Ok(())
}

fn dimensions(scene: &Scene) -> Result<(u32, u32), String> {
    let w = u32::try_from(scene.width).ok().filter(|&w| w > 0);
    let h = u32::try_from(scene.height).ok().filter(|&h| h > 0);
    w.zip(h)
        .ok_or_else(|| format!("invalid canvas size {}×{}", scene.width, scene.height))
}

/// Raw SVG exactly as plotters writes it.
pub fn svg(scene: &Scene) -> Result<String, String> {
    let size = dimensions(scene)?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        paint(&root, scene, false)?;
    }
    Ok(out)
}

/// The scene rasterised to RGB and encoded as PNG in memory.
pub fn png(scene: &Scene) -> Result<Vec<u8>, String> {
    let (w, h) = dimensions(scene)?;
    let len = usize::try_from(u64::from(w) * u64::from(h) * 3).map_err(err)?;
    let mut rgb = vec![0u8; len];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        paint(&root, scene, true)?;
    }
    let mut encoded = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut encoded, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        // One filter for every row (as png 0.17 wrote them): the adaptive choice, png 0.18's
        // default, costs a trial of each filter per row and changed no file here.
        encoder.set_filter(png::Filter::Sub);
        let mut writer = encoder.write_header().map_err(err)?;
        writer.write_image_data(&rgb).map_err(err)?;
        writer.finish().map_err(err)?;
    }
    Ok(encoded)
}
