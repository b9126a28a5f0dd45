//! Everything a batch writes, and the only place that writes files: per-document JSON
//! ([`json`]), `dataset.jsonl` and the CSV tables ([`aggregate`], [`tables`]),
//! `manifest.json` ([`manifest`]), the resume journal ([`journal`]) and the comparison
//! tables of `ita-extract compare` ([`compare`]). Every file is written atomically
//! ([`atomic`]).
//!
//! An output folder looks like this:
//!
//! ```text
//! output/
//!   documents/<id>.json   one per distinct input (id: readable stem + content hash)
//!   dataset.jsonl         the same documents, one per line, sorted by id
//!   documents.csv items.csv indicators.csv flags.csv
//!   datapackage.json      the tables' column types (Frictionless Data Package)
//!   manifest.json         counts, failures, duplicates, skipped files, timings
//!   .state/journal.jsonl  resume bookkeeping
//!   .state/lock           locked (flock) by the run writing the folder
//! ```
//!
//! [`prune`] finds and removes the documents whose input is gone or changed.

pub mod aggregate;
pub mod atomic;
pub mod compare;
pub mod datapackage;
pub mod journal;
pub mod json;
pub mod lock;
pub mod manifest;
pub mod prune;
pub mod report;
pub mod tables;

/// The version recorded in manifests and the resume journal.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Folder of the per-document JSON files inside an output folder.
pub const DOCUMENTS_DIR: &str = "documents";
