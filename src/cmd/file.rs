//! `ita-extract file PATH...`: documents' JSON on stdout. One path: the pretty JSON,
//! byte for byte what a batch writes to `documents/<id>.json`. Several paths: one
//! compact JSON per line (JSONL), byte for byte the lines of `dataset.jsonl`, in the
//! order given. `-` reads one document from stdin (recorded with the path `-`).
//!
//! A document that is not `ok` is also told on stderr (`ita-extract: PATH: failed:
//! parse_error: file is empty`), as `text` does. A path that cannot be read is not a
//! document: its cause goes to stderr, the other paths are still read, and the exit
//! code is 2. Otherwise 0 when every document is ok, 1 when some failed or are partial.
//!
//! Each document is read in a worker process ([`crate::batch::worker`]) under
//! `--doc-timeout` and `--max-memory`: a panic, an overrun or a dead worker is a
//! `failed` report (exit 1) and the next path is still read.

use super::Exit;
use crate::batch::discover::not_a_pdf;
use crate::batch::worker::{self, Outcome, Pool};
use crate::cli::FileArgs;
use crate::diagnostic::FlagCode;
use crate::model::{DocStatus, Document, SourceFormat};
use crate::output::aggregate::DocSummary;
use crate::output::json;
use crate::pipeline::{self, PipelineOptions};
use std::io::{Read, Write};
use std::path::Path;

/// The path that means stdin.
const STDIN: &str = "-";

pub fn run(args: FileArgs) -> anyhow::Result<Exit> {
    let opts = super::pipeline_options(args.ocr, &args.limits)?;
    // One worker process, reused for every path: a document that exhausts its budget
    // or kills its reader is a `failed` report, and the next path is still read.
    let workers = Pool::new(super::budget(&args.budget)?, &opts, None);
    if args.paths.iter().filter(|p| p.as_os_str() == STDIN).count() > 1 {
        anyhow::bail!("`-` (stdin) can be given only once");
    }
    let jsonl = args.paths.len() > 1;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut exit = Exit::Ok;
    for path in &args.paths {
        let (doc, bytes) = match read(path, &opts, &workers) {
            Ok(read) => read,
            Err(cause) => {
                eprintln!(
                    "ita-extract: error: cannot read {}: {cause}",
                    path.display()
                );
                exit = exit.max(Exit::Fatal);
                continue;
            }
        };
        if doc.status != DocStatus::Ok {
            let s = DocSummary::of("", &doc);
            eprintln!(
                "ita-extract: {}: {}: {}: {}",
                path.display(),
                doc.status.as_str(),
                s.reason.as_deref().unwrap_or("?"),
                s.message.as_deref().unwrap_or("")
            );
        }
        if jsonl {
            let mut line = Vec::with_capacity(bytes.len());
            json::minify(&bytes, &mut line);
            line.push(b'\n');
            out.write_all(&line)?;
        } else {
            out.write_all(&bytes)?;
        }
        // Each document as soon as it is done, for a reader at the other end of a pipe.
        out.flush()?;
        exit = exit.max(Exit::of(doc.status));
    }
    Ok(exit)
}

/// A document read in a worker: the document, and its JSON as the worker wrote it.
fn in_worker(workers: &Pool, label: &str, bytes: &[u8]) -> (Document, Vec<u8>) {
    let answer = match workers.process_bytes(label, bytes) {
        Outcome::Done { json, .. } => serde_json::from_slice::<Document>(&json)
            .map(|doc| (doc, json))
            .map_err(|e| format!("the worker's answer cannot be read: {e}")),
        Outcome::Abandoned => Err("the worker was stopped".to_string()),
    };
    answer.unwrap_or_else(|message| {
        in_parent(pipeline::failed(
            label,
            &pipeline::sha256_hex(bytes),
            worker::format_of(bytes),
            FlagCode::Crashed,
            message,
        ))
    })
}

/// A document made here, with its JSON.
fn in_parent(doc: Document) -> (Document, Vec<u8>) {
    let json = json::document_bytes(&doc);
    (doc, json)
}

/// One document and its JSON, or why its path cannot be read at all.
fn read(
    path: &Path,
    opts: &PipelineOptions,
    workers: &Pool,
) -> Result<(Document, Vec<u8>), String> {
    if path.as_os_str() == STDIN {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(opts.max_input_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| format!("stdin: {e}"))?;
        if bytes.len() as u64 > opts.max_input_bytes {
            return Ok(in_parent(pipeline::failed(
                STDIN,
                "",
                SourceFormat::Text,
                FlagCode::TooLarge,
                format!("stdin is over the limit of {} bytes", opts.max_input_bytes),
            )));
        }
        return Ok(in_worker(workers, STDIN, &bytes));
    }
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("it is a folder (`ita-extract run` reads folders)".to_string());
    }
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    if meta.len() > opts.max_input_bytes {
        // Not read: the pipeline's report of a file over the hard limit.
        return Ok(in_parent(pipeline::process_path(path, opts)));
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    let label = path.to_string_lossy();
    if let Some(reason) = not_a_pdf(path, &bytes[..bytes.len().min(1024)]) {
        let sha = pipeline::sha256_hex(&bytes);
        return Ok(in_parent(pipeline::failed(
            &label,
            &sha,
            SourceFormat::Pdf,
            FlagCode::ParseError,
            reason,
        )));
    }
    Ok(in_worker(workers, &label, &bytes))
}
