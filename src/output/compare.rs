//! `ita-extract compare DIR...`: merge the outputs of several runs or shards and write
//! comparison tables.
//!
//! Each DIR is an output folder of `ita-extract run`; its documents are those its
//! `documents.csv` lists (every `documents/*.json` when a run was cut short before
//! writing it). The merged
//! set is the union by `doc_id`; where several folders hold the same id, the folder named
//! last wins. Written into the output folder:
//!
//! | file                    | content                                                         |
//! |-------------------------|-----------------------------------------------------------------|
//! | `dataset.jsonl`, `*.csv`| the merged documents, exactly as one run over all inputs writes them |
//! | `item_matrix.csv`       | one row per document (agency, year), one column per OIT code: status |
//! | `indicator_matrix.csv`  | the same for indicators 1-10 (`I1`..`I10`)                       |
//! | `completion.csv`        | per item and per indicator: how many documents report it done, not done, ... and the completion rate (done / documents not failed) |
//! | `agency_flags.csv`      | documents by number of flags, most first, with the commonest codes |
//! | `status_changes.csv`    | items and indicators whose status differs between two runs (the same document, or other documents of the same agency and year, in two folders) or between consecutive fiscal years of the same agency |
//! | `superseded.csv`        | documents not counted in `completion.csv` and the fiscal-year comparison, with the document counted instead |
//! | `score_trends.csv`      | per agency and assessment year: total, IIT, EIT, OIT (from analysis reports and results announcements), with the change from the agency's previous year listed |
//! | `datapackage.json`      | every table's column types (Frictionless Data Package)           |
//! | `compare.json`          | the folders, counts and the files written                        |
//!
//! An agency is identified by its type and geocode when the geocode is known, else by
//! its type and name without spaces.
//!
//! Between runs, a document is first compared with itself (same `doc_id`: same file
//! stem and content) in every folder that holds it, whatever its agency reads as in each
//! (a scan read with OCR only the second time gains its agency); then the documents of
//! one agency and fiscal year are compared across folders where they differ.
//!
//! Counted once ([`counted`]): documents with the same content (sha256) under other
//! names count as the first by id; several documents of one agency and fiscal year (a
//! resubmission) count as the one whose source path sorts last (`report-v2.pdf` after
//! `report.pdf`). The others are listed in `superseded.csv`.

use super::aggregate::{self, AggregateError};
use super::atomic::{write_atomic, write_atomic_with, WriteError};
use super::datapackage::{self, Field, Resource};
use super::manifest::{self, Manifest};
use super::tables::{self, ColumnType, TableOptions};
use super::DOCUMENTS_DIR;
use crate::model::{DocStatus, Document};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    #[error("{0} is not an output folder of `ita-extract run` (no documents/ folder)")]
    NotAnOutput(PathBuf),
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot read {path}: {reason}")]
    BadFile { path: PathBuf, reason: String },
    #[error("no documents in {0}")]
    Empty(String),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error(transparent)]
    Aggregate(#[from] AggregateError),
}

/// What `compare` found, also written as `compare.json`.
#[derive(Debug, Clone, Serialize)]
pub struct CompareSummary {
    pub tool_version: String,
    pub dirs: Vec<DirSummary>,
    /// Distinct documents after merging.
    pub documents: usize,
    pub ok: usize,
    pub partial: usize,
    pub failed: usize,
    /// Rows of `status_changes.csv` by kind (`run`, `fiscal_year`).
    pub changes: BTreeMap<String, usize>,
    /// Documents counted in `completion.csv` (one per content, agency and year).
    pub counted: usize,
    /// Rows of `superseded.csv` by reason (`same_content`, `resubmission`).
    pub superseded: BTreeMap<String, usize>,
    pub files: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DirSummary {
    pub path: String,
    pub documents: usize,
    pub shard: Option<String>,
}

/// The ids of the documents of one output folder, with their JSON paths.
pub fn list_documents(dir: &Path) -> Result<Vec<(String, PathBuf)>, CompareError> {
    let docs_dir = dir.join(DOCUMENTS_DIR);
    if !docs_dir.is_dir() {
        return Err(CompareError::NotAnOutput(dir.to_path_buf()));
    }
    let listing = dir.join("documents.csv");
    let mut ids: Vec<String> = if listing.exists() {
        let mut r = csv::Reader::from_path(&listing).map_err(|e| CompareError::BadFile {
            path: listing.clone(),
            reason: e.to_string(),
        })?;
        let mut ids = Vec::new();
        for rec in r.records() {
            let rec = rec.map_err(|e| CompareError::BadFile {
                path: listing.clone(),
                reason: e.to_string(),
            })?;
            ids.extend(rec.get(0).map(String::from));
        }
        ids
    } else {
        let entries = std::fs::read_dir(&docs_dir).map_err(|source| CompareError::Read {
            path: docs_dir.clone(),
            source,
        })?;
        entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let id = name.strip_suffix(".json")?;
                (!id.starts_with('.')).then(|| id.to_string())
            })
            .collect()
    };
    ids.sort();
    ids.dedup();
    Ok(ids
        .into_iter()
        .map(|id| {
            let p = docs_dir.join(format!("{id}.json"));
            (id, p)
        })
        .collect())
}

