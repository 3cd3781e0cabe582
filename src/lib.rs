//! kidnap-trends: national kidnapping statistics → the statistical annex of the UNODC
//! Executive Director's report to the Commission on Crime Prevention and Criminal Justice.
//!
//! Layers, each using only those below it (`.ci/check-layers` checks): `cli` → `explain` →
//! `pipeline` (and `synth`) → `report`, `query` → `chart`, `store`, `ingest` → `config` → `error`. Only
//! `cli` touches the terminal (clippy's `print_stdout` is denied elsewhere).

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod assets;
pub mod chart;
#[allow(clippy::print_stdout, clippy::print_stderr)]
pub mod cli;
pub mod config;
pub mod error;
pub mod explain;
pub mod format;
pub mod i18n;
pub mod ingest;
pub mod parallel;
pub mod pipeline;
pub mod preview;
pub mod progress;
pub mod query;
pub mod report;
pub mod store;
pub mod synth;
