//! Criterion benchmarks of the in-process stages (no process start-up, no file output):
//!
//! - `ingest/csv 100k rows`: streaming csv ingest of a synthetic UN-CTS file (`synth`, seed 1,
//!   written into a temporary folder first);
//! - `ingest/xlsx 2025 workbook`: ingest of the shipped workbook
//!   (`data/unodc-cts-violent-2025/`), Kidnapping rows;
//! - `sql/default pipeline`: every SQL file of `pipelines/ccpcj-kidnapping.yaml` (table stages
//!   materialised, then the figure, table and narrative queries) over its warehouse, read once;
//! - `figure/lines 6 series x 11 years`: layout, SVG and PNG of one line chart.
//!
//! `cargo bench --bench stages` (release profile); `cargo bench --bench stages -- --quick` for a
//! shorter run. Results land in the target folder's `criterion/` (no plots: criterion is built
//! without them).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kidnap_trends::chart::{FigureText, Series};
use kidnap_trends::config::Source;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn source(path: &Path) -> Source {
    Source::unodc_cts("bench", path, "bench", "Kidnapping")
}

fn ingest(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let csv = dir.path().join("cts.csv");
    kidnap_trends::synth::write(&kidnap_trends::synth::Options {
        rows: 100_000,
        seed: 1,
        out: csv.clone(),
        format: kidnap_trends::synth::Format::Csv,
        subnational_kidnapping: 8,
        overwrite: true,
    })
    .expect("synthetic csv");
    let xlsx = root().join("data/unodc-cts-violent-2025/data_cts_violent_and_sexual_crime.xlsx");

    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    for (name, path) in [("csv 100k rows", &csv), ("xlsx 2025 workbook", &xlsx)] {
        let src = source(path);
        let bytes = std::fs::metadata(path).expect("input file").len();
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function(name, |b| {
            b.iter(|| kidnap_trends::ingest::read_unodc_cts(black_box(&src)).expect("ingest"))
        });
    }
    g.finish();
}

fn sql(c: &mut Criterion) {
    let pipeline = kidnap_trends::config::load(&root().join("pipelines/ccpcj-kidnapping.yaml"))
        .expect("default pipeline");
    let warehouse = kidnap_trends::pipeline::ingest(&pipeline).expect("default warehouse");
    let mut g = c.benchmark_group("sql");
    g.sample_size(10);
    g.bench_function("default pipeline", |b| {
        b.iter(|| {
            kidnap_trends::query::prepare::query(&pipeline, black_box(&warehouse)).expect("queries")
        })
    });
    g.finish();
}

fn figure(c: &mut Criterion) {
    let text = FigureText {
        id: "B1".into(),
        number: 1,
        title: "Kidnapping rate by region, constant panel".into(),
        subtitle: "Rate per 100,000 population".into(),
        source: "Source: synthetic series for the benchmark.".into(),
        notes: vec!["Regions with fewer than 3 panel units are not shown.".into()],
        description: String::new(),
        bare: false,
        words: Default::default(),
    };
    let names = [
        "Africa",
        "Americas",
        "Asia",
        "Europe",
        "Oceania",
        "All countries",
    ];
    let series: Vec<Series> = names
        .iter()
        .enumerate()
        .map(|(i, name)| Series {
            name: (*name).into(),
            points: (2013..=2023)
                .map(|y| {
                    (
                        y,
                        1.0 + i as f64 * 0.7 + f64::from((y * 7 + i as i32 * 3) % 5) * 0.3,
                    )
                })
                .collect(),
        })
        .collect();
    c.bench_function("figure/lines 6 series x 11 years", |b| {
        b.iter(|| {
            kidnap_trends::chart::lines(black_box(&text), black_box(&series), "per 100,000")
                .expect("figure")
        })
    });
}

criterion_group!(stages, ingest, sql, figure);
criterion_main!(stages);
