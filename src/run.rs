//! Run: the whole pipeline, stage after stage, into a staging folder published at the end.
//!
//! Takes a checked `Pipeline`; returns a `Summary` of what was written. Ingest → warehouse
//! (Parquet) → SQL → figures, tables, report → manifest, all built aside and swapped in only
//! when everything succeeded, so a failed run leaves the previous output as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cache::{self, Plan};
use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::ingest::{self, IngestError};
use crate::query::{Engine, Table};
use crate::report;
use crate::store::{self, Output, Protected, Staging};

/// What a run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Ingested, queried and reported.
    Ran,
    /// Reused the published warehouse; queried and reported.
    Rendered,
    /// Nothing changed since the published output: nothing was written.
    UpToDate,
}

/// What a run produced.
#[derive(Debug)]
pub struct Summary {
    /// What the run did.
    pub outcome: Outcome,
    /// Why (the plan's reasons).
    pub reasons: Vec<String>,
    /// The published output folder.
    pub output: PathBuf,
    /// Rows per warehouse table.
    pub tables: BTreeMap<String, usize>,
    /// Result of every query, by name.
    pub results: BTreeMap<String, Table>,
    /// Number of files written.
    pub files: usize,
}

#[derive(Serialize)]
struct Manifest {
    tool: ToolInfo,
    fingerprint: crate::cache::Fingerprint,
    pipeline: FileEntry,
    params: crate::config::Params,
    inputs: Vec<InputEntry>,
    tables: BTreeMap<String, usize>,
    /// Data-quality findings that did not stop the run (details in quality.json).
    warnings: Vec<String>,
    queries: BTreeMap<String, QueryEntry>,
    report: Vec<FileEntry>,
    outputs: Vec<FileEntry>,
}

#[derive(Serialize)]
struct ToolInfo {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct FileEntry {
    path: String,
    bytes: u64,
    sha256: String,
}

#[derive(Serialize)]
struct InputEntry {
    role: String,
    id: String,
    release: String,
    citation: String,
    path: String,
    bytes: u64,
    sha256: String,
}

#[derive(Serialize)]
struct QueryEntry {
    sha256: String,
    rows: usize,
}

pub use crate::store::hash::{sha256_file, sha256_hex};

/// An input's entry, with the hash the fingerprint already computed.
fn file_entry(base: &Path, path: &Path, hashes: &mut cache::FileHashes) -> Result<FileEntry> {
    let (bytes, sha256) = hashes.sha256(path)?;
    Ok(FileEntry {
        path: relative(base, path),
        bytes,
        sha256,
    })
}

/// An output's entry (a file this run wrote).
fn output_entry(base: &Path, path: &Path) -> Result<FileEntry> {
    let (bytes, sha256) = sha256_file(path)?;
    Ok(FileEntry {
        path: relative(base, path),
        bytes,
        sha256,
    })
}

/// Run `f`, logging its wall time as a stage of the run (`-v`: "Stage finished", with `stage`
/// and `seconds`; how `benches/RESULTS.md` splits the default run).
pub(crate) fn timed<T>(stage: &'static str, f: impl FnOnce() -> T) -> T {
    let start = std::time::Instant::now();
    let out = f();
    let seconds = start.elapsed().as_secs_f64();
    tracing::info!(stage, seconds, "Stage finished");
    STAGES.with(|s| s.borrow_mut().push(StageTime { stage, seconds }));
    out
}

/// One stage's wall time.
#[derive(Serialize)]
struct StageTime {
    stage: &'static str,
    seconds: f64,
}

thread_local! {
    /// Stages timed on this thread since the run began (a run's stages run on its thread;
    /// the summed stages make the total, publication excepted).
    static STAGES: std::cell::RefCell<Vec<StageTime>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What the last run did and how long each stage took: `.kidnap-trends/last-run.json` in the
/// output folder, for schedulers. Not an artefact (timings differ from run to run, so they
/// stay out of `manifest.json`, which is byte-identical for the same inputs).
#[derive(Serialize)]
struct LastRun<'a> {
    outcome: &'a str,
    reasons: &'a [String],
    warnings: &'a [String],
    stages: Vec<StageTime>,
    total_seconds: f64,
}

fn write_last_run(
    staging: &Staging,
    outcome: Outcome,
    reasons: &[String],
    warnings: &[String],
) -> Result<()> {
    let stages = STAGES.with(|s| std::mem::take(&mut *s.borrow_mut()));
    let total_seconds = stages.iter().map(|s| s.seconds).sum();
    let doc = LastRun {
        outcome: match outcome {
            Outcome::Ran => "ran",
            Outcome::Rendered => "rendered",
            Outcome::UpToDate => "up to date",
        },
        reasons,
        warnings,
        stages,
        total_seconds,
    };
    let mut json = serde_json::to_vec_pretty(&doc).map_err(|e| Error::Internal(e.to_string()))?;
    json.push(b'\n');
    staging.write(&format!("{}/last-run.json", cache::STATE_DIR), &json)
}

/// `path` as written relative to `base` when it lies under it, else as given; '/' separators.
fn relative(base: &Path, path: &Path) -> String {
    let p = path.strip_prefix(base).unwrap_or(path);
    p.to_string_lossy().replace('\\', "/")
}

/// The warehouse tables, read from the pipeline's inputs.
pub struct Warehouse {
    /// The main sources' observations: the report's data.
    pub observations: arrow::array::RecordBatch,
    /// Observations of the release named by `previous:` (empty when there is none).
    pub previous: arrow::array::RecordBatch,
    /// Every release of the main source kept with its id: the main sources and the
    /// `role: release` sources.
    pub releases: arrow::array::RecordBatch,
    /// Other publishers' country-year figures (`role: comparison` sources).
    pub comparisons: arrow::array::RecordBatch,
    /// Sub-national rows of sources that have them.
    pub subnational: arrow::array::RecordBatch,
    /// Source rows that failed a row rule, with the reason.
    pub quarantine: arrow::array::RecordBatch,
    /// The pipeline's sources: id, role, layout, release, citation, encoding, file.
    pub sources: arrow::array::RecordBatch,
    pub population: arrow::array::RecordBatch,
    pub countries: arrow::array::RecordBatch,
}

impl Warehouse {
    /// (table name, batch, Parquet sort order) of every table, in a fixed order.
    pub fn tables(
        &self,
    ) -> [(
        &'static str,
        &arrow::array::RecordBatch,
        &'static [&'static str],
    ); 9] {
        const BY_UNIT_YEAR: &[&str] = &["category", "iso3", "year"];
        [
            ("observations", &self.observations, BY_UNIT_YEAR),
            ("previous_observations", &self.previous, BY_UNIT_YEAR),
            (
                "releases",
                &self.releases,
                &["release", "category", "iso3", "year"],
            ),
            (
                "comparisons",
                &self.comparisons,
                &["source_id", "iso3", "year"],
            ),
            (
                "subnational",
                &self.subnational,
                &["source_id", "iso3", "subunit_code", "year"],
            ),
            ("quarantine", &self.quarantine, &["source_id", "row"]),
            ("sources", &self.sources, &["id"]),
            ("population", &self.population, &["iso3", "year"]),
            ("countries", &self.countries, &["iso3"]),
        ]
    }

