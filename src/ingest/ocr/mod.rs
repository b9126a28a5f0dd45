//! Scanned PDF pages (issue 6): pages with no text layer are rendered from their
//! images and read by a real OCR engine (Tesseract, run as a process), into the same
//! [`PageText`] flavour the PDF text reader produces, with boxes in PDF points.
//!
//! ```text
//! pdf bytes ─page_images─▶ PageImage (gray raster, ~300 dpi, images composed at their CTM)
//!           ─ocr_page────▶ tesseract TSV ─▶ words ─▶ ticks from pixels ─▶ lines, TAB cells
//!                          ─▶ OcrPage { PageText + boxes, ticks with confidence }
//! report.pdf ─sidecar_text─▶ report.md / report.txt beside it (OCR text from elsewhere)
//! ```
//!
//! The PDF reader (`ingest::pdf`) decides which pages need this, with [`is_image_only`]
//! on each page's [`PageProfile`] and its own text. [`scores::score_table`] reads the
//! OCR of a results table (number, name, IIT, EIT, OIT, total, level) and repairs
//! misread digits with the rule IIT + EIT + OIT = total.

pub mod cells;
pub mod decode;
pub mod digits;
pub mod layout;
pub mod levels;
pub mod raster;
pub mod scores;
pub mod tesseract;
pub mod ticks;

pub use raster::{page_images, page_profiles, PageImage, PageProfile, RenderWarning};
pub use scores::{score_table, ScoreRow};
pub use tesseract::{engine_available, INSTALL_HINT};
pub use ticks::{Tick, TickState};

use crate::cli::OcrMode;
use crate::source::PageText;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How OCR runs.
#[derive(Debug, Clone)]
pub struct OcrOptions {
    /// `auto`: use Tesseract where installed; `off`: never; `tesseract`: require it.
    pub mode: OcrMode,
    /// Raster resolution, as if the page were on A4 paper.
    pub dpi: u32,
    /// The engine binary; `None` finds `tesseract` on `PATH`.
    pub tesseract_path: Option<PathBuf>,
    /// Time budget for one page.
    pub timeout: Duration,
    /// Tesseract languages (`-l`).
    pub languages: String,
    /// Tesseract page segmentation mode (`--psm`); 4 = one column of text of
    /// variable sizes, which keeps table rows together.
    pub psm: u32,
    /// Run the engine under `nice -n N` (shared machines).
    pub niceness: Option<i32>,
    /// Straighten skewed scans before reading them (±3°). Off by default: Tesseract
    /// copes with small skew, ruling lines are traced across it, and resampling blurs.
    pub deskew: bool,
    /// Most pixels of one page raster; larger pages are rendered at a lower resolution,
    /// flagged `limit_reached`.
    pub max_pixels: u64,
    /// Most pixels of one decoded image; a larger one is not drawn, flagged
    /// `limit_reached`.
    pub max_image_pixels: u64,
    /// Largest decompressed stream, in bytes.
    pub max_stream_bytes: usize,
}

