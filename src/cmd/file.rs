//! `ita-extract file PATH`: one document's JSON on stdout.

use super::Exit;
use crate::cli::FileArgs;
use crate::model::DocStatus;
use crate::pipeline::{self, PipelineOptions};
use std::io::Write;

pub fn run(args: FileArgs) -> anyhow::Result<Exit> {
    let mut opts = PipelineOptions::default();
    opts.ocr.mode = args.ocr;
    let doc = pipeline::process_path(&args.path, &opts);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &doc)?;
    writeln!(out)?;
    Ok(match doc.status {
        DocStatus::Ok => Exit::Ok,
        _ => Exit::SomeFailed,
    })
}
