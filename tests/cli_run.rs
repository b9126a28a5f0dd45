//! `ita-extract run` through the built binary: bad documents among good ones, exit
//! codes, determinism across thread counts and input order, resume after SIGKILL,
//! duplicates and skipped files. Good documents are the seed and small variants of it;
//! the tests rely only on statuses and the contract's shape, not on what extraction
//! finds.

use ita_extract::model::{DocStatus, Document};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_ita-extract");

fn seed() -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed_1afe833d.txt");
    fs::read_to_string(p).expect("seed fixture")
}

/// The seed with its first line replaced: a different, equally valid document.
fn variant(n: usize) -> String {
    let s = seed();
    let rest = s.split_once('\n').map(|(_, r)| r).unwrap_or("");
    format!("<!-- variant {n} -->\n{rest}")
}

/// A small document: the seed's first 60 lines, with a unique first line.
fn small_variant(n: usize) -> String {
    let s = seed();
    let head: Vec<&str> = s.lines().skip(1).take(59).collect();
    format!("<!-- small variant {n} -->\n{}\n", head.join("\n"))
}

/// Deterministic bytes that are not text: a xorshift stream.
fn random_bytes(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// The first 200 bytes of a small but complete PDF whose document information comes
/// first, so the cut falls before the catalog: nothing of the document survives.
/// (A cut after the page tree is another matter: a reader that rebuilds the xref can
/// recover the pages, and the report then depends on what the reader makes of them.)
fn truncated_pdf() -> Vec<u8> {
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Title <FEFF0E230E320E220E070E320E190E1C\
0E250E010E320E230E140E330E400E190E340E190E010E320E230020004900540041> /Producer (LibreOffice 7.4) \
/Creator (Writer) >>\nendobj\n2 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj\n\
3 0 obj\n<< /Type /Pages /Kids [4 0 R] /Count 1 >>\nendobj\n\
4 0 obj\n<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>\nendobj\n\
5 0 obj\n<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Hello) Tj ET\nendstream\nendobj\n\
xref\n0 6\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 2 0 R /Info 1 0 R >>\nstartxref\n0\n%%EOF\n";
    pdf[..200].to_vec()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("run")
        .args(args)
        .output()
        .expect("run the binary")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// Every file under `dir` (relative path -> bytes), except the manifest (timings).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if p.file_name().unwrap() != "manifest.json" {
                out.insert(
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap()
}

fn documents(out: &Path) -> BTreeMap<String, Document> {
    fs::read_dir(out.join("documents"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                name.ends_with(".json") && !name.starts_with('.'),
                "stray file {name}"
            );
            let doc: Document = serde_json::from_slice(&fs::read(&p).unwrap())
                .unwrap_or_else(|e| panic!("{name} is not a complete document: {e}"));
            (name.trim_end_matches(".json").to_string(), doc)
        })
        .collect()
}

fn assert_no_temp_files(dir: &Path) {
    for (path, _) in snapshot(dir) {
        assert!(
            !path.to_string_lossy().contains(".tmp-"),
            "temporary file left: {path:?}"
        );
    }
}

/// A folder of good and bad documents.
fn mixed_inputs(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::write(input.join("seed.txt"), seed()).unwrap();
    fs::write(input.join("sub/variant.md"), variant(1)).unwrap();
    fs::write(input.join("sub/copy-of-seed.txt"), seed()).unwrap();
    fs::write(input.join("truncated.pdf"), truncated_pdf()).unwrap();
    fs::write(input.join("random.txt"), random_bytes(4096)).unwrap();
    fs::write(input.join("notes.docx"), b"PK\x03\x04 not a report").unwrap();
    input
}

