//! `ita-extract run`: validate the arguments into [`BatchOptions`], run the batch, print
//! a one-line summary on stderr, and map the outcome to the exit code (0 every document
//! ok, 1 some failed or partial, 2 the run could not proceed). Nothing goes to stdout.

use super::Exit;
use crate::batch::ident::Shard;
use crate::batch::progress::ProgressMode;
use crate::batch::{self, BatchOptions};
use crate::cli::RunArgs;
use crate::pipeline::PipelineOptions;
use anyhow::Context;
use std::time::Duration;

/// Turn the raw arguments into batch options.
pub fn options(args: &RunArgs) -> anyhow::Result<BatchOptions> {
    let shard = args
        .shard
        .as_deref()
        .map(str::parse::<Shard>)
        .transpose()
        .context("invalid --shard")?;
    if args.doc_timeout == 0 {
        anyhow::bail!("--doc-timeout must be at least 1 second");
    }
    Ok(BatchOptions {
        inputs: args.inputs.clone(),
        out_dir: args.output.clone(),
        jobs: args.jobs.unwrap_or(0),
        shard,
        force: args.force,
        doc_timeout: Duration::from_secs(args.doc_timeout),
        progress: if args.quiet {
            ProgressMode::Quiet
        } else {
            ProgressMode::Auto
        },
        pipeline: PipelineOptions {
            ocr: crate::ingest::ocr::OcrOptions {
                mode: args.ocr,
                ..Default::default()
            },
            ..Default::default()
        },
    })
}

pub fn run(args: RunArgs) -> anyhow::Result<Exit> {
    let opts = options(&args)?;
    let manifest = batch::run(&opts)?;
    let c = &manifest.counts;
    if !args.quiet {
        eprintln!(
            "ita-extract: {} documents ({} ok, {} partial, {} failed; {} processed, {} kept from an earlier run; {} duplicates, {} skipped) in {:.1} s -> {}",
            c.documents,
            c.ok,
            c.partial,
            c.failed,
            c.processed,
            c.resumed,
            c.duplicates,
            c.skipped,
            manifest.timings.total_ms as f64 / 1000.0,
            opts.out_dir.display()
        );
    }
    Ok(if c.failed + c.partial > 0 {
        Exit::SomeFailed
    } else {
        Exit::Ok
    })
}
