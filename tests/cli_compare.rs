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