    /// Make every table visible to SQL under its name.
    pub fn register(&self, engine: &Engine) -> Result<()> {
        for (name, batch, _) in self.tables() {
            engine.register_batch(name, batch.clone())?;
        }
        Ok(())
    }

    /// Rows per table.
    pub fn row_counts(&self) -> BTreeMap<String, usize> {
        self.tables()
            .iter()
            .map(|(n, b, _)| (n.to_string(), b.num_rows()))
            .collect()
    }
}

/// What one source yielded.
#[derive(Default)]
struct SourceRows {
    observations: Vec<ingest::Observation>,
    subnational: Vec<ingest::SubObservation>,
    findings: Vec<ingest::Finding>,
}

/// Read one source of any layout; UN-CTS codes are resolved (aliases such as `GBR_EW`
/// become the reference code) and unknown ones become findings.
fn read_source(source: &crate::config::Source, resolver: &ingest::Resolver) -> Result<SourceRows> {
    let _span = tracing::info_span!("ingest", source = %source.id).entered();
    let start = std::time::Instant::now();
    let rows = match source.layout {
        crate::config::Layout::Table => {
            let t = ingest::read_table(source, resolver)?;
            tracing::info!(
                rows_read = t.rows_read,
                observations = t.observations.len(),
                "Source read"
            );
            SourceRows {
                observations: t.observations,
                subnational: t.subnational,
                findings: t.findings,
            }
        }
        crate::config::Layout::UnodcCts => {
            let out = ingest::read_unodc_cts(source)?;
            let mut findings = out.findings;
            let mut observations = Vec::with_capacity(out.observations.len());
            for mut o in out.observations {
                match resolver.resolve(ingest::CodeKind::Iso3, &o.iso3) {
                    Ok(c) => {
                        o.iso3.clone_from(&c.iso3);
                        observations.push(o);
                    }
                    Err(hint) => findings.push(ingest::Finding {
                        rule: ingest::Rule::UnknownCode,
                        source_id: source.id.clone(),
                        file: source.path.clone(),
                        row: o.source_row as usize,
                        column: "A (Iso3_code)".into(),
                        iso3: None,
                        year: Some(o.year),
                        message: IngestError::UnknownCode {
                            file: source.path.clone(),
                            row: o.source_row as usize,
                            column: "Iso3_code".into(),
                            code: o.iso3.clone(),
                            hint,
                        }
                        .to_string(),
                        raw: format!("{} | {} | {} | {:?}", o.iso3, o.country, o.year, o.value),
                    }),
                }
            }
            tracing::info!(observations = observations.len(), "Source read");
            SourceRows {
                observations,
                subnational: Vec::new(),
                findings,
            }
        }
    };
    tracing::info!(
        source = %source.id,
        seconds = start.elapsed().as_secs_f64(),
        "Source read"
    );
    Ok(rows)
}

