//! Re-run cleanup of `documents/` (issue 14): a per-document JSON whose input is gone or
//! has changed no longer belongs to the output folder. [`stale_documents`] finds them;
//! [`prune`] removes them and says which. A document is stale when
//!
//! - its input path is an input of this run but with other content (another id: the
//!   file was edited), or
//! - its input path lies under a folder this run walked and no longer exists.
//!
//! Documents of inputs outside this run's folders are left alone: a run over a part of
//! the inputs, or from another working folder, must not delete the others' results.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One stale document: its JSON, the input it came from, and why it is stale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    pub json: PathBuf,
    pub input: String,
    pub reason: &'static str,
}

#[derive(serde::Deserialize)]
struct SourceOnly {
    source: SourcePath,
}

#[derive(serde::Deserialize)]
struct SourcePath {
    path: String,
}

/// The stale JSON files in `docs_dir`. `current` maps each input path of this run to its
/// document id; `roots` are the folders this run walked.
pub fn stale_documents(
    docs_dir: &Path,
    current: &BTreeMap<String, String>,
    roots: &[PathBuf],
) -> Vec<Stale> {
    let ids: BTreeSet<&str> = current.values().map(String::as_str).collect();
    let Ok(entries) = fs::read_dir(docs_dir) else {
        return Vec::new();
    };
    let mut names: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    names.sort();
    let mut stale = Vec::new();
    for json in names {
        let Some(id) = json
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        if ids.contains(id) {
            continue;
        }
        let Some(input) = fs::read(&json)
            .ok()
            .and_then(|b| serde_json::from_slice::<SourceOnly>(&b).ok())
            .map(|s| s.source.path)
        else {
            continue;
        };
        let reason = if current.contains_key(&input) {
            "its input has changed"
        } else if roots.iter().any(|r| Path::new(&input).starts_with(r))
            && fs::symlink_metadata(&input).is_err()
        {
            "its input is gone"
        } else {
            continue;
        };
        stale.push(Stale {
            json,
            input,
            reason,
        });
    }
    stale
}

/// Remove the [`stale_documents`]; returns those removed.
pub fn prune(docs_dir: &Path, current: &BTreeMap<String, String>, roots: &[PathBuf]) -> Vec<Stale> {
    stale_documents(docs_dir, current, roots)
        .into_iter()
        .filter(|s| fs::remove_file(&s.json).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_and_gone_inputs_are_pruned_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        fs::create_dir_all(&root).unwrap();
        let docs = dir.path().join("documents");
        fs::create_dir_all(&docs).unwrap();
        let p = |name: &str| root.join(name).to_string_lossy().into_owned();
        fs::write(p("edited.txt"), "new").unwrap();
        fs::write(p("same.txt"), "x").unwrap();
        let doc = |id: &str, input: &str| {
            let json = format!(r#"{{"schema_version":1,"source":{{"path":{input:?}}}}}"#);
            fs::write(docs.join(format!("{id}.json")), json).unwrap();
        };
        doc("edited-old", &p("edited.txt"));
        doc("edited-new", &p("edited.txt"));
        doc("same-1", &p("same.txt"));
        doc("gone-1", &p("gone.txt"));
        doc("elsewhere-1", "/somewhere/else/gone.txt");
        fs::write(docs.join("notes.txt"), "not a document").unwrap();
        let current = BTreeMap::from([
            (p("edited.txt"), "edited-new".to_string()),
            (p("same.txt"), "same-1".to_string()),
        ]);
        let removed = prune(&docs, &current, std::slice::from_ref(&root));
        let got: Vec<(&str, &str)> = removed
            .iter()
            .map(|s| (s.json.file_name().unwrap().to_str().unwrap(), s.reason))
            .collect();
        assert_eq!(
            got,
            [
                ("edited-old.json", "its input has changed"),
                ("gone-1.json", "its input is gone"),
            ]
        );
        let mut left: Vec<String> = fs::read_dir(&docs)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "edited-new.json",
                "elsewhere-1.json",
                "notes.txt",
                "same-1.json"
            ]
        );
    }
}
