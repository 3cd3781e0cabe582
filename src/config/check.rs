//! The checks of a pipeline: every key's value against what it must be (paths that exist,
//! sources with unique ids and one main source, consistent periods and limits, a query file for
//! every table stage), each problem a diagnostic at its key's line and column.

use std::collections::BTreeSet;
use std::path::Path;

use super::diag::{Diag, did_you_mean};
use super::*;

/// The pipeline `raw` describes, and every problem found in it (an empty list: it is good).
pub(super) fn check(path: &Path, spans: &spans::Spans, raw: RawPipeline) -> (Pipeline, Vec<Diag>) {
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
    let original = raw.document.original();
    // Citations in every language the document is written in: a translation never prints
    // the original's words.
    let languages = raw.document.languages();
    let citations = raw
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("sources[{i}].citation"), &s.citation))
        .chain(std::iter::once((
            "population.citation".to_string(),
            &raw.population.citation,
        )));
    for (node, c) in citations {
        let missing: Vec<&str> = languages
            .iter()
            .filter(|l| match c {
                super::raw::Localized::One(_) => **l != original,
                super::raw::Localized::Each(m) => !m.contains_key(l.as_str()),
            })
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            let (line, col) = at(&node);
            diags.push(Diag {
                line,
                col,
                message: format!(
                    "`{node}` has no text in {} (the document is written in {})",
                    missing.join(", "),
                    languages.join(", ")
                ),
                help: Some("give it in each language: citation: { en: \"…\", fr: \"…\" }".into()),
            });
        }
    }
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
            citation: s.citation.get(&original).unwrap_or_default().to_string(),
            citations: s.citation.by_language(&original),
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
        citation: raw
            .population
            .citation
            .get(&original)
            .unwrap_or_default()
            .to_string(),
        citations: raw.population.citation.by_language(&original),
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
    let names = raw
        .countries
        .names
        .as_ref()
        .map(|n| resolve("countries.names", "countries.names", n, true, &mut diags));
    if names.is_none() && raw.document.languages().len() > 1 {
        let (line, col) = at("document.languages");
        diags.push(Diag {
            line,
            col,
            message: "the document is written in more than one language, and `countries.names` \
                      does not say where the name tables are"
                .into(),
            help: Some("countries: { names: ../data/reference }".into()),
        });
    }
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

    let rules_help = || {
        Some(format!(
            "languages with rules: {}",
            crate::format::Language::TAGS.join(", ")
        ))
    };
    if let Some(tag) = &raw.document.language
        && crate::format::Language::from_tag(tag).is_none()
    {
        let (line, col) = at("document.language");
        diags.push(Diag {
            line,
            col,
            message: format!(
                "`document.language` is `{tag}`, a language whose number and date rules are not written yet"
            ),
            help: rules_help(),
        });
    }
    if let Some(list) = &raw.document.languages {
        let (line, col) = at("document.languages");
        if raw.document.language.is_some() {
            diags.push(Diag {
                line,
                col,
                message:
                    "`document.languages` and `document.language` both given: keep `languages`"
                        .into(),
                help: None,
            });
        }
        let mut seen = std::collections::BTreeSet::new();
        for tag in list {
            if crate::format::Language::from_tag(tag).is_none() {
                diags.push(Diag {
                    line,
                    col,
                    message: format!(
                        "`document.languages` names `{tag}`, a language whose number and date rules are not written yet"
                    ),
                    help: rules_help(),
                });
            }
            if !seen.insert(tag) {
                diags.push(Diag {
                    line,
                    col,
                    message: format!("`document.languages` names `{tag}` twice"),
                    help: None,
                });
            }
        }
    }
    let listed = raw
        .document
        .languages
        .clone()
        .unwrap_or_else(|| vec![raw.document.tag().to_string()]);
    if let Some(o) = &raw.document.original
        && !listed.contains(o)
    {
        let (line, col) = at("document.original");
        diags.push(Diag {
            line,
            col,
            message: format!(
                "`document.original` is `{o}`, which is not one of `document.languages`"
            ),
            help: None,
        });
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
        names,
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
