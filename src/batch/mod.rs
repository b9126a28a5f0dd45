//! The batch: find inputs, hash them, take this shard, drop duplicate contents, skip
//! what an earlier run finished, process the rest in parallel (each document in a
//! worker process with a memory limit and a time budget, [`worker`]), write each
//! document's JSON the moment it is done, and rebuild the batch-wide files from the JSON
//! files at the end. SIGINT/SIGTERM ([`BatchOptions::interrupt`]) stop it between
//! documents: the manifest says "interrupted" and the aggregate files wait for a run
//! that finishes.
//!
//! ```text
//! discover ─▶ hash (parallel) ─▶ shard ─▶ de-duplicate ─▶ ids ─▶ resume check (parallel)
//!   ─▶ process (rayon, -j threads; each hands its document to a pooled worker process)
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
pub mod worker;

use crate::model::{DocStatus, Document};
use crate::output::aggregate::{self, AggregateError};
use crate::output::atomic::{remove_temps, write_atomic, write_atomic_with, WriteError};
use crate::output::journal::{self, Entry};
use crate::output::manifest::{
    self, Counts, Duplicate, Failure, Interrupted, Manifest, Slow, Timings,
};
use crate::output::{DOCUMENTS_DIR, TOOL_VERSION};
use crate::pipeline::PipelineOptions;
use discover::{DiscoverError, Hashed};
use ident::Shard;
use isolate::Job;
use progress::{Progress, ProgressMode};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use worker::Outcome;

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
    /// Memory limit of each worker process, in MiB.
    pub max_memory_mb: u64,
    /// Read documents on threads of this process instead of worker processes.
    pub in_process: bool,
    /// Follow links to files outside the input folders (`--follow-links`).
    pub follow_links: bool,
    /// Set to a signal's number (SIGINT, SIGTERM) to stop the run: no document starts
    /// after it, those in flight are abandoned and read again by the next run.
    pub interrupt: Option<Arc<AtomicUsize>>,
    pub progress: ProgressMode,
    pub pipeline: PipelineOptions,
    /// How the CSV tables are written (`--excel`).
    pub tables: crate::output::tables::TableOptions,
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
    #[error(transparent)]
    Lock(#[from] crate::output::lock::LockError),
    #[error("cannot start {jobs} worker threads: {reason}")]
    Pool { jobs: usize, reason: String },
}

/// One distinct document of the run: everything the run keeps per input (a few
/// hundred bytes), so memory grows little with the batch.
struct Planned {
    id: String,
    job: Job,
    bytes: u64,
    /// Status kept from an earlier run.
    resumed: Option<DocStatus>,
    /// Processing time of this run, in milliseconds.
    ms: Option<u64>,
    /// Earlier runs this document may have ended (started, never finished).
    strikes: u32,
    /// Final status, read back from the document's JSON.
    status: Option<DocStatus>,
}

/// What a worker reports about a finished document.
struct Done {
    index: usize,
    status: DocStatus,
    ms: u64,
    written: Result<(), WriteError>,
}

/// Documents listed in `timings.slowest`.
const SLOWEST: usize = 10;

