//! The second synthetic corpus (`scripts/gen_corpus2.py`): reports written from the
//! variety of real Thai documents (item code forms, status vocabularies, status in one
//! cell or in several columns, ordinal / URL / notes columns, wrapped titles and codes,
//! fiscal years 2564-2569, five OCR flavours), each document tagged with the variation
//! classes it exhibits. Scores item status accuracy per class and prints the table with
//! the classes below the target of 0.995 (issue 9) marked. The target is not met yet:
//! the test asserts the accuracy reached so far as a floor (overall item status, which
//! must not fall), and that every document without ITA content is reported `partial`
//! with a `no_ita_content` flag. Raise the floor as the extractor improves.
//!
//! Generates into a temp dir by running `python3`, and skips with a message when python3
//! is not installed. ITA_CORPUS2_N / ITA_CORPUS2_SEED score another corpus.

use ita_extract::pipeline::{process_path, PipelineOptions};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The target per class (issue 9); classes below it are marked in the table.
const MIN_ACCURACY: f64 = 0.995;
/// Overall item status accuracy reached on `--n 300 --seed 7` (0.9985 when set): a
/// floor that must not fall.
const FLOOR_OVERALL: f64 = 0.997;
/// Indicator status accuracy reached on the same corpus (0.9992 when set): a floor.
const FLOOR_INDICATORS: f64 = 0.99;
const MIN_ITEMS: usize = 50;

/// Run the generator; false (after a message) when python3 is missing.
fn generate(out: &Path, n: &str, seed: &str) -> bool {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/gen_corpus2.py");
    let status = Command::new("python3")
        .arg(&script)
        .args(["--n", n, "--seed", seed, "--quiet", "--out"])
        .arg(out)
        .status();
    match status {
        Ok(s) => {
            assert!(s.success(), "gen_corpus2.py failed: {s}");
            true
        }
        Err(err) => {
            eprintln!("skipping: cannot run python3 ({err})");
            false
        }
    }
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn ratio(ok: usize, all: usize) -> f64 {
    ok as f64 / all.max(1) as f64
}

#[derive(Default)]
struct Tally {
    ok: usize,
    all: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.ok += usize::from(ok);
        self.all += 1;
    }
}

