//! One document from bytes to the [`Document`] contract:
//!
//! ```text
//! bytes ──ingest──▶ pages of raw text (+ boxes for PDFs)
//!       ──extract─▶ agency, year, score, level, measures, indicators, OIT items, dates
//!       ──validate▶ flags
//! ```
//!
//! Nothing here panics on bad input: a document that cannot be read becomes a `failed`
//! report with a flag saying why.

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::extract;
use crate::ingest;
use crate::ingest::ocr::ticks::TickState;
use crate::layout;
use crate::model::{
    Agency, DocStatus, Document, PixelCheckbox, Source, SourceFormat, TextOrigin, SCHEMA_VERSION,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

pub mod scanned;

/// Options for processing one document.
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: u64,
    /// Limits for the PDF reader.
    pub pdf: ingest::pdf::PdfOptions,
    /// OCR for pages without a text layer (`--ocr`).
    pub ocr: ingest::ocr::OcrOptions,
    /// How much of a text input is read (`--max-input-mb`, `--max-line-kb`).
    pub text: ingest::text::TextLimits,
    /// Limits of the table reader for OCR text (rows, cells, HTML nesting).
    pub layout: layout::text::LayoutLimits,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        PipelineOptions {
            max_input_bytes: 512 * 1024 * 1024,
            pdf: ingest::pdf::PdfOptions::default(),
            ocr: ingest::ocr::OcrOptions::default(),
            text: ingest::text::TextLimits::default(),
            layout: layout::text::LayoutLimits::default(),
        }
    }
}

/// The sha256 of `bytes`, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Read and process the file at `path`. I/O errors become a `failed` document.
pub fn process_path(path: &Path, opts: &PipelineOptions) -> Document {
    let label = path.to_string_lossy().into_owned();
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > opts.max_input_bytes => {
            return failed(
                &label,
                "",
                SourceFormat::Text,
                FlagCode::TooLarge,
                format!(
                    "file is {} bytes, over the limit of {}",
                    meta.len(),
                    opts.max_input_bytes
                ),
            )
        }
        Ok(_) => {}
        Err(err) => {
            return failed(
                &label,
                "",
                SourceFormat::Text,
                FlagCode::ParseError,
                format!("cannot read file: {err}"),
            )
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => process_bytes(&label, &bytes, opts),
        Err(err) => failed(
            &label,
            "",
            SourceFormat::Text,
            FlagCode::ParseError,
            format!("cannot read file: {err}"),
        ),
    }
}

/// Whether bytes look like a PDF: `%PDF-` within the first 1024 bytes (PDF 32000-1
/// §7.5.2 allows leading garbage, which real files carry).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Process a document given as bytes; `path` is only recorded.
pub fn process_bytes(path: &str, bytes: &[u8], opts: &PipelineOptions) -> Document {
    process_bytes_with_layout(path, bytes, opts).0
}

