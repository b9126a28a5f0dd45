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
    /// What kind of ITA document this is, decided by the rules of
    /// `data/vocab/doc_kinds.tsv` (README "Document kinds"); null when no rule decides.
    #[serde(default)]
    pub doc_kind: Option<DocKind>,
    /// The rule that decided `doc_kind` ("title: การวิเคราะห์ผลการประเมิน").
    #[serde(default)]
    pub doc_kind_rule: Option<String>,
    /// For `oit_evidence`: the OIT item the title or a heading names ("O18"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_for: Option<String>,
    /// Rows of a results announcement (one per agency), in table order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<ResultRow>,
    /// The assessment result an analysis report states (its numbers, each with span).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
}

/// The ITA result an analysis report (O42 kind) states. Every number keeps the text as
/// written and its span; a value stated twice differently is kept once here (the first)
/// and both places are in a `score_inconsistent` flag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    /// The year assessed (BE), apart from the document's own `fiscal_year`.
    pub assessment_year: Option<i32>,
    pub assessment_year_span: Option<Span>,
    /// Total score out of 100.
    pub total: Option<Stated>,
    /// Level as written ("ผ่านดีเยี่ยม", "A").
    pub level: Option<String>,
    pub level_span: Option<Span>,
    /// How the tool scores are stated: "percent" (each out of 100) or "weighted"
    /// (out of 30 / 30 / 40, adding up to the total); null if no tool score is stated.
    pub tool_scale: Option<String>,
    pub iit: Option<Stated>,
    pub eit: Option<Stated>,
    pub oit: Option<Stated>,
    /// Indicator scores (1-10), in number order.
    pub indicators: Vec<IndicatorScore>,
    /// Question and item scores by lower-case code ("i1", "e15", "o43"), in code order.
    pub questions: Vec<QuestionScore>,
    /// The previous year's total, where stated, and that year.
    pub previous_total: Option<Stated>,
    pub previous_year: Option<i32>,
    /// The difference the document states (this year minus last), with its sign.
    pub stated_difference: Option<Stated>,
}

impl Assessment {
    /// How many numbers besides the total were read.
    pub fn number_count(&self) -> usize {
        [
            &self.iit,
            &self.eit,
            &self.oit,
            &self.previous_total,
            &self.stated_difference,
        ]
        .iter()
        .filter(|v| v.is_some())
        .count()
            + self.indicators.len()
            + self.questions.len()
    }
}

/// One indicator's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IndicatorScore {
    /// 1-10.
    pub number: u32,
    pub score: Stated,
}

/// One question's or OIT item's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionScore {
    /// "i1".."i30", "e1".."e15", "o1".."o43".
    pub code: String,
    pub score: Stated,
}

/// The kind of an ITA document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// O43-style progress report, with checkboxes.
    ProgressReport,
    /// O42-style analysis of the assessment result: scores, weaknesses, measures.
    Analysis,
    /// An announcement of results, one row per agency.
    ResultsAnnouncement,
    /// A document published as evidence for one OIT item (a budget report, a plan).
    OitEvidence,
    /// Another scheme with its own codes (public-health MOIT, school lists).
    OtherScheme,
    /// Not an ITA document.
    NotIta,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::ProgressReport => "progress_report",
            DocKind::Analysis => "analysis",
            DocKind::ResultsAnnouncement => "results_announcement",
            DocKind::OitEvidence => "oit_evidence",
            DocKind::OtherScheme => "other_scheme",
            DocKind::NotIta => "not_ita",
        }
    }

    /// The kind named `s` (as in `as_str`).
    pub fn parse(s: &str) -> Option<DocKind> {
        [
            DocKind::ProgressReport,
            DocKind::Analysis,
            DocKind::ResultsAnnouncement,
            DocKind::OitEvidence,
            DocKind::OtherScheme,
            DocKind::NotIta,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A number as the document states it: the value, the text as written and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stated {
    pub value: f64,
    /// The number as written ("๒๙.๘๙").
    pub text: String,
    pub span: Span,
}

/// One row of a results announcement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ResultRow {
    /// Rank as printed (after sequence repair); null when unreadable.
    pub rank: Option<u32>,
    /// The agency's name as written (as OCR or the text layer gives it).
    pub agency_written: String,
    /// The agency resolved from that name: type, name, place, geocode.
    pub agency: Agency,
    /// Scores out of 30 / 30 / 40 / 100; null where the table shows "-" or nothing
    /// could be read.
    pub iit: Option<f64>,
    pub eit: Option<f64>,
    pub oit: Option<f64>,
    pub total: Option<f64>,
    pub level: Option<String>,
    /// The level's cell as read when it was not written exactly: one letter off
    /// ("ผ่านตดีเยี่ยม") or letters OCR confuses ("ผานติ" for ผ่านดี); `level` is then a
    /// repair (counted as `result_level` in the document's `repairs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_as_read: Option<String>,
    /// A digit or the rank was changed (or a missing score computed) so the row's
    /// arithmetic holds; the raw text is at `span`.
    pub repaired: bool,
    /// The scores do not add up and no small repair makes them: the row is uncertain
    /// (also a `score_inconsistent` flag).
    pub flagged: bool,
    /// The row's line in the page text, with its bbox on scanned pages.
    pub span: Span,
    /// Where the rank was read when it is printed apart from the rest of the row (a
    /// spreadsheet printed in strips of columns: the rank column on another page, at
    /// the row's height); absent when the rank is in the row's own line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank_span: Option<Span>,
    /// The row's text as written.
    pub text: String,
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
    /// "อบจ." | "เทศบาลนคร" | "เทศบาลเมือง" | "เทศบาลตำบล" | "อบต." (a municipality keeps
    /// its tier), or another kind of agency as written.
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
    /// The item's score in an analysis report (100 or 0, `assessment.questions`), from
    /// which `status` is then taken: 100 done, 0 not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// Where an item's or indicator's status came from, so that a reviewer (the report,
/// `ita-extract explain`) can point at it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StatusSource {
    /// How the status was decided: `ticked` (ticked box(es) paired with their labels),
    /// `box_position` (the labels of the row did not read: its one ticked box's place
    /// among its boxes, in the label order the table's rows read in full agree on),
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
