//! Run: the whole pipeline, stage after stage, into a staging folder published at the end.
//!
//! Takes a checked `Pipeline`; returns a `Summary` of what was written. Ingest → warehouse
//! (Parquet) → SQL → figures, tables, report → manifest, all built aside and swapped in only
//! when everything succeeded, so a failed run leaves the previous output as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::cache::{self, Plan};
use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::ingest::{self, IngestError};
use crate::query::{Engine, Table};
use crate::report;
use crate::store::{self, Staging};

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

/// Hex sha256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

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

/// Size and hex sha256 of a file, read in blocks (memory stays flat for any file size).
pub fn sha256_file(path: &Path) -> Result<(u64, String)> {
    use std::io::Read;
    let err = |e: std::io::Error| Error::Store {
        context: "cannot read for checksum",
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut file = std::fs::File::open(path).map_err(err)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(err)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        total += n as u64;
    }
    let digest = hasher.finalize();
    Ok((total, digest.iter().map(|b| format!("{b:02x}")).collect()))
}

/// Run `f`, logging its wall time as a stage of the run (`-v`: "Stage finished", with `stage`
/// and `seconds`; how `benches/RESULTS.md` splits the default run).
pub(crate) fn timed<T>(stage: &'static str, f: impl FnOnce() -> T) -> T {
    let start = std::time::Instant::now();
    let out = f();
    tracing::info!(
        stage,
        seconds = start.elapsed().as_secs_f64(),
        "Stage finished"
    );
    out
}

/// `path` as written relative to `base` when it lies under it, else as given; '/' separators.
fn relative(base: &Path, path: &Path) -> String {
    let p = path.strip_prefix(base).unwrap_or(path);
    p.to_string_lossy().replace('\\', "/")
}

/// The three warehouse tables, read from the pipeline's inputs.
pub struct Warehouse {
    pub observations: arrow::array::RecordBatch,
    /// Observations of the previous release (empty when the pipeline names none).
    pub previous: arrow::array::RecordBatch,
    pub population: arrow::array::RecordBatch,
    pub countries: arrow::array::RecordBatch,
}

/// Read every input into the warehouse tables.
pub fn ingest(pipeline: &Pipeline) -> Result<Warehouse> {
    // The previous release is independent of everything else: read it on the other core.
    std::thread::scope(|scope| {
        let previous = scope.spawn(|| {
            timed("ingest previous release", || match &pipeline.previous {
                Some(p) => ingest::read_unodc_cts(p).map(ingest::observations_batch),
                None => Ok(ingest::observations_batch(Vec::new())),
            })
        });
        let current = timed("ingest current release and references", || {
            ingest_current(pipeline)
        });
        let previous = previous
            .join()
            .map_err(|_| Error::Internal("reading the previous release panicked".into()))??;
        let (observations, population, countries) = current?;
        Ok(Warehouse {
            observations,
            previous,
            population,
            countries,
        })
    })
}

type Current = (
    arrow::array::RecordBatch,
    arrow::array::RecordBatch,
    arrow::array::RecordBatch,
);

fn ingest_current(pipeline: &Pipeline) -> Result<Current> {
    let countries = ingest::read_countries(&pipeline.countries, &pipeline.units)?;
    let known: BTreeSet<String> = countries.iter().map(|c| c.iso3.clone()).collect();
    let mut rows = Vec::new();
    for source in &pipeline.sources {
        let _span = tracing::info_span!("ingest", source = %source.id).entered();
        let obs = ingest::read_unodc_cts(source)?;
        for o in &obs {
            if !known.contains(&o.iso3) {
                let hint = known
                    .iter()
                    .map(|k| (strsim::jaro_winkler(&o.iso3, k), k))
                    .filter(|(s, _)| *s > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, k)| format!("; did you mean `{k}`?"))
                    .unwrap_or_else(|| {
                        "; add it to the reporting-units table if it is a real unit".into()
                    });
                return Err(IngestError::UnknownCode {
                    file: source.path.clone(),
                    row: o.source_row as usize,
                    column: "Iso3_code".into(),
                    code: o.iso3.clone(),
                    hint,
                }
                .into());
            }
        }
        tracing::info!(rows = obs.len(), "Source read");
        rows.extend(obs);
    }
    let population = ingest::read_population(&pipeline.population.path, &known)?;
    Ok((
        ingest::observations_batch(rows),
        population,
        ingest::countries_batch(&countries),
    ))
}

