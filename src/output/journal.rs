//! The resume journal, `<output>/.state/journal.jsonl`: one line per finished document,
//! `{"id", "sha256", "tool_version", "status"}`, appended right after the document's
//! JSON was renamed into place. A document counts as complete on a later run when the
//! journal names it with the same content hash and tool version and its JSON still
//! reads back. Lines are appended whole by one writer; a line cut short anyway (a full
//! disk) is ignored when reading. Every run ends by rewriting the journal sorted and
//! without repeats (atomically).

use super::atomic::{write_atomic_with, WriteError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// One finished document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub sha256: String,
    pub tool_version: String,
    pub status: String,
}

/// The journal's path inside an output folder.
pub fn path(out_dir: &Path) -> PathBuf {
    out_dir.join(".state").join("journal.jsonl")
}

/// Read the journal: the last entry for each id. A missing journal is empty.
pub fn load(out_dir: &Path) -> BTreeMap<String, Entry> {
    let mut entries = BTreeMap::new();
    let Ok(file) = File::open(path(out_dir)) else {
        return entries;
    };
    for line in BufReader::new(file).split(b'\n').map_while(Result::ok) {
        if let Ok(entry) = serde_json::from_slice::<Entry>(&line) {
            entries.insert(entry.id.clone(), entry);
        }
    }
    entries
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
        let got = load(dir.path());
        assert_eq!(got.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(got["a"].status, "ok");
        rewrite(dir.path(), &got).unwrap();
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert_eq!(load(dir.path()), got);
    }
}
