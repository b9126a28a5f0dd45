//! Reader limits (issue 14): one case per limit, each a small input that crosses it
//! (the limit set low through its option where the default is large). Each must give a
//! `limit_reached` warning (or, for the text size limits of issue 13, `too_large`) that
//! names the limit and its number, and a `partial` document, never a silent `ok`. The
//! good fixtures, read with the default limits, reach none.

use ita_extract::cli::OcrMode;
use ita_extract::diagnostic::{Flag, FlagCode, Severity};
use ita_extract::ingest::ocr::{self, OcrOptions};
use ita_extract::ingest::pdf::PdfOptions;
use ita_extract::ingest::text::TextLimits;
use ita_extract::layout::text::LayoutLimits;
use ita_extract::model::{DocStatus, Document};
use ita_extract::pipeline::{process_bytes, PipelineOptions};
use lopdf::{dictionary, Document as PdfDoc, Object, Stream};
use std::path::Path;

/// OCR off: the cases are about the readers, not the engine.
fn options() -> PipelineOptions {
    PipelineOptions {
        ocr: OcrOptions {
            mode: OcrMode::Off,
            ..OcrOptions::default()
        },
        ..PipelineOptions::default()
    }
}

/// The `code` flag of `doc` whose message holds every one of `words`; the document must
/// be `partial` and the flag a warning.
fn flagged<'a>(doc: &'a Document, code: FlagCode, words: &[&str]) -> &'a Flag {
    let flag = doc
        .flags
        .iter()
        .find(|f| f.code == code && words.iter().all(|w| f.message.contains(w)))
        .unwrap_or_else(|| panic!("no {code:?} flag with {words:?}: {:#?}", doc.flags));
    assert_eq!(flag.severity, Severity::Warning, "{}", flag.message);
    assert_eq!(doc.status, DocStatus::Partial, "{:#?}", doc.flags);
    flag
}

fn no_limit_flag(doc: &Document) {
    assert!(
        !doc.flags.iter().any(|f| f.code == FlagCode::LimitReached),
        "{:#?}",
        doc.flags
    );
}

/// A one-page PDF: `content` with font /F1 (Helvetica, with `to_unicode` as its
/// ToUnicode CMap when given) and the image XObjects `images` as /Im1, /Im2, ...
fn pdf(content: &[u8], to_unicode: Option<&[u8]>, images: Vec<Stream>) -> Vec<u8> {
    let mut doc = PdfDoc::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut font = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    };
    if let Some(cmap) = to_unicode {
        let id = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
        font.set("ToUnicode", id);
    }
    let font_id = doc.add_object(font);
    let mut xobjects = lopdf::Dictionary::new();
    for (i, img) in images.into_iter().enumerate() {
        let id = doc.add_object(img);
        xobjects.set(format!("Im{}", i + 1), id);
    }
    let resources = dictionary! {
        "Font" => dictionary! { "F1" => font_id },
        "XObject" => xobjects,
    };
    save_one_page(doc, pages_id, content, resources)
}

