//! Every SQL file against the hand-made fixture (tests/fixtures/make_fixtures.py).
//! Expected values are worked out by hand from the fixture; the arithmetic is in the comments.
//!
//! Fixture (window 2018–2021, P1 = 2018–19, P2 = 2020–21, min_countries 2, floor 100,000):
//!
//! | unit  | region   | population          | count 2018/19/20/21 | rate 2018/19/20/21 |
//! |-------|----------|---------------------|---------------------|--------------------|
//! | AAA   | Europe   | 1,000,000           | 12 18 30 40         | 1.2 1.8 3 4        |
//! | BBB   | Europe   | 2,000,000           | 100 100 80 60       | 5 5 4 3            |
//! | GBR_S | Europe   | none → implied 5e6  | 20 20 20 20         | 0.4 (all years)    |
//! | CCC   | Asia     | 500,000             | 5 .. 5 0            | 1 .. 1 0 (gap)     |
//! | DDD   | Asia     | 50,000 (tiny)       | 5 5 5 5             | 10 (all years)     |
//! | EEE   | Asia     | 1,000,000           | 30 30 90 95         | 3 3 9 9.5 (break)  |
//! | FFF   | Americas | 3,000,000           | .. .. 300 ..        | .. .. 10 ..        |
//!
//! M49 members: Europe AAA, BBB, GBR (60,000,000; no data) → region population 63e6;
//! Asia CCC, DDD, EEE → 1.55e6; Americas FFF → 3e6; world 67.55e6 (WLD is dropped).

use std::collections::BTreeMap;
use std::path::Path;

use kidnap_trends::query::Table;

use crate::support::{approx, mini, null, results, row, sql};

mod annex;
mod body;

/// The fixture's query results, and its tables for ad-hoc SQL, after `change` has edited a copy
/// of its input files.
struct Changed {
    results: BTreeMap<String, Table>,
    engine: kidnap_trends::query::Engine,
    pipeline: kidnap_trends::config::Pipeline,
}

impl Changed {
    /// Table `id` as the report prints it (see `support::printed`).
    fn printed(&self, id: &str) -> Table {
        let spec = kidnap_trends::pipeline::load_report_spec(&self.pipeline).expect("spec");
        kidnap_trends::report::printed_table(&self.pipeline, &spec, &self.results, id, usize::MAX)
            .expect("printed table")
            .unwrap_or_else(|| panic!("no table {id}"))
            .1
    }

    fn sql(&self, query: &str) -> Table {
        let batches = self.engine.run_sql(Path::new("test"), query).expect("sql");
        kidnap_trends::query::to_table(Path::new("test"), &batches).expect("table")
    }
}

impl std::ops::Index<&str> for Changed {
    type Output = Table;
    fn index(&self, name: &str) -> &Table {
        &self.results[name]
    }
}

fn results_with(change: impl FnOnce(&Path)) -> Changed {
    let tmp = crate::support::sandbox();
    change(tmp.path());
    let p = kidnap_trends::config::load(&tmp.path().join("pipeline.yaml")).unwrap();
    let w = kidnap_trends::pipeline::ingest(&p).unwrap();
    let results = kidnap_trends::query::prepare::query(&p, &w).unwrap();
    let (engine, _) = kidnap_trends::query::prepare::prepare(&p, &w).unwrap();
    Changed {
        results,
        engine,
        pipeline: p,
    }
}

/// Append `lines` to the fixture file `name` in `dir`.
fn append(dir: &Path, name: &str, lines: &str) {
    crate::support::edit(&dir.join(name), |s| s + lines);
}

/// A World Bank population row for `code`, the same in every year 2016–2023 (as the fixture's).
fn population_rows(code: &str, population: u64) -> String {
    (2016..=2023)
        .map(|y| format!("{code},{code},{y},{population}\r\n"))
        .collect()
}
/// The fixture's two rows (count, rate) of one unit-year of kidnapping.
fn cts_rows(iso3: &str, name: &str, region: &str, year: i32, count: f64, rate: f64) -> String {
    [("Counts", count), ("\"Rate per 100,000 population\"", rate)]
        .iter()
        .map(|(unit, v)| {
            format!(
                "{iso3},{name},{region},{region},Violent offences,by type of offence,Kidnapping,Total,Total,{year},{unit},{v},CTS\n"
            )
        })
        .collect()
}
