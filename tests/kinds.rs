//! Document kinds, results rows and assessment numbers on the generated fixtures of
//! `fixtures/kinds/` (text, and LibreOffice Writer/Calc exports made by
//! `scripts/make_kinds_fixtures.sh`), each checked against its `.answers.json`, written
//! from what the document says, not from what the reader returns.

use ita_extract::diagnostic::Severity;
use ita_extract::model::{DocKind, Document};
use ita_extract::pipeline::{process_path, PipelineOptions};
use serde_json::Value;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/kinds")
        .join(name)
}

fn answers(doc_file: &str) -> Value {
    let stem = doc_file.rsplit_once('.').unwrap().0;
    let path = fixture(&format!("{stem}.answers.json"));
    serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
}

fn run(name: &str) -> Document {
    let mut opts = PipelineOptions::default();
    opts.ocr.mode = ita_extract::cli::OcrMode::Off;
    process_path(&fixture(name), &opts)
}

fn kind(v: &Value) -> Option<DocKind> {
    serde_json::from_value(v["doc_kind"].clone()).unwrap()
}

/// Compare one results table with its answers: every stated field of every row.
fn check_results(name: &str) {
    let doc = run(name);
    let want = answers(name);
    assert_eq!(doc.doc_kind, kind(&want), "{name}");
    let rows = want["results"].as_array().unwrap();
    assert_eq!(doc.results.len(), rows.len(), "{name}: {:#?}", doc.results);
    for (r, w) in doc.results.iter().zip(rows) {
        let ctx = format!("{name} row {:?}", r.rank);
        assert_eq!(r.rank, w["rank"].as_u64().map(|n| n as u32), "{ctx}");
        assert_eq!(r.agency_written, w["agency"].as_str().unwrap(), "{ctx}");
        assert_eq!(r.agency.agency_type.as_deref(), w["type"].as_str(), "{ctx}");
        for (field, got) in [
            ("district", &r.agency.district),
            ("province", &r.agency.province),
        ] {
            if let Some(want) = w[field].as_str() {
                assert_eq!(got.as_deref(), Some(want), "{ctx}: {field}");
            }
        }
        let flagged = w["flagged"].as_bool().unwrap_or(false);
        assert_eq!(r.flagged, flagged, "{ctx}");
        if !flagged {
            for (field, got) in [
                ("iit", r.iit),
                ("eit", r.eit),
                ("oit", r.oit),
                ("total", r.total),
            ] {
                assert_eq!(got, w[field].as_f64(), "{ctx}: {field}");
            }
        }
        assert_eq!(r.level.as_deref(), w["level"].as_str(), "{ctx}");
        assert!(
            !r.text.is_empty() && r.span.byte_end > r.span.byte_start,
            "{ctx}"
        );
    }
    let flags = doc
        .flags
        .iter()
        .filter(|f| f.code.as_str() == "score_inconsistent" && f.severity == Severity::Warning)
        .count();
    assert_eq!(
        flags,
        doc.results.iter().filter(|r| r.flagged).count(),
        "{name}"
    );
    // Its levels go by the total alone (ผ่านดีเยี่ยม for 97.52 with an EIT of 93.7%),
    // against the 2567 rule in every row it decides: one note, no warning per row.
    let notes: Vec<_> = doc
        .flags
        .iter()
        .filter(|f| f.code.as_str() == "score_inconsistent" && f.severity == Severity::Info)
        .collect();
    assert_eq!(notes.len(), 1, "{name}: {notes:?}");
    assert!(
        notes[0].message.contains("5 of the 5"),
        "{}",
        notes[0].message
    );
}

#[test]
fn text_announcement_rows_and_agencies() {
    check_results("announcement_local.txt");
}

