//! Figures of the report in the house theme: stacked bars per year, lines
//! over years and ranked horizontal bars, each rendered to SVG and PNG.
//!
//! Takes figure texts (number, title, unit line, source, notes, description)
//! and plain data (series of `(year, value)` points or labelled bars);
//! returns a [`Figure`] holding an accessible SVG (with `<title>` and
//! `<desc>`) and a PNG of the same drawing, byte-identical from run to run.
//! It must never panic on empty or odd input (no series, one year, zeros,
//! NaN) — it draws a sensible chart or returns [`ChartError`] — never use a
//! system font (Inter is embedded), never touch the file system and never
//! print.
//!
//! The layout is computed once into a backend-neutral `scene::Scene` that
//! is then painted on plotters' SVG and bitmap backends.

mod axis;
mod bars;
mod frame;
mod glyphs;
mod lines;
mod scene;
mod theme;

use frame::Furniture;

/// Texts around a figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FigureText {
    /// Figure identifier used in errors, e.g. "F1".
    pub id: String,
    /// 1 → the title is drawn as "Figure 1. {title}".
    pub number: u32,
    pub title: String,
    /// Unit line, e.g. "Rate per 100,000 population".
    pub subtitle: String,
    /// E.g. "Source: UNODC, UN-CTS (release 2 June 2025); World Bank population."
    pub source: String,
    /// Extra footnote lines drawn under the chart.
    pub notes: Vec<String>,
    /// Goes into the SVG `<desc>`.
    pub description: String,
}

/// A named sequence of `(year, value)` points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<(i32, f64)>,
}

/// One bar of a ranked horizontal bar chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// Drawn after the printed value at the bar's end, e.g. "2022†"; may be empty.
    pub annotation: String,
}

/// A rendered figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub svg: String,
    pub png: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("figure {figure}: {message}")]
    Draw { figure: String, message: String },
}

/// Tallest canvas ever produced (horizontal bars grow with their count).
const MAX_HEIGHT: i32 = 16_000;
/// Smallest height left for the chart body between header and footer.
const MIN_BODY: i32 = 300;
/// Widest year range a year axis accepts.
const MAX_YEAR_SPAN: i64 = 500;

/// One stacked bar per year, one segment per series (e.g. countries
/// reporting, by region), on an integer value axis. Missing, negative and
/// non-finite values count as zero; points for years not in `years` are
/// ignored.
pub fn stacked_bars(
    text: &FigureText,
    years: &[i32],
    series: &[Series],
    y_label: &str,
) -> Result<Figure, ChartError> {
    render(text, || bars::stacked(text, years, series, y_label))
}

/// One line per series over the years, with a distinct marker shape per
/// series. Missing years and non-finite values break the line. If the last
/// of several series is named like a total ("All countries", "Total",
/// "World", "Global", "Overall …"), it is drawn thicker and in black.
pub fn lines(text: &FigureText, series: &[Series], y_label: &str) -> Result<Figure, ChartError> {
    render(text, || lines::layout(text, series, y_label))
}

/// Ranked bars, first bar at the top, labels on the left; each bar's value is
/// printed at its end with one decimal, followed by its annotation. The
/// canvas grows taller with the number of bars.
pub fn horizontal_bars(
    text: &FigureText,
    bars: &[Bar],
    x_label: &str,
) -> Result<Figure, ChartError> {
    render(text, || bars::horizontal(text, bars, x_label))
}

/// Height of a fixed-size chart: the house height, or taller when long
/// titles, legends or notes would leave less than `MIN_BODY` for the chart.
fn fixed_canvas_height(furniture: &Furniture, height: i32) -> i32 {
    let needed = furniture.header_height() + MIN_BODY + furniture.footer_height();
    height.max(needed).min(MAX_HEIGHT)
}

fn check_year_span(first: i32, last: i32) -> Result<(), String> {
    let span = i64::from(last) - i64::from(first);
    if span > MAX_YEAR_SPAN {
        Err(format!(
            "years {first}–{last} span more than {MAX_YEAR_SPAN} years"
        ))
    } else {
        Ok(())
    }
}

