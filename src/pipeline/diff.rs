//! `diff`: two releases of a UN-CTS file read (as files, or as a pipeline's sources) and compared.

use std::path::Path;

use crate::config::{Pipeline, Role, Source};
use crate::error::{ConfigError, Error, Result};
use crate::ingest;
use crate::query::diff::{Diff, compare};

fn source(path: &Path, id: &str, category: &str) -> Source {
    Source::unodc_cts(id, path, id, category)
}

/// Compare two releases for `category`; `threshold` is the relative revision called large.
pub fn diff(old: &Path, new: &Path, category: &str, threshold: f64) -> Result<Diff> {
    for p in [old, new] {
        if !p.is_file() {
            return Err(ConfigError::Invalid(format!("{} does not exist", p.display())).into());
        }
    }
    let a = ingest::read_unodc_cts(&source(old, "old", category))?.observations;
    let b = ingest::read_unodc_cts(&source(new, "new", category))?.observations;
    compare(a, b, threshold)
}

/// Compare two releases among a pipeline's sources, named by their release ids; each is read
/// as the pipeline declares it, codes resolved through its reference tables.
pub fn diff_releases(pipeline: &Pipeline, old: &str, new: &str, threshold: f64) -> Result<Diff> {
    let find = |id: &str| {
        pipeline
            .sources
            .iter()
            .find(|s| s.release == id && s.role != Role::Comparison)
            .ok_or_else(|| {
                let known: Vec<String> = pipeline
                    .sources
                    .iter()
                    .filter(|s| s.role != Role::Comparison)
                    .map(|s| format!("`{}`", s.release))
                    .collect();
                Error::from(ConfigError::Invalid(format!(
                    "{}: no release `{id}` among the pipeline's sources; releases: {}",
                    pipeline.file.display(),
                    known.join(", ")
                )))
            })
    };
    let (a, b) = (find(old)?, find(new)?);
    let countries = ingest::read_countries(&pipeline.countries, &pipeline.units)?;
    let resolver = ingest::Resolver::new(&countries, pipeline.aliases.as_deref())?;
    let a = ingest::sources::read_source_checked(pipeline, a, &resolver)?;
    let b = ingest::sources::read_source_checked(pipeline, b, &resolver)?;
    compare(a, b, threshold)
}