#[test]
fn bad_documents_fail_alone_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = mixed_inputs(dir.path());
    let out = dir.path().join("out");
    let o = run(&[s(&input), "-o", s(&out), "-j", "2"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty(), "nothing but results on stdout");

    let docs = documents(&out);
    assert_eq!(docs.len(), 4, "{:?}", docs.keys());
    let by_name = |name: &str| {
        docs.values()
            .find(|d| d.source.path.ends_with(name))
            .unwrap_or_else(|| panic!("no report for {name}"))
    };
    for bad in ["truncated.pdf", "random.txt"] {
        let d = by_name(bad);
        assert_eq!(d.status, DocStatus::Failed, "{bad}");
        assert!(!d.flags.is_empty(), "{bad}: a failed report says why");
    }
    for good in ["seed.txt", "variant.md"] {
        let d = by_name(good);
        assert_ne!(d.status, DocStatus::Failed, "{good}");
        assert_eq!(d.schema_version, 1);
        assert_eq!(d.source.sha256.len(), 64);
        assert!(d.source.pages >= 1);
    }
    // Ids: readable stem plus a short content hash.
    for (id, d) in &docs {
        let stem = Path::new(&d.source.path)
            .file_stem()
            .unwrap()
            .to_string_lossy();
        assert_eq!(*id, format!("{stem}-{}", &d.source.sha256[..12]));
    }

    let m = manifest(&out);
    assert_eq!(m["counts"]["documents"], 4);
    assert_eq!(m["counts"]["failed"], 2);
    assert_eq!(m["counts"]["duplicates"], 1);
    assert_eq!(m["counts"]["skipped"], 1);
    assert_eq!(m["failures"].as_array().unwrap().len(), 2);
    assert!(m["duplicates"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("copy-of-seed.txt"));
    assert!(m["skipped"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("notes.docx"));
    assert!(m["timings"]["total_ms"].is_u64());

    // dataset.jsonl: one line per document, sorted by id, each the compact JSON.
    let jsonl = fs::read_to_string(out.join("dataset.jsonl")).unwrap();
    let lines: Vec<&str> = jsonl.lines().collect();
    assert_eq!(lines.len(), 4);
    for (line, (_, doc)) in lines.iter().zip(&docs) {
        assert_eq!(*line, serde_json::to_string(doc).unwrap());
    }
    // A document's file is byte for byte what `ita-extract file` prints.
    let seed_doc = by_name("seed.txt");
    let printed = Command::new(BIN)
        .args(["file", &seed_doc.source.path])
        .output()
        .unwrap()
        .stdout;
    let id = format!("seed-{}", &seed_doc.source.sha256[..12]);
    assert!(printed == fs::read(out.join("documents").join(format!("{id}.json"))).unwrap());
    // No timings or wall-clock time inside documents.
    assert!(!fs::read_to_string(
        out.join("documents")
            .join(format!("{}.json", docs.keys().next().unwrap()))
    )
    .unwrap()
    .contains("_ms"));
    // CSV tables: header plus one row per document, flag, item.
    let documents_csv = fs::read_to_string(out.join("documents.csv")).unwrap();
    assert_eq!(documents_csv.lines().count(), 5);
    let flags_csv = fs::read_to_string(out.join("flags.csv")).unwrap();
    let n_flags: usize = docs.values().map(|d| d.flags.len()).sum();
    let mut r = csv::Reader::from_reader(flags_csv.as_bytes());
    assert_eq!(r.records().count(), n_flags);
    let items_csv = fs::read_to_string(out.join("items.csv")).unwrap();
    let n_items: usize = docs.values().map(|d| d.oit_items.len()).sum();
    let mut r = csv::Reader::from_reader(items_csv.as_bytes());
    assert!(r.headers().unwrap().iter().any(|h| h == "code_corrected"));
    assert_eq!(r.records().count(), n_items);
    assert!(out.join("indicators.csv").exists());
    assert_no_temp_files(&out);
}

#[test]
fn a_file_named_on_the_command_line_is_always_read() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("report.dat");
    fs::write(&f, seed()).unwrap();
    let out = dir.path().join("out");
    let o = run(&[s(&f), "-o", s(&out), "-q"]);
    assert_ne!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.stderr.is_empty(),
        "--quiet: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let docs = documents(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs.values().next().unwrap().source.path, s(&f));
}

#[test]
fn runs_that_cannot_proceed_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, seed()).unwrap();
    let a_file = dir.path().join("a-file");
    fs::write(&a_file, b"x").unwrap();
    let out = dir.path().join("out");
    let missing = dir.path().join("missing");
    let mut cases: Vec<Vec<&str>> = vec![
        vec![s(&empty), "-o", s(&out)],
        vec![s(&missing), "-o", s(&out)],
        vec![s(&good), "-o", s(&a_file)],
        vec![s(&good), "-o", s(&out), "--shard", "4/3"],
        vec![s(&good), "-o", s(&out), "--doc-timeout", "0"],
    ];
    cases.push(vec![s(&good), "-o", s(&out), "--max-input-mb", "0"]);
    for args in cases {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!o.stderr.is_empty(), "{args:?}: says why");
        // A run that cannot start leaves nothing behind.
        assert!(!out.exists(), "{args:?} created {out:?}");
    }
    let o = run(&[s(&missing), "-o", s(&out)]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(s(&missing)) && err.contains("does not exist"),
        "{err}"
    );
}

