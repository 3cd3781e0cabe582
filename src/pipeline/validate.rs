//! `validate`: a pipeline checked without running it.

use std::path::Path;

use super::{check_output, load_report_spec};
use crate::config::Pipeline;
use crate::error::{Error, Result};

/// Check a pipeline without running it: config, SQL files, report spec and templates.
pub fn validate(path: &Path) -> Result<Pipeline> {
    let pipeline = crate::config::load(path)?;
    for (_, file) in pipeline.query_files()? {
        crate::query::check_sql(&file)?;
    }
    load_report_spec(&pipeline)?;
    check_output(&pipeline, None, false)?;
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