/// Compare an analysis report's assessment block with its answers, key by key.
fn check_assessment(name: &str) -> Document {
    let doc = run(name);
    let want = answers(name);
    assert_eq!(doc.doc_kind, kind(&want), "{name}: {:?}", doc.doc_kind_rule);
    let a = doc
        .assessment
        .as_ref()
        .unwrap_or_else(|| panic!("{name}: no assessment"));
    let w = &want["assessment"];
    assert_eq!(
        a.assessment_year,
        w["assessment_year"].as_i64().map(|y| y as i32),
        "{name}"
    );
    assert_eq!(
        a.previous_year,
        w["previous_year"].as_i64().map(|y| y as i32),
        "{name}"
    );
    assert_eq!(a.level.as_deref(), w["level"].as_str(), "{name}");
    assert_eq!(a.tool_scale.as_deref(), w["tool_scale"].as_str(), "{name}");
    let v = |s: &Option<ita_extract::model::Stated>| s.as_ref().map(|s| s.value);
    for (field, got) in [
        ("total", v(&a.total)),
        ("iit", v(&a.iit)),
        ("eit", v(&a.eit)),
        ("oit", v(&a.oit)),
        ("previous_total", v(&a.previous_total)),
        ("stated_difference", v(&a.stated_difference)),
    ] {
        assert_eq!(got, w[field].as_f64(), "{name}: {field}");
    }
    let got: Vec<(String, f64)> = a
        .indicators
        .iter()
        .map(|i| (i.number.to_string(), i.score.value))
        .collect();
    let mut expected: Vec<(String, f64)> = w["indicators"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_f64().unwrap()))
        .collect();
    expected.sort_by_key(|(k, _)| k.parse::<u32>().unwrap());
    assert_eq!(got, expected, "{name}: indicators");
    let got: std::collections::BTreeMap<String, f64> = a
        .questions
        .iter()
        .map(|q| (q.code.clone(), q.score.value))
        .collect();
    let expected: std::collections::BTreeMap<String, f64> = w["questions"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_f64().unwrap()))
        .collect();
    assert_eq!(got, expected, "{name}: questions");
    // Every number keeps its text as written and its place.
    for s in a
        .indicators
        .iter()
        .map(|i| &i.score)
        .chain(a.questions.iter().map(|q| &q.score))
    {
        assert!(
            !s.text.is_empty() && s.span.byte_end > s.span.byte_start,
            "{name}: {s:?}"
        );
    }
    let inconsistent = doc
        .flags
        .iter()
        .filter(|f| f.code.as_str() == "score_inconsistent")
        .count();
    assert_eq!(
        inconsistent as u64,
        want["score_inconsistent"].as_u64().unwrap(),
        "{name}: {:#?}",
        doc.flags
    );
    assert!(
        !doc.flags
            .iter()
            .any(|f| f.code.as_str().starts_with("status_")),
        "{name}: status flags on a document without checkboxes"
    );
    doc
}

#[test]
fn text_analysis_report_numbers() {
    let doc = check_assessment("analysis_municipal.txt");
    // The report's own year (2567) is not the assessed year (2566).
    assert_eq!(doc.fiscal_year, Some(2567));
    // Thai digits as written.
    let a = doc.assessment.unwrap();
    assert_eq!(a.total.unwrap().text, "๙๒.๘๔");
}

#[test]
fn a_report_that_contradicts_itself_is_flagged_in_each_place() {
    let doc = check_assessment("analysis_contradicts.txt");
    let messages: Vec<&str> = doc
        .flags
        .iter()
        .filter(|f| f.code.as_str() == "score_inconsistent")
        .map(|f| f.message.as_str())
        .collect();
    // Both places of indicator 7 are named; the first statement is kept.
    assert!(
        messages
            .iter()
            .any(|m| m.contains("indicator 7") && m.contains("82.60") && m.contains("80.60")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|m| m.contains("89.69")), "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("level ผ่านดีเยี่ยม")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("stated difference 4.62")),
        "{messages:?}"
    );
}

