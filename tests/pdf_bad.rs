//! Bad and unusual PDFs: every one gives a clear error or a partial result with a flag,
//! never a panic or a hang. The PDFs are built here with lopdf (or cut from a fixture),
//! plus AcroForm checkbox widgets placed by their rectangles.

use ita_extract::diagnostic::FlagCode;
use ita_extract::ingest::pdf::{read_pdf, PdfError, PdfOptions};
use lopdf::{dictionary, Document, Object, Stream};
use std::time::{Duration, Instant};

/// A one-page PDF whose page content is `content` with a Helvetica font /F1; `extra`
/// may change the document before it is saved.
fn build(
    content: &[u8],
    extra: impl FnOnce(&mut Document, lopdf::ObjectId, lopdf::ObjectId),
) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut stream = Stream::new(dictionary! {}, content.to_vec());
    let _ = stream.compress();
    let content_id = doc.add_object(stream);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    extra(&mut doc, page_id, pages_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn quick(bytes: &[u8], opts: &PdfOptions) -> Result<ita_extract::ingest::pdf::PdfPages, PdfError> {
    let t = Instant::now();
    let r = read_pdf(bytes, opts);
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "took {:?}",
        t.elapsed()
    );
    r
}

#[test]
fn simple_page_reads() {
    let pdf = build(b"BT /F1 12 Tf 72 700 Td (Hello ITA) Tj ET", |_, _, _| {});
    let r = quick(&pdf, &PdfOptions::default()).unwrap();
    assert_eq!(r.pages[0].text, "Hello ITA\n");
    assert_eq!(r.pages[0].boxes.len(), 2);
}

#[test]
fn not_a_pdf_and_garbage() {
    assert!(matches!(
        quick(b"hello", &PdfOptions::default()),
        Err(PdfError::NotPdf(_))
    ));
    assert!(quick(b"%PDF-1.7\n garbage garbage", &PdfOptions::default()).is_err());
    assert!(quick(b"%PDF-", &PdfOptions::default()).is_err());
}

#[test]
fn truncated_files_never_panic() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pdf/docx_wingdings2_text.pdf");
    let bytes = std::fs::read(path).unwrap();
    for frac in [0.1, 0.3, 0.5, 0.7, 0.9, 0.99] {
        let cut = &bytes[..(bytes.len() as f64 * frac) as usize];
        // Ok (rebuilt by scanning) or a clear error; either way no panic.
        let _ = quick(cut, &PdfOptions::default());
    }
    // Broken xref offsets: scrambled digits after "startxref".
    let mut broken = bytes.clone();
    if let Some(pos) = broken.windows(9).rposition(|w| w == b"startxref") {
        for b in &mut broken[pos + 10..(pos + 14).min(bytes.len())] {
            if b.is_ascii_digit() {
                *b = b'1';
            }
        }
    }
    let r = quick(&broken, &PdfOptions::default()).expect("xref rebuilt by scanning");
    assert!(r.pages[0].text.contains("ประจำปีงบประมาณ"));
}

#[test]
fn zero_pages_is_an_error() {
    let pdf = build(b"", |doc, _, pages_id| {
        doc.objects.insert(
            pages_id,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => Vec::<Object>::new(), "Count" => 0 },
            ),
        );
    });
    assert!(matches!(
        quick(&pdf, &PdfOptions::default()),
        Err(PdfError::Malformed(_))
    ));
}

#[test]
fn decompression_bomb_is_capped() {
    // 8 MB of spaces inflate from a few kB; the cap is 1 MB.
    let mut content = b"BT /F1 12 Tf 72 700 Td (x) Tj ET ".to_vec();
    content.resize(8 * 1024 * 1024, b' ');
    let pdf = build(&content, |_, _, _| {});
    assert!(pdf.len() < 200_000);
    let opts = PdfOptions {
        max_stream_bytes: 1024 * 1024,
        ..Default::default()
    };
    match quick(&pdf, &opts) {
        Ok(r) => assert!(
            r.flags.iter().any(|f| f.code == FlagCode::TooLarge),
            "{:?}",
            r.flags
        ),
        Err(e) => assert_eq!(e.flag_code(), FlagCode::TooLarge),
    }
}