/// Text that is whitespace only, different for each `n`: a document that fails as empty.
fn empty_variant(n: usize) -> String {
    " ".repeat(n + 1) + "\n"
}

#[test]
fn a_pdf_name_that_is_not_a_pdf_fails_and_the_summary_names_every_failure() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("seed.txt"), seed()).unwrap();
    fs::write(
        input.join("report.pdf"),
        "<!DOCTYPE html><html><body>404</body></html>",
    )
    .unwrap();
    fs::write(input.join("zero.PDF"), b"").unwrap();
    fs::write(input.join(".hidden.pdf"), b"%PDF-1.7 hidden").unwrap();
    fs::write(input.join("notes.docx"), b"PK\x03\x04").unwrap();
    let out = dir.path().join("out");
    let o = run(&[s(&input), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let docs = documents(&out);
    assert_eq!(docs.len(), 3, "{:?}", docs.keys());
    let by_name = |name: &str| {
        docs.values()
            .find(|d| d.source.path.ends_with(name))
            .unwrap_or_else(|| panic!("no report for {name}"))
    };
    let fake = by_name("report.pdf");
    assert_eq!(fake.status, DocStatus::Failed);
    assert_eq!(
        fake.flags[0].message,
        "not a PDF: starts with \"<!DOCTYPE html><html><bo\"... (no %PDF- header in the first 1024 bytes)"
    );
    assert_eq!(fake.source.sha256.len(), 64);
    assert_eq!(
        by_name("zero.PDF").flags[0].message,
        "not a PDF: the file is empty"
    );
    // Hidden files and other extensions stay skipped, and listed.
    let m = manifest(&out);
    let skipped: Vec<&str> = m["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["path"].as_str().unwrap())
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].ends_with(".hidden.pdf") && skipped[1].ends_with("notes.docx"));
    // The summary names the failures and says where the full list is.
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("2 documents failed or partial:"), "{err}");
    assert!(
        err.contains(&format!(
            "failed   {}: parse_error: not a PDF: starts with",
            input.join("report.pdf").display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "the full list: {} (\"failures\"), and the status column of {}",
            out.join("manifest.json").display(),
            out.join("documents.csv").display()
        )),
        "{err}"
    );
}

#[test]
fn the_summary_names_twenty_failures_then_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    for n in 0..23 {
        fs::write(input.join(format!("empty{n:02}.txt")), empty_variant(n)).unwrap();
    }
    let out = dir.path().join("out");
    let o = run(&[s(&input), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let listed: Vec<&str> = err.lines().filter(|l| l.starts_with("  failed ")).collect();
    assert_eq!(listed.len(), 20, "{err}");
    assert!(
        listed[0].contains("empty00.txt: parse_error: file is empty"),
        "{err}"
    );
    assert!(err.contains("\n  ... and 3 more\n"), "{err}");
    assert!(err.contains("23 documents failed or partial:"), "{err}");
    // The manifest has all of them.
    assert_eq!(manifest(&out)["failures"].as_array().unwrap().len(), 23);
}

#[test]
fn summaries_read_well_for_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("seed.txt");
    fs::write(&f, seed()).unwrap();
    let out = dir.path().join("out");
    let o = run(&[s(&f), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("ita-extract: 1 input file; hashing contents"),
        "{err}"
    );
    assert!(err.contains("ita-extract: 1 document (1 ok,"), "{err}");
    assert!(err.contains("0 duplicates, 0 skipped"), "{err}");
    assert!(!err.contains("failed or partial:"), "{err}");
    // The rate is rounded: a whole number, or one decimal under 10.
    let rate = err
        .split(" docs/s")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .expect("a rate");
    let ok = match rate.split_once('.') {
        None => rate.parse::<u64>().is_ok(),
        Some((a, b)) => a.parse::<u64>().is_ok_and(|a| a < 10) && b.len() == 1,
    };
    assert!(ok, "rate {rate:?} in {err}");
}

/// The seed with the row of item O28 written twice.
fn seed_with_a_duplicate_item() -> String {
    let seed = seed();
    let mut lines: Vec<&str> = seed.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("O๒๘"))
        .expect("the seed has O28");
    let row = lines[at];
    lines.insert(at + 1, row);
    lines.join("\n") + "\n"
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    (header, r.records().map(Result::unwrap).collect())
}

