//! Worker processes: every document is read by a separate `ita-extract __worker`
//! process, so that no document can take the batch (or `file`, `text`) down with it.
//!
//! ```text
//! parent ── request line (+ bytes) ──▶ worker (stdin)     RLIMIT_AS = --max-memory,
//! parent ◀── reply line + JSON ──────── worker (stdout)    RLIMIT_CPU = budget per document
//! parent ◀── last KB of stderr ──────── worker (stderr)    wall time: the parent kills it
//! ```
//!
//! A [`Pool`] keeps idle workers and reuses them (start-up is paid once per worker, not
//! per document). A worker that dies names its document, since it reads one at a time:
//! that document alone becomes `failed`, with `memory_limit` (an allocation failed under
//! the memory limit), `timeout` (the wall or CPU budget ran out; the parent kills the
//! worker, so no thread keeps burning CPU) or `crashed` (any other death, such as a
//! stack overflow or a kill from outside), and a new worker takes its place.
//! A good document's JSON is produced by the worker with the same code as in process
//! ([`json::document_bytes`]), so its bytes do not change.
//!
//! [`contained`] runs a whole command (`text`, and any command reading one document) in
//! a child process of itself under the same budgets, turning a panic or a death into a
//! `failed` report with exit 1.
//!
//! Workers run in their own process group: a Ctrl-C at the terminal reaches the parent
//! only, which decides what becomes of the documents in flight (see `batch::run`).

use super::isolate::{self, Job};
use crate::cli::WorkerArgs;
use crate::cmd::Exit;
use crate::diagnostic::FlagCode;
use crate::model::{DocStatus, Document, SourceFormat};
use crate::output::json;
use crate::pipeline::{self, PipelineOptions};
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// Default memory limit of one worker (`--max-memory`), in MiB.
pub const DEFAULT_MAX_MEMORY_MB: u64 = 4096;

/// The hidden subcommand a worker runs as.
pub const SUBCOMMAND: &str = "__worker";

/// Set in the environment of a [`contained`] child.
const CONTAINED_ENV: &str = "ITA_EXTRACT_CONTAINED";

/// Test-only trigger, `MODE:SUBSTRING`: a worker reading a document whose path contains
/// SUBSTRING misbehaves as MODE says (`panic`, `hog`: allocate until memory runs out,
/// `spin`: loop forever, `sleep`: sleep ten minutes). Only the tests set it; it lets them
/// show what happens to a hostile document without shipping one.
pub const TEST_TRIGGER_ENV: &str = "ITA_EXTRACT_TEST_TRIGGER";

/// Bytes of a worker's stderr kept to tell why it died.
const STDERR_TAIL: usize = 4096;

/// How often a waiting parent looks at the interrupt flag.
const POLL: Duration = Duration::from_millis(50);

/// What Rust prints when an allocation fails (then it aborts).
const ALLOC_FAILED: &str = "memory allocation of";

/// The limits of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Address space of the worker, in MiB (RLIMIT_AS).
    pub max_memory_mb: u64,
    /// Wall time; CPU time is limited to twice this (threads may run in parallel).
    pub timeout: Duration,
}

impl Budget {
    /// The worker's command-line arguments for these budgets and reading options.
    fn worker_args(&self, opts: &PipelineOptions) -> Vec<OsString> {
        let ocr = clap::ValueEnum::to_possible_value(&opts.ocr.mode)
            .map(|v| v.get_name().to_string())
            .unwrap_or_else(|| "auto".to_string());
        [
            SUBCOMMAND.to_string(),
            format!("--ocr={ocr}"),
            format!("--max-input-bytes={}", opts.text.max_bytes),
            format!("--max-line-bytes={}", opts.text.max_line_bytes),
            format!("--max-memory={}", self.max_memory_mb),
            format!("--doc-timeout-ms={}", self.timeout.as_millis()),
        ]
        .into_iter()
        .map(OsString::from)
        .collect()
    }
}

/// One document for a worker: a path to read, or `data_len` bytes that follow the line.
#[derive(Debug, Serialize, Deserialize)]
struct Request {
    /// The path's bytes (any path, UTF-8 or not); empty for bytes that follow.
    path: Vec<u8>,
    label: String,
    sha256: String,
    is_pdf: bool,
    not_pdf: Option<String>,
    data_len: u64,
}

/// A worker's answer: `len` bytes of document JSON follow the line.
#[derive(Debug, Serialize, Deserialize)]
struct Reply {
    status: DocStatus,
    len: u64,
}

