use super::*;
use crate::explain::cells::Part;

fn cell(iso3: &str, year: i32, unit: &str, text: &str) -> Cell {
    Cell {
        source_id: "s".into(),
        iso3: iso3.into(),
        year: Some(year),
        unit: unit.into(),
        value: None,
        file: "f.csv".into(),
        sheet: String::new(),
        row: Some(1),
        column: "L (VALUE)".into(),
        text: text.into(),
        parts: Vec::new(),
    }
}

#[test]
fn a_sum_reads_as_the_sum_of_its_cells() {
    let mut c = cell("COL", 2020, "count", "");
    c.parts = ["2", "1,001", "3*"]
        .iter()
        .enumerate()
        .map(|(i, t)| Part {
            row: i as i64 + 10,
            column: "CANTIDAD".into(),
            text: t.to_string(),
        })
        .collect();
    assert_eq!(c.number(), Some(1006.0));
    assert!(
        c.describe()
            .contains("the sum of 3 cells: row 10 CANTIDAD \"2\" + row 11"),
        "{}",
        c.describe()
    );
    c.parts[1].text = "n/a".into();
    assert_eq!(c.number(), None);
}

#[test]
fn the_rules_by_hand() {
    assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
    assert_eq!(median(Vec::new()), None);
    // y = 2x + 1 exactly.
    let line: Vec<(f64, f64)> = (0..5).map(|x| (x as f64, 2.0 * x as f64 + 1.0)).collect();
    assert!((slope(&line).unwrap() - 2.0).abs() < 1e-12);
    assert_eq!(slope(&[(1.0, 1.0)]), None);
}

#[test]
fn an_aggregate_takes_the_implied_population_where_there_is_none() {
    // A: 10 cases on 1,000,000 (World Bank); B: 20 cases at a rate of 0.4, so 5,000,000.
    let cells = [
        cell("A", 2020, "count", "10"),
        cell("A", 2020, "population", "1000000"),
        cell("B", 2020, "count", "20"),
        cell("B", 2020, "rate_per_100k", " 0.4 "),
    ];
    let p = read(&cells).unwrap();
    let (rate, count, pop, n) = aggregate_rate(&p, 2020).unwrap();
    assert_eq!((count, pop, n), (30.0, 6_000_000.0, 2));
    assert!((rate - 0.5).abs() < 1e-12);
}

#[test]
fn cell_text_is_read_as_the_file_holds_it() {
    assert_eq!(cell("A", 1, "count", "1,045*").number(), Some(1045.0));
    assert_eq!(
        cell("A", 1, "count", "16.6543120942738").number(),
        Some(16.6543120942738)
    );
    assert_eq!(cell("A", 1, "count", "").number(), None);
    let bad = [cell("A", 2020, "count", "n/a")];
    assert!(read(&bad).unwrap_err().contains("\"n/a\""));
}
