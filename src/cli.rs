//! The command line (clap derive). Raw arguments are parsed here and handed to one
//! `src/cmd/*.rs` module per subcommand; no document is touched in this file.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The exit codes, as `--help` prints them (README "Exit codes" says the same).
pub const EXIT_CODES: &str = "\
Exit codes:
  0  every document ok
  1  some document failed or is partial (every output still written)
  2  the command could not proceed: bad arguments, an input missing or unreadable,
     an output that cannot be written";

/// Read Thai ITA (Integrity and Transparency Assessment) reports (OCR text, born-digital
/// and scanned PDFs) and turn them into structured, comparable data: agency, fiscal year,
/// score and level, measures, indicators 1-10 and OIT items O1-O43 with their checkbox
/// states, every value with the place it came from, and flags for everything that looks
/// wrong.
#[derive(Debug, Parser)]
#[command(
    name = "ita-extract",
    version,
    about,
    long_about = None,
    propagate_version = true,
    after_help = EXIT_CODES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the batch: extract every input document in parallel and write JSON, JSONL and
    /// CSV outputs plus a manifest.
    #[command(after_help = EXIT_CODES)]
    Run(RunArgs),
    /// Print documents' JSON (schema_version 1) on stdout: pretty for one path, one
    /// line per document (JSONL) for several.
    #[command(after_help = EXIT_CODES)]
    File(FileArgs),
    /// Print a document's repaired text, page by page, in reading order.
    #[command(after_help = EXIT_CODES)]
    Text(TextArgs),
    /// Repair Thai text from stdin: one result per input line on stdout.
    #[command(after_help = EXIT_CODES)]
    Normalize(NormalizeArgs),
    /// Merge runs or shards and write cross-agency / cross-run comparison tables.
    #[command(after_help = EXIT_CODES)]
    Compare(CompareArgs),
    /// Print the JSON Schema of the document JSON.
    #[command(after_help = EXIT_CODES)]
    Schema,
    /// Write the review report of a run: a static site (overview, one page per document
    /// with every value outlined on its page, comparison) to open from disk.
    #[command(after_help = EXIT_CODES)]
    Report(ReportArgs),
    /// Say in words why a document's values are what they are: table, row, cell, boxes,
    /// labels, catalogue alignment and the flags that touch each.
    #[command(after_help = EXIT_CODES)]
    Explain(ExplainArgs),
    /// A worker process reading documents for its parent (internal).
    #[command(name = "__worker", hide = true)]
    Worker(WorkerArgs),
}

/// Budgets of one document: each is read in a worker process the parent stops when it
/// overruns them (the document is then `failed`: `timeout`, `memory_limit`).
#[derive(Debug, Clone, Copy, Args)]
pub struct BudgetArgs {
    /// Time budget per document, in seconds (wall time; CPU time is limited to twice this).
    #[arg(long = "doc-timeout", value_name = "S", default_value_t = 120)]
    pub doc_timeout: u64,
    /// Memory limit of the process reading one document, in MiB (its address space).
    #[arg(long = "max-memory", value_name = "MB", default_value_t = crate::batch::worker::DEFAULT_MAX_MEMORY_MB)]
    pub max_memory: u64,
}

