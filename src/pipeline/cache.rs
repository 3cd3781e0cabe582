//! Cache: decides which steps of a run must execute, from fingerprints of what each depends on.
//!
//! Takes a pipeline and the manifest of the output it would replace; returns a `Plan`: nothing
//! to do, re-render from the published warehouse (only SQL, templates or parameters changed), or
//! a full run (inputs, source settings or the tool changed, or no usable previous output), each
//! with the reasons. Never trusts a previous output whose files are missing.
//!
//! Every file is hashed at most once per run, through `FileHashes` (`stat_cache.rs`: a file
//! whose stat is unchanged since the last run is not read again).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

pub use super::stat_cache::FileHashes;
use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::store::hash::{sha256_hex, sha256_hex_of_parts};
pub use crate::store::manifest::Fingerprint;

/// What a run has to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// The published output was made from exactly these inputs.
    UpToDate,
    /// Reuse the published warehouse; rerun queries and report.
    Render(Vec<String>),
    /// Ingest again and rerun everything.
    Full(Vec<String>),
}

fn hash_file(path: &Path, hashes: &mut FileHashes, into: &mut Vec<u8>) -> Result<()> {
    let (_, sha) = hashes.sha256(path)?;
    into.extend_from_slice(
        path.file_name()
            .map(|n| n.as_encoded_bytes())
            .unwrap_or_default(),
    );
    into.push(0);
    into.extend_from_slice(sha.as_bytes());
    into.push(b'\n');
    Ok(())
}

