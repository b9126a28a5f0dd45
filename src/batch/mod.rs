//! The batch: find inputs, hash them, take this shard, drop duplicate contents, skip
//! what an earlier run finished, process the rest in parallel (each document isolated,
//! with a time budget), write each document's JSON the moment it is done, and rebuild
//! the batch-wide files from the JSON files at the end.
//!
//! ```text
//! discover ─▶ hash (parallel) ─▶ shard ─▶ de-duplicate ─▶ ids ─▶ resume check (parallel)
//!   ─▶ process (rayon, -j threads; one isolated thread per document)
//!        └─ documents/<id>.json written by the worker ─▶ result summary over a channel
//!   ─▶ collector: progress, resume journal
//!   ─▶ dataset.jsonl, CSV tables (streamed from documents/), manifest.json
//! ```
//!
//! Memory stays flat as the batch grows: no [`Document`] outlives its worker, the
//! collector keeps one small record per input, and the aggregate files are streamed.
//! Output bytes do not depend on the thread count or on the order files were found in:
//! inputs are sorted by path, ids come from names and content, and aggregate files are
//! written in id order.

pub mod discover;
pub mod ident;
pub mod isolate;
pub mod progress;

use crate::model::{DocStatus, Document};
use crate::output::aggregate::{self, AggregateError};
use crate::output::atomic::{remove_stale_temps, write_atomic, WriteError};
use crate::output::journal::{self, Entry};
use crate::output::manifest::{self, Counts, Duplicate, Failure, Manifest, ManifestDoc, Timings};
use crate::output::{json, DOCUMENTS_DIR, TOOL_VERSION};
use crate::pipeline::PipelineOptions;
use discover::{DiscoverError, Hashed};
use ident::Shard;
use isolate::Job;
use progress::{Progress, ProgressMode};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Everything a batch run needs, validated.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    pub inputs: Vec<PathBuf>,
    pub out_dir: PathBuf,
    /// Worker threads; 0 means all cores.
    pub jobs: usize,
    pub shard: Option<Shard>,
    /// Redo documents whose complete output exists.
    pub force: bool,
    pub doc_timeout: Duration,
    pub progress: ProgressMode,
    pub pipeline: PipelineOptions,
}

/// Why a run could not proceed (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    #[error("no input documents found in {0}")]
    NoInputs(String),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error(transparent)]
    Aggregate(#[from] AggregateError),
    #[error("cannot start {jobs} worker threads: {reason}")]
    Pool { jobs: usize, reason: String },
}

/// One distinct document of the run.
struct Planned {
    id: String,
    job: Job,
    bytes: u64,
    /// Status kept from an earlier run.
    resumed: Option<DocStatus>,
}

/// What a worker reports about a finished document.
struct Done {
    index: usize,
    status: DocStatus,
    ms: u64,
    written: Result<(), WriteError>,
}