fn read_manifest(path: &Path) -> Result<Manifest, CompareError> {
    let bytes = std::fs::read(path).map_err(|source| CompareError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|e| CompareError::BadFile {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// The part of a document the comparison tables need (small, so that thousands fit).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    /// Index of the folder it came from.
    pub dir: usize,
    /// The input file, as recorded in the document.
    pub path: String,
    pub sha256: String,
    pub status: DocStatus,
    pub agency_name: String,
    pub agency_type: String,
    pub province: String,
    pub geocode: String,
    pub fiscal_year: Option<i32>,
    /// Item code -> status (first occurrence of a code).
    pub items: BTreeMap<String, &'static str>,
    /// Indicator number -> status.
    pub indicators: BTreeMap<u32, &'static str>,
    /// Flag code -> count, and counts by severity.
    pub flag_codes: BTreeMap<&'static str, usize>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Record {
    pub fn of(id: &str, dir: usize, doc: &Document, titles: &mut Titles) -> Self {
        use crate::diagnostic::Severity;
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut items = BTreeMap::new();
        for item in &doc.oit_items {
            if let Some(code) = &item.code {
                items.entry(code.clone()).or_insert(item.status.as_str());
                let title = item.catalogue_title.as_ref().unwrap_or(&item.title);
                titles
                    .items
                    .entry(code.clone())
                    .or_insert_with(|| title.clone());
            }
        }
        let mut indicators = BTreeMap::new();
        for ind in &doc.indicators {
            indicators.entry(ind.number).or_insert(ind.status.as_str());
            titles
                .indicators
                .entry(ind.number)
                .or_insert_with(|| ind.title.clone());
        }
        let mut flag_codes = BTreeMap::new();
        for f in &doc.flags {
            *flag_codes.entry(f.code.as_str()).or_default() += 1;
        }
        let sev = |v: Severity| doc.flags.iter().filter(|f| f.severity == v).count();
        Record {
            id: id.to_string(),
            dir,
            path: doc.source.path.clone(),
            sha256: doc.source.sha256.clone(),
            status: doc.status,
            agency_name: s(&doc.agency.name),
            agency_type: s(&doc.agency.agency_type),
            province: s(&doc.agency.province),
            geocode: s(&doc.agency.geocode),
            fiscal_year: doc.fiscal_year,
            items,
            indicators,
            flag_codes,
            errors: sev(Severity::Error),
            warnings: sev(Severity::Warning),
            infos: sev(Severity::Info),
        }
    }

    /// The agency's identity across documents, or None when the agency is unknown.
    pub fn agency_key(&self) -> Option<String> {
        if !self.geocode.is_empty() {
            Some(format!("{}|{}", self.agency_type, self.geocode))
        } else if !self.agency_name.is_empty() {
            let name: String = self.agency_name.split_whitespace().collect();
            Some(format!("{}|{}", self.agency_type, name))
        } else {
            None
        }
    }

    fn year(&self) -> String {
        self.fiscal_year.map(|y| y.to_string()).unwrap_or_default()
    }
}

/// Titles of items and indicators, first seen (the catalogue's where known).
#[derive(Debug, Default)]
pub struct Titles {
    pub items: BTreeMap<String, String>,
    pub indicators: BTreeMap<u32, String>,
}

/// Sort OIT codes as O1, O2, ..., O10 rather than as text.
fn code_order(code: &str) -> (u32, String) {
    let n = code
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .unwrap_or(u32::MAX);
    (n, code.to_string())
}

/// One row of `status_changes.csv`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    pub kind: &'static str,
    pub agency_key: String,
    pub agency_name: String,
    /// "O12" or "I3".
    pub code: String,
    pub from: String,
    pub from_doc: String,
    pub from_status: String,
    pub to: String,
    pub to_doc: String,
    pub to_status: String,
}

/// Status per code (items as "O1", indicators as "I1"); "absent" when not reported.
fn statuses(r: &Record) -> BTreeMap<String, &'static str> {
    let mut m: BTreeMap<String, &'static str> =
        r.items.iter().map(|(k, v)| (k.clone(), *v)).collect();
    m.extend(r.indicators.iter().map(|(k, v)| (format!("I{k}"), *v)));
    m
}

fn diff(
    kind: &'static str,
    key: &str,
    a: &Record,
    from: String,
    b: &Record,
    to: String,
) -> Vec<Change> {
    let (sa, sb) = (statuses(a), statuses(b));
    let codes: BTreeSet<&String> = sa.keys().chain(sb.keys()).collect();
    codes
        .into_iter()
        .filter_map(|code| {
            let x = sa.get(code).copied().unwrap_or("absent");
            let y = sb.get(code).copied().unwrap_or("absent");
            (x != y).then(|| Change {
                kind,
                agency_key: key.to_string(),
                agency_name: if b.agency_name.is_empty() {
                    a.agency_name.clone()
                } else {
                    b.agency_name.clone()
                },
                code: code.clone(),
                from: from.clone(),
                from_doc: a.id.clone(),
                from_status: x.to_string(),
                to: to.clone(),
                to_doc: b.id.clone(),
                to_status: y.to_string(),
            })
        })
        .collect()
}

