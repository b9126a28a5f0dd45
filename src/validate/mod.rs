//! Rules run on an extracted document, one file per flag code. Each rule reads the
//! [`Document`] and adds its flags; [`validate`] then settles the document's status.
//!
//! Rules here: [`no_ita_content`]; for the assessment block of analysis reports
//! (`score_inconsistent`) [`tool_sum`], [`level_rule`], [`stated_difference`]. (A value
//! stated twice with different numbers is flagged by the assessment reader, which sees
//! both places.) (The flags raised while reading tables, such as
//! `status_missing` or `item_code_corrected`, are raised by the extractor where the
//! evidence is, and are counted here like any other.)

pub mod level_rule;
pub mod no_ita_content;
pub mod stated_difference;
pub mod tool_sum;

use crate::diagnostic::Severity;
use crate::layout::Doc;
use crate::model::{DocStatus, Document};

/// Run every rule, then set the status: `partial` where a flag says part of the document
/// could not be read (or holds nothing to read); a `failed` document stays failed.
pub fn validate(doc: &mut Document, layout: &Doc) {
    no_ita_content::check(doc, layout);
    tool_sum::check(doc);
    level_rule::check(doc);
    stated_difference::check(doc);
    if doc.status == DocStatus::Ok
        && doc
            .flags
            .iter()
            .any(|f| f.code.makes_partial() && f.severity >= Severity::Warning)
    {
        doc.status = DocStatus::Partial;
    }
}
