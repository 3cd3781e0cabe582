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

/// Deterministic pseudo-random numbers in 0..1 for sample data.
fn noise(seed: &mut u64) -> f64 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (*seed >> 11) as f64 / (1u64 << 53) as f64
}

const COUNTRIES: [&str; 10] = [
    "Bolivia (Plurinational State of)",
    "United Kingdom (England and Wales)",
    "Venezuela (Bolivarian Republic of)",
    "Iran (Islamic Republic of)",
    "Chile",
    "Mexico",
    "Colombia",
    "Saint Vincent and the Grenadines",
    "Republic of Moldova",
    "Peru",
];

fn regions() -> Vec<String> {
    ["Africa", "Americas", "Asia", "Europe", "Oceania"]
        .iter()
        .map(|r| (*r).to_string())
        .collect()
}

/// 130 units over five regions, rates from 0 to 60, some exactly 0.
fn sample_dots() -> Vec<Dot> {
    let regions = regions();
    let mut seed = 7;
    (0..130)
        .map(|i| {
            let region = i % regions.len();
            let spread = noise(&mut seed);
            let value = if i % 23 == 4 {
                0.0
            } else {
                // Log-uniform between 0.02 and 60, shifted by region.
                let lo = (0.02f64 * (region as f64 + 1.0)).ln();
                (lo + spread * (60f64.ln() - lo)).exp()
            };
            Dot {
                group: regions[region].clone(),
                label: format!("{} {i}", COUNTRIES[i % COUNTRIES.len()]),
                value,
            }
        })
        .collect()
}

fn medians_of(dots: &[Dot]) -> Vec<(String, f64)> {
    regions()
        .into_iter()
        .map(|r| {
            let mut values: Vec<f64> = dots
                .iter()
                .filter(|d| d.group == r)
                .map(|d| d.value.max(0.0))
                .collect();
            values.sort_by(f64::total_cmp);
            let median = values.get(values.len() / 2).copied().unwrap_or(f64::NAN);
            (r, median)
        })
        .collect()
}