/// Status changes between folders and between fiscal years.
///
/// - `run`: a document (by id) in each folder that holds it, in the order the folders
///   are given; then, for each agency and fiscal year, the document of that agency and
///   year in each folder (the one [`counted`] would count there) where consecutive
///   folders hold different documents.
/// - `fiscal_year`: consecutive fiscal years of an agency, among the `counted`
///   documents.
pub fn changes(all: &[Record], counted: &[&Record], dir_names: &[String]) -> Vec<Change> {
    let mut out = Vec::new();
    let key_of = |a: &Record, b: &Record| {
        b.agency_key()
            .or_else(|| a.agency_key())
            .unwrap_or_default()
    };
    let run_diff = |a: &Record, b: &Record| {
        diff(
            "run",
            &key_of(a, b),
            a,
            dir_names[a.dir].clone(),
            b,
            dir_names[b.dir].clone(),
        )
    };
    // The same document in several folders.
    let mut by_id: BTreeMap<&str, BTreeMap<usize, &Record>> = BTreeMap::new();
    for r in all {
        by_id.entry(&r.id).or_default().insert(r.dir, r);
    }
    for per_dir in by_id.values() {
        let seq: Vec<&&Record> = per_dir.values().collect();
        for w in seq.windows(2) {
            out.extend(run_diff(w[0], w[1]));
        }
    }
    // Other documents of one agency and year in several folders.
    let mut slots: BTreeMap<String, BTreeMap<usize, &Record>> = BTreeMap::new();
    for r in all {
        let Some(slot) = r.slot() else { continue };
        let per_dir = slots.entry(slot).or_default();
        match per_dir.get(&r.dir) {
            Some(prev) if !prev.supersedes(r) => {}
            _ => {
                per_dir.insert(r.dir, r);
            }
        }
    }
    for per_dir in slots.values() {
        let seq: Vec<&&Record> = per_dir.values().collect();
        for w in seq.windows(2) {
            if w[0].id != w[1].id {
                out.extend(run_diff(w[0], w[1]));
            }
        }
    }
    // Between fiscal years of one agency.
    let mut by_agency: BTreeMap<String, BTreeMap<i32, &Record>> = BTreeMap::new();
    for r in counted {
        if let (Some(k), Some(y)) = (r.agency_key(), r.fiscal_year) {
            by_agency.entry(k).or_default().insert(y, r);
        }
    }
    for (key, years) in &by_agency {
        let seq: Vec<(&i32, &&Record)> = years.iter().collect();
        for w in seq.windows(2) {
            let ((ya, a), (yb, b)) = (w[0], w[1]);
            out.extend(diff(
                "fiscal_year",
                key,
                a,
                ya.to_string(),
                b,
                yb.to_string(),
            ));
        }
    }
    out
}

/// A document [`counted`] leaves out, and the one it counts instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Superseded {
    pub doc_id: String,
    pub path: String,
    /// `same_content` or `resubmission`.
    pub reason: &'static str,
    pub counted_doc_id: String,
    pub counted_path: String,
    pub agency_key: String,
    pub fiscal_year: String,
}

impl Record {
    /// Agency and fiscal year, when both are known.
    fn slot(&self) -> Option<String> {
        match (self.agency_key(), self.fiscal_year) {
            (Some(k), Some(y)) => Some(format!("{k}|{y}")),
            _ => None,
        }
    }

    /// Whether `other`, of the same agency and year, is the later submission: its source
    /// path sorts after this one's (then its id, so the choice is total).
    fn supersedes(&self, other: &Record) -> bool {
        (&other.path, &other.id) > (&self.path, &self.id)
    }
}

/// The documents that count once each (`merged` in id order): the first by id of each
/// content (sha256), then of each agency and fiscal year the later submission
/// ([`Record::supersedes`]). Returns them in id order, and the others with the reason.
pub fn counted<'a>(merged: &[&'a Record]) -> (Vec<&'a Record>, Vec<Superseded>) {
    let mut superseded = Vec::new();
    let mut by_sha: BTreeMap<&str, &Record> = BTreeMap::new();
    let mut distinct: Vec<&Record> = Vec::new();
    for r in merged {
        if r.sha256.is_empty() {
            distinct.push(r);
            continue;
        }
        match by_sha.get(r.sha256.as_str()) {
            Some(first) => superseded.push(Superseded {
                doc_id: r.id.clone(),
                path: r.path.clone(),
                reason: "same_content",
                counted_doc_id: first.id.clone(),
                counted_path: first.path.clone(),
                agency_key: r.agency_key().unwrap_or_default(),
                fiscal_year: r.year(),
            }),
            None => {
                by_sha.insert(&r.sha256, r);
                distinct.push(r);
            }
        }
    }
    let mut latest: BTreeMap<String, &Record> = BTreeMap::new();
    for r in &distinct {
        if let Some(slot) = r.slot() {
            let entry = latest.entry(slot).or_insert(r);
            if entry.supersedes(r) {
                *entry = r;
            }
        }
    }
    let mut out = Vec::new();
    for r in distinct {
        match r.slot().and_then(|slot| latest.get(&slot).copied()) {
            Some(kept) if kept.id != r.id => superseded.push(Superseded {
                doc_id: r.id.clone(),
                path: r.path.clone(),
                reason: "resubmission",
                counted_doc_id: kept.id.clone(),
                counted_path: kept.path.clone(),
                agency_key: r.agency_key().unwrap_or_default(),
                fiscal_year: r.year(),
            }),
            _ => out.push(r),
        }
    }
    superseded.sort_by(|a, b| a.doc_id.cmp(&b.doc_id));
    (out, superseded)
}

/// One row of `completion.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub kind: &'static str,
    pub code: String,
    pub title: String,
    /// Documents not failed.
    pub documents: usize,
    pub done: usize,
    pub not_done: usize,
    pub in_progress: usize,
    pub conflict: usize,
    pub unknown: usize,
    pub missing: usize,
    pub completion_rate: f64,
}

