//! The synthetic corpus (`scripts/gen_corpus.py`): checks that the generator's answers
//! agree with its documents and with the gazetteer, that the committed sample
//! (`fixtures/corpus_sample/`) is what the generator writes, and (ignored until the
//! extractor lands) scores the extractor against a generated corpus.
//!
//! Every test here generates into a temp dir by running `python3`, and skips with a
//! message when python3 is not installed.

use ita_extract::diagnostic::FlagCode;
use ita_extract::pipeline::{process_path, PipelineOptions};
use ita_extract::places::gazetteer;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the generator; false (after a message) when python3 is missing.
fn generate(out: &Path, args: &[&str]) -> bool {
    let script = crate_root().join("scripts/gen_corpus.py");
    let status = Command::new("python3")
        .arg(&script)
        .args(args)
        .arg("--quiet")
        .arg("--out")
        .arg(out)
        .status();
    match status {
        Ok(s) => {
            assert!(s.success(), "gen_corpus.py failed: {s}");
            true
        }
        Err(err) => {
            eprintln!("skipping: cannot run python3 ({err})");
            false
        }
    }
}

fn read_answers(dir: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join("answers.jsonl")).expect("answers.jsonl");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("answers line is JSON"))
        .collect()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn opt(v: &Value) -> Option<&str> {
    v.as_str()
}

