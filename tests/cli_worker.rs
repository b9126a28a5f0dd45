//! Worker processes through the built binary: the same bytes as reading in process at
//! any `-j`; a worker killed from outside, one over its memory limit and one over its
//! time budget fail their own document only (`crashed`, `memory_limit`, `timeout`) and
//! the batch goes on; SIGTERM and SIGINT stop a run cleanly (manifest "interrupted",
//! exit 143 / 130) and a re-run reads the abandoned document; `file` and `text` turn a
//! panic or an overrun into a `failed` report with exit 1.
//!
//! Hostile documents are simulated with the binary's test-only trigger
//! (`ITA_EXTRACT_TEST_TRIGGER=MODE:SUBSTRING`, see `batch::worker`), since a real one
//! that reliably exhausts memory or hangs is large or slow. Waits poll with generous
//! bounds; nothing asserts on time.

#![cfg(target_os = "linux")]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_ita-extract");
const TRIGGER: &str = "ITA_EXTRACT_TEST_TRIGGER";

/// Longest a poll waits before the test gives up (a generous bound, not a measure).
const PATIENCE: Duration = Duration::from_secs(120);

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn seed() -> String {
    fs::read_to_string(fixtures().join("seed_1afe833d.txt")).expect("seed fixture")
}

/// A small document (the seed's first 60 lines, a unique first line): quick to read
/// even on a loaded machine.
fn small_variant(n: usize) -> String {
    let s = seed();
    let head: Vec<&str> = s.lines().skip(1).take(59).collect();
    format!("<!-- small variant {n} -->\n{}\n", head.join("\n"))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// A folder of good documents, one of them named `name`.
fn inputs(dir: &Path, name: &str) -> PathBuf {
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    for n in 0..4 {
        fs::write(input.join(format!("doc{n}.txt")), small_variant(n)).unwrap();
    }
    fs::write(input.join(format!("{name}.txt")), small_variant(99)).unwrap();
    input
}

fn run(args: &[&str], trigger: Option<&str>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.arg("run").args(args).arg("-q");
    if let Some(t) = trigger {
        cmd.env(TRIGGER, t);
    }
    cmd.output().expect("run the binary")
}

fn spawn_run(args: &[&str], trigger: &str) -> Child {
    Command::new(BIN)
        .arg("run")
        .args(args)
        .arg("-q")
        .env(TRIGGER, trigger)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the binary")
}

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join("manifest.json")).expect("manifest")).unwrap()
}

