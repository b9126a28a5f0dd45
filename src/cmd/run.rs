//! `ita-extract run`: validate the arguments into [`BatchOptions`], run the batch, print
//! a summary on stderr, and map the outcome to the exit code (0 every document ok, 1
//! some failed or partial, 2 the run could not proceed). Nothing goes to stdout.
//!
//! The summary is one line of counts, then the failed and partial documents (the first
//! [`LISTED`], then how many more) and where the full list is: `manifest.json`
//! (`failures`) and the `status` column of `documents.csv`.

use super::Exit;
use crate::batch::ident::Shard;
use crate::batch::progress::{counted, rate, ProgressMode};
use crate::batch::{self, BatchOptions};
use crate::cli::RunArgs;
use crate::output::manifest::Manifest;
use crate::output::tables::TableOptions;
use anyhow::Context;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::sync::Arc;

/// Failed and partial documents named in the summary.
pub const LISTED: usize = 20;

/// Characters of a failure's message shown in the summary.
const MESSAGE_CHARS: usize = 120;

/// Turn the raw arguments into batch options.
pub fn options(args: &RunArgs) -> anyhow::Result<BatchOptions> {
    let shard = args
        .shard
        .as_deref()
        .map(str::parse::<Shard>)
        .transpose()
        .context("invalid --shard")?;
    let budget = super::budget(&args.budget)?;
    Ok(BatchOptions {
        inputs: args.inputs.clone(),
        out_dir: args.output.clone(),
        jobs: args.jobs.unwrap_or(0),
        shard,
        force: args.force,
        doc_timeout: budget.timeout,
        max_memory_mb: budget.max_memory_mb,
        in_process: args.in_process,
        follow_links: args.follow_links,
        interrupt: None,
        progress: if args.quiet {
            ProgressMode::Quiet
        } else {
            ProgressMode::Auto
        },
        pipeline: super::pipeline_options(args.ocr, &args.limits)?,
        tables: TableOptions { bom: args.excel },
    })
}

/// SIGINT and SIGTERM set the returned flag to their number (the batch then stops
/// cleanly); a second one ends the process at once, with 128 + its number.
pub fn catch_signals() -> anyhow::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let caught = Arc::new(AtomicUsize::new(0));
    let again = Arc::new(AtomicBool::new(false));
    for sig in [SIGINT, SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&again))?;
        signal_hook::flag::register(sig, Arc::clone(&again))?;
        signal_hook::flag::register_usize(sig, Arc::clone(&caught), sig as usize)?;
    }
    Ok(caught)
}

pub fn run(args: RunArgs) -> anyhow::Result<Exit> {
    let mut opts = options(&args)?;
    opts.interrupt = Some(catch_signals()?);
    let manifest = batch::run(&opts)?;
    if let Some(i) = &manifest.interrupted {
        eprintln!(
            "ita-extract: interrupted by {}: {} finished, {} abandoned, {} not started; \
             {} says \"interrupted\"; run the same command again to finish",
            i.signal,
            counted(manifest.counts.processed, "document", "documents"),
            i.abandoned,
            i.not_started,
            opts.out_dir
                .join(crate::output::manifest::FILE_NAME)
                .display()
        );
        return Ok(if i.signal == "SIGINT" {
            Exit::Interrupted
        } else {
            Exit::Terminated
        });
    }
    if !args.quiet {
        eprint!("{}", summary(&manifest, &opts.out_dir));
    }
    if args.report {
        let dir = opts.out_dir.join("report");
        let r = crate::output::report::write_report(&crate::output::report::ReportOptions {
            run_dir: opts.out_dir.clone(),
            out_dir: dir.clone(),
            compare_dir: None,
            pages: true,
            pipeline: opts.pipeline.clone(),
        })?;
        if !args.quiet {
            eprint!("{}", r.describe(&dir));
        }
    }
    let c = &manifest.counts;
    Ok(if c.failed + c.partial > 0 {
        Exit::SomeFailed
    } else {
        Exit::Ok
    })
}

/// The end-of-run summary, as printed on stderr.
pub fn summary(manifest: &Manifest, out_dir: &Path) -> String {
    let c = &manifest.counts;
    let secs = manifest.timings.total_ms as f64 / 1000.0;
    let mut s = format!(
        "ita-extract: {} ({} ok, {} partial, {} failed; {} processed, {} kept from an earlier run; {}, {} skipped) in {secs:.1} s, {} -> {}\n",
        counted(c.documents, "document", "documents"),
        c.ok,
        c.partial,
        c.failed,
        c.processed,
        c.resumed,
        counted(c.duplicates, "duplicate", "duplicates"),
        c.skipped,
        rate(manifest.timings.docs_per_s),
        out_dir.display()
    );
    let failures = &manifest.failures;
    if failures.is_empty() {
        return s;
    }
    s.push_str(&format!(
        "ita-extract: {} failed or partial:\n",
        counted(failures.len(), "document", "documents")
    ));
    for f in failures.iter().take(LISTED) {
        let mut message: String = f.message.as_deref().unwrap_or("").replace('\n', " ");
        if message.chars().count() > MESSAGE_CHARS {
            message = message.chars().take(MESSAGE_CHARS).collect::<String>() + "...";
        }
        s.push_str(&format!(
            "  {:<7}  {}: {}: {}\n",
            f.status.as_str(),
            f.path,
            f.reason.as_deref().unwrap_or("?"),
            message
        ));
    }
    if failures.len() > LISTED {
        s.push_str(&format!("  ... and {} more\n", failures.len() - LISTED));
    }
    s.push_str(&format!(
        "ita-extract: the full list: {} (\"failures\"), and the status column of {}\n",
        out_dir.join(crate::output::manifest::FILE_NAME).display(),
        out_dir.join("documents.csv").display()
    ));
    s
}