/// The `sources` table: one row per source of the pipeline, sorted by id.
fn sources_batch(pipeline: &Pipeline) -> arrow::array::RecordBatch {
    use arrow::array::{ArrayRef, Int32Array, StringArray};
    use arrow::datatypes::{DataType, Field, Schema};
    use std::sync::Arc;
    let base = pipeline.file.parent().unwrap_or(Path::new(""));
    let mut rows: Vec<([String; 7], Option<i32>)> = pipeline
        .sources
        .iter()
        .map(|s| {
            (
                [
                    s.id.clone(),
                    yaml_name(&s.role),
                    yaml_name(&s.layout),
                    s.release.clone(),
                    s.citation.clone(),
                    yaml_name(&s.encoding),
                    relative(base, &s.path),
                ],
                s.table
                    .as_ref()
                    .and_then(|t| t.decimals)
                    .map(|d| d.min(15) as i32),
            )
        })
        .collect();
    rows.sort();
    let names = [
        "id", "role", "layout", "release", "citation", "encoding", "file",
    ];
    let mut fields: Vec<Field> = names
        .iter()
        .map(|n| Field::new(*n, DataType::Utf8, false))
        .collect();
    fields.push(Field::new("decimals", DataType::Int32, true));
    let mut columns: Vec<ArrayRef> = (0..names.len())
        .map(|i| Arc::new(StringArray::from_iter_values(rows.iter().map(|r| &r.0[i]))) as ArrayRef)
        .collect();
    columns.push(Arc::new(Int32Array::from_iter(rows.iter().map(|r| r.1))));
    arrow::array::RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
        .unwrap_or_else(|e| unreachable!("sources schema mismatch: {e}"))
}

/// An enum value as the pipeline YAML spells it (`comparison`, `windows-1252`).
fn yaml_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// One source's observations, failing as `run` would when its rows break the pipeline's
/// row-rule limits (for commands that read a single source, such as `diff`).
pub fn read_source_checked(
    pipeline: &Pipeline,
    source: &crate::config::Source,
    resolver: &ingest::Resolver,
) -> Result<Vec<ingest::Observation>> {
    let rows = read_source(source, resolver)?;
    quality_gate(pipeline, &rows.findings)?;
    Ok(rows.observations)
}

/// Source indexes, the slowest to read first. Reading time is estimated from the file size:
/// an xlsx file (zipped XML) costs about ten times a csv or Parquet file of the same size
/// (measured on the shipped sources: 1.4 MB of xlsx ≈ 0.38 s, 17.5 MB of csv ≈ 0.48 s).
fn longest_first(sources: &[crate::config::Source]) -> Vec<usize> {
    let cost = |s: &crate::config::Source| {
        let bytes = std::fs::metadata(&s.path).map_or(0, |m| m.len());
        let xlsx = ingest::extension(&s.path) == "xlsx";
        bytes.saturating_mul(if xlsx { 10 } else { 1 })
    };
    let mut order: Vec<(u64, usize)> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (cost(s), i))
        .collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    order.into_iter().map(|(_, i)| i).collect()
}

/// Fail when more rows failed a row rule than the pipeline allows.
fn quality_gate(pipeline: &Pipeline, findings: &[ingest::Finding]) -> Result<()> {
    for rule in ingest::Rule::ALL {
        let failed: Vec<&ingest::Finding> = findings.iter().filter(|f| f.rule == rule).collect();
        let max = pipeline.quality.row_limit(rule);
        let Some(first) = failed.first() else {
            continue;
        };
        if failed.len() > max {
            let message = if max == 0 {
                first.message.clone()
            } else {
                format!(
                    "{} rows failed the rule `{}`, more than the {} that `quality.{}.max` allows; the first: {}",
                    failed.len(),
                    rule.name(),
                    max,
                    rule.name(),
                    first.message
                )
            };
            return Err(IngestError::Quality { message }.into());
        }
    }
    Ok(())
}