/// Run the batch; returns the manifest that was written.
pub fn run(opts: &BatchOptions) -> Result<Manifest, BatchError> {
    let t0 = Instant::now();
    let started_unix_s = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    isolate::install_panic_hook();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
        .map_err(|e| BatchError::Pool {
            jobs: opts.jobs,
            reason: e.to_string(),
        })?;
    let jobs = pool.current_num_threads();
    // Pages of scans go to the OCR pool, outside this one: it gets the same `-j`.
    crate::pipeline::scanned::limit_ocr_engines(jobs);

    // Discover before touching the output folder: a run that cannot start (an input
    // missing, nothing to read) leaves nothing behind.
    let discover::Discovery { files, skipped } = discover::discover_with(
        &opts.inputs,
        Some(&opts.out_dir),
        discover::DiscoverOptions {
            follow_links: opts.follow_links,
        },
    )?;
    if files.is_empty() {
        let inputs: Vec<String> = opts
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(BatchError::NoInputs(inputs.join(", ")));
    }
    let discovered = files.len();

    let docs_dir = opts.out_dir.join(DOCUMENTS_DIR);
    std::fs::create_dir_all(&docs_dir).map_err(|e| WriteError::io(&docs_dir, e))?;
    let _lock = crate::output::lock::Lock::acquire(&opts.out_dir)?;
    // Holding the lock, every temporary file here was left by a killed run.
    for dir in [&opts.out_dir, &docs_dir, &opts.out_dir.join(".state")] {
        remove_temps(dir);
    }
    // Opening the journal also proves the output folder is writable.
    let appender = Mutex::new(journal::Appender::open(&opts.out_dir)?);
    if opts.progress != ProgressMode::Quiet {
        // Hashing reads every input once; on a large batch that takes a while.
        eprintln!(
            "ita-extract: {}; hashing contents",
            progress::counted(discovered, "input file", "input files")
        );
    }
    let hashed: Vec<(PathBuf, Hashed)> = pool.install(|| {
        files
            .into_par_iter()
            .map(|p| {
                let h = discover::hash_file(&p).unwrap_or_else(|_| Hashed {
                    // Unreadable: identify it by its path; reading it again gives the
                    // failed report with the reason.
                    sha256: crate::pipeline::sha256_hex(p.to_string_lossy().as_bytes()),
                    bytes: 0,
                    is_pdf: false,
                    not_pdf: None,
                });
                (p, h)
            })
            .collect()
    });
    let discover_ms = t0.elapsed().as_millis() as u64;

    // Shard, then one document per content (the first path in sorted order).
    let mut in_shard = 0;
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut unique: Vec<(PathBuf, Hashed)> = Vec::new();
    let mut dup_of: Vec<(PathBuf, usize)> = Vec::new();
    for (path, h) in hashed {
        if !opts.shard.is_none_or(|s| s.contains(&h.sha256)) {
            continue;
        }
        in_shard += 1;
        match first_of.get(&h.sha256) {
            Some(&i) => dup_of.push((path, i)),
            None => {
                first_of.insert(h.sha256.clone(), unique.len());
                unique.push((path, h));
            }
        }
    }
    drop(first_of);
    let ids = ident::assign_ids(unique.iter().map(|(p, h)| (p.as_path(), h.sha256.as_str())));
    let duplicates: Vec<Duplicate> = dup_of
        .into_iter()
        .map(|(path, i)| Duplicate {
            path: path.to_string_lossy().into_owned(),
            sha256: unique[i].1.sha256.clone(),
            id: ids[i].clone(),
            same_as: unique[i].0.to_string_lossy().into_owned(),
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
                not_pdf: h.not_pdf,
            },
            resumed: None,
            ms: None,
            strikes: 0,
            status: None,
        })
        .collect();
    // From here on, documents are handled in id order.
    planned.sort_by(|a, b| a.id.cmp(&b.id));

    // Resume: keep documents finished by an earlier run of this version. Journal
    // entries of documents outside this run are carried over to the rewritten journal.
    let reading = reading_key(&opts.pipeline);
    let journal::Journal {
        done: mut other_entries,
        strikes,
    } = journal::load(&opts.out_dir);
    if !opts.force {
        let entries = &other_entries;
        let docs_dir = &docs_dir;
        let reading = reading.as_str();
        pool.install(|| {
            planned.par_iter_mut().for_each(|p| {
                p.resumed = resumable(p, entries, docs_dir, reading);
            })
        });
        // With worker processes a document that kills its reader is reported at once
        // (`crashed`, `memory_limit`): a document in flight when the run itself ended was
        // innocent, and is simply read again.
        if opts.in_process {
            for p in &mut planned {
                p.strikes = strikes.get(&p.id).copied().unwrap_or(0);
            }
        }
    }
    drop(strikes);
    for p in &planned {
        other_entries.remove(&p.id);
    }
    other_entries.retain(|id, _| doc_path(&docs_dir, id).exists());

    // Process the rest: first, alone, the documents that were running when an earlier
    // run ended (one of them may have ended it), then the others in parallel.
    let t_process = Instant::now();
    let (suspects, todo): (Vec<usize>, Vec<usize>) = (0..planned.len())
        .filter(|&i| planned[i].resumed.is_none())
        .partition(|&i| planned[i].strikes > 0);
    let processed = suspects.len() + todo.len();
    let mut progress = Progress::new(opts.progress, processed as u64);
    let mut finished: Vec<(usize, u64)> = Vec::with_capacity(processed);
    let mut write_error: Option<WriteError> = None;
    let abort = AtomicBool::new(false);
    let abandoned = AtomicUsize::new(0);
    let interrupted = || {
        opts.interrupt
            .as_ref()
            .map_or(0, |f| f.load(Ordering::Relaxed))
    };
    let workers = (!opts.in_process).then(|| {
        worker::Pool::new(
            worker::Budget {
                max_memory_mb: opts.max_memory_mb,
                timeout: opts.doc_timeout,
            },
            &opts.pipeline,
            opts.interrupt.clone(),
        )
        .with_threads(1)
    });
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<Done>();
        let planned = &planned;
        let (suspects, todo) = (&suspects, &todo);
        let abort = &abort;
        let abandoned = &abandoned;
        let interrupted = &interrupted;
        let workers = &workers;
        let pool = &pool;
        let docs_dir = &docs_dir;
        let appender = &appender;
        let reading = reading.as_str();
        let work = move |tx: &mut mpsc::Sender<Done>, index: usize| {
            if abort.load(Ordering::Relaxed) || interrupted() != 0 {
                return;
            }
            let p = &planned[index];
            let t = Instant::now();
            let outcome = if p.strikes >= journal::MAX_STRIKES {
                Outcome::of(&isolate::gave_up(&p.job, p.strikes))
            } else {
                let started = Entry {
                    id: p.id.clone(),
                    sha256: p.job.sha256.clone(),
                    tool_version: TOOL_VERSION.to_string(),
                    status: journal::STARTED.to_string(),
                    reading: reading.to_string(),
                };
                // Best effort: a journal that cannot be written stops the run below.
                if let Ok(mut a) = appender.lock() {
                    let _ = a.record(&started);
                }
                match workers {
                    Some(workers) => workers.process(&p.job),
                    None => {
                        Outcome::of(&isolate::process(&p.job, &opts.pipeline, opts.doc_timeout))
                    }
                }
            };
            let Outcome::Done { status, json } = outcome else {
                abandoned.fetch_add(1, Ordering::Relaxed);
                return;
            };
            let written = write_atomic(&doc_path(docs_dir, &p.id), &json);
            let _ = tx.send(Done {
                index,
                status,
                ms: t.elapsed().as_millis() as u64,
                written,
            });
        };
        scope.spawn(move || {
            let mut tx = tx;
            for &index in suspects {
                work(&mut tx, index);
            }
            pool.install(|| {
                todo.par_iter()
                    .for_each_with(tx, |tx, &index| work(tx, index))
            })
        });
        for done in rx {
            let p = &planned[done.index];
            if let Err(err) = done.written {
                abort.store(true, Ordering::Relaxed);
                write_error.get_or_insert(err);
                continue;
            }
            let entry = Entry {
                id: p.id.clone(),
                sha256: p.job.sha256.clone(),
                tool_version: TOOL_VERSION.to_string(),
                status: done.status.as_str().to_string(),
                reading: reading.to_string(),
            };
            let recorded = match appender.lock() {
                Ok(mut a) => a.record(&entry),
                Err(_) => Ok(()),
            };
            if let Err(err) = recorded {
                abort.store(true, Ordering::Relaxed);
                write_error.get_or_insert(err);
            }
            finished.push((done.index, done.ms));
            progress.inc(done.status != DocStatus::Ok);
        }
    });
    progress.finish();
    drop(appender);
    drop(workers);
    if let Some(err) = write_error {
        return Err(err.into());
    }
    let signal = interrupted();
    let finished_count = finished.len();
    for (index, ms) in finished {
        planned[index].ms = Some(ms);
    }
    let process_ms = t_process.elapsed().as_millis() as u64;

    let t_aggregate = Instant::now();
    let mut counts = Counts {
        discovered,
        in_shard,
        duplicates: duplicates.len(),
        skipped: skipped.len(),
        documents: planned.len(),
        processed,
        resumed: planned.len() - processed,
        ..Counts::default()
    };
    let mut failures = Vec::new();
    let mut interruption = None;
    if signal != 0 {
        // Stopped: only this run's finished documents are counted; the aggregate files
        // and the journal's compaction wait for a run that reads everything.
        let abandoned = abandoned.load(Ordering::Relaxed);
        counts.processed = finished_count;
        interruption = Some(Interrupted {
            signal: signal_name(signal),
            abandoned,
            not_started: processed - finished_count - abandoned,
        });
        for p in planned.iter().filter(|p| p.ms.is_some()) {
            let doc = std::fs::read(doc_path(&docs_dir, &p.id))
                .ok()
                .and_then(|b| serde_json::from_slice::<Document>(&b).ok());
            if let Some(doc) = doc {
                counts.add_status(doc.status);
                if doc.status != DocStatus::Ok {
                    failures.push(Failure::from(&aggregate::DocSummary::of(&p.id, &doc)));
                }
            }
        }
    } else {
        // Documents whose input changed (same path, other id) or is gone from a walked
        // folder no longer belong here: their JSON is removed before the tables are built.
        let current: std::collections::BTreeMap<String, String> = planned
            .iter()
            .map(|p| (p.job.path.to_string_lossy().into_owned(), p.id.clone()))
            .collect();
        let roots: Vec<PathBuf> = opts.inputs.iter().filter(|p| p.is_dir()).cloned().collect();
        if !crate::output::prune::prune(&docs_dir, &current, &roots).is_empty() {
            other_entries.retain(|id, _| doc_path(&docs_dir, id).exists());
        }
        aggregate_all(
            opts,
            &pool,
            &docs_dir,
            &mut planned,
            &mut counts,
            &mut failures,
        )?;
        write_journal(&opts.out_dir, &other_entries, &planned, &reading)?;
    }

    let processed_bytes: u64 = planned
        .iter()
        .filter(|p| p.ms.is_some())
        .map(|p| p.bytes)
        .sum();
    let mut slow: Vec<&Planned> = planned.iter().filter(|p| p.ms.is_some()).collect();
    slow.sort_by(|a, b| b.ms.cmp(&a.ms).then_with(|| a.id.cmp(&b.id)));
    let slowest = slow
        .iter()
        .take(SLOWEST)
        .map(|p| Slow {
            id: p.id.clone(),
            path: p.job.path.to_string_lossy().into_owned(),
            ms: p.ms.unwrap_or(0),
        })
        .collect();
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
        max_memory_mb: (!opts.in_process).then_some(opts.max_memory_mb),
        interrupted: interruption,
        counts,
        failures,
        duplicates,
        skipped,
        timings: Timings {
            started_unix_s,
            discover_ms,
            process_ms,
            aggregate_ms,
            total_ms: t0.elapsed().as_millis() as u64,
            processed_bytes,
            docs_per_s: manifest::round1(processed as f64 / secs),
            mb_per_s: manifest::round1(processed_bytes as f64 / 1e6 / secs),
            slowest,
        },
    };
    write_atomic_with(&opts.out_dir.join(manifest::FILE_NAME), |w| {
        serde_json::to_writer_pretty(&mut *w, &manifest).map_err(std::io::Error::from)?;
        w.write_all(b"\n")
    })?;
    Ok(manifest)
}

