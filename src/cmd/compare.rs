//! `ita-extract compare DIR...`: merge run or shard outputs and write comparison
//! tables (see [`crate::output::compare`]). A one-line summary goes to stderr; exit 0
//! when every merged document is ok, 1 when some failed or are partial, 2 when the
//! folders cannot be read or the tables cannot be written.

use super::Exit;
use crate::cli::CompareArgs;
use crate::output::compare;

pub fn run(args: CompareArgs) -> anyhow::Result<Exit> {
    let summary = compare::compare(&args.dirs, &args.output)?;
    let changes: usize = summary.changes.values().sum();
    eprintln!(
        "ita-extract: merged {} folders: {} documents ({} ok, {} partial, {} failed), {} status changes -> {}",
        summary.dirs.len(),
        summary.documents,
        summary.ok,
        summary.partial,
        summary.failed,
        changes,
        args.output.display()
    );
    Ok(if summary.failed + summary.partial > 0 {
        Exit::SomeFailed
    } else {
        Exit::Ok
    })
}