#[test]
fn reference_cycles_and_self_drawing_forms() {
    // A Form XObject that draws itself, and a page tree whose kid points back up.
    let pdf = build(
        b"/X1 Do BT /F1 12 Tf 72 700 Td (after) Tj ET",
        |doc, page_id, pages_id| {
            let form_id = doc.new_object_id();
            let form = Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
                    "Resources" => dictionary! { "XObject" => dictionary! { "X1" => form_id } },
                },
                b"/X1 Do".to_vec(),
            );
            doc.objects.insert(form_id, Object::Stream(form));
            if let Ok(Object::Dictionary(page)) = doc.get_object_mut(page_id) {
                if let Ok(Object::Dictionary(res)) = page.get_mut(b"Resources") {
                    res.set("XObject", dictionary! { "X1" => form_id });
                }
            }
            doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into(), pages_id.into()], "Count" => 2,
            }),
        );
        },
    );
    let r = quick(&pdf, &PdfOptions::default()).unwrap();
    assert!(r.pages[0].text.contains("after"));
}

#[test]
fn absurd_page_count_is_bounded() {
    let pdf = build(
        b"BT /F1 12 Tf 72 700 Td (p) Tj ET",
        |doc, page_id, pages_id| {
            let kids: Vec<Object> = (0..50).map(|_| page_id.into()).collect();
            doc.objects.insert(
                pages_id,
                Object::Dictionary(
                    dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 1_000_000_000i64 },
                ),
            );
        },
    );
    let opts = PdfOptions {
        max_pages: 3,
        ..Default::default()
    };
    let r = quick(&pdf, &opts).unwrap();
    assert_eq!(r.pages.len(), 3);
    assert!(r.flags.iter().any(|f| f.code == FlagCode::TooLarge));
}

#[test]
fn encrypted_with_user_password_is_refused_and_empty_password_opens() {
    for (user, opens) in [("secret", false), ("", true)] {
        let pdf = build(b"BT /F1 12 Tf 72 700 Td (locked) Tj ET", |doc, _, _| {
            let id = Object::String(
                b"0123456789abcdef".to_vec(),
                lopdf::StringFormat::Hexadecimal,
            );
            doc.trailer.set("ID", vec![id.clone(), id]);
            let version = lopdf::EncryptionVersion::V2 {
                document: doc,
                owner_password: "owner",
                user_password: user,
                key_length: 128,
                permissions: lopdf::Permissions::all(),
            };
            let state = lopdf::EncryptionState::try_from(version).unwrap();
            doc.encrypt(&state).unwrap();
        });
        match quick(&pdf, &PdfOptions::default()) {
            Ok(r) => {
                assert!(opens, "user password {user:?} should not open");
                assert!(r.pages[0].text.contains("locked"));
            }
            Err(e) => {
                assert!(!opens, "empty password should open: {e}");
                assert!(matches!(e, PdfError::Encrypted(_)), "{e}");
            }
        }
    }
}

#[test]
fn acroform_checkboxes_are_placed_by_rect() {
    let content = b"BT /F1 12 Tf 100 700 Td (Done) Tj 60 0 Td (Not done) Tj ET";
    let pdf = build(content, |doc, page_id, _| {
        let mk = |doc: &mut Document, x: i64, state: &str, parent: Option<lopdf::ObjectId>| {
            let mut d = dictionary! {
                "Type" => "Annot", "Subtype" => "Widget",
                "Rect" => vec![x.into(), 698.into(), (x + 10).into(), 708.into()],
                "AS" => Object::Name(state.as_bytes().to_vec()),
            };
            match parent {
                Some(p) => d.set("Parent", p),
                None => d.set("FT", "Btn"),
            }
            doc.add_object(d)
        };
        // One field with /FT on itself, one inheriting /FT from its parent; on-state
        // name is not "Yes" (LibreOffice writes /on).
        let a = mk(doc, 86, "on", None);
        let parent =
            doc.add_object(dictionary! { "FT" => "Btn", "T" => Object::string_literal("s") });
        let b = mk(doc, 146, "Off", Some(parent));
        // A radio button is not a checkbox.
        let radio = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "FT" => "Btn", "Ff" => 0x8000,
            "Rect" => vec![300.into(), 698.into(), 310.into(), 708.into()], "AS" => "On",
        });
        if let Ok(Object::Dictionary(page)) = doc.get_object_mut(page_id) {
            page.set("Annots", vec![a.into(), b.into(), radio.into()]);
        }
    });
    let r = quick(&pdf, &PdfOptions::default()).unwrap();
    assert_eq!(r.pages[0].text, "☑ Done ☐ Not done\n");
}