/// Batch-wide files, streamed from documents/ in id order; each document's final
/// status is counted and kept in `planned`.
fn aggregate_all(
    opts: &BatchOptions,
    pool: &rayon::ThreadPool,
    docs_dir: &Path,
    planned: &mut [Planned],
    counts: &mut Counts,
    failures: &mut Vec<Failure>,
) -> Result<(), BatchError> {
    let mut statuses = Vec::with_capacity(planned.len());
    pool.install(|| {
        aggregate::write_all(
            &opts.out_dir,
            &*planned,
            opts.tables,
            |p| (p.id.clone(), doc_path(docs_dir, &p.id)),
            |_, summary| {
                counts.add_status(summary.status);
                statuses.push(summary.status);
                if summary.status != DocStatus::Ok {
                    failures.push(Failure::from(&summary));
                }
            },
        )
    })?;
    crate::output::datapackage::write(&opts.out_dir, &aggregate::resources(), opts.tables)?;
    for (p, status) in planned.iter_mut().zip(statuses) {
        p.status = Some(status);
    }
    Ok(())
}

/// The name of a signal that stops a run.
fn signal_name(signal: usize) -> String {
    match signal as i32 {
        signal_hook::consts::SIGINT => "SIGINT".to_string(),
        signal_hook::consts::SIGTERM => "SIGTERM".to_string(),
        n => format!("signal {n}"),
    }
}