/// Read every input into the warehouse tables; sources are read two at a time.
pub fn ingest(pipeline: &Pipeline) -> Result<Warehouse> {
    use crate::config::Role;
    let countries = ingest::read_countries(&pipeline.countries, &pipeline.units)?;
    let resolver = ingest::Resolver::new(&countries, pipeline.aliases.as_deref())?;
    let known: BTreeSet<String> = countries.iter().map(|c| c.iso3.clone()).collect();
    // Sources are independent: read them on both cores, each worker taking the next source,
    // the longest first (so that a large file does not start last and run alone).
    let sources = &pipeline.sources;
    let order = longest_first(sources);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<(usize, Result<SourceRows>)> = std::thread::scope(|scope| {
        let worker = || {
            let mut out = Vec::new();
            loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(&i) = order.get(k) else { break };
                out.push((i, read_source(&sources[i], &resolver)));
            }
            out
        };
        let other = scope.spawn(worker);
        let mut mine = worker();
        match other.join() {
            Ok(theirs) => mine.extend(theirs),
            Err(_) => mine.push((
                usize::MAX,
                Err(Error::Internal("a source reader panicked".into())),
            )),
        }
        mine
    });
    let mut results = results;
    results.sort_by_key(|(i, _)| *i);
    let mut main = Vec::new();
    let mut releases = Vec::new();
    let mut comparisons = Vec::new();
    let mut subnational = Vec::new();
    let mut findings = Vec::new();
    for (i, result) in results {
        let rows = result?;
        let source = &sources[i];
        findings.extend(rows.findings);
        subnational.extend(rows.subnational);
        match source.role {
            Role::Main => {
                releases.extend(rows.observations.iter().cloned());
                main.extend(rows.observations);
            }
            Role::Release => releases.extend(rows.observations),
            Role::Comparison => comparisons.extend(rows.observations),
        }
    }
    quality_gate(pipeline, &findings)?;
    let previous: Vec<ingest::Observation> = match &pipeline.previous {
        Some(p) => releases
            .iter()
            .filter(|o| o.source_id == p.id)
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    let population = ingest::read_population(&pipeline.population.path, &known)?;
    Ok(Warehouse {
        observations: ingest::observations_batch(main),
        previous: ingest::observations_batch(previous),
        releases: ingest::observations_batch(releases),
        comparisons: ingest::observations_batch(comparisons),
        subnational: ingest::subnational_batch(subnational),
        quarantine: ingest::quarantine_batch(&findings, &pipeline.file),
        sources: sources_batch(pipeline),
        population,
        countries: ingest::countries_batch(&countries),
    })
}

/// Register the warehouse and run every SQL file; table stages are materialised first.
pub fn query(pipeline: &Pipeline, warehouse: &Warehouse) -> Result<BTreeMap<String, Table>> {
    let (engine, mut results) = prepare(pipeline, warehouse)?;
    let outputs: Vec<(String, PathBuf)> = pipeline
        .query_files()?
        .into_iter()
        .filter(|(name, _)| !pipeline.tables.contains(name))
        .collect();
    // The output queries only read: run them on both cores (each query runs in one partition),
    // each thread taking the next file.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let run_all = || -> Vec<(usize, String, Result<Table>)> {
        let mut out = Vec::new();
        loop {
            let k = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let Some((name, file)) = outputs.get(k) else {
                break;
            };
            let _span = tracing::debug_span!("query", name = %name).entered();
            let start = std::time::Instant::now();
            let table = engine.run_file(file);
            let failed = table.is_err();
            if let Ok(t) = &table {
                tracing::debug!(
                    rows = t.rows.len(),
                    seconds = start.elapsed().as_secs_f64(),
                    "Query finished"
                );
            }
            out.push((k, name.clone(), table));
            if failed {
                break;
            }
        }
        out
    };
    let (mut done, theirs) = std::thread::scope(|scope| {
        let other = scope.spawn(run_all);
        let mine = run_all();
        (mine, other.join())
    });
    done.extend(theirs.map_err(|_| Error::Internal("a query thread panicked".into()))?);
    // Every file before a failing one was run (files are taken in order), so the first failure
    // in file order is the same whichever thread met it.
    done.sort_by_key(|(k, _, _)| *k);
    for (_, name, table) in done {
        results.insert(name, table?);
    }
    Ok(results)
}