#[test]
fn actual_text_replaces_glyphs() {
    // The glyphs "XY" stand for one Thai cluster given by ActualText (UTF-16BE).
    let content = b"BT /F1 12 Tf 72 700 Td (A) Tj /Span <</ActualText <FEFF0E140E33>>> BDC (XY) Tj EMC (B) Tj ET";
    let pdf = build(content, |_, _, _| {});
    let r = quick(&pdf, &PdfOptions::default()).unwrap();
    assert_eq!(r.pages[0].text, "AดำB\n");
}

#[test]
fn rotated_pages_read_upright() {
    // Text drawn rotated by 90° on a page shown with /Rotate 90 reads upright.
    let content =
        b"BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Rotated line) Tj 0 1 -1 0 320 100 Tm (second) Tj ET";
    let pdf = build(content, |doc, page_id, _| {
        if let Ok(Object::Dictionary(page)) = doc.get_object_mut(page_id) {
            page.set("Rotate", 90);
        }
    });
    let r = quick(&pdf, &PdfOptions::default()).unwrap();
    assert_eq!(r.pages[0].text, "Rotated line\nsecond\n");
}

#[test]
fn time_budget_keeps_what_was_read() {
    // A page with a million tiny operators and a budget that has already run out.
    let content = b"1 0 0 1 0 0 cm ".repeat(1_000_000);
    let pdf = build(&content, |_, _, _| {});
    let opts = PdfOptions {
        max_seconds: 1e-9,
        ..Default::default()
    };
    match quick(&pdf, &opts) {
        Ok(r) => assert!(
            r.flags.iter().any(|f| f.code == FlagCode::Timeout),
            "{:?}",
            r.flags
        ),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn mutated_files_never_panic_or_hang() {
    // Deterministic byte flips and cuts of a fixture: each read ends (Ok or Err) quickly,
    // and no panic escapes (panics inside lopdf are caught and reported as errors).
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pdf/docx_wingdings_sym_no_font.pdf");
    let bytes = std::fs::read(path).unwrap();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut ok = 0;
    for _ in 0..150 {
        let mut m = bytes.clone();
        for _ in 0..(next() % 20 + 1) {
            let i = (next() % m.len() as u64) as usize;
            m[i] = next() as u8;
        }
        if next() % 4 == 0 {
            let cut = (next() % m.len() as u64) as usize;
            m.truncate(cut.max(16));
        }
        if quick(&m, &PdfOptions::default()).is_ok() {
            ok += 1;
        }
    }
    assert!(ok > 0, "some mutants should still read");
}

#[test]
fn operator_and_glyph_limits_are_flagged_with_their_number() {
    // 5,000 text-showing operators on one page; limits of 1,000 operators, then of 100
    // glyphs: the page is read up to the limit and the document is partial.
    let content = b"BT /F1 12 Tf 72 700 Td (x) Tj ET ".repeat(1_000);
    let pdf = build(&content, |_, _, _| {});
    for (opts, number) in [
        (
            PdfOptions {
                max_ops: 1_000,
                ..Default::default()
            },
            "1000 content operators",
        ),
        (
            PdfOptions {
                max_glyphs: 100,
                ..Default::default()
            },
            "100 glyphs",
        ),
    ] {
        let r = quick(&pdf, &opts).unwrap();
        let flag = r
            .flags
            .iter()
            .find(|f| f.code == FlagCode::LimitReached)
            .unwrap_or_else(|| panic!("{:?}", r.flags));
        assert!(flag.message.contains(number), "{}", flag.message);
        assert!(FlagCode::LimitReached.makes_partial());
    }
    // Within the limits: no flag.
    let r = quick(&pdf, &PdfOptions::default()).unwrap();
    assert!(!r.flags.iter().any(|f| f.code == FlagCode::LimitReached));
}