#[test]
fn extractor_item_status_per_class_on_corpus2() {
    let n = std::env::var("ITA_CORPUS2_N").unwrap_or_else(|_| "300".to_string());
    let seed = std::env::var("ITA_CORPUS2_SEED").unwrap_or_else(|_| "7".to_string());
    let tmp = tempfile::tempdir().expect("tempdir");
    if !generate(tmp.path(), &n, &seed) {
        return;
    }
    let text = std::fs::read_to_string(tmp.path().join("answers.jsonl")).expect("answers.jsonl");
    let answers: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("answers line is JSON"))
        .collect();
    assert!(!answers.is_empty(), "empty corpus");

    let opts = PipelineOptions::default();
    let started = Instant::now();
    let mut by_class: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_tag: BTreeMap<String, Tally> = BTreeMap::new();
    // "alone": documents where the class is the only deviation from the generator's default
    // profile (for classes every document has, like a flavour: documents with no deviation)
    let mut alone: BTreeMap<String, Tally> = BTreeMap::new();
    let deviation_classes: BTreeSet<&str> = answers
        .iter()
        .flat_map(|a| a["deviations"].as_array().into_iter().flatten().map(s))
        .collect();
    let mut items = Tally::default();
    let mut indicators = Tally::default();
    let mut misses: Vec<String> = Vec::new();
    let mut no_ita_bad: Vec<String> = Vec::new();
    let mut no_ita_all = 0;
    for a in &answers {
        let id = s(&a["id"]);
        let doc = process_path(&tmp.path().join(s(&a["file"])), &opts);
        let out = serde_json::to_value(&doc).expect("document JSON");
        let classes: Vec<&str> = a["classes"]
            .as_array()
            .expect("classes")
            .iter()
            .map(s)
            .collect();

        if classes.contains(&"no_ita") {
            no_ita_all += 1;
            let status_ok = out["status"] == a["expect_status"];
            let flag_ok = out["flags"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| s(&f["code"]) == "no_ita_content"));
            if !(status_ok && flag_ok) {
                no_ita_bad.push(format!(
                    "{id} ({}): status {}, no_ita_content flag {}",
                    s(&a["no_ita_kind"]),
                    out["status"],
                    if flag_ok { "present" } else { "missing" }
                ));
            }
            continue;
        }

        let devs: BTreeSet<&str> = a["deviations"]
            .as_array()
            .into_iter()
            .flatten()
            .map(s)
            .collect();
        let got_items: BTreeMap<&str, &str> = out["oit_items"]
            .as_array()
            .map(|v| {
                v.iter()
                    .rev()
                    .map(|o| (s(&o["code"]), s(&o["status"])))
                    .collect()
            })
            .unwrap_or_default();
        for it in a["oit_items"].as_array().expect("oit_items") {
            let code = s(&it["code"]);
            let want = s(&it["status"]);
            let got = got_items.get(code).copied().unwrap_or("absent");
            let ok = got == want;
            items.add(ok);
            for c in &classes {
                by_class.entry((*c).to_string()).or_default().add(ok);
                let is_alone = if deviation_classes.contains(c) {
                    devs.len() == 1 && devs.contains(c)
                } else {
                    devs.is_empty()
                };
                if is_alone {
                    alone.entry((*c).to_string()).or_default().add(ok);
                }
            }
            for t in it["tags"].as_array().into_iter().flatten() {
                by_tag.entry(format!("tag {}", s(t))).or_default().add(ok);
            }
            if !ok {
                misses.push(format!(
                    "{id} {code} raw {:?}: got {got}, want {want}",
                    s(&it["raw_code"])
                ));
            }
        }
        let got_inds: BTreeMap<u64, &str> = out["indicators"]
            .as_array()
            .map(|v| {
                v.iter()
                    .rev()
                    .filter_map(|o| Some((o["number"].as_u64()?, s(&o["status"]))))
                    .collect()
            })
            .unwrap_or_default();
        for ind in a["indicators"].as_array().expect("indicators") {
            let num = ind["number"].as_u64().unwrap_or(0);
            indicators.add(got_inds.get(&num).copied() == Some(s(&ind["status"])));
        }
    }

    eprintln!(
        "corpus2: {} documents (seed {seed}), processed in {:.1} s",
        answers.len(),
        started.elapsed().as_secs_f64()
    );
    eprintln!(
        "item status accuracy {:.4} ({}/{}); indicator status accuracy {:.4} ({}/{})",
        ratio(items.ok, items.all),
        items.ok,
        items.all,
        ratio(indicators.ok, indicators.all),
        indicators.ok,
        indicators.all
    );
    eprintln!(
        "{:<24} {:>7} {:>7} {:>9}   alone: items accuracy",
        "class", "items", "wrong", "accuracy"
    );
    let mut failing: Vec<String> = Vec::new();
    for (c, t) in by_class.iter().chain(by_tag.iter()) {
        let acc = ratio(t.ok, t.all);
        let checked = !c.starts_with("tag ") && t.all >= MIN_ITEMS;
        let mark = if checked && acc < MIN_ACCURACY {
            failing.push(format!("{c} {acc:.4}"));
            "  <- below"
        } else {
            ""
        };
        let alone_txt = match alone.get(c) {
            Some(al) => format!("{:>5} {:>9.4}", al.all, ratio(al.ok, al.all)),
            None => format!("{:>5} {:>9}", 0, "-"),
        };
        eprintln!(
            "{:<24} {:>7} {:>7} {:>9.4}   {alone_txt}{mark}",
            c,
            t.all,
            t.all - t.ok,
            acc
        );
    }
    eprintln!(
        "no_ita documents reported partial with no_ita_content: {}/{no_ita_all}",
        no_ita_all - no_ita_bad.len()
    );
    for m in &no_ita_bad {
        eprintln!("  {m}");
    }
    for m in misses.iter().take(25) {
        eprintln!("miss: {m}");
    }
    if misses.len() > 25 {
        eprintln!("... and {} more misses", misses.len() - 25);
    }

    eprintln!(
        "classes below the {MIN_ACCURACY} target ({}): {failing:?}",
        failing.len()
    );
    let overall = ratio(items.ok, items.all);
    let default_corpus = n == "300" && seed == "7";
    let overall_ind = ratio(indicators.ok, indicators.all);
    assert!(
        (!default_corpus || (overall >= FLOOR_OVERALL && overall_ind >= FLOOR_INDICATORS))
            && no_ita_bad.is_empty(),
        "item status accuracy {overall:.4} (floor {FLOOR_OVERALL}); \
         indicator status accuracy {overall_ind:.4} (floor {FLOOR_INDICATORS}); \
         no_ita documents not reported partial with no_ita_content: {no_ita_bad:?} \
         (regenerate: python3 scripts/gen_corpus2.py --n {n} --seed {seed} --out /tmp/corpus2; \
         score: python3 scripts/score_corpus2.py target/release/ita-extract /tmp/corpus2)"
    );
}
