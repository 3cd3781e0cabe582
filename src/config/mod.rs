//! Pipeline configuration: YAML text → raw serde structs → one checked `Pipeline`.
//!
//! Takes the path of a pipeline file; returns a `Pipeline` whose paths are resolved against the
//! file's directory, or one `Error::Config` holding *every* diagnostic found (file:line:column,
//! the offending line, a caret, and "did you mean" for misspelt keys). Never reads data files,
//! never runs SQL, and never accepts a key it does not know.

pub mod diag;
mod raw;
pub mod spans;
pub mod spec;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::{ConfigError, Result};
use diag::{Diag, deserialize_all, diagnostics, did_you_mean};
pub use raw::*;
pub use spec::{Encoding, Rule, TableSpec};

/// One input dataset, resolved.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub layout: Layout,
    pub path: PathBuf,
    pub release: String,
    pub citation: String,
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
    pub citation: String,
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

    /// Every input of the report folder, sorted, its subfolders included: the spec
    /// (`.yaml`), templates (`.j2`), authored chapters (`.md`) and styles (`.css`). What the
    /// step cache hashes and the manifest lists.
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
                    Some("yaml" | "j2" | "md" | "css")
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

/// The pipeline `raw` describes, and every problem found in it (an empty list: it is good).
fn check(path: &Path, spans: &spans::Spans, raw: RawPipeline) -> (Pipeline, Vec<Diag>) {
    let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let base = normalise(&base);
    let mut diags: Vec<Diag> = Vec::new();
    let at = |path: &str| spans.at(path);
    let key_at = |path: &str| spans.key(path);

    let resolve = |key: &str, node: &str, value: &str, must_be_dir: bool, diags: &mut Vec<Diag>| {
        let p = normalise(&base.join(value));
        let ok = if must_be_dir { p.is_dir() } else { p.is_file() };
        if !ok {
            let (line, col) = at(node);
            let what = if must_be_dir { "folder" } else { "file" };
            diags.push(Diag {
                line,
                col,
                message: format!(
                    "`{key}`: {what} {} does not exist (paths are relative to the pipeline's folder)",
                    p.display()
                ),
                help: None,
            });
        }
        p
    };

    if raw.name.is_empty()
        || !raw
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        let (line, col) = at("name");
        diags.push(Diag {
            line,
            col,
            message: format!(
                "`name` must be a non-empty slug of letters, digits, '-' or '_' (got {:?})",
                raw.name
            ),
            help: None,
        });
    }
    if raw.sources.is_empty() {
        let (line, col) = key_at("sources");
        diags.push(Diag {
            line,
            col,
            message: "`sources` must list at least one source".into(),
            help: None,
        });
    }
    let mut ids = BTreeSet::new();
    let mut sources = Vec::new();
    for (i, s) in raw.sources.iter().enumerate() {
        if !ids.insert(s.id.clone()) {
            let (line, col) = at(&format!("sources[{i}].id"));
            diags.push(Diag {
                line,
                col,
                message: format!("source id `{}` is used twice", s.id),
                help: None,
            });
        }
        let p = resolve(
            "path",
            &format!("sources[{i}].path"),
            &s.path,
            false,
            &mut diags,
        );
        let ext = spec::extension(&p);
        let mut source_error = |message: String| {
            let (line, col) = key_at(&format!("sources[{i}].id"));
            diags.push(Diag {
                line,
                col,
                message: format!("source `{}`: {message}", s.id),
                help: None,
            });
        };
        match s.layout {
            Layout::UnodcCts => {
                if ext != "xlsx" && ext != "csv" {
                    source_error(format!(
                        "the unodc-cts layout reads .xlsx or .csv files, not {:?}",
                        s.path
                    ));
                }
                if s.table.is_some() {
                    source_error("`table:` belongs to sources with `layout: table`".into());
                }
            }
            Layout::Table => {
                if !["xlsx", "csv", "parquet"].contains(&ext.as_str()) {
                    source_error(format!(
                        "the table layout reads .csv, .xlsx or .parquet files, not {:?}",
                        s.path
                    ));
                }
                if ext != "csv" && s.encoding != Encoding::Utf8 {
                    source_error(format!(
                        "`encoding` applies to csv files; a .{ext} file declares its own"
                    ));
                }
                if ext != "xlsx" && s.table.as_ref().is_some_and(|t| t.sheet.is_some()) {
                    source_error("table: `sheet` applies to .xlsx files only".into());
                }
                match &s.table {
                    None => source_error(
                        "`layout: table` needs a `table:` block (header, country, year, value …)"
                            .into(),
                    ),
                    Some(t) => {
                        for problem in t.problems() {
                            source_error(format!("table: {problem}"));
                        }
                    }
                }
            }
        }
        sources.push(Source {
            id: s.id.clone(),
            layout: s.layout,
            path: p,
            release: s.release.clone(),
            citation: s.citation.clone(),
            category: s.category.clone(),
            role: s.role,
            encoding: s.encoding,
            table: s.table.clone(),
        });
    }
    let mains = sources.iter().filter(|s| s.role == Role::Main).count();
    if mains != 1 && !raw.sources.is_empty() {
        let (line, col) = key_at("sources");
        diags.push(Diag {
            line,
            col,
            message: format!(
                "`sources` needs exactly one source with `role: main` (the default), the report's data; found {mains} (give the others `role: release` or `role: comparison`)"
            ),
            help: None,
        });
    }
    let previous = match &raw.previous {
        None => None,
        Some(id) => {
            let found = sources
                .iter()
                .find(|s| s.role == Role::Release && s.release == *id)
                .cloned();
            if found.is_none() {
                let (line, col) = at("previous");
                let known: Vec<String> = sources
                    .iter()
                    .filter(|s| s.role == Role::Release)
                    .map(|s| format!("`{}`", s.release))
                    .collect();
                diags.push(Diag {
                    line,
                    col,
                    message: format!(
                        "`previous: {id}` names no source with `role: release` and that release; releases: {}",
                        if known.is_empty() { "none".to_string() } else { known.join(", ") }
                    ),
                    help: None,
                });
            }
            found
        }
    };
    let population = Reference {
        path: resolve(
            "population.path",
            "population.path",
            &raw.population.path,
            false,
            &mut diags,
        ),
        citation: raw.population.citation.clone(),
        vintage: raw.population.vintage.clone(),
    };
    let countries = resolve(
        "countries.path",
        "countries.path",
        &raw.countries.path,
        false,
        &mut diags,
    );
    let units = resolve(
        "countries.units",
        "countries.units",
        &raw.countries.units,
        false,
        &mut diags,
    );
    let aliases = raw.countries.aliases.as_ref().map(|a| {
        resolve(
            "countries.aliases",
            "countries.aliases",
            a,
            false,
            &mut diags,
        )
    });
    let queries_dir = resolve(
        "queries.dir",
        "queries.dir",
        &raw.queries.dir,
        true,
        &mut diags,
    );
    let report_dir = resolve(
        "report.dir",
        "report.dir",
        &raw.report.dir,
        true,
        &mut diags,
    );

    for (i, a) in raw.quality.acknowledged.iter().enumerate() {
        let mut ack_error = |field: &str, message: String| {
            let (line, col) = spans.at(&format!("quality.acknowledged[{i}].{field}"));
            diags.push(Diag {
                line,
                col,
                message,
                help: None,
            });
        };
        if !CHECK_NAMES.contains(&a.check.as_str()) {
            let help = did_you_mean(&a.check, &CHECK_NAMES);
            ack_error(
                "check",
                format!(
                    "`quality.acknowledged`: no check `{}`{}; the checks are {}",
                    a.check,
                    help.map(|h| format!(" ({h})")).unwrap_or_default(),
                    CHECK_NAMES.join(", ")
                ),
            );
        }
        if a.reason.trim().is_empty() {
            ack_error(
                "reason",
                "`quality.acknowledged`: say why the finding is accepted (`reason`)".into(),
            );
        }
    }
    let p = &raw.params;
    let mut param_error = |key: &str, message: String| {
        let (line, col) = at(&format!("params.{key}"));
        diags.push(Diag {
            line,
            col,
            message,
            help: None,
        });
    };
    if p.first_year > p.last_year {
        param_error(
            "first_year",
            format!(
                "`first_year` ({}) must not be after `last_year` ({})",
                p.first_year, p.last_year
            ),
        );
    }
    for (key, period) in [("p1", p.p1), ("p2", p.p2)] {
        if period[0] > period[1] || period[0] < p.first_year || period[1] > p.last_year {
            param_error(
                key,
                format!(
                    "`{key}` [{}, {}] must be an ordered pair of years inside [{}, {}]",
                    period[0], period[1], p.first_year, p.last_year
                ),
            );
        }
    }
    if p.p1[1] >= p.p2[0] {
        param_error("p2", "`p2` must start after `p1` ends".into());
    }
    for (key, v) in [
        ("top_n_table", p.top_n_table),
        ("top_n_chart", p.top_n_chart),
        ("min_countries", p.min_countries),
        ("multiples", p.multiples),
    ] {
        if v < 1 {
            param_error(key, format!("`{key}` must be at least 1 (got {v})"));
        }
    }
    for (key, v) in [
        ("region_share_for_text", p.region_share_for_text),
        ("stable_band", p.stable_band),
        ("break_hold", p.break_hold),
        ("revision_threshold", p.revision_threshold),
    ] {
        if !(0.0..=1.0).contains(&v) {
            param_error(
                key,
                format!("`{key}` must be a share between 0 and 1 (got {v})"),
            );
        }
    }
    if !(p.break_ratio.is_finite() && p.break_ratio > 1.0) {
        param_error(
            "break_ratio",
            format!(
                "`break_ratio` must be a factor above 1 (got {})",
                p.break_ratio
            ),
        );
    }
    for (key, v) in [
        ("break_min_count", p.break_min_count),
        ("small_count", p.small_count),
    ] {
        if !(v.is_finite() && v >= 0.0) {
            param_error(key, format!("`{key}` must be a count ≥ 0 (got {v})"));
        }
    }
    let q = &raw.quality;
    for (key, ok, want) in [
        (
            "tolerance",
            q.rate_mismatch.tolerance.is_finite() && q.rate_mismatch.tolerance >= 0.0,
            "a share ≥ 0 (0.10 = 10 per cent)",
        ),
        (
            "factor",
            q.implausible_jump.factor.is_finite() && q.implausible_jump.factor > 1.0,
            "a ratio above 1",
        ),
        (
            "min_count",
            q.implausible_jump.min_count.is_finite() && q.implausible_jump.min_count >= 0.0,
            "a count ≥ 0",
        ),
    ] {
        if !ok {
            param_error(key, format!("quality: `{key}` must be {want}"));
        }
    }
    if p.population_floor.is_nan() || p.population_floor < 0.0 {
        param_error("population_floor", "`population_floor` must be ≥ 0".into());
    }

    let output = match &raw.output {
        Some(o) => normalise(&base.join(o)),
        None => PathBuf::from("out").join(&raw.name),
    };
    let pipeline = Pipeline {
        file: path.to_path_buf(),
        name: raw.name,
        title: raw.title,
        sources,
        previous,
        quality: raw.quality,
        population,
        countries,
        units,
        aliases,
        countries_citation: raw.countries.citation,
        params: raw.params,
        queries_dir,
        tables: raw.queries.tables,
        report_dir,
        output,
        document: raw.document,
    };
    if diags.is_empty() {
        let files = match pipeline.query_files() {
            Ok(files) => files,
            Err(e) => {
                diags.push(Diag {
                    line: 0,
                    col: 0,
                    message: e.to_string(),
                    help: None,
                });
                Vec::new()
            }
        };
        for (j, t) in pipeline.tables.iter().enumerate() {
            if !files.iter().any(|(n, _)| n == t) {
                let (line, col) = at(&format!("queries.tables[{j}]"));
                let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
                diags.push(Diag {
                    line,
                    col,
                    message: format!(
                        "`queries.tables` names `{t}`, but {} has no {t}.sql",
                        pipeline.queries_dir.display()
                    ),
                    help: did_you_mean(t, &names),
                });
            }
        }
    }
    (pipeline, diags)
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
