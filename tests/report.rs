//! `ita-extract report` and `explain` through the built binary, on fixtures: the
//! report outlines every extracted item and indicator on its page, and each outline's
//! position is its value's span (page, byte range, bbox) read back from the document
//! JSON by the outline's path; in text the outline's UTF-16 range covers exactly the
//! span's raw text. The browser test (tests/browser) checks the same outlines are drawn.

use ita_extract::output::report::data_of_js;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_ita-extract");
const INPUTS: [&str; 4] = [
    "fixtures/pdf",
    "fixtures/pdf2",
    "fixtures/seed_1afe833d.txt",
    "fixtures/corpus_sample/doc_00000.txt",
];

fn bin(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run the binary")
}

/// The value a path such as `oit_items[3].status_source.marks[0]` names, and its span.
fn resolve<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = doc;
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop()?;
    for part in parts {
        v = step(v, part)?;
    }
    // The span is `<last>.span`, `<parent>.<last>_span`, or `<parent>.decided_at`.
    if last == "decided_at" {
        return v.get("decided_at");
    }
    if let Some(s) = step(v, last).and_then(|o| o.get("span")) {
        return Some(s);
    }
    v.get(format!("{last}_span"))
}

fn step<'a>(v: &'a Value, part: &str) -> Option<&'a Value> {
    let (name, idx) = match part.split_once('[') {
        Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
        None => (part, None),
    };
    let v = v.get(name)?;
    match idx {
        Some(i) => v.get(i),
        None => Some(v),
    }
}