fn sample_dumbbells(count: usize) -> Vec<Dumbbell> {
    let mut seed = 11;
    (0..count)
        .map(|i| {
            let start = 0.05 + noise(&mut seed) * 14.0;
            let change = match i % 7 {
                0 => 0.0,
                1 | 4 => -noise(&mut seed) * start,
                _ => noise(&mut seed) * 6.0 - 2.0,
            };
            Dumbbell {
                label: format!("{} {}", COUNTRIES[i % COUNTRIES.len()], i / COUNTRIES.len()),
                start,
                end: (start + change).max(0.0),
                flag: if i % 6 == 2 {
                    "b".into()
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

fn sample_panels(count: usize) -> Vec<Panel> {
    let mut seed = 5;
    (0..count)
        .map(|i| {
            let level = 0.2 + noise(&mut seed) * 12.0;
            let rate: Vec<(i32, f64)> = (2003..=2023)
                .filter(|y| i % 3 != 1 || !(2009..=2011).contains(y))
                .filter(|y| i != 5 || *y >= 2012)
                .map(|y| (y, (level * (0.6 + 0.8 * noise(&mut seed))).max(0.0)))
                .collect();
            let moving_average: Vec<(i32, f64)> = rate
                .windows(3)
                .filter(|w| w[2].0 - w[0].0 == 2)
                .map(|w| (w[2].0, (w[0].1 + w[1].1 + w[2].1) / 3.0))
                .collect();
            Panel {
                title: format!("{} {i}", COUNTRIES[i % COUNTRIES.len()]),
                rate,
                moving_average,
                breaks: if i % 4 == 0 { vec![2015] } else { Vec::new() },
            }
        })
        .collect()
}

fn sample_categories() -> (Vec<String>, Vec<(String, Vec<f64>)>) {
    let categories = vec![
        "Africa".to_string(),
        "Americas".to_string(),
        "Asia".to_string(),
        "Europe".to_string(),
        "Oceania".to_string(),
    ];
    let series = vec![
        ("Increase".to_string(), vec![3.0, 7.0, 5.0, 9.0, 1.0]),
        ("Stable".to_string(), vec![2.0, 6.0, 4.0, 14.0, 0.0]),
        ("Decrease".to_string(), vec![4.0, 11.0, 6.0, 18.0, 2.0]),
    ];
    (categories, series)
}

fn new_kinds() -> Vec<Figure> {
    let dots = sample_dots();
    let (categories, series) = sample_categories();
    vec![
        strip_log(&text(1), &regions(), &dots, &medians_of(&dots), "Rate").expect("strip"),
        dumbbell(
            &text(2),
            &sample_dumbbells(12),
            "2013–2015",
            "2021–2023",
            "Rate",
        )
        .expect("dumbbell"),
        small_multiples(&text(3), &sample_panels(6)).expect("small multiples"),
        stacked_bars_by_category(&text(4), &categories, &series, "Countries")
            .expect("stacked by category"),
    ]
}

fn texts(scene: &scene::Scene) -> Vec<(String, i32, i32, i32, theme::TextKind)> {
    scene
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            scene::Shape::Text {
                text,
                x,
                y,
                kind,
                align,
                ..
            } => {
                let w = theme::text_width(*kind, text);
                let left = match align {
                    scene::Align::Left => *x,
                    scene::Align::Center => x - w / 2,
                    scene::Align::Right => x - w,
                };
                Some((text.clone(), left, *y, w, *kind))
            }
            _ => None,
        })
        .collect()
}

/// Every text inside the canvas and no two texts on top of each other.
fn assert_texts_fit(scene: &scene::Scene) {
    let placed = texts(scene);
    for (text, left, y, w, kind) in &placed {
        assert!(
            *left >= 0 && left + w <= scene.width,
            "{text:?} leaves the canvas"
        );
        assert!(
            *y >= 0 && y + kind.line_height() <= scene.height,
            "{text:?} leaves the canvas"
        );
    }
    for (i, a) in placed.iter().enumerate() {
        for b in &placed[i + 1..] {
            // Ink of a line: from the capitals' top to the descenders.
            let ink = |t: &(String, i32, i32, i32, theme::TextKind)| {
                (t.2 - 1, t.2 + (t.4.size() * 0.75).round() as i32)
            };
            let (ay, by) = (ink(a), ink(b));
            let apart = a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1 || ay.1 <= by.0 || by.1 <= ay.0;
            assert!(apart, "{:?} overlaps {:?}", a.0, b.0);
        }
    }
}

#[test]
fn new_kinds_are_byte_identical_and_accessible() {
    let figures = new_kinds();
    assert_eq!(figures, new_kinds());
    for figure in &figures {
        assert!(figure.png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(png_size(&figure.png).0, 960);
        assert!(figure.svg.contains("<title>Figure "));
        assert!(figure.svg.contains("<desc>Rates &quot;fell&quot;"));
    }
}

#[test]
fn new_kinds_survive_empty_and_degenerate_input() {
    let blank = FigureText::default();
    let groups = vec!["A".to_string()];
    let odd = [f64::NAN, f64::INFINITY, -1.0, 0.0, 1e-300, 1e300, 5.0];
    for value in odd {
        let dot = Dot {
            group: "A".into(),
            label: String::new(),
            value,
        };
        let medians = [("A".to_string(), value)];
        strip_log(&blank, &groups, std::slice::from_ref(&dot), &medians, "").expect("one dot");
        strip_log(&blank, &[], &[dot], &[], "x").expect("group from the dots");
        let row = Dumbbell {
            label: String::new(),
            start: value,
            end: 1.0,
            flag: "b".into(),
        };
        let reversed = Dumbbell {
            start: 1.0,
            end: value,
            ..row.clone()
        };
        dumbbell(&blank, &[row, reversed], "", "", "").expect("odd dumbbell");
        let panel = Panel {
            title: String::new(),
            rate: vec![(2020, value)],
            moving_average: vec![(2020, value), (2021, value)],
            breaks: vec![2020, 2021, i32::MIN],
        };
        small_multiples(&blank, &[panel]).expect("odd panel");
        stacked_bars_by_category(&blank, &groups, &[("S".into(), vec![value])], "")
            .expect("odd category");
    }
    strip_log(&blank, &[], &[], &[], "").expect("no strip");
    strip_log(&blank, &groups, &[], &[], "").expect("group without dots");
    dumbbell(&blank, &[], "", "", "").expect("no dumbbell");
    small_multiples(&blank, &[]).expect("no panels");
    small_multiples(&blank, &[Panel::default()]).expect("an empty panel");
    stacked_bars_by_category(&blank, &[], &[], "").expect("no categories");
    stacked_bars_by_category(&blank, &groups, &[], "").expect("no series");
    stacked_bars_by_category(&blank, &groups, &[("S".into(), vec![])], "").expect("short series");
    let far = Panel {
        rate: vec![(i32::MIN, 1.0), (i32::MAX, 2.0)],
        ..Panel::default()
    };
    assert!(small_multiples(&text(5), &[far]).is_err());
}

#[test]
fn zero_values_on_the_log_strip_get_a_note() {
    let dots = sample_dots();
    let zeros = dots.iter().filter(|d| d.value <= 0.0).count();
    assert!(zeros > 1);
    let figure = strip_log(&text(1), &regions(), &dots, &[], "").expect("strip");
    let note = format!("{zeros} units with a rate of 0 shown at left");
    assert!(figure.svg.contains(&note), "missing {note:?}");
    let positive: Vec<Dot> = dots.into_iter().filter(|d| d.value > 0.0).collect();
    let figure = strip_log(&text(1), &regions(), &positive, &[], "").expect("strip");
    assert!(!figure.svg.contains("shown at left"));
    let one = [Dot {
        group: "A".into(),
        label: "X".into(),
        value: 0.0,
    }];
    let figure = strip_log(&text(1), &[], &one, &[], "").expect("strip");
    assert!(figure.svg.contains("1 unit with a rate of 0 shown at left"));
}

#[test]
fn gaps_break_small_multiple_lines() {
    theme::ensure_fonts().expect("fonts");
    let polylines = |rate: Vec<(i32, f64)>| {
        let panel = Panel {
            title: "A".into(),
            rate,
            moving_average: Vec::new(),
            breaks: vec![2017],
        };
        let scene = multiples::layout(&text(1), &[panel]).expect("layout");
        scene
            .shapes
            .iter()
            .filter(|s| matches!(s, scene::Shape::Line { color, .. } if *color == theme::BAR))
            .count()
    };
    assert_eq!(
        polylines(vec![(2015, 1.0), (2016, 2.0), (2018, 3.0), (2019, 2.0)]),
        2
    );
    assert_eq!(
        polylines(vec![(2015, 1.0), (2016, 2.0), (2017, 3.0), (2018, 2.0)]),
        1
    );
    assert_eq!(
        polylines(vec![(2015, 1.0), (2017, f64::NAN), (2019, 2.0)]),
        0
    );
}

#[test]
fn canvases_grow_with_rows() {
    let size = |figure: Figure| png_size(&figure.png);
    let few = size(dumbbell(&text(1), &sample_dumbbells(3), "a", "b", "").expect("few"));
    let many = size(dumbbell(&text(1), &sample_dumbbells(40), "a", "b", "").expect("many"));
    assert!(few.0 == 960 && many.0 == 960 && many.1 > few.1);
    let one_row = size(small_multiples(&text(1), &sample_panels(4)).expect("one row"));
    let three = size(small_multiples(&text(1), &sample_panels(12)).expect("three rows"));
    assert!(one_row.0 == 960 && three.0 == 960 && three.1 > one_row.1);
}

#[test]
fn new_kinds_keep_text_on_the_canvas_and_apart() {
    theme::ensure_fonts().expect("fonts");
    let long_notes = FigureText {
        notes: vec!["A very long note that needs wrapping ".repeat(12)],
        ..text(1)
    };
    let dots = sample_dots();
    let long_groups: Vec<String> = regions()
        .iter()
        .map(|r| format!("{r} and a very long regional grouping name indeed"))
        .collect();
    let long_dots: Vec<Dot> = dots
        .iter()
        .map(|d| Dot {
            group: format!("{} and a very long regional grouping name indeed", d.group),
            ..d.clone()
        })
        .collect();
    let (categories, series) = sample_categories();
    let long_categories: Vec<String> = COUNTRIES.iter().map(|c| (*c).to_string()).collect();
    let scenes = [
        strip::layout(&long_notes, &regions(), &dots, &medians_of(&dots), "Rate"),
        strip::layout(&long_notes, &long_groups, &long_dots, &[], "Rate"),
        dumbbell::layout(
            &long_notes,
            &sample_dumbbells(40),
            "2013–2015 mean",
            "2021–2023 mean",
            "Rate",
        ),
        multiples::layout(&long_notes, &sample_panels(12)),
        bars::by_category(&long_notes, &categories, &series, "Countries"),
        bars::by_category(&long_notes, &long_categories, &series, "Countries"),
    ];
    for scene in scenes {
        assert_texts_fit(&scene.expect("layout"));
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
/// Writes samples of the newer figure kinds to /tmp/chart-samples2.
#[test]
#[ignore]
fn write_samples2() {
    let dir = std::path::Path::new("/tmp/chart-samples2");
    std::fs::create_dir_all(dir).expect("sample directory");
    let dots = sample_dots();
    let (categories, series) = sample_categories();
    let mut strip_text = text(1);
    strip_text.title = "Kidnapping rates by country, by region, latest year available".into();
    let panels = sample_panels(12);
    let figures = [
        (
            "strip",
            strip_log(
                &strip_text,
                &regions(),
                &dots,
                &medians_of(&dots),
                "Kidnappings per 100,000 population (log scale)",
            ),
        ),
        (
            "strip-few",
            strip_log(&text(2), &regions()[..2], &dots[..9], &[], ""),
        ),
        (
            "dumbbell",
            dumbbell(
                &text(3),
                &sample_dumbbells(40),
                "2013–2015 mean",
                "2021–2023 mean",
                "Kidnappings per 100,000 population",
            ),
        ),
        (
            "dumbbell-few",
            dumbbell(&text(4), &sample_dumbbells(3), "Start", "End", ""),
        ),
        ("multiples", small_multiples(&text(5), &panels)),
        ("multiples-few", small_multiples(&text(6), &panels[..3])),
        (
            "by-category",
            stacked_bars_by_category(&text(7), &categories, &series, "Number of countries"),
        ),
        (
            "by-category-long",
            stacked_bars_by_category(
                &text(8),
                &COUNTRIES
                    .iter()
                    .map(|c| (*c).to_string())
                    .collect::<Vec<_>>(),
                &[(
                    "Rate".into(),
                    vec![1.5, 2.25, 0.5, 3.0, 4.0, 2.0, 1.0, 0.75, 0.1, 2.0],
                )],
                "Rate",
            ),
        ),
        ("strip-empty", strip_log(&text(9), &[], &[], &[], "Rate")),
        (
            "strip-wide",
            strip_log(
                &text(10),
                &regions()[..3],
                &(0..40)
                    .map(|i| Dot {
                        group: regions()[i % 3].clone(),
                        label: COUNTRIES[i % COUNTRIES.len()].to_string(),
                        value: 1e-4 * 10f64.powf(f64::from(i as u32) * 0.2),
                    })
                    .collect::<Vec<_>>(),
                &[("Africa".into(), 0.0), ("Asia".into(), 12_345.0)],
                "Rate",
            ),
        ),
        (
            "multiples-one-year",
            small_multiples(
                &text(11),
                &[
                    Panel {
                        title: "Chile".into(),
                        rate: vec![(2020, 3.5)],
                        moving_average: Vec::new(),
                        breaks: vec![2020],
                    },
                    Panel::default(),
                ],
            ),
        ),
    ];
    for (name, figure) in figures {
        let figure = figure.expect("sample figure");
        std::fs::write(dir.join(format!("{name}.png")), &figure.png).expect("png");
        std::fs::write(dir.join(format!("{name}.svg")), &figure.svg).expect("svg");
    }
}