/// Status and first flag code of every document, by path file name.
fn outcomes(out: &Path) -> BTreeMap<String, (String, Option<String>)> {
    let mut got = BTreeMap::new();
    for e in fs::read_dir(out.join("documents")).unwrap() {
        let doc: serde_json::Value =
            serde_json::from_slice(&fs::read(e.unwrap().path()).unwrap()).expect("document JSON");
        let name = Path::new(doc["source"]["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let code = doc["flags"]
            .as_array()
            .and_then(|f| f.first())
            .map(|f| f["code"].as_str().unwrap().to_string());
        got.insert(name, (doc["status"].as_str().unwrap().to_string(), code));
    }
    got
}

/// Every file under `dir` except the manifest (timings) and the journal (run order).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if !p.ends_with(".state") {
                    walk(root, &p, out);
                }
            } else if !p.ends_with("manifest.json") {
                out.insert(p.strip_prefix(root).unwrap().into(), fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Poll until `cond` holds (false if [`PATIENCE`] runs out first).
fn wait_for(mut cond: impl FnMut() -> bool) -> bool {
    let t = Instant::now();
    while t.elapsed() < PATIENCE {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// Whether the run's journal says the document `name` started.
fn started(out: &Path, name: &str) -> bool {
    fs::read_to_string(out.join(".state/journal.jsonl")).is_ok_and(|j| {
        j.lines()
            .any(|l| l.contains(&format!("\"id\":\"{name}-")) && l.contains("\"started\""))
    })
}

/// Pids of the worker processes of `parent` (its children running `__worker`).
fn workers_of(parent: u32) -> Vec<i32> {
    let mut pids = Vec::new();
    let Ok(tasks) = fs::read_dir(format!("/proc/{parent}/task")) else {
        return pids;
    };
    for t in tasks.flatten() {
        let children = fs::read_to_string(t.path().join("children")).unwrap_or_default();
        for pid in children
            .split_whitespace()
            .filter_map(|p| p.parse::<i32>().ok())
        {
            let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            if String::from_utf8_lossy(&cmdline).contains("__worker") {
                pids.push(pid);
            }
        }
    }
    pids
}

fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    let t = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if t.elapsed() > PATIENCE {
            child.kill().ok();
            panic!("the run did not end");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn workers_write_the_same_bytes_as_in_process_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = fixtures();
    let mut snaps = Vec::new();
    for (name, extra) in [
        ("in-process", &["-j2", "--in-process"][..]),
        ("workers-j1", &["-j1"][..]),
        ("workers-j2", &["-j2"][..]),
    ] {
        let out = dir.path().join(name);
        let mut args = vec![s(&fixtures), "-o", s(&out), "--ocr", "off"];
        args.extend_from_slice(extra);
        let o = run(&args, None);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{name}: fixtures include partial ones"
        );
        snaps.push((name, snapshot(&out)));
    }
    let (_, reference) = &snaps[0];
    assert!(
        reference.len() > 40,
        "documents and aggregate files written"
    );
    for (name, snap) in &snaps[1..] {
        assert_eq!(
            snap.keys().collect::<Vec<_>>(),
            reference.keys().collect::<Vec<_>>(),
            "{name}"
        );
        for (path, bytes) in snap {
            assert!(
                bytes == &reference[path],
                "{name}: {} differs",
                path.display()
            );
        }
    }
}

#[test]
fn a_worker_killed_from_outside_fails_its_document_and_the_batch_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path(), "victim");
    let out = dir.path().join("out");
    let mut child = spawn_run(&[s(&input), "-o", s(&out), "-j1"], "sleep:victim");
    assert!(wait_for(|| started(&out, "victim")), "victim never started");
    let mut killed = Vec::new();
    assert!(
        wait_for(|| {
            killed = workers_of(child.id());
            !killed.is_empty()
        }),
        "no worker found"
    );
    for pid in &killed {
        // SAFETY: kill(2) on a pid of our run's worker.
        unsafe { libc::kill(*pid, libc::SIGKILL) };
    }
    let status = wait_exit(&mut child);
    assert_eq!(status.code(), Some(1));
    let got = outcomes(&out);
    assert_eq!(
        got["victim.txt"],
        ("failed".to_string(), Some("crashed".to_string()))
    );
    for n in 0..4 {
        assert_eq!(got[&format!("doc{n}.txt")].0, "ok", "{got:?}");
    }
    let m = manifest(&out);
    assert_eq!(m["counts"]["failed"], 1);
    assert_eq!(m["counts"]["ok"], 4);
    let message = m["failures"][0]["message"].as_str().unwrap();
    assert!(message.contains("signal 9"), "{message}");
}

#[test]
fn a_memory_hog_hits_memory_limit_and_a_spinner_hits_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path(), "hostile");
    for (trigger, extra, code) in [
        ("hog:hostile", ["--max-memory", "256"], "memory_limit"),
        // Generous: the good documents must finish within it on a loaded machine.
        ("spin:hostile", ["--doc-timeout", "6"], "timeout"),
    ] {
        let out = dir.path().join(code);
        let mut args = vec![s(&input), "-o", s(&out), "-j2"];
        args.extend_from_slice(&extra);
        let o = run(&args, Some(trigger));
        assert_eq!(o.status.code(), Some(1), "{trigger}");
        let got = outcomes(&out);
        assert_eq!(
            got["hostile.txt"],
            ("failed".to_string(), Some(code.to_string())),
            "{trigger}"
        );
        for n in 0..4 {
            assert_eq!(got[&format!("doc{n}.txt")].0, "ok", "{trigger}: {got:?}");
        }
        // A re-run reads the failed document again only with --force: it was the cause.
        let again = run(&args, Some(trigger));
        assert_eq!(again.status.code(), Some(1));
        assert_eq!(manifest(&out)["counts"]["processed"], 0, "{trigger}");
    }
}

