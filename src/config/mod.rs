//! Pipeline configuration: YAML text → raw serde structs → one checked `Pipeline`.
//!
//! Takes the path of a pipeline file; returns a `Pipeline` whose paths are resolved against the
//! file's directory, or one `Error::Config` holding *every* diagnostic found (file:line:column,
//! the offending line, a caret, and "did you mean" for misspelt keys). Never reads data files,
//! never runs SQL, and never accepts a key it does not know.

mod check;
pub mod diag;
mod raw;
pub mod spans;
pub mod spec;

use std::path::{Path, PathBuf};

use crate::error::{ConfigError, Result};
use check::check;
use diag::{deserialize_all, diagnostics};
pub use raw::*;
pub use spec::{Encoding, Rule, TableSpec};

/// One input dataset, resolved.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub layout: Layout,
    pub path: PathBuf,
    pub release: String,
    /// In the document's language (the original's until [`Pipeline::in_language`]).
    pub citation: String,
    /// The citation in each language it is given in.
    pub citations: std::collections::BTreeMap<String, String>,
    pub category: String,
    pub role: Role,
    pub encoding: Encoding,
    pub table: Option<TableSpec>,
}

impl Source {
    /// A UN-CTS source read as UTF-8 with the main role (commands outside a pipeline).
    pub fn unodc_cts(id: &str, path: &Path, release: &str, category: &str) -> Source {
        Source {
            id: id.to_string(),
            layout: Layout::UnodcCts,
            path: path.to_path_buf(),
            release: release.to_string(),
            citation: String::new(),
            citations: Default::default(),
            category: category.to_string(),
            role: Role::Main,
            encoding: Encoding::Auto,
            table: None,
        }
    }
}

/// A reference file (population), resolved.
#[derive(Debug, Clone)]
pub struct Reference {
    pub path: PathBuf,
    /// In the document's language (the original's until [`Pipeline::in_language`]).
    pub citation: String,
    /// The citation in each language it is given in.
    pub citations: std::collections::BTreeMap<String, String>,
    pub vintage: String,
}

/// The checked pipeline every later stage works from.
#[derive(Debug, Clone)]
pub struct Pipeline {
    /// Path of the YAML file, as given.
    pub file: PathBuf,
    pub name: String,
    pub title: String,
    pub sources: Vec<Source>,
    /// The release compared with the main source in the report's appendix (a source with
    /// `role: release`), if any.
    pub previous: Option<Source>,
    /// Row-rule limits and warehouse checks.
    pub quality: Quality,
    pub population: Reference,
    /// ISO3 ↔ M49 table.
    pub countries: PathBuf,
    /// Reporting units the M49 table lacks (sub-national units, Kosovo).
    pub units: PathBuf,
    /// Other codes and names of units (older releases, other publishers).
    pub aliases: Option<PathBuf>,
    /// The folder of the name tables in six languages (`countries.names`).
    pub names: Option<PathBuf>,
    pub countries_citation: String,
    pub params: Params,
    /// Folder holding the SQL files.
    pub queries_dir: PathBuf,
    /// Query names materialised as tables, in order, before the others run.
    pub tables: Vec<String>,
    /// Folder holding the report template and figure/table specs.
    pub report_dir: PathBuf,
    /// Where the output folder is published.
    pub output: PathBuf,
    /// The masthead and session lines of the document.
    pub document: DocumentSettings,
}

/// The folder of lineage queries under the queries folder.
pub const LINEAGE_DIR: &str = "lineage";

