//! The born-digital PDF fixtures (fixtures/pdf/, made with LibreOffice by
//! scripts/make_pdf_fixtures.*) through the whole pipeline: every item's and
//! indicator's status in the document JSON against the fixture's answers.

use ita_extract::pipeline::{process_path, PipelineOptions};
use std::collections::BTreeMap;
use std::path::Path;

fn want_status(s: &str) -> &str {
    match s {
        "none" => "unknown",
        other => other,
    }
}

#[test]
fn pdf_fixtures_items_and_indicators_match_answers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf");
    let mut answers: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/pdf")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    answers.sort();
    assert!(answers.len() >= 5, "expected PDF fixtures with answers");
    let (mut ok, mut all) = (0, 0);
    let mut misses = Vec::new();
    for a in &answers {
        let ans: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(a).expect("read")).expect("json");
        let doc = process_path(&a.with_extension("pdf"), &PipelineOptions::default());
        let doc = serde_json::to_value(&doc).expect("json");
        let items: BTreeMap<String, String> = doc["oit_items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| {
                Some((
                    i["code"].as_str()?.to_string(),
                    i["status"].as_str()?.to_string(),
                ))
            })
            .collect();
        let inds: BTreeMap<String, String> = doc["indicators"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| Some((i["number"].to_string(), i["status"].as_str()?.to_string())))
            .collect();
        for (table, got) in [("items", &items), ("indicators", &inds)] {
            for (k, v) in ans[table].as_object().into_iter().flatten() {
                all += 1;
                let want = want_status(v.as_str().unwrap_or(""));
                if got.get(k).map(String::as_str) == Some(want) {
                    ok += 1;
                } else {
                    misses.push(format!(
                        "{}: {k} want {want} got {:?}",
                        a.display(),
                        got.get(k)
                    ));
                }
            }
        }
        if let Some(y) = ans["fiscal_year"].as_i64() {
            assert_eq!(doc["fiscal_year"].as_i64(), Some(y), "{}", a.display());
        }
    }
    let accuracy = ok as f64 / all as f64;
    println!("pdf fixtures: {ok}/{all} statuses right ({accuracy:.4})");
    assert!(accuracy >= 0.99, "{misses:#?}");
}
