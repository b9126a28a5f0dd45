//! The review report (issue 11): a static site, opened straight from disk, that lets a
//! person check every extracted value against its document in seconds.
//!
//! Input: an output folder of `ita-extract run` (its `documents/*.json`), the source
//! documents those name (re-read for their page geometry) and, optionally, a folder of
//! `ita-extract compare` output. Output: this folder, written atomically file by file:
//!
//! ```text
//! report/
//!   index.html  overview.js      the batch at a glance (counts, flags, completion and
//!                                score charts, a sortable, filterable, paged table)
//!   doc.html    docs/<id>.js     one page per document (doc.html#<id>), loaded lazily
//!   compare.html compare.js      agency x item heat map and status changes
//!   style.css report.js          the hand-written assets (no CDN, no build step)
//! ```
//!
//! Data files are JavaScript (`ITA.overview({...});`, `ITA.doc({...});`, the JSON on
//! one line between the call's parentheses) because a page opened from `file://` may load
//! scripts but not `fetch` JSON. A document's file holds its JSON as the run wrote it
//! (so fields added to the contract show up without a change here), its outlines and
//! its pages' geometry.
//!
//! An outline is made for every object of the document JSON that has a `span` and for
//! every `<field>_span`: items, indicators, measures, dates, agency, score, level,
//! year, flags, and each box and label of a status source. Its position is the span's
//! bbox (PDF points, origin bottom-left) for PDFs, and the span's byte range, also given
//! in UTF-16 code units of the raw and the repaired page text, for text input.

use crate::layout::{self, TokKind};
use crate::output::atomic::write_atomic;
use crate::output::DOCUMENTS_DIR;
use crate::pipeline::{self, PipelineOptions};
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SHELL_HTML: &str = include_str!("assets/shell.html");
const STYLE_CSS: &str = include_str!("assets/style.css");
const REPORT_JS: &str = include_str!("assets/report.js");

/// Folder of the per-document data files inside a report.
pub const DOCS_DIR: &str = "docs";

/// A page smaller than this (A4 portrait, PDF points) is drawn at this size.
const MIN_PAGE: [f64; 2] = [595.0, 842.0];

