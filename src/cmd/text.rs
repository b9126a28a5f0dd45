//! `ita-extract text PATH [OUT] [-f N] [-l N]`: the layout model of one input printed
//! back as text, page by page, in reading order — what a user compares with the page and
//! what the extractor reads ([`crate::layout::render`]: table cells separated by TAB,
//! checkboxes as ☐ ☑ ☒, Thai repaired once, markup gone).
//!
//! As `pdftotext` does: every page ends with a form feed (U+000C), so N pages give N
//! form feeds and the output can be fed back as OCR text; `-f`/`-l` choose the first and
//! last page (only those pages are OCR'd); OUT is a file to write (atomically), `-` or
//! nothing for stdout.
//!
//! Flags go to stderr (`ita-extract: PATH: code: message`). Exit 0 without flags of
//! severity warning or error, 1 with some or when the document cannot be read as what
//! it is, 2 when the file cannot be read at all or the page range is empty.

use super::Exit;
use crate::batch::discover::not_a_pdf;
use crate::batch::worker::contained;
use crate::diagnostic::{Flag, Severity};
use crate::ingest;
use crate::output::atomic::write_atomic;
use crate::pipeline::looks_like_pdf;
use anyhow::Context;
use std::io::Write;
use std::path::Path;

/// Run the command in a child process of its own under the document's budget
/// ([`contained`]): a panic, an overrun or a death is a `failed` report with exit 1.
pub fn run(args: crate::cli::TextArgs) -> anyhow::Result<Exit> {
    let budget = super::budget(&args.budget)?;
    let label = args.path.display().to_string();
    contained(&label, budget, move || run_here(args))
}

fn run_here(args: crate::cli::TextArgs) -> anyhow::Result<Exit> {
    if let (Some(f), Some(l)) = (args.first, args.last) {
        if f > l {
            anyhow::bail!("the first page (-f {f}) is after the last page (-l {l})");
        }
    }
    let opts = super::pipeline_options(args.ocr, &args.limits)?;
    let bytes = std::fs::read(&args.path)
        .with_context(|| format!("cannot read {}", args.path.display()))?;
    let path = args.path.display().to_string();
    let tell = |code: &str, message: &str| eprintln!("ita-extract: {path}: {code}: {message}");
    if let Some(reason) = not_a_pdf(&args.path, &bytes[..bytes.len().min(1024)]) {
        tell("parse_error", &reason);
        return Ok(Exit::SomeFailed);
    }
    let first = args.first.unwrap_or(1);
    let in_range = |n: u32| n >= first && args.last.is_none_or(|l| n <= l);
    let (total, pages, flags): (usize, Vec<String>, Vec<Flag>) = if looks_like_pdf(&bytes) {
        let mut pdf = match ingest::pdf::read_pdf(&bytes, &opts.pdf) {
            Ok(p) => p,
            Err(err) => {
                tell(err.flag_code().as_str(), &err.to_string());
                return Ok(Exit::SomeFailed);
            }
        };
        let total = pdf.pages.len();
        // Only the pages asked for are OCR'd (the reader's placements follow their pages).
        let keep: Vec<bool> = pdf.pages.iter().map(|p| in_range(p.number)).collect();
        let mut k = keep.iter();
        pdf.pages.retain(|_| *k.next().unwrap_or(&false));
        let mut k = keep.iter();
        pdf.placed.retain(|_| *k.next().unwrap_or(&false));
        crate::pipeline::scanned::fill_scanned_pages(&path, &bytes, &mut pdf, &opts.ocr);
        let pages = crate::pipeline::layout_of_pdf(&mut pdf, &opts.layout)
            .pages
            .iter()
            .filter(|p| in_range(p.number()))
            .map(crate::layout::render::page)
            .collect();
        (total, pages, pdf.flags)
    } else {
        let (pages, mut flags) = match ingest::text::read_text_limited(&bytes, &opts.text) {
            Ok(p) => p,
            Err(err) => {
                tell("parse_error", &err.to_string());
                return Ok(Exit::SomeFailed);
            }
        };
        let total = pages.len();
        let pages = pages
            .into_iter()
            .filter(|p| in_range(p.number))
            .map(|p| {
                let mut page = crate::layout::text::page_within(p, &opts.layout);
                flags.append(&mut page.flags);
                crate::layout::render::page(&page)
            })
            .collect();
        (total, pages, flags)
    };
    if first as usize > total {
        anyhow::bail!(
            "{path}: the first page (-f {first}) is past the last page: the document has {}",
            crate::batch::progress::counted(total, "page", "pages")
        );
    }
    let mut text = Vec::new();
    for page in &pages {
        text.extend_from_slice(page.as_bytes());
        text.push(b'\x0c');
    }
    match args.output.as_deref() {
        Some(out) if out != Path::new("-") => write_atomic(out, &text)?,
        _ => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&text)?;
            stdout.flush()?;
        }
    }
    // Flags of the pages printed, and those of the whole document.
    let shown: Vec<&Flag> = flags
        .iter()
        .filter(|f| f.span.as_ref().is_none_or(|s| in_range(s.page)))
        .collect();
    for f in &shown {
        tell(f.code.as_str(), &f.message);
    }
    let warned = shown.iter().any(|f| f.severity >= Severity::Warning);
    Ok(if warned { Exit::SomeFailed } else { Exit::Ok })
}
