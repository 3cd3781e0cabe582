//! kidnap-trends: national kidnapping statistics → the statistical annex of the UNODC
//! Executive Director's report to the Commission on Crime Prevention and Criminal Justice.
//!
//! Stages follow the data: `config` → `ingest` → `store` → `query` → `chart` → `report`,
//! driven by `run`; only `cli` touches the terminal.

pub mod chart;
pub mod cli;
pub mod config;
pub mod error;
pub mod ingest;
pub mod pipeline;
pub mod query;
pub mod report;
pub mod store;
pub mod synth;