#[test]
fn writer_export_of_the_analysis_report() {
    let doc = check_assessment("writer_analysis_municipal.pdf");
    // The o-codes scored 100 / 0 give their OIT items' status, the score kept.
    let status = |code: &str| {
        doc.oit_items
            .iter()
            .find(|i| i.code.as_deref() == Some(code))
            .map(|i| (i.status, i.score))
    };
    use ita_extract::model::ItemStatus;
    assert_eq!(status("O1"), Some((ItemStatus::Done, Some(100.0))));
    assert_eq!(status("O12"), Some((ItemStatus::NotDone, Some(0.0))));
    assert_eq!(status("O33"), Some((ItemStatus::NotDone, Some(0.0))));
}

/// Calc prints a sheet too wide for the page in strips of columns: the rank column on
/// page 1, the rest of each row on page 2 at the same height. Each row takes its rank
/// from page 1, and says where it was read.
#[test]
fn calc_export_of_the_announcement() {
    let doc = run("calc_announcement_local.pdf");
    let want = answers("calc_announcement_local.pdf");
    assert_eq!(doc.doc_kind, kind(&want));
    let rows = want["results"].as_array().unwrap();
    assert_eq!(doc.results.len(), rows.len());
    for (r, w) in doc.results.iter().zip(rows) {
        assert_eq!(r.agency_written, w["agency"].as_str().unwrap());
        assert_eq!(r.agency.agency_type.as_deref(), w["type"].as_str());
        assert_eq!(r.level.as_deref(), w["level"].as_str());
        assert_eq!(r.flagged, w["flagged"].as_bool().unwrap_or(false));
        if !r.flagged {
            assert_eq!(r.total, w["total"].as_f64(), "{}", r.agency_written);
        }
        assert_eq!(
            r.rank,
            w["rank"].as_u64().map(|n| n as u32),
            "{}",
            r.agency_written
        );
        let at = r.rank_span.as_ref().expect("the rank's own span");
        assert_eq!((at.page, r.span.page), (1, 2));
        let (a, b) = (at.bbox.unwrap().0, r.span.bbox.unwrap().0);
        assert!(a[1] < b[3] && b[1] < a[3], "rank and row at one height");
    }
    assert!(!doc
        .flags
        .iter()
        .any(|f| f.code.as_str() == "result_unreadable"));
}

/// `run` writes results.csv; `compare` writes it merged and score_trends.csv, joining an
/// agency's own analysis (2566, and 2565 as its previous year) with its row in an
/// announcement (2567).
#[test]
fn run_and_compare_write_results_and_score_trends() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for name in ["analysis_municipal.txt", "announcement_local.txt"] {
        std::fs::copy(fixture(name), input.join(name)).unwrap();
    }
    let out = dir.path().join("out");
    let cmp = dir.path().join("cmp");
    let bin = env!("CARGO_BIN_EXE_ita-extract");
    let st = Command::new(bin)
        .args([
            "run",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-q",
            "--ocr",
            "off",
        ])
        .status()
        .unwrap();
    assert!(st.code().is_some_and(|c| c <= 1));
    let results = std::fs::read_to_string(out.join("results.csv")).unwrap();
    assert_eq!(results.lines().count(), 1 + 7, "{results}");
    assert!(results
        .lines()
        .next()
        .unwrap()
        .starts_with("doc_id,fiscal_year,rank,agency_written"));
    let st = Command::new(bin)
        .args([
            "compare",
            out.to_str().unwrap(),
            "-o",
            cmp.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(st.code().is_some_and(|c| c <= 1));
    assert_eq!(
        std::fs::read_to_string(cmp.join("results.csv")).unwrap(),
        results
    );
    let trends = std::fs::read_to_string(cmp.join("score_trends.csv")).unwrap();
    let rows: Vec<Vec<&str>> = trends
        .lines()
        .filter(|l| l.starts_with("เทศบาลเมืองอรัญญิก"))
        .map(|l| l.split(',').collect())
        .collect();
    let years: Vec<(&str, &str, &str, &str)> =
        rows.iter().map(|r| (r[3], r[4], r[9], r[11])).collect();
    assert_eq!(
        years,
        [
            ("2565", "89.1", "", "previous"),
            ("2566", "92.84", "3.74", "assessment"),
            ("2567", "92.45", "-0.39", "results"),
        ],
        "{trends}"
    );
}