/// Add the page of `content` with `resources` under `pages_id`, the page tree and the
/// catalog to `doc`, and save it.
fn save_one_page(
    mut doc: PdfDoc,
    pages_id: lopdf::ObjectId,
    content: &[u8],
    resources: lopdf::Dictionary,
) -> Vec<u8> {
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content_id,
        "Resources" => resources,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A gray image XObject of `w` × `h` pixels (its samples are not checked before its
/// size), with `filter` when given.
fn image(w: i64, h: i64, filter: Option<&str>) -> Stream {
    let mut dict = dictionary! {
        "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
    };
    if let Some(f) = filter {
        dict.set("Filter", Object::Name(f.as_bytes().to_vec()));
    }
    Stream::new(dict, vec![0x80; 64])
}

const TEXT: &[u8] = b"BT /F1 12 Tf 72 700 Td (Hello ITA) Tj ET ";

#[test]
fn pdf_operators_per_page() {
    let bytes = pdf(&TEXT.repeat(300), None, Vec::new());
    let mut opts = options();
    opts.pdf = PdfOptions {
        max_ops: 500,
        ..PdfOptions::default()
    };
    let doc = process_bytes("ops.pdf", &bytes, &opts);
    flagged(
        &doc,
        FlagCode::LimitReached,
        &["page 1", "more than 500 content operators"],
    );
    // Said once, however many operators follow.
    assert_eq!(
        doc.flags
            .iter()
            .filter(|f| f.code == FlagCode::LimitReached)
            .count(),
        1
    );
    no_limit_flag(&process_bytes("ops.pdf", &bytes, &options()));
}

#[test]
fn pdf_glyphs_per_page() {
    let bytes = pdf(&TEXT.repeat(30), None, Vec::new());
    let mut opts = options();
    opts.pdf = PdfOptions {
        max_glyphs: 50,
        ..PdfOptions::default()
    };
    let doc = process_bytes("glyphs.pdf", &bytes, &opts);
    flagged(&doc, FlagCode::LimitReached, &["more than 50 glyphs"]);
    no_limit_flag(&process_bytes("glyphs.pdf", &bytes, &options()));
}

#[test]
fn pdf_cmap_entries() {
    // One bfrange of 256 codes; a limit of 16 keeps the first 16 ('A'-'P' at 0x41..).
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
        1 begincodespacerange <00> <FF> endcodespacerange
        1 beginbfrange <00> <FF> <0000> endbfrange
        endcmap end end";
    let bytes = pdf(TEXT, Some(cmap), Vec::new());
    let mut opts = options();
    opts.pdf = PdfOptions {
        max_cmap_entries: 16,
        ..PdfOptions::default()
    };
    let doc = process_bytes("cmap.pdf", &bytes, &opts);
    flagged(
        &doc,
        FlagCode::LimitReached,
        &[
            "CMap of font F1",
            "256 entries",
            "limit 16",
            "the rest not read",
        ],
    );
    no_limit_flag(&process_bytes("cmap.pdf", &bytes, &options()));
    // A crafted range of four billion codes is counted, never expanded, with the default.
    let huge = b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange
        1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
    let doc = process_bytes("huge.pdf", &pdf(TEXT, Some(huge), Vec::new()), &options());
    flagged(
        &doc,
        FlagCode::LimitReached,
        &["4294967296 entries", "limit 131072"],
    );
}

#[test]
fn pdf_content_nesting_and_operands() {
    let deep = [
        b"[".repeat(40),
        b"]".repeat(40),
        b" pop ".to_vec(),
        TEXT.to_vec(),
    ]
    .concat();
    let doc = process_bytes("deep.pdf", &pdf(&deep, None, Vec::new()), &options());
    flagged(&doc, FlagCode::LimitReached, &["deeper than 32"]);
    let crowded = [b"1 ".repeat(5000), b"pop ".to_vec(), TEXT.to_vec()].concat();
    let doc = process_bytes("crowded.pdf", &pdf(&crowded, None, Vec::new()), &options());
    flagged(&doc, FlagCode::LimitReached, &["more than 4096 operands"]);
    // Arrays and dictionaries count as operands too.
    let arrays = [b"[1] ".repeat(5000), b"pop ".to_vec(), TEXT.to_vec()].concat();
    let doc = process_bytes("arrays.pdf", &pdf(&arrays, None, Vec::new()), &options());
    flagged(&doc, FlagCode::LimitReached, &["more than 4096 operands"]);
}

/// A one-page PDF whose page draws /Fm0; form `i` draws form `next(i)` (None: text).
fn pdf_forms(n: usize, next: impl Fn(usize) -> Option<usize>) -> Vec<u8> {
    let mut doc = PdfDoc::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let ids: Vec<_> = (0..n).map(|_| doc.new_object_id()).collect();
    for (i, id) in ids.iter().enumerate() {
        let (content, xobjects) = match next(i) {
            Some(j) => (b"/Fm Do".to_vec(), dictionary! { "Fm" => ids[j] }),
            None => (TEXT.to_vec(), lopdf::Dictionary::new()),
        };
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Resources" => dictionary! {
                    "Font" => dictionary! { "F1" => font_id },
                    "XObject" => xobjects,
                },
            },
            content,
        );
        doc.objects.insert(*id, Object::Stream(form));
    }
    let resources = dictionary! {
        "Font" => dictionary! { "F1" => font_id },
        "XObject" => dictionary! { "Fm" => ids[0] },
    };
    save_one_page(doc, pages_id, &[TEXT, b"/Fm Do"].concat(), resources)
}

#[test]
fn pdf_form_nesting_and_cycles() {
    // Twelve forms, each drawing the next: the ninth is past the depth limit of 8.
    let deep = pdf_forms(12, |i| (i + 1 < 12).then_some(i + 1));
    let doc = process_bytes("forms.pdf", &deep, &options());
    flagged(&doc, FlagCode::LimitReached, &["nested deeper than 8"]);
    // Four forms are within it: no flag.
    let shallow = pdf_forms(4, |i| (i + 1 < 4).then_some(i + 1));
    let doc = process_bytes("forms4.pdf", &shallow, &options());
    no_limit_flag(&doc);
    assert!(
        !doc.flags.iter().any(|f| f.code == FlagCode::ParseError),
        "{:#?}",
        doc.flags
    );
    // A form that draws itself is damage, said once.
    let cycle = pdf_forms(2, |i| Some(1 - i));
    let doc = process_bytes("cycle.pdf", &cycle, &options());
    flagged(&doc, FlagCode::ParseError, &["draws itself"]);
}

