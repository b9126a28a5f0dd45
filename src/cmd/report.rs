//! `ita-extract report RUN_DIR [-o DIR] [--compare DIR]`: validate the arguments into
//! [`ReportOptions`] and write the review report (`crate::output::report`). Exit 0 when
//! the site is written (documents whose pages cannot be drawn are listed on stderr and
//! in the site), 2 when it cannot be.

use super::Exit;
use crate::cli::ReportArgs;
use crate::output::report::{write_report, ReportOptions};

pub fn run(args: ReportArgs) -> anyhow::Result<Exit> {
    if !args.run_dir.join(crate::output::DOCUMENTS_DIR).is_dir() {
        anyhow::bail!(
            "{} is not an output folder of `ita-extract run` (no documents/ in it)",
            args.run_dir.display()
        );
    }
    let out_dir = args
        .output
        .clone()
        .unwrap_or_else(|| args.run_dir.join("report"));
    let opts = ReportOptions {
        run_dir: args.run_dir.clone(),
        out_dir: out_dir.clone(),
        compare_dir: args.compare.clone(),
        pages: !args.no_pages,
        pipeline: super::pipeline_options(args.ocr, &args.limits)?,
    };
    let summary = write_report(&opts)?;
    eprint!("{}", summary.describe(&out_dir));
    Ok(Exit::Ok)
}