/// What became of a document given to a worker.
#[derive(Debug)]
pub enum Outcome {
    /// Its JSON (as `documents/<id>.json` holds it) and status.
    Done { status: DocStatus, json: Vec<u8> },
    /// The run was interrupted while it was read: nothing is known about it.
    Abandoned,
}

impl Outcome {
    /// The outcome of a report made without a worker.
    pub fn of(doc: &Document) -> Outcome {
        Outcome::Done {
            status: doc.status,
            json: json::document_bytes(doc),
        }
    }
}

/// A pool of reusable worker processes.
pub struct Pool {
    args: Vec<OsString>,
    /// Threads of each worker's own parallel work (OCR of pages); `None`: all cores.
    threads: Option<usize>,
    budget: Budget,
    idle: Mutex<Vec<Worker>>,
    /// Set (to the signal's number) when the run is interrupted.
    interrupt: Option<Arc<AtomicUsize>>,
}

impl Pool {
    pub fn new(
        budget: Budget,
        opts: &PipelineOptions,
        interrupt: Option<Arc<AtomicUsize>>,
    ) -> Pool {
        Pool {
            args: budget.worker_args(opts),
            threads: None,
            budget,
            idle: Mutex::new(Vec::new()),
            interrupt,
        }
    }

    /// Give each worker `n` threads for its own parallel work: a batch of `-j` workers
    /// then uses `-j` threads in all, and each worker's address space (threads reserve
    /// stacks and allocator arenas) stays well inside `--max-memory`.
    pub fn with_threads(mut self, n: usize) -> Pool {
        self.threads = Some(n.max(1));
        self
    }

    fn interrupted(&self) -> bool {
        self.interrupt
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Relaxed) != 0)
    }

    /// Read the document of `job` in a worker.
    pub fn process(&self, job: &Job) -> Outcome {
        if let Some(reason) = &job.not_pdf {
            return Outcome::of(&isolate::failed(job, FlagCode::ParseError, reason.clone()));
        }
        let req = Request {
            path: path_bytes(&job.path),
            label: job.path.to_string_lossy().into_owned(),
            sha256: job.sha256.clone(),
            is_pdf: job.is_pdf,
            not_pdf: None,
            data_len: 0,
        };
        self.call(&req, &[], job)
    }

    /// Read a document given as bytes (`file`), recorded with the path `label`.
    pub fn process_bytes(&self, label: &str, bytes: &[u8]) -> Outcome {
        let job = Job {
            path: PathBuf::from(label),
            sha256: pipeline::sha256_hex(bytes),
            is_pdf: pipeline::looks_like_pdf(bytes),
            not_pdf: None,
        };
        let req = Request {
            path: Vec::new(),
            label: label.to_string(),
            sha256: job.sha256.clone(),
            is_pdf: job.is_pdf,
            not_pdf: None,
            data_len: bytes.len() as u64,
        };
        self.call(&req, bytes, &job)
    }

    fn take(&self) -> std::io::Result<Worker> {
        let reused = self.idle.lock().ok().and_then(|mut v| v.pop());
        match reused {
            // A worker that died while idle is not any document's fault.
            Some(mut w) => {
                if w.alive() {
                    Ok(w)
                } else {
                    Worker::spawn(&self.args, self.threads)
                }
            }
            None => Worker::spawn(&self.args, self.threads),
        }
    }

    fn call(&self, req: &Request, data: &[u8], job: &Job) -> Outcome {
        if self.interrupted() {
            return Outcome::Abandoned;
        }
        let mut worker = match self.take() {
            Ok(w) => w,
            Err(err) => {
                return Outcome::of(&isolate::failed(
                    job,
                    FlagCode::Crashed,
                    format!("internal error: cannot start a worker process: {err}"),
                ))
            }
        };
        let deadline = Instant::now() + self.budget.timeout;
        // A failed write means the worker is gone: the wait below says why.
        let _ = worker.send(req, data);
        loop {
            if self.interrupted() {
                return Outcome::Abandoned;
            }
            let now = Instant::now();
            if now >= deadline {
                worker.kill();
                return Outcome::of(&isolate::timeout_report(job, self.budget.timeout));
            }
            match worker.replies.recv_timeout(POLL.min(deadline - now)) {
                Ok((status, json)) => {
                    if let Ok(mut idle) = self.idle.lock() {
                        idle.push(worker);
                    }
                    return Outcome::Done { status, json };
                }
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let (code, message) = worker.death(self.budget);
                    return Outcome::of(&isolate::failed(job, code, message));
                }
            }
        }
    }
}

fn path_bytes(path: &std::path::Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().as_bytes().to_vec()
    }
}

