//! What `preview` needs of a published output: its warehouse, whether the sources changed
//! since it was published, and the document rendered from it into memory — nothing is
//! published and nothing in the output folder is written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{cache, load_report_spec, target};
use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::query::Table;
use crate::report::{self, Artefact};
use crate::store::warehouse::Warehouse;

/// The published output a preview renders from.
pub struct Published {
    /// The output folder.
    pub dir: PathBuf,
    pub warehouse: Warehouse,
    /// The sources (or the way they are read) changed since the warehouse was built: the
    /// preview shows the published data, not theirs.
    pub sources_changed: bool,
}

/// The published output of `pipeline` (or `output`); an error saying to run `run` first when
/// there is none.
pub fn published(pipeline: &Pipeline, output: Option<&Path>) -> Result<Published> {
    let dir = target(pipeline, output);
    let Some(before) = cache::published(&dir) else {
        return Err(Error::Output(format!(
            "nothing published yet at {}: run `kidnap-trends run {}` first",
            dir.display(),
            pipeline.file.display()
        )));
    };
    let mut hashes = cache::FileHashes::reusing(&dir);
    let now = cache::fingerprint(pipeline, &mut hashes)?;
    cache::same_tables(&dir, &before, &now, "preview")?;
    let warehouse = Warehouse::read(&dir)?;
    Ok(Published {
        sources_changed: before.ingest != now.ingest,
        dir,
        warehouse,
    })
}

/// Every query of `pipeline` over the published warehouse.
pub fn results(pipeline: &Pipeline, published: &Published) -> Result<BTreeMap<String, Table>> {
    crate::query::prepare::query_with_lineage(pipeline, &published.warehouse).map(|(r, _)| r)
}

/// The report's files rendered from `results` (the Word and PDF documents only with
/// `manuscripts`), as `render` would publish them.
pub fn document(
    pipeline: &Pipeline,
    results: &BTreeMap<String, Table>,
    manuscripts: bool,
) -> Result<Vec<Artefact>> {
    let spec = load_report_spec(pipeline)?;
    report::build_with(pipeline, &spec, results, manuscripts)
}