/// The hidden `__worker` subcommand's arguments, set by its parent.
#[derive(Debug, Clone, Args)]
pub struct WorkerArgs {
    #[arg(long, value_enum)]
    pub ocr: OcrMode,
    #[arg(long = "max-input-bytes")]
    pub max_input_bytes: usize,
    #[arg(long = "max-line-bytes")]
    pub max_line_bytes: usize,
    #[arg(long = "max-memory")]
    pub max_memory: u64,
    #[arg(long = "doc-timeout-ms")]
    pub doc_timeout_ms: u64,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output folder of `ita-extract run`.
    pub run_dir: PathBuf,
    /// Where to write the site (default: RUN_DIR/report).
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Output folder of `ita-extract compare`, for the comparison view.
    #[arg(long, value_name = "DIR")]
    pub compare: Option<PathBuf>,
    /// Do not re-read the sources: documents are listed without their pages drawn.
    #[arg(long)]
    pub no_pages: bool,
    /// OCR for pages without a text layer, when the sources are re-read.
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The document (PDF or OCR text).
    pub path: PathBuf,
    /// What to explain: an item code (O12), an indicator (I3, or 3), a flag code
    /// (status_missing) or a field (agency, fiscal_year, overall_score, level);
    /// default: every item and indicator, and the fields.
    pub code: Option<String>,
    /// OCR for pages without a text layer.
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub budget: BudgetArgs,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files and folders to read (folders are walked recursively). PDFs are recognised by
    /// their header, text by extension (.txt, .md, .html, .htm).
    #[arg(default_value = "fixtures")]
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(short = 'o', long = "output", default_value = "output")]
    pub output: PathBuf,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs")]
    pub jobs: Option<usize>,
    /// Take a deterministic share K of N of the inputs (by content hash), e.g. 2/8.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Redo documents whose complete output already exists.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub budget: BudgetArgs,
    /// Read documents in this process instead of worker processes (for comparison).
    #[arg(long = "in-process", hide = true)]
    pub in_process: bool,
    /// No progress output.
    #[arg(short, long)]
    pub quiet: bool,
    /// OCR for pages without a text layer.
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Write the CSV tables with a UTF-8 byte-order mark, so Excel shows Thai correctly.
    #[arg(long)]
    pub excel: bool,
    /// Also write the review report (as `ita-extract report`) to OUTPUT/report.
    #[arg(long)]
    pub report: bool,
    /// Follow symbolic links to files outside the input folders (by default they are
    /// listed as skipped; links to folders are never followed).
    #[arg(long = "follow-links")]
    pub follow_links: bool,
}

/// Limits on how much of a text input is read; what lies past them is not read, and a
/// `too_large` flag says so.
#[derive(Debug, Clone, Copy, Args)]
pub struct LimitArgs {
    /// Read at most this many megabytes (10^6 bytes) of a text input.
    #[arg(long = "max-input-mb", value_name = "MB", default_value_t = 16)]
    pub max_input_mb: u64,
    /// Keep at most this many kilobytes (10^3 bytes) of one line of a text input.
    #[arg(long = "max-line-kb", value_name = "KB", default_value_t = 1000)]
    pub max_line_kb: u64,
}

#[derive(Debug, Args)]
pub struct FileArgs {
    /// The documents (PDF or OCR text); `-` reads one from stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// OCR for pages without a text layer.
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
    #[command(flatten)]
    pub budget: BudgetArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// The document (PDF or OCR text).
    pub path: PathBuf,
    /// Where to write the text (default, or `-`: stdout).
    pub output: Option<PathBuf>,
    /// First page to print (1-based).
    #[arg(short = 'f', long = "first", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub first: Option<u32>,
    /// Last page to print.
    #[arg(short = 'l', long = "last", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub last: Option<u32>,
    /// OCR for pages without a text layer.
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
    #[command(flatten)]
    pub budget: BudgetArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// What to read from each line: repaired text, or the first date (ISO), number or
    /// OIT item code found in it.
    #[arg(long = "as", value_enum, default_value_t = NormalizeAs::Text)]
    pub as_: NormalizeAs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NormalizeAs {
    Text,
    Date,
    Number,
    ItemCode,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Output folders of `ita-extract run` (runs or shards) to merge and compare.
    #[arg(required = true)]
    pub dirs: Vec<PathBuf>,
    /// Where to write the comparison tables.
    #[arg(short = 'o', long = "output", default_value = "output/compare")]
    pub output: PathBuf,
    /// Write the CSV tables with a UTF-8 byte-order mark, so Excel shows Thai correctly.
    #[arg(long)]
    pub excel: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OcrMode {
    /// Use Tesseract where installed, else report pages as needing OCR.
    Auto,
    /// Never run OCR.
    Off,
    /// Require Tesseract.
    Tesseract,
}
