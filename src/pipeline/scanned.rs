//! Pages without a text layer (scanned reports): detected after the PDF reader, then read
//! from OCR text supplied beside the PDF (`report.md` / `report.txt` for `report.pdf`), or
//! by the OCR engine (Tesseract), pages in parallel on the rayon pool. Where neither is
//! available the pages keep a `no_text_layer` flag and the document is `partial`.

use crate::cli::OcrMode;
use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::ingest::ocr::ticks::Tick;
use crate::ingest::ocr::{self, OcrError, OcrOptions};
use crate::ingest::pdf::PdfPages;
use crate::ingest::text::read_text;
use crate::model::TextOrigin;
use rayon::prelude::*;
use std::path::Path;

/// Most characters of text a page may carry and still be a scan (a receiving stamp).
const STAMP_CHARS: usize = 160;

/// What OCR did to a PDF's pages.
#[derive(Debug, Default)]
pub struct Scanned {
    /// Pages whose text now comes from the OCR engine.
    pub engine_pages: Vec<u32>,
    /// Checkboxes read from the pixels, by page number.
    pub ticks: Vec<(u32, Tick)>,
}

/// Replace the text of image-only pages by OCR text, and say so in flags.
pub fn fill_scanned_pages(
    path: &str,
    bytes: &[u8],
    pdf: &mut PdfPages,
    opts: &OcrOptions,
) -> Scanned {
    let short: Vec<u32> = pdf
        .pages
        .iter()
        .filter(|p| p.text.chars().filter(|c| !c.is_whitespace()).count() <= STAMP_CHARS)
        .map(|p| p.number)
        .collect();
    if short.is_empty() {
        return Scanned::default();
    }
    let Ok(profiles) = ocr::page_profiles(bytes, &short, opts) else {
        return Scanned::default();
    };
    let targets: Vec<u32> = profiles
        .iter()
        .filter(|pr| {
            let text = pdf
                .pages
                .iter()
                .find(|p| p.number == pr.page)
                .map(|p| p.text.as_str());
            ocr::is_image_only(pr, text)
        })
        .map(|pr| pr.page)
        .collect();
    if targets.is_empty() {
        return Scanned::default();
    }
    // The reader's own no_text_layer flags are replaced by what happens next.
    pdf.flags.retain(|f| f.code != FlagCode::NoTextLayer);

    if let Some((side, text)) = ocr::sidecar_text(Path::new(path)) {
        if let Ok(pages) = read_text(text.as_bytes()) {
            pdf.flags.push(Flag::new(
                FlagCode::OcrText,
                Severity::Info,
                format!(
                    "{} of {} page(s) have no text layer: the text of {} is used for the whole document",
                    targets.len(),
                    pdf.pages.len(),
                    side.display()
                ),
                None,
            ));
            pdf.placed = vec![None; pages.len()];
            pdf.pages = pages;
            pdf.text_origin = TextOrigin::OcrText;
            return Scanned::default();
        }
    }

    let missing = |pdf: &mut PdfPages, pages: &[u32], why: &str, severity: Severity| {
        for n in pages {
            pdf.flags.push(Flag::new(
                FlagCode::NoTextLayer,
                severity,
                format!("page {n}: no text layer; {why}"),
                None,
            ));
        }
    };
    if opts.mode == OcrMode::Off {
        missing(pdf, &targets, "OCR is off (--ocr off)", Severity::Warning);
        return Scanned::default();
    }
    let results: Vec<(u32, Result<ocr::OcrPage, OcrError>)> = targets
        .par_iter()
        .map(|&n| {
            let page = ocr::page_images(bytes, &[n], opts).and_then(|mut imgs| {
                let img = imgs.pop().ok_or(OcrError::PageNotFound(n))?;
                ocr::ocr_page(&img, opts)
            });
            (n, page)
        })
        .collect();
    let mut read = Vec::new();
    let mut ticks = Vec::new();
    let mut engine_pages = Vec::new();
    for (n, result) in results {
        match result {
            Ok(page) => {
                if let Some(i) = pdf.pages.iter().position(|p| p.number == n) {
                    let mut text = page.text.clone();
                    text.number = n;
                    pdf.pages[i] = text;
                    if let Some(slot) = pdf.placed.get_mut(i) {
                        *slot = None;
                    }
                }
                read.push(format!("{n} ({:.0}%)", page.mean_confidence));
                ticks.extend(page.ticks.into_iter().map(|t| (n, t)));
                engine_pages.push(n);
            }
            Err(err) => {
                let severity = if opts.mode == OcrMode::Tesseract {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                missing(pdf, &[n], &err.to_string(), severity);
            }
        }
    }
    if !read.is_empty() {
        pdf.text_origin = TextOrigin::OcrEngine;
        pdf.flags.push(Flag::new(
            FlagCode::OcrEngine,
            Severity::Info,
            format!(
                "page(s) read by Tesseract (mean word confidence): {}",
                read.join(", ")
            ),
            None,
        ));
    }
    Scanned {
        engine_pages,
        ticks,
    }
}
