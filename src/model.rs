//! The per-document output contract, `schema_version` 1 (DESIGN.md §4).
//!
//! These types are serialized as the document JSON that `ita-extract file` prints and a
//! batch writes, and `ita-extract schema` prints their JSON Schema (generated from these
//! types with schemars). Field names and value vocabularies are the contract; fields may
//! be added, never renamed.

use crate::diagnostic::Flag;
use crate::source::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const SCHEMA_VERSION: u32 = 1;

/// One document's extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    pub schema_version: u32,
    pub source: Source,
    pub status: DocStatus,
    pub agency: Agency,
    /// Fiscal year, Buddhist Era (2566); null if unknown.
    pub fiscal_year: Option<i32>,
    /// Where the fiscal year was read.
    pub fiscal_year_span: Option<Span>,
    /// Overall score as written (99.18); null if absent.
    pub overall_score: Option<f64>,
    pub overall_score_span: Option<Span>,
    /// Level as written ("ผ่านดีเยี่ยม", "A"); null if absent.
    pub level: Option<String>,
    pub level_span: Option<Span>,
    /// Which OIT catalogue the items were matched against ("2566-2567", "2564-2565"),
    /// null when the year has no known catalogue (codes then stay as written).
    pub catalogue: Option<String>,
    pub measures: Vec<Measure>,
    pub indicators: Vec<Indicator>,
    pub oit_items: Vec<OitItem>,
    pub dates: Vec<DateRef>,
    pub flags: Vec<Flag>,
    /// How many text repairs of each kind were made (digits, sara_am, pua, ...).
    pub repairs: BTreeMap<String, u64>,
    /// Checkboxes read from the pixels of scanned pages (OCR), with how sure the reading
    /// is; their states are also in the page text as ☐/☑, which items and indicators use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pixel_checkboxes: Vec<PixelCheckbox>,
}

/// A checkbox on a scanned page, decided from the ink inside its printed box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PixelCheckbox {
    /// "ticked" or "empty".
    pub state: String,
    /// 0.5 (a guess) to 1.0 (clear), from how far the ink is from the threshold.
    pub confidence: f64,
    /// The status label the box belongs to, as OCR read it.
    pub label: String,
    /// Where the ☐/☑ stands in the page text, with the box's bbox.
    pub span: Option<Span>,
}

/// Where the document came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    pub path: String,
    pub sha256: String,
    pub format: SourceFormat,
    pub pages: u32,
    /// Where the document's text came from: `ocr_engine` or `ocr_text` when any page was
    /// read by OCR, else `pdf_text` for PDFs with text and `ocr_text` for text input.
    pub text_origin: TextOrigin,
    /// The same, page by page (PDF input; empty for text input).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_text_origin: Vec<TextOrigin>,
    /// The text encoding of a text input when it was not plain UTF-8 (`utf-8-bom`,
    /// `utf-16le`, `utf-16be`, `windows-874`); byte spans then point into the decoded
    /// UTF-8 text. Absent for UTF-8 and PDFs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    Pdf,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextOrigin {
    /// Text read from the PDF's text layer.
    PdfText,
    /// OCR text, given as the input or beside a PDF.
    OcrText,
    /// Text produced by running an OCR engine.
    OcrEngine,
    /// No text could be obtained.
    None,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    Ok,
    Partial,
    Failed,
}

impl DocStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::Ok => "ok",
            DocStatus::Partial => "partial",
            DocStatus::Failed => "failed",
        }
    }
}

/// The agency the report is about. Every field is null where unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Agency {
    /// Name as written, after repair ("เทศบาลตำบลโคกสำราญ").
    pub name: Option<String>,
    /// "อบจ." | "เทศบาล" | "อบต." or another kind of agency as written.
    #[serde(rename = "type")]
    pub agency_type: Option<String>,
    pub subdistrict: Option<String>,
    pub district: Option<String>,
    pub province: Option<String>,
    /// DOPA code of the most precise place that fits: 6 digits (subdistrict),
    /// 4 (district) or 2 (province).
    pub geocode: Option<String>,
    /// Where the name was read.
    pub span: Option<Span>,
    /// The place exactly as the document states it. `subdistrict`, `district` and
    /// `province` above hold the gazetteer's names of the most precise place that fits
    /// together (matching `geocode`); where the stated parts conflict, a
    /// `location_mismatch` flag says how.
    pub stated: StatedPlace,
}

/// A place as written in the document (after text repair); null where not stated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StatedPlace {
    pub subdistrict: Option<String>,
    pub district: Option<String>,
    pub province: Option<String>,
}

/// Status of an indicator or OIT item, from its checkboxes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// "ดำเนินการ" ticked.
    Done,
    /// "ยังไม่ได้ดำเนินการ" ticked.
    NotDone,
    /// "อยู่ระหว่างดำเนินการ" (in progress) ticked.
    InProgress,
    /// Two different statuses ticked.
    Conflict,
    /// No tick found.
    Unknown,
}

impl ItemStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Done => "done",
            ItemStatus::NotDone => "not_done",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::Conflict => "conflict",
            ItemStatus::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    pub number: u32,
    pub title: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Indicator {
    /// 1-10.
    pub number: u32,
    pub title: String,
    pub status: ItemStatus,
    /// The progress text beside the checkboxes.
    pub notes: String,
    pub span: Span,
    /// Where `status` came from (the row's boxes and labels); absent when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_source: Option<StatusSource>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OitItem {
    /// "O1".."O43"; null when no code could be assigned.
    pub code: Option<String>,
    /// The code as written ("๐๙๙", "O๒๖"), before repair; null where none was written.
    pub raw_code: Option<String>,
    pub title: String,
    /// The catalogue's title for `code` in the document's fiscal year; null when the
    /// year has no known catalogue.
    pub catalogue_title: Option<String>,
    pub status: ItemStatus,
    /// True when the written code was wrong and `code` was recovered from the sequence
    /// and the title.
    pub code_corrected: bool,
    pub notes: String,
    pub span: Span,
    /// Where `status` came from (the row's boxes and labels); absent when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_source: Option<StatusSource>,
}

/// Where an item's or indicator's status came from, so that a reviewer (the report,
/// `ita-extract explain`) can point at it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StatusSource {
    /// How the status was decided: `ticked` (ticked box(es) paired with their labels),
    /// `conflicting_ticks`, `no_tick` (boxes or labels but nothing ticked) or
    /// `no_markup` (the row has no box and no label).
    pub rule: String,
    /// Where the deciding marks stand: the ticked box(es) and their labels, or all the
    /// status markup when nothing was ticked; null when the row has none.
    pub decided_at: Option<Span>,
    /// Every box and label of the item's row(s), in reading order.
    pub marks: Vec<StatusMark>,
}

/// One box or status label of a row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StatusMark {
    /// `box` or `label`.
    pub kind: String,
    /// A box: `checked`, `unchecked` or `crossed`; a label: the status it names
    /// (`done`, `not_done`, `in_progress`, from `data/vocab/status_labels.tsv`).
    pub state: String,
    /// A box: how it was seen (`glyph`, `attribute`, `widget`, `vector`, `pixels`,
    /// `typed`); a label: `vocabulary`.
    pub method: String,
    /// A box's confidence (1.0 sure, lower for a bare typed mark or a faint tick).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// The label as written (after repair); empty for a box.
    pub text: String,
    /// Where it stands; for a box with a known box, that box.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateRef {
    /// The date as written, after repair.
    pub text: String,
    /// ISO date, Gregorian ("2023-02-08").
    pub date: String,
    /// End of a range, when the text is a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    pub span: Span,
}