pub fn completion(merged: &[&Record], titles: &Titles) -> Vec<Completion> {
    let live: Vec<&&Record> = merged
        .iter()
        .filter(|r| r.status != DocStatus::Failed)
        .collect();
    let mut rows = Vec::new();
    let mut item_codes: Vec<&String> = titles.items.keys().collect();
    item_codes.sort_by_key(|c| code_order(c));
    let count = |kind: &'static str,
                 code: String,
                 title: String,
                 get: &dyn Fn(&Record) -> Option<&'static str>| {
        let mut row = Completion {
            kind,
            code,
            title,
            documents: live.len(),
            done: 0,
            not_done: 0,
            in_progress: 0,
            conflict: 0,
            unknown: 0,
            missing: 0,
            completion_rate: 0.0,
        };
        for r in &live {
            match get(r) {
                Some("done") => row.done += 1,
                Some("not_done") => row.not_done += 1,
                Some("in_progress") => row.in_progress += 1,
                Some("conflict") => row.conflict += 1,
                Some(_) => row.unknown += 1,
                None => row.missing += 1,
            }
        }
        if row.documents > 0 {
            row.completion_rate =
                (row.done as f64 / row.documents as f64 * 10_000.0).round() / 10_000.0;
        }
        row
    };
    for code in item_codes {
        let title = titles.items.get(code).cloned().unwrap_or_default();
        rows.push(count("item", code.clone(), title, &|r| {
            r.items.get(code).copied()
        }));
    }
    for (n, title) in &titles.indicators {
        rows.push(count("indicator", format!("I{n}"), title.clone(), &|r| {
            r.indicators.get(n).copied()
        }));
    }
    rows
}

fn csv_file<F>(path: &Path, opts: TableOptions, fill: F) -> Result<(), WriteError>
where
    F: FnOnce(&mut tables::CellWriter<&mut std::io::BufWriter<std::fs::File>>) -> csv::Result<()>,
{
    write_atomic_with(path, |w| {
        w.write_all(opts.preamble())?;
        let mut c = tables::CellWriter::new(
            csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(w),
        );
        fill(&mut c).map_err(io::Error::other)?;
        c.flush()
    })
}

fn text_field(name: &str, description: &str) -> Field {
    Field {
        name: name.to_string(),
        kind: ColumnType::String,
        description: description.to_string(),
    }
}

fn typed(name: &str, kind: ColumnType, description: &str) -> Field {
    Field {
        kind,
        ..text_field(name, description)
    }
}

/// The agency columns that open the matrices and `agency_flags.csv`: those of
/// `items.csv`, so the types agree.
fn agency_fields() -> Vec<Field> {
    tables::ITEMS_COLUMNS[..6].iter().map(Field::from).collect()
}

fn agency_header() -> Vec<String> {
    agency_fields().into_iter().map(|f| f.name).collect()
}

fn agency_cells(r: &Record) -> Vec<String> {
    vec![
        r.id.clone(),
        r.agency_name.clone(),
        r.agency_type.clone(),
        r.province.clone(),
        r.geocode.clone(),
        r.year(),
    ]
}

fn completion_fields() -> Vec<Field> {
    use ColumnType::{Integer, Number};
    vec![
        text_field("kind", "item or indicator"),
        text_field("code", "O1..O43 or I1..I10"),
        text_field("title", "catalogue title, else the first title seen"),
        typed("documents", Integer, "documents counted, not failed"),
        typed("done", Integer, "documents reporting it done"),
        typed("not_done", Integer, "documents reporting it not done"),
        typed("in_progress", Integer, "documents reporting it in progress"),
        typed("conflict", Integer, "documents with contradictory ticks"),
        typed("unknown", Integer, "documents with it but no tick"),
        typed("missing", Integer, "documents without it"),
        typed("completion_rate", Number, "done / documents, 4 decimals"),
    ]
}

fn agency_flags_fields() -> Vec<Field> {
    use ColumnType::Integer;
    let mut f = agency_fields();
    f.extend([
        typed("flags", Integer, "number of flags"),
        typed("errors", Integer, "flags of severity error"),
        typed("warnings", Integer, "flags of severity warning"),
        typed("infos", Integer, "flags of severity info"),
        text_field("top_codes", "the five commonest codes, code:count;..."),
    ]);
    f
}

fn status_changes_fields() -> Vec<Field> {
    vec![
        text_field("kind", "run (between folders) or fiscal_year"),
        text_field("agency_key", "agency type|geocode, or type|name"),
        text_field("agency_name", "agency name"),
        text_field("code", "O1..O43 or I1..I10"),
        text_field("title", "item or indicator title"),
        text_field("from", "folder, or fiscal year"),
        text_field("from_doc", "doc_id before"),
        text_field("from_status", "status before; absent when not reported"),
        text_field("to", "folder, or fiscal year"),
        text_field("to_doc", "doc_id after"),
        text_field("to_status", "status after; absent when not reported"),
    ]
}

fn superseded_fields() -> Vec<Field> {
    vec![
        text_field("doc_id", "the document not counted"),
        text_field("path", "its input file"),
        text_field(
            "reason",
            "same_content (same sha256 as the counted one) or resubmission (same agency and fiscal year; the counted one's path sorts later)",
        ),
        text_field("counted_doc_id", "the document counted instead"),
        text_field("counted_path", "its input file"),
        text_field("agency_key", "agency type|geocode, or type|name"),
        typed(
            "fiscal_year",
            ColumnType::Integer,
            "fiscal year, Buddhist Era",
        ),
    ]
}

