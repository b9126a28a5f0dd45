//! The batch-wide files, rebuilt from the per-document JSON files at the end of every
//! run (and by `compare` when merging): `dataset.jsonl` and the CSV tables of
//! [`super::tables`]. Documents are read back in `doc_id` order in chunks that are
//! parsed in parallel and written in order, so memory stays flat however many
//! documents there are and the bytes do not depend on the thread count. Each file is
//! written under a temporary name and renamed when complete.

use super::atomic::{AtomicFile, WriteError};
use super::datapackage::Resource;
use super::json::minify;
use super::tables::{self, header_bytes, TableOptions, TableRows, TABLES};
use crate::diagnostic::Severity;
use crate::model::{DocStatus, Document};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Documents parsed at once; bounds memory. A seed-sized document holds about 200 KB
/// while parsed: 128 at once made the aggregation the run's peak (a 20 MB bump over
/// the workers' 31 MB at 10,000 documents, issue 12); 16 keep two threads busy.
const CHUNK: usize = 16;

#[derive(Debug, thiserror::Error)]
pub enum AggregateError {
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("cannot read document {path}: {reason}")]
    BadDocument { path: PathBuf, reason: String },
}

/// What the manifest and the exit code need to know about one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocSummary {
    pub id: String,
    pub path: String,
    pub sha256: String,
    pub status: DocStatus,
    /// The first error flag, else the first flag that makes a document partial, else the
    /// first warning: code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl DocSummary {
    pub fn of(id: &str, doc: &Document) -> Self {
        let first = |sev: Severity| doc.flags.iter().find(|f| f.severity == sev);
        let flag = match doc.status {
            DocStatus::Ok => None,
            _ => first(Severity::Error)
                .or_else(|| {
                    doc.flags
                        .iter()
                        .find(|f| f.code.makes_partial() && f.severity >= Severity::Warning)
                })
                .or_else(|| first(Severity::Warning)),
        };
        DocSummary {
            id: id.to_string(),
            path: doc.source.path.clone(),
            sha256: doc.source.sha256.clone(),
            status: doc.status,
            reason: flag.map(|f| f.code.as_str().to_string()),
            message: flag.map(|f| f.message.clone()),
        }
    }
}

/// Names of the files [`write_all`] produces.
pub fn file_names() -> Vec<&'static str> {
    let mut names = vec!["dataset.jsonl"];
    names.extend(TABLES.iter().map(|(name, _)| *name));
    names
}

/// The tables [`write_all`] writes, for `datapackage.json`.
pub fn resources() -> Vec<Resource> {
    let about = |name: &str| match name {
        "documents.csv" => "one row per document",
        "items.csv" => "one row per document and OIT code",
        "indicators.csv" => "one row per document and indicator",
        _ => "one row per document and flag",
    };
    TABLES
        .iter()
        .map(|(name, columns)| {
            let r = Resource::new(name, about(name), columns);
            if *name == "documents.csv" {
                r.with_key(&["doc_id"])
            } else {
                r
            }
        })
        .collect()
}

struct Parsed {
    line: Vec<u8>,
    rows: TableRows,
    summary: DocSummary,
}

fn parse_one(id: &str, json_path: &Path) -> Result<Parsed, AggregateError> {
    let bad = |reason: String| AggregateError::BadDocument {
        path: json_path.to_path_buf(),
        reason,
    };
    let bytes = std::fs::read(json_path).map_err(|e| bad(e.to_string()))?;
    let doc: Document = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    let mut line = Vec::with_capacity(bytes.len());
    minify(&bytes, &mut line);
    line.push(b'\n');
    Ok(Parsed {
        line,
        rows: tables::rows(id, &doc),
        summary: DocSummary::of(id, &doc),
    })
}

/// Write `dataset.jsonl` and the CSV tables (as `table_opts` says) into `out_dir` from `docs`, which must be
/// sorted by id; `locate` gives a document's id and the path of its JSON. `on_doc` sees
/// each document's summary, in order. Runs on the current rayon pool.
pub fn write_all<D, L, F>(
    out_dir: &Path,
    docs: &[D],
    table_opts: TableOptions,
    locate: L,
    mut on_doc: F,
) -> Result<(), AggregateError>
where
    D: Sync,
    L: Fn(&D) -> (String, PathBuf) + Sync,
    F: FnMut(usize, DocSummary),
{
    let mut jsonl = AtomicFile::create(&out_dir.join("dataset.jsonl"))?;
    let mut csvs = Vec::with_capacity(TABLES.len());
    for (name, header) in TABLES {
        let mut f = AtomicFile::create(&out_dir.join(name))?;
        f.write_all(table_opts.preamble())?;
        f.write_all(&header_bytes(header))?;
        csvs.push(f);
    }
    let mut index = 0;
    for chunk in docs.chunks(CHUNK) {
        let parsed: Vec<Result<Parsed, AggregateError>> = chunk
            .par_iter()
            .map(|d| {
                let (id, path) = locate(d);
                parse_one(&id, &path)
            })
            .collect();
        for p in parsed {
            let p = p?;
            jsonl.write_all(&p.line)?;
            for (f, bytes) in csvs.iter_mut().zip(p.rows.0.iter()) {
                f.write_all(bytes)?;
            }
            on_doc(index, p.summary);
            index += 1;
        }
    }
    jsonl.commit()?;
    for f in csvs {
        f.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::FlagCode;
    use crate::model::SourceFormat;

    #[test]
    fn writes_in_given_order_and_reports_bad_documents() {
        let dir = tempfile::tempdir().unwrap();
        let mut docs = Vec::new();
        for id in ["a-1", "b-2"] {
            let doc = crate::pipeline::failed(
                id,
                "00",
                SourceFormat::Text,
                FlagCode::ParseError,
                format!("bad {id}"),
            );
            let p = dir.path().join(format!("{id}.json"));
            std::fs::write(&p, super::super::json::document_bytes(&doc)).unwrap();
            docs.push((id.to_string(), p));
        }
        let mut out = Vec::new();
        write_all(
            dir.path(),
            &docs,
            TableOptions::default(),
            Clone::clone,
            |_, s| out.push(s),
        )
        .unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].reason.as_deref(), Some("parse_error"));
        assert_eq!(out[1].message.as_deref(), Some("bad b-2"));
        let jsonl = std::fs::read_to_string(dir.path().join("dataset.jsonl")).unwrap();
        let paths: Vec<String> = jsonl
            .lines()
            .map(|l| serde_json::from_str::<Document>(l).unwrap().source.path)
            .collect();
        assert_eq!(paths, ["a-1", "b-2"]);
        let flags = std::fs::read_to_string(dir.path().join("flags.csv")).unwrap();
        assert_eq!(flags.lines().count(), 3);

        std::fs::write(&docs[1].1, b"{\"truncated").unwrap();
        let before = std::fs::read(dir.path().join("dataset.jsonl")).unwrap();
        assert!(matches!(
            write_all(
                dir.path(),
                &docs,
                TableOptions::default(),
                Clone::clone,
                |_, _| {}
            ),
            Err(AggregateError::BadDocument { .. })
        ));
        // The previous complete file is kept, and no temporary file is left.
        assert_eq!(
            std::fs::read(dir.path().join("dataset.jsonl")).unwrap(),
            before
        );
        let temps = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains(".tmp-")
            })
            .count();
        assert_eq!(temps, 0);
    }
}