#[test]
fn tables_are_unique_typed_and_open_in_excel() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("dup.txt"), seed_with_a_duplicate_item()).unwrap();
    fs::write(input.join("seed.txt"), seed()).unwrap();
    let out = dir.path().join("out");
    let o = run(&[s(&input), "-o", s(&out), "-q"]);
    assert_ne!(o.status.code(), Some(2));

    // items.csv: one row per document and code; the repeated code is marked.
    let (header, rows) = read_csv(&out.join("items.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (doc, code, dup) = (col("doc_id"), col("code"), col("duplicate"));
    let mut keys = std::collections::BTreeSet::new();
    for r in &rows {
        assert!(
            keys.insert((r[doc].to_string(), r[code].to_string())),
            "{r:?}"
        );
    }
    let marked: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| &r[dup] == "true")
        .map(|r| (&r[doc], &r[code]))
        .collect();
    assert_eq!(marked.len(), 1, "{marked:?}");
    assert!(marked[0].0.starts_with("dup-") && marked[0].1 == "O28");
    let docs = documents(&out);
    let dup_doc = docs
        .values()
        .find(|d| d.source.path.ends_with("dup.txt"))
        .unwrap();
    assert_eq!(
        dup_doc.oit_items.len(),
        44,
        "the JSON keeps both occurrences"
    );
    assert!(dup_doc
        .flags
        .iter()
        .any(|f| f.code.as_str() == "item_duplicate"));

    // datapackage.json: every CSV, its header as the fields, codes as text.
    let package: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    assert_eq!(package["profile"], "tabular-data-package");
    let resources = package["resources"].as_array().unwrap();
    let paths: Vec<&str> = resources
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "documents.csv",
            "items.csv",
            "indicators.csv",
            "flags.csv",
            "results.csv"
        ]
    );
    for r in resources {
        let (header, _) = read_csv(&out.join(r["path"].as_str().unwrap()));
        let fields = r["schema"]["fields"].as_array().unwrap();
        let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        assert_eq!(names, header, "{}", r["path"]);
        for f in fields {
            let want = match f["name"].as_str().unwrap() {
                "geocode" | "raw_code" | "code" | "doc_id" | "sha256" => "string",
                "fiscal_year" | "page" | "line" | "pages" => "integer",
                "overall_score" => "number",
                "duplicate" | "code_corrected" => "boolean",
                _ => continue,
            };
            assert_eq!(f["type"], want, "{} {}", r["path"], f["name"]);
        }
    }
    // Without --excel no byte-order mark; with it, every CSV starts with one.
    let tables = ["documents.csv", "items.csv", "indicators.csv", "flags.csv"];
    for t in tables {
        assert!(
            fs::read(out.join(t)).unwrap().starts_with(b"doc_id,"),
            "{t}"
        );
    }
    let plain_items = fs::read(out.join("items.csv")).unwrap();
    run(&[s(&input), "-o", s(&out), "-q", "--excel"]);
    for t in tables {
        assert!(
            fs::read(out.join(t))
                .unwrap()
                .starts_with(b"\xEF\xBB\xBFdoc_id,"),
            "{t}"
        );
    }
    assert_eq!(
        fs::read(out.join("items.csv")).unwrap()[3..],
        plain_items[..]
    );
}