/// What to build the report from.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Output folder of `ita-extract run`.
    pub run_dir: PathBuf,
    /// Where to write the site.
    pub out_dir: PathBuf,
    /// Output folder of `ita-extract compare`, for the comparison view.
    pub compare_dir: Option<PathBuf>,
    /// Re-read the source documents for their page geometry.
    pub pages: bool,
    /// How the sources are re-read (the run's options give the same layout).
    pub pipeline: PipelineOptions,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Write(#[from] crate::output::atomic::WriteError),
    #[error("cannot read compare table {path}: {source}")]
    Csv { path: String, source: csv::Error },
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportSummary {
    pub documents: usize,
    /// Documents whose pages could be drawn from their re-read source.
    pub with_pages: usize,
    /// Documents listed without pages, with why (source missing or changed, unreadable).
    pub without_pages: Vec<(String, String)>,
    pub outlines: usize,
}

impl ReportSummary {
    /// The lines `report` and `run --report` print on stderr.
    pub fn describe(&self, dir: &Path) -> String {
        let mut s = format!(
            "ita-extract: report of {} document(s), {} with pages drawn, {} outlines -> {}\n",
            self.documents,
            self.with_pages,
            self.outlines,
            dir.join("index.html").display()
        );
        for (id, why) in self.without_pages.iter().take(20) {
            s.push_str(&format!("  no pages: {id}: {why}\n"));
        }
        if self.without_pages.len() > 20 {
            s.push_str(&format!(
                "  ... and {} more\n",
                self.without_pages.len() - 20
            ));
        }
        s
    }
}

/// A document written: its overview row, why its pages were not drawn, its outlines.
type Written = (Value, Option<String>, usize);

/// Build the site.
pub fn write_report(opts: &ReportOptions) -> Result<ReportSummary, ReportError> {
    let docs_dir = opts.run_dir.join(DOCUMENTS_DIR);
    let mut names: Vec<PathBuf> = std::fs::read_dir(&docs_dir)
        .map_err(|e| ReportError::Read {
            path: docs_dir.display().to_string(),
            source: e,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let out_docs = opts.out_dir.join(DOCS_DIR);
    std::fs::create_dir_all(&out_docs).map_err(|e| ReportError::Read {
        path: out_docs.display().to_string(),
        source: e,
    })?;
    // Each document on its own: read, draw, write; only its overview row is kept.
    let done: Vec<Result<Written, ReportError>> = names
        .par_iter()
        .map(|p| {
            let id = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let bytes = std::fs::read(p).map_err(|e| ReportError::Read {
                path: p.display().to_string(),
                source: e,
            })?;
            let doc: Value = match serde_json::from_slice(&bytes) {
                Ok(v) => v,
                Err(e) => json!({"status": "failed", "unreadable_json": e.to_string()}),
            };
            let pdf = doc["source"]["format"].as_str() == Some("pdf");
            let (layout, images, why) = if opts.pages {
                match reread(&doc, &opts.run_dir, &opts.pipeline) {
                    Ok((l, bytes)) => {
                        let images = if pdf {
                            scan_images(&doc, &id, &bytes, &out_docs, &opts.pipeline)
                        } else {
                            Vec::new()
                        };
                        (Some(l), images, None)
                    }
                    Err(why) => (None, Vec::new(), Some(why)),
                }
            } else {
                (
                    None,
                    Vec::new(),
                    Some("pages not drawn (--no-pages)".to_string()),
                )
            };
            let pages: Vec<Value> = layout
                .iter()
                .flat_map(|l| &l.pages)
                .map(|p| {
                    if pdf {
                        let image = images.iter().find(|(n, _, _)| *n == p.number());
                        pdf_page(p, image.map(|(_, href, b)| (href.as_str(), *b)))
                    } else {
                        text_page(p)
                    }
                })
                .collect();
            let text_pages = if pdf { None } else { layout.as_ref() };
            let outlines = outlines_of(&doc, text_pages);
            let n = outlines.len();
            let data = json!({
                "id": id,
                "document": doc,
                "outlines": outlines,
                "pages": pages,
                "pages_note": why,
            });
            write_atomic(
                &out_docs.join(format!("{id}.js")),
                &js_call("doc", &data).into_bytes(),
            )?;
            Ok((overview_row(&id, &doc), why, n))
        })
        .collect();
    let mut summary = ReportSummary::default();
    let mut rows = Vec::new();
    for r in done {
        let (row, why, n) = r?;
        summary.documents += 1;
        summary.outlines += n;
        match why {
            None => summary.with_pages += 1,
            Some(w) => summary
                .without_pages
                .push((row["id"].as_str().unwrap_or("").to_string(), w)),
        }
        rows.push(row);
    }
    let overview = overview(&rows);
    let w = |name: &str, text: &str| write_atomic(&opts.out_dir.join(name), text.as_bytes());
    w("overview.js", &js_call("overview", &overview))?;
    let compare = match &opts.compare_dir {
        Some(d) => compare_data(d)?,
        None => json!(null),
    };
    w("compare.js", &js_call("compare", &compare))?;
    // The three pages share one shell; a document page loads its data from its hash.
    let views = [
        (
            "index.html",
            "ita-extract review report",
            "overview",
            "",
            "overview.js",
        ),
        ("doc.html", "Document", "doc", " class=\"docview\"", ""),
        ("compare.html", "Comparison", "compare", "", "compare.js"),
    ];
    for (file, title, view, class, data) in views {
        let script = if data.is_empty() {
            String::new()
        } else {
            format!("<script src=\"{data}\"></script>")
        };
        let html = SHELL_HTML
            .replace("{{TITLE}}", title)
            .replace("{{VIEW}}", view)
            .replace("{{MAIN_CLASS}}", class)
            .replace("{{DATA}}", &script);
        w(file, &html)?;
    }
    w("style.css", STYLE_CSS)?;
    w("report.js", REPORT_JS)?;
    Ok(summary)
}

/// `ITA.<name>(<json>);` on one line, newline-terminated.
fn js_call(name: &str, data: &Value) -> String {
    // `</script>` cannot occur in a file loaded by src=, but `<` is escaped anyway so the
    // data reads the same if ever inlined.
    let body = data.to_string().replace('<', "\\u003c");
    format!("ITA.{name}({body});\n")
}

/// The JSON inside a data file written by [`js_call`].
pub fn data_of_js(text: &str) -> Option<Value> {
    let open = text.find('(')?;
    let close = text.rfind(");")?;
    serde_json::from_str(text.get(open + 1..close)?).ok()
}

// --- pages -----------------------------------------------------------------------------

/// Re-read the document's source into the layout its values were read from, or say
/// why not.
fn reread(
    doc: &Value,
    run_dir: &Path,
    opts: &PipelineOptions,
) -> Result<(layout::Doc, Vec<u8>), String> {
    let src = doc["source"]["path"]
        .as_str()
        .ok_or("the document names no source")?;
    let candidates = [
        PathBuf::from(src),
        run_dir.join(src),
        run_dir.parent().unwrap_or(run_dir).join(src),
    ];
    let path = candidates
        .iter()
        .find(|p| p.is_file())
        .ok_or_else(|| format!("source {src} not found"))?;
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {src}: {e}"))?;
    if doc["source"]["sha256"].as_str() != Some(&pipeline::sha256_hex(&bytes)) {
        return Err(format!("source {src} changed since the run"));
    }
    let (_, layout) = pipeline::process_bytes_with_layout(src, &bytes, opts);
    let layout = layout.ok_or_else(|| format!("source {src} cannot be read"))?;
    Ok((layout, bytes))
}

/// Resolution of the scanned-page images drawn under their OCR text.
const SCAN_DPI: u32 = 100;

/// The page images of a PDF's pages that are not born-digital text (scans: OCR'd, given
/// OCR text, or without any text), written as gray PNGs `docs/ID-pN.png` beside the
/// document's data; each page number with the file's name (relative to the site) and
/// the image's box in PDF points. A page that cannot be rendered is left without one.
fn scan_images(
    doc: &Value,
    id: &str,
    bytes: &[u8],
    out_docs: &Path,
    opts: &PipelineOptions,
) -> Vec<(u32, String, [f64; 4])> {
    let origins = doc["source"]["page_text_origin"].as_array();
    let scanned: Vec<u32> = origins
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, o)| o.as_str() != Some("pdf_text"))
        .map(|(i, _)| i as u32 + 1)
        .collect();
    let mut ocr = opts.ocr.clone();
    ocr.dpi = SCAN_DPI;
    let mut out = Vec::new();
    for n in scanned {
        let Ok(mut imgs) = crate::ingest::ocr::page_images(bytes, &[n], &ocr) else {
            continue;
        };
        let Some(img) = imgs.pop() else { continue };
        let mut png_bytes = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut png_bytes, img.width, img.height);
            enc.set_color(png::ColorType::Grayscale);
            enc.set_depth(png::BitDepth::Eight);
            let ok = enc
                .write_header()
                .and_then(|mut w| w.write_image_data(&img.pixels));
            if ok.is_err() {
                continue;
            }
        }
        let name = format!("{id}-p{n}.png");
        if write_atomic(&out_docs.join(&name), &png_bytes).is_err() {
            continue;
        }
        let b = img.pixel_box_to_pdf(0.0, 0.0, img.width as f64, img.height as f64);
        out.push((n, format!("{DOCS_DIR}/{name}"), b.0));
    }
    out
}

fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A PDF page: text runs at their boxes, cell boxes, checkboxes, and for a scan its page
/// image (the site's path and its box in points); size from its content.
fn pdf_page(p: &layout::Page, image: Option<(&str, [f64; 4])>) -> Value {
    let mut w = MIN_PAGE[0];
    let mut h = MIN_PAGE[1];
    if let Some((_, b)) = image {
        // The image is the whole page.
        w = b[2];
        h = b[3];
    }
    let mut grow = |b: &[f64; 4]| {
        w = w.max(b[2] + 18.0);
        h = h.max(b[3] + 18.0);
    };
    let mut texts = Vec::new();
    for (range, b) in &p.raw.boxes {
        let Some(t) = p.raw.text.get(range.clone()) else {
            continue;
        };
        if t.trim().is_empty() {
            continue;
        }
        grow(&b.0);
        texts.push(json!([r2(b.0[0]), r2(b.0[1]), r2(b.0[2]), r2(b.0[3]), t]));
    }
    let mut cells = Vec::new();
    let mut boxes = Vec::new();
    for row in &p.rows {
        for c in &row.cells {
            if let Some(b) = c.bbox {
                grow(&b.0);
                cells.push(json!(b.rounded().0));
            }
            for t in &c.toks {
                if let TokKind::Box(cb) = t.kind {
                    if let Some(b) = cb.bbox {
                        grow(&b.0);
                        let b = b.rounded().0;
                        boxes.push(json!([b[0], b[1], b[2], b[3], cb.ticked()]));
                    }
                }
            }
        }
    }
    // The page size is not in the layout model: content wider than A4 portrait is a
    // landscape page (an Excel export), drawn at least A4 landscape, not with an empty top.
    if w > MIN_PAGE[0] && image.is_none() {
        let content_h = p
            .raw
            .boxes
            .iter()
            .map(|(_, b)| b.0[3] + 18.0)
            .fold(0.0f64, f64::max);
        h = h.min(content_h.max(MIN_PAGE[0]).max(cells_top(p)));
    }
    json!({
        "number": p.number(),
        "kind": "pdf",
        "width": r2(w),
        "height": r2(h),
        "texts": texts,
        "cells": cells,
        "boxes": boxes,
        "image": image.map(|(href, b)| json!({"href": href, "bbox": [r2(b[0]), r2(b[1]), r2(b[2]), r2(b[3])]})),
    })
}