/// The few entities the generator writes, decoded.
fn unescape(t: &str) -> String {
    t.replace("&amp;", "&")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

fn thai_digits(n: u64) -> String {
    n.to_string()
        .chars()
        .map(|c| {
            let d = c.to_digit(10).unwrap_or(0);
            char::from_u32(0x0E50 + d).unwrap_or(c)
        })
        .collect()
}

/// The first `n` characters of `s`.
fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

#[test]
fn generator_answers_agree_with_documents_and_gazetteer() {
    let tmp = tempfile::tempdir().expect("tempdir");
    if !generate(tmp.path(), &["--n", "200", "--seed", "1"]) {
        return;
    }
    let answers = read_answers(tmp.path());
    assert_eq!(answers.len(), 200);

    let known_flags: BTreeSet<String> = [
        FlagCode::ForeignScript,
        FlagCode::RepeatedText,
        FlagCode::OtherAgency,
        FlagCode::LocationMismatch,
        FlagCode::ItemCodeCorrected,
        FlagCode::StatusMissing,
        FlagCode::StatusConflict,
        FlagCode::StatusContradictsText,
        FlagCode::ItemMissing,
        FlagCode::ItemDuplicate,
        FlagCode::UnknownCatalogue,
    ]
    .iter()
    .map(|c| c.as_str().to_string())
    .collect();
    let old_levels = ["AA", "A", "B", "C", "D", "E", "F"];
    let new_levels = ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"];

    let mut seen: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut flag_docs: BTreeMap<String, usize> = BTreeMap::new();
    for a in &answers {
        let id = s(&a["id"]);
        let raw = std::fs::read_to_string(tmp.path().join(s(&a["file"]))).expect("document");
        let text = unescape(&raw);
        for key in ["flavour", "checkbox_style", "size"] {
            seen.entry(key).or_default().insert(s(&a[key]).to_string());
        }
        seen.entry("type")
            .or_default()
            .insert(s(&a["agency"]["type"]).to_string());
        let year = a["fiscal_year"].as_u64().expect("fiscal_year");
        seen.entry("year").or_default().insert(year.to_string());

        // Agency name as written, and the place through the gazetteer.
        let name = s(&a["agency"]["name"]);
        assert!(
            text.contains(name),
            "{id}: agency name {name} not in document"
        );
        let st = &a["agency_stated"];
        let r = gazetteer().resolve(
            opt(&st["subdistrict"]),
            opt(&st["district"]),
            opt(&st["province"]),
        );
        assert_eq!(
            r.geocode.as_deref(),
            opt(&a["agency"]["geocode"]),
            "{id}: geocode of {st}"
        );
        assert_eq!(r.province.as_deref(), opt(&a["agency"]["province"]), "{id}");
        assert_eq!(r.district.as_deref(), opt(&a["agency"]["district"]), "{id}");
        assert_eq!(
            r.subdistrict.as_deref(),
            opt(&a["agency"]["subdistrict"]),
            "{id}"
        );
        let flags: BTreeSet<String> = a["flags"]
            .as_array()
            .expect("flags")
            .iter()
            .map(|f| s(f).to_string())
            .collect();
        assert_eq!(
            r.mismatch.is_some(),
            flags.contains("location_mismatch"),
            "{id}: mismatch {:?}",
            r.mismatch
        );
        if let Some(d) = opt(&st["district"]) {
            assert!(
                text.contains(d),
                "{id}: stated district {d} not in document"
            );
        }

        // Year, catalogue, level.
        let cat = opt(&a["catalogue"]);
        match year {
            2564 | 2565 => {
                assert_eq!(cat, Some("2564-2565"), "{id}");
                assert!(old_levels.contains(&s(&a["level"])), "{id}");
            }
            2566 | 2567 => {
                assert_eq!(cat, Some("2566-2567"), "{id}");
                assert!(new_levels.contains(&s(&a["level"])), "{id}");
            }
            2568 => assert_eq!(cat, None, "{id}"),
            _ => panic!("{id}: unexpected year {year}"),
        }
        let score = a["overall_score"].as_f64().expect("score");
        assert!((0.0..=100.0).contains(&score), "{id}");

        // Indicators and items are in the text.
        for ind in a["indicators"].as_array().expect("indicators") {
            let n = ind["number"].as_u64().expect("number");
            let (arabic, thai) = (format!("ตัวชี้วัดที่ {n}"), format!("ตัวชี้วัดที่ {}", thai_digits(n)));
            assert!(
                text.contains(&arabic) || text.contains(&thai),
                "{id}: indicator {n}"
            );
        }
        let items = a["oit_items"].as_array().expect("oit_items");
        let mut codes = BTreeSet::new();
        for it in items {
            let code = s(&it["code"]);
            assert!(codes.insert(code.to_string()), "{id}: {code} twice");
            let raw_code = s(&it["raw_code"]);
            assert!(text.contains(raw_code), "{id}: raw code {raw_code}");
            let corrected = it["code_corrected"].as_bool().expect("code_corrected");
            assert_eq!(
                corrected,
                flags.contains("item_code_corrected") && {
                    let t = &a["flag_targets"]["item_code_corrected"];
                    t.as_array().is_some_and(|v| v.iter().any(|x| s(x) == code))
                },
                "{id}: {code} corrected"
            );
            let written = unescape(s(&it["written_title"]));
            for part in written.split(" | ") {
                let whole_cell = matches!(s(&a["flavour"]), "vlm" | "pipe" | "html");
                let want = if whole_cell {
                    part.to_string()
                } else {
                    head(part, 4)
                };
                assert!(text.contains(&want), "{id}: {code} title {want}");
            }
            let status = s(&it["status"]);
            assert!(
                ["done", "not_done", "conflict", "unknown"].contains(&status),
                "{id}: {status}"
            );
        }
        let missing = flags.contains("item_missing");
        assert_eq!(
            items.len() < 43,
            missing,
            "{id}: item count {}",
            items.len()
        );

        // Flags are known codes; other agencies are written in the document.
        for f in &flags {
            assert!(known_flags.contains(f), "{id}: unknown flag {f}");
            *flag_docs.entry(f.clone()).or_default() += 1;
        }
        let others = a["other_agencies"].as_array().expect("other_agencies");
        assert_eq!(!others.is_empty(), flags.contains("other_agency"), "{id}");
        for o in others {
            assert!(text.contains(s(o)), "{id}: other agency {o}");
            assert!(!s(o).contains(name) && !name.contains(s(o)), "{id}: {o}");
        }
        if flags.contains("foreign_script") {
            assert!(
                text.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)
                    || ('\u{1000}'..='\u{109F}').contains(&c)),
                "{id}: no foreign script"
            );
        }
    }

    // The corpus covers every flavour, checkbox style, agency type, year and flag.
    let want: &[(&str, &[&str])] = &[
        ("flavour", &["html", "layout", "pipe", "plain", "vlm"]),
        (
            "checkbox_style",
            &[
                "ballot",
                "bracket",
                "html",
                "paren",
                "slash",
                "square",
                "tick",
                "wingdings",
                "wingdings2",
            ],
        ),
        (
            "type",
            &["อบจ.", "อบต.", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล"],
        ),
        ("year", &["2564", "2565", "2566", "2567", "2568"]),
    ];
    for (key, values) in want {
        let got: BTreeSet<String> = seen.get(key).cloned().unwrap_or_default();
        for v in *values {
            assert!(got.contains(*v), "no document with {key} = {v}");
        }
    }
    for f in &known_flags {
        let n = flag_docs.get(f).copied().unwrap_or(0);
        assert!(n >= 5, "flag {f} injected in only {n} documents");
    }
}

