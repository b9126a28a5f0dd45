//! Born-digital PDF input (issue 5): lopdf parses the file; the content-stream
//! interpreter, fonts, layout and checkbox detection are ours. Each page becomes
//! OCR-style text (one line per visual line, table rows with TAB-separated cells,
//! checkboxes as ☐ ☑ ☒, Thai repaired) with a box per word or cell run.
//!
//! Nothing here panics or hangs on bad input: lopdf calls run under `catch_unwind`,
//! streams are inflated with a size cap, operators, forms and pages are bounded.

mod checkboxes;
mod cmap;
mod content;
mod encoding;
mod fonts;
mod glyphlist;
mod interpreter;
mod layout;
mod thai;
mod truetype;

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::layout::pdf::{PlacedBox, PlacedRow, Placement};
use crate::layout::{BoxMethod, Checkbox};
use crate::model::TextOrigin;
use crate::source::{BBox, PageText};
use interpreter::{FontCache, Glyph, Interpreter};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Limits for reading one PDF.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// Largest decompressed stream, in bytes.
    pub max_stream_bytes: usize,
    /// Most pages read.
    pub max_pages: usize,
    /// Time budget for one document, in seconds; the pages read by then are kept and the
    /// document is flagged `timeout`.
    pub max_seconds: f64,
    /// Most operators read from one page's content (its streams and forms together);
    /// the rest is not read and a `limit_reached` flag says so (issue 14: 30-50 million
    /// operators grew to gigabytes).
    pub max_ops: usize,
    /// Most glyphs kept for one page; past it, `limit_reached`.
    pub max_glyphs: usize,
    /// Most entries kept from one font's ToUnicode CMap (a `bfrange` may declare four
    /// billion); past it, `limit_reached` naming the font, and its other codes read
    /// as unmapped.
    pub max_cmap_entries: usize,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            max_stream_bytes: 64 * 1024 * 1024,
            max_pages: 5000,
            max_seconds: 120.0,
            max_ops: interpreter::MAX_OPS,
            max_glyphs: interpreter::MAX_GLYPHS,
            max_cmap_entries: cmap::MAX_ENTRIES,
        }
    }
}

/// A PDF read into pages of text with boxes.
#[derive(Debug, Clone)]
pub struct PdfPages {
    pub pages: Vec<PageText>,
    /// For each page, the rows and checkboxes the reader placed (None where the page's
    /// text came from elsewhere, as OCR text).
    pub placed: Vec<Option<Placement>>,
    pub text_origin: TextOrigin,
    pub flags: Vec<Flag>,
    /// Pages read to their end that draw no image at all: no scan, so OCR need not
    /// look at them again (`pipeline::scanned`).
    pub image_free: Vec<u32>,
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

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Load with lopdf, mapping its failures to [`PdfError`].
fn load(bytes: &[u8], opts: &PdfOptions) -> Result<Document, PdfError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf(
            "no %PDF- header in the first 1024 bytes".into(),
        ));
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(opts.max_stream_bytes),
        ..Default::default()
    };
    let loaded = catch_unwind(AssertUnwindSafe(|| {
        Document::load_mem_with_options(bytes, options)
    }));
    let doc = match loaded {
        Err(p) => {
            return Err(PdfError::Malformed(format!(
                "parser panicked: {}",
                panic_message(&*p)
            )))
        }
        Ok(Err(lopdf::Error::Decompress(e))) => {
            return Err(PdfError::TooLarge(format!("stream: {e}")))
        }
        Ok(Err(lopdf::Error::InvalidPassword)) => {
            return Err(PdfError::Encrypted(
                "a password is needed to open it".into(),
            ))
        }
        Ok(Err(e)) => return Err(PdfError::Malformed(e.to_string())),
        Ok(Ok(doc)) => doc,
    };
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfError::Encrypted(
            "the empty user password does not open it".into(),
        ));
    }
    Ok(doc)
}

/// The page's resources, inherited along `/Parent` (bounded).
fn page_resources<'a>(doc: &'a Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    let mut cur = page;
    for _ in 0..32 {
        if let Ok(r) = cur.get_deref(b"Resources", doc).and_then(Object::as_dict) {
            return Some(r);
        }
        cur = cur
            .get_deref(b"Parent", doc)
            .and_then(Object::as_dict)
            .ok()?;
    }
    None
}

