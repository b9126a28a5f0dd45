//! `ita-extract explain PATH [CODE]`: why a document's values are what they are, in
//! words. The document is read as `file` reads it, keeping its layout model, and each
//! value's span is placed in it: which page, table, row and cell, which boxes and labels
//! decided its status (with how each box was seen), the vocabulary entry of each label,
//! the code as written and the catalogue alignment, and the flags whose spans touch it.
//!
//! CODE picks one value: an OIT code (`O12`), an indicator (`I3` or `3`), a flag code
//! (`status_missing`: every flag of that code) or a field (`agency`, `fiscal_year`,
//! `overall_score`, `level`); without it every field, indicator and item is explained.
//! Exit 0 when something was explained, 1 when CODE names nothing in the document, 2
//! when the file cannot be read.

use super::Exit;
use crate::batch::worker::contained;
use crate::cli::ExplainArgs;
use crate::diagnostic::Flag;
use crate::layout::{self, BlockKind};
use crate::model::{Document, StatusSource};
use crate::source::Span;
use anyhow::Context;
use std::fmt::Write;

/// Run the command in a child process of its own under the document's budget
/// ([`contained`]): a panic, an overrun or a death is a `failed` report with exit 1.
pub fn run(args: ExplainArgs) -> anyhow::Result<Exit> {
    let budget = super::budget(&args.budget)?;
    let label = args.path.display().to_string();
    contained(&label, budget, move || run_here(args))
}

fn run_here(args: ExplainArgs) -> anyhow::Result<Exit> {
    let opts = super::pipeline_options(args.ocr, &args.limits)?;
    let bytes = std::fs::read(&args.path)
        .with_context(|| format!("cannot read {}", args.path.display()))?;
    let path = args.path.display().to_string();
    let (doc, layout) = crate::pipeline::process_bytes_with_layout(&path, &bytes, &opts);
    let text = explain(&doc, layout.as_ref(), args.code.as_deref());
    let found = !text.is_empty();
    let mut out = std::io::stdout().lock();
    if found {
        std::io::Write::write_all(&mut out, text.as_bytes())?;
    } else {
        eprintln!(
            "ita-extract: {path}: nothing called {} in this document ({} items, {} indicators, {} flags)",
            args.code.as_deref().unwrap_or("?"),
            doc.oit_items.len(),
            doc.indicators.len(),
            doc.flags.len()
        );
    }
    Ok(if found { Exit::Ok } else { Exit::SomeFailed })
}

/// The explanation of the values `code` names (all when None); empty when none match.
pub fn explain(doc: &Document, layout: Option<&layout::Doc>, code: Option<&str>) -> String {
    let want = code.map(|c| c.trim().to_lowercase());
    let is = |name: &str| want.as_deref().is_none_or(|w| w == name.to_lowercase());
    let mut s = String::new();
    let fields: [(&str, Option<String>, Option<&Span>); 4] = [
        ("agency", doc.agency.name.clone(), doc.agency.span.as_ref()),
        (
            "fiscal_year",
            doc.fiscal_year.map(|y| y.to_string()),
            doc.fiscal_year_span.as_ref(),
        ),
        (
            "overall_score",
            doc.overall_score.map(|v| v.to_string()),
            doc.overall_score_span.as_ref(),
        ),
        ("level", doc.level.clone(), doc.level_span.as_ref()),
    ];
    for (name, value, span) in fields {
        if !is(name) || (want.is_none() && value.is_none()) {
            continue;
        }
        match (value, span) {
            (Some(v), Some(sp)) => {
                let _ = writeln!(s, "{name} = {v}");
                place(&mut s, layout, sp);
                touching(&mut s, doc, sp, None);
            }
            (Some(v), None) => {
                let _ = writeln!(s, "{name} = {v}\n  (no place recorded)");
            }
            (None, _) => {
                let _ = writeln!(s, "{name}: not found in the document");
            }
        }
    }
    for ind in &doc.indicators {
        let n = ind.number.to_string();
        if !(is(&format!("i{n}")) || is(&n)) {
            continue;
        }
        let _ = writeln!(
            s,
            "indicator {n} \"{}\": status {}",
            ind.title,
            ind.status.as_str()
        );
        place(&mut s, layout, &ind.span);
        status(&mut s, layout, ind.status_source.as_ref());
        touching(&mut s, doc, &ind.span, None);
    }
    for item in &doc.oit_items {
        let code = item.code.as_deref().unwrap_or("?");
        if !is(code) {
            continue;
        }
        let _ = writeln!(
            s,
            "{code} \"{}\": status {}",
            item.title,
            item.status.as_str()
        );
        place(&mut s, layout, &item.span);
        match (&item.raw_code, item.code_corrected) {
            (Some(raw), true) => {
                let _ = writeln!(
                    s,
                    "  code: written \"{raw}\", read as {code} from the sequence of codes and the title"
                );
            }
            (Some(raw), false) => {
                let _ = writeln!(s, "  code: written \"{raw}\"");
            }
            (None, _) => {
                let _ = writeln!(
                    s,
                    "  code: none written; {code} from the position in the list and the title"
                );
            }
        }
        match (&doc.catalogue, &item.catalogue_title) {
            (Some(cat), Some(t)) => {
                let _ = writeln!(s, "  catalogue: OIT list {cat}, {code} \"{t}\"");
            }
            _ => {
                let _ = writeln!(s, "  catalogue: no OIT list known for this document");
            }
        }
        status(&mut s, layout, item.status_source.as_ref());
        touching(&mut s, doc, &item.span, None);
    }
    for (i, f) in doc.flags.iter().enumerate() {
        if want.as_deref() != Some(f.code.as_str()) {
            continue;
        }
        let _ = writeln!(
            s,
            "flag {} ({}): {}",
            f.code.as_str(),
            severity(f),
            f.message
        );
        match &f.span {
            Some(sp) => {
                place(&mut s, layout, sp);
                touching(&mut s, doc, sp, Some(i));
            }
            None => s.push_str("  (about the whole document)\n"),
        }
    }
    s
}

