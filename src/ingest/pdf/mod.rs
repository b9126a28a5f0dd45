//! Born-digital PDF input (issue 5). Stub: every PDF is reported as not yet supported.

use crate::diagnostic::{Flag, FlagCode};
use crate::model::TextOrigin;
use crate::source::PageText;

/// Limits for reading one PDF.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// Largest decompressed stream, in bytes.
    pub max_stream_bytes: usize,
    /// Most pages read.
    pub max_pages: usize,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            max_stream_bytes: 64 * 1024 * 1024,
            max_pages: 5000,
        }
    }
}

/// A PDF read into pages of text with boxes.
#[derive(Debug, Clone)]
pub struct PdfPages {
    pub pages: Vec<PageText>,
    pub text_origin: TextOrigin,
    pub flags: Vec<Flag>,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("pdf reading is not implemented yet")]
    Unsupported,
    #[error("not a pdf: {0}")]
    NotPdf(String),
    #[error("malformed pdf: {0}")]
    Malformed(String),
    #[error("encrypted pdf: {0}")]
    Encrypted(String),
    #[error("pdf too large: {0}")]
    TooLarge(String),
}

impl PdfError {
    pub fn flag_code(&self) -> FlagCode {
        match self {
            PdfError::Encrypted(_) => FlagCode::Encrypted,
            PdfError::TooLarge(_) => FlagCode::TooLarge,
            _ => FlagCode::ParseError,
        }
    }
}

pub fn read_pdf(_bytes: &[u8], _opts: &PdfOptions) -> Result<PdfPages, PdfError> {
    Err(PdfError::Unsupported)
}
