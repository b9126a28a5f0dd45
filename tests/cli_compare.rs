//! `--shard K/N` and `ita-extract compare` through the built binary: three shards
//! merged equal one run over everything; compare writes its tables and refuses
//! folders that are not run outputs.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_ita-extract");

fn seed() -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed_1afe833d.txt");
    fs::read_to_string(p).expect("seed fixture")
}

fn ita(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("run the binary")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn ids(out: &Path) -> BTreeSet<String> {
    fs::read_dir(out.join("documents"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn inputs(dir: &Path, n: usize) -> PathBuf {
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    let seed = seed();
    for i in 0..n {
        // The seed with its fiscal-year line changed, and a copy of one of them.
        let text = seed.replacen("๒๕๖๖", &format!("๒๕{i:02}"), 1);
        fs::write(input.join(format!("agency-{i:02}.txt")), text).unwrap();
    }
    fs::copy(input.join("agency-03.txt"), input.join("zz-duplicate.txt")).unwrap();
    fs::write(input.join("broken.pdf"), b"%PDF-1.7\n1 0 obj\n<<").unwrap();
    input
}

const MERGED_FILES: [&str; 5] = [
    "dataset.jsonl",
    "documents.csv",
    "items.csv",
    "indicators.csv",
    "flags.csv",
];

#[test]
fn three_shards_merged_equal_a_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path(), 24);
    let single = dir.path().join("single");
    let o = ita(&["run", s(&input), "-o", s(&single), "-q"]);
    assert_eq!(o.status.code(), Some(1), "the broken PDF fails");

    let mut shard_dirs = Vec::new();
    let mut seen = BTreeSet::new();
    for k in 1..=3 {
        let out = dir.path().join(format!("shard-{k}-of-3"));
        let o = ita(&[
            "run",
            s(&input),
            "-o",
            s(&out),
            "--shard",
            &format!("{k}/3"),
            "-q",
        ]);
        assert_ne!(
            o.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let shard_ids = ids(&out);
        assert!(seen.is_disjoint(&shard_ids), "shards overlap");
        assert!(
            !shard_ids.is_empty(),
            "24 documents leave no shard of 3 empty"
        );
        seen.extend(shard_ids);
        shard_dirs.push(out);
    }
    assert_eq!(
        seen,
        ids(&single),
        "the shards together hold every document"
    );

    let merged = dir.path().join("merged");
    let mut args = vec!["compare"];
    args.extend(shard_dirs.iter().map(|p| s(p)));
    args.extend(["-o", s(&merged)]);
    let o = ita(&args);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
    for f in MERGED_FILES {
        assert!(
            fs::read(merged.join(f)).unwrap() == fs::read(single.join(f)).unwrap(),
            "merged {f} differs from the single run's"
        );
    }
    for f in [
        "item_matrix.csv",
        "indicator_matrix.csv",
        "completion.csv",
        "agency_flags.csv",
        "status_changes.csv",
        "compare.json",
    ] {
        assert!(merged.join(f).exists(), "{f}");
    }
    // One matrix row per document.
    let matrix = fs::read_to_string(merged.join("item_matrix.csv")).unwrap();
    assert_eq!(matrix.lines().count(), 1 + seen.len());
    // Agencies by number of flags, most first; the failed document has its flag.
    let flags = fs::read_to_string(merged.join("agency_flags.csv")).unwrap();
    let mut r = csv::Reader::from_reader(flags.as_bytes());
    let col = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "flags")
        .unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), seen.len());
    let counts: Vec<usize> = rows.iter().map(|r| r[col].parse().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let broken = rows.iter().find(|r| r[0].starts_with("broken-")).unwrap();
    assert!(broken[col].parse::<usize>().unwrap() >= 1);
    let summary: serde_json::Value =
        serde_json::from_slice(&fs::read(merged.join("compare.json")).unwrap()).unwrap();
    assert_eq!(summary["documents"], seen.len());
    assert_eq!(summary["dirs"][1]["shard"], "2/3");
}

#[test]
fn the_same_run_twice_shows_no_status_change() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path(), 4);
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    ita(&["run", s(&input), "-o", s(&a), "-q", "-j", "1"]);
    ita(&["run", s(&input), "-o", s(&b), "-q", "-j", "2"]);
    let out = dir.path().join("cmp");
    ita(&["compare", s(&a), s(&b), "-o", s(&out)]);
    let changes = fs::read_to_string(out.join("status_changes.csv")).unwrap();
    assert_eq!(changes.lines().count(), 1, "header only: {changes}");
    for f in MERGED_FILES {
        assert!(
            fs::read(out.join(f)).unwrap() == fs::read(a.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn compare_refuses_folders_that_are_not_run_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let o = ita(&["compare", s(dir.path()), "-o", s(&dir.path().join("cmp"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not an output folder"));
}

fn read_csv(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn a_document_that_gained_its_agency_is_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("scan.txt"), seed()).unwrap();
    let after = dir.path().join("after");
    let o = ita(&["run", s(&input), "-o", s(&after), "-q"]);
    assert_eq!(o.status.code(), Some(0));
    // The same folder as a first run saw it: no agency, no items, no indicators (a scan
    // read before OCR was installed). Same file, same content, same id.
    let before = dir.path().join("before");
    ita(&["run", s(&input), "-o", s(&before), "-q"]);
    let id = ids(&before).into_iter().next().unwrap();
    let doc_path = before.join("documents").join(&id);
    let mut doc: serde_json::Value = serde_json::from_slice(&fs::read(&doc_path).unwrap()).unwrap();
    let agency = doc["agency"].clone();
    for field in [
        "name",
        "type",
        "subdistrict",
        "district",
        "province",
        "geocode",
    ] {
        doc["agency"][field] = serde_json::Value::Null;
    }
    let (items, indicators) = (
        doc["oit_items"].as_array().unwrap().len(),
        doc["indicators"].as_array().unwrap().len(),
    );
    doc["oit_items"] = serde_json::json!([]);
    doc["indicators"] = serde_json::json!([]);
    fs::write(&doc_path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();

    let out = dir.path().join("cmp");
    let o = ita(&["compare", s(&before), s(&after), "-o", s(&out)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let changes = read_csv(&out.join("status_changes.csv"));
    assert_eq!(
        changes.len(),
        items + indicators,
        "every item and indicator appeared"
    );
    assert!(changes.iter().all(|c| c["kind"] == "run"
        && c["from_status"] == "absent"
        && c["from_doc"] == c["to_doc"]
        && c["agency_key"]
            == format!(
                "{}|{}",
                agency["type"].as_str().unwrap(),
                agency["geocode"].as_str().unwrap()
            )));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("{} status changes", items + indicators)),
        "{err}"
    );
}

#[test]
fn same_content_and_resubmissions_count_once() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("in1"), dir.path().join("in2"));
    fs::create_dir_all(&one).unwrap();
    fs::create_dir_all(&two).unwrap();
    fs::write(one.join("a.txt"), seed()).unwrap();
    // The same content under another name, and a resubmission by the same agency for
    // the same year (its first line differs) whose path sorts later.
    fs::write(two.join("b.txt"), seed()).unwrap();
    let resubmitted = format!("<!-- แก้ไขครั้งที่ ๒ -->\n{}", seed());
    fs::write(two.join("report-v2.txt"), resubmitted).unwrap();
    let (r1, r2) = (dir.path().join("run1"), dir.path().join("run2"));
    ita(&["run", s(&one), "-o", s(&r1), "-q"]);
    ita(&["run", s(&two), "-o", s(&r2), "-q"]);
    let out = dir.path().join("cmp");
    let o = ita(&["compare", s(&r1), s(&r2), "-o", s(&out)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Every document stays in the merged tables...
    let matrix = read_csv(&out.join("item_matrix.csv"));
    assert_eq!(matrix.len(), 3);
    // ...but completion.csv counts one.
    let completion = read_csv(&out.join("completion.csv"));
    assert!(!completion.is_empty());
    assert!(
        completion.iter().all(|c| c["documents"] == "1"),
        "{completion:?}"
    );
    let superseded = read_csv(&out.join("superseded.csv"));
    let got: Vec<(String, String, String)> = superseded
        .iter()
        .map(|x| {
            let stem = |id: &str| id.split('-').next().unwrap().to_string();
            (
                stem(&x["doc_id"]),
                x["reason"].clone(),
                stem(&x["counted_doc_id"]),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "a".to_string(),
                "resubmission".to_string(),
                "report".to_string()
            ),
            ("b".to_string(), "same_content".to_string(), "a".to_string()),
        ]
    );
    let summary: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("compare.json")).unwrap()).unwrap();
    assert_eq!(summary["counted"], 1);
    assert_eq!(summary["superseded"]["same_content"], 1);
    assert_eq!(summary["superseded"]["resubmission"], 1);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("counted once: 1 document with the same content as another (sha256), 1 earlier submission of an agency and fiscal year (a resubmission: the later by path order counts); completion.csv counts 1 document"),
        "{err}"
    );
    assert!(err.contains("superseded.csv"), "{err}");
    // The compare output has its own datapackage.json, covering every CSV it wrote.
    let package: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    let mut described: Vec<String> = package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    described.sort();
    let mut written: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    written.sort();
    assert_eq!(described, written);
}

#[test]
fn compare_with_excel_writes_byte_order_marks_and_a_bad_folder_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path(), 4);
    let a = dir.path().join("a");
    ita(&["run", s(&input), "-o", s(&a), "-q"]);
    let out = dir.path().join("cmp");
    ita(&["compare", s(&a), "-o", s(&out), "--excel"]);
    for e in fs::read_dir(&out).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "csv") {
            assert!(fs::read(&p).unwrap().starts_with(b"\xEF\xBB\xBF"), "{p:?}");
        }
    }
    let out2 = dir.path().join("cmp2");
    let o = ita(&["compare", s(&a), s(&input), "-o", s(&out2)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        !out2.exists(),
        "nothing written when a folder is not a run output"
    );
}
