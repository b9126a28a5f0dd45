//! `ita-extract file` and `ita-extract text` through the built binary (issue 13): exit
//! codes and messages for paths that cannot be read, several paths as JSONL, `-` for
//! stdin, pdftotext's habits for `text` (one form feed per page, `-f`/`-l`, an output
//! path), and the limits on text input size and line length.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ita-extract");

fn seed() -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed_1afe833d.txt");
    fs::read_to_string(p).expect("seed fixture")
}

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

fn ita(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("run the binary")
}

/// Run with `stdin` as standard input.
fn ita_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the binary");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The document's `too_large` flag.
fn too_large(doc: &serde_json::Value) -> Option<&serde_json::Value> {
    doc["flags"]
        .as_array()?
        .iter()
        .find(|f| f["code"] == "too_large")
}

#[test]
fn file_on_a_path_that_cannot_be_read_says_why_on_stderr_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let o = ita(&["file", s(&missing)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        o.stdout.is_empty(),
        "no JSON for a path that is not a document"
    );
    let err = stderr(&o);
    assert!(
        err.contains(s(&missing)) && err.contains("No such file or directory"),
        "{err}"
    );
    // A folder is not a document either.
    let o = ita(&["file", s(dir.path())]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is a folder"), "{}", stderr(&o));
}

#[test]
fn file_tells_empty_and_binary_text_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b"  \n").unwrap();
    let binary = dir.path().join("binary.txt");
    fs::write(&binary, [0u8, 1, 2, 3, 4, 5, 6, 7].repeat(64)).unwrap();
    for (path, cause) in [(&empty, "file is empty"), (&binary, "file is not text")] {
        let o = ita(&["file", s(path)]);
        assert_eq!(o.status.code(), Some(1), "{path:?}");
        let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(doc["status"], "failed");
        let err = stderr(&o);
        assert!(
            err.contains(s(path)) && err.contains("failed") && err.contains(cause),
            "{err}"
        );
    }
    // An ok document says nothing on stderr.
    let o = ita(&["file", &fixture("seed_1afe833d.txt")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn file_with_several_paths_writes_jsonl_and_reads_stdin_for_dash() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b"").unwrap();
    let seed_path = fixture("seed_1afe833d.txt");
    let missing = dir.path().join("missing.txt");
    let o = ita_stdin(
        &["file", &seed_path, s(&missing), "-", s(&empty)],
        seed().as_bytes(),
    );
    // The missing path is told and the others are still read: exit 2 for it.
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "one line per readable path: {text}");
    let docs: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs[0]["source"]["path"], seed_path.as_str());
    assert_eq!(docs[1]["source"]["path"], "-");
    assert_eq!(docs[2]["status"], "failed");
    // stdin gives the same document as the file, but for its path.
    assert_eq!(docs[0]["source"]["sha256"], docs[1]["source"]["sha256"]);
    assert_eq!(docs[0]["oit_items"], docs[1]["oit_items"]);
    // Each line is the compact form of what `file` prints for that path alone.
    let alone = ita(&["file", &seed_path]);
    let pretty: serde_json::Value = serde_json::from_slice(&alone.stdout).unwrap();
    assert_eq!(lines[0], serde_json::to_string(&pretty).unwrap());
    assert!(String::from_utf8_lossy(&alone.stdout).starts_with("{\n  \""));

    let o = ita(&["file", "-", "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("only once"), "{}", stderr(&o));
}

#[test]
fn file_on_a_pdf_name_that_is_not_a_pdf_is_a_failed_document() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("report.pdf");
    fs::write(&fake, "<!DOCTYPE html><html>ไม่พบหน้า</html>").unwrap();
    let o = ita(&["file", s(&fake)]);
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["status"], "failed");
    assert_eq!(doc["source"]["format"], "pdf");
    let message = doc["flags"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("not a PDF: starts with \"<!DOCTYPE html><html>"),
        "{message}"
    );
    assert!(stderr(&o).contains("not a PDF"));
}

#[test]
fn text_writes_one_form_feed_per_page_like_pdftotext() {
    let dir = tempfile::tempdir().unwrap();
    let four = dir.path().join("four.txt");
    fs::write(&four, "หน้า ๑\u{c}หน้า ๒\u{c}หน้า ๓\u{c}หน้า ๔\n").unwrap();
    let o = ita(&["text", s(&four)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.matches('\u{c}').count(), 4, "{out:?}");
    assert!(out.ends_with('\u{c}'));
    // Fed back, the output has the same four pages (the last form feed closes page 4).
    let again = dir.path().join("again.txt");
    fs::write(&again, &out).unwrap();
    let o = ita(&["text", s(&again)]);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), out);
    let doc: serde_json::Value = serde_json::from_slice(&ita(&["file", s(&again)]).stdout).unwrap();
    assert_eq!(doc["source"]["pages"], 4);

    // A PDF: as many form feeds as pages.
    let pdf = fixture("pdf/docx_wingdings_text.pdf");
    let o = ita(&["text", &pdf]);
    let doc: serde_json::Value = serde_json::from_slice(&ita(&["file", &pdf]).stdout).unwrap();
    let pages = doc["source"]["pages"].as_u64().unwrap() as usize;
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).matches('\u{c}').count(),
        pages
    );
}

