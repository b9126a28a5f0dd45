//! Linear time, counted (issue 14): each input that once took quadratic time is read at
//! size n and 10n, and the work must grow at most 15x. Work is counted, not timed: the
//! instructions the document's processing executes, as Valgrind's callgrind counts them
//! (deterministic, whatever else the machine runs), less those of a tiny input (start-up,
//! vocabulary and gazetteer loading). The inputs are those of `scripts/scaling.py`, which
//! stays the CPU-time benchmark of the release binary at larger sizes.
//!
//! The counting runs this test binary's own `process_one_input` helper under
//! `valgrind --tool=callgrind`, in-process (no worker process, whose count callgrind
//! would lose when the worker is stopped). Without Valgrind the test says SKIPPED. It is
//! ignored by default (minutes under callgrind; the cases are counted in parallel):
//! `.ci/run` runs it, and `cargo test --test scaling -- --ignored --nocapture` prints the
//! counts. Measured 2026-12-02, debug build,
//! n = 300: every case x8.3-x10.0 (sara_am_spaced 8.3, sara_am_words 9.3, divs_in_cell
//! 9.7, table_rows 9.4, thai_digits 10.0, repeated_codes 9.4, lines 9.7).

use ita_extract::cli::OcrMode;
use ita_extract::ingest::ocr::OcrOptions;
use ita_extract::pipeline::{process_bytes, PipelineOptions};
use std::path::Path;
use std::process::Command;

/// The input the helper reads, when it runs under the counter.
const INPUT_VAR: &str = "ITA_SCALING_INPUT";

/// Most growth of the counted work from n to 10n (issue 14: time × ≤ 15).
const MAX_RATIO: f64 = 15.0;

/// The small size; the inputs of `scripts/scaling.py` at n and 10n (its default n is
/// 5000: a debug build under callgrind runs about fifty times slower than natively).
const N: usize = 300;

/// (name, text, extension) at size `n`, as `scripts/scaling.py` writes them.
fn case(name: &str, n: usize) -> (String, &'static str) {
    match name {
        "sara_am_spaced" => ("ท า".repeat(n) + "\n", "txt"),
        "sara_am_words" => ("ก าก าก า ".repeat(n) + "\n", "txt"),
        "divs_in_cell" => (
            format!(
                "<table><tr><td>{}</td></tr></table>\n",
                "<div>ข้อ</div>".repeat(n)
            ),
            "html",
        ),
        "table_rows" => (
            format!(
                "<table>\n{}</table>\n",
                (0..n)
                    .map(|i| format!("<tr><td>O{}</td><td>ข้อมูล</td></tr>\n", i % 40))
                    .collect::<String>()
            ),
            "html",
        ),
        "thai_digits" => ((("๑๒๓๔๕๖๗๘๙๐ ".repeat(20)) + "\n").repeat(n / 2), "txt"),
        "repeated_codes" => ((("O1 ".repeat(20)) + "\n").repeat(n / 2), "txt"),
        "lines" => ("ข้อ O1 การเปิดเผยข้อมูล ดำเนินการแล้ว\n".repeat(n), "txt"),
        _ => unreachable!("{name}"),
    }
}

const CASES: &[&str] = &[
    "sara_am_spaced",
    "sara_am_words",
    "divs_in_cell",
    "table_rows",
    "thai_digits",
    "repeated_codes",
    "lines",
];

/// The helper the counter runs: one document, in this process, OCR off. Without its
/// input variable (an ordinary `--ignored` run) it does nothing.
#[test]
#[ignore = "a helper: counted_work_grows_linearly runs it under valgrind"]
fn process_one_input() {
    let Some(path) = std::env::var_os(INPUT_VAR) else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let opts = PipelineOptions {
        ocr: OcrOptions {
            mode: OcrMode::Off,
            ..OcrOptions::default()
        },
        ..PipelineOptions::default()
    };
    let doc = process_bytes(&Path::new(&path).display().to_string(), &bytes, &opts);
    assert!(!doc.source.sha256.is_empty());
}

/// Instructions executed by the helper on `path` (callgrind's "Collected" total).
fn instructions(path: &Path) -> u64 {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(&exe)
        .args([
            "--exact",
            "process_one_input",
            "--ignored",
            "--test-threads=1",
        ])
        .env(INPUT_VAR, path)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    log.lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no count in callgrind's output: {log}"))
}

#[test]
#[ignore = "needs valgrind; about 7 minutes of CPU in a debug build (run by .ci/run)"]
fn counted_work_grows_linearly() {
    let have = Command::new("valgrind").arg("--version").output();
    if !have.is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED counted scaling: valgrind is not installed (scripts/scaling.py times the same inputs)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let tiny = dir.path().join("tiny.txt");
    std::fs::write(&tiny, "ข้อ\n").unwrap();
    let start = instructions(&tiny);
    let mut report = vec![format!("start-up {start} instructions; n = {N}")];
    let mut over = Vec::new();
    // Every case at n and 10n counted at once, one callgrind process each (the machine's
    // cores share the minutes; each count is its own and exact).
    let counts: Vec<Vec<u64>> = std::thread::scope(|s| {
        let runs: Vec<_> = CASES
            .iter()
            .map(|name| {
                [N, 10 * N].map(|n| {
                    let (text, ext) = case(name, n);
                    let path = dir.path().join(format!("{name}{n}.{ext}"));
                    std::fs::write(&path, text).unwrap();
                    s.spawn(move || instructions(&path).saturating_sub(start).max(1))
                })
            })
            .collect();
        runs.into_iter()
            .map(|pair| pair.into_iter().map(|h| h.join().unwrap()).collect())
            .collect()
    });
    for (name, work) in CASES.iter().zip(counts) {
        let ratio = work[1] as f64 / work[0] as f64;
        report.push(format!(
            "{name:<16} n {:>13}  10n {:>13}  x{ratio:.1}",
            work[0], work[1]
        ));
        if ratio > MAX_RATIO {
            over.push(*name);
        }
    }
    println!("{}", report.join("\n"));
    assert!(
        over.is_empty(),
        "work grew more than x{MAX_RATIO} from n to 10n: {over:?}\n{}",
        report.join("\n")
    );
}