/// [`process_bytes`], keeping the layout model the values were read from (None when the
/// document could not be read): the review report draws its pages from it.
pub fn process_bytes_with_layout(
    path: &str,
    bytes: &[u8],
    opts: &PipelineOptions,
) -> (Document, Option<layout::Doc>) {
    let sha = sha256_hex(bytes);
    if looks_like_pdf(bytes) {
        match ingest::pdf::read_pdf(bytes, &opts.pdf) {
            Ok(mut pdf) => {
                let scan = scanned::fill_scanned_pages(path, bytes, &mut pdf, &opts.ocr);
                let page_origins = pdf
                    .pages
                    .iter()
                    .map(|p| {
                        if pdf.text_origin == TextOrigin::OcrText {
                            TextOrigin::OcrText
                        } else if scan.engine_pages.contains(&p.number) {
                            TextOrigin::OcrEngine
                        } else if p.text.trim().is_empty() {
                            TextOrigin::None
                        } else {
                            TextOrigin::PdfText
                        }
                    })
                    .collect();
                if pdf.pages.iter().all(|p| p.text.trim().is_empty()) && pdf.flags.is_empty() {
                    // Never silently empty: a PDF that opens (perhaps rebuilt from a damaged
                    // file) but shows no text at all is reported, not passed as ok.
                    pdf.flags.push(Flag::new(
                        FlagCode::NoTextLayer,
                        Severity::Warning,
                        format!(
                            "no text on any of the {} page(s) and no page image to read",
                            pdf.pages.len()
                        ),
                        None,
                    ));
                }
                let source = Source {
                    path: path.to_string(),
                    sha256: sha,
                    format: SourceFormat::Pdf,
                    pages: pdf.pages.len() as u32,
                    text_origin: pdf.text_origin,
                    page_text_origin: page_origins,
                    encoding: None,
                };
                let layout = layout_of_pdf(&mut pdf, &opts.layout);
                let mut doc = extract::extract(source, &layout, pdf.flags);
                doc.pixel_checkboxes = scan
                    .ticks
                    .into_iter()
                    .map(|(n, t)| PixelCheckbox {
                        state: match t.state {
                            TickState::Ticked => "ticked",
                            TickState::Empty => "empty",
                        }
                        .to_string(),
                        confidence: (f64::from(t.confidence) * 100.0).round() / 100.0,
                        label: t.label,
                        span: layout.pages.iter().find(|p| p.number() == n).map(|p| {
                            let mut span = p.raw.span(t.byte_range.clone().unwrap_or(0..0));
                            span.bbox = Some(t.bbox.rounded());
                            span
                        }),
                    })
                    .collect();
                (doc, Some(layout))
            }
            Err(err) => (
                failed(
                    path,
                    &sha,
                    SourceFormat::Pdf,
                    err.flag_code(),
                    err.to_string(),
                ),
                None,
            ),
        }
    } else {
        match ingest::text::read_text_decoded(bytes, &opts.text) {
            Ok(ingest::text::TextRead {
                pages,
                flags: limit_flags,
                encoding,
            }) => {
                let source = Source {
                    path: path.to_string(),
                    sha256: sha,
                    format: SourceFormat::Text,
                    pages: pages.len() as u32,
                    text_origin: TextOrigin::OcrText,
                    page_text_origin: Vec::new(),
                    encoding: (encoding != ingest::text::TextEncoding::Utf8)
                        .then(|| encoding.as_str().to_string()),
                };
                // Text past a limit was not read: the document is partial (issue 13).
                let cut = !limit_flags.is_empty();
                let mut layout = layout::Doc {
                    pages: pages
                        .into_iter()
                        .map(|p| layout::text::page_within(p, &opts.layout))
                        .collect(),
                };
                let mut flags = limit_flags;
                flags.extend(layout.take_flags());
                let mut doc = extract::extract(source, &layout, flags);
                if cut && doc.status == DocStatus::Ok {
                    doc.status = DocStatus::Partial;
                }
                (doc, Some(layout))
            }
            Err(err) => (
                failed(
                    path,
                    &sha,
                    SourceFormat::Text,
                    FlagCode::ParseError,
                    err.to_string(),
                ),
                None,
            ),
        }
    }
}

/// A PDF's pages in the layout model: the rows and checkboxes the reader placed, or, for
/// pages whose text came from OCR, the text reader's rows (within `limits`; the limits
/// reached join `pdf.flags`). The pages move into the model (`pdf.pages` is left empty),
/// so no page text is copied.
pub fn layout_of_pdf(
    pdf: &mut ingest::pdf::PdfPages,
    limits: &layout::text::LayoutLimits,
) -> layout::Doc {
    let placed = std::mem::take(&mut pdf.placed);
    let mut placed = placed.into_iter();
    let mut doc = layout::Doc {
        pages: std::mem::take(&mut pdf.pages)
            .into_iter()
            .map(|raw| match placed.next().flatten() {
                Some(placement) => layout::pdf::page(raw, &placement),
                None => layout::text::page_within(raw, limits),
            })
            .collect(),
    };
    pdf.flags.extend(doc.take_flags());
    doc
}

/// A `failed` report with one error flag.
pub fn failed(
    path: &str,
    sha256: &str,
    format: SourceFormat,
    code: FlagCode,
    message: String,
) -> Document {
    Document {
        schema_version: SCHEMA_VERSION,
        source: Source {
            path: path.to_string(),
            sha256: sha256.to_string(),
            format,
            pages: 0,
            text_origin: TextOrigin::None,
            page_text_origin: Vec::new(),
            encoding: None,
        },
        status: DocStatus::Failed,
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
        flags: vec![Flag::new(code, Severity::Error, message, None)],
        repairs: BTreeMap::new(),
        pixel_checkboxes: Vec::new(),
        doc_kind: None,
        doc_kind_rule: None,
        evidence_for: None,
        results: Vec::new(),
        assessment: None,
    }
}