/// A query engine with the pipeline's parameters and quality thresholds bound, the warehouse
/// registered, the quality checks run (table `quality_checks`, also returned by name) and the
/// pipeline's table stages materialised: what every SQL file of the pipeline, and an ad-hoc
/// query, may read.
pub fn prepare(
    pipeline: &Pipeline,
    warehouse: &Warehouse,
) -> Result<(Engine, BTreeMap<String, Table>)> {
    let mut engine = Engine::new(&pipeline.params)?;
    crate::quality::bind(&mut engine, &pipeline.quality);
    warehouse.register(&engine)?;
    // Table `release_changes`: the appendix's comparison with the previous release, by the
    // same SQL as the `diff` command.
    engine.register_batch("old_release", warehouse.previous.clone())?;
    engine.register_batch("new_release", warehouse.observations.clone())?;
    engine.bind(
        "threshold",
        datafusion::common::ScalarValue::Float64(Some(crate::diff::APPENDIX_THRESHOLD)),
    );
    engine.materialise_sql(
        "release_changes",
        Path::new(crate::diff::DIFF_SQL_FILE),
        crate::diff::DIFF_SQL,
    )?;
    let mut results = BTreeMap::new();
    results.insert(
        crate::quality::CHECKS_TABLE.to_string(),
        crate::quality::run_checks(&engine)?,
    );
    for (name, file) in pipeline.query_files()? {
        if pipeline.tables.contains(&name) {
            let _span = tracing::debug_span!("query", name = %name).entered();
            let rows = engine.materialise(&name, &file)?;
            tracing::debug!(rows, "Table materialised");
        }
    }
    Ok((engine, results))
}

/// How a command that writes an output folder treats it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Run every step even when nothing changed.
    pub force: bool,
    /// Keep files this tool did not write: carried over, unchanged, into the new output
    /// (without it, such files make the command refuse before doing anything).
    pub carry_over: bool,
}

/// The output folder a command writes: `output` when given, else the pipeline's.
pub fn target(pipeline: &Pipeline, output: Option<&Path>) -> PathBuf {
    output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| pipeline.output.clone())
}

/// What no output of `pipeline` may be, hold or lie in: its inputs (sources, reference tables,
/// the pipeline file, the SQL files and templates) and its queries and report folders.
pub fn protected(pipeline: &Pipeline) -> Protected {
    let mut inputs: Vec<PathBuf> = pipeline.sources.iter().map(|s| s.path.clone()).collect();
    inputs.extend([
        pipeline.population.path.clone(),
        pipeline.countries.clone(),
        pipeline.units.clone(),
        pipeline.file.clone(),
    ]);
    inputs.extend(pipeline.aliases.clone());
    let mut folders = vec![
        ("queries", pipeline.queries_dir.clone()),
        ("report", pipeline.report_dir.clone()),
    ];
    // And the folders that hold them (`queries/`, `reports/`: the quality and release SQL,
    // the fonts), unless that is a folder the pipeline file itself lies in.
    let home = std::fs::canonicalize(&pipeline.file).ok();
    for (what, dir) in [
        ("queries", &pipeline.queries_dir),
        ("reports", &pipeline.report_dir),
    ] {
        if let Some(parent) = std::fs::canonicalize(dir)
            .ok()
            .and_then(|d| d.parent().map(Path::to_path_buf))
            && !home.as_ref().is_some_and(|h| h.starts_with(&parent))
        {
            folders.push((what, parent));
        }
    }
    Protected { inputs, folders }
}

/// Check, without writing anything, that a command may publish `pipeline`'s output (or
/// `output`): what `run` refuses before doing any work (`plan` and `validate` say it too).
pub fn check_output(pipeline: &Pipeline, output: Option<&Path>, carry_over: bool) -> Result<()> {
    Output::inspect(&target(pipeline, output), &protected(pipeline), carry_over)
}

/// Run the pipeline and publish its output folder (or `output` when given), doing only the
/// steps whose inputs changed since the published output (all of them with `force`).
pub fn run(pipeline: &Pipeline, output: Option<&Path>, options: Options) -> Result<Summary> {
    let shown = target(pipeline, output);
    let mut out = Output::open(&shown, &protected(pipeline), options.carry_over)?;
    let target = out.path().to_path_buf();
    STAGES.with(|s| s.borrow_mut().clear());
    let report_spec = load_report_spec(pipeline)?;
    let mut hashes = if options.force {
        cache::FileHashes::fresh()
    } else {
        cache::FileHashes::reusing(&target)
    };
    let fingerprint = timed("fingerprint", || cache::fingerprint(pipeline, &mut hashes))?;
    let plan = cache::plan(
        &fingerprint,
        cache::published(&target).as_ref(),
        options.force,
    );
    let (warehouse, outcome, reasons) = match plan {
        Plan::UpToDate => {
            // Nothing to publish; refresh the stat cache if a file was touched (or too new to
            // be recorded last time), so that the next refresh need not read it again.
            hashes.sha256(&pipeline.file)?;
            if hashes.changed() {
                hashes.save(&target)?;
            }
            return Ok(Summary {
                outcome: Outcome::UpToDate,
                reasons: vec!["nothing changed since the published output".into()],
                output: shown,
                tables: BTreeMap::new(),
                results: BTreeMap::new(),
                files: 0,
            });
        }
        Plan::Render(reasons) => match read_warehouse(&target) {
            Ok(w) => (w, Outcome::Rendered, reasons),
            Err(e) => {
                tracing::warn!(error = %e, "Published warehouse unreadable; ingesting again");
                (timed("ingest", || ingest(pipeline))?, Outcome::Ran, reasons)
            }
        },
        Plan::Full(reasons) => (timed("ingest", || ingest(pipeline))?, Outcome::Ran, reasons),
    };
    publish(
        pipeline,
        &mut out,
        &report_spec,
        &warehouse,
        (&fingerprint, &mut hashes),
        outcome,
        reasons,
    )
}