/// Register the warehouse and run every SQL file; table stages are materialised first.
pub fn query(pipeline: &Pipeline, warehouse: &Warehouse) -> Result<BTreeMap<String, Table>> {
    let engine = Engine::new(&pipeline.params)?;
    engine.register_batch("observations", warehouse.observations.clone())?;
    engine.register_batch("previous_observations", warehouse.previous.clone())?;
    engine.register_batch("population", warehouse.population.clone())?;
    engine.register_batch("countries", warehouse.countries.clone())?;
    let mut results = BTreeMap::new();
    for (name, file) in pipeline.query_files()? {
        let _span = tracing::debug_span!("query", name = %name).entered();
        let start = std::time::Instant::now();
        if pipeline.tables.contains(&name) {
            let rows = engine.materialise(&name, &file)?;
            tracing::debug!(
                rows,
                seconds = start.elapsed().as_secs_f64(),
                "Table materialised"
            );
        } else {
            let table = engine.run_file(&file)?;
            tracing::debug!(
                rows = table.rows.len(),
                seconds = start.elapsed().as_secs_f64(),
                "Query finished"
            );
            results.insert(name, table);
        }
    }
    Ok(results)
}

/// Run the pipeline and publish its output folder (or `output` when given), doing only the
/// steps whose inputs changed since the published output (all of them with `force`).
pub fn run(pipeline: &Pipeline, output: Option<&Path>, force: bool) -> Result<Summary> {
    let target = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| pipeline.output.clone());
    let _lock = store::lock(&target)?;
    let report_spec = load_report_spec(pipeline)?;
    let mut hashes = if force {
        cache::FileHashes::fresh()
    } else {
        cache::FileHashes::reusing(&target)
    };
    let fingerprint = timed("fingerprint", || cache::fingerprint(pipeline, &mut hashes))?;
    let plan = cache::plan(&fingerprint, cache::published(&target).as_ref(), force);
    match plan {
        Plan::UpToDate => {
            // Nothing to publish; refresh the stat cache if a file was touched (or too new to
            // be recorded last time), so that the next refresh need not read it again.
            hashes.sha256(&pipeline.file)?;
            if hashes.changed() {
                hashes.save(&target)?;
            }
            Ok(Summary {
                outcome: Outcome::UpToDate,
                reasons: vec!["nothing changed since the published output".into()],
                output: target,
                tables: BTreeMap::new(),
                results: BTreeMap::new(),
                files: 0,
            })
        }
        Plan::Render(reasons) => {
            let (warehouse, outcome) = match read_warehouse(&target) {
                Ok(w) => (w, Outcome::Rendered),
                Err(e) => {
                    tracing::warn!(error = %e, "Published warehouse unreadable; ingesting again");
                    (ingest(pipeline)?, Outcome::Ran)
                }
            };
            publish(
                pipeline,
                &target,
                &report_spec,
                &warehouse,
                (&fingerprint, &mut hashes),
                outcome,
                reasons,
            )
        }
        Plan::Full(reasons) => {
            let warehouse = timed("ingest", || ingest(pipeline))?;
            publish(
                pipeline,
                &target,
                &report_spec,
                &warehouse,
                (&fingerprint, &mut hashes),
                Outcome::Ran,
                reasons,
            )
        }
    }
}

/// Regenerate figures, tables and report from the warehouse of an existing output folder,
/// without reading the sources again (after a template, spec or SQL edit).
pub fn render(pipeline: &Pipeline, output: Option<&Path>) -> Result<Summary> {
    let target = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| pipeline.output.clone());
    let _lock = store::lock(&target)?;
    let report_spec = load_report_spec(pipeline)?;
    let mut hashes = cache::FileHashes::reusing(&target);
    let fingerprint = cache::fingerprint(pipeline, &mut hashes)?;
    let warehouse = read_warehouse(&target)?;
    publish(
        pipeline,
        &target,
        &report_spec,
        &warehouse,
        (&fingerprint, &mut hashes),
        Outcome::Rendered,
        vec!["render requested".into()],
    )
}

/// What `run` would do now, step by step.
pub fn plan(
    pipeline: &Pipeline,
    output: Option<&Path>,
    force: bool,
) -> Result<BTreeMap<&'static str, String>> {
    let target = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| pipeline.output.clone());
    let mut hashes = if force {
        cache::FileHashes::fresh()
    } else {
        cache::FileHashes::reusing(&target)
    };
    let fingerprint = cache::fingerprint(pipeline, &mut hashes)?;
    Ok(cache::describe(&cache::plan(
        &fingerprint,
        cache::published(&target).as_ref(),
        force,
    )))
}

/// Write the warehouse tables into `dir` (zstd Parquet, sort order recorded).
fn write_warehouse(dir: &Path, warehouse: &Warehouse) -> Result<()> {
    let by_unit_year = ["category", "iso3", "year"];
    store::write_parquet(
        &dir.join("observations.parquet"),
        &warehouse.observations,
        &by_unit_year,
    )?;
    store::write_parquet(
        &dir.join("previous_observations.parquet"),
        &warehouse.previous,
        &by_unit_year,
    )?;
    store::write_parquet(
        &dir.join("population.parquet"),
        &warehouse.population,
        &["iso3", "year"],
    )?;
    store::write_parquet(
        &dir.join("countries.parquet"),
        &warehouse.countries,
        &["iso3"],
    )
}

