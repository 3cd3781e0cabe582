//! The strip, dumbbell, small-multiples and category charts: bytes, accessibility, odd input, layout.

use super::super::*;
use super::*;

/// Deterministic pseudo-random numbers in 0..1 for sample data.
pub(super) fn noise(seed: &mut u64) -> f64 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (*seed >> 11) as f64 / (1u64 << 53) as f64
}

pub(super) const COUNTRIES: [&str; 10] = [
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

pub(super) fn regions() -> Vec<String> {
    ["Africa", "Americas", "Asia", "Europe", "Oceania"]
        .iter()
        .map(|r| (*r).to_string())
        .collect()
}

/// 130 units over five regions, rates from 0 to 60, some exactly 0.
pub(super) fn sample_dots() -> Vec<Dot> {
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

pub(super) fn medians_of(dots: &[Dot]) -> Vec<(String, f64)> {
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

pub(super) fn sample_dumbbells(count: usize) -> Vec<Dumbbell> {
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

pub(super) fn sample_panels(count: usize) -> Vec<Panel> {
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

pub(super) fn sample_categories() -> (Vec<String>, Vec<(String, Vec<f64>)>) {
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

pub(super) fn new_kinds() -> Vec<Figure> {
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

pub(super) fn texts(scene: &scene::Scene) -> Vec<(String, i32, i32, i32, theme::TextKind)> {
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
pub(super) fn assert_texts_fit(scene: &scene::Scene) {
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
pub(super) fn new_kinds_are_byte_identical_and_accessible() {
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
pub(super) fn new_kinds_survive_empty_and_degenerate_input() {
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
pub(super) fn zero_values_on_the_log_strip_get_a_note() {
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
pub(super) fn gaps_break_small_multiple_lines() {
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
pub(super) fn canvases_grow_with_rows() {
    let size = |figure: Figure| png_size(&figure.png);
    let few = size(dumbbell(&text(1), &sample_dumbbells(3), "a", "b", "").expect("few"));
    let many = size(dumbbell(&text(1), &sample_dumbbells(40), "a", "b", "").expect("many"));
    assert!(few.0 == 960 && many.0 == 960 && many.1 > few.1);
    let one_row = size(small_multiples(&text(1), &sample_panels(4)).expect("one row"));
    let three = size(small_multiples(&text(1), &sample_panels(12)).expect("three rows"));
    assert!(one_row.0 == 960 && three.0 == 960 && three.1 > one_row.1);
}

#[test]
pub(super) fn new_kinds_keep_text_on_the_canvas_and_apart() {
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