/// An inheritable page attribute (`/Rotate`, `/MediaBox`), along `/Parent` (bounded).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut cur = page;
    for _ in 0..32 {
        if let Ok(o) = cur.get_deref(key, doc) {
            return Some(o);
        }
        cur = cur
            .get_deref(b"Parent", doc)
            .and_then(Object::as_dict)
            .ok()?;
    }
    None
}

/// The matrix that shows a page upright: `/Rotate` 90, 180 or 270 turned back within its
/// `/MediaBox`, so text runs left to right. Boxes of rotated pages are given in that
/// upright frame (what the reader sees), still in points from the bottom-left.
fn upright_matrix(doc: &Document, page: &Dictionary) -> [f64; 6] {
    let rotate = inherited(doc, page, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    let mb: Vec<f64> = inherited(doc, page, b"MediaBox")
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .filter_map(|o| o.as_float().ok())
                .map(f64::from)
                .collect()
        })
        .unwrap_or_default();
    let [x0, y0, x1, y1] = match mb.as_slice() {
        [a, b, c, d] if [a, b, c, d].iter().all(|v| v.is_finite()) => {
            [a.min(*c), b.min(*d), a.max(*c), b.max(*d)]
        }
        _ => [0.0, 0.0, 612.0, 792.0],
    };
    match rotate {
        90 => [0.0, -1.0, 1.0, 0.0, -y0, x1],
        180 => [-1.0, 0.0, 0.0, -1.0, x1, y1],
        270 => [0.0, 1.0, -1.0, 0.0, y1, -x0],
        _ => [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
    }
}

/// The page's content streams concatenated (space-separated), each inflated with the cap.
fn page_content(doc: &Document, page: &Dictionary, max: usize) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let mut failed = false;
    let push = |s: &lopdf::Stream, out: &mut Vec<u8>, failed: &mut bool| match s
        .decompressed_content_with_limit(max)
    {
        Ok(b) => {
            out.extend_from_slice(&b);
            out.push(b'\n');
        }
        Err(_) if s.dict.get(b"Filter").is_err() => {
            out.extend_from_slice(&s.content);
            out.push(b'\n');
        }
        Err(_) => *failed = true,
    };
    match page.get_deref(b"Contents", doc) {
        Ok(Object::Stream(s)) => push(s, &mut out, &mut failed),
        Ok(Object::Array(a)) => {
            for o in a.iter().take(10_000) {
                let o = match o {
                    Object::Reference(id) => doc.get_object(*id).ok(),
                    o => Some(o),
                };
                if let Some(Object::Stream(s)) = o {
                    push(s, &mut out, &mut failed);
                }
                if out.len() > max {
                    failed = true;
                    break;
                }
            }
        }
        _ => {}
    }
    (out, failed)
}

/// Words that only exist when a font maps SARA AA to SARA AM (Word's ToUnicode fault,
/// list `sara_am_for_sara_aa` of `data/vocab/words.tsv`): how many times they occur.
fn sara_am_for_sara_aa<'a>(lines: impl Iterator<Item = &'a str>) -> usize {
    let broken = crate::vocab::words("sara_am_for_sara_aa");
    lines
        .map(|l| broken.iter().map(|b| l.matches(b).count()).sum::<usize>())
        .sum()
}

