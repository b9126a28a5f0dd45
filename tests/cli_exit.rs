//! Exit codes and messages that every command shares (issue 13), through the built
//! binary: `--help` lists the exit codes, and a closed stdout (`| head`) ends every
//! command quietly with 0.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ita-extract");

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn help_lists_the_exit_codes() {
    for args in [
        vec!["--help"],
        vec!["run", "--help"],
        vec!["file", "--help"],
        vec!["text", "--help"],
        vec!["compare", "--help"],
    ] {
        let o = Command::new(BIN).args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8(o.stdout).unwrap();
        for line in [
            "Exit codes:",
            "0  every document ok",
            "1  some document failed or is partial",
            "2  the command could not proceed",
        ] {
            assert!(help.contains(line), "{args:?} lacks {line:?}:\n{help}");
        }
    }
    // A usage error is exit 2 too.
    let o = Command::new(BIN)
        .args(["run", "--no-such-flag"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// Run `args` with stdout a pipe whose reader is already gone, and `stdin` as input.
/// Every write to stdout fails with EPIPE, as under `| head` once head has exited.
fn with_closed_stdout(args: &[&str], stdin: &[u8]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    // The command may stop reading once its output is gone: a failed write here is fine.
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let mut err = Vec::new();
    child.stderr.take().unwrap().read_to_end(&mut err).unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    std::process::Output {
        status,
        stdout: Vec::new(),
        stderr: err,
    }
}

#[test]
fn a_closed_pipe_ends_every_command_quietly_with_0() {
    let seed = fixture("seed_1afe833d.txt");
    let pdf = fixture("pdf/docx_wingdings_text.pdf");
    let text = fs::read(&seed).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let cmp = dir.path().join("cmp");
    let out_s = out.to_str().unwrap();
    let cmp_s = cmp.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &[u8])> = vec![
        (vec!["file", &seed], b""),
        (vec!["file", &seed, &pdf], b""),
        (vec!["file", "-"], &text),
        (vec!["text", &seed], b""),
        (vec!["text", &pdf], b""),
        (vec!["normalize"], &text),
        (vec!["normalize", "--as", "number"], &text),
        (vec!["schema"], b""),
        // run and compare write nothing to stdout: a closed one changes nothing.
        (vec!["run", &seed, "-o", out_s, "-q"], b""),
        (vec!["compare", out_s, "-o", cmp_s], b""),
    ];
    for (args, stdin) in cases {
        let o = with_closed_stdout(&args, stdin);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.to_lowercase().contains("broken pipe") && !err.contains("error"),
            "{args:?}: {err}"
        );
    }
}