#[test]
fn pdf_glyphs_at_no_finite_place() {
    // Twenty CTM scalings by 9 * 10^18 overflow the glyph box to infinity: the glyph
    // is dropped and counted, never laid out at an infinite place.
    let scale = "9000000000000000000 0 0 9000000000000000000 0 0 cm ".repeat(20);
    let content = format!(
        "q {scale} BT /F1 12 Tf (Hi) Tj ET Q {}",
        String::from_utf8_lossy(TEXT)
    );
    let doc = process_bytes(
        "inf.pdf",
        &pdf(content.as_bytes(), None, Vec::new()),
        &options(),
    );
    flagged(&doc, FlagCode::ParseError, &["not a finite number"]);
}

#[test]
fn ocr_image_and_page_pixels() {
    // Drawn over the whole page: one image too large, one JPX (no decoder here).
    let content = b"q 595 0 0 842 0 0 cm /Im1 Do Q q 595 0 0 842 0 0 cm /Im2 Do Q";
    let bytes = pdf(
        content,
        None,
        vec![image(4000, 4000, None), image(10, 10, Some("JPXDecode"))],
    );
    let opts = OcrOptions {
        max_image_pixels: 1_000_000,
        max_pixels: 100_000,
        ..OcrOptions::default()
    };
    let img = ocr::page_images(&bytes, &[1], &opts).unwrap().remove(0);
    let said: Vec<(FlagCode, &str)> = img
        .warnings
        .iter()
        .map(|w| (w.code, w.message.as_str()))
        .collect();
    let has = |code: FlagCode, words: &[&str]| {
        assert!(
            said.iter()
                .any(|(c, m)| *c == code && words.iter().all(|w| m.contains(w))),
            "{code:?} {words:?}: {said:#?}"
        )
    };
    has(
        FlagCode::LimitReached,
        &["page 1", "over the limit of 100000 (max_pixels)", "read at"],
    );
    has(
        FlagCode::LimitReached,
        &["image 1", "4000x4000", "1000000 (max_image_pixels)"],
    );
    has(FlagCode::ParseError, &["image 2", "JPXDecode"]);
    // Within the limit, but for rounding of the sides.
    assert!(img.width as u64 * img.height as u64 <= 101_000);
    // With the defaults only the JPX image is left out.
    let img = ocr::page_images(&bytes, &[1], &OcrOptions::default())
        .unwrap()
        .remove(0);
    assert_eq!(
        img.warnings.iter().map(|w| w.code).collect::<Vec<_>>(),
        vec![FlagCode::ParseError]
    );
}

#[test]
fn ocr_render_warnings_reach_the_document() {
    let opts = OcrOptions::default();
    if !ocr::engine_available(&opts) {
        eprintln!("SKIPPED: no OCR engine ({})", ocr::INSTALL_HINT);
        return;
    }
    let content = b"q 595 0 0 842 0 0 cm /Im1 Do Q";
    let bytes = pdf(content, None, vec![image(4000, 4000, None)]);
    let popts = PipelineOptions {
        ocr: OcrOptions {
            max_image_pixels: 1_000_000,
            ..opts
        },
        ..PipelineOptions::default()
    };
    let doc = process_bytes("scan.pdf", &bytes, &popts);
    flagged(
        &doc,
        FlagCode::LimitReached,
        &["page 1", "4000x4000", "max_image_pixels"],
    );
}

/// A text document read with table limits `limits`.
fn text_doc(text: &str, limits: LayoutLimits) -> Document {
    let mut opts = options();
    opts.layout = limits;
    process_bytes("t.txt", text.as_bytes(), &opts)
}

const LOW: LayoutLimits = LayoutLimits {
    max_table_rows: 10,
    max_table_cols: 5,
    max_html_depth: 16,
};

#[test]
fn table_rows() {
    let html = format!(
        "<table>\n{}</table>\n",
        "<tr><td>O1</td><td>ข้อมูล</td></tr>\n".repeat(30)
    );
    let tsv = "ข้อ\tรายการ\tผล\n".repeat(30);
    let pipe = format!(
        "| ข้อ | รายการ |\n|---|---|\n{}",
        "| O1 | ข้อมูล |\n".repeat(30)
    );
    for (name, text, words, line) in [
        ("html", html.as_str(), "HTML table of more than 10 rows", 12),
        ("tsv", tsv.as_str(), "table of more than 10 rows", 11),
        ("pipe", pipe.as_str(), "table of more than 10 rows", 11),
    ] {
        let doc = text_doc(text, LOW);
        let flag = flagged(&doc, FlagCode::LimitReached, &[words, "max_table_rows"]);
        // The span is where the first row not read begins.
        let at = flag.span.as_ref().map(|s| s.line);
        assert_eq!(at, Some(line), "{name}: {flag:?}");
        no_limit_flag(&text_doc(text, LayoutLimits::default()));
    }
}

