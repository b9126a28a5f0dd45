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
//! | `status_changes.csv`    | items and indicators whose status differs between two runs (same document or same agency and year in two folders) or between consecutive fiscal years of the same agency |
//! | `compare.json`          | the folders, counts and the files written                        |
//!
//! An agency is identified by its type and geocode when the geocode is known, else by
//! its type and name without spaces; documents whose agency is unknown take part in the
//! run comparison by `doc_id` only.

use super::aggregate::{self, AggregateError};
use super::atomic::{write_atomic, write_atomic_with, WriteError};
use super::manifest::{self, Manifest};
use super::DOCUMENTS_DIR;
use crate::model::{DocStatus, Document};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
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

/// Status changes between folders (the same document, or the same agency and fiscal
/// year, in two folders; folders compared in the order given) and between consecutive
/// fiscal years of the same agency in the merged set.
pub fn changes(all: &[Record], merged: &[&Record], dir_names: &[String]) -> Vec<Change> {
    let mut out = Vec::new();
    // Between runs: slot = agency and year when known, else the document id.
    let mut slots: BTreeMap<String, BTreeMap<usize, &Record>> = BTreeMap::new();
    for r in all {
        let slot = match (r.agency_key(), r.fiscal_year) {
            (Some(k), Some(y)) => format!("{k}|{y}"),
            _ => format!("doc|{}", r.id),
        };
        // First document (by id) of a slot in each folder.
        let per_dir = slots.entry(slot).or_default();
        match per_dir.get(&r.dir) {
            Some(prev) if prev.id <= r.id => {}
            _ => {
                per_dir.insert(r.dir, r);
            }
        }
    }
    for per_dir in slots.values() {
        let seq: Vec<&&Record> = per_dir.values().collect();
        for w in seq.windows(2) {
            let (a, b) = (w[0], w[1]);
            let key = a.agency_key().unwrap_or_default();
            out.extend(diff(
                "run",
                &key,
                a,
                dir_names[a.dir].clone(),
                b,
                dir_names[b.dir].clone(),
            ));
        }
    }
    // Between fiscal years of one agency.
    let mut by_agency: BTreeMap<String, BTreeMap<i32, &Record>> = BTreeMap::new();
    for r in merged {
        if let (Some(k), Some(y)) = (r.agency_key(), r.fiscal_year) {
            let years = by_agency.entry(k).or_default();
            match years.get(&y) {
                Some(prev) if prev.id <= r.id => {}
                _ => {
                    years.insert(y, r);
                }
            }
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
            conflict: 0,
            unknown: 0,
            missing: 0,
            completion_rate: 0.0,
        };
        for r in &live {
            match get(r) {
                Some("done") => row.done += 1,
                Some("not_done") => row.not_done += 1,
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

fn csv_file<F>(path: &Path, fill: F) -> Result<(), WriteError>
where
    F: FnOnce(&mut csv::Writer<&mut std::io::BufWriter<std::fs::File>>) -> csv::Result<()>,
{
    write_atomic_with(path, |w| {
        let mut c = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(w);
        fill(&mut c).map_err(io::Error::other)?;
        c.flush()
    })
}

const AGENCY_COLS: [&str; 6] = [
    "doc_id",
    "agency_name",
    "agency_type",
    "province",
    "geocode",
    "fiscal_year",
];

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

/// Merge `dirs` and write everything into `out_dir`.
pub fn compare(dirs: &[PathBuf], out_dir: &Path) -> Result<CompareSummary, CompareError> {
    std::fs::create_dir_all(out_dir).map_err(|e| WriteError::io(out_dir, e))?;
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
    // Merged: the last folder holding an id wins.
    let mut merged_paths: BTreeMap<String, (usize, PathBuf)> = BTreeMap::new();
    for (i, id, p) in &listed {
        merged_paths.insert(id.clone(), (*i, p.clone()));
    }
    let merged_list: Vec<(String, PathBuf)> = merged_paths
        .iter()
        .map(|(id, (_, p))| (id.clone(), p.clone()))
        .collect();
    aggregate::write_all(out_dir, &merged_list, Clone::clone, |_, _| {})?;

    let loaded: Vec<Result<(Record, Titles), CompareError>> = listed
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
            Ok((rec, titles))
        })
        .collect();
    let mut all = Vec::with_capacity(loaded.len());
    let mut titles = Titles::default();
    for r in loaded {
        let (rec, t) = r?;
        for (k, v) in t.items {
            titles.items.entry(k).or_insert(v);
        }
        for (k, v) in t.indicators {
            titles.indicators.entry(k).or_insert(v);
        }
        all.push(rec);
    }
    let merged: Vec<&Record> = all
        .iter()
        .filter(|r| merged_paths.get(&r.id).is_some_and(|(d, _)| *d == r.dir))
        .collect();

    // Status matrices.
    let mut item_codes: Vec<&String> = titles.items.keys().collect();
    item_codes.sort_by_key(|c| code_order(c));
    csv_file(&out_dir.join("item_matrix.csv"), |w| {
        let mut header: Vec<String> = AGENCY_COLS.iter().map(|s| s.to_string()).collect();
        header.extend(item_codes.iter().map(|c| c.to_string()));
        w.write_record(&header)?;
        for r in &merged {
            let mut row = agency_cells(r);
            row.extend(
                item_codes
                    .iter()
                    .map(|c| r.items.get(*c).copied().unwrap_or("").to_string()),
            );
            w.write_record(&row)?;
        }
        Ok(())
    })?;
    csv_file(&out_dir.join("indicator_matrix.csv"), |w| {
        let mut header: Vec<String> = AGENCY_COLS.iter().map(|s| s.to_string()).collect();
        header.extend(titles.indicators.keys().map(|n| format!("I{n}")));
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

    csv_file(&out_dir.join("completion.csv"), |w| {
        w.write_record([
            "kind",
            "code",
            "title",
            "documents",
            "done",
            "not_done",
            "conflict",
            "unknown",
            "missing",
            "completion_rate",
        ])?;
        for c in completion(&merged, &titles) {
            w.write_record([
                c.kind.to_string(),
                c.code,
                c.title,
                c.documents.to_string(),
                c.done.to_string(),
                c.not_done.to_string(),
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
    csv_file(&out_dir.join("agency_flags.csv"), |w| {
        let mut header: Vec<&str> = AGENCY_COLS.to_vec();
        header.extend(["flags", "errors", "warnings", "infos", "top_codes"]);
        w.write_record(&header)?;
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

    let mut change_rows = changes(&all, &merged, &dir_names);
    change_rows.sort();
    let mut change_counts: BTreeMap<String, usize> = BTreeMap::new();
    csv_file(&out_dir.join("status_changes.csv"), |w| {
        w.write_record([
            "kind",
            "agency_key",
            "agency_name",
            "code",
            "title",
            "from",
            "from_doc",
            "from_status",
            "to",
            "to_doc",
            "to_status",
        ])?;
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