fn matrix_resource(path: &str, about: &str, columns: &[String]) -> Resource {
    let mut fields = agency_fields();
    fields.extend(
        columns
            .iter()
            .map(|c| text_field(c, "status, empty when absent")),
    );
    Resource {
        path: path.to_string(),
        description: about.to_string(),
        fields,
        primary_key: vec!["doc_id".to_string()],
    }
}

fn resource(path: &str, about: &str, fields: Vec<Field>) -> Resource {
    Resource {
        path: path.to_string(),
        description: about.to_string(),
        fields,
        primary_key: Vec::new(),
    }
}

fn names(fields: &[Field]) -> Vec<&str> {
    fields.iter().map(|f| f.name.as_str()).collect()
}

/// Merge `dirs` and write everything into `out_dir`, the CSV files as `table_opts` says.
/// Every folder is read before `out_dir` is created.
/// What one document contributes to the comparison.
type Loaded = (Record, Titles, Vec<TrendPoint>);

/// One agency's scores for one assessment year, as one document states them.
#[derive(Debug, Clone)]
pub struct TrendPoint {
    /// The agency's name without spaces: the same in its own analysis and in an
    /// announcement's row.
    pub key: String,
    pub agency_name: String,
    pub agency_type: String,
    pub geocode: String,
    pub year: i32,
    pub total: Option<f64>,
    pub iit: Option<f64>,
    pub eit: Option<f64>,
    pub oit: Option<f64>,
    pub doc_id: String,
    /// `assessment`, `previous` (an analysis's previous-year total) or `results`.
    pub source: &'static str,
}

/// An agency's name without spaces: its type is part of the name, written in full both
/// in its own reports and in announcements (the `type` field may differ in tier).
fn trend_key(name: &Option<String>) -> Option<String> {
    let name: String = name.as_deref()?.split_whitespace().collect();
    (!name.is_empty()).then_some(name)
}

/// The trend points a document states: its assessment (and the previous year's total it
/// names), and each results row (for the announcement's fiscal year).
pub fn trend_points(id: &str, doc: &Document) -> Vec<TrendPoint> {
    let mut out = Vec::new();
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let v = |x: &Option<crate::model::Stated>| x.as_ref().map(|s| s.value);
    if let (Some(a), Some(key)) = (&doc.assessment, trend_key(&doc.agency.name)) {
        let base = TrendPoint {
            key,
            agency_name: s(&doc.agency.name),
            agency_type: s(&doc.agency.agency_type),
            geocode: s(&doc.agency.geocode),
            year: 0,
            total: None,
            iit: None,
            eit: None,
            oit: None,
            doc_id: id.to_string(),
            source: "assessment",
        };
        if let Some(y) = a.assessment_year {
            out.push(TrendPoint {
                year: y,
                total: v(&a.total),
                iit: v(&a.iit),
                eit: v(&a.eit),
                oit: v(&a.oit),
                ..base.clone()
            });
        }
        if let (Some(y), Some(t)) = (a.previous_year, v(&a.previous_total)) {
            out.push(TrendPoint {
                year: y,
                total: Some(t),
                source: "previous",
                ..base
            });
        }
    }
    if let Some(y) = doc.fiscal_year {
        for r in doc.results.iter().filter(|r| !r.flagged) {
            let Some(key) = trend_key(&r.agency.name) else {
                continue;
            };
            out.push(TrendPoint {
                key,
                agency_name: s(&r.agency.name),
                agency_type: s(&r.agency.agency_type),
                geocode: s(&r.agency.geocode),
                year: y,
                total: r.total,
                iit: r.iit,
                eit: r.eit,
                oit: r.oit,
                doc_id: id.to_string(),
                source: "results",
            });
        }
    }
    out
}

fn score_trends_fields() -> Vec<Field> {
    use ColumnType::{Integer, Number, String as Text};
    vec![
        typed("agency_name", Text, "agency name as written"),
        typed("agency_type", Text, "agency type as written"),
        typed(
            "geocode",
            Text,
            "DOPA code of the agency's place, where resolved",
        ),
        typed("assessment_year", Integer, "the year assessed, BE"),
        typed("total", Number, "total score out of 100"),
        typed(
            "iit",
            Number,
            "IIT score as stated (weighted or out of 100)",
        ),
        typed("eit", Number, "EIT score as stated"),
        typed("oit", Number, "OIT score as stated"),
        typed(
            "previous_year",
            Integer,
            "the agency's previous year listed here",
        ),
        typed(
            "total_change",
            Number,
            "total minus the previous year's total",
        ),
        typed("doc_id", Text, "the document that states these scores"),
        typed(
            "source",
            Text,
            "assessment, previous (an analysis's previous-year total) or results",
        ),
    ]
}

/// Rows of `score_trends.csv`: one per agency and year (an agency's own statement first,
/// then the first document by id), agencies by key and years in order, each with the
/// change from the agency's previous year listed.
pub fn score_trends(points: &[&TrendPoint]) -> Vec<Vec<String>> {
    let rank = |p: &TrendPoint| match p.source {
        "assessment" => 0,
        "results" => 1,
        _ => 2,
    };
    let mut best: BTreeMap<(String, i32), &TrendPoint> = BTreeMap::new();
    for p in points {
        let slot = best.entry((p.key.clone(), p.year)).or_insert(p);
        if (rank(p), &p.doc_id) < (rank(slot), &slot.doc_id) {
            *slot = p;
        }
    }
    let o = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    let mut rows = Vec::new();
    let mut prev: Option<&TrendPoint> = None;
    for ((key, _), p) in &best {
        let before = prev.filter(|q| &q.key == key);
        let change = before.and_then(|q| Some(((p.total? - q.total?) * 100.0).round() / 100.0));
        rows.push(vec![
            p.agency_name.clone(),
            p.agency_type.clone(),
            p.geocode.clone(),
            p.year.to_string(),
            o(p.total),
            o(p.iit),
            o(p.eit),
            o(p.oit),
            before.map(|q| q.year.to_string()).unwrap_or_default(),
            o(change),
            p.doc_id.clone(),
            p.source.to_string(),
        ]);
        prev = Some(p);
    }
    rows
}

