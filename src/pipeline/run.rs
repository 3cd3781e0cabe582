//! `run` and `render`: the whole pipeline, stage after stage, into a staging folder published
//! at the end; `plan`: what `run` would do.
//!
//! Ingest → warehouse (Parquet) → SQL → figures, tables, report → manifest, all built aside and
//! swapped in only when everything succeeded, so a failed run leaves the previous output as it
//! was.

use std::collections::BTreeMap;
use std::path::Path;

use super::cache::{self, Plan};
use super::timing::{Timings, write_last_run};
use super::{Options, Outcome, Summary, check_output, ingest, load_report_spec, protected, target};

use crate::config::Pipeline;
use crate::error::{Error, IngestError, Result};
use crate::query::{Table, lineage};
use crate::report;
use crate::store::manifest::{Record, manifest};
use crate::store::warehouse::{Name, Warehouse};
use crate::store::{self, Output};

/// Run the pipeline and publish its output folder (or `output` when given), doing only the
/// steps whose inputs changed since the published output (all of them with `force`).
pub fn run(pipeline: &Pipeline, output: Option<&Path>, options: Options) -> Result<Summary> {
    let shown = target(pipeline, output);
    let mut out = Output::open(&shown, &protected(pipeline), options.carry_over)?;
    let target = out.path().to_path_buf();
    let mut timings = Timings::default();
    let report_spec = load_report_spec(pipeline)?;
    let mut hashes = if options.force {
        cache::FileHashes::fresh()
    } else {
        cache::FileHashes::reusing(&target)
    };
    // Forced, the run ingests whatever the fingerprint says: both at once, a large csv hashed
    // by its reader from the bytes it reads (as `ingest` does).
    let mut ingested = None;
    let fingerprint = if options.force {
        out.verify()?;
        let started = std::time::Instant::now();
        let (fingerprint, seconds, warehouse) =
            ingest::ingest_beside_fingerprint(pipeline, &mut hashes, |w| w);
        timings.record("fingerprint", seconds);
        // An input the hashing cannot read is reported first, as when it ran before the ingest.
        let fingerprint = fingerprint?;
        ingested = Some(warehouse?);
        timings.record("ingest", started.elapsed().as_secs_f64());
        fingerprint
    } else {
        timings.time("fingerprint", || cache::fingerprint(pipeline, &mut hashes))?
    };
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
            let state = target.join(crate::store::publish::STATE_DIR);
            let real_dir = std::fs::symlink_metadata(&state).is_ok_and(|m| m.is_dir());
            if hashes.changed() && real_dir {
                // Only a cache: a refresh that cannot be written costs a hash next time.
                if let Err(e) = hashes.save(&target) {
                    tracing::warn!(error = %e, "Stat cache not refreshed");
                }
            }
            return Ok(Summary {
                outcome: Outcome::UpToDate,
                reasons: vec!["nothing changed since the published output".into()],
                output: shown,
                tables: BTreeMap::new(),
                results: BTreeMap::new(),
                files: 0,
                preview: None,
            });
        }
        Plan::Render(reasons) => match out.verify().map(|()| Warehouse::read(&target))? {
            Ok(w) => (w, Outcome::Rendered, reasons),
            Err(e) => {
                tracing::warn!(error = %e, "Published warehouse unreadable; ingesting again");
                (
                    timings.time("ingest", || ingest::ingest(pipeline))?,
                    Outcome::Ran,
                    reasons,
                )
            }
        },
        Plan::Full(reasons) => {
            let warehouse = match ingested {
                Some(w) => w,
                None => {
                    out.verify()?;
                    timings.time("ingest", || ingest::ingest(pipeline))?
                }
            };
            (warehouse, Outcome::Ran, reasons)
        }
    };
    publish(
        pipeline,
        &mut out,
        &report_spec,
        &warehouse,
        (&fingerprint, &mut hashes),
        (timings, outcome, reasons),
        &languages(pipeline, &options)?,
    )
}

/// Regenerate figures, tables and report from the warehouse of an existing output folder,
/// without reading the sources again (after a template, spec or SQL edit).
pub fn render(pipeline: &Pipeline, output: Option<&Path>, options: Options) -> Result<Summary> {
    let shown = target(pipeline, output);
    let mut out = Output::open(&shown, &protected(pipeline), options.carry_over)?;
    out.verify()?;
    let target = out.path().to_path_buf();
    let timings = Timings::default();
    let report_spec = load_report_spec(pipeline)?;
    let mut hashes = cache::FileHashes::reusing(&target);
    let mut fingerprint = cache::fingerprint(pipeline, &mut hashes)?;
    let warehouse = Warehouse::read(&target)?;
    // The warehouse is the published one: record what it was built from, not the inputs as
    // they are now, so that a later `run` still sees changed inputs (or a new tool) and ingests.
    if let Some(before) = cache::published(&target) {
        cache::same_tables(&target, &before, &fingerprint, "render")?;
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
        (timings, Outcome::Rendered, vec!["render requested".into()]),
        &languages(pipeline, &options)?,
    )
}

/// Every file under `dir`, written into the staging folder under `rel`.
fn copy_folder(dir: &Path, rel: &str, staging: &store::publish::Staging) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::environment("cannot list", dir, e))?;
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let inner = format!("{rel}/{name}");
        if p.is_dir() {
            copy_folder(&p, &inner, staging)?;
        } else {
            let bytes = std::fs::read(&p).map_err(|e| Error::environment("cannot read", &p, e))?;
            staging.write(&inner, &bytes)?;
        }
    }
    Ok(())
}