fn files_in(dir: &Path, ext: &[&str]) -> Result<Vec<std::path::PathBuf>> {
    let mut out = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|e| Error::environment("cannot list", dir, e))?;
    for e in rd.flatten() {
        let p = e.path();
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if p.is_file() && ext.iter().any(|x| name.ends_with(x)) {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// The warehouse-schema part of a fingerprint's tool string (`… schema 1a2b… font …`).
pub fn schema_of(tool: &str) -> Option<&str> {
    let mut words = tool.split(' ');
    words.find(|w| *w == "schema")?;
    words.next()
}

/// Fingerprint the pipeline as it is on disk now; the files' hashes stay in `hashes`.
pub fn fingerprint(pipeline: &Pipeline, hashes: &mut FileHashes) -> Result<Fingerprint> {
    // The files no reader hashes come first (the reference tables here, the queries and
    // report below): a digest the ingest takes while it reads a source is awaited last, so
    // that little is left to hash once the ingest has read its sources.
    for path in [
        &pipeline.population.path,
        &pipeline.countries,
        &pipeline.units,
    ]
    .into_iter()
    .chain(&pipeline.aliases)
    {
        hashes.sha256(path)?;
    }
    let (queries, report) = (
        queries_part(pipeline, hashes)?,
        report_part(pipeline, hashes)?,
    );
    let tool = tool();
    let mut ingest = Vec::new();
    for s in &pipeline.sources {
        ingest.extend_from_slice(
            format!(
                "{}|{:?}|{}|{}|{:?}|{:?}|{:?}|{:?}\n",
                s.id, s.layout, s.release, s.category, s.citations, s.role, s.encoding, s.table
            )
            .as_bytes(),
        );
        hash_file(&s.path, hashes, &mut ingest)?;
    }
    // The previous release is one of the sources above (its bytes are in already): only which
    // one it is matters here.
    if let Some(p) = &pipeline.previous {
        ingest.extend_from_slice(format!("previous|{}\n", p.id).as_bytes());
    }
    hash_file(&pipeline.population.path, hashes, &mut ingest)?;
    hash_file(&pipeline.countries, hashes, &mut ingest)?;
    hash_file(&pipeline.units, hashes, &mut ingest)?;
    if let Some(a) = &pipeline.aliases {
        hash_file(a, hashes, &mut ingest)?;
    }
    // Row-rule limits decide whether the ingest fails.
    ingest.extend_from_slice(format!("{:?}\n", pipeline.quality).as_bytes());
    Ok(Fingerprint {
        tool,
        ingest: sha256_hex(&ingest),
        queries: sha256_hex(&queries),
        report: sha256_hex(&report),
    })
}

/// What the query results depend on besides the warehouse: parameters, tables, SQL files.
fn queries_part(pipeline: &Pipeline, hashes: &mut FileHashes) -> Result<Vec<u8>> {
    let mut queries =
        serde_json::to_vec(&pipeline.params).map_err(|e| Error::Internal(e.to_string()))?;
    queries.extend_from_slice(format!("{:?}\n", pipeline.tables).as_bytes());
    // Check thresholds are bound into the checks' SQL (shipped with the tool).
    queries.extend_from_slice(format!("{:?}\n", pipeline.quality).as_bytes());
    for f in files_in(&pipeline.queries_dir, &[".sql"])? {
        hash_file(&f, hashes, &mut queries)?;
    }
    for (_, f) in pipeline.lineage_files()? {
        hash_file(&f, hashes, &mut queries)?;
    }
    Ok(queries)
}

/// What the report depends on besides the query results: titles, citations, templates.
fn report_part(pipeline: &Pipeline, hashes: &mut FileHashes) -> Result<Vec<u8>> {
    let mut report = Vec::new();
    report.extend_from_slice(
        format!(
            "{}|{:?}|{}|{}\n",
            pipeline.title,
            pipeline.population.citations,
            pipeline.population.vintage,
            pipeline.countries_citation
        )
        .as_bytes(),
    );
    report.extend_from_slice(format!("{:?}\n", pipeline.document).as_bytes());
    for f in pipeline.report_files()? {
        hash_file(&f, hashes, &mut report)?;
    }
    for f in pipeline.name_files() {
        hash_file(&f, hashes, &mut report)?;
    }
    Ok(report)
}

/// The tool's part of a fingerprint: name, version, warehouse schemas and fonts.
fn tool() -> String {
    // A published warehouse is reused only by a tool that writes the same tables.
    let schemas: String = crate::ingest::sources::warehouse_schemas()
        .iter()
        .map(|s| {
            s.fields()
                .iter()
                .map(|f| format!("{}:{}:{}", f.name(), f.data_type(), f.is_nullable()))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join(";");
    format!(
        "{} {} schema {} font {}",
        env!("CARGO_PKG_NAME"),
        env!("CARGO_PKG_VERSION"),
        &sha256_hex(schemas.as_bytes())[..16],
        &sha256_hex_of_parts(
            [crate::assets::FONT_REGULAR, crate::assets::FONT_BOLD]
                .into_iter()
                .chain(crate::assets::SERIF)
        )[..16]
    )
}

#[derive(Deserialize)]
struct PublishedManifest {
    fingerprint: Option<Fingerprint>,
    outputs: Vec<PublishedFile>,
}

#[derive(Deserialize)]
struct PublishedFile {
    path: String,
    bytes: u64,
}

/// Refuse a published warehouse that another version of the tool wrote with other tables
/// (`command` cannot use it; `run` rebuilds it).
pub fn same_tables(
    dir: &Path,
    before: &Fingerprint,
    now: &Fingerprint,
    command: &str,
) -> Result<()> {
    if schema_of(&before.tool) != schema_of(&now.tool) {
        return Err(crate::error::Error::Output(format!(
            "the warehouse at {} was written by another version of kidnap-trends, with other \
             tables: {command} cannot use it (`kidnap-trends run` rebuilds it from the sources)",
            dir.display()
        )));
    }
    Ok(())
}

/// The fingerprint of a published output folder, if it is complete (every file of its
/// manifest present with its size).
pub fn published(target: &Path) -> Option<Fingerprint> {
    let text = std::fs::read(target.join("manifest.json")).ok()?;
    let m: PublishedManifest = serde_json::from_slice(&text).ok()?;
    let complete = m
        .outputs
        .iter()
        .all(|o| std::fs::metadata(target.join(&o.path)).is_ok_and(|md| md.len() == o.bytes));
    if complete { m.fingerprint } else { None }
}

/// Decide what to run.
pub fn plan(now: &Fingerprint, before: Option<&Fingerprint>, force: bool) -> Plan {
    if force {
        return Plan::Full(vec!["--force".into()]);
    }
    let Some(b) = before else {
        return Plan::Full(vec!["no complete previous output".into()]);
    };
    let mut full = Vec::new();
    if now.tool != b.tool {
        full.push(format!("tool changed ({} → {})", b.tool, now.tool));
    }
    if now.ingest != b.ingest {
        full.push("input files or source settings changed".into());
    }
    if !full.is_empty() {
        return Plan::Full(full);
    }
    let mut render = Vec::new();
    if now.queries != b.queries {
        render.push("SQL files or parameters changed".into());
    }
    if now.report != b.report {
        render.push("report spec or templates changed".into());
    }
    if render.is_empty() {
        Plan::UpToDate
    } else {
        Plan::Render(render)
    }
}

/// Per-step view of a plan, for `kidnap-trends plan`.
pub fn describe(plan: &Plan) -> BTreeMap<&'static str, String> {
    let mut steps = BTreeMap::new();
    match plan {
        Plan::UpToDate => {
            for s in ["1 ingest", "2 query", "3 report"] {
                steps.insert(s, "skip: unchanged".to_string());
            }
        }
        Plan::Render(why) => {
            steps.insert(
                "1 ingest",
                "skip: inputs unchanged (published warehouse reused)".into(),
            );
            steps.insert("2 query", format!("run: {}", why.join("; ")));
            steps.insert("3 report", format!("run: {}", why.join("; ")));
        }
        Plan::Full(why) => {
            for s in ["1 ingest", "2 query", "3 report"] {
                steps.insert(s, format!("run: {}", why.join("; ")));
            }
        }
    }
    steps
}
