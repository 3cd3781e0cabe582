//! Pipeline: sequences the stages for `run`, `render`, `plan`, `ingest` and `validate`, decides
//! what to publish, and owns the step cache (`cache`) and the run's timings (`timing`).
//!
//! Takes a checked `Pipeline`; returns what each command did. Nothing else: every stage's work
//! is in its own module.

pub mod cache;
pub mod diff;
mod ingest;
pub mod preview;
mod run;
mod stat_cache;
pub mod timing;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Pipeline;
use crate::error::Result;
use crate::query::Table;
use crate::store::{Output, Protected};

pub use ingest::{IngestSummary, ingest, ingest_warehouse};
pub use run::{plan, render, run};
pub use validate::validate;

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
    /// The first rows of the report's preview table, as the report prints them, and its
    /// caption.
    pub preview: Option<(String, Table)>,
    /// Number of files written.
    pub files: usize,
}

/// How a command that writes an output folder treats it.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Run every step even when nothing changed.
    pub force: bool,
    /// Keep files this tool did not write: carried over, unchanged, into the new output
    /// (without it, such files make the command refuse before doing anything).
    pub carry_over: bool,
    /// The languages to write (`--lang`), when not all the pipeline's: the original always,
    /// the others' folders carried over from the published output.
    pub languages: Option<Vec<String>>,
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
pub fn check_output(
    pipeline: &Pipeline,
    output: Option<&Path>,
    carry_over: bool,
) -> Result<PathBuf> {
    Output::inspect(&target(pipeline, output), &protected(pipeline), carry_over)
}

/// Load `report.yaml` of the pipeline's report folder, checked against its queries.
pub fn load_report_spec(pipeline: &Pipeline) -> Result<crate::report::spec::ReportSpec> {
    let names: Vec<String> = pipeline
        .query_files()?
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    crate::report::spec::load(&pipeline.report_dir.join("report.yaml"), &names)
}