fn path_of(bytes: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// The last [`STDERR_TAIL`] bytes a child wrote on stderr, filled by a thread that
/// reports on `done` when the pipe closes.
struct StderrTail {
    tail: Arc<Mutex<Vec<u8>>>,
    done: mpsc::Receiver<()>,
}

impl StderrTail {
    fn start<R: Read + Send + 'static>(mut pipe: R, forward: bool) -> StderrTail {
        let tail = Arc::new(Mutex::new(Vec::new()));
        let (tx, done) = mpsc::channel();
        let kept = Arc::clone(&tail);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if forward {
                    let _ = std::io::stderr().write_all(&buf[..n]);
                }
                if let Ok(mut t) = kept.lock() {
                    t.extend_from_slice(&buf[..n]);
                    let excess = t.len().saturating_sub(STDERR_TAIL);
                    t.drain(..excess);
                }
            }
            let _ = tx.send(());
        });
        StderrTail { tail, done }
    }

    /// The tail once the child is gone (waiting a little for the pipe to close).
    fn text(&self) -> String {
        let _ = self.done.recv_timeout(Duration::from_secs(2));
        let t = self.tail.lock().map(|t| t.clone()).unwrap_or_default();
        String::from_utf8_lossy(&t).into_owned()
    }
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: mpsc::Receiver<(DocStatus, Vec<u8>)>,
    stderr: StderrTail,
}

impl Worker {
    fn spawn(args: &[OsString], threads: Option<usize>) -> std::io::Result<Worker> {
        let mut cmd = Command::new(std::env::current_exe()?);
        if let Some(n) = threads {
            cmd.env("RAYON_NUM_THREADS", n.to_string());
        }
        cmd.args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let mut child = cmd.spawn()?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("worker pipes missing"));
        };
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            let mut line = Vec::new();
            loop {
                line.clear();
                if !matches!(out.read_until(b'\n', &mut line), Ok(n) if n > 0) {
                    return;
                }
                let Ok(reply) = serde_json::from_slice::<Reply>(&line) else {
                    return;
                };
                let mut json = Vec::new();
                if (&mut out).take(reply.len).read_to_end(&mut json).is_err()
                    || json.len() as u64 != reply.len
                {
                    return;
                }
                if tx.send((reply.status, json)).is_err() {
                    return;
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            replies,
            stderr: StderrTail::start(stderr, false),
        })
    }

    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    fn send(&mut self, req: &Request, data: &[u8]) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(req).map_err(std::io::Error::from)?;
        line.push(b'\n');
        self.stdin.write_all(&line)?;
        self.stdin.write_all(data)?;
        self.stdin.flush()
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Why the worker died, as a flag code and message, once its output has closed.
    fn death(&mut self, budget: Budget) -> (FlagCode, String) {
        let status = self.child.wait();
        let stderr = self.stderr.text();
        match status {
            Ok(status) => classify(status, &stderr, budget),
            Err(err) => (
                FlagCode::Crashed,
                format!("the worker process reading the document was lost: {err}"),
            ),
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The flag of a child that ended without answering.
fn classify(status: ExitStatus, stderr: &str, budget: Budget) -> (FlagCode, String) {
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string();
    if let Some(line) = stderr.lines().find(|l| l.contains(ALLOC_FAILED)) {
        return (
            FlagCode::MemoryLimit,
            format!(
                "the document needs more memory than the limit of {} MiB (--max-memory): {}",
                budget.max_memory_mb,
                line.trim()
            ),
        );
    }
    let how = describe(status);
    if signal_of(status) == Some(SIGXCPU) {
        return (
            FlagCode::Timeout,
            format!(
                "gave up after the CPU budget of {} s ({how})",
                2 * budget.timeout.as_secs_f64().ceil() as u64
            ),
        );
    }
    let mut message = format!("the worker process reading the document {how}");
    if !last.is_empty() {
        message.push_str(": ");
        message.push_str(&last);
    }
    (FlagCode::Crashed, message)
}

#[cfg(unix)]
const SIGXCPU: i32 = libc::SIGXCPU;
#[cfg(not(unix))]
const SIGXCPU: i32 = 24;

fn signal_of(status: ExitStatus) -> Option<i32> {
    #[cfg(unix)]
    {
        std::os::unix::process::ExitStatusExt::signal(&status)
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        None
    }
}

fn describe(status: ExitStatus) -> String {
    match (status.code(), signal_of(status)) {
        (Some(code), _) => format!("exited with code {code}"),
        (None, Some(sig)) => format!("was killed by signal {sig}"),
        _ => "ended".to_string(),
    }
}

/// Apply the memory limit to this process (a worker or a contained child).
fn limit_memory(mb: u64) {
    #[cfg(unix)]
    {
        let bytes = mb.saturating_mul(1024 * 1024) as libc::rlim_t;
        let lim = libc::rlimit {
            rlim_cur: bytes,
            rlim_max: bytes,
        };
        // SAFETY: setrlimit reads the struct passed by reference and nothing else.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &lim);
        }
    }
    #[cfg(not(unix))]
    let _ = mb;
}

/// Limit the CPU time of this process to what it used so far plus `secs`.
fn limit_cpu(secs: u64) {
    #[cfg(unix)]
    {
        // SAFETY: getrusage fills the zeroed struct; setrlimit reads its argument.
        unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            if libc::getrusage(libc::RUSAGE_SELF, &mut usage) != 0 {
                return;
            }
            let used = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) as u64 + 1;
            let lim = libc::rlimit {
                rlim_cur: used.saturating_add(secs) as libc::rlim_t,
                rlim_max: libc::RLIM_INFINITY,
            };
            libc::setrlimit(libc::RLIMIT_CPU, &lim);
        }
    }
    #[cfg(not(unix))]
    let _ = secs;
}

