//! `ita-extract normalize` through the built binary: one output line per input line, the
//! values each `--as` mode promises, notes on stderr for lines without a value, exit 0.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ita-extract"))
        .arg("normalize")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("binary exits");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn text_mode_repairs_folds_and_keeps_tabs() {
    let input = "การประกาศส าหรับปี พ.ศ.๒๕๖๖  \n\tO๒๖\tควำม\u{200B}โปร่งใส\r\nที\u{F70B}   นี่\nlast";
    let (out, _, code) = run(&["--as", "text"], input);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "การประกาศสำหรับปี พ.ศ.2566\n\tO26\tความโปร่งใส\nที้ นี่\nlast\n"
    );
    let (default_out, _, _) = run(&[], input);
    assert_eq!(default_out, out, "text is the default mode");
}

#[test]
fn value_modes_print_one_line_per_input_line() {
    let input = "เมื่อวันที่ ๘ กุมภาพันธ์ ๒๕๖๖ โดยมี\nไม่มี\n(๑ ต.ค. ๖๕ - ๓๑ มี.ค. ๖๖)\n";
    let (out, err, code) = run(&["--as", "date"], input);
    assert_eq!(code, 0);
    assert_eq!(out, "2023-02-08\n\n2022-10-01\n");
    assert!(err.contains("line 2"), "stderr names the line: {err}");

    let (out, _, _) = run(&["--as", "number"], "คะแนน ๙๙.๑๘ คะแนน\n๑,๒๓๔.๕\nไม่มี\n");
    assert_eq!(out, "99.18\n1234.5\n\n");

    let (out, err, code) = run(
        &["--as", "item-code"],
        "O๒๖\tรายงาน\n0๑๑ แผน\n๐๑๓\no๑\nO 5\nOnline OIT\n",
    );
    assert_eq!(code, 0);
    assert_eq!(out, "O26\nO11\nO13\nO1\nO5\n\n");
    assert!(err.contains("line 6"));
}

#[test]
fn empty_input_gives_empty_output() {
    for mode in ["text", "date", "number", "item-code"] {
        let (out, _, code) = run(&["--as", mode], "");
        assert_eq!((out.as_str(), code), ("", 0), "{mode}");
    }
}
