//! The one integration-test binary: golden SQL results on a hand-made fixture, end-to-end runs
//! of the real binary, bad-input cases and the Parquet round trip.

mod browser;
mod cli;
mod corpus;
mod document;
mod escaping;
mod explain;
mod golden;
mod languages;
mod lineage;
mod narrative;
mod preview;
mod progress;
mod publish;
mod quality;
mod regression;
mod sources;
mod support;
mod validate;
mod warehouse;
mod words;