impl Default for OcrOptions {
    fn default() -> Self {
        OcrOptions {
            mode: OcrMode::Auto,
            dpi: 300,
            tesseract_path: None,
            timeout: Duration::from_secs(120),
            languages: "tha+eng".to_string(),
            psm: 4,
            niceness: None,
            deskew: false,
            max_pixels: 40_000_000,
            max_image_pixels: 64_000_000,
            max_stream_bytes: 256 * 1024 * 1024,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    #[error("ocr engine not found ({0}); {hint}", hint = INSTALL_HINT)]
    EngineMissing(String),
    #[error("ocr language data missing ({0}); {hint}", hint = INSTALL_HINT)]
    LanguageMissing(String),
    #[error("ocr is turned off (--ocr off)")]
    Disabled,
    #[error("ocr engine failed: {0}")]
    Engine(String),
    #[error("ocr engine took longer than {0} s on one page")]
    Timeout(u64),
    #[error("ocr i/o: {0}")]
    Io(std::io::Error),
    #[error("pdf for ocr: {0}")]
    Pdf(String),
    #[error("page {0} not found")]
    PageNotFound(u32),
}

/// One page read by the OCR engine.
#[derive(Debug, Clone)]
pub struct OcrPage {
    /// The page text (lines, TAB-separated cells, ☐/☑ before status labels) with boxes.
    pub text: PageText,
    /// Checkboxes found in the pixels beside status labels, with their state.
    pub ticks: Vec<Tick>,
    /// Words the engine recognised.
    pub words: usize,
    /// Mean word confidence of the engine, 0..100.
    pub mean_confidence: f32,
    /// What rendering left out (undecodable or oversized images, a page over the
    /// pixel limit); each becomes a flag of the document.
    pub warnings: Vec<RenderWarning>,
    /// Table cells whose engine reading was replaced by a reading of the cell alone
    /// (shaded or wrapped header cells, level cells, years in running text): a repair,
    /// reported in the `ocr_engine` flag.
    pub cells_reread: usize,
}

/// Render and read the given pages (1-based) of a PDF, one after another. For a batch,
/// callers run pages in parallel themselves ([`page_images`] + [`ocr_page`] per page).
/// With `--ocr auto` and no engine installed this returns [`OcrError::EngineMissing`]
/// before rendering anything, so the caller can flag the pages `no_text_layer`.
pub fn ocr_pdf_pages(
    bytes: &[u8],
    page_numbers: &[u32],
    opts: &OcrOptions,
) -> Result<Vec<OcrPage>, OcrError> {
    if opts.mode == OcrMode::Off {
        return Err(OcrError::Disabled);
    }
    tesseract::find_engine(opts)?;
    let mut out = Vec::with_capacity(page_numbers.len());
    for &n in page_numbers {
        let img = page_images(bytes, &[n], opts)?.remove(0);
        out.push(ocr_page(&img, opts)?);
    }
    Ok(out)
}

/// Run the OCR engine on one page image.
pub fn ocr_page(img: &PageImage, opts: &OcrOptions) -> Result<OcrPage, OcrError> {
    if opts.mode == OcrMode::Off {
        return Err(OcrError::Disabled);
    }
    let words = tesseract::run(img, opts)?;
    let (words, reread) = cells::reread_shaded_cells(img, words, opts);
    let (words, levels) = levels::reread_level_cells(img, words, opts);
    let digit_h = digit_height(&words);
    let (words, years) = digits::reread_year_words(img, words, digit_h);
    let mut page = page_from_words(img, words);
    page.cells_reread = reread + levels + years;
    Ok(page)
}

/// Lines, cells and ticks from the engine's words (separated from [`ocr_page`] so it
/// can be tested without the engine).
pub fn page_from_words(img: &PageImage, mut words: Vec<Word>) -> OcrPage {
    let n = words.len();
    let mean_confidence = if n == 0 {
        0.0
    } else {
        words.iter().map(|w| w.conf).sum::<f32>() / n as f32
    };
    let mut found = ticks::find_ticks(img, &words);
    ticks::replace_box_words(&mut words, &found);
    let shaped = ticks::find_shape_boxes(img, &words, &found);
    ticks::replace_shape_box_words(&mut words, &shaped);
    found.extend(shaped);
    let vrules = layout::vertical_rules(img, &words);
    found.extend(ticks::find_column_ticks(img, &mut words, &vrules));
    found.extend(ticks::find_cell_marks(img, &mut words, &vrules));
    let digit_h = digit_height(&words);
    let words = digits::reread_number_cells(img, words, &vrules, digit_h);
    let words = digits::reread_code_cells(img, words, &vrules, digit_h);
    let text = layout::page_text_with_rules(img, &words, &vrules);
    let ticks = ticks::locate(found, &text);
    OcrPage {
        text,
        ticks,
        words: n,
        mean_confidence,
        warnings: img.warnings.clone(),
        cells_reread: 0,
    }
}

pub use tesseract::Word;

/// Height of a digit on the page: the median height of words made of Thai digits,
/// else half the median word height (digits are x-height glyphs).
fn digit_height(words: &[Word]) -> i64 {
    let mut h: Vec<i64> = words
        .iter()
        .filter(|w| {
            w.text
                .chars()
                .all(|c| crate::vocab::chars::is_thai_digit(c) || c == '.')
        })
        .map(|w| w.height)
        .collect();
    h.sort_unstable();
    h.get(h.len() / 2)
        .copied()
        .unwrap_or_else(|| layout::median_height(words) / 2)
        .max(6)
}

/// Whether a page needs OCR: its images cover most of the page and its text layer is
/// empty or only a short stamp (a receiving stamp, a page number, a scanner's line).
/// `extracted_text` is the text the PDF reader got from the page, if it read it.
pub fn is_image_only(profile: &PageProfile, extracted_text: Option<&str>) -> bool {
    if profile.images == 0 || profile.image_coverage < 0.5 {
        return false;
    }
    match extracted_text {
        Some(t) => {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count();
            let lines = t.lines().filter(|l| !l.trim().is_empty()).count();
            chars <= 160 && lines <= 6
        }
        // Without decoded text, the raw string bytes stand in (two bytes per glyph
        // for Identity-H fonts).
        None => profile.text_bytes <= 320 && profile.text_ops <= 60,
    }
}

/// Largest OCR text file read beside a PDF (a 1 GB sidecar once aborted the process).
pub const SIDECAR_MAX_BYTES: u64 = 16_000_000;

/// OCR text supplied beside a PDF: `report.md`, then `report.txt` for `report.pdf`.
/// Returns the file and its bytes, to be read as any text input is (so that its
/// encoding and bad bytes are flagged); files without text are ignored. Only regular files are read: a
/// symbolic link, a FIFO or a device is never opened, nor a file over
/// [`SIDECAR_MAX_BYTES`] (its pages then stay without text, flagged `no_text_layer`).
pub fn sidecar_text(pdf_path: &Path) -> Option<(PathBuf, Vec<u8>)> {
    use std::io::Read;
    for ext in ["md", "txt", "MD", "TXT"] {
        let p = pdf_path.with_extension(ext);
        if p == pdf_path {
            continue;
        }
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_file() && m.len() <= SIDECAR_MAX_BYTES => {}
            _ => continue,
        }
        let Ok(file) = std::fs::File::open(&p) else {
            continue;
        };
        let mut bytes = Vec::new();
        // The file may have grown since it was measured: never read past the limit.
        if file
            .take(SIDECAR_MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .is_err()
            || bytes.len() as u64 > SIDECAR_MAX_BYTES
        {
            continue;
        }
        if !crate::ingest::text::decode_to_string(&bytes)
            .trim()
            .is_empty()
        {
            return Some((p, bytes));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_only_detection() {
        let scan = PageProfile {
            page: 1,
            text_bytes: 0,
            text_ops: 0,
            images: 1,
            image_coverage: 0.98,
        };
        let stamp = PageProfile {
            text_bytes: 120,
            text_ops: 6,
            ..scan.clone()
        };
        let born = PageProfile {
            text_bytes: 9000,
            text_ops: 400,
            images: 1,
            image_coverage: 0.1,
            page: 1,
        };
        let cases: &[(&PageProfile, Option<&str>, bool)] = &[
            (&scan, None, true),
            (&scan, Some(""), true),
            (
                &stamp,
                Some("๒๕๘๗\n๐๙.๑๕ น.\n- สอศ. แจ้งผลประเมิน ITA\n"),
                true,
            ),
            (&stamp, None, true),
            (&scan, Some(&"ข้อความ ".repeat(80)), false),
            (&born, None, false),
            (&born, Some(""), false),
        ];
        for (p, t, want) in cases {
            assert_eq!(is_image_only(p, *t), *want, "{p:?} {t:?}");
        }
    }

    #[test]
    fn sidecar_found_beside_pdf() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("report.pdf");
        std::fs::write(&pdf, b"%PDF-1.4").unwrap();
        assert!(sidecar_text(&pdf).is_none());
        std::fs::write(dir.path().join("report.txt"), "txt").unwrap();
        assert_eq!(sidecar_text(&pdf).unwrap().1, b"txt");
        std::fs::write(dir.path().join("report.md"), "  \n").unwrap();
        assert_eq!(sidecar_text(&pdf).unwrap().1, b"txt", "empty md is skipped");
        std::fs::write(dir.path().join("report.md"), "# md").unwrap();
        assert_eq!(sidecar_text(&pdf).unwrap().0, dir.path().join("report.md"));
        // A link is not followed, whatever it points at; a file over the limit is not read.
        #[cfg(unix)]
        {
            let other = dir.path().join("elsewhere.txt");
            std::fs::write(&other, "secret").unwrap();
            let linked = dir.path().join("linked.pdf");
            std::os::unix::fs::symlink(&other, dir.path().join("linked.txt")).unwrap();
            assert!(sidecar_text(&linked).is_none());
            let big = dir.path().join("big.pdf");
            let f = std::fs::File::create(dir.path().join("big.txt")).unwrap();
            f.set_len(SIDECAR_MAX_BYTES + 1).unwrap();
            assert!(sidecar_text(&big).is_none());
        }
    }

    #[test]
    fn bad_pdfs_are_errors_not_panics() {
        let opts = OcrOptions::default();
        let cases: &[&[u8]] = &[
            b"",
            b"not a pdf",
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog",
            &[0xff; 64],
        ];
        for bytes in cases {
            assert!(page_images(bytes, &[1], &opts).is_err());
            assert!(page_profiles(bytes, &[], &opts).is_err());
        }
    }

    #[test]
    fn off_mode_refuses() {
        let img = PageImage::from_pixels(1, 4, 4, vec![255; 16], 1.0);
        let opts = OcrOptions {
            mode: OcrMode::Off,
            ..OcrOptions::default()
        };
        assert!(matches!(ocr_page(&img, &opts), Err(OcrError::Disabled)));
    }

    #[test]
    fn missing_engine_says_how_to_install() {
        let img = PageImage::from_pixels(1, 4, 4, vec![255; 16], 1.0);
        let opts = OcrOptions {
            tesseract_path: Some("/nonexistent/tesseract".into()),
            ..OcrOptions::default()
        };
        let err = ocr_page(&img, &opts).unwrap_err().to_string();
        assert!(
            err.contains("apt-get install tesseract-ocr tesseract-ocr-tha"),
            "{err}"
        );
    }
}