#[test]
fn generator_is_deterministic_and_sample_is_current() {
    let root = crate_root();
    let sample = root.join("fixtures/corpus_sample");
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(sample.join("manifest.json")).expect("sample manifest"),
    )
    .expect("manifest JSON");
    let (n, seed, size) = (
        manifest["n"].as_u64().expect("n").to_string(),
        manifest["seed"].as_u64().expect("seed").to_string(),
        s(&manifest["size"]).to_string(),
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let args = ["--n", &n, "--seed", &seed, "--size", &size];
    if !generate(tmp.path(), &args) {
        return;
    }
    let mut names: Vec<String> = std::fs::read_dir(&sample)
        .expect("sample dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 7, "sample has {} files", names.len());
    for name in &names {
        let committed = std::fs::read(sample.join(name)).expect("committed file");
        let fresh = std::fs::read(tmp.path().join(name)).expect("generated file");
        assert!(
            committed == fresh,
            "fixtures/corpus_sample/{name} differs from what gen_corpus.py writes; \
             regenerate: python3 scripts/gen_corpus.py --n {n} --seed {seed} --size {size} \
             --out fixtures/corpus_sample"
        );
    }
}

/// Precision/recall counts of one flag code over documents.
#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn f1(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn ratio(ok: usize, all: usize) -> f64 {
    ok as f64 / all.max(1) as f64
}