/// The top of the highest cell or checkbox box of a page, plus a margin.
fn cells_top(p: &layout::Page) -> f64 {
    p.rows
        .iter()
        .flat_map(|r| &r.cells)
        .flat_map(|c| {
            c.bbox
                .into_iter()
                .chain(c.toks.iter().filter_map(|t| match t.kind {
                    TokKind::Box(b) => b.bbox,
                    _ => None,
                }))
        })
        .map(|b| b.0[3] + 18.0)
        .fold(0.0f64, f64::max)
}

/// A text page: its raw and repaired text (outlines mark both).
fn text_page(p: &layout::Page) -> Value {
    json!({
        "number": p.number(),
        "kind": "text",
        "raw": p.raw.text,
        "repaired": p.rep.text,
    })
}

// --- outlines --------------------------------------------------------------------------

/// UTF-16 offset of a byte offset (clamped, moved back to a character boundary).
fn u16_at(s: &str, byte: usize) -> usize {
    let b = crate::source::floor_char_boundary(s, byte);
    s[..b].encode_utf16().count()
}

/// Every value of the document with a span, as outlines, with the flags whose spans
/// touch it. `text` (text input) gives each outline its range in UTF-16 code units of
/// the raw page text (`raw_u16`) and of the repaired text (`rep_u16`).
pub fn outlines_of(doc: &Value, text: Option<&layout::Doc>) -> Vec<Value> {
    let mut found = Vec::new();
    walk(doc, "", &mut found);
    let flags: Vec<(String, &Value)> = found
        .iter()
        .filter(|(path, _, _)| path.starts_with("flags["))
        .map(|(path, _, span)| (path.clone(), *span))
        .collect();
    found
        .iter()
        .enumerate()
        .map(|(i, (path, owner, span))| {
            let page = span["page"].as_u64().unwrap_or(0);
            let (bs, be) = (
                span["byte_start"].as_u64().unwrap_or(0) as usize,
                span["byte_end"].as_u64().unwrap_or(0) as usize,
            );
            let touching: Vec<&str> = flags
                .iter()
                .filter(|(fp, f)| {
                    fp != path
                        && f["page"].as_u64() == Some(page)
                        && overlaps(f, bs, be)
                        && !path.starts_with("flags[")
                })
                .filter_map(|(fp, _)| {
                    let idx = fp.trim_start_matches("flags[").split(']').next()?;
                    doc["flags"][idx.parse::<usize>().ok()?]["code"].as_str()
                })
                .collect();
            let mut o = Map::new();
            o.insert("id".into(), json!(format!("v{i}")));
            o.insert("path".into(), json!(path));
            o.insert("kind".into(), json!(kind_of(path)));
            o.insert("label".into(), json!(label_of(path, owner)));
            o.insert("value".into(), value_of(path, owner));
            o.insert("status".into(), json!(status_class(path, owner)));
            if let Some(rule) = rule_of(owner) {
                o.insert("rule".into(), json!(rule));
            }
            o.insert("flags".into(), json!(touching));
            o.insert("page".into(), json!(page));
            o.insert("byte_start".into(), json!(bs));
            o.insert("byte_end".into(), json!(be));
            if let Some(b) = span.get("bbox").filter(|b| b.is_array()) {
                o.insert("bbox".into(), b.clone());
            }
            let text_page = text
                .into_iter()
                .flat_map(|l| &l.pages)
                .find(|p| u64::from(p.number()) == page);
            if let Some(tp) = text_page {
                let raw = &tp.raw.text;
                o.insert("raw_u16".into(), json!([u16_at(raw, bs), u16_at(raw, be)]));
                let r = tp.rep.map.range_from_raw(bs..be);
                let rep = &tp.rep.text;
                o.insert(
                    "rep_u16".into(),
                    json!([u16_at(rep, r.start), u16_at(rep, r.end)]),
                );
            }
            Value::Object(o)
        })
        .collect()
}

