//! The command line (clap derive). Raw arguments are parsed here and handed to one
//! `src/cmd/*.rs` module per subcommand; no document is touched in this file.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Read Thai ITA (Integrity and Transparency Assessment) reports (OCR text, born-digital
/// and scanned PDFs) and turn them into structured, comparable data: agency, fiscal year,
/// score and level, measures, indicators 1-10 and OIT items O1-O43 with their checkbox
/// states, every value with the place it came from, and flags for everything that looks
/// wrong.
#[derive(Debug, Parser)]
#[command(name = "ita-extract", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the batch: extract every input document in parallel and write JSON, JSONL and
    /// CSV outputs plus a manifest.
    Run(RunArgs),
    /// Print one document's JSON (schema_version 1) on stdout.
    File(FileArgs),
    /// Print a document's repaired text, page by page, in reading order.
    Text(TextArgs),
    /// Repair Thai text from stdin: one result per input line on stdout.
    Normalize(NormalizeArgs),
    /// Merge runs or shards and write cross-agency / cross-run comparison tables.
    Compare(CompareArgs),
    /// Print the JSON Schema of the document JSON.
    Schema,
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
    /// Time budget per document, in seconds.
    #[arg(long = "doc-timeout", default_value_t = 120)]
    pub doc_timeout: u64,
    /// No progress output.
    #[arg(short, long)]
    pub quiet: bool,
    /// OCR for pages without a text layer.
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
}

#[derive(Debug, Args)]
pub struct FileArgs {
    /// The document (PDF or OCR text).
    pub path: PathBuf,
    /// OCR for pages without a text layer.
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// The document (PDF or OCR text).
    pub path: PathBuf,
    /// OCR for pages without a text layer.
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
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
