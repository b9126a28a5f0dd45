//! Every generated fixture PDF (fixtures/pdf/*.pdf, made by scripts/make_pdf_fixtures.py
//! with LibreOffice) against its answers JSON: item codes, checkbox states, indicator
//! states, agency and year, and clean Thai. The page text is parsed here with a small
//! reader of the ☐ ☑ ☒ lines the PDF reader writes, independent of the extractor.

use ita_extract::ingest::pdf::{read_pdf, PdfOptions};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    // ITA_PDF_FIXTURES points the test at another generated set (other seeds).
    let dir = std::env::var_os("ITA_PDF_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf"));
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/pdf exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

fn is_box(c: char) -> bool {
    matches!(c, '☐' | '☑' | '☒')
}

/// The status a block of text ticks: the label of the (first) selected box.
/// Boxes may stand before their labels ("☑ ดำเนินการแล้ว") or after them
/// ("ดำเนินการแล้ว ☑").
fn status_of(block: &str) -> String {
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let boxes: Vec<usize> = chars
        .iter()
        .filter(|(_, c)| is_box(*c))
        .map(|(i, _)| *i)
        .collect();
    if boxes.is_empty() {
        return "no_boxes".into();
    }
    // Boxes precede their labels when the first box starts a cell or a line.
    let before_label = block[..boxes[0]]
        .trim_end_matches(' ')
        .ends_with(['\t', '\n'])
        || block[..boxes[0]].trim().is_empty();
    let mut picked = Vec::new();
    for (k, &b) in boxes.iter().enumerate() {
        let c = block[b..].chars().next().unwrap_or(' ');
        if c == '☐' {
            continue;
        }
        let label = if before_label {
            let end = boxes.get(k + 1).copied().unwrap_or(block.len());
            &block[b + c.len_utf8()..end]
        } else {
            let start = if k == 0 { 0 } else { boxes[k - 1] + 3 };
            &block[start..b]
        };
        let label: String = label.split_whitespace().collect();
        picked.push(if label.contains("ยังไม่ได้ดำเนินการ") {
            "not_done"
        } else if label.contains("ดำเนินการแล้ว") {
            "done"
        } else {
            "unknown_label"
        });
    }
    // Bare boxes under column headers ("ดำเนินการแล้ว | ยังไม่ได้ดำเนินการ"): the first
    // box is "done", the second "not done".
    if picked.iter().all(|p| *p == "unknown_label") && boxes.len() == 2 {
        let ticked: Vec<usize> = (0..2)
            .filter(|&k| !block[boxes[k]..].starts_with('☐'))
            .collect();
        return match ticked.as_slice() {
            [] => "unknown".into(),
            [0] => "done".into(),
            [1] => "not_done".into(),
            _ => "conflict".into(),
        };
    }
    if picked.is_empty() && boxes.len() == 2 && block[boxes[0]..].starts_with('☐') {
        return "unknown".into();
    }
    match picked.as_slice() {
        [] => "unknown".into(),
        [one] => one.to_string(),
        _ => "conflict".into(),
    }
}

/// Item code at the start of a line (first cell), e.g. "O12".
fn item_code(line: &str) -> Option<String> {
    let t = line.trim_start();
    let rest = t.strip_prefix('O')?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let after = rest[digits.len()..].chars().next();
    (!digits.is_empty() && matches!(after, None | Some('\t') | Some(' ')))
        .then(|| format!("O{digits}"))
}

/// Indicator number at the start of a line holding boxes ("1\t..." or "1. ...").
fn indicator_no(line: &str) -> Option<String> {
    let t = line.trim_start();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let after = t[digits.len()..].chars().next();
    (!digits.is_empty()
        && matches!(after, Some('\t') | Some('.') | Some(' '))
        && line.contains(is_box))
    .then_some(digits)
}

/// Per item code, the text from its line up to the next item line.
fn item_blocks(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut cur: Option<String> = None;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(code) = item_code(line) {
            out.entry(code.clone()).or_default().push(line.to_string());
            cur = Some(code);
        } else if let Some(c) = &cur {
            // A continuation: more boxes, or a row carried over a page break (empty first
            // cell).
            if (line.contains(is_box) || line.starts_with('\t')) && !line.contains("ตัวชี้วัด")
            {
                if let Some(v) = out.get_mut(c) {
                    if let Some(last) = v.last_mut() {
                        last.push('\n');
                        last.push_str(line);
                    }
                }
            } else {
                cur = None;
            }
        }
    }
    out
}