#[test]
fn table_columns() {
    let cells: Vec<String> = (1..=12).map(|i| format!("c{i}")).collect();
    let html = format!(
        "<table><tr>{}</tr></table>\n",
        cells
            .iter()
            .map(|c| format!("<td>{c}</td>"))
            .collect::<String>()
    );
    let tsv = cells.join("\t") + "\n";
    let pipe = format!("| {} |\n", cells.join(" | "));
    let layout = cells.join("   ") + "\n";
    for text in [&html, &tsv, &pipe, &layout] {
        let doc = text_doc(text, LOW);
        flagged(
            &doc,
            FlagCode::LimitReached,
            &["row of more than 5 cells", "max_table_cols"],
        );
        no_limit_flag(&text_doc(text, LayoutLimits::default()));
    }
    // The row keeps its first five cells.
    let mut page = ita_extract::layout::text::page_within(
        ita_extract::source::PageText::new(1, tsv.clone()),
        &LOW,
    );
    assert_eq!(page.rows[0].cells.len(), 5);
    assert_eq!(std::mem::take(&mut page.flags).len(), 1);
}

#[test]
fn html_depth() {
    let html = format!(
        "<table><tr><td>{}ข้อ O1{}</td></tr></table>\n",
        "<div>".repeat(40),
        "</div>".repeat(40)
    );
    let doc = text_doc(&html, LOW);
    flagged(
        &doc,
        FlagCode::LimitReached,
        &["deeper than 16", "max_html_depth"],
    );
    // The text inside is still read.
    let page = ita_extract::layout::text::page_within(
        ita_extract::source::PageText::new(1, html.clone()),
        &LOW,
    );
    let texts: String = page.rows.iter().map(|r| r.text()).collect();
    assert!(texts.contains("ข้อ O1"), "{texts:?}");
    no_limit_flag(&text_doc(&html, LayoutLimits::default()));
    // Sloppy rows with end tags left out are not deep.
    let sloppy = format!("<table>{}</table>\n", "<tr><td>a<td>b<p>c".repeat(300));
    no_limit_flag(&text_doc(&sloppy, LOW_DEPTH_ONLY));
}

#[test]
fn html_spans() {
    // A rowspan past 64 is read as 64, and said; a real two-row header is not.
    let huge = "<table><tr><td rowspan=\"5000\">ข้อ</td><td>O1 โครงสร้าง</td></tr></table>\n";
    let doc = text_doc(huge, LayoutLimits::default());
    flagged(
        &doc,
        FlagCode::LimitReached,
        &["spans more than 64 rows or columns", "read as 64"],
    );
    let wide = format!(
        "<table><tr>{}</tr></table>\n",
        "<td colspan=\"60\">x</td>".repeat(6)
    );
    let doc = text_doc(&wide, LayoutLimits::default());
    flagged(
        &doc,
        FlagCode::LimitReached,
        &["wider than 256 grid columns"],
    );
    let header = "<table><tr><th rowspan=\"2\">ข้อ</th><th colspan=\"2\">ผลการดำเนินการ</th></tr>\
        <tr><th>ดำเนินการ</th><th>ยังไม่ดำเนินการ</th></tr></table>\n";
    no_limit_flag(&text_doc(header, LayoutLimits::default()));
}

/// Only the depth limit low.
const LOW_DEPTH_ONLY: LayoutLimits = LayoutLimits {
    max_table_rows: 100_000,
    max_table_cols: 1_000,
    max_html_depth: 16,
};

#[test]
fn text_size_and_line_length() {
    // The size limits of a text input (issue 13) keep their flag, `too_large`.
    let mut opts = options();
    opts.text = TextLimits {
        max_bytes: 1_000,
        max_line_bytes: 100,
    };
    let text = format!("{}\n{}", "ก".repeat(200), "ข้อ O1\n".repeat(200));
    let doc = process_bytes("t.txt", text.as_bytes(), &opts);
    flagged(
        &doc,
        FlagCode::TooLarge,
        &["longer than 100 bytes", "--max-line-kb"],
    );
    flagged(&doc, FlagCode::TooLarge, &["over the limit of 1000"]);
}

#[test]
fn good_fixtures_reach_no_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    for dir in ["", "corpus_sample", "kinds", "pdf", "pdf2"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ["txt", "md", "html", "pdf"].contains(&ext) {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() > 20, "{files:?}");
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let doc = process_bytes(&path.display().to_string(), &bytes, &options());
        assert!(
            !doc.flags.iter().any(|f| f.code == FlagCode::LimitReached),
            "{}: {:#?}",
            path.display(),
            doc.flags
        );
    }
}
