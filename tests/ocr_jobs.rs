//! Issue 12: OCR honours `-j`. A wrapper named `tesseract`, first on `PATH`, counts the
//! engine processes alive at once (under `flock`), holds each one for half a second so
//! that overlaps show, then runs the real engine. `run -j1` over several multi-page scans
//! must never have two engines at once, and `run -j2` never three; it does reach two,
//! which shows that the wrapper counts. Ignored by a plain `cargo test` (it needs
//! Tesseract and `flock`); `.ci/run` installs Tesseract and runs it with `--ignored`.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

fn real_tesseract() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("tesseract"))
        .find(|p| p.is_file())
        .expect("this test needs Tesseract on PATH (.ci/run installs it)")
}

/// Most engine processes seen at once by `run -jN` over `inputs`.
fn most_engines_at_once(jobs: usize, inputs: &Path) -> u32 {
    let dir = tempfile::tempdir().unwrap();
    let count = dir.path().join("count");
    std::fs::create_dir(&count).unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let wrapper = bin.join("tesseract");
    let c = count.display();
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\n\
             exec 9>>'{c}/lock'\n\
             flock 9; n=$(( $(cat '{c}/now' 2>/dev/null || echo 0) + 1 )); echo $n > '{c}/now'\n\
             m=$(cat '{c}/max' 2>/dev/null || echo 0); [ $n -gt $m ] && echo $n > '{c}/max'; flock -u 9\n\
             sleep 0.5\n\
             '{real}' \"$@\"; rc=$?\n\
             flock 9; n=$(( $(cat '{c}/now') - 1 )); echo $n > '{c}/now'; flock -u 9\n\
             exit $rc\n",
            real = real_tesseract().display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = dir.path().join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_ita-extract"))
        .args(["run", "--quiet", "-j", &jobs.to_string()])
        .arg(inputs)
        .arg("-o")
        .arg(&out)
        .env("PATH", path)
        .status()
        .unwrap();
    assert!(status.code().is_some_and(|c| c <= 1), "run -j{jobs} failed");
    let engines = std::fs::read_to_string(count.join("max"))
        .expect("the wrapper never ran: were the scans OCR'd?");
    engines.trim().parse().unwrap()
}

#[test]
#[ignore = "needs Tesseract with Thai data and flock; run by .ci/run (cargo test --test ocr_jobs -- --ignored)"]
fn ocr_engines_never_exceed_jobs() {
    // Three scans of two pages each: six pages, enough for overlaps to show.
    let inputs = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/scanned2");
    for name in [
        "docx_bare_thai_numbers.pdf",
        "docx_marks_three_columns.pdf",
        "html_form_checkboxes.pdf",
    ] {
        std::fs::copy(src.join(name), inputs.path().join(name)).unwrap();
    }
    assert_eq!(most_engines_at_once(1, inputs.path()), 1, "-j1");
    assert_eq!(most_engines_at_once(2, inputs.path()), 2, "-j2");
}