/// CPU seconds a document may use: twice its wall budget, rounded up.
fn cpu_secs(timeout: Duration) -> u64 {
    2 * timeout.as_secs_f64().ceil() as u64
}

/// The misbehaviour [`TEST_TRIGGER_ENV`] asks of the document `label`, if any.
fn test_trigger(label: &str) {
    let Ok(spec) = std::env::var(TEST_TRIGGER_ENV) else {
        return;
    };
    let Some((mode, needle)) = spec.split_once(':') else {
        return;
    };
    if needle.is_empty() || !label.contains(needle) {
        return;
    }
    match mode {
        "panic" => panic!("test trigger: panic while reading {label}"),
        "hog" => {
            let mut kept: Vec<Vec<u8>> = Vec::new();
            loop {
                kept.push(vec![1u8; 16 * 1024 * 1024]);
            }
        }
        "spin" => {
            let mut n: u64 = 0;
            loop {
                n = std::hint::black_box(n.wrapping_add(1));
            }
        }
        "sleep" => std::thread::sleep(Duration::from_secs(600)),
        _ => {}
    }
}

/// The reading options a worker was started with.
fn worker_options(args: &WorkerArgs) -> PipelineOptions {
    let mut opts = PipelineOptions::default();
    opts.ocr.mode = args.ocr;
    opts.text.max_bytes = args.max_input_bytes;
    opts.text.max_line_bytes = args.max_line_bytes;
    opts
}

/// The worker's main loop (`ita-extract __worker`): read requests from stdin until it
/// closes, answer each on stdout.
pub fn serve(args: WorkerArgs) -> anyhow::Result<Exit> {
    limit_memory(args.max_memory);
    isolate::install_panic_hook();
    let opts = worker_options(&args);
    let cpu = cpu_secs(Duration::from_millis(args.doc_timeout_ms));
    let mut input = BufReader::new(std::io::stdin().lock());
    let mut out = std::io::stdout().lock();
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(Exit::Ok);
        }
        let req: Request = serde_json::from_slice(&line)?;
        let mut data = Vec::new();
        (&mut input).take(req.data_len).read_to_end(&mut data)?;
        limit_cpu(cpu);
        let doc = read_request(req, data, &opts);
        let bytes = json::document_bytes(&doc);
        let reply = Reply {
            status: doc.status,
            len: bytes.len() as u64,
        };
        let mut head = serde_json::to_vec(&reply)?;
        head.push(b'\n');
        out.write_all(&head)?;
        out.write_all(&bytes)?;
        out.flush()?;
    }
}

fn read_request(req: Request, data: Vec<u8>, opts: &PipelineOptions) -> Document {
    let label = req.label;
    let by_path = !req.path.is_empty();
    let job = Job {
        path: if req.path.is_empty() {
            PathBuf::from(&label)
        } else {
            path_of(req.path)
        },
        sha256: req.sha256,
        is_pdf: req.is_pdf,
        not_pdf: req.not_pdf,
    };
    if let Some(reason) = &job.not_pdf {
        return isolate::failed(&job, FlagCode::ParseError, reason.clone());
    }
    let opts = opts.clone();
    let path = job.path.clone();
    isolate::process_unbounded(&job, move || {
        test_trigger(&label);
        if by_path {
            pipeline::process_path(&path, &opts)
        } else {
            pipeline::process_bytes(&label, &data, &opts)
        }
    })
}