#[test]
fn a_run_reads_text_inputs_up_to_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let mut big = seed();
    while big.len() < 2_500_000 {
        big.push_str("ข้อความต่อท้ายที่ยาวมาก\n");
    }
    fs::write(input.join("big.txt"), &big).unwrap();
    fs::write(input.join("seed.txt"), seed()).unwrap();
    let out = dir.path().join("out");
    // A debug build reads the 2 MB slowly on a loaded machine: the time budget is not
    // what this test is about.
    let o = run(&[
        s(&input),
        "-o",
        s(&out),
        "--max-input-mb",
        "2",
        "--doc-timeout",
        "900",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let docs = documents(&out);
    let big_doc = docs
        .values()
        .find(|d| d.source.path.ends_with("big.txt"))
        .unwrap();
    assert_eq!(big_doc.status, DocStatus::Partial);
    assert_eq!(
        big_doc.source.sha256,
        ita_extract::pipeline::sha256_hex(big.as_bytes()),
        "the hash is the whole file's"
    );
    let flag = big_doc
        .flags
        .iter()
        .find(|f| f.code.as_str() == "too_large")
        .unwrap();
    assert!(
        flag.message.contains("over the limit of 2000000"),
        "{}",
        flag.message
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("partial  ") && err.contains("too_large"),
        "{err}"
    );
    // Re-run with the default limit: the cut document is read again (the journal keeps
    // the limits it was read with), and so is the other.
    let o = run(&[s(&input), "-o", s(&out), "-q"]);
    assert_eq!(o.status.code(), Some(0));
    let m = manifest(&out);
    assert_eq!(
        (
            m["counts"]["processed"].as_u64(),
            m["counts"]["resumed"].as_u64()
        ),
        (Some(2), Some(0)),
        "other limits: both read again"
    );
    let o = run(&[s(&input), "-o", s(&out), "-q"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(manifest(&out)["counts"]["resumed"].as_u64(), Some(2));
}

#[test]
fn output_is_identical_whatever_the_thread_count_and_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let input = mixed_inputs(dir.path());
    for n in 2..8 {
        fs::write(input.join(format!("v{n}.txt")), variant(n)).unwrap();
    }
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    run(&[s(&input), "-o", s(&a), "-j", "1"]);
    // The same files named one by one in reverse order, on four threads.
    let mut files: Vec<PathBuf> = Vec::new();
    for sub in ["", "sub"] {
        for e in fs::read_dir(input.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() && p.extension().unwrap() != "docx" {
                files.push(p);
            }
        }
    }
    files.sort();
    files.reverse();
    let mut args: Vec<&str> = files.iter().map(|p| s(p)).collect();
    args.extend(["-o", s(&b), "-j", "4"]);
    run(&args);
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (k, v) in &sa {
        assert!(v == &sb[k], "{k:?} differs between -j1 and -j4");
    }
}

#[test]
fn rerun_keeps_finished_documents_and_force_redoes_them() {
    let dir = tempfile::tempdir().unwrap();
    let input = mixed_inputs(dir.path());
    let out = dir.path().join("out");
    run(&[s(&input), "-o", s(&out)]);
    let first = snapshot(&out);
    let o = run(&[s(&input), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let m = manifest(&out);
    assert_eq!(
        (
            m["counts"]["processed"].as_u64(),
            m["counts"]["resumed"].as_u64()
        ),
        (Some(0), Some(4))
    );
    assert_eq!(snapshot(&out), first);

    // A changed input is processed again under its new id; the rest is kept.
    fs::write(input.join("sub/variant.md"), variant(99)).unwrap();
    run(&[s(&input), "-o", s(&out)]);
    let m = manifest(&out);
    assert_eq!(
        (
            m["counts"]["processed"].as_u64(),
            m["counts"]["resumed"].as_u64()
        ),
        (Some(1), Some(3))
    );

    run(&[s(&input), "-o", s(&out), "--force"]);
    let m = manifest(&out);
    assert_eq!(
        (
            m["counts"]["processed"].as_u64(),
            m["counts"]["resumed"].as_u64()
        ),
        (Some(4), Some(0))
    );
}

#[test]
fn a_run_killed_midway_and_rerun_ends_complete() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    const N: usize = 300;
    for n in 0..N {
        fs::write(input.join(format!("doc{n:04}.txt")), small_variant(n)).unwrap();
    }
    let out = dir.path().join("out");
    let mut child = Command::new(BIN)
        .args(["run", s(&input), "-o", s(&out), "-j", "2", "-q"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill (SIGKILL) once some documents are written, or after a while.
    let start = Instant::now();
    let docs_dir = out.join("documents");
    while start.elapsed() < Duration::from_secs(20) {
        let written = fs::read_dir(&docs_dir).map(|d| d.count()).unwrap_or(0);
        if written >= 20 {
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().ok();
    child.wait().unwrap();
    let written_before = fs::read_dir(&docs_dir).map(|d| d.count()).unwrap_or(0);
    eprintln!("killed after {written_before} of {N} documents were written");

    let o = run(&[s(&input), "-o", s(&out), "-j", "2"]);
    assert_ne!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let m = manifest(&out);
    assert_eq!(m["counts"]["documents"], N);
    assert_eq!(
        m["counts"]["processed"].as_u64().unwrap() + m["counts"]["resumed"].as_u64().unwrap(),
        N as u64
    );
    if written_before > 0 && written_before < N {
        assert!(
            m["counts"]["resumed"].as_u64().unwrap() > 0,
            "finished documents were kept"
        );
    }
    assert_no_temp_files(&out);
    assert_eq!(documents(&out).len(), N);

    // The result equals an uninterrupted run.
    let clean = dir.path().join("clean");
    let o2 = run(&[s(&input), "-o", s(&clean), "-j", "2"]);
    assert_eq!(o.status.code(), o2.status.code());
    let (a, b) = (snapshot(&out), snapshot(&clean));
    assert_eq!(a.len(), b.len());
    for (k, v) in &b {
        assert!(
            a.get(k) == Some(v),
            "{k:?} differs from an uninterrupted run"
        );
    }
}

#[test]
fn a_document_that_ended_two_runs_is_read_again_by_workers_and_given_up_in_process() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("a.txt"), variant(1)).unwrap();
    fs::write(input.join("b.txt"), variant(2)).unwrap();
    let id = |text: String| {
        let sha = ita_extract::pipeline::sha256_hex(text.as_bytes());
        (sha[..12].to_string(), sha)
    };
    let ((a12, a_sha), (b12, b_sha)) = (id(variant(1)), id(variant(2)));
    let out = dir.path().join("out");
    fs::create_dir_all(out.join(".state")).unwrap();
    // As a journal reads after runs killed while reading them: a twice, b once.
    let line = |name: &str, short: &str, sha: &str| {
        format!(
            r#"{{"id":"{name}-{short}","sha256":"{sha}","tool_version":"{}","status":"started"}}"#,
            env!("CARGO_PKG_VERSION")
        )
    };
    let journal = [
        line("a", &a12, &a_sha),
        line("b", &b12, &b_sha),
        line("a", &a12, &a_sha),
    ]
    .join("\n");
    fs::write(out.join(".state/journal.jsonl"), &(journal.clone() + "\n")).unwrap();

    // With worker processes (the default) a document that kills its reader is reported
    // at once, so one merely in flight when a run ended is innocent: it is read again.
    run(&[s(&input), "-o", s(&out), "-q"]);
    assert_ne!(
        documents(&out)[&format!("a-{a12}")].status,
        DocStatus::Failed,
        "an innocent document in flight is read again"
    );

    // Read in process, the run cannot tell: two strikes and the document is given up.
    fs::write(out.join(".state/journal.jsonl"), journal + "\n").unwrap();
    let o = run(&[s(&input), "-o", s(&out), "-q", "--in-process"]);
    assert_eq!(o.status.code(), Some(1));
    let docs = documents(&out);
    let a = &docs[&format!("a-{a12}")];
    assert_eq!(a.status, DocStatus::Failed);
    assert!(
        a.flags[0].message.contains("earlier runs ended"),
        "{}",
        a.flags[0].message
    );
    assert_ne!(
        docs[&format!("b-{b12}")].status,
        DocStatus::Failed,
        "one strike: read again"
    );

    // --force reads it again.
    run(&[s(&input), "-o", s(&out), "-q", "--force", "--in-process"]);
    assert_ne!(
        documents(&out)[&format!("a-{a12}")].status,
        DocStatus::Failed
    );
}

#[test]
fn two_runs_cannot_write_one_folder_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    for n in 0..200 {
        fs::write(input.join(format!("d{n:03}.txt")), small_variant(n)).unwrap();
    }
    let out = dir.path().join("out");
    let mut first = Command::new(BIN)
        .args(["run", s(&input), "-o", s(&out), "-q"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the first run is writing documents, then start a second one.
    let start = Instant::now();
    while fs::read_dir(out.join("documents"))
        .map(|d| d.count())
        .unwrap_or(0)
        == 0
        && start.elapsed() < Duration::from_secs(20)
    {
        std::thread::sleep(Duration::from_millis(2));
    }
    let second = run(&[s(&input), "-o", s(&out), "-q"]);
    let first_done = first.try_wait().unwrap().is_some();
    first.kill().ok();
    first.wait().unwrap();
    eprintln!(
        "second run started while the first was running: {}",
        !first_done
    );
    if !first_done {
        assert_eq!(second.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&second.stderr).contains("another run"));
    }
    // The killed first run leaves no lock behind: a new run proceeds and completes.
    let o = run(&[s(&input), "-o", s(&out), "-q"]);
    assert_ne!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(documents(&out).len(), 200);
    assert_no_temp_files(&out);
}

#[test]
fn output_readme_and_readme_list_every_file_a_run_and_compare_write() {
    let dir = tempfile::tempdir().unwrap();
    let input = mixed_inputs(dir.path());
    let out = dir.path().join("out");
    run(&[s(&input), "-o", s(&out), "-q"]);
    let cmp = dir.path().join("cmp");
    Command::new(BIN)
        .args(["compare", s(&out), "-o", s(&cmp)])
        .output()
        .unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output_readme = fs::read_to_string(root.join("output/README.md")).unwrap();
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let mut names = std::collections::BTreeSet::new();
    for folder in [&out, &cmp] {
        for (path, _) in snapshot(folder) {
            let name = if path.starts_with("documents") {
                "documents/<id>.json".to_string()
            } else {
                path.to_string_lossy().into_owned()
            };
            names.insert(name);
        }
    }
    names.insert("manifest.json".to_string());
    for name in &names {
        let quoted = format!("`{name}`");
        assert!(
            output_readme.contains(&quoted),
            "output/README.md lacks {quoted}"
        );
        assert!(readme.contains(&quoted), "README.md lacks {quoted}");
    }
}

/// Issue 14: a re-run removes the JSON of a document whose input is gone from the walked
/// folder or was edited (a new id), and the tables list only what is there now.
#[test]
fn a_rerun_removes_documents_whose_input_is_gone_or_changed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let out = dir.path().join("out");
    fs::create_dir(&input).unwrap();
    for n in 1..=3 {
        fs::write(input.join(format!("d{n}.txt")), small_variant(n)).unwrap();
    }
    let docs = |out: &Path| fs::read_dir(out.join("documents")).unwrap().count();
    assert!(
        run(&["-q", s(&input), "-o", s(&out)])
            .status
            .code()
            .unwrap()
            <= 1
    );
    assert_eq!(docs(&out), 3);
    fs::remove_file(input.join("d1.txt")).unwrap();
    fs::write(input.join("d2.txt"), small_variant(20)).unwrap();
    assert!(
        run(&["-q", s(&input), "-o", s(&out)])
            .status
            .code()
            .unwrap()
            <= 1
    );
    assert_eq!(docs(&out), 2, "d1 gone, d2's old version replaced");
    let dataset = fs::read_to_string(out.join("dataset.jsonl")).unwrap();
    assert_eq!(dataset.lines().count(), 2);
    assert!(!dataset.contains("d1.txt"));
}

/// Issue 14: a link to a file outside the input folder is skipped unless `--follow-links`.
#[test]
fn links_out_of_the_input_folder_need_follow_links() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("inside.txt"), small_variant(1)).unwrap();
    let outside = dir.path().join("outside.txt");
    fs::write(&outside, small_variant(2)).unwrap();
    std::os::unix::fs::symlink(&outside, input.join("link.txt")).unwrap();
    let count = |extra: &[&str], out: &Path| {
        let mut args = vec!["-q", s(&input), "-o", s(out)];
        args.extend_from_slice(extra);
        assert!(run(&args).status.code().unwrap() <= 1);
        fs::read_to_string(out.join("dataset.jsonl"))
            .unwrap()
            .lines()
            .count()
    };
    assert_eq!(count(&[], &dir.path().join("o1")), 1, "the link is skipped");
    assert_eq!(count(&["--follow-links"], &dir.path().join("o2")), 2);
}