#[test]
fn sigterm_and_sigint_stop_cleanly_and_a_rerun_reads_what_was_abandoned() {
    for (signal, code, name) in [
        (libc::SIGTERM, 143, "SIGTERM"),
        (libc::SIGINT, 130, "SIGINT"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let input = inputs(dir.path(), "slow");
        let out = dir.path().join("out");
        let mut child = spawn_run(&[s(&input), "-o", s(&out), "-j1"], "sleep:slow");
        assert!(
            wait_for(|| started(&out, "slow")),
            "{name}: slow never started"
        );
        // SAFETY: kill(2) on the pid of the run this test started.
        unsafe { libc::kill(child.id() as i32, signal) };
        let status = wait_exit(&mut child);
        assert_eq!(status.code(), Some(code), "{name}");
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
        assert!(stderr.contains("interrupted"), "{name}: {stderr}");
        let m = manifest(&out);
        assert_eq!(m["interrupted"]["signal"], name);
        assert_eq!(m["interrupted"]["abandoned"], 1, "{name}: {m}");
        assert!(
            !outcomes(&out).contains_key("slow.txt"),
            "{name}: the abandoned document has no report"
        );
        assert!(
            wait_for(|| workers_of(child.id()).is_empty()),
            "{name}: workers left behind"
        );

        // The next run (no trigger) reads the abandoned document, keeps the others.
        let o = run(&[s(&input), "-o", s(&out), "-j1"], None);
        assert_eq!(o.status.code(), Some(0), "{name}");
        let m = manifest(&out);
        assert!(m.get("interrupted").is_none());
        assert_eq!(m["counts"]["ok"], 5);
        assert_eq!(
            m["counts"]["processed"].as_u64().unwrap() + m["counts"]["resumed"].as_u64().unwrap(),
            5
        );
        assert!(m["counts"]["processed"].as_u64().unwrap() >= 1);
        assert_eq!(outcomes(&out)["slow.txt"].0, "ok");
    }
}

fn command(args: &[&str], trigger: &str) -> Output {
    Command::new(BIN)
        .args(args)
        .env(TRIGGER, trigger)
        .output()
        .expect("run the binary")
}

#[test]
fn file_turns_a_panic_or_a_hog_into_a_failed_report_and_reads_the_next_path() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let good = dir.path().join("good.txt");
    fs::write(&bad, small_variant(1)).unwrap();
    fs::write(&good, small_variant(2)).unwrap();
    for (trigger, code) in [("panic:bad", "parse_error"), ("hog:bad", "memory_limit")] {
        let o = command(&["file", s(&bad), s(&good), "--max-memory", "256"], trigger);
        assert_eq!(o.status.code(), Some(1), "{trigger}");
        let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "{trigger}");
        assert_eq!(lines[0]["status"], "failed");
        assert_eq!(lines[0]["flags"][0]["code"], code);
        assert_eq!(lines[1]["status"], "ok", "{trigger}: the next path is read");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains(code), "{stderr}");
    }
    // One path, a timeout: the pretty report, exit 1.
    let o = command(&["file", s(&bad), "--doc-timeout", "1"], "spin:bad");
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["flags"][0]["code"], "timeout");
}

#[test]
fn text_and_explain_turn_a_panic_a_hog_or_an_overrun_into_a_failed_report_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    fs::write(&bad, small_variant(1)).unwrap();
    for cmd in ["text", "explain"] {
        let plain = command(&[cmd, s(&bad)], "panic:nothing-matches");
        assert_eq!(
            plain.status.code(),
            Some(0),
            "{cmd}: a good document still prints"
        );
        assert!(!plain.stdout.is_empty());
    }
    for (cmd, trigger, extra, code) in [
        ("text", "panic:bad", ["--max-memory", "256"], "parse_error"),
        ("text", "hog:bad", ["--max-memory", "256"], "memory_limit"),
        ("text", "spin:bad", ["--doc-timeout", "1"], "timeout"),
        (
            "explain",
            "panic:bad",
            ["--max-memory", "256"],
            "parse_error",
        ),
        ("explain", "spin:bad", ["--doc-timeout", "1"], "timeout"),
    ] {
        let mut args = vec![cmd, s(&bad)];
        args.extend_from_slice(&extra);
        let o = command(&args, trigger);
        assert_eq!(o.status.code(), Some(1), "{trigger}");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            stderr.contains(&format!("{}: {code}: ", s(&bad))),
            "{trigger}: {stderr}"
        );
    }
}
