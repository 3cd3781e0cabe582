//! Error types shared by every stage, and their mapping to exit codes.
//!
//! Takes nothing; returns the `Error` enum the library hands to `cli`. Each variant names what
//! failed (pipeline, file, row, column, query). Never wraps a lower-level error without saying
//! which file or step it came from.

use std::path::PathBuf;

/// Exit codes documented in the README.
pub const EXIT_OK: i32 = 0;
/// The data could not be read or failed a validation rule.
pub const EXIT_DATA: i32 = 1;
/// Bad command line or bad pipeline configuration.
pub const EXIT_USAGE: i32 = 2;
/// A bug: something that should not happen did.
pub const EXIT_INTERNAL: i32 = 3;
/// Another run holds the lock on the same output.
pub const EXIT_BUSY: i32 = 4;
/// The machine refused: a disk full, an unwritable or impossible path (not the data, not a bug).
pub const EXIT_ENVIRONMENT: i32 = 5;

/// Every failure the library reports.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The pipeline configuration, or a value given on the command line, is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A source file could not be read or does not have the expected shape.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// Writing the warehouse or publishing the output failed.
    #[error("{context}: {path}: {source}")]
    Store {
        context: &'static str,
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A SQL file failed to plan or run.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A figure could not be drawn.
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// The report template or a table spec is wrong.
    #[error("report {file}: {message}")]
    Report { file: PathBuf, message: String },
    /// The output folder may not be written: it holds files this tool did not write, it is an
    /// input or contains one, it is a regular file, … (the message says which and what to do).
    #[error("{0}")]
    Output(String),
    /// The operating system refused a write or a path (disk full, a parent that is a file, a
    /// name too long, no permission): the path and the OS error.
    #[error("{context} {path}: {source}")]
    Environment {
        context: String,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Another run is writing the same output.
    #[error(
        "another kidnap-trends run is writing {output} (lock {lock}); try again when it has finished"
    )]
    Busy { output: PathBuf, lock: PathBuf },
    /// Several independent failures, all reported at once (`validate`); never empty.
    #[error("{}", many(errors, file.as_deref()))]
    Many {
        /// The file all of them concern (the pipeline `validate` checked), if one does.
        file: Option<PathBuf>,
        errors: Vec<Error>,
    },
    /// Something that should never happen.
    #[error("internal error (this is a bug, please report it): {0}")]
    Internal(String),
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Config(_) | Error::Report { .. } | Error::Output(_) => EXIT_USAGE,
            Error::Environment { .. } => EXIT_ENVIRONMENT,
            Error::Query(_) => EXIT_USAGE,
            Error::Ingest(_) => EXIT_DATA,
            Error::Store { .. } | Error::Chart(_) | Error::Internal(_) => EXIT_INTERNAL,
            Error::Busy { .. } => EXIT_BUSY,
            Error::Many { errors, .. } => errors
                .iter()
                .map(Error::exit_code)
                .max()
                .unwrap_or(EXIT_USAGE),
        }
    }
}

impl Error {
    /// An OS error on `path`, while doing `context` ("cannot write", …).
    pub fn environment(
        context: impl Into<String>,
        path: &std::path::Path,
        source: std::io::Error,
    ) -> Error {
        Error::Environment {
            context: context.into(),
            path: path.to_path_buf(),
            source,
        }
    }
}

impl Error {
    /// The message as the command line prints it (a configuration error carries its own
    /// `error:` lines and source excerpts).
    pub fn rendered(&self) -> String {
        match self {
            Error::Config(ConfigError::Diagnostics { rendered, .. }) => rendered.clone(),
            Error::Many { .. } => self.to_string(),
            other => format!("error: {other}"),
        }
    }

    /// This error, when it is several, said to concern `file`.
    pub fn concerning(self, path: &std::path::Path) -> Error {
        match self {
            Error::Many { errors, .. } => Error::Many {
                file: Some(path.to_path_buf()),
                errors,
            },
            other => other,
        }
    }