#[test]
fn outlines_sit_on_their_values_spans_and_explain_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let run = tmp.path().join("run");
    let site = tmp.path().join("site");
    let mut args = vec!["run", "-q", "-j", "1", "-o", run.to_str().unwrap()];
    args.extend(INPUTS);
    let out = bin(&args);
    assert!(out.status.code().unwrap_or(9) <= 1, "run: {out:?}");
    let out = bin(&[
        "report",
        run.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "report: {out:?}");
    for f in [
        "index.html",
        "doc.html",
        "compare.html",
        "style.css",
        "report.js",
        "overview.js",
    ] {
        assert!(site.join(f).is_file(), "{f} written");
    }
    let overview = data_of_js(&fs::read_to_string(site.join("overview.js")).unwrap()).unwrap();

    let mut files: Vec<_> = fs::read_dir(site.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len() as u64, overview["documents"].as_u64().unwrap());
    assert!(files.len() >= 20, "{} documents", files.len());
    let (mut items, mut checked, mut pdf_docs, mut text_docs) = (0, 0, 0, 0);
    for f in &files {
        let data = data_of_js(&fs::read_to_string(f).unwrap()).unwrap();
        let doc = &data["document"];
        let id = data["id"].as_str().unwrap();
        let pages = data["pages"].as_array().unwrap();
        assert_eq!(
            pages.len() as u64,
            doc["source"]["pages"].as_u64().unwrap(),
            "{id}: every page drawn ({:?})",
            data["pages_note"]
        );
        let pdf = doc["source"]["format"] == "pdf";
        if pdf {
            pdf_docs += 1
        } else {
            text_docs += 1
        }
        let outlines = data["outlines"].as_array().unwrap();
        // Every item and indicator has its outline.
        for key in ["oit_items", "indicators"] {
            for i in 0..doc[key].as_array().map(Vec::len).unwrap_or(0) {
                let path = format!("{key}[{i}]");
                let o = outlines.iter().find(|o| o["path"] == path.as_str());
                let o = o.unwrap_or_else(|| panic!("{id}: {path} has no outline"));
                items += 1;
                assert_eq!(o["value"], doc[key][i]["status"], "{id}: {path} value");
                if pdf {
                    assert!(o["bbox"].is_array(), "{id}: {path} outlined with a box");
                }
            }
        }
        for o in outlines {
            let path = o["path"].as_str().unwrap();
            let span = resolve(doc, path).unwrap_or_else(|| panic!("{id}: {path} names no span"));
            assert_eq!(o["page"], span["page"], "{id}: {path} page");
            assert_eq!(o["byte_start"], span["byte_start"], "{id}: {path} start");
            assert_eq!(o["byte_end"], span["byte_end"], "{id}: {path} end");
            assert_eq!(o.get("bbox"), span.get("bbox"), "{id}: {path} bbox");
            let page = pages
                .iter()
                .find(|p| p["number"] == span["page"])
                .unwrap_or_else(|| panic!("{id}: {path} on a page that is not drawn"));
            if let Some(b) = o["bbox"].as_array() {
                let b: Vec<f64> = b.iter().map(|v| v.as_f64().unwrap()).collect();
                let (w, h) = (
                    page["width"].as_f64().unwrap(),
                    page["height"].as_f64().unwrap(),
                );
                assert!(
                    b[0] <= b[2] && b[1] <= b[3] && b[0] >= -1.0 && b[2] <= w && b[3] <= h,
                    "{id}: {path} box {b:?} inside the {w}x{h} page"
                );
            }
            if !pdf {
                let raw = page["raw"].as_str().unwrap();
                let u16: Vec<u16> = raw.encode_utf16().collect();
                let r = o["raw_u16"].as_array().unwrap();
                let (s, e) = (
                    r[0].as_u64().unwrap() as usize,
                    r[1].as_u64().unwrap() as usize,
                );
                let bs = span["byte_start"].as_u64().unwrap() as usize;
                let be = span["byte_end"].as_u64().unwrap() as usize;
                assert_eq!(
                    String::from_utf16(&u16[s..e]).unwrap(),
                    raw[bs..be],
                    "{id}: {path} marks the span's raw text"
                );
            }
            checked += 1;
        }
    }
    assert!(
        pdf_docs >= 10 && text_docs >= 2,
        "{pdf_docs} PDFs, {text_docs} texts"
    );
    assert!(items >= 200, "{items} items and indicators outlined");
    assert!(checked > items, "{checked} outlines checked");

    // explain: one item of the seed, in words, with its boxes and labels.
    let out = bin(&["explain", "fixtures/seed_1afe833d.txt", "O1"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("O1 \""), "{text}");
    for needle in [
        "read from: page ",
        "status rule: ",
        "catalogue: ",
        "flags: ",
    ] {
        assert!(text.contains(needle), "explain says {needle:?}: {text}");
    }
    assert!(
        text.contains("    box checked") || text.contains("    label "),
        "{text}"
    );
    let out = bin(&["explain", "fixtures/seed_1afe833d.txt", "O99"]);
    assert_eq!(out.status.code(), Some(1), "nothing called O99: {out:?}");
    assert!(Path::new(BIN).exists());
}

/// A scanned page is drawn over its page image: a PNG beside the document's data whose
/// box is the whole page, so the OCR outlines sit on the scan (OCR is off here: the image
/// comes from our own rasteriser, not from the engine).
#[test]
fn scanned_pages_are_drawn_over_their_page_image() {
    let tmp = tempfile::tempdir().unwrap();
    let run = tmp.path().join("run");
    let site = tmp.path().join("site");
    let out = bin(&[
        "run",
        "-q",
        "--ocr",
        "off",
        "-o",
        run.to_str().unwrap(),
        "fixtures/scanned/scan_oit_g4.pdf",
        "fixtures/seed_1afe833d.txt",
    ]);
    assert!(out.status.code().unwrap_or(9) <= 1, "run: {out:?}");
    let out = bin(&[
        "report",
        run.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
        "--ocr",
        "off",
    ]);
    assert_eq!(out.status.code(), Some(0), "report: {out:?}");
    let mut scans = 0;
    for e in fs::read_dir(site.join("docs")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "js") {
            continue;
        }
        let data = data_of_js(&fs::read_to_string(&p).unwrap()).unwrap();
        let pdf = data["document"]["source"]["format"] == "pdf";
        for page in data["pages"].as_array().unwrap() {
            let image = &page["image"];
            if !pdf {
                assert!(image.is_null(), "a text page has no image");
                continue;
            }
            scans += 1;
            let href = image["href"].as_str().expect("the scan has an image");
            let png = fs::read(site.join(href)).unwrap();
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{href} is a PNG");
            let b: Vec<f64> = image["bbox"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect();
            // The page's corner, to the raster's rounding (a pixel at 100 dpi is 0.72 pt).
            assert!(b[0].abs() < 1.0 && b[1].abs() < 1.0, "{b:?}");
            assert!((page["width"].as_f64().unwrap() - b[2]).abs() < 0.01);
            assert!((page["height"].as_f64().unwrap() - b[3]).abs() < 0.01);
        }
    }
    assert_eq!(scans, 1, "the scan's one page");
}