fn overlaps(span: &Value, bs: usize, be: usize) -> bool {
    let s = span["byte_start"].as_u64().unwrap_or(0) as usize;
    let e = span["byte_end"].as_u64().unwrap_or(0) as usize;
    s < be.max(bs + 1) && bs < e.max(s + 1)
}

/// Depth-first: (path, the object holding the span, the span) for every `span` and
/// `<field>_span` that is an object with a page, in document order.
fn walk<'a>(v: &'a Value, path: &str, out: &mut Vec<(String, &'a Value, &'a Value)>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let is_span = child.get("page").is_some_and(Value::is_u64);
                if k == "span" && is_span {
                    out.push((path.to_string(), v, child));
                } else if k == "decided_at" && is_span {
                    out.push((format!("{path}.decided_at"), v, child));
                } else if let (Some(field), true) = (k.strip_suffix("_span"), is_span) {
                    out.push((join(path, field), v, child));
                } else {
                    walk(child, &join(path, k), out);
                }
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                walk(child, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The field a path is about, without indexes: `oit_items`, `status_source.marks`, ...
fn kind_of(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A short name for the value: its code, number, name or title.
fn label_of(path: &str, owner: &Value) -> String {
    let kind = kind_of(path);
    if let Some(field) = path.rsplit('.').next().filter(|_| !path.ends_with(']')) {
        if owner.get(field).is_some() && !kind.ends_with("decided_at") {
            return field.to_string();
        }
    }
    for key in ["code", "number", "name", "label", "text", "title"] {
        if let Some(t) = owner.get(key).and_then(text_of).filter(|t| !t.is_empty()) {
            let head: String = t.chars().take(60).collect();
            return format!("{kind} {head}");
        }
    }
    kind
}

/// What the value is: the field itself, or a status, state, date or title.
fn value_of(path: &str, owner: &Value) -> Value {
    if let Some(field) = path.rsplit('.').next() {
        if let Some(v) = owner.get(field).filter(|v| !v.is_object() && !v.is_array()) {
            return v.clone();
        }
    }
    if path.ends_with("decided_at") {
        return owner.get("rule").cloned().unwrap_or(Value::Null);
    }
    for key in [
        "status", "state", "date", "message", "name", "title", "text",
    ] {
        if let Some(v) = owner.get(key).filter(|v| !v.is_null()) {
            return v.clone();
        }
    }
    Value::Null
}

/// The colour class: an item's status, a box's state, a flag's severity, else `value`.
fn status_class(path: &str, owner: &Value) -> String {
    if path.starts_with("flags[") {
        return owner["severity"].as_str().unwrap_or("warning").to_string();
    }
    if path.ends_with("decided_at") {
        return "decided".to_string();
    }
    owner
        .get("status")
        .and_then(Value::as_str)
        .or_else(|| owner.get("state").and_then(Value::as_str))
        .unwrap_or("value")
        .to_string()
}

/// The rule that chose an item's or indicator's status, in words.
fn rule_of(owner: &Value) -> Option<String> {
    let src = owner.get("status_source")?;
    let marks = src["marks"].as_array().map(Vec::len).unwrap_or(0);
    let rule = src["rule"].as_str()?;
    let mut s = format!("{rule}: read from {marks} box(es) and label(s) on the row");
    if owner["code_corrected"] == json!(true) {
        s.push_str("; code recovered from the sequence and the catalogue title");
    }
    if let Some(t) = owner["catalogue_title"].as_str() {
        s.push_str(&format!("; catalogue title: {t}"));
    }
    Some(s)
}

// --- overview --------------------------------------------------------------------------

/// One row of the overview table, plus what the charts count.
fn overview_row(id: &str, doc: &Value) -> Value {
    let items = doc["oit_items"].as_array().cloned().unwrap_or_default();
    let indicators = doc["indicators"].as_array().cloned().unwrap_or_default();
    let done = |v: &[Value]| v.iter().filter(|i| i["status"] == "done").count();
    let statuses = |v: &[Value], key: &str| -> Vec<Value> {
        v.iter()
            .filter_map(|i| Some(json!([text_of(&i[key])?, i["status"].as_str()?])))
            .collect()
    };
    let flags: Vec<Value> = doc["flags"]
        .as_array()
        .map(|f| f.iter().filter_map(|f| f.get("code").cloned()).collect())
        .unwrap_or_default();
    json!({
        "id": id,
        "path": doc["source"]["path"],
        "agency": doc["agency"]["name"],
        "province": doc["agency"]["province"],
        "year": doc["fiscal_year"],
        "score": doc["overall_score"],
        "level": doc["level"],
        "status": doc["status"],
        "kind": doc.get("doc_kind").cloned().unwrap_or(Value::Null),
        "items_done": done(&items),
        "items": items.len(),
        "indicators_done": done(&indicators),
        "flags": flags,
        "item_status": statuses(&items, "code"),
        "indicator_status": statuses(&indicators, "number"),
    })
}

/// Counts, charts and the table rows (compact arrays) of the overview.
fn overview(rows: &[Value]) -> Value {
    let mut by_status: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_flag: BTreeMap<String, u64> = BTreeMap::new();
    let mut items: BTreeMap<String, [u64; 5]> = BTreeMap::new();
    let mut inds: BTreeMap<String, [u64; 5]> = BTreeMap::new();
    let mut scores = [0u64; 20];
    let mut counted = 0u64;
    let slot = |s: &str| match s {
        "done" => 0,
        "not_done" => 1,
        "in_progress" => 2,
        "conflict" => 3,
        _ => 4,
    };
    let mut table = Vec::new();
    for r in rows {
        let status = r["status"].as_str().unwrap_or("failed");
        *by_status.entry(status.to_string()).or_default() += 1;
        let kind = r["kind"].as_str().unwrap_or("(not classified)");
        *by_kind.entry(kind.to_string()).or_default() += 1;
        for f in r["flags"].as_array().into_iter().flatten() {
            *by_flag.entry(text_of(f).unwrap_or_default()).or_default() += 1;
        }
        if status != "failed" {
            counted += 1;
        }
        for (map, key) in [(&mut items, "item_status"), (&mut inds, "indicator_status")] {
            for pair in r[key].as_array().into_iter().flatten() {
                let (Some(code), Some(st)) = (pair[0].as_str(), pair[1].as_str()) else {
                    continue;
                };
                map.entry(code.to_string()).or_default()[slot(st)] += 1;
            }
        }
        if let Some(s) = r["score"].as_f64() {
            scores[((s / 5.0).floor().max(0.0) as usize).min(19)] += 1;
        }
        table.push(json!([
            r["id"],
            r["agency"],
            r["province"],
            r["year"],
            r["score"],
            r["level"],
            r["status"],
            r["kind"],
            r["items_done"],
            r["items"],
            r["flags"].as_array().map(Vec::len).unwrap_or(0),
            r["path"],
        ]));
    }
    let rates = |m: BTreeMap<String, [u64; 5]>, prefix: &str| -> Vec<Value> {
        let mut v: Vec<(u64, String, [u64; 5])> = m
            .into_iter()
            .map(|(k, c)| {
                let n = k
                    .trim_start_matches(prefix)
                    .parse::<u64>()
                    .unwrap_or(u64::MAX);
                (n, k, c)
            })
            .collect();
        v.sort();
        v.into_iter()
            .map(|(_, k, c)| json!({"code": k, "counts": c, "rate": r3(c[0], counted)}))
            .collect()
    };
    json!({
        "documents": rows.len(),
        "counted": counted,
        "by_status": by_status,
        "by_kind": by_kind,
        "by_flag": by_flag,
        "items": rates(items, "O"),
        "indicators": rates(inds, ""),
        "scores": scores,
        "columns": ["id", "agency", "province", "year", "score", "level", "status", "kind",
                    "items_done", "items", "flags", "path"],
        "rows": table,
    })
}

fn r3(n: u64, d: u64) -> f64 {
    if d == 0 {
        0.0
    } else {
        (n as f64 / d as f64 * 1000.0).round() / 1000.0
    }
}

// --- comparison ------------------------------------------------------------------------

/// The compare tables the comparison view draws, as header + rows.
fn compare_data(dir: &Path) -> Result<Value, ReportError> {
    let mut out = Map::new();
    for name in ["item_matrix", "indicator_matrix", "status_changes"] {
        let path = dir.join(format!("{name}.csv"));
        if !path.is_file() {
            continue;
        }
        let err = |e| ReportError::Csv {
            path: path.display().to_string(),
            source: e,
        };
        let mut r = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(&path)
            .map_err(err)?;
        let header: Vec<String> = r.headers().map_err(err)?.iter().map(clean).collect();
        let mut rows = Vec::new();
        for rec in r.records() {
            rows.push(rec.map_err(err)?.iter().map(clean).collect::<Vec<_>>());
        }
        out.insert(name.into(), json!({"header": header, "rows": rows}));
    }
    Ok(Value::Object(out))
}

/// A CSV field without the byte-order mark `--excel` writes.
fn clean(s: &str) -> String {
    s.trim_start_matches('\u{feff}').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_finds_spans_and_field_spans_in_order() {
        let span =
            |p: u64| json!({"page": p, "line": 1, "column": 1, "byte_start": 0, "byte_end": 3});
        let doc = json!({
            "overall_score": 99.1, "overall_score_span": span(1),
            "oit_items": [{"code": "O1", "status": "done", "span": span(2),
                           "status_source": {"rule": "ticked", "decided_at": span(2),
                                             "marks": [{"kind": "box", "state": "checked", "span": span(2)}]}}],
            "flags": [{"code": "status_missing", "severity": "warning", "span": span(2)}],
        });
        let o = outlines_of(&doc, None);
        let paths: Vec<&str> = o.iter().map(|o| o["path"].as_str().unwrap()).collect();
        assert_eq!(
            paths,
            [
                "overall_score",
                "oit_items[0]",
                "oit_items[0].status_source.decided_at",
                "oit_items[0].status_source.marks[0]",
                "flags[0]"
            ]
        );
        assert_eq!(o[0]["value"], json!(99.1));
        assert_eq!(o[1]["status"], "done");
        assert_eq!(o[1]["flags"], json!(["status_missing"]));
        assert_eq!(o[3]["status"], "checked");
        assert_eq!(o[4]["status"], "warning");
        assert_eq!(o[4]["flags"], json!([]));
    }

    #[test]
    fn utf16_offsets_count_code_units() {
        let s = "กข😀a";
        assert_eq!(u16_at(s, 6), 2);
        assert_eq!(u16_at(s, 10), 4);
        assert_eq!(u16_at(s, 7), 2); // inside ข: moved back
    }

    #[test]
    fn data_files_round_trip() {
        let v = json!({"a": "</script>", "b": [1, 2]});
        assert_eq!(data_of_js(&js_call("doc", &v)), Some(v));
    }
}