/// Regenerate figures, tables and report from the warehouse of an existing output folder,
/// without reading the sources again (after a template, spec or SQL edit).
pub fn render(pipeline: &Pipeline, output: Option<&Path>, options: Options) -> Result<Summary> {
    let shown = target(pipeline, output);
    let mut out = Output::open(&shown, &protected(pipeline), options.carry_over)?;
    let target = out.path().to_path_buf();
    STAGES.with(|s| s.borrow_mut().clear());
    let report_spec = load_report_spec(pipeline)?;
    let mut hashes = cache::FileHashes::reusing(&target);
    let mut fingerprint = cache::fingerprint(pipeline, &mut hashes)?;
    let warehouse = read_warehouse(&target)?;
    // The warehouse is the published one: record what it was built from, not the inputs as
    // they are now, so that a later `run` still sees changed inputs (or a new tool) and ingests.
    if let Some(before) = cache::published(&target) {
        if before.ingest != fingerprint.ingest {
            tracing::warn!(
                "The inputs changed since the published warehouse was built; render uses that \
                 warehouse (run `kidnap-trends run` to read the inputs again)"
            );
        }
        fingerprint.ingest = before.ingest;
        fingerprint.tool = before.tool;
    }
    publish(
        pipeline,
        &mut out,
        &report_spec,
        &warehouse,
        (&fingerprint, &mut hashes),
        Outcome::Rendered,
        vec!["render requested".into()],
    )
}

/// What `run` would do now, step by step (refused, as `run` would be, when the output may
/// not be written).
pub fn plan(
    pipeline: &Pipeline,
    output: Option<&Path>,
    options: Options,
) -> Result<BTreeMap<&'static str, String>> {
    check_output(pipeline, output, options.carry_over)?;
    let target = target(pipeline, output);
    let mut hashes = if options.force {
        cache::FileHashes::fresh()
    } else {
        cache::FileHashes::reusing(&target)
    };
    let fingerprint = cache::fingerprint(pipeline, &mut hashes)?;
    Ok(cache::describe(&cache::plan(
        &fingerprint,
        cache::published(&target).as_ref(),
        options.force,
    )))
}

/// Write the warehouse tables into `dir` (zstd Parquet, sort order recorded).
fn write_warehouse(dir: &Path, warehouse: &Warehouse) -> Result<()> {
    for (name, batch, order) in warehouse.tables() {
        store::write_parquet(&dir.join(format!("{name}.parquet")), batch, order)?;
    }
    Ok(())
}

/// Read the warehouse tables of a published output folder.
pub fn read_warehouse(target: &Path) -> Result<Warehouse> {
    let wh = target.join("warehouse");
    let t = |name: &str| read_parquet(&wh.join(format!("{name}.parquet")));
    Ok(Warehouse {
        observations: t("observations")?,
        previous: t("previous_observations")?,
        releases: t("releases")?,
        comparisons: t("comparisons")?,
        subnational: t("subnational")?,
        quarantine: t("quarantine")?,
        sources: t("sources")?,
        population: t("population")?,
        countries: t("countries")?,
    })
}

/// Read a whole Parquet file into one batch.
pub fn read_parquet(path: &Path) -> Result<arrow::array::RecordBatch> {
    let err = |e: &dyn std::fmt::Display| Error::Store {
        context: "cannot read warehouse table (run `kidnap-trends run` first)",
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Output(format!(
                "{} does not exist: the output holds no published warehouse (run \
                 `kidnap-trends run` first)",
                path.display()
            )));
        }
        Err(e) => return Err(err(&e)),
    };
    let builder = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| err(&e))?;
    let schema = builder.schema().clone();
    let reader = builder.build().map_err(|e| err(&e))?;
    let batches = reader
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| err(&e))?;
    arrow::compute::concat_batches(&schema, &batches).map_err(|e| err(&e))
}

