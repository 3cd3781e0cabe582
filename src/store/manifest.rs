//! The manifest of an output folder: tool, fingerprint, inputs and outputs with their sizes and
//! sha256, row counts, warnings and the SQL files' hashes. Byte-identical for the same inputs.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::store::table::Table;

#[derive(Serialize)]
struct Manifest {
    tool: ToolInfo,
    fingerprint: Fingerprint,
    pipeline: FileEntry,
    params: crate::config::Params,
    inputs: Vec<InputEntry>,
    tables: BTreeMap<String, usize>,
    /// Data-quality findings that did not stop the run (details in quality.json).
    warnings: Vec<String>,
    queries: BTreeMap<String, QueryEntry>,
    report: Vec<FileEntry>,
    /// The document's word count against the limit (`document.json`), when a report was
    /// written.
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<serde_json::Value>,
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

/// Size and sha256 of an input (the hashes the fingerprint already computed).
pub type Hasher<'a> = dyn FnMut(&Path) -> Result<(u64, String)> + 'a;

/// An input's entry.
fn file_entry(base: &Path, path: &Path, hashes: &mut Hasher) -> Result<FileEntry> {
    let (bytes, sha256) = hashes(path)?;
    Ok(FileEntry {
        path: crate::config::relative(base, path),
        bytes,
        sha256,
    })
}

/// An output's entry (a file this run wrote).
fn output_entry(base: &Path, path: &Path) -> Result<FileEntry> {
    let (bytes, sha256) = super::hash::sha256_file(path)?;
    Ok(FileEntry {
        path: crate::config::relative(base, path),
        bytes,
        sha256,
    })
}

/// What a manifest records of a run besides its files.
pub struct Record<'a> {
    pub pipeline: &'a Pipeline,
    /// Rows per warehouse table.
    pub tables: &'a BTreeMap<String, usize>,
    /// Every query's result (none for an ingest-only output).
    pub results: Option<&'a BTreeMap<String, Table>>,
    pub fingerprint: &'a Fingerprint,
    /// Data-quality findings that did not stop the run.
    pub warnings: &'a [String],
}

/// The manifest of the output folder being built in `dir`, as JSON.
pub fn manifest(record: Record, dir: &Path, hashes: &mut Hasher) -> Result<Vec<u8>> {
    let Record {
        pipeline,
        tables,
        results,
        fingerprint,
        warnings,
    } = record;
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
    for f in pipeline.name_files() {
        add("countries", "names", "", "kidnap-trends", &f)?;
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
        // The lineage queries, with the lineage rows of each item.
        let mut per_item: BTreeMap<String, usize> = BTreeMap::new();
        if let Some(t) = results.get(crate::store::warehouse::LINEAGE_SOURCES)
            && let (Some(i), Some(n)) = (t.column("item"), t.column("rows"))
        {
            for r in &t.rows {
                *per_item.entry(r[i].as_text()).or_default() +=
                    r[n].as_f64().unwrap_or(0.0) as usize;
            }
        }
        for (item, file) in pipeline.lineage_files()? {
            let e = file_entry(&base, &file, hashes)?;
            let rows = per_item.get(&item).copied().unwrap_or(0);
            queries.insert(
                format!("{}/{item}", crate::config::LINEAGE_DIR),
                QueryEntry {
                    sha256: e.sha256,
                    rows,
                },
            );
        }
        for f in pipeline.report_files()? {
            report_files.push(file_entry(&base, &f, hashes)?);
        }
    }
    let mut outputs = Vec::new();
    collect_files(dir, dir, &mut outputs)?;
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    let pipeline_entry = file_entry(&base, &pipeline.file, hashes)?;
    let document = std::fs::read(dir.join("document.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
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
        document,
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
            if dir == root && entry.file_name() == super::publish::STATE_DIR {
                continue;
            }
            collect_files(root, &p, out)?;
        } else {
            out.push(output_entry(root, &p)?);
        }
    }
    Ok(())
}

/// Hashes of everything a run depends on, grouped by the step that uses them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Tool name and version, and the embedded font.
    pub tool: String,
    /// Source settings and every input file's bytes: what ingest reads.
    pub ingest: String,
    /// Parameters and SQL files: what the queries compute.
    pub queries: String,
    /// Report spec and templates: what the report draws.
    pub report: String,
}
