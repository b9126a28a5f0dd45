//! Scanned PDFs through the whole pipeline: image-only pages are found, read by Tesseract
//! and extracted like any other page; without the engine (`--ocr off`) the document is
//! `partial` with `no_text_layer`, never silently empty. The engine test is ignored by a
//! plain `cargo test` (its summary counts it, with the reason); `.ci/run` installs
//! Tesseract and runs it with `--ignored`, and a missing engine then fails it.

use ita_extract::cli::OcrMode;
use ita_extract::model::{DocStatus, TextOrigin};
use ita_extract::pipeline::{process_path, PipelineOptions};
use std::path::Path;

fn fixtures() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/scanned");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/scanned")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    v.sort();
    v
}

#[test]
fn scanned_without_ocr_is_partial_and_flagged() {
    let mut opts = PipelineOptions::default();
    opts.ocr.mode = OcrMode::Off;
    for pdf in fixtures() {
        let doc = process_path(&pdf, &opts);
        assert_eq!(doc.status, DocStatus::Partial, "{}", pdf.display());
        assert!(doc.flags.iter().any(|f| f.code.as_str() == "no_text_layer"));
    }
}

#[test]
#[ignore = "needs Tesseract with Thai data; run by .ci/run (cargo test --test ocr_pipeline -- --ignored)"]
fn scanned_fixtures_read_by_tesseract() {
    assert!(
        std::process::Command::new("tesseract")
            .arg("--version")
            .output()
            .is_ok(),
        "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-tha)"
    );
    let opts = PipelineOptions::default();
    let (mut ok, mut all) = (0, 0);
    for pdf in fixtures() {
        let answers = pdf.with_file_name(format!(
            "{}.answers.json",
            pdf.file_stem().and_then(|s| s.to_str()).unwrap_or("")
        ));
        let ans: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&answers).expect("answers"))
                .expect("json");
        let doc = process_path(&pdf, &opts);
        assert_eq!(
            doc.source.text_origin,
            TextOrigin::OcrEngine,
            "{}",
            pdf.display()
        );
        // Ticks read from pixels are in the output with their confidence and place.
        assert!(!doc.pixel_checkboxes.is_empty(), "{}", pdf.display());
        for b in &doc.pixel_checkboxes {
            assert!((0.5..=1.0).contains(&b.confidence), "{b:?}");
            assert!(b.span.as_ref().is_some_and(|s| s.bbox.is_some()), "{b:?}");
        }
        for item in ans["items"].as_array().into_iter().flatten() {
            all += 1;
            let code = item["code"].as_str().unwrap_or("");
            let want = item["status"].as_str().unwrap_or("");
            if doc
                .oit_items
                .iter()
                .any(|i| i.code.as_deref() == Some(code) && i.status.as_str() == want)
            {
                ok += 1;
            } else {
                eprintln!("{}: {code} want {want}", pdf.display());
            }
        }
    }
    let acc = ok as f64 / all.max(1) as f64;
    println!("scanned fixtures through the pipeline: {ok}/{all} item statuses right ({acc:.3})");
    assert!(all > 0);
    assert!(acc >= 0.95, "{ok}/{all}");
}

#[test]
fn sidecar_ocr_text_beside_a_scan_is_used_and_said() {
    let dir = tempfile::tempdir().expect("tempdir");
    let scan = fixtures().into_iter().next().expect("a scanned fixture");
    let pdf = dir.path().join("report.pdf");
    std::fs::copy(&scan, &pdf).expect("copy");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed_1afe833d.txt");
    std::fs::copy(seed, dir.path().join("report.md")).expect("copy");
    let doc = process_path(&pdf, &PipelineOptions::default());
    assert_eq!(doc.source.text_origin, TextOrigin::OcrText);
    assert!(doc
        .flags
        .iter()
        .any(|f| f.code.as_str() == "ocr_text" && f.message.contains("report.md")));
    assert!(!doc.flags.iter().any(|f| f.code.as_str() == "no_text_layer"));
    assert_eq!(doc.oit_items.len(), 43, "the sidecar's items are read");
    assert!(!doc
        .flags
        .iter()
        .any(|f| f.code.as_str() == "invalid_encoding"));
    // Bytes that are not UTF-8 in the sidecar are flagged as in any text input, naming
    // the file, and the document is partial.
    let mut bytes = std::fs::read(dir.path().join("report.md")).unwrap();
    bytes.extend_from_slice(b"\n\xff\xfe O1 \xc3\n");
    std::fs::write(dir.path().join("report.md"), bytes).unwrap();
    let doc = process_path(&pdf, &PipelineOptions::default());
    let bad: Vec<_> = doc
        .flags
        .iter()
        .filter(|f| f.code.as_str() == "invalid_encoding")
        .collect();
    assert_eq!(bad.len(), 1, "{:?}", doc.flags);
    assert!(bad[0].message.contains("report.md"), "{}", bad[0].message);
    assert_eq!(doc.status.as_str(), "partial");
}