fn publish(
    pipeline: &Pipeline,
    out: &mut Output,
    report_spec: &report::spec::ReportSpec,
    warehouse: &Warehouse,
    (fingerprint, hashes): (&cache::Fingerprint, &mut cache::FileHashes),
    outcome: Outcome,
    reasons: Vec<String>,
) -> Result<Summary> {
    let results = timed("sql", || query(pipeline, warehouse))?;
    let quarantine = crate::query::to_table(
        Path::new("quarantine"),
        std::slice::from_ref(&warehouse.quarantine),
    )?;
    let empty = Table::default();
    let checks = results.get(crate::quality::CHECKS_TABLE).unwrap_or(&empty);
    let quality = crate::quality::evaluate(&pipeline.quality, &quarantine, checks)?;
    if let Some(message) = quality.failure {
        return Err(IngestError::Quality { message }.into());
    }
    for w in &quality.warnings {
        tracing::warn!(check = %w, "Data quality");
    }
    let staging = out.staging(&pipeline.name)?;
    let wh = staging.subdir("warehouse")?;
    timed("parquet write", || write_warehouse(&wh, warehouse))?;
    staging.write("quality.json", &quality.json)?;

    let artefacts = timed("report", || report::build(pipeline, report_spec, &results))?;
    let write_start = std::time::Instant::now();
    for a in &artefacts {
        staging.write(&a.path.to_string_lossy(), &a.bytes)?;
    }
    tracing::info!(
        stage = "write report files",
        seconds = write_start.elapsed().as_secs_f64(),
        "Stage finished"
    );
    let tables = warehouse.row_counts();
    let manifest = timed("manifest", || {
        manifest(
            pipeline,
            &staging,
            &tables,
            Some(&results),
            fingerprint,
            &quality.warnings,
            hashes,
        )
    })?;
    staging.write(store::publish::MANIFEST_FILE, &manifest)?;
    hashes.save(staging.path())?;
    write_last_run(&staging, outcome, &reasons, &quality.warnings)?;
    let files = artefacts.len() + warehouse.tables().len() + 2;
    timed("publish", || out.publish(staging))?;
    Ok(Summary {
        outcome,
        reasons,
        output: out.shown().to_path_buf(),
        tables,
        results,
        files,
    })
}

/// Load `report.yaml` of the pipeline's report folder, checked against its queries.
pub fn load_report_spec(pipeline: &Pipeline) -> Result<report::spec::ReportSpec> {
    let names: Vec<String> = pipeline
        .query_files()?
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    report::spec::load(&pipeline.report_dir.join("report.yaml"), &names)
}

fn manifest(
    pipeline: &Pipeline,
    staging: &Staging,
    tables: &BTreeMap<String, usize>,
    results: Option<&BTreeMap<String, Table>>,
    fingerprint: &cache::Fingerprint,
    warnings: &[String],
    hashes: &mut cache::FileHashes,
) -> Result<Vec<u8>> {
    let base = pipeline
        .file
        .parent()
        .unwrap_or(Path::new(""))
        .to_path_buf();
    let mut inputs = Vec::new();
    let mut add =
        |role: &str, id: &str, release: &str, citation: &str, path: &Path| -> Result<()> {
            let e = file_entry(&base, path, hashes)?;
            inputs.push(InputEntry {
                role: role.into(),
                id: id.into(),
                release: release.into(),
                citation: citation.into(),
                path: e.path,
                bytes: e.bytes,
                sha256: e.sha256,
            });
            Ok(())
        };
    for s in &pipeline.sources {
        let role = match s.role {
            crate::config::Role::Main => "source",
            crate::config::Role::Release => "release",
            crate::config::Role::Comparison => "comparison",
        };
        add(role, &s.id, &s.release, &s.citation, &s.path)?;
    }
    let pop = &pipeline.population;
    add(
        "population",
        "population",
        &pop.vintage,
        &pop.citation,
        &pop.path,
    )?;
    add(
        "countries",
        "countries",
        "",
        &pipeline.countries_citation,
        &pipeline.countries,
    )?;
    add(
        "countries",
        "reporting-units",
        "",
        "kidnap-trends",
        &pipeline.units,
    )?;
    if let Some(a) = &pipeline.aliases {
        add("countries", "aliases", "", "kidnap-trends", a)?;
    }

    let mut queries = BTreeMap::new();
    let mut report_files = Vec::new();
    // An ingest-only output records no queries and no report: a later run renders them.
    if let Some(results) = results {
        for (name, file) in pipeline.query_files()? {
            let e = file_entry(&base, &file, hashes)?;
            let rows = results.get(&name).map_or(0, |t| t.rows.len());
            queries.insert(
                name,
                QueryEntry {
                    sha256: e.sha256,
                    rows,
                },
            );
        }
        for f in ["report.yaml", "report.html.j2", "report.md.j2"] {
            report_files.push(file_entry(&base, &pipeline.report_dir.join(f), hashes)?);
        }
    }
    let mut outputs = Vec::new();
    collect_files(staging.path(), staging.path(), &mut outputs)?;
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    let pipeline_entry = file_entry(&base, &pipeline.file, hashes)?;
    let m = Manifest {
        tool: ToolInfo {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        fingerprint: fingerprint.clone(),
        pipeline: pipeline_entry,
        params: pipeline.params.clone(),
        inputs,
        tables: tables.clone(),
        warnings: warnings.to_vec(),
        queries,
        report: report_files,
        outputs,
    };
    let mut json = serde_json::to_vec_pretty(&m).map_err(|e| Error::Internal(e.to_string()))?;
    json.push(b'\n');
    Ok(json)
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<FileEntry>) -> Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::environment("cannot list", dir, e))?;
    for entry in rd {
        let entry = entry.map_err(|e| Error::environment("cannot list", dir, e))?;
        let p = entry.path();
        if p.is_dir() {
            // The stat cache is not an artefact (its contents depend on the machine).
            if dir == root && entry.file_name() == cache::STATE_DIR {
                continue;
            }
            collect_files(root, &p, out)?;
        } else {
            out.push(output_entry(root, &p)?);
        }
    }
    Ok(())
}