fn render(
    text: &FigureText,
    layout: impl FnOnce() -> Result<scene::Scene, String>,
) -> Result<Figure, ChartError> {
    let draw_error = |message: String| ChartError::Draw {
        figure: text.id.clone(),
        message,
    };
    theme::ensure_fonts().map_err(draw_error)?;
    let scene = layout().map_err(draw_error)?;
    let svg = scene::svg(&scene).map_err(draw_error)?;
    let svg = finish_svg(&svg, text).map_err(draw_error)?;
    let png = scene::png(&scene).map_err(draw_error)?;
    Ok(Figure { svg, png })
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Adds `<title>` and `<desc>` after the opening `<svg …>` tag, lists Inter
/// first with a generic fallback, and makes SVG text match the bitmap:
/// plotters writes `font-size = size / 1.24` and a baseline 0.76 em below
/// the anchor, while its rasteriser draws an em of `size × units_per_em /
/// (ascent − descent)` with the baseline `size / 2` below the anchor.
fn finish_svg(svg: &str, text: &FigureText) -> Result<String, String> {
    let open = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
        .ok_or("plotters produced no <svg> element")?;
    let title = format!("Figure {}. {}", text.number, text.title.trim());
    let mut body = svg[open..].replace(
        &format!("font-family=\"{}\"", theme::FAMILY),
        &format!("font-family=\"{}, sans-serif\"", theme::FAMILY),
    );
    if let Some(em) = theme::metrics(theme::TextKind::Label).map(|m| m.em_per_size()) {
        body = body.replace("dy=\"0.76em\"", &format!("dy=\"{:.3}em\"", 0.5 / em));
        for kind in theme::TextKind::ALL {
            body = body.replace(
                &format!("font-size=\"{}\"", kind.size() / 1.24),
                &format!("font-size=\"{:.2}\"", kind.size() * em),
            );
        }
    }
    Ok(format!(
        "{}\n<title>{}</title>\n<desc>{}</desc>{}",
        &svg[..open],
        xml_escape(&title),
        xml_escape(&text.description),
        body
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(number: u32) -> FigureText {
        FigureText {
            id: format!("F{number}"),
            number,
            title: "Kidnapping <rates> & trends".into(),
            subtitle: "Rate per 100,000 population".into(),
            source: "Source: UNODC, UN-CTS (release 2 June 2025); World Bank population.".into(),
            notes: vec!["† Latest year before 2023.".into()],
            description: "Rates \"fell\" in A & B <2020>".into(),
        }
    }

    fn series(name: &str, points: &[(i32, f64)]) -> Series {
        Series {
            name: name.into(),
            points: points.to_vec(),
        }
    }

    fn sample_lines() -> Vec<Series> {
        vec![
            series(
                "Americas",
                &[(2015, 2.5), (2016, 2.1), (2017, 1.9), (2018, 2.2)],
            ),
            series(
                "Europe (23 countries, 44 % of population)",
                &[(2015, 1.1), (2017, 0.8), (2018, 0.7)],
            ),
            series(
                "All countries",
                &[(2015, 1.6), (2016, 1.5), (2017, 1.3), (2018, 1.4)],
            ),
        ]
    }

    fn sample_bars() -> Vec<Bar> {
        [
            "Bolivia (Plurinational State of)",
            "United Kingdom (England and Wales)",
            "Chile",
        ]
        .iter()
        .enumerate()
        .map(|(i, label)| Bar {
            label: (*label).into(),
            value: 12_345.67 / (i as f64 + 1.0),
            annotation: if i == 1 {
                "2022†".into()
            } else {
                String::new()
            },
        })
        .collect()
    }

    fn all_kinds() -> Vec<Figure> {
        let years: Vec<i32> = (2015..=2018).collect();
        vec![
            stacked_bars(&text(1), &years, &sample_lines(), "Number of countries")
                .expect("stacked bars"),
            lines(&text(2), &sample_lines(), "Rate").expect("lines"),
            horizontal_bars(&text(3), &sample_bars(), "Rate per 100,000 population").expect("bars"),
        ]
    }

    fn png_size(png: &[u8]) -> (u32, u32) {
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().expect("decodable PNG");
        (reader.info().width, reader.info().height)
    }

    #[test]
    fn svg_carries_escaped_title_and_description() {
        for figure in all_kinds() {
            assert!(figure.svg.starts_with("<svg"));
            assert!(figure.svg.contains("<title>Figure "));
            assert!(
                figure
                    .svg
                    .contains(". Kidnapping &lt;rates&gt; &amp; trends</title>")
            );
            assert!(
                figure
                    .svg
                    .contains("<desc>Rates &quot;fell&quot; in A &amp; B &lt;2020&gt;</desc>")
            );
            assert!(figure.svg.contains("font-family=\"Inter, sans-serif\""));
            assert!(!figure.svg.contains("font-family=\"Inter\""));
            assert!(figure.svg.trim_end().ends_with("</svg>"));
        }
    }

    #[test]
    fn rendering_is_byte_identical() {
        assert_eq!(all_kinds(), all_kinds());
    }

    #[test]
    fn png_has_magic_and_house_size() {
        let figures = all_kinds();
        for figure in &figures[..2] {
            assert!(figure.png.starts_with(b"\x89PNG\r\n\x1a\n"));
            assert_eq!(png_size(&figure.png), (960, 600));
        }
        let few = png_size(&figures[2].png);
        let many_bars: Vec<Bar> = (0..40)
            .map(|i| Bar {
                label: format!("Country {i}"),
                value: f64::from(i),
                annotation: String::new(),
            })
            .collect();
        let many = horizontal_bars(&text(4), &many_bars, "").expect("many bars");
        let many = png_size(&many.png);
        assert_eq!((few.0, many.0), (960, 960));
        assert!(many.1 > 600 && many.1 > few.1);
    }

    #[test]
    fn empty_and_degenerate_input_do_not_panic() {
        let blank = FigureText::default();
        let nan = [series("", &[(2020, f64::NAN), (2021, f64::INFINITY)])];
        let zeros = [series("A", &[(2020, 0.0), (2021, 0.0)]), series("B", &[])];
        let single = [series("Only", &[(2020, 5.0)])];
        for data in [&[][..], &nan[..], &zeros[..], &single[..]] {
            stacked_bars(&blank, &[], data, "").expect("stacked, no years");
            stacked_bars(&blank, &[2020], data, "").expect("stacked, one year");
            stacked_bars(&text(1), &[2021, 2020, 2020], data, "Countries").expect("stacked");
            lines(&blank, data, "").expect("lines");
        }
        for value in [0.0, f64::NAN, -3.0, 1e12] {
            let bar = Bar {
                label: String::new(),
                value,
                annotation: "x".into(),
            };
            horizontal_bars(&blank, &[bar], "").expect("one bar");
        }
        horizontal_bars(&blank, &[], "").expect("no bars");
        let far = vec![series("Far", &[(i32::MIN, 1.0), (i32::MAX, 2.0)])];
        assert!(lines(&text(5), &far, "").is_err_and(|e| e.to_string().starts_with("figure F5: ")));
    }

    #[test]
    fn missing_year_breaks_the_line() {
        let gap = vec![series(
            "A",
            &[(2015, 1.0), (2016, 2.0), (2018, 3.0), (2019, 2.0)],
        )];
        let figure = lines(&text(1), &gap, "").expect("lines");
        assert_eq!(figure.svg.matches("<polyline").count(), 2);
        let whole = vec![series(
            "A",
            &[(2015, 1.0), (2016, 2.0), (2017, 3.0), (2018, 2.0)],
        )];
        let figure = lines(&text(1), &whole, "").expect("lines");
        assert_eq!(figure.svg.matches("<polyline").count(), 1);
    }

    #[test]
    fn all_text_stays_on_the_canvas() {
        theme::ensure_fonts().expect("fonts");
        let long_notes = FigureText {
            notes: vec!["A very long note that needs wrapping ".repeat(12)],
            ..text(1)
        };
        let years: Vec<i32> = (2003..=2023).collect();
        let scenes = [
            bars::stacked(&long_notes, &years, &sample_lines(), "Countries"),
            lines::layout(&long_notes, &sample_lines(), "Rate"),
            bars::horizontal(&long_notes, &sample_bars(), "Rate"),
        ];
        for scene in scenes {
            let scene = scene.expect("layout");
            for shape in &scene.shapes {
                if let scene::Shape::Text {
                    text,
                    x,
                    y,
                    kind,
                    align,
                    ..
                } = shape
                {
                    let w = theme::text_width(*kind, text);
                    let left = match align {
                        scene::Align::Left => *x,
                        scene::Align::Center => x - w / 2,
                        scene::Align::Right => x - w,
                    };
                    assert!(
                        left >= 0 && left + w <= scene.width,
                        "{text:?} leaves the canvas"
                    );
                    assert!(
                        *y >= 0 && *y + kind.line_height() <= scene.height,
                        "{text:?} leaves the canvas"
                    );
                }
            }
        }
    }

    /// Writes sample figures for eyeballing: `cargo test --lib chart -- --ignored`.
    #[test]
    #[ignore]
    fn write_samples() {
        let dir = std::path::Path::new("/tmp/chart-samples");
        std::fs::create_dir_all(dir).expect("sample directory");
        let years: Vec<i32> = (2003..=2023).collect();
        let regions = [
            "Africa (12 countries, 31 % of population)",
            "Americas (24 countries, 92 % of population)",
            "Asia (19 countries, 38 % of population)",
            "Europe (41 countries, 96 % of population)",
            "Oceania (3 countries, 71 % of population)",
        ];
        let counts: Vec<Series> = regions
            .iter()
            .enumerate()
            .map(|(r, name)| Series {
                name: (*name).into(),
                points: years
                    .iter()
                    .map(|&y| {
                        (
                            y,
                            f64::from((y - 2000 + 3 * r as i32) % 9 + 2 * r as i32 + 1),
                        )
                    })
                    .collect(),
            })
            .collect();
        let mut rates: Vec<Series> = regions
            .iter()
            .enumerate()
            .map(|(r, name)| Series {
                name: (*name).into(),
                points: years
                    .iter()
                    .filter(|&&y| r != 2 || !(2009..=2011).contains(&y))
                    .filter(|&&y| r != 4 || y % 4 == 0)
                    .map(|&y| {
                        (
                            y,
                            0.3 + r as f64 * 0.9 + f64::from((y * 7 + r as i32) % 5) * 0.35,
                        )
                    })
                    .collect(),
            })
            .collect();
        rates.push(Series {
            name: "All countries (99 countries)".into(),
            points: years
                .iter()
                .map(|&y| (y, 1.9 + f64::from(y % 3) * 0.2))
                .collect(),
        });
        let countries = [
            "Bolivia (Plurinational State of)",
            "United Kingdom (England and Wales)",
            "Venezuela (Bolivarian Republic of)",
            "Iran (Islamic Republic of)",
            "Chile",
            "Mexico",
            "Colombia",
            "Saint Vincent and the Grenadines",
        ];
        let bars: Vec<Bar> = (0..36)
            .map(|i| Bar {
                label: format!("{} {}", countries[i % countries.len()], i / countries.len()),
                value: 1234.5 / (i as f64 + 1.0),
                annotation: if i % 5 == 1 {
                    "2022†".into()
                } else {
                    String::new()
                },
            })
            .collect();
        let mut long = text(1);
        long.title = "Number of countries reporting kidnapping data to the United Nations Crime Trends Survey, by region, 2003–2023".into();
        long.notes = vec![
            "Note: Regional groupings follow the M49 standard. Population shares refer to the latest year with data and to the countries that reported at least once in the period.".into(),
            "† Latest available year before 2023.".into(),
        ];
        let figures = [
            (
                "stacked",
                stacked_bars(&long, &years, &counts, "Number of countries"),
            ),
            (
                "lines",
                lines(&text(2), &rates, "Kidnappings per 100,000 population"),
            ),
            (
                "hbars",
                horizontal_bars(&text(3), &bars, "Rate per 100,000 population"),
            ),
            ("hbars-few", horizontal_bars(&text(4), &sample_bars(), "")),
            ("lines-empty", lines(&text(5), &[], "Rate")),
            (
                "stacked-zero",
                stacked_bars(&text(6), &[2020], &[series("A", &[(2020, 0.0)])], ""),
            ),
            (
                "lines-single",
                lines(&text(7), &[series("Only", &[(2020, 5.0)])], "Rate"),
            ),
        ];
        for (name, figure) in figures {
            let figure = figure.expect("sample figure");
            std::fs::write(dir.join(format!("{name}.png")), &figure.png).expect("png");
            std::fs::write(dir.join(format!("{name}.svg")), &figure.svg).expect("svg");
        }
    }
}