/// Widgets and vector squares as checkbox glyphs.
fn extra_boxes(
    doc: &Document,
    page: &Dictionary,
    content: &interpreter::PageContent,
) -> Vec<Glyph> {
    let mut out = Vec::new();
    let mut push = |state: checkboxes::BoxState, r: [f64; 4], method| {
        let h = (r[3] - r[1]).max(1.0);
        out.push(Glyph {
            text: state.as_char().to_string(),
            bbox: r,
            base: r[1] + h * 0.15,
            size: h * 1.1,
            checkbox: Some(state),
            tick: false,
            zero_width: false,
            unmapped: false,
            box_method: method,
        });
    };
    let base = upright_matrix(doc, page);
    for w in checkboxes::page_widgets(doc, page) {
        let [x0, y0, x1, y1] = w.rect;
        let (ax, ay) = (
            base[0] * x0 + base[2] * y0 + base[4],
            base[1] * x0 + base[3] * y0 + base[5],
        );
        let (bx, by) = (
            base[0] * x1 + base[2] * y1 + base[4],
            base[1] * x1 + base[3] * y1 + base[5],
        );
        push(
            w.state,
            [ax.min(bx), ay.min(by), ax.max(bx), ay.max(by)],
            BoxMethod::Widget,
        );
    }
    let overlaps =
        |a: &[f64; 4], b: &[f64; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    for sq in &content.squares {
        if content.swatches.iter().any(|s| overlaps(s, &sq.rect)) {
            continue;
        }
        push(
            checkboxes::square_state(sq, &content.diagonals),
            sq.rect,
            BoxMethod::Vector,
        );
    }
    out
}

struct PageOut {
    lines: Vec<layout::OutLine>,
    flags: Vec<(FlagCode, Severity, String)>,
    has_text: bool,
    /// Read to its end (no limit, damage or cut) and drew no image.
    image_free: bool,
}

fn read_page(
    doc: &Document,
    page_id: ObjectId,
    fonts: &mut FontCache,
    opts: &PdfOptions,
    deadline: Option<std::time::Instant>,
) -> PageOut {
    let mut flags = Vec::new();
    let Ok(page) = doc.get_dictionary(page_id) else {
        flags.push((
            FlagCode::ParseError,
            Severity::Warning,
            "page object missing".into(),
        ));
        return PageOut {
            lines: Vec::new(),
            flags,
            has_text: false,
            image_free: false,
        };
    };
    let (content, failed) = page_content(doc, page, opts.max_stream_bytes);
    if failed {
        flags.push((
            FlagCode::TooLarge,
            Severity::Warning,
            format!(
                "a content stream could not be inflated within {} bytes",
                opts.max_stream_bytes
            ),
        ));
    }
    let base = upright_matrix(doc, page);
    let mut interp = Interpreter::new(doc, fonts, opts.max_stream_bytes);
    interp.set_limits(opts.max_ops, opts.max_glyphs);
    interp.set_cmap_limit(opts.max_cmap_entries);
    interp.set_base_ctm(base);
    interp.set_deadline(deadline);
    interp.run(&content, page_resources(doc, page));
    let result = interp.finish();
    if result.timed_out {
        flags.push((
            FlagCode::Timeout,
            Severity::Warning,
            format!("time budget of {} s ran out in this page", opts.max_seconds),
        ));
    }
    for limit in &result.limits {
        flags.push((FlagCode::LimitReached, Severity::Warning, limit.clone()));
    }
    for damage in &result.damage {
        flags.push((FlagCode::ParseError, Severity::Warning, damage.clone()));
    }
    if result.nonfinite_glyphs > 0 {
        flags.push((
            FlagCode::ParseError,
            Severity::Warning,
            format!(
                "{} glyph(s) placed at a position that is not a finite number were dropped",
                result.nonfinite_glyphs
            ),
        ));
    }
    if !result.timed_out && result.truncated {
        flags.push((
            FlagCode::ParseError,
            Severity::Warning,
            "page content could not be read to its end".into(),
        ));
    }
    if result.unmapped > 0 {
        flags.push((
            FlagCode::UnmappedGlyph,
            Severity::Warning,
            format!(
                "{} glyph(s) have no Unicode mapping (shown as U+FFFD)",
                result.unmapped
            ),
        ));
    }
    let has_text = !result.glyphs.is_empty();
    let images = result.images;
    let image_free = images == 0
        && !failed
        && !result.truncated
        && !result.timed_out
        && result.limits.is_empty()
        && result.damage.is_empty();
    let extra = extra_boxes(doc, page, &result);
    let lines = layout::layout(result, extra);
    let suspicious = sara_am_for_sara_aa(lines.iter().map(|l| l.text.as_str()));
    if suspicious >= 3 {
        flags.push((
            FlagCode::UnmappedGlyph,
            Severity::Warning,
            format!(
                "{suspicious} words read with SARA AM where SARA AA belongs (\"กำร\", \"ควำม\"): \
                 the font's ToUnicode is wrong and its embedded cmap cannot correct it"
            ),
        ));
    }
    if !has_text && images > 0 {
        flags.push((
            FlagCode::NoTextLayer,
            Severity::Warning,
            "page has images but no text layer".into(),
        ));
    }
    PageOut {
        lines,
        flags,
        has_text,
        image_free,
    }
}

/// One output line's cells and checkboxes as placed rows of the layout model, at byte
/// `off` of the page text. Cells are the runs between the reader's own cell separators
/// (TAB), each with the box of its words; checkboxes are the reader's, with their state,
/// method and box.
fn place_line(placement: &mut Placement, line: &layout::OutLine, off: usize) {
    let mut cells = Vec::new();
    let mut start = 0;
    let text = &line.text;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\t')))
    {
        if c != '\t' {
            continue;
        }
        let bbox = line
            .boxes
            .iter()
            .filter(|(r, _)| r.start >= start && r.end <= i)
            .map(|(_, b)| BBox(*b))
            .reduce(BBox::union)
            .map(BBox::rounded);
        cells.push((off + start..off + i, bbox));
        start = i + 1;
    }
    let bbox = line
        .boxes
        .iter()
        .map(|(_, b)| BBox(*b))
        .reduce(BBox::union)
        .map(BBox::rounded);
    placement.rows.push(PlacedRow {
        range: off..off + text.len(),
        cells,
        header: line.table_first_row,
        bbox,
    });
    for (r, state, method, b) in &line.marks {
        let mut checkbox = Checkbox::new(state.model(), *method);
        checkbox.bbox = Some(BBox(*b).rounded());
        placement.boxes.push(PlacedBox {
            range: r.start + off..r.end + off,
            checkbox,
        });
    }
}

/// Read a PDF into pages of text with word boxes, and the rows and checkboxes the
/// reader placed on each page.
pub fn read_pdf(bytes: &[u8], opts: &PdfOptions) -> Result<PdfPages, PdfError> {
    let started = std::time::Instant::now();
    let deadline = (opts.max_seconds.is_finite() && opts.max_seconds > 0.0)
        .then(|| started + std::time::Duration::from_secs_f64(opts.max_seconds.min(1e6)));
    let doc = load(bytes, opts)?;
    let mut flags = Vec::new();
    let page_ids: Vec<ObjectId> = catch_unwind(AssertUnwindSafe(|| {
        doc.page_iter()
            .take(opts.max_pages.saturating_add(1))
            .collect()
    }))
    .map_err(|p| PdfError::Malformed(format!("page tree: {}", panic_message(&*p))))?;
    if page_ids.is_empty() {
        return Err(PdfError::Malformed("the document has no pages".into()));
    }
    let mut page_ids = page_ids;
    if page_ids.len() > opts.max_pages {
        page_ids.truncate(opts.max_pages);
        flags.push(Flag::new(
            FlagCode::TooLarge,
            Severity::Warning,
            format!("only the first {} pages were read", opts.max_pages),
            None,
        ));
    }
    let mut fonts = FontCache::default();
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut placed = Vec::with_capacity(page_ids.len());
    let mut headers: Vec<String> = Vec::new();
    let mut any_text = false;
    let mut image_free = Vec::new();
    for (i, id) in page_ids.iter().enumerate() {
        let number = i as u32 + 1;
        if deadline.is_some_and(|d| std::time::Instant::now() > d) {
            flags.push(Flag::new(
                FlagCode::Timeout,
                Severity::Warning,
                format!(
                    "time budget of {} s ran out: pages {number}-{} not read",
                    opts.max_seconds,
                    page_ids.len()
                ),
                None,
            ));
            break;
        }
        let result = catch_unwind(AssertUnwindSafe(|| {
            read_page(&doc, *id, &mut fonts, opts, deadline)
        }));
        let out = match result {
            Ok(o) => o,
            Err(p) => {
                // The font cache may be half-updated; start a fresh one.
                fonts = FontCache::default();
                PageOut {
                    lines: Vec::new(),
                    flags: vec![(
                        FlagCode::ParseError,
                        Severity::Warning,
                        format!("page could not be read: {}", panic_message(&*p)),
                    )],
                    has_text: false,
                    image_free: false,
                }
            }
        };
        any_text |= out.has_text;
        if out.image_free {
            image_free.push(number);
        }
        let mut text = String::new();
        let mut boxes = Vec::new();
        let mut placement = Placement::default();
        let mut page_headers = Vec::new();
        for line in out.lines {
            if line.table_first_row {
                // A table's first row equal to the first row of a table on an earlier
                // page is a repeated header (Word's "repeat header row").
                if headers.contains(&line.text) {
                    continue;
                }
                page_headers.push(line.text.clone());
            }
            let off = text.len();
            place_line(&mut placement, &line, off);
            for (r, b) in line.boxes {
                boxes.push((r.start + off..r.end + off, BBox(b)));
            }
            text.push_str(&line.text);
            text.push('\n');
        }
        headers.extend(page_headers);
        let mut page = PageText::new(number, text);
        page.boxes = boxes;
        placed.push(Some(placement));
        for (code, sev, msg) in out.flags {
            let span = (!page.text.is_empty()).then(|| page.span(0..0));
            flags.push(Flag::new(code, sev, format!("page {number}: {msg}"), span));
        }
        pages.push(page);
    }
    Ok(PdfPages {
        pages,
        placed,
        text_origin: if any_text {
            TextOrigin::PdfText
        } else {
            TextOrigin::None
        },
        flags,
        image_free,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages without any image are known as such, so that OCR need not load the
    /// document again to look at them; an inline image and an image inside a form
    /// count.
    #[test]
    fn pages_that_draw_no_image() {
        use lopdf::{dictionary, Object, Stream};
        let mut doc = Document::with_version("1.5");
        let image_id = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            vec![0],
        ));
        let form_id = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
                "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image_id } },
            },
            b"q 10 0 0 10 0 0 cm /Im1 Do Q".to_vec(),
        ));
        let pages_id = doc.new_object_id();
        let contents: [&[u8]; 3] = [
            b"0 0 10 10 re S",
            b"q 10 0 0 10 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI Q",
            b"/F1 Do",
        ];
        let kids: Vec<Object> = contents
            .iter()
            .map(|c| {
                let content = doc.add_object(Stream::new(dictionary! {}, c.to_vec()));
                doc.add_object(dictionary! {
                    "Type" => "Page", "Parent" => pages_id, "MediaBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
                    "Contents" => content,
                    "Resources" => dictionary! { "XObject" => dictionary! { "F1" => form_id } },
                })
                .into()
            })
            .collect();
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 3 }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        let read = read_pdf(&bytes, &PdfOptions::default()).unwrap();
        assert_eq!(read.pages.len(), 3);
        assert_eq!(read.image_free, vec![1]);
    }

    #[test]
    fn sara_am_fault_words() {
        for (lines, want) in [
            (vec!["แบบสำรวจควำมพึงพอใจของผู้รับบริกำร"], 2),
            (vec!["ความพึงพอใจ การให้บริการ", "สำนักงาน ทำงาน คว่ำบาตร"], 0),
            (vec!["กำรประเมิน", "ตำมมำตรกำร"], 3),
        ] {
            assert_eq!(sara_am_for_sara_aa(lines.into_iter()), want);
        }
    }

    #[test]
    fn upright_matrices() {
        let doc = Document::with_version("1.5");
        let mut page = Dictionary::new();
        page.set("MediaBox", vec![0.into(), 0.into(), 100.into(), 200.into()]);
        for (rot, pt, want) in [
            (0, (10.0, 20.0), (10.0, 20.0)),
            (90, (0.0, 200.0), (200.0, 100.0)),
            (180, (0.0, 0.0), (100.0, 200.0)),
            (270, (100.0, 0.0), (200.0, 100.0)),
        ] {
            page.set("Rotate", rot);
            let m = upright_matrix(&doc, &page);
            let got = (
                m[0] * pt.0 + m[2] * pt.1 + m[4],
                m[1] * pt.0 + m[3] * pt.1 + m[5],
            );
            assert_eq!(got, want, "rotate {rot}");
        }
    }
}
