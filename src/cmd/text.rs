//! `ita-extract text PATH`: the layout model of one input printed back as text, page by
//! page, in reading order — what a user compares with the page ([`crate::layout::render`]:
//! table cells separated by TAB, checkboxes as ☐ ☑ ☒, Thai repaired once, markup gone). Pages are separated by a form feed (U+000C), as
//! `pdftotext` writes them, so the output can be fed back as OCR text. Flags go to
//! stderr.

use super::Exit;
use crate::ingest;
use crate::pipeline::{looks_like_pdf, PipelineOptions};
use anyhow::Context;
use std::io::Write;

pub fn run(args: crate::cli::TextArgs) -> anyhow::Result<Exit> {
    match print(args) {
        // `ita-extract text X | head` closes the pipe early: not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            Ok(Exit::Ok)
        }
        other => other,
    }
}

fn print(args: crate::cli::TextArgs) -> anyhow::Result<Exit> {
    let bytes = std::fs::read(&args.path)
        .with_context(|| format!("cannot read {}", args.path.display()))?;
    let mut opts = PipelineOptions::default();
    opts.ocr.mode = args.ocr;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if looks_like_pdf(&bytes) {
        let mut pdf = match ingest::pdf::read_pdf(&bytes, &opts.pdf) {
            Ok(p) => p,
            Err(err) => {
                eprintln!(
                    "{}: {} ({})",
                    args.path.display(),
                    err,
                    err.flag_code().as_str()
                );
                return Ok(Exit::SomeFailed);
            }
        };
        crate::pipeline::scanned::fill_scanned_pages(
            &args.path.to_string_lossy(),
            &bytes,
            &mut pdf,
            &opts.ocr,
        );
        for (i, page) in crate::pipeline::layout_of_pdf(&pdf)
            .pages
            .iter()
            .enumerate()
        {
            if i > 0 {
                out.write_all(b"\x0c")?;
            }
            out.write_all(crate::layout::render::page(page).as_bytes())?;
        }
        out.flush()?;
        for f in &pdf.flags {
            eprintln!(
                "{}: {}: {}",
                args.path.display(),
                f.code.as_str(),
                f.message
            );
        }
        let partial = pdf
            .flags
            .iter()
            .any(|f| f.severity >= crate::diagnostic::Severity::Warning);
        Ok(if partial { Exit::SomeFailed } else { Exit::Ok })
    } else {
        let pages = match ingest::text::read_text(&bytes) {
            Ok(p) => p,
            Err(err) => {
                eprintln!("{}: {}", args.path.display(), err);
                return Ok(Exit::SomeFailed);
            }
        };
        for (i, page) in pages.into_iter().map(crate::layout::text::page).enumerate() {
            if i > 0 {
                out.write_all(b"\x0c")?;
            }
            out.write_all(crate::layout::render::page(&page).as_bytes())?;
        }
        out.flush()?;
        Ok(Exit::Ok)
    }
}