#[test]
fn fixtures_give_their_answers() {
    let files = fixtures();
    assert!(
        files.len() >= 5,
        "expected the generated fixtures, found {}",
        files.len()
    );
    let mut total = 0usize;
    let mut wrong = Vec::new();
    for answers_path in files {
        let answers: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&answers_path).unwrap()).unwrap();
        let pdf_path = answers_path.with_extension("pdf");
        let bytes = std::fs::read(&pdf_path).unwrap();
        let pdf = read_pdf(&bytes, &PdfOptions::default()).unwrap();
        // Boxes: sorted, inside the text, on character boundaries, covering every word.
        for page in &pdf.pages {
            let mut last = 0;
            for (r, b) in &page.boxes {
                assert!(
                    r.start >= last && r.start < r.end && r.end <= page.text.len(),
                    "{r:?}"
                );
                assert!(page.text.is_char_boundary(r.start) && page.text.is_char_boundary(r.end));
                assert!(b.0[0] <= b.0[2] && b.0[1] <= b.0[3]);
                last = r.end;
            }
            let covered: usize = page.boxes.iter().map(|(r, _)| r.len()).sum();
            let ink = page
                .text
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(char::len_utf8)
                .sum::<usize>();
            assert_eq!(
                covered, ink,
                "page {}: every non-space byte is in a box",
                page.number
            );
        }
        let text: String = pdf
            .pages
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let name = pdf_path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!text.contains('\u{FFFD}'), "{name}: U+FFFD in text");
        for bad in ["ดำา", "\u{0E4D}\u{0E32}", "ควำม", "กำร"] {
            assert!(!text.contains(bad), "{name}: broken Thai {bad:?}");
        }
        let agency = answers["agency"].as_str().unwrap();
        assert!(text.contains(agency), "{name}: agency {agency} not in text");
        let year = answers["fiscal_year"].as_u64().unwrap().to_string();
        assert!(text.contains(&year), "{name}: year {year} not in text");
        // Items.
        let blocks = item_blocks(&text);
        for (code, want) in answers["items"].as_object().unwrap() {
            total += 1;
            let want = want.as_str().unwrap();
            match blocks.get(code).map(Vec::as_slice) {
                Some([block]) => {
                    let got = status_of(block);
                    if got != want {
                        wrong.push(format!(
                            "{name} {code}: want {want}, got {got} in {block:?}"
                        ));
                    }
                }
                Some(many) => wrong.push(format!("{name} {code}: {} rows", many.len())),
                None => wrong.push(format!("{name} {code}: missing")),
            }
        }
        for code in blocks.keys() {
            if answers["items"].get(code).is_none() {
                wrong.push(format!("{name} {code}: not in the answers"));
            }
        }
        // Indicators.
        let mut inds = BTreeMap::new();
        for line in text.lines() {
            if let Some(no) = indicator_no(line) {
                inds.insert(no, status_of(line));
            }
        }
        for (no, want) in answers["indicators"].as_object().unwrap() {
            total += 1;
            let got = inds.get(no).map(String::as_str).unwrap_or("missing");
            if got != want.as_str().unwrap() {
                wrong.push(format!("{name} indicator {no}: want {want}, got {got}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {total} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn status_parser_reads_both_orders() {
    assert_eq!(status_of("O1\tx\t☑ ดำเนินการแล้ว ☐ ยังไม่ได้ดำเนินการ"), "done");
    assert_eq!(
        status_of("O1\tx\t☐ ดำเนินการแล้ว ☑ ยังไม่ได้ดำเนินการ"),
        "not_done"
    );
    assert_eq!(
        status_of("O1\tx\tดำเนินการแล้ว ☐ ยังไม่ได้ดำเนินการ ☒"),
        "not_done"
    );
    assert_eq!(status_of("O1\tx\tดำเนินการแล้ว ☒ ยังไม่ได้ดำเนินการ ☐"), "done");
    assert_eq!(
        status_of("O1\tx\t☐ ดำเนินการแล้ว ☐ ยังไม่ได้ดำเนินการ"),
        "unknown"
    );
    assert_eq!(item_code("O12\tx"), Some("O12".into()));
    assert_eq!(item_code("O1 2\tx"), Some("O1".into()));
    assert_eq!(item_code("OIT"), None);
}
