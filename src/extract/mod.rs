//! Pages of raw text to the document contract: agency, fiscal year, score, level,
//! measures, indicators, OIT items, dates and flags.

use crate::diagnostic::Flag;
use crate::model::{Agency, DocStatus, Document, Source, SCHEMA_VERSION};
use crate::source::PageText;
use std::collections::BTreeMap;

/// Extract everything from the pages of one document.
pub fn extract(source: Source, _pages: &[PageText], flags: Vec<Flag>) -> Document {
    Document {
        schema_version: SCHEMA_VERSION,
        source,
        status: DocStatus::Ok,
        agency: Agency::default(),
        fiscal_year: None,
        fiscal_year_span: None,
        overall_score: None,
        overall_score_span: None,
        level: None,
        level_span: None,
        catalogue: None,
        measures: Vec::new(),
        indicators: Vec::new(),
        oit_items: Vec::new(),
        dates: Vec::new(),
        flags,
        repairs: BTreeMap::new(),
    }
}
