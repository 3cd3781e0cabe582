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

/// The parameters of the tests: window 2013–2016, breaks at ratio 2 on 20 cases, held
/// within 25 per cent.
fn params() -> Params {
    Params {
        first_year: 2013,
        last_year: 2016,
        break_ratio: 2.0,
        break_min_count: 20.0,
        break_hold: 0.25,
        min_countries: 2,
        region_share_for_text: 0.5,
        ..Params::default()
    }
}

/// A batch of a warehouse table with the columns the quality checks read.
type Row = (&'static str, i32, &'static str, &'static str);

fn table(rows: &[Row]) -> arrow::array::RecordBatch {
    use arrow::array::{Int32Array, StringArray};
    use std::sync::Arc;
    let text = |f: fn(&Row) -> &'static str| {
        Arc::new(StringArray::from_iter_values(rows.iter().map(f))) as arrow::array::ArrayRef
    };
    arrow::array::RecordBatch::try_from_iter([
        ("iso3", text(|r| r.0)),
        (
            "year",
            Arc::new(Int32Array::from_iter_values(rows.iter().map(|r| r.1))) as _,
        ),
        ("unit", text(|r| r.2)),
        ("source_cell", text(|r| r.3)),
        ("source_row", text(|_| "2")),
    ])
    .unwrap()
}

fn with_context<T>(
    item: &str,
    field: &str,
    row: &[(&str, &str)],
    tables: &Tables,
    lineage: &dyn Fn(&str) -> Vec<Cell>,
    f: impl FnOnce(&Context) -> T,
) -> T {
    let params = params();
    let members: BTreeMap<String, Member> = [
        ("AAA", true, "Europe", None),
        ("BBB", true, "Europe", None),
        ("CCC", true, "Asia", None),
        ("AAA_S", false, "Europe", Some("AAA")),
    ]
    .into_iter()
    .map(|(iso3, m49, region, parent)| {
        (
            iso3.to_string(),
            Member {
                m49,
                region: region.into(),
                parent: parent.map(String::from),
            },
        )
    })
    .collect();
    let quality = crate::config::Quality::default();
    let ctx = Context {
        item,
        field,
        row: row
            .iter()
            .map(|(k, v)| (k.to_string(), Value::Text(v.to_string())))
            .collect(),
        params: &params,
        previous: None,
        sources: &[],
        members: &members,
        lineage,
        under: &|_| Vec::new(),
        previous_rows: 0,
        quality: &quality,
        tables,
    };
    f(&ctx)
}

fn empty_tables() -> Tables {
    Tables {
        observations: table(&[]),
        population: table(&[]),
    }
}

#[test]
fn a_break_by_hand() {
    // 10 → 30 per 100,000 in 2015 (ln 3 > ln 2), on 60 cases, held in 2016 (33 is within
    // 25 per cent of 30): a confirmed break in 2015.
    let s = [
        (2013, 100.0, 10.0),
        (2014, 100.0, 10.0),
        (2015, 300.0, 30.0),
        (2016, 330.0, 33.0),
    ];
    let t = empty_tables();
    with_context("N4", "with_break", &[], &t, &|_| Vec::new(), |ctx| {
        assert_eq!(coverage::window_break(ctx, &s), Some(2015));
        // Reverting the next year is no break; nor is a jump on too few cases; nor one with no
        // year after it (only possible); nor one into the first year of the window.
        let mut back = s;
        back[3] = (2016, 100.0, 10.0);
        assert_eq!(coverage::window_break(ctx, &back), None);
        let few = s.map(|(y, c, r)| (y, c / 20.0, r));
        assert_eq!(coverage::window_break(ctx, &few), None);
        assert_eq!(coverage::window_break(ctx, &s[..3]), None);
        let early = [
            (2012, 100.0, 10.0),
            (2013, 300.0, 30.0),
            (2014, 310.0, 31.0),
        ];
        assert_eq!(coverage::window_break(ctx, &early), None);
        // From zero to cases counts as an infinite jump; zero staying zero holds.
        let from_zero = [(2013, 0.0, 0.0), (2014, 25.0, 1.0), (2015, 26.0, 1.1)];
        assert_eq!(coverage::window_break(ctx, &from_zero), Some(2014));
        let to_zero = [(2013, 25.0, 1.0), (2014, 0.0, 0.0), (2015, 0.0, 0.0)];
        assert_eq!(coverage::window_break(ctx, &to_zero), Some(2014));
    });
}

#[test]
fn table_1s_coverage_by_hand() {
    // Europe: AAA (1,000,000) and BBB (3,000,000) are M49 members; AAA and its sub-national
    // unit AAA_S report in 2016, BBB does not. AAA_S is left out (its country reports): the
    // covered share is 1,000,000 ÷ 4,000,000; AAA_S has no M49 code and is never in the
    // denominator.
    let cells = [
        cell("AAA", 2016, "count", "10"),
        cell("AAA", 2016, "population", "1000000"),
        cell("AAA_S", 2016, "count", "5"),
        cell("AAA_S", 2016, "population", "500000"),
        cell("BBB", 2016, "population", "3000000"),
        cell("BBB", 2014, "count", "7"),
    ];
    let t = empty_tables();
    let run = |field: &str| {
        with_context(
            "T1",
            field,
            &[("region", "Europe")],
            &t,
            &|_| Vec::new(),
            |ctx| recompute(ctx, &cells).unwrap().unwrap().0,
        )
    };
    assert_eq!(run("population_share"), 0.25);
    assert_eq!(run("countries"), 2.0);
    assert_eq!(run("reporting"), 3.0);
    assert_eq!(run("panel"), 0.0);
}

#[test]
fn the_quality_checks_by_hand() {
    // AAA: 10 cases and a rate of 1.5 on 1,000,000 inhabitants (count ÷ population gives 1.0:
    // a gap of a third, over 10 per cent); 10 → 60 cases the next year (six-fold, over five, on
    // at least 20 cases). AAA_S reports in 2015, as AAA does (with), and in 2017, when AAA
    // does not (without).
    let obs = [
        ("AAA", 2015, "count", "10"),
        ("AAA", 2015, "rate_per_100k", "1.5"),
        ("AAA", 2016, "count", "60"),
        ("AAA", 2016, "rate_per_100k", "6.0"),
        ("AAA_S", 2015, "count", "1"),
        ("AAA_S", 2017, "count", "1"),
    ];
    let t = Tables {
        observations: table(&obs),
        population: table(&[("AAA", 2015, "", "1000000"), ("AAA", 2016, "", "1,000,000")]),
    };
    for (rule, findings) in [
        ("rate_mismatch", 1.0),
        ("implausible_jump", 1.0),
        ("subnational_with_national", 1.0),
        ("subnational_without_national", 1.0),
        ("bad_value", 0.0),
    ] {
        let got = with_context(
            "T10",
            "findings",
            &[("rule", rule)],
            &t,
            &|_| Vec::new(),
            |ctx| recompute(ctx, &[]).unwrap().unwrap().0,
        );
        assert_eq!(got, findings, "{rule}");
    }
}
