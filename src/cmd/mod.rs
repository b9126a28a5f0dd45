//! One module per subcommand, each with one `run` returning the process exit code.
//! Commands never import each other; the plumbing they share (exit codes, options from
//! the common flags, telling a closed pipe from an error) lives here.

use crate::batch::worker::Budget;
use crate::cli::{BudgetArgs, LimitArgs, OcrMode};
use crate::ingest::text::TextLimits;
use crate::pipeline::PipelineOptions;

pub mod compare;
pub mod explain;
pub mod file;
pub mod normalize;
pub mod report;
pub mod run;
pub mod schema;
pub mod text;

/// Exit codes (DESIGN.md §5; `--help` and the README list them). Ordered, so that the
/// outcome of several documents is the largest of theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Every document ok.
    Ok = 0,
    /// Some document failed or is partial; every output still written.
    SomeFailed = 1,
    /// The command could not proceed.
    Fatal = 2,
    /// A batch stopped by SIGINT (Ctrl-C): 128 + 2.
    Interrupted = 130,
    /// A batch stopped by SIGTERM: 128 + 15.
    Terminated = 143,
}

impl Exit {
    /// The exit code of a document of this status.
    pub fn of(status: crate::model::DocStatus) -> Exit {
        match status {
            crate::model::DocStatus::Ok => Exit::Ok,
            _ => Exit::SomeFailed,
        }
    }
}

/// `--max-input-mb` and `--max-line-kb` as the text reader's limits.
pub fn text_limits(args: &LimitArgs) -> anyhow::Result<TextLimits> {
    if args.max_input_mb == 0 || args.max_line_kb == 0 {
        anyhow::bail!("--max-input-mb and --max-line-kb must be at least 1");
    }
    let bytes = |n: u64, unit: u64| usize::try_from(n.saturating_mul(unit)).unwrap_or(usize::MAX);
    Ok(TextLimits {
        max_bytes: bytes(args.max_input_mb, 1_000_000),
        max_line_bytes: bytes(args.max_line_kb, 1_000),
    })
}

/// Pipeline options from the flags `file`, `text` and `run` share.
pub fn pipeline_options(ocr: OcrMode, limits: &LimitArgs) -> anyhow::Result<PipelineOptions> {
    let mut opts = PipelineOptions {
        text: text_limits(limits)?,
        ..PipelineOptions::default()
    };
    opts.ocr.mode = ocr;
    Ok(opts)
}

/// `--doc-timeout` and `--max-memory` as a document's budget.
pub fn budget(args: &BudgetArgs) -> anyhow::Result<Budget> {
    if args.doc_timeout == 0 {
        anyhow::bail!("--doc-timeout must be at least 1 second");
    }
    if args.max_memory < 16 {
        anyhow::bail!("--max-memory must be at least 16 (MiB)");
    }
    Ok(Budget {
        max_memory_mb: args.max_memory,
        timeout: std::time::Duration::from_secs(args.doc_timeout),
    })
}

/// Whether an error is stdout's reader going away (`ita-extract file X | head`): the
/// command then ends quietly with exit 0, as `cat` and `grep` do.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
