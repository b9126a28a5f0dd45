//! One document in isolation: the pipeline runs on its own thread under
//! `catch_unwind`, and the caller waits at most the document's time budget. A panic
//! becomes a `failed` report with a `parse_error` flag; a document that overruns its
//! budget becomes a `failed` report with a `timeout` flag while its thread is left to
//! finish on its own (Rust threads cannot be killed; the thread's result is dropped and
//! the process exit ends it). A stack overflow or an abort still ends the process: that
//! is why documents are read in worker processes ([`super::worker`]), which use
//! [`process_unbounded`] and leave the time budget to their parent, which can kill them.
//! Reading in process remains for comparison (`run --in-process`).

use crate::diagnostic::FlagCode;
use crate::model::{Document, SourceFormat};
use crate::pipeline::{self, PipelineOptions};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{mpsc, Once};
use std::time::Duration;

/// Name of the threads documents run on; their panics are reported in the document,
/// not printed.
pub const THREAD_NAME: &str = "ita-doc";

/// Stack of a document thread: generous, since parsers may recurse.
pub const STACK_BYTES: usize = 16 * 1024 * 1024;

static QUIET_HOOK: Once = Once::new();

/// Keep panics of document threads off stderr (they become flags); others print as usual.
pub fn install_panic_hook() {
    QUIET_HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(THREAD_NAME) {
                default(info);
            }
        }));
    });
}

/// What is known about a document before it is read, for the report of one that
/// could not be read at all.
#[derive(Debug, Clone)]
pub struct Job {
    pub path: PathBuf,
    pub sha256: String,
    pub is_pdf: bool,
    /// Set for a file named `.pdf` that is not one ([`super::discover::not_a_pdf`]): the
    /// reason of its `failed` report; the file is not read.
    pub not_pdf: Option<String>,
}

pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// The `failed` report of `job`, with one flag.
pub fn failed(job: &Job, code: FlagCode, message: String) -> Document {
    let format = if job.is_pdf || job.not_pdf.is_some() {
        SourceFormat::Pdf
    } else {
        SourceFormat::Text
    };
    pipeline::failed(
        &job.path.to_string_lossy(),
        &job.sha256,
        format,
        code,
        message,
    )
}

/// The report of a document not read again because it was running when `strikes`
/// earlier runs ended abruptly: it may crash the process (stack overflow, out of memory).
pub fn gave_up(job: &Job, strikes: u32) -> Document {
    failed(
        job,
        FlagCode::ParseError,
        format!(
            "not read: the document was being read when {strikes} earlier runs ended abruptly \
             (it may crash the reader or exhaust memory); --force tries it again"
        ),
    )
}

fn guarded<F: FnOnce() -> Document>(job: &Job, work: F) -> Document {
    match panic::catch_unwind(AssertUnwindSafe(work)) {
        Ok(doc) => doc,
        Err(payload) => failed(
            job,
            FlagCode::ParseError,
            format!(
                "internal error while reading the document: {}",
                panic_message(&*payload)
            ),
        ),
    }
}

/// Process one document within `budget`.
pub fn process(job: &Job, opts: &PipelineOptions, budget: Duration) -> Document {
    if let Some(reason) = &job.not_pdf {
        return failed(job, FlagCode::ParseError, reason.clone());
    }
    let path = job.path.clone();
    let opts = opts.clone();
    process_with(job, budget, move || pipeline::process_path(&path, &opts))
}

/// Run `work` for `job` on its own thread under `catch_unwind`, waiting at most `budget`.
pub fn process_with<F>(job: &Job, budget: Duration, work: F) -> Document
where
    F: FnOnce() -> Document + Send + 'static,
{
    run_guarded(job, Some(budget), work)
}

/// Run `work` for `job` on its own thread under `catch_unwind`, waiting as long as it
/// takes: a worker process, whose time the parent limits.
pub fn process_unbounded<F>(job: &Job, work: F) -> Document
where
    F: FnOnce() -> Document + Send + 'static,
{
    run_guarded(job, None, work)
}

fn run_guarded<F>(job: &Job, budget: Option<Duration>, work: F) -> Document
where
    F: FnOnce() -> Document + Send + 'static,
{
    let (tx, rx) = mpsc::sync_channel(1);
    let thread_job = job.clone();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.to_string())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let doc = guarded(&thread_job, work);
            let _ = tx.send(doc);
        });
    if let Err(err) = spawned {
        return failed(
            job,
            FlagCode::ParseError,
            format!("internal error: cannot start a thread for the document: {err}"),
        );
    }
    let got = match budget {
        Some(budget) => rx.recv_timeout(budget),
        None => rx.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
    };
    match got {
        Ok(doc) => doc,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            timeout_report(job, budget.unwrap_or(Duration::ZERO))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => failed(
            job,
            FlagCode::ParseError,
            "internal error: the document's thread ended without a result".to_string(),
        ),
    }
}

/// The report of a document that overran its time budget.
pub fn timeout_report(job: &Job, budget: Duration) -> Document {
    failed(
        job,
        FlagCode::Timeout,
        format!(
            "gave up after the time budget of {} s",
            budget.as_secs_f64()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocStatus;

    #[test]
    fn missing_file_is_a_failed_report() {
        let job = Job {
            path: PathBuf::from("/nonexistent/x.txt"),
            sha256: "ab".into(),
            is_pdf: false,
            not_pdf: None,
        };
        let doc = process(&job, &PipelineOptions::default(), Duration::from_secs(30));
        assert_eq!(doc.status, DocStatus::Failed);
        assert_eq!(doc.flags[0].code, FlagCode::ParseError);
    }

    fn job() -> Job {
        Job {
            path: PathBuf::from("in/a.pdf"),
            sha256: "cd".into(),
            is_pdf: true,
            not_pdf: None,
        }
    }

    #[test]
    fn overrun_is_a_timeout_report() {
        let doc = process_with(&job(), Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(5));
            panic!("never reported")
        });
        assert_eq!(doc.status, DocStatus::Failed);
        assert_eq!(doc.flags[0].code, FlagCode::Timeout);
        assert_eq!(doc.source.sha256, "cd");
        assert_eq!(doc.source.path, "in/a.pdf");
        assert_eq!(doc.source.format, SourceFormat::Pdf);
    }

    #[test]
    fn panic_is_a_parse_error_report() {
        install_panic_hook();
        let doc = process_with(&job(), Duration::from_secs(30), || {
            panic!("index out of range")
        });
        assert_eq!(doc.status, DocStatus::Failed);
        assert_eq!(doc.flags[0].code, FlagCode::ParseError);
        assert!(doc.flags[0].message.contains("index out of range"));
    }

    #[test]
    fn result_within_budget_is_returned() {
        let doc = process_with(&job(), Duration::from_secs(30), || {
            crate::pipeline::process_bytes("in/a.txt", "ก".as_bytes(), &PipelineOptions::default())
        });
        assert_eq!(doc.source.path, "in/a.txt");
    }

    #[test]
    fn panic_messages_are_read() {
        let r = panic::catch_unwind(|| panic!("boom {}", 1));
        assert_eq!(panic_message(&*r.unwrap_err()), "boom 1");
    }
}