/// Read the warehouse tables of a published output folder.
pub fn read_warehouse(target: &Path) -> Result<Warehouse> {
    let wh = target.join("warehouse");
    Ok(Warehouse {
        observations: read_parquet(&wh.join("observations.parquet"))?,
        previous: read_parquet(&wh.join("previous_observations.parquet"))?,
        population: read_parquet(&wh.join("population.parquet"))?,
        countries: read_parquet(&wh.join("countries.parquet"))?,
    })
}

/// Read a whole Parquet file into one batch.
pub fn read_parquet(path: &Path) -> Result<arrow::array::RecordBatch> {
    let err = |e: &dyn std::fmt::Display| Error::Store {
        context: "cannot read warehouse table (run `kidnap-trends run` first)",
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(|e| err(&e))?;
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
    target: &Path,
    report_spec: &report::spec::ReportSpec,
    warehouse: &Warehouse,
    (fingerprint, hashes): (&cache::Fingerprint, &mut cache::FileHashes),
    outcome: Outcome,
    reasons: Vec<String>,
) -> Result<Summary> {
    let results = timed("sql", || query(pipeline, warehouse))?;
    let staging = Staging::new(target)?;
    let wh = staging.subdir("warehouse")?;
    timed("parquet write", || write_warehouse(&wh, warehouse))?;

    let artefacts = timed("report", || report::build(pipeline, report_spec, &results))?;
    let write_start = std::time::Instant::now();
    for a in &artefacts {
        let path = staging.path().join(&a.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::Store {
                context: "cannot create folder",
                path: parent.to_path_buf(),
                message: e.to_string(),
            })?;
        }
        std::fs::write(&path, &a.bytes).map_err(|e| Error::Store {
            context: "cannot write",
            path: path.clone(),
            message: e.to_string(),
        })?;
    }

    let mut tables = BTreeMap::new();
    tables.insert(
        "observations".to_string(),
        warehouse.observations.num_rows(),
    );
    tables.insert(
        "previous_observations".to_string(),
        warehouse.previous.num_rows(),
    );
    tables.insert("population".to_string(), warehouse.population.num_rows());
    tables.insert("countries".to_string(), warehouse.countries.num_rows());
    tracing::info!(
        stage = "write report files",
        seconds = write_start.elapsed().as_secs_f64(),
        "Stage finished"
    );
    let manifest = timed("manifest", || {
        manifest(pipeline, &staging, &tables, &results, fingerprint, hashes)
    })?;
    std::fs::write(staging.path().join("manifest.json"), manifest).map_err(|e| Error::Store {
        context: "cannot write",
        path: staging.path().join("manifest.json"),
        message: e.to_string(),
    })?;
    hashes.save(staging.path())?;
    let files = artefacts.len() + 5;
    let output = timed("publish", || staging.publish())?;
    Ok(Summary {
        outcome,
        reasons,
        output,
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
    results: &BTreeMap<String, Table>,
    fingerprint: &cache::Fingerprint,
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
        add("source", &s.id, &s.release, &s.citation, &s.path)?;
    }
    if let Some(p) = &pipeline.previous {
        add("previous", &p.id, &p.release, &p.citation, &p.path)?;
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

    let mut queries = BTreeMap::new();
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
    let mut report_files = Vec::new();
    for f in ["report.yaml", "report.html.j2", "report.md.j2"] {
        report_files.push(file_entry(&base, &pipeline.report_dir.join(f), hashes)?);
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
        queries,
        report: report_files,
        outputs,
    };
    let mut json = serde_json::to_vec_pretty(&m).map_err(|e| Error::Internal(e.to_string()))?;
    json.push(b'\n');
    Ok(json)
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<FileEntry>) -> Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::Store {
        context: "cannot list",
        path: dir.to_path_buf(),
        message: e.to_string(),
    })?;
    for entry in rd {
        let entry = entry.map_err(|e| Error::Store {
            context: "cannot list",
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
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
    let spec = load_report_spec(&pipeline)?;
    let _ = spec;
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

/// Read the pipeline's inputs and publish only `<output>/warehouse/*.parquet` (the pipeline's
/// `output` unless `output` is given). The warehouse folder is built beside itself and swapped
/// in at the end, under the output's lock, as `run` does; anything else in the output folder is
/// left alone, and a failed ingest leaves the previous warehouse as it was.
pub fn ingest_warehouse(pipeline: &Pipeline, output: Option<&Path>) -> Result<IngestSummary> {
    let target = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| pipeline.output.clone());
    let _lock = store::lock(&target)?;
    let warehouse = ingest(pipeline)?;
    let staging = Staging::new(&target.join("warehouse"))?;
    let dir = staging.path();
    write_warehouse(dir, &warehouse)?;
    let published = staging.publish()?;
    let tables = BTreeMap::from([
        (
            "observations".to_string(),
            warehouse.observations.num_rows(),
        ),
        ("population".to_string(), warehouse.population.num_rows()),
        ("countries".to_string(), warehouse.countries.num_rows()),
    ]);
    Ok(IngestSummary {
        warehouse: published,
        tables,
    })
}
