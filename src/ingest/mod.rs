//! Bytes to pages of raw text: the only place that understands file formats. PDF crate
//! types never leave this module.

pub mod ocr;
pub mod pdf;
pub mod text;
