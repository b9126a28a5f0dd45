//! Scanned fixtures (fixtures/scanned/, made by scripts/make_scanned_fixtures.sh): the
//! OCR page text must carry the item codes and the checkbox states read from the
//! pixels, at least 95% of each. Needs Tesseract with Thai data: ignored by a plain
//! `cargo test` (its summary counts it, with the reason); `.ci/run` installs Tesseract
//! and runs it with `--ignored`, and a missing engine then fails it.

use ita_extract::ingest::ocr::{self, OcrOptions};
use std::path::PathBuf;

fn opts() -> OcrOptions {
    OcrOptions {
        niceness: Some(10),
        ..OcrOptions::default()
    }
}

/// An item code as OCR writes it ("O12", "012", "Ol2") in canonical form.
fn item_code(tok: &str) -> Option<String> {
    let mut chars = tok.chars();
    let first = chars.next()?;
    if !matches!(first, 'O' | 'o' | '0' | 'Q') {
        return None;
    }
    let digits: String = chars
        .map(|c| match c {
            'l' | 'I' | '|' => '1',
            'O' | 'o' => '0',
            // Thai digits (U+0E50..U+0E59), as OCR mixes them in ("0๐43").
            '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (c as u32 - 0x0E50) as u8),
            c => c,
        })
        .collect();
    let digits = digits.trim_start_matches('0');
    (!digits.is_empty() && digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("O{digits}"))
}

/// The cells of the status columns ("ดำเนินการ", "ยังไม่ได้ดำเนินการ") in a header line.
fn status_columns(text: &str) -> Option<(usize, usize)> {
    text.lines().find_map(|l| {
        let cells: Vec<&str> = l.split('\t').collect();
        let not_done = cells.iter().position(|c| c.contains("ยัง"))?;
        let done = cells
            .iter()
            .position(|c| c.contains("นินการ") && !c.contains("ยัง"))?;
        Some((done, not_done))
    })
}

/// The status a row says: with status columns, which column holds the mark; with boxes,
/// the first box is "done", the second "not done".
fn status(line: &str, columns: Option<(usize, usize)>) -> &'static str {
    if let Some((done, not_done)) = columns {
        let cells: Vec<&str> = line.split('\t').collect();
        let marked = |i: usize| cells.get(i).is_some_and(|c| c.contains('✓'));
        return match (marked(done), marked(not_done)) {
            (true, false) => "done",
            (false, true) => "not_done",
            (true, true) => "conflict",
            _ => "unknown",
        };
    }
    let boxes: Vec<char> = line.chars().filter(|c| matches!(c, '☐' | '☑')).collect();
    match boxes.as_slice() {
        ['☑', '☐'] => "done",
        ['☐', '☑'] => "not_done",
        ['☑', '☑'] => "conflict",
        _ => "unknown",
    }
}

#[test]
#[ignore = "needs Tesseract with Thai data; run by .ci/run (cargo test --test ocr_fixtures -- --ignored)"]
fn scanned_fixtures_codes_and_ticks() {
    assert!(
        ocr::engine_available(&opts()),
        "tesseract is not installed; {}",
        ocr::INSTALL_HINT
    );
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/scanned");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    names.sort();
    assert!(names.len() >= 3, "fixtures missing in {}", dir.display());
    let (mut total, mut codes_ok, mut states_ok) = (0, 0, 0);
    for pdf in names {
        let bytes = std::fs::read(&pdf).unwrap();
        let answers: serde_json::Value =
            serde_json::from_slice(&std::fs::read(pdf.with_extension("answers.json")).unwrap())
                .unwrap();
        let profiles = ocr::page_profiles(&bytes, &[], &opts()).unwrap();
        assert!(
            profiles.iter().all(|p| ocr::is_image_only(p, None)),
            "{profiles:?}"
        );
        let imgs = ocr::page_images(&bytes, &[1], &opts()).unwrap();
        let page = ocr::ocr_page(&imgs[0], &opts()).unwrap();
        if std::env::var("OCR_DUMP").is_ok() {
            eprintln!(
                "--- {}\n{}\n{:?}",
                pdf.display(),
                page.text.text,
                page.ticks
            );
        }
        // Every tick found in a box or marked in a status column points at its glyph.
        for t in page
            .ticks
            .iter()
            .filter(|t| t.state == ocr::TickState::Ticked)
        {
            let r = t.byte_range.clone().expect("tick located in text");
            assert!(matches!(&page.text.text[r], "☑" | "✓"));
        }
        let columns = if page.text.text.contains('☐') || page.text.text.contains('☑') {
            None
        } else {
            status_columns(&page.text.text)
        };
        for item in answers["items"].as_array().unwrap() {
            total += 1;
            let code = item["code"].as_str().unwrap();
            let line = page.text.text.lines().find(|l| {
                l.split(['\t', ' '])
                    .find(|t| !t.is_empty())
                    .and_then(item_code)
                    .as_deref()
                    == Some(code)
            });
            let Some(line) = line else {
                eprintln!("{}: {code} not found", pdf.display());
                continue;
            };
            codes_ok += 1;
            let got = status(line, columns);
            if got == item["status"].as_str().unwrap() {
                states_ok += 1;
            } else {
                eprintln!("{}: {code}: got {got} from {line:?}", pdf.display());
            }
        }
    }
    eprintln!(
        "scanned fixtures: {codes_ok}/{total} item codes, {states_ok}/{total} checkbox states"
    );
    assert!(
        codes_ok * 100 >= total * 95,
        "item codes {codes_ok}/{total}"
    );
    assert!(
        states_ok * 100 >= total * 95,
        "checkbox states {states_ok}/{total}"
    );
}
