//! `manifest.json`: what a run did. Tool version, the command's inputs and options,
//! counts by status, failures with their reasons, duplicates, skipped files, and
//! timings (with the slowest documents). The list of every document, with its id, path,
//! hash and status, is `documents.csv`: keeping it out of the manifest keeps the run's
//! memory from growing with the batch. Timings live only here, never in
//! the per-document JSON, so documents stay byte-identical from run to run. Lists are
//! sorted (failures by id, duplicates and skipped files by path).

use super::aggregate::DocSummary;
use crate::model::DocStatus;
use serde::{Deserialize, Serialize};

pub const FILE_NAME: &str = "manifest.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub tool_version: String,
    pub schema_version: u32,
    /// Inputs as given on the command line.
    pub inputs: Vec<String>,
    /// `"K/N"` when the run took one shard of the inputs.
    pub shard: Option<String>,
    pub jobs: usize,
    pub force: bool,
    pub doc_timeout_s: u64,
    /// Memory limit of each worker process, in MiB; absent when documents were read in
    /// the run's own process.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_memory_mb: Option<u64>,
    /// Set when a signal stopped the run before every document was read: the
    /// aggregate files were not rewritten; running again finishes the batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interrupted: Option<Interrupted>,
    pub counts: Counts,
    /// Documents whose status is `failed` or `partial`, with the first error flag.
    pub failures: Vec<Failure>,
    /// Files whose content (sha256) equals a document already in the run: not
    /// processed again.
    pub duplicates: Vec<Duplicate>,
    /// Files found in folders that are neither PDF nor text, or hidden.
    pub skipped: Vec<Skipped>,
    pub timings: Timings,
}

/// How a run was cut short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interrupted {
    /// `"SIGINT"` or `"SIGTERM"`.
    pub signal: String,
    /// Documents being read when the signal came: abandoned, read again by the next run.
    pub abandoned: usize,
    /// Documents not started.
    pub not_started: usize,
}

/// [`DocSummary`] as read back from a manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    pub id: String,
    pub path: String,
    pub status: DocStatus,
    pub reason: Option<String>,
    pub message: Option<String>,
}

impl From<&DocSummary> for Failure {
    fn from(s: &DocSummary) -> Self {
        Failure {
            id: s.id.clone(),
            path: s.path.clone(),
            status: s.status,
            reason: s.reason.clone(),
            message: s.message.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    /// Candidate files found (before sharding and de-duplication).
    pub discovered: usize,
    /// Files of this shard (all files when not sharded).
    pub in_shard: usize,
    pub duplicates: usize,
    pub skipped: usize,
    /// Distinct documents of this run (one per content hash).
    pub documents: usize,
    /// Documents processed by this run.
    pub processed: usize,
    /// Documents whose complete output from an earlier run was kept.
    pub resumed: usize,
    pub ok: usize,
    pub partial: usize,
    pub failed: usize,
}

/// A document that took long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slow {
    pub id: String,
    pub path: String,
    pub ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    pub path: String,
    pub sha256: String,
    /// The document that was processed for this content.
    pub id: String,
    pub same_as: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// Start of the run, seconds since the Unix epoch.
    pub started_unix_s: u64,
    pub discover_ms: u64,
    pub process_ms: u64,
    pub aggregate_ms: u64,
    pub total_ms: u64,
    /// Bytes of input processed by this run (resumed documents excluded).
    pub processed_bytes: u64,
    /// Documents processed per second of the processing phase.
    pub docs_per_s: f64,
    /// Megabytes (10^6 bytes) of input processed per second of the processing phase.
    pub mb_per_s: f64,
    /// The documents that took longest to process in this run, slowest first.
    pub slowest: Vec<Slow>,
}

impl Counts {
    pub fn add_status(&mut self, status: DocStatus) {
        match status {
            DocStatus::Ok => self.ok += 1,
            DocStatus::Partial => self.partial += 1,
            DocStatus::Failed => self.failed += 1,
        }
    }
}

/// Round to 0.1 for display in the manifest.
pub fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}
