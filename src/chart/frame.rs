//! The furniture around every chart: title and unit line at the top left,
//! the legend below the plot, and the source and notes at the bottom left.
//!
//! Takes a figure's texts and legend entries; returns their heights and, for
//! a chosen canvas height, a scene holding them plus the free region where
//! the chart itself goes. It must never let two blocks overlap: long texts
//! wrap and push the region smaller (callers grow the canvas if needed), and
//! it never draws inside the region.

use super::scene::Align;
use plotters::style::RGBColor;

use super::FigureText;
use super::scene::{Marker, Scene};
use super::theme::{self, MARGIN, TextKind, WIDTH};

/// What a legend entry shows in front of its label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swatch {
    Block(RGBColor),
    Line {
        color: RGBColor,
        width: u32,
        marker: Marker,
        radius: i32,
    },
    /// A plain line without marker.
    Rule {
        color: RGBColor,
        width: u32,
    },
    /// A dashed line.
    Dashed {
        color: RGBColor,
        width: u32,
    },
    /// A dotted vertical line.
    Dotted(RGBColor),
    /// A filled or hollow circle.
    Circle {
        color: RGBColor,
        radius: i32,
        hollow: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub label: String,
    pub swatch: Swatch,
}

/// Free rectangle for the chart body, in pixels (end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

const SWATCH_WIDTH: i32 = 28;
const SWATCH_GAP: i32 = 7;
const ITEM_GAP: i32 = 24;
const LEGEND_ROW: i32 = 24;
/// Gap between the header and the region, and between region and legend.
const BLOCK_GAP: i32 = 16;

struct PlacedItem {
    item: LegendItem,
    x: i32,
    row: i32,
}

/// Wrapped texts and legend placement, before the canvas height is known.
pub struct Furniture {
    title: Vec<String>,
    subtitle: Vec<String>,
    footer: Vec<String>,
    legend: Vec<PlacedItem>,
    legend_rows: i32,
    /// What an empty chart says, in the document's language.
    pub no_data: String,
}

impl Furniture {
    pub fn new(text: &FigureText, legend: &[LegendItem]) -> Furniture {
        let width = WIDTH - 2 * MARGIN;
        let title = format!(
            "{} {}. {}",
            text.words.figure,
            crate::format::roman(text.number),
            text.title.trim()
        );
        let source = if text.bare { "" } else { text.source.as_str() };
        let footer = std::iter::once(source)
            .chain(text.notes.iter().map(String::as_str))
            .filter(|line| !line.trim().is_empty())
            .flat_map(|line| theme::wrap(TextKind::Footer, line, width))
            .collect();
        let mut placed = Vec::with_capacity(legend.len());
        let (mut x, mut row) = (0, 0);
        for item in legend {
            let label = theme::ellipsize(
                TextKind::Label,
                item.label.trim(),
                width - SWATCH_WIDTH - SWATCH_GAP,
            );
            let item_width = SWATCH_WIDTH + SWATCH_GAP + theme::text_width(TextKind::Label, &label);
            if x > 0 && x + item_width > width {
                x = 0;
                row += 1;
            }
            placed.push(PlacedItem {
                item: LegendItem {
                    label,
                    swatch: item.swatch,
                },
                x,
                row,
            });
            x += item_width + ITEM_GAP;
        }
        Furniture {
            no_data: text.words.no_data.clone(),
            title: if text.bare {
                Vec::new()
            } else {
                theme::wrap(TextKind::Title, &title, width)
            },
            subtitle: if text.bare {
                Vec::new()
            } else {
                theme::wrap(TextKind::Subtitle, &text.subtitle, width)
            },
            footer,
            legend_rows: if placed.is_empty() { 0 } else { row + 1 },
            legend: placed,
        }
    }

    /// Height taken above the region.
    pub fn header_height(&self) -> i32 {
        let title = self.title.len() as i32 * TextKind::Title.line_height();
        let subtitle = match self.subtitle.len() as i32 {
            0 => 0,
            n => 6 + n * TextKind::Subtitle.line_height(),
        };
        MARGIN + title + subtitle + BLOCK_GAP
    }

    /// Height taken below the region.
    pub fn footer_height(&self) -> i32 {
        let legend = match self.legend_rows {
            0 => 0,
            rows => BLOCK_GAP + rows * LEGEND_ROW,
        };
        let notes = match self.footer.len() as i32 {
            0 => 0,
            n => BLOCK_GAP + n * TextKind::Footer.line_height(),
        };
        legend + notes + MARGIN
    }

    /// Draws the furniture on a `WIDTH` × `height` canvas and returns it with
    /// the region left for the chart.
    pub fn into_scene(self, height: i32) -> (Scene, Region) {
        let region = Region {
            x0: MARGIN,
            y0: self.header_height(),
            x1: WIDTH - MARGIN,
            y1: height - self.footer_height(),
        };
        let mut scene = Scene {
            width: WIDTH,
            height,
            shapes: Vec::new(),
        };
        // Capitals rise about size/10 above a text anchor: start a little low.
        let mut y = MARGIN - 4;
        for line in self.title {
            scene.text(line, (MARGIN, y), TextKind::Title, theme::TEXT, Align::Left);
            y += TextKind::Title.line_height();
        }
        y += 6;
        for line in self.subtitle {
            scene.text(
                line,
                (MARGIN, y),
                TextKind::Subtitle,
                theme::MUTED,
                Align::Left,
            );
            y += TextKind::Subtitle.line_height();
        }

        let legend_top = region.y1 + BLOCK_GAP;
        for placed in self.legend {
            let cy = legend_top + placed.row * LEGEND_ROW + LEGEND_ROW / 2;
            let x = MARGIN + placed.x;
            match placed.item.swatch {
                Swatch::Block(color) => {
                    scene.rect((x + 8, cy - 7), (x + 22, cy + 7), color);
                }
                Swatch::Line {
                    color,
                    width,
                    marker,
                    radius,
                } => {
                    let w = i32::try_from(width).unwrap_or(1).max(1);
                    scene.rect((x, cy - w / 2), (x + SWATCH_WIDTH, cy - w / 2 + w), color);
                    scene.marker(marker, (x + SWATCH_WIDTH / 2, cy), radius, color);
                }
                Swatch::Rule { color, width } => {
                    let w = i32::try_from(width).unwrap_or(1).max(1);
                    scene.rect((x, cy - w / 2), (x + SWATCH_WIDTH, cy - w / 2 + w), color);
                }
                Swatch::Dashed { color, width } => {
                    scene.dashed(&[(x, cy), (x + SWATCH_WIDTH, cy)], color, width, (6, 4));
                }
                Swatch::Dotted(color) => {
                    scene.dotted_vline(x + SWATCH_WIDTH / 2, cy - 9, cy + 10, color);
                }
                Swatch::Circle {
                    color,
                    radius,
                    hollow,
                } => {
                    let center = (x + SWATCH_WIDTH / 2, cy);
                    if hollow {
                        scene.ring(center, radius, 2, color);
                    } else {
                        scene.circle(center, radius, color);
                    }
                }
            }
            scene.text_mid(
                placed.item.label,
                (x + SWATCH_WIDTH + SWATCH_GAP, cy),
                TextKind::Label,
                theme::TEXT,
                Align::Left,
            );
        }

        let mut y = height - MARGIN - self.footer.len() as i32 * TextKind::Footer.line_height();
        for line in self.footer {
            scene.text(
                line,
                (MARGIN, y),
                TextKind::Footer,
                theme::MUTED,
                Align::Left,
            );
            y += TextKind::Footer.line_height();
        }
        (scene, region)
    }
}