impl Pipeline {
    /// SQL files of the pipeline: (name, path) sorted by name; table stages first in their order.
    pub fn query_files(&self) -> Result<Vec<(String, PathBuf)>> {
        let mut names: Vec<(String, PathBuf)> = Vec::new();
        let unreadable = |source| ConfigError::Read {
            what: "the queries folder",
            path: self.queries_dir.clone(),
            source,
        };
        for entry in std::fs::read_dir(&self.queries_dir).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) == Some("sql")
                && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
            {
                names.push((stem.to_string(), path));
            }
        }
        names.sort();
        let mut ordered: Vec<(String, PathBuf)> = Vec::new();
        for table in &self.tables {
            if let Some(pos) = names.iter().position(|(n, _)| n == table) {
                ordered.push(names.remove(pos));
            }
        }
        ordered.extend(names);
        Ok(ordered)
    }

    /// The lineage queries (`lineage/ITEM.sql` under the queries folder): for each figure, table
    /// and narrative item of the report, the source cells behind every number it prints, as
    /// (item, path) sorted by item. None when the folder does not exist.
    pub fn lineage_files(&self) -> Result<Vec<(String, PathBuf)>> {
        let dir = self.queries_dir.join(LINEAGE_DIR);
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let unreadable = |source| ConfigError::Read {
            what: "the lineage queries folder",
            path: dir.clone(),
            source,
        };
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(unreadable)? {
            let path = entry.map_err(unreadable)?.path();
            if path.extension().and_then(|e| e.to_str()) == Some("sql")
                && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
            {
                names.push((stem.to_string(), path));
            }
        }
        names.sort();
        Ok(names)
    }

    /// The name tables in six languages, when the pipeline names their folder.
    pub fn name_files(&self) -> Vec<PathBuf> {
        self.names
            .iter()
            .flat_map(|d| NAME_FILES.iter().map(move |f| d.join(f)))
            .collect()
    }

    /// The pipeline as it writes its document in language `tag`.
    pub fn in_language(&self, tag: &str) -> Pipeline {
        let mut p = Pipeline {
            document: self.document.in_language(tag),
            ..self.clone()
        };
        // Each citation in the language (checked to be there when the pipeline was read).
        for s in &mut p.sources {
            if let Some(c) = s.citations.get(tag) {
                s.citation = c.clone();
            }
        }
        if let Some(c) = p.population.citations.get(tag) {
            p.population.citation = c.clone();
        }
        p
    }

    /// Every input of the report folder, sorted, its subfolders included: the spec
    /// (`.yaml`), templates (`.j2`), authored chapters (`.md`), styles (`.css`) and
    /// catalogues (`.ftl`). What the step cache hashes and the manifest lists.
    pub fn report_files(&self) -> Result<Vec<PathBuf>> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::result::Result<(), ConfigError> {
            let unreadable = |source| ConfigError::Read {
                what: "the report folder",
                path: dir.to_path_buf(),
                source,
            };
            for entry in std::fs::read_dir(dir).map_err(unreadable)? {
                let path = entry.map_err(unreadable)?.path();
                if path.is_dir() {
                    walk(&path, out)?;
                } else if matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("yaml" | "j2" | "md" | "css" | "ftl")
                ) {
                    out.push(path);
                }
            }
            Ok(())
        }
        let mut out = Vec::new();
        walk(&self.report_dir, &mut out)?;
        out.sort();
        Ok(out)
    }
}

/// The name tables of `countries.names`: countries and areas by ISO3 code, regions by M49
/// code, reporting units by their code; one column per language.
pub const NAME_FILES: [&str; 3] = ["country-names.csv", "region-names.csv", "unit-names.csv"];

/// Read and check a pipeline file.
pub fn load(path: &Path) -> Result<Pipeline> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        what: "pipeline",
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &text)
}

/// Check a pipeline given its text; `path` is used for messages and to resolve relative paths.
pub fn parse(path: &Path, text: &str) -> Result<Pipeline> {
    let spans = spans::Spans::index(text);
    let mut read = deserialize_all::<RawPipeline>(text, &spans);
    let mut diags = std::mem::take(&mut read.diags);
    let pipeline = read.value.take().map(|raw| {
        let (pipeline, more) = check(path, &spans, raw);
        // A placeholder stood in for a wrongly typed value: checks of it are not news.
        diags.extend(more.into_iter().filter(|d| !read.about_placeholder(d)));
        pipeline
    });
    diags.dedup_by(|a, b| a.line == b.line && a.col == b.col && a.message == b.message);
    match pipeline {
        Some(p) if diags.is_empty() => Ok(p),
        _ => Err(diagnostics(path, text, &diags)),
    }
}

/// Fold `.` and `name/..` out of a path without touching the file system.
pub fn normalise(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir) => {}
                _ => out.push(c),
            },
            other => out.push(other),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

/// `path` as written relative to `base` when it lies under it, else as given; '/' separators.
pub fn relative(base: &Path, path: &Path) -> String {
    let p = path.strip_prefix(base).unwrap_or(path);
    p.to_string_lossy().replace('\\', "/")
}