#[test]
fn text_takes_first_and_last_page_and_an_output_path() {
    let dir = tempfile::tempdir().unwrap();
    let four = dir.path().join("four.txt");
    fs::write(&four, "หน้า ๑\u{c}หน้า ๒\u{c}หน้า ๓\u{c}หน้า ๔").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["-f", "2", "-l", "3"], "หน้า 2\u{c}หน้า 3\u{c}"),
        (&["-f", "4"], "หน้า 4\u{c}"),
        (&["-l", "1"], "หน้า 1\u{c}"),
        (&["--first", "3", "--last", "9"], "หน้า 3\u{c}หน้า 4\u{c}"),
    ];
    for (range, want) in cases {
        let mut args = vec!["text", s(&four)];
        args.extend_from_slice(range);
        let o = ita(&args);
        assert_eq!(o.status.code(), Some(0), "{range:?}: {}", stderr(&o));
        assert_eq!(String::from_utf8(o.stdout).unwrap(), *want, "{range:?}");
    }
    // An output path, as pdftotext's second argument; `-` is stdout.
    let out = dir.path().join("out.txt");
    let o = ita(&["text", s(&four), s(&out), "-f", "2", "-l", "2"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    assert_eq!(fs::read_to_string(&out).unwrap(), "หน้า 2\u{c}");
    let o = ita(&["text", s(&four), "-", "-l", "1"]);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), "หน้า 1\u{c}");
    // Ranges that select nothing: exit 2 with the reason.
    for (range, why) in [
        (["-f", "3", "-l", "2"], "after the last page"),
        (["-f", "5", "-l", "6"], "the document has 4 pages"),
    ] {
        let mut args = vec!["text", s(&four)];
        args.extend_from_slice(&range);
        let o = ita(&args);
        assert_eq!(o.status.code(), Some(2), "{range:?}");
        assert!(stderr(&o).contains(why), "{range:?}: {}", stderr(&o));
    }
    // Pages of a PDF.
    let pdf = fixture("pdf/docx_wingdings_text.pdf");
    let all = ita(&["text", &pdf]).stdout;
    let first = String::from_utf8(ita(&["text", &pdf, "-l", "1"]).stdout).unwrap();
    let page1 = String::from_utf8_lossy(&all)
        .split('\u{c}')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(first, page1 + "\u{c}");
}

#[test]
fn text_input_over_the_size_limit_is_read_up_to_it_and_flagged() {
    let dir = tempfile::tempdir().unwrap();
    // The seed, then 1.5 MB more of text: over a limit of 1 MB.
    let big = dir.path().join("big.txt");
    let mut text = seed();
    while text.len() < 1_500_000 {
        text.push_str("บรรทัดต่อท้าย ข้อความที่ไม่ควรถูกอ่าน\n");
    }
    fs::write(&big, &text).unwrap();
    let o = ita(&["file", s(&big), "--max-input-mb", "1"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["status"], "partial");
    let flag = too_large(&doc).expect("a too_large flag");
    assert_eq!(flag["severity"], "warning");
    let msg = flag["message"].as_str().unwrap();
    assert!(msg.contains("--max-input-mb"), "{msg}");
    // What was read is the start of the file: the seed's items are all there.
    assert_eq!(doc["oit_items"].as_array().unwrap().len(), 43);
    assert!(stderr(&o).contains("too_large"), "{}", stderr(&o));
    // Under the default limit (16 MB) the same file is read whole.
    let o = ita(&["file", s(&big)]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(too_large(&doc).is_none(), "16 MB default");
}

#[test]
fn a_line_over_the_length_limit_is_cut_and_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.txt");
    // A 3 MB single line after the seed: over the default of 1000 KB.
    let mut text = seed();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&"ก".repeat(1_000_000));
    text.push('\n');
    fs::write(&long, &text).unwrap();
    let o = ita(&["file", s(&long)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["status"], "partial");
    let flag = too_large(&doc).expect("a too_large flag");
    let msg = flag["message"].as_str().unwrap();
    assert!(msg.contains("--max-line-kb"), "{msg}");
    let span = &flag["span"];
    assert_eq!(span["line"], seed().lines().count() + 1, "the long line");
    assert_eq!(
        span["byte_end"].as_u64().unwrap() - span["byte_start"].as_u64().unwrap(),
        999_999,
        "cut at a character boundary under 1,000,000 bytes"
    );
    // `text` prints the cut line and tells the flag on stderr.
    let o = ita(&["text", s(&long), "--max-line-kb", "3"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.lines().all(|l| l.len() <= 3_000), "cut to 3 KB");
    assert!(stderr(&o).contains("too_large"), "{}", stderr(&o));
    // Limits must be positive.
    let o = ita(&["file", s(&long), "--max-input-mb", "0"]);
    assert_eq!(o.status.code(), Some(2));
}
