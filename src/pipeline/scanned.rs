//! Pages without a text layer (scanned reports): detected after the PDF reader, then read
//! from OCR text supplied beside the PDF (`report.md` / `report.txt` for `report.pdf`), or
//! by the OCR engine (Tesseract), pages in parallel on one process-wide OCR pool whose
//! size is the run's `-j`, so that no more engine processes than `-j` ever run at once,
//! however many documents are in flight. Where neither is available the pages keep a
//! `no_text_layer` flag and the document is `partial`.

use crate::cli::OcrMode;
use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::ingest::ocr::ticks::Tick;
use crate::ingest::ocr::{self, OcrError, OcrOptions};
use crate::ingest::pdf::PdfPages;
use crate::ingest::text::{read_text_limited, TextLimits};
use crate::model::TextOrigin;
use rayon::prelude::*;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Engine processes that may run at once; 0 = one per core.
static OCR_JOBS: AtomicUsize = AtomicUsize::new(0);
static OCR_POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();

/// Let at most `jobs` OCR engine processes run at once in this process (0: one per
/// core). Called with the run's `-j` before the first document; later calls, once a page
/// has been read, do not resize the pool.
pub fn limit_ocr_engines(jobs: usize) {
    OCR_JOBS.store(jobs, Ordering::Relaxed);
}

/// The pool every OCR page runs on: pages of all documents share its threads. `None`
/// where the OS refused the threads: pages are then read one at a time by the caller.
fn ocr_pool() -> Option<&'static rayon::ThreadPool> {
    OCR_POOL
        .get_or_init(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(OCR_JOBS.load(Ordering::Relaxed))
                .thread_name(|i| format!("ita-ocr-{i}"))
                .build()
                .ok()
        })
        .as_ref()
}

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
        .filter(|p| !pdf.image_free.contains(&p.number))
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

    if let Some((side, bytes)) = ocr::sidecar_text(Path::new(path)) {
        // Read as any text input: an encoding it cannot decode is said (invalid_encoding).
        if let Ok((pages, flags)) = read_text_limited(&bytes, &TextLimits::NONE) {
            pdf.flags.extend(flags.into_iter().map(|mut f| {
                f.message = format!("{}: {}", side.display(), f.message);
                f
            }));
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
    let read_page = |&n: &u32| {
        let page = ocr::page_images(bytes, &[n], opts).and_then(|mut imgs| {
            let img = imgs.pop().ok_or(OcrError::PageNotFound(n))?;
            ocr::ocr_page(&img, opts)
        });
        (n, page)
    };
    let results: Vec<(u32, Result<ocr::OcrPage, OcrError>)> = match ocr_pool() {
        Some(pool) => pool.install(|| targets.par_iter().map(read_page).collect()),
        None => targets.iter().map(read_page).collect(),
    };
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
                read.push(if page.cells_reread > 0 {
                    format!(
                        "{n} ({:.0}%, {} cell(s) re-read alone)",
                        page.mean_confidence, page.cells_reread
                    )
                } else {
                    format!("{n} ({:.0}%)", page.mean_confidence)
                });
                // What the renderer left out of the page is the document's too.
                for w in &page.warnings {
                    pdf.flags.push(Flag::new(
                        w.code,
                        Severity::Warning,
                        w.message.clone(),
                        None,
                    ));
                }
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
