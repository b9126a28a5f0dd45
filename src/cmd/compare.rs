//! `ita-extract compare DIR...`: merge run or shard outputs and write comparison
//! tables (see [`crate::output::compare`]). A summary goes to stderr: the counts, and
//! the documents counted once (same content, resubmissions) with where they are
//! listed. Exit 0 when every merged document is ok, 1 when some failed or are partial,
//! 2 when the folders cannot be read or the tables cannot be written.

use super::Exit;
use crate::batch::progress::counted;
use crate::cli::CompareArgs;
use crate::output::compare::{self, CompareSummary};
use crate::output::tables::TableOptions;
use std::path::Path;

pub fn run(args: CompareArgs) -> anyhow::Result<Exit> {
    let summary = compare::compare(&args.dirs, &args.output, TableOptions { bom: args.excel })?;
    eprint!("{}", message(&summary, &args.output));
    Ok(if summary.failed + summary.partial > 0 {
        Exit::SomeFailed
    } else {
        Exit::Ok
    })
}

/// What `compare` tells on stderr.
pub fn message(summary: &CompareSummary, out: &Path) -> String {
    let changes: usize = summary.changes.values().sum();
    let mut s = format!(
        "ita-extract: merged {}: {} ({} ok, {} partial, {} failed), {} -> {}\n",
        counted(summary.dirs.len(), "folder", "folders"),
        counted(summary.documents, "document", "documents"),
        summary.ok,
        summary.partial,
        summary.failed,
        counted(changes, "status change", "status changes"),
        out.display()
    );
    let n = |reason: &str| summary.superseded.get(reason).copied().unwrap_or(0);
    let (same, resubmitted) = (n("same_content"), n("resubmission"));
    if same + resubmitted > 0 {
        let mut parts = Vec::new();
        if same > 0 {
            parts.push(format!(
                "{} with the same content as another (sha256)",
                counted(same, "document", "documents")
            ));
        }
        if resubmitted > 0 {
            parts.push(format!(
                "{} of an agency and fiscal year (a resubmission: the later by path order counts)",
                counted(resubmitted, "earlier submission", "earlier submissions")
            ));
        }
        s.push_str(&format!(
            "ita-extract: counted once: {}; completion.csv counts {}; the others are listed in {}\n",
            parts.join(", "),
            counted(summary.counted, "document", "documents"),
            out.join("superseded.csv").display()
        ));
    }
    s
}