/// The languages a run writes (the original first) and those whose folders the new output
/// keeps from the published one (`--lang`): the original is always written.
pub(super) struct Languages {
    pub(super) write: Vec<String>,
    pub(super) keep: Vec<String>,
}

pub(super) fn languages(pipeline: &Pipeline, options: &Options) -> Result<Languages> {
    let all = pipeline.document.languages();
    let Some(asked) = &options.languages else {
        return Ok(Languages {
            write: all,
            keep: Vec::new(),
        });
    };
    if let Some(unknown) = asked.iter().find(|l| !all.contains(l)) {
        return Err(crate::error::ConfigError::Invalid(format!(
            "--lang {unknown}: the pipeline writes {} (document.languages)",
            all.join(", ")
        ))
        .into());
    }
    let (write, keep) = all
        .iter()
        .cloned()
        .enumerate()
        .partition::<Vec<_>, _>(|(i, l)| *i == 0 || asked.contains(l));
    Ok(Languages {
        write: write.into_iter().map(|(_, l)| l).collect(),
        keep: keep.into_iter().map(|(_, l)| l).collect(),
    })
}

/// What `run` would do now, step by step (refused, as `run` would be, when the output may
/// not be written).
pub fn plan(
    pipeline: &Pipeline,
    output: Option<&Path>,
    options: Options,
) -> Result<BTreeMap<&'static str, String>> {
    let target = check_output(pipeline, output, options.carry_over)?;
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

fn publish(
    pipeline: &Pipeline,
    out: &mut Output,
    report_spec: &report::spec::ReportSpec,
    warehouse: &Warehouse,
    (fingerprint, hashes): (&store::manifest::Fingerprint, &mut cache::FileHashes),
    (mut timings, outcome, reasons): (Timings, Outcome, Vec<String>),
    languages: &Languages,
) -> Result<Summary> {
    let (results, lineage) = timings.time("sql", || {
        crate::query::prepare::query_with_lineage(pipeline, warehouse)
    })?;
    let quarantine = crate::query::to_table(
        Path::new("quarantine"),
        std::slice::from_ref(warehouse.get(Name::Quarantine)),
    )?;
    let empty = Table::default();
    let checks = results
        .get(crate::query::quality::CHECKS_TABLE)
        .unwrap_or(&empty);
    let quality = crate::query::quality::evaluate(&pipeline.quality, &quarantine, checks)?;
    if let Some(message) = quality.failure {
        return Err(IngestError::Quality { message }.into());
    }
    // Only what is new warns: findings the pipeline does not acknowledge, and
    // acknowledgements that match nothing.
    for w in &quality.alerts {
        tracing::warn!(check = %w, "Data quality");
    }
    let staging = out.staging(&pipeline.name)?;
    let wh = staging.subdir("warehouse")?;
    staging.write("quality.json", &quality.json)?;
    // The warehouse and the lineage are written while the report is built (their files and
    // the report's are different ones).
    let (written, artefacts) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let start = std::time::Instant::now();
            let done = warehouse.write(&wh).and_then(|_| {
                store::write_parquet(
                    &wh.join(format!("{}.parquet", lineage::LINEAGE_TABLE)),
                    &lineage,
                    &["item", "address"],
                )
            });
            (done, start.elapsed().as_secs_f64())
        });
        let artefacts = timings.time("report", || {
            report::build_languages(pipeline, report_spec, &results, &languages.write)
        });
        let written = writer.join().unwrap_or_else(|_| {
            (
                Err(Error::Internal("the Parquet writer panicked".into())),
                0.0,
            )
        });
        (written, artefacts)
    });
    let (written, seconds) = written;
    timings.record("parquet write", seconds);
    written?;
    let artefacts = artefacts?;
    let preview = report::preview(pipeline, report_spec, &results, 5)?;
    let write_start = std::time::Instant::now();
    for a in &artefacts {
        staging.write(&a.path.to_string_lossy(), &a.bytes)?;
    }
    // The languages not written this time keep their folders (`--lang`).
    for l in &languages.keep {
        let kept = out.path().join(l);
        if kept.is_dir() {
            copy_folder(&kept, l, &staging)?;
        } else {
            tracing::warn!(language = %l, "Not in the published output, and not written (--lang)");
        }
    }
    tracing::info!(
        stage = "write report files",
        seconds = write_start.elapsed().as_secs_f64(),
        "Stage finished"
    );
    let mut tables = warehouse.row_counts();
    tables.insert(lineage::LINEAGE_TABLE.to_string(), lineage.num_rows());
    let record = Record {
        pipeline,
        tables: &tables,
        results: Some(&results),
        fingerprint,
        warnings: &quality.warnings,
    };
    let manifest = timings.time("manifest", || {
        manifest(record, staging.path(), &mut |p: &Path| hashes.sha256(p))
    })?;
    staging.write(store::publish::MANIFEST_FILE, &manifest)?;
    hashes.save(staging.path())?;
    write_last_run(&staging, &timings, outcome, &reasons, &quality.warnings)?;
    let files = artefacts.len() + warehouse.tables().count() + 3;
    timings.time("publish", || out.publish(staging))?;
    Ok(Summary {
        outcome,
        reasons,
        output: out.shown().to_path_buf(),
        tables,
        results,
        files,
        preview,
    })
}