/// Check a pipeline without running it: config, SQL files, report spec and templates.
pub fn validate(path: &Path) -> Result<Pipeline> {
    let pipeline = crate::config::load(path)?;
    for (_, file) in pipeline.query_files()? {
        crate::query::check_sql(&file)?;
    }
    load_report_spec(&pipeline)?;
    check_output(&pipeline, None, false)?;
    for f in ["report.html.j2", "report.md.j2"] {
        let file = pipeline.report_dir.join(f);
        let src = std::fs::read_to_string(&file).map_err(|e| Error::Report {
            file: file.clone(),
            message: format!("cannot read: {e}"),
        })?;
        let mut env = minijinja::Environment::new();
        env.add_template_owned(f.to_string(), src)
            .map_err(|e| Error::Report {
                file: file.clone(),
                message: match e.line() {
                    Some(l) => format!("line {l}: {e}"),
                    None => e.to_string(),
                },
            })?;
    }
    Ok(pipeline)
}

// ---------------------------------------------------------------------------------------------
// `kidnap-trends ingest`: sources → warehouse only (used by the benchmarks in benches/).
// ---------------------------------------------------------------------------------------------

/// What `ingest_warehouse` published.
#[derive(Debug)]
pub struct IngestSummary {
    /// The published warehouse folder, `<output>/warehouse`.
    pub warehouse: PathBuf,
    /// Rows per warehouse table.
    pub tables: BTreeMap<String, usize>,
}

/// Read the pipeline's inputs and publish an output folder holding only the warehouse
/// (`<output>/warehouse/*.parquet`), its manifest and ownership record (the pipeline's `output`
/// unless `output` is given), under the same rules as `run`: a later `run` or `render` into
/// the same folder reuses that warehouse. A failed ingest leaves the previous output as it was.
pub fn ingest_warehouse(
    pipeline: &Pipeline,
    output: Option<&Path>,
    options: Options,
) -> Result<IngestSummary> {
    let shown = target(pipeline, output);
    let mut out = Output::open(&shown, &protected(pipeline), options.carry_over)?;
    let mut hashes = cache::FileHashes::fresh();
    let mut fingerprint = cache::fingerprint(pipeline, &mut hashes)?;
    // Queries and report were not run: a later `run` renders them from this warehouse.
    fingerprint.queries.clear();
    fingerprint.report.clear();
    let warehouse = ingest(pipeline)?;
    let staging = out.staging(&pipeline.name)?;
    let wh = staging.subdir("warehouse")?;
    write_warehouse(&wh, &warehouse)?;
    let tables = warehouse.row_counts();
    let manifest = manifest(
        pipeline,
        &staging,
        &tables,
        None,
        &fingerprint,
        &[],
        &mut hashes,
    )?;
    staging.write(store::publish::MANIFEST_FILE, &manifest)?;
    hashes.save(staging.path())?;
    out.publish(staging)?;
    Ok(IngestSummary {
        warehouse: shown.join("warehouse"),
        tables,
    })
}
