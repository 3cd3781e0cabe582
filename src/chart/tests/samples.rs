//! Sample writers (`#[ignore]`d; run by hand to look at every kind of chart).

use super::super::*;
use super::kinds::*;
use super::*;

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
    let countries = &super::kinds::COUNTRIES[..8];
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