/// Run the batch; returns the manifest that was written.
pub fn run(opts: &BatchOptions) -> Result<Manifest, BatchError> {
    let t0 = Instant::now();
    let started_unix_s = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    isolate::install_panic_hook();

    let docs_dir = opts.out_dir.join(DOCUMENTS_DIR);
    std::fs::create_dir_all(&docs_dir).map_err(|e| WriteError::io(&docs_dir, e))?;
    for dir in [&opts.out_dir, &docs_dir, &opts.out_dir.join(".state")] {
        remove_stale_temps(dir);
    }
    // Opening the journal also proves the output folder is writable.
    let mut appender = journal::Appender::open(&opts.out_dir)?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
        .map_err(|e| BatchError::Pool {
            jobs: opts.jobs,
            reason: e.to_string(),
        })?;
    let jobs = pool.current_num_threads();

    // Discover and hash.
    let found = discover::discover(&opts.inputs, Some(&opts.out_dir))?;
    if found.files.is_empty() {
        let inputs: Vec<String> = opts
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(BatchError::NoInputs(inputs.join(", ")));
    }
    let hashed: Vec<(PathBuf, Hashed)> = pool.install(|| {
        found
            .files
            .par_iter()
            .map(|p| {
                let h = discover::hash_file(p).unwrap_or_else(|_| Hashed {
                    // Unreadable: identify it by its path; reading it again gives the
                    // failed report with the reason.
                    sha256: crate::pipeline::sha256_hex(p.to_string_lossy().as_bytes()),
                    bytes: 0,
                    is_pdf: false,
                });
                (p.clone(), h)
            })
            .collect()
    });
    let discover_ms = t0.elapsed().as_millis() as u64;

    // Shard, then one document per content.
    let in_shard: Vec<(PathBuf, Hashed)> = hashed
        .into_iter()
        .filter(|(_, h)| opts.shard.is_none_or(|s| s.contains(&h.sha256)))
        .collect();
    let mut first_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut unique: Vec<(PathBuf, Hashed)> = Vec::new();
    let mut dup_of: Vec<(PathBuf, String, usize)> = Vec::new();
    for (path, h) in &in_shard {
        match first_of.get(&h.sha256) {
            Some(&i) => dup_of.push((path.clone(), h.sha256.clone(), i)),
            None => {
                first_of.insert(h.sha256.clone(), unique.len());
                unique.push((path.clone(), h.clone()));
            }
        }
    }
    let ids = ident::assign_ids(unique.iter().map(|(p, h)| (p.as_path(), h.sha256.as_str())));
    let duplicates: Vec<Duplicate> = dup_of
        .iter()
        .map(|(path, sha, i)| Duplicate {
            path: path.to_string_lossy().into_owned(),
            sha256: sha.clone(),
            id: ids[*i].clone(),
            same_as: unique[*i].0.to_string_lossy().into_owned(),
        })
        .collect();
    let mut planned: Vec<Planned> = unique
        .into_iter()
        .zip(ids)
        .map(|((path, h), id)| Planned {
            id,
            bytes: h.bytes,
            job: Job {
                path,
                sha256: h.sha256,
                is_pdf: h.is_pdf,
            },
            resumed: None,
        })
        .collect();

    // Resume: keep documents finished by an earlier run of this version.
    let mut journal_entries = journal::load(&opts.out_dir);
    if !opts.force {
        let entries = &journal_entries;
        let docs_dir = &docs_dir;
        pool.install(|| {
            planned.par_iter_mut().for_each(|p| {
                p.resumed = resumable(p, entries, docs_dir);
            })
        });
    }

    // Process the rest.
    let t_process = Instant::now();
    let todo: Vec<usize> = (0..planned.len())
        .filter(|&i| planned[i].resumed.is_none())
        .collect();
    let mut progress = Progress::new(opts.progress, todo.len() as u64);
    let mut results: Vec<Option<(DocStatus, u64)>> = vec![None; planned.len()];
    let mut write_error: Option<WriteError> = None;
    let abort = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<Done>();
        let planned = &planned;
        let todo = &todo;
        let abort = &abort;
        let pool = &pool;
        let docs_dir = &docs_dir;
        scope.spawn(move || {
            pool.install(|| {
                todo.par_iter().for_each_with(tx, |tx, &index| {
                    if abort.load(Ordering::Relaxed) {
                        return;
                    }
                    let p = &planned[index];
                    let t = Instant::now();
                    let doc = isolate::process(&p.job, &opts.pipeline, opts.doc_timeout);
                    let written = write_document(docs_dir, &p.id, &doc);
                    let _ = tx.send(Done {
                        index,
                        status: doc.status,
                        ms: t.elapsed().as_millis() as u64,
                        written,
                    });
                })
            })
        });
        for done in rx {
            let p = &planned[done.index];
            match done.written {
                Ok(()) => {
                    let entry = Entry {
                        id: p.id.clone(),
                        sha256: p.job.sha256.clone(),
                        tool_version: TOOL_VERSION.to_string(),
                        status: done.status.as_str().to_string(),
                    };
                    if let Err(err) = appender.record(&entry) {
                        abort.store(true, Ordering::Relaxed);
                        write_error.get_or_insert(err);
                    }
                    journal_entries.insert(entry.id.clone(), entry);
                    results[done.index] = Some((done.status, done.ms));
                    progress.inc(done.status != DocStatus::Ok);
                }
                Err(err) => {
                    abort.store(true, Ordering::Relaxed);
                    write_error.get_or_insert(err);
                }
            }
        }
    });
    progress.finish();
    if let Some(err) = write_error {
        return Err(err.into());
    }
    let process_ms = t_process.elapsed().as_millis() as u64;

    // Batch-wide files, streamed from documents/ in id order.
    let t_aggregate = Instant::now();
    let mut order: Vec<usize> = (0..planned.len()).collect();
    order.sort_by(|&a, &b| planned[a].id.cmp(&planned[b].id));
    let files: Vec<(String, PathBuf)> = order
        .iter()
        .map(|&i| (planned[i].id.clone(), doc_path(&docs_dir, &planned[i].id)))
        .collect();
    let summaries = pool.install(|| aggregate::write_all(&opts.out_dir, &files))?;
    journal_entries.retain(|id, _| doc_path(&docs_dir, id).exists());
    journal::rewrite(&opts.out_dir, &journal_entries)?;

    let mut counts = Counts {
        discovered: found.files.len(),
        in_shard: in_shard.len(),
        duplicates: duplicates.len(),
        skipped: found.skipped.len(),
        documents: planned.len(),
        processed: todo.len(),
        resumed: planned.len() - todo.len(),
        ..Counts::default()
    };
    let mut documents = Vec::with_capacity(planned.len());
    let mut failures = Vec::new();
    let mut processed_bytes = 0;
    for (&i, summary) in order.iter().zip(&summaries) {
        let p = &planned[i];
        counts.add_status(summary.status);
        if summary.status != DocStatus::Ok {
            failures.push(Failure::from(summary));
        }
        let ms = results[i].map(|(_, ms)| ms);
        if ms.is_some() {
            processed_bytes += p.bytes;
        }
        documents.push(ManifestDoc {
            id: p.id.clone(),
            path: summary.path.clone(),
            sha256: p.job.sha256.clone(),
            bytes: p.bytes,
            status: summary.status,
            resumed: p.resumed.is_some(),
            ms,
        });
    }
    let aggregate_ms = t_aggregate.elapsed().as_millis() as u64;
    let secs = (process_ms as f64 / 1000.0).max(1e-3);
    let manifest = Manifest {
        tool: "ita-extract".to_string(),
        tool_version: TOOL_VERSION.to_string(),
        schema_version: crate::model::SCHEMA_VERSION,
        inputs: opts
            .inputs
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect(),
        shard: opts.shard.map(|s| s.to_string()),
        jobs,
        force: opts.force,
        doc_timeout_s: opts.doc_timeout.as_secs(),
        counts,
        documents,
        failures,
        duplicates,
        skipped: found.skipped,
        timings: Timings {
            started_unix_s,
            discover_ms,
            process_ms,
            aggregate_ms,
            total_ms: t0.elapsed().as_millis() as u64,
            processed_bytes,
            docs_per_s: manifest::round1(todo.len() as f64 / secs),
            mb_per_s: manifest::round1(processed_bytes as f64 / 1e6 / secs),
        },
    };
    let mut bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    bytes.push(b'\n');
    write_atomic(&opts.out_dir.join(manifest::FILE_NAME), &bytes)?;
    Ok(manifest)
}

/// Path of a document's JSON.
pub fn doc_path(docs_dir: &Path, id: &str) -> PathBuf {
    docs_dir.join(format!("{id}.json"))
}

fn write_document(docs_dir: &Path, id: &str, doc: &Document) -> Result<(), WriteError> {
    write_atomic(&doc_path(docs_dir, id), &json::document_bytes(doc))
}

/// The status of a document an earlier run finished, when its output can be kept: the
/// journal names it with this content and tool version, and its JSON reads back as a
/// document of the same path and content.
fn resumable(p: &Planned, journal: &BTreeMap<String, Entry>, docs_dir: &Path) -> Option<DocStatus> {
    let entry = journal.get(&p.id)?;
    if entry.sha256 != p.job.sha256 || entry.tool_version != TOOL_VERSION {
        return None;
    }
    let bytes = std::fs::read(doc_path(docs_dir, &p.id)).ok()?;
    let doc: Document = serde_json::from_slice(&bytes).ok()?;
    let same_source = doc.source.path == p.job.path.to_string_lossy()
        && (doc.source.sha256 == p.job.sha256 || doc.source.sha256.is_empty());
    same_source.then_some(doc.status)
}
