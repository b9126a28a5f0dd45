//! The resume journal, `<output>/.state/journal.jsonl`: one line per finished document,
//! `{"id", "sha256", "tool_version", "status", "reading"}`, appended right after the document's
//! JSON was renamed into place, and one line with status `"started"` when a document
//! starts. Read in process (`run --in-process`), a document started but never finished
//! in a run that was cut short earns a strike: it may have ended the process (a stack
//! overflow, the out-of-memory killer), so the next run retries it alone, and after
//! [`MAX_STRIKES`] it is reported failed without being read again. Read by worker
//! processes (the default), strikes are not counted: a worker's death is reported at
//! once against its document, so one in flight when the run ended was innocent and is
//! simply read again. A document counts as complete on a later run when the
//! journal names it with the same content hash, tool version and reading options (the
//! options that change a document's JSON: `--ocr`, `--max-input-mb`, `--max-line-kb`)
//! and its JSON still reads back. Lines are appended whole by one writer; a line cut short anyway (a full
//! disk) is ignored when reading. Every run ends by rewriting the journal sorted and
//! without repeats (atomically).

use super::atomic::{write_atomic_with, WriteError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// Runs a document may end before it is no longer tried.
pub const MAX_STRIKES: u32 = 2;

/// Status of the line written when a document starts.
pub const STARTED: &str = "started";

/// One finished (or started) document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub sha256: String,
    pub tool_version: String,
    pub status: String,
    /// The reading options the document was read with; empty in journals written
    /// before they were recorded (such documents are read again).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reading: String,
}

/// The journal's path inside an output folder.
pub fn path(out_dir: &Path) -> PathBuf {
    out_dir.join(".state").join("journal.jsonl")
}

/// What the journal says: the last finished entry of each id, and the strikes of
/// documents started but not finished since.
#[derive(Debug, Default, PartialEq)]
pub struct Journal {
    pub done: BTreeMap<String, Entry>,
    pub strikes: BTreeMap<String, u32>,
}

/// Read the journal. A missing journal is empty.
pub fn load(out_dir: &Path) -> Journal {
    let mut journal = Journal::default();
    let Ok(file) = File::open(path(out_dir)) else {
        return journal;
    };
    for line in BufReader::new(file).split(b'\n').map_while(Result::ok) {
        let Ok(entry) = serde_json::from_slice::<Entry>(&line) else {
            continue;
        };
        if entry.status == STARTED {
            *journal.strikes.entry(entry.id).or_default() += 1;
        } else {
            journal.strikes.remove(&entry.id);
            journal.done.insert(entry.id.clone(), entry);
        }
    }
    journal
}

/// Appends entries as documents finish.
pub struct Appender {
    file: File,
    path: PathBuf,
}

impl Appender {
    pub fn open(out_dir: &Path) -> Result<Self, WriteError> {
        let path = path(out_dir);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| WriteError::io(parent, e))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| WriteError::io(&path, e))?;
        Ok(Appender { file, path })
    }

    /// Append one entry with a single write, so a killed process leaves whole lines.
    pub fn record(&mut self, entry: &Entry) -> Result<(), WriteError> {
        let mut line = serde_json::to_vec(entry).unwrap_or_default();
        line.push(b'\n');
        self.file
            .write_all(&line)
            .map_err(|e| WriteError::io(&self.path, e))
    }
}

/// Rewrite the journal with exactly `entries`, sorted by id.
pub fn rewrite(out_dir: &Path, entries: &BTreeMap<String, Entry>) -> Result<(), WriteError> {
    let path = path(out_dir);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| WriteError::io(parent, e))?;
    }
    write_atomic_with(&path, |w| {
        for entry in entries.values() {
            serde_json::to_writer(&mut *w, entry).map_err(io::Error::from)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, status: &str) -> Entry {
        Entry {
            id: id.into(),
            sha256: "ab".into(),
            tool_version: "0.1.0".into(),
            status: status.into(),
            reading: String::new(),
        }
    }

    #[test]
    fn later_entries_win_and_cut_lines_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = Appender::open(dir.path()).unwrap();
        app.record(&entry("b", "ok")).unwrap();
        app.record(&entry("a", "failed")).unwrap();
        app.record(&entry("a", "ok")).unwrap();
        drop(app);
        let mut f = OpenOptions::new()
            .append(true)
            .open(path(dir.path()))
            .unwrap();
        f.write_all(br#"{"id":"c","sha2"#).unwrap();
        let got = load(dir.path()).done;
        assert_eq!(got.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(got["a"].status, "ok");
        rewrite(dir.path(), &got).unwrap();
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert_eq!(load(dir.path()).done, got);
    }

    #[test]
    fn started_without_finish_counts_strikes() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = Appender::open(dir.path()).unwrap();
        for (id, status) in [
            ("a", STARTED),
            ("b", STARTED),
            ("b", "ok"),
            ("a", STARTED),
            ("c", "ok"),
            ("c", STARTED),
        ] {
            app.record(&entry(id, status)).unwrap();
        }
        let j = load(dir.path());
        assert_eq!(
            j.strikes,
            BTreeMap::from([("a".to_string(), 2), ("c".to_string(), 1)])
        );
        assert_eq!(j.done.keys().collect::<Vec<_>>(), ["b", "c"]);
    }
}