/// Run `work` — a command reading the one document `label` — in a child process of
/// this program under `budget`. In the child, a panic becomes a `parse_error` report
/// on stderr with exit 1; in the parent, a child killed for its time, or dead of its
/// memory limit or anything else, becomes a `timeout`, `memory_limit` or `crashed`
/// report with exit 1. Stdin and stdout are the child's; its stderr passes through.
pub fn contained<F>(label: &str, budget: Budget, work: F) -> anyhow::Result<Exit>
where
    F: FnOnce() -> anyhow::Result<Exit> + Send + 'static,
{
    let tell = |code: FlagCode, message: &str| {
        eprintln!("ita-extract: {label}: {}: {message}", code.as_str());
        Ok(Exit::SomeFailed)
    };
    if std::env::var_os(CONTAINED_ENV).is_some() {
        limit_memory(budget.max_memory_mb);
        limit_cpu(cpu_secs(budget.timeout));
        isolate::install_panic_hook();
        let name = label.to_string();
        let ran = std::thread::Builder::new()
            .name(isolate::THREAD_NAME.to_string())
            .stack_size(isolate::STACK_BYTES)
            .spawn(move || {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    test_trigger(&name);
                    work()
                }))
            })?
            .join();
        return match ran {
            Ok(Ok(result)) => result,
            Ok(Err(payload)) | Err(payload) => tell(
                FlagCode::ParseError,
                &format!(
                    "internal error while reading the document: {}",
                    isolate::panic_message(&*payload)
                ),
            ),
        };
    }
    let mut cmd = Command::new(std::env::current_exe()?);
    cmd.args(std::env::args_os().skip(1))
        .env(CONTAINED_ENV, "1")
        .stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    let stderr = match child.stderr.take() {
        Some(pipe) => StderrTail::start(pipe, true),
        None => anyhow::bail!("cannot read the child's stderr"),
    };
    let deadline = Instant::now() + budget.timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            let _ = stderr.text();
            return tell(
                FlagCode::Timeout,
                &format!(
                    "gave up after the time budget of {} s",
                    budget.timeout.as_secs_f64()
                ),
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let tail = stderr.text();
    match status.code() {
        Some(0) => Ok(Exit::Ok),
        Some(1) => Ok(Exit::SomeFailed),
        Some(2) => Ok(Exit::Fatal),
        _ => {
            let (code, message) = classify(status, &tail, budget);
            tell(code, &message)
        }
    }
}

/// The document format a failed report of `bytes` gets.
pub fn format_of(bytes: &[u8]) -> SourceFormat {
    if pipeline::looks_like_pdf(bytes) {
        SourceFormat::Pdf
    } else {
        SourceFormat::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::OcrMode;

    #[cfg(unix)]
    fn status_of_signal(sig: i32) -> ExitStatus {
        std::os::unix::process::ExitStatusExt::from_raw(sig)
    }

    const BUDGET: Budget = Budget {
        max_memory_mb: 64,
        timeout: Duration::from_secs(3),
    };

    #[cfg(unix)]
    #[test]
    fn deaths_are_classified() {
        let abort = status_of_signal(libc::SIGABRT);
        let (code, msg) = classify(
            abort,
            "memory allocation of 16777216 bytes failed\n",
            BUDGET,
        );
        assert_eq!(code, FlagCode::MemoryLimit);
        assert!(msg.contains("64 MiB"), "{msg}");
        let (code, msg) = classify(abort, "thread 'x' has overflowed its stack\n", BUDGET);
        assert_eq!(code, FlagCode::Crashed);
        assert!(msg.contains("overflowed"), "{msg}");
        let (code, msg) = classify(status_of_signal(libc::SIGKILL), "", BUDGET);
        assert_eq!(code, FlagCode::Crashed);
        assert!(msg.contains("signal 9"), "{msg}");
        let (code, _) = classify(status_of_signal(libc::SIGXCPU), "", BUDGET);
        assert_eq!(code, FlagCode::Timeout);
    }

    #[test]
    fn worker_args_carry_the_reading_options() {
        let mut opts = PipelineOptions::default();
        opts.ocr.mode = OcrMode::Off;
        opts.text.max_bytes = 7;
        let args = BUDGET.worker_args(&opts);
        let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into()).collect();
        assert_eq!(args[0], SUBCOMMAND);
        assert!(args.contains(&"--ocr=off".to_string()), "{args:?}");
        assert!(args.contains(&"--max-input-bytes=7".to_string()));
        assert!(args.contains(&"--max-memory=64".to_string()));
        assert!(args.contains(&"--doc-timeout-ms=3000".to_string()));
    }

    #[test]
    fn paths_survive_the_pipe() {
        let p = PathBuf::from("in/ไทย a.txt");
        assert_eq!(path_of(path_bytes(&p)), p);
    }
}
