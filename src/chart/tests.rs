use super::*;

pub(super) fn text(number: u32) -> FigureText {
    FigureText {
        id: format!("F{number}"),
        number,
        title: "Kidnapping <rates> & trends".into(),
        subtitle: "Rate per 100,000 population".into(),
        source: "Source: UNODC, UN-CTS (release 2 June 2025); World Bank population.".into(),
        notes: vec!["† Latest year before 2023.".into()],
        description: "Rates \"fell\" in A & B <2020>".into(),
        bare: false,
        words: ChartWords::default(),
    }
}

pub(super) fn series(name: &str, points: &[(i32, f64)]) -> Series {
    Series {
        name: name.into(),
        points: points.to_vec(),
    }
}

pub(super) fn sample_lines() -> Vec<Series> {
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

pub(super) fn sample_bars() -> Vec<Bar> {
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

pub(super) fn all_kinds() -> Vec<Figure> {
    let years: Vec<i32> = (2015..=2018).collect();
    vec![
        stacked_bars(&text(1), &years, &sample_lines(), "Number of countries")
            .expect("stacked bars"),
        lines(&text(2), &sample_lines(), "Rate").expect("lines"),
        horizontal_bars(&text(3), &sample_bars(), "Rate per 100,000 population").expect("bars"),
    ]
}

pub(super) fn png_size(png: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let reader = decoder.read_info().expect("decodable PNG");
    (reader.info().width, reader.info().height)
}

#[test]
pub(super) fn svg_carries_escaped_title_and_description() {
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
pub(super) fn rendering_is_byte_identical() {
    assert_eq!(all_kinds(), all_kinds());
}

#[test]
pub(super) fn png_has_magic_and_house_size() {
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
pub(super) fn empty_and_degenerate_input_do_not_panic() {
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
pub(super) fn missing_year_breaks_the_line() {
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
pub(super) fn all_text_stays_on_the_canvas() {
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

mod kinds;
mod samples;