pub fn compare(
    dirs: &[PathBuf],
    out_dir: &Path,
    table_opts: TableOptions,
) -> Result<CompareSummary, CompareError> {
    let dir_names: Vec<String> = dirs
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    let mut listed: Vec<(usize, String, PathBuf)> = Vec::new();
    let mut dir_summaries = Vec::new();
    for (i, dir) in dirs.iter().enumerate() {
        let docs = list_documents(dir)?;
        let shard = read_manifest(&dir.join(manifest::FILE_NAME))
            .ok()
            .and_then(|m| m.shard);
        dir_summaries.push(DirSummary {
            path: dir_names[i].clone(),
            documents: docs.len(),
            shard,
        });
        listed.extend(docs.into_iter().map(|(id, p)| (i, id, p)));
    }
    if listed.is_empty() {
        return Err(CompareError::Empty(dir_names.join(", ")));
    }
    let loaded: Vec<Result<Loaded, CompareError>> = listed
        .par_iter()
        .map(|(i, id, p)| {
            let bad = |reason: String| CompareError::BadFile {
                path: p.clone(),
                reason,
            };
            let bytes = std::fs::read(p).map_err(|e| bad(e.to_string()))?;
            let doc: Document = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
            let mut titles = Titles::default();
            let rec = Record::of(id, *i, &doc, &mut titles);
            let points = trend_points(id, &doc);
            Ok((rec, titles, points))
        })
        .collect();
    let mut all = Vec::with_capacity(loaded.len());
    let mut titles = Titles::default();
    let mut points_of: BTreeMap<(String, usize), Vec<TrendPoint>> = BTreeMap::new();
    for r in loaded {
        let (rec, t, points) = r?;
        points_of.insert((rec.id.clone(), rec.dir), points);
        for (k, v) in t.items {
            titles.items.entry(k).or_insert(v);
        }
        for (k, v) in t.indicators {
            titles.indicators.entry(k).or_insert(v);
        }
        all.push(rec);
    }

    // Merged: the last folder holding an id wins.
    std::fs::create_dir_all(out_dir).map_err(|e| WriteError::io(out_dir, e))?;
    let mut merged_paths: BTreeMap<String, (usize, PathBuf)> = BTreeMap::new();
    for (i, id, p) in &listed {
        merged_paths.insert(id.clone(), (*i, p.clone()));
    }
    let merged_list: Vec<(String, PathBuf)> = merged_paths
        .iter()
        .map(|(id, (_, p))| (id.clone(), p.clone()))
        .collect();
    aggregate::write_all(out_dir, &merged_list, table_opts, Clone::clone, |_, _| {})?;
    let mut merged: Vec<&Record> = all
        .iter()
        .filter(|r| merged_paths.get(&r.id).is_some_and(|(d, _)| *d == r.dir))
        .collect();
    merged.sort_by(|a, b| a.id.cmp(&b.id));
    let (counted_docs, superseded) = counted(&merged);

    // Status matrices.
    let mut item_codes: Vec<String> = titles.items.keys().cloned().collect();
    item_codes.sort_by_key(|c| code_order(c));
    let indicator_codes: Vec<String> = titles.indicators.keys().map(|n| format!("I{n}")).collect();
    csv_file(&out_dir.join("item_matrix.csv"), table_opts, |w| {
        let mut header = agency_header();
        header.extend(item_codes.iter().cloned());
        w.write_record(&header)?;
        for r in &merged {
            let mut row = agency_cells(r);
            row.extend(
                item_codes
                    .iter()
                    .map(|c| r.items.get(c).copied().unwrap_or("").to_string()),
            );
            w.write_record(&row)?;
        }
        Ok(())
    })?;
    csv_file(&out_dir.join("indicator_matrix.csv"), table_opts, |w| {
        let mut header = agency_header();
        header.extend(indicator_codes.iter().cloned());
        w.write_record(&header)?;
        for r in &merged {
            let mut row = agency_cells(r);
            row.extend(
                titles
                    .indicators
                    .keys()
                    .map(|n| r.indicators.get(n).copied().unwrap_or("").to_string()),
            );
            w.write_record(&row)?;
        }
        Ok(())
    })?;

    csv_file(&out_dir.join("completion.csv"), table_opts, |w| {
        w.write_record(names(&completion_fields()))?;
        for c in completion(&counted_docs, &titles) {
            w.write_record([
                c.kind.to_string(),
                c.code,
                c.title,
                c.documents.to_string(),
                c.done.to_string(),
                c.not_done.to_string(),
                c.in_progress.to_string(),
                c.conflict.to_string(),
                c.unknown.to_string(),
                c.missing.to_string(),
                c.completion_rate.to_string(),
            ])?;
        }
        Ok(())
    })?;

    let mut by_flags: Vec<&&Record> = merged.iter().collect();
    by_flags.sort_by(|a, b| {
        let n = |r: &Record| r.flag_codes.values().sum::<usize>();
        n(b).cmp(&n(a)).then_with(|| a.id.cmp(&b.id))
    });
    csv_file(&out_dir.join("agency_flags.csv"), table_opts, |w| {
        w.write_record(names(&agency_flags_fields()))?;
        for r in by_flags {
            let mut codes: Vec<(&&str, &usize)> = r.flag_codes.iter().collect();
            codes.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            let top: Vec<String> = codes
                .iter()
                .take(5)
                .map(|(c, n)| format!("{c}:{n}"))
                .collect();
            let mut row = agency_cells(r);
            row.extend([
                r.flag_codes.values().sum::<usize>().to_string(),
                r.errors.to_string(),
                r.warnings.to_string(),
                r.infos.to_string(),
                top.join(";"),
            ]);
            w.write_record(&row)?;
        }
        Ok(())
    })?;

    let mut change_rows = changes(&all, &counted_docs, &dir_names);
    change_rows.sort();
    let mut change_counts: BTreeMap<String, usize> = BTreeMap::new();
    csv_file(&out_dir.join("status_changes.csv"), table_opts, |w| {
        w.write_record(names(&status_changes_fields()))?;
        for c in &change_rows {
            *change_counts.entry(c.kind.to_string()).or_default() += 1;
            let title = match c.code.strip_prefix('I').and_then(|n| n.parse::<u32>().ok()) {
                Some(n) if !titles.items.contains_key(&c.code) => {
                    titles.indicators.get(&n).cloned()
                }
                _ => titles.items.get(&c.code).cloned(),
            }
            .unwrap_or_default();
            w.write_record([
                c.kind,
                &c.agency_key,
                &c.agency_name,
                &c.code,
                &title,
                &c.from,
                &c.from_doc,
                &c.from_status,
                &c.to,
                &c.to_doc,
                &c.to_status,
            ])?;
        }
        Ok(())
    })?;

    let mut superseded_counts: BTreeMap<String, usize> = BTreeMap::new();
    csv_file(&out_dir.join("superseded.csv"), table_opts, |w| {
        w.write_record(names(&superseded_fields()))?;
        for x in &superseded {
            *superseded_counts.entry(x.reason.to_string()).or_default() += 1;
            w.write_record([
                &x.doc_id,
                &x.path,
                x.reason,
                &x.counted_doc_id,
                &x.counted_path,
                &x.agency_key,
                &x.fiscal_year,
            ])?;
        }
        Ok(())
    })?;

    let points: Vec<&TrendPoint> = merged
        .iter()
        .filter_map(|r| points_of.get(&(r.id.clone(), r.dir)))
        .flatten()
        .collect();
    let trends = score_trends(&points);
    csv_file(&out_dir.join("score_trends.csv"), table_opts, |w| {
        w.write_record(names(&score_trends_fields()))?;
        for row in &trends {
            w.write_record(row)?;
        }
        Ok(())
    })?;

    let mut resources = aggregate::resources();
    resources.extend([
        matrix_resource(
            "item_matrix.csv",
            "one row per document, one column per OIT code: its status",
            &item_codes,
        ),
        matrix_resource(
            "indicator_matrix.csv",
            "one row per document, one column per indicator: its status",
            &indicator_codes,
        ),
        resource(
            "completion.csv",
            "per item and indicator, over the counted documents",
            completion_fields(),
        ),
        resource(
            "agency_flags.csv",
            "documents by number of flags, most first",
            agency_flags_fields(),
        ),
        resource(
            "status_changes.csv",
            "status changes between folders and between fiscal years",
            status_changes_fields(),
        ),
        resource(
            "superseded.csv",
            "documents not counted, and the one counted instead",
            superseded_fields(),
        )
        .with_key(&["doc_id"]),
        resource(
            "score_trends.csv",
            "per agency and assessment year: total and tool scores, with the change",
            score_trends_fields(),
        ),
    ]);
    datapackage::write(out_dir, &resources, table_opts)?;

    let mut files: Vec<String> = aggregate::file_names()
        .into_iter()
        .map(String::from)
        .collect();
    files.extend(
        [
            "item_matrix.csv",
            "indicator_matrix.csv",
            "completion.csv",
            "agency_flags.csv",
            "status_changes.csv",
            "superseded.csv",
            "score_trends.csv",
            datapackage::FILE_NAME,
            "compare.json",
        ]
        .map(String::from),
    );
    let count = |s: DocStatus| merged.iter().filter(|r| r.status == s).count();
    let summary = CompareSummary {
        tool_version: super::TOOL_VERSION.to_string(),
        dirs: dir_summaries,
        documents: merged.len(),
        ok: count(DocStatus::Ok),
        partial: count(DocStatus::Partial),
        failed: count(DocStatus::Failed),
        changes: change_counts,
        counted: counted_docs.len(),
        superseded: superseded_counts,
        files,
    };
    let mut bytes = serde_json::to_vec_pretty(&summary).unwrap_or_default();
    bytes.push(b'\n');
    write_atomic(&out_dir.join("compare.json"), &bytes)?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(
        id: &str,
        dir: usize,
        geocode: &str,
        year: Option<i32>,
        items: &[(&str, &'static str)],
    ) -> Record {
        Record {
            id: id.into(),
            dir,
            path: format!("in/{id}.txt"),
            sha256: format!("sha-of-{id}"),
            status: DocStatus::Ok,
            agency_name: if geocode.is_empty() {
                String::new()
            } else {
                format!("เทศบาล {geocode}")
            },
            agency_type: "เทศบาล".into(),
            province: String::new(),
            geocode: geocode.into(),
            fiscal_year: year,
            items: items.iter().map(|(c, s)| (c.to_string(), *s)).collect(),
            indicators: BTreeMap::new(),
            flag_codes: BTreeMap::new(),
            errors: 0,
            warnings: 0,
            infos: 0,
        }
    }

    fn short(c: &Change) -> (&str, &str, &str, &str, &str, &str) {
        (
            c.kind,
            c.code.as_str(),
            c.from.as_str(),
            c.from_status.as_str(),
            c.to.as_str(),
            c.to_status.as_str(),
        )
    }

    #[test]
    fn codes_sort_by_number() {
        let mut codes = vec!["O10", "O2", "O1", "O43", "X"];
        codes.sort_by_key(|c| code_order(c));
        assert_eq!(codes, ["O1", "O2", "O10", "O43", "X"]);
    }

    #[test]
    fn changes_between_runs_and_between_years() {
        let names = vec!["run-a".to_string(), "run-b".to_string()];
        let all = vec![
            // Same agency and year in two runs (different documents): O2 changed.
            rec(
                "a1",
                0,
                "400101",
                Some(2566),
                &[("O1", "done"), ("O2", "not_done")],
            ),
            rec(
                "a2",
                1,
                "400101",
                Some(2566),
                &[("O1", "done"), ("O2", "done"), ("O3", "unknown")],
            ),
            // The next year of the same agency, in run b.
            rec(
                "a3",
                1,
                "400101",
                Some(2567),
                &[("O1", "not_done"), ("O2", "done")],
            ),
            // Unknown agency: compared by document id only; nothing changed.
            rec("x", 0, "", None, &[("O1", "done")]),
            rec("x", 1, "", None, &[("O1", "done")]),
        ];
        let merged: Vec<&Record> = all.iter().filter(|r| r.dir == 1).collect();
        let mut got = changes(&all, &merged, &names);
        got.sort();
        let got: Vec<_> = got.iter().map(short).collect();
        assert_eq!(
            got,
            [
                ("fiscal_year", "O1", "2566", "done", "2567", "not_done"),
                ("fiscal_year", "O3", "2566", "unknown", "2567", "absent"),
                ("run", "O2", "run-a", "not_done", "run-b", "done"),
                ("run", "O3", "run-a", "absent", "run-b", "unknown"),
            ]
        );
    }

    #[test]
    fn a_document_that_gains_its_agency_is_compared_with_itself() {
        let names = vec!["before-ocr".to_string(), "after-ocr".to_string()];
        let all = vec![
            rec("scan", 0, "", None, &[]),
            rec("scan", 1, "400101", Some(2566), &[("O1", "done")]),
        ];
        let merged: Vec<&Record> = all.iter().filter(|r| r.dir == 1).collect();
        let found = changes(&all, &merged, &names);
        let got: Vec<_> = found
            .iter()
            .map(|c| (short(c).0, short(c).1, short(c).3, short(c).5))
            .collect();
        assert_eq!(got, [("run", "O1", "absent", "done")]);
    }

    #[test]
    fn same_content_and_resubmissions_count_once() {
        let mut copy = rec("b-copy", 0, "1", Some(2566), &[("O1", "done")]);
        copy.sha256 = "sha-of-a".into();
        let all = [
            rec("a", 0, "1", Some(2566), &[("O1", "done")]),
            copy,
            // The same agency and year again, under a later name: counted instead of a.
            {
                let mut r = rec("c", 0, "1", Some(2566), &[("O1", "not_done")]);
                r.path = "in/report-v2.txt".into();
                r
            },
            rec("d", 0, "2", Some(2566), &[("O1", "done")]),
            rec("e", 0, "", None, &[("O1", "done")]),
        ];
        let merged: Vec<&Record> = all.iter().collect();
        let (kept, gone) = counted(&merged);
        let kept: Vec<&str> = kept.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(kept, ["c", "d", "e"]);
        let gone: Vec<(&str, &str, &str)> = gone
            .iter()
            .map(|g| (g.doc_id.as_str(), g.reason, g.counted_doc_id.as_str()))
            .collect();
        assert_eq!(
            gone,
            [("a", "resubmission", "c"), ("b-copy", "same_content", "a")]
        );
    }

    #[test]
    fn completion_counts_every_status_and_missing() {
        let mut failed = rec("f", 0, "", None, &[("O1", "done")]);
        failed.status = DocStatus::Failed;
        let all = [
            rec("a", 0, "1", None, &[("O1", "done"), ("O2", "conflict")]),
            rec("b", 0, "2", None, &[("O1", "not_done")]),
            rec("c", 0, "3", None, &[("O1", "done"), ("O2", "unknown")]),
            failed,
        ];
        let merged: Vec<&Record> = all.iter().collect();
        let mut titles = Titles::default();
        titles.items.insert("O2".into(), "t2".into());
        titles.items.insert("O1".into(), "t1".into());
        let rows = completion(&merged, &titles);
        let got: Vec<_> = rows
            .iter()
            .map(|c| {
                (
                    c.code.as_str(),
                    c.documents,
                    c.done,
                    c.not_done,
                    c.conflict,
                    c.unknown,
                    c.missing,
                    c.completion_rate,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("O1", 3, 2, 1, 0, 0, 0, 0.6667),
                ("O2", 3, 0, 0, 1, 1, 1, 0.0)
            ]
        );
    }
}