/// Rewrite the journal: entries of other documents, and this run's documents, in id
/// order (`planned` is sorted by id).
fn write_journal(
    out_dir: &Path,
    others: &BTreeMap<String, Entry>,
    planned: &[Planned],
    reading: &str,
) -> Result<(), WriteError> {
    let path = journal::path(out_dir);
    let mut others = others.values().peekable();
    write_atomic_with(&path, |w| {
        let mut put = |e: &Entry| -> std::io::Result<()> {
            serde_json::to_writer(&mut *w, e).map_err(std::io::Error::from)?;
            w.write_all(b"\n")
        };
        for p in planned {
            while let Some(o) = others.next_if(|o| o.id < p.id) {
                put(o)?;
            }
            let status = p.status.or(p.resumed).unwrap_or(DocStatus::Failed);
            put(&Entry {
                id: p.id.clone(),
                sha256: p.job.sha256.clone(),
                tool_version: TOOL_VERSION.to_string(),
                status: status.as_str().to_string(),
                reading: reading.to_string(),
            })?;
        }
        for o in others {
            put(o)?;
        }
        Ok(())
    })
}

/// Path of a document's JSON.
pub fn doc_path(docs_dir: &Path, id: &str) -> PathBuf {
    docs_dir.join(format!("{id}.json"))
}

/// The options that change what a document's JSON says, as the journal records them: a
/// document read with other options is read again.
fn reading_key(opts: &PipelineOptions) -> String {
    format!(
        "ocr={:?} max_input_bytes={} max_line_bytes={}",
        opts.ocr.mode, opts.text.max_bytes, opts.text.max_line_bytes
    )
}

/// The status of a document an earlier run finished, when its output can be kept: the
/// journal names it with this content, tool version and reading options, and its JSON
/// reads back as a document of the same path and content.
fn resumable(
    p: &Planned,
    journal: &BTreeMap<String, Entry>,
    docs_dir: &Path,
    reading: &str,
) -> Option<DocStatus> {
    let entry = journal.get(&p.id)?;
    if entry.sha256 != p.job.sha256
        || entry.tool_version != TOOL_VERSION
        || entry.reading != reading
    {
        return None;
    }
    let bytes = std::fs::read(doc_path(docs_dir, &p.id)).ok()?;
    let doc: Document = serde_json::from_slice(&bytes).ok()?;
    let same_source = doc.source.path == p.job.path.to_string_lossy()
        && (doc.source.sha256 == p.job.sha256 || doc.source.sha256.is_empty());
    same_source.then_some(doc.status)
}