/// "page 2, table 1, row 5, cell 2; line 14, column 3, bytes 10-40, bbox [..]".
fn place(s: &mut String, layout: Option<&layout::Doc>, sp: &Span) {
    let mut where_ = format!("page {}", sp.page);
    if let Some(page) = layout.and_then(|l| l.pages.iter().find(|p| p.number() == sp.page)) {
        let rep = page.rep.map.range_from_raw(sp.byte_start..sp.byte_end);
        if let Some(ri) = page.rows.iter().position(|r| {
            r.range.start <= rep.start && rep.start < r.range.end.max(r.range.start + 1)
        }) {
            let tables = page.blocks.iter().filter(|b| b.kind == BlockKind::Table);
            if let Some((ti, b)) = tables.enumerate().find(|(_, b)| b.rows.contains(&ri)) {
                let _ = write!(
                    where_,
                    ", table {} of the page, row {}",
                    ti + 1,
                    ri - b.rows.start + 1
                );
            } else {
                let _ = write!(where_, ", text row {}", ri + 1);
            }
            let row = &page.rows[ri];
            if let Some(ci) = row.cells.iter().position(|c| {
                c.range.start <= rep.start && rep.start < c.range.end.max(c.range.start + 1)
            }) {
                let _ = write!(where_, ", cell {} of {}", ci + 1, row.cells.len());
            }
        }
    }
    let _ = write!(
        where_,
        "; line {}, column {}, bytes {}-{}",
        sp.line, sp.column, sp.byte_start, sp.byte_end
    );
    if let Some(b) = sp.bbox {
        let _ = write!(where_, ", bbox {:?} pt", b.0);
    }
    let _ = writeln!(s, "  read from: {where_}");
    if let Some(raw) = raw_text(layout, sp) {
        let _ = writeln!(s, "  text there: \"{raw}\"");
    }
}

/// The raw text of a span, folded onto one line and cut at 100 characters.
fn raw_text(layout: Option<&layout::Doc>, sp: &Span) -> Option<String> {
    let page = layout?.pages.iter().find(|p| p.number() == sp.page)?;
    let t = page.raw.text.get(sp.byte_start..sp.byte_end)?;
    let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = t.chars().take(100).collect();
    if t.chars().count() > 100 {
        out.push_str("...");
    }
    Some(out)
}

fn status(s: &mut String, layout: Option<&layout::Doc>, src: Option<&StatusSource>) {
    let Some(src) = src else {
        s.push_str("  status: where it came from is not recorded\n");
        return;
    };
    let rule = match src.rule.as_str() {
        "ticked" => "the ticked box(es), each paired with its label",
        "box_position" => {
            "the one ticked box's place among the row's boxes, in the label order of the rows read in full (the row's own labels did not read)"
        }
        "conflicting_ticks" => "boxes of different statuses are ticked: conflict",
        "no_tick" => "boxes or labels but nothing ticked: unknown",
        "no_markup" => "no box and no status label on the row: unknown",
        other => other,
    };
    let _ = writeln!(s, "  status rule: {} ({rule})", src.rule);
    if let Some(at) = &src.decided_at {
        let _ = write!(
            s,
            "  decided at: page {}, line {}, column {}",
            at.page, at.line, at.column
        );
        if let Some(raw) = raw_text(layout, at) {
            let _ = write!(s, ": \"{raw}\"");
        }
        s.push('\n');
    }
    for m in &src.marks {
        let at = format!(
            "page {}, line {}, column {}{}",
            m.span.page,
            m.span.line,
            m.span.column,
            m.span
                .bbox
                .map(|b| format!(", bbox {:?}", b.0))
                .unwrap_or_default()
        );
        if m.kind == "box" {
            let _ = writeln!(
                s,
                "    box {} (seen as {}, confidence {}) at {at}",
                m.state,
                m.method,
                m.confidence.unwrap_or(1.0)
            );
        } else {
            let _ = writeln!(
                s,
                "    label \"{}\" = {} (vocabulary entry of data/vocab/status_labels.tsv) at {at}",
                m.text, m.state
            );
        }
    }
}

fn severity(f: &Flag) -> &'static str {
    match f.severity {
        crate::diagnostic::Severity::Info => "info",
        crate::diagnostic::Severity::Warning => "warning",
        crate::diagnostic::Severity::Error => "error",
    }
}

/// The flags whose spans overlap `sp` (except flag `skip`).
fn touching(s: &mut String, doc: &Document, sp: &Span, skip: Option<usize>) {
    let hits: Vec<&Flag> = doc
        .flags
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .filter_map(|(_, f)| {
            let fs = f.span.as_ref()?;
            (fs.page == sp.page
                && fs.byte_start < sp.byte_end.max(sp.byte_start + 1)
                && sp.byte_start < fs.byte_end.max(fs.byte_start + 1))
            .then_some(f)
        })
        .collect();
    if hits.is_empty() {
        s.push_str("  flags: none\n");
    }
    for f in hits {
        let _ = writeln!(
            s,
            "  flag {} ({}): {}",
            f.code.as_str(),
            severity(f),
            f.message
        );
    }
}