    /// This failure and `other`, both reported.
    pub fn and(self, other: Error) -> Error {
        match Error::all(vec![self, other]) {
            Err(e) => e,
            Ok(()) => Error::Internal("two errors joined to none".into()),
        }
    }

    /// One error for a list of independent failures: none is `Ok`, one is itself, more are
    /// `Many` (nested lists flattened).
    pub fn all(mut errors: Vec<Error>) -> Result<()> {
        if errors.len() == 1 {
            return Err(errors.remove(0));
        }
        let mut flat = Vec::new();
        for e in errors {
            match e {
                Error::Many { errors, .. } => flat.extend(errors),
                other => flat.push(other),
            }
        }
        match flat.len() {
            0 => Ok(()),
            1 => Err(flat.remove(0)),
            _ => Err(Error::Many {
                file: None,
                errors: flat,
            }),
        }
    }
}

fn many(errors: &[Error], file: Option<&std::path::Path>) -> String {
    let mut text = errors
        .iter()
        .map(Error::rendered)
        .collect::<Vec<_>>()
        .join("\n\n");
    text.push_str(&format!("\n\n{} problems", errors.len()));
    if let Some(file) = file {
        text.push_str(&format!(" in {}", file.display()));
    }
    text
}

/// A SQL file that cannot be read, planned or run.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The file cannot be read.
    #[error("query {file}: cannot read: {source}")]
    Read {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The engine refused it: a syntax error, an unknown column, a failed cast, …
    #[error("query {file}: {source}")]
    Engine {
        file: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// It is not what a query file must be (one statement, showable columns).
    #[error("query {file}: {message}")]
    Invalid { file: PathBuf, message: String },
}

/// A pipeline file that does not parse or check, or a command-line value that does not fit.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Diagnostics pointing into one YAML file, each rendered with its position, the line, a
    /// caret and a hint (the rendering carries its own `error:` lines).
    #[error("{rendered}")]
    Diagnostics {
        file: PathBuf,
        count: usize,
        rendered: String,
    },
    /// A file or folder the configuration names cannot be read.
    #[error("cannot read {what} {path}: {source}")]
    Read {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A command-line value that does not fit (a release id, a row count, a missing file).
    #[error("{0}")]
    Invalid(String),
}

/// Shorthand used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can be wrong with an input file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file cannot be opened or is not the format its name says.
    #[error("{file}: cannot read: {message}")]
    Open { file: PathBuf, message: String },
    /// No header row was found where one was expected.
    #[error(
        "{file}: no header row found in the first {searched} rows; expected a row with the columns {expected}"
    )]
    NoHeader {
        file: PathBuf,
        searched: usize,
        expected: String,
    },
    /// The header row lacks a column.
    #[error("{file}: row {row}: the header lacks column `{column}`; found {found}")]
    MissingColumn {
        file: PathBuf,
        row: usize,
        column: String,
        found: String,
    },
    /// A cell does not hold what its column requires.
    #[error("{file}: row {row}, column {column}: expected {expected}, found {found:?}")]
    Cell {
        file: PathBuf,
        row: usize,
        column: String,
        expected: String,
        found: String,
    },
    /// A reporting-unit code is in neither the M49 table nor the reporting-units table.
    #[error("{file}: row {row}, column {column}: unknown country code `{code}`{hint}")]
    UnknownCode {
        file: PathBuf,
        row: usize,
        column: String,
        code: String,
        hint: String,
    },
    /// The same country, year and unit appears twice.
    #[error("{file}: row {row}: duplicate {what} (first seen on row {first_row})")]
    Duplicate {
        file: PathBuf,
        row: usize,
        first_row: usize,
        what: String,
    },
    /// A `table` source's declaration does not fit the file.
    #[error("{file}: {message}")]
    Spec { file: PathBuf, message: String },
    /// More rows failed a validation rule than the pipeline's `quality:` thresholds allow.
    #[error("{message}")]
    Quality { message: String },
    /// A source yielded no rows for the requested category.
    #[error("{file}: no rows with Category = {category:?}")]
    Empty { file: PathBuf, category: String },
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("figure {figure}: {message}")]
    Draw { figure: String, message: String },
}