#[test]
fn extractor_scores_on_generated_corpus() {
    // ITA_CORPUS_N / ITA_CORPUS_SEED score a bigger or another corpus.
    let n = std::env::var("ITA_CORPUS_N").unwrap_or_else(|_| "200".to_string());
    let seed = std::env::var("ITA_CORPUS_SEED").unwrap_or_else(|_| "1".to_string());
    let tmp = tempfile::tempdir().expect("tempdir");
    if !generate(tmp.path(), &["--n", &n, "--seed", &seed]) {
        return;
    }
    let answers = read_answers(tmp.path());
    let opts = PipelineOptions::default();
    // Item status accuracy per flavour and per checkbox style: (ok, all).
    let mut by_group: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut items_ok, mut items_all) = (0, 0);
    let (mut corr_ok, mut corr_all) = (0, 0);
    let (mut ind_ok, mut ind_all) = (0, 0);
    let mut field_ok: BTreeMap<&str, usize> = BTreeMap::new();
    let mut flags: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut others_found, mut others_all) = (0, 0);
    let mut misses: Vec<String> = Vec::new();
    for a in &answers {
        let id = s(&a["id"]);
        let doc = process_path(&tmp.path().join(s(&a["file"])), &opts);
        let out = serde_json::to_value(&doc).expect("document JSON");

        for it in a["oit_items"].as_array().expect("oit_items") {
            items_all += 1;
            let code = s(&it["code"]);
            let got = out["oit_items"]
                .as_array()
                .and_then(|v| v.iter().find(|o| s(&o["code"]) == code));
            let ok = got.is_some_and(|o| o["status"] == it["status"]);
            for g in [
                format!("flavour {}", s(&a["flavour"])),
                format!("style {}", s(&a["checkbox_style"])),
            ] {
                let e = by_group.entry(g).or_default();
                e.0 += usize::from(ok);
                e.1 += 1;
            }
            match got {
                Some(o) if o["status"] == it["status"] => items_ok += 1,
                Some(o) => misses.push(format!(
                    "{id} {code}: status {} want {}",
                    o["status"], it["status"]
                )),
                None => misses.push(format!("{id} {code}: not found")),
            }
            if it["code_corrected"].as_bool() == Some(true) {
                corr_all += 1;
                if got.is_some_and(|o| o["code_corrected"].as_bool() == Some(true)) {
                    corr_ok += 1;
                }
            }
        }
        for ind in a["indicators"].as_array().expect("indicators") {
            ind_all += 1;
            let got = out["indicators"].as_array().and_then(|v| {
                v.iter()
                    .find(|o| o["number"].as_u64() == ind["number"].as_u64())
            });
            if got.is_some_and(|o| o["status"] == ind["status"]) {
                ind_ok += 1;
            } else {
                misses.push(format!("{id} indicator {}: {got:?}", ind["number"]));
            }
        }
        let checks: [(&str, bool); 7] = [
            ("agency.name", out["agency"]["name"] == a["agency"]["name"]),
            ("agency.type", out["agency"]["type"] == a["agency"]["type"]),
            (
                "agency.geocode",
                out["agency"]["geocode"] == a["agency"]["geocode"],
            ),
            (
                "agency.province",
                out["agency"]["province"] == a["agency"]["province"],
            ),
            ("fiscal_year", out["fiscal_year"] == a["fiscal_year"]),
            (
                "overall_score",
                out["overall_score"]
                    .as_f64()
                    .zip(a["overall_score"].as_f64())
                    .is_some_and(|(x, y)| (x - y).abs() < 0.005),
            ),
            ("level", out["level"] == a["level"]),
        ];
        for (k, ok) in checks {
            if ok {
                *field_ok.entry(k).or_default() += 1;
            } else {
                *field_ok.entry(k).or_default() += 0;
                misses.push(format!("{id} {k}"));
            }
        }
        let want: BTreeSet<String> = a["flags"]
            .as_array()
            .expect("flags")
            .iter()
            .map(|f| s(f).to_string())
            .collect();
        let got: BTreeSet<String> = out["flags"]
            .as_array()
            .map(|v| v.iter().map(|f| s(&f["code"]).to_string()).collect())
            .unwrap_or_default();
        for f in want.union(&got) {
            let c = flags.entry(f.clone()).or_default();
            match (want.contains(f), got.contains(f)) {
                (true, true) => c.tp += 1,
                (true, false) => {
                    c.fn_ += 1;
                    misses.push(format!("{id} flag {f} missed"));
                }
                (false, true) => c.fp += 1,
                (false, false) => {}
            }
        }
        let messages: Vec<&str> = out["flags"]
            .as_array()
            .map(|v| {
                v.iter()
                    .filter(|f| s(&f["code"]) == "other_agency")
                    .map(|f| s(&f["message"]))
                    .collect()
            })
            .unwrap_or_default();
        for o in a["other_agencies"].as_array().expect("other_agencies") {
            others_all += 1;
            if messages.iter().any(|m| m.contains(s(o))) {
                others_found += 1;
            } else {
                misses.push(format!("{id} other agency {o} not named in a flag"));
            }
        }
    }

    let n = answers.len();
    println!("corpus: {n} documents");
    println!("{:<28} {:>8}", "measure", "score");
    println!(
        "{:<28} {:>8.4}",
        "item status accuracy",
        ratio(items_ok, items_all)
    );
    for (g, (ok, all)) in &by_group {
        println!("{:<28} {:>8.4}", format!("  items, {g}"), ratio(*ok, *all));
    }
    println!(
        "{:<28} {:>8.4}",
        "item code_corrected recall",
        ratio(corr_ok, corr_all)
    );
    println!(
        "{:<28} {:>8.4}",
        "indicator status accuracy",
        ratio(ind_ok, ind_all)
    );
    for (k, ok) in &field_ok {
        println!("{:<28} {:>8.4}", k, ratio(*ok, n));
    }
    println!(
        "{:<28} {:>8.4}",
        "other agencies named",
        ratio(others_found, others_all)
    );
    println!(
        "{:<28} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
        "flag", "tp", "fp", "fn", "prec", "recall", "f1"
    );
    for (f, c) in &flags {
        let (p, r, f1) = c.f1();
        println!(
            "{:<28} {:>6} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3}",
            f, c.tp, c.fp, c.fn_, p, r, f1
        );
    }
    for m in misses.iter().take(40) {
        println!("miss: {m}");
    }

    assert!(
        ratio(items_ok, items_all) >= 0.99,
        "item status accuracy {}",
        ratio(items_ok, items_all)
    );
    let missed: Vec<&String> = flags
        .iter()
        .filter(|(_, c)| c.fn_ > 0)
        .map(|(f, _)| f)
        .collect();
    assert!(missed.is_empty(), "injected flags not found: {missed:?}");
    assert_eq!(others_found, others_all, "other agencies not named");
}
