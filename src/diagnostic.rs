//! Problems found in the data: a stable flag code, a severity, a message and the span
//! it concerns. Flags are values in the output, never printed by the rule that finds them.
//! `Err` is kept for "cannot continue"; everything a document merely looks wrong about
//! is a [`Flag`].

use crate::source::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Stable flag codes (DESIGN.md §4). Codes may be added; never renamed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FlagCode {
    /// Text in a script that does not belong in a Thai report (e.g. Khmer from OCR hallucination).
    ForeignScript,
    /// A line or phrase repeated many times.
    RepeatedText,
    /// Another agency is named in the report (template residue).
    OtherAgency,
    /// The stated subdistrict, district and province do not fit together.
    LocationMismatch,
    /// An OIT item's written code was wrong and was corrected.
    ItemCodeCorrected,
    /// A row carries no tick.
    StatusMissing,
    /// Both "done" and "not done" are ticked.
    StatusConflict,
    /// The ticked status disagrees with the progress text.
    StatusContradictsText,
    /// A catalogue item is absent from the document.
    ItemMissing,
    /// The same item appears more than once.
    ItemDuplicate,
    /// Fiscal years stated in the document disagree.
    YearMismatch,
    /// A PDF glyph could not be mapped to Unicode.
    UnmappedGlyph,
    /// A page has no text layer and no OCR was available.
    NoTextLayer,
    /// The document could not be parsed.
    ParseError,
    /// The document is encrypted and cannot be opened.
    Encrypted,
    /// The document took longer than its time budget.
    Timeout,
    /// The document is larger than the size limits allow.
    TooLarge,
    /// The document's fiscal year has no known OIT catalogue; codes are kept as written.
    UnknownCatalogue,
    /// Pages without a text layer were read from OCR text supplied beside the PDF.
    OcrText,
    /// Pages without a text layer were read by the OCR engine.
    OcrEngine,
    /// The document yields no agency, no fiscal year, no items and no indicators: it is
    /// not an ITA document, or nothing in it could be read.
    NoItaContent,
    /// The worker process reading the document ran out of its memory limit
    /// (`--max-memory`) and was stopped.
    MemoryLimit,
    /// The worker process reading the document died (a stack overflow, a kill from
    /// outside): nothing of the document could be kept.
    Crashed,
    /// Bytes of a text input that do not decode in its encoding were replaced by U+FFFD.
    InvalidEncoding,
    /// A reader limit was reached (operators per content stream, glyphs per page, CMap
    /// entries, image pixels, table rows or columns, HTML depth): the rest was not read.
    LimitReached,
    /// An input was refused before reading: not a regular file (FIFO, device), or a
    /// link not followed.
    InputRefused,
    /// Two statements of one score disagree, the scores do not add up to the total, a
    /// level contradicts the score, or a stated difference is not the difference; the
    /// flag names both places.
    ScoreInconsistent,
    /// A results-table row whose rank or level could not be read (kept as null).
    ResultUnreadable,
}

impl FlagCode {
    /// Whether the flag (at warning or above) says part of the document went unread or
    /// holds nothing to read, so the document is `partial`. A reader's `parse_error` or
    /// `timeout` warning (a page missing, content not read to its end) counts: such a
    /// document is never a silent `ok` (issue 14).
    pub fn makes_partial(self) -> bool {
        matches!(
            self,
            FlagCode::NoTextLayer
                | FlagCode::NoItaContent
                | FlagCode::TooLarge
                | FlagCode::InvalidEncoding
                | FlagCode::LimitReached
                | FlagCode::ParseError
                | FlagCode::Timeout
        )
    }

    /// The code as written in the output (`"foreign_script"`).
    pub fn as_str(self) -> &'static str {
        match self {
            FlagCode::ForeignScript => "foreign_script",
            FlagCode::RepeatedText => "repeated_text",
            FlagCode::OtherAgency => "other_agency",
            FlagCode::LocationMismatch => "location_mismatch",
            FlagCode::ItemCodeCorrected => "item_code_corrected",
            FlagCode::StatusMissing => "status_missing",
            FlagCode::StatusConflict => "status_conflict",
            FlagCode::StatusContradictsText => "status_contradicts_text",
            FlagCode::ItemMissing => "item_missing",
            FlagCode::ItemDuplicate => "item_duplicate",
            FlagCode::YearMismatch => "year_mismatch",
            FlagCode::UnmappedGlyph => "unmapped_glyph",
            FlagCode::NoTextLayer => "no_text_layer",
            FlagCode::ParseError => "parse_error",
            FlagCode::Encrypted => "encrypted",
            FlagCode::Timeout => "timeout",
            FlagCode::TooLarge => "too_large",
            FlagCode::UnknownCatalogue => "unknown_catalogue",
            FlagCode::OcrText => "ocr_text",
            FlagCode::OcrEngine => "ocr_engine",
            FlagCode::NoItaContent => "no_ita_content",
            FlagCode::MemoryLimit => "memory_limit",
            FlagCode::Crashed => "crashed",
            FlagCode::InvalidEncoding => "invalid_encoding",
            FlagCode::LimitReached => "limit_reached",
            FlagCode::InputRefused => "input_refused",
            FlagCode::ScoreInconsistent => "score_inconsistent",
            FlagCode::ResultUnreadable => "result_unreadable",
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Flag {
    pub code: FlagCode,
    pub severity: Severity,
    pub message: String,
    /// Where the problem is; null for whole-document problems.
    pub span: Option<Span>,
}

impl Flag {
    pub fn new(
        code: FlagCode,
        severity: Severity,
        message: impl Into<String>,
        span: Option<Span>,
    ) -> Self {
        Flag {
            code,
            severity,
            message: message.into(),
            span,
        }
    }
}
