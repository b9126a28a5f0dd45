//! Results-announcement rows (rank, agency, IIT, EIT, OIT, total, level) from a
//! document's pages, by the score-table reader of [`crate::ingest::ocr::scores`] (which
//! repairs misread digits by each row's arithmetic). The same path serves a text layer
//! and OCR text. A page set is taken as a results table only when three or more rows
//! add up as read; a row that cannot be made to add up is kept, marked `flagged`, and
//! raises `score_inconsistent`; a row whose rank or level cannot be read keeps a null
//! there and raises `result_unreadable`.
//!
//! Each row's agency is resolved from its name: a local administration by
//! `data/vocab/agency_types.tsv`, another agency by the `agency_type` list of
//! `data/vocab/score_words.tsv`; the rest of the name is the place it is named after.

use crate::diagnostic::{Flag, FlagCode, Severity};
use crate::ingest::ocr::{score_table, ScoreRow};
use crate::layout::Page;
use crate::model::{Agency, ResultRow};

/// Fewest rows that add up as read for the pages to count as a results table.
const MIN_TABLE_ROWS: usize = 3;

/// The results rows of the pages, and flags for rows that do not add up.
pub fn read_results(pages: &[Page]) -> (Vec<ResultRow>, Vec<Flag>) {
    let raw: Vec<_> = pages.iter().map(|p| p.raw.clone()).collect();
    let rows = score_table(&raw);
    let sound = rows.iter().filter(|r| adds_up_as_read(r)).count();
    if sound < MIN_TABLE_ROWS {
        return (Vec::new(), Vec::new());
    }
    // Only pages that hold a row adding up as read are table pages (a cover letter's
    // line of numbers is not a row), and a row needs its rank or its level.
    // A page qualifies with one such row, or three rows with a rank and a level (a
    // table's last page, where agencies without scores show "-").
    let table_pages: Vec<u32> = rows
        .iter()
        .map(|r| r.page)
        .filter(|&pg| {
            let on_page = || rows.iter().filter(move |r| r.page == pg);
            on_page().any(|r| adds_up_as_read(r) || adds_up_with_dashes(r))
                || on_page()
                    .filter(|r| r.number.is_some() && r.level.is_some())
                    .count()
                    >= MIN_TABLE_ROWS
        })
        .collect();
    let mut flags = Vec::new();
    let mut out = Vec::new();
    for r in rows {
        if !table_pages.contains(&r.page) || (r.number.is_none() && r.level.is_none()) {
            continue;
        }
        let Some(page) = raw.iter().find(|p| p.number == r.page) else {
            continue;
        };
        let span = page.span(r.byte_range.clone());
        let text = page.text[r.byte_range.clone()].to_string();
        if r.flagged {
            flags.push(Flag::new(
                FlagCode::ScoreInconsistent,
                Severity::Warning,
                format!(
                    "results row {}: IIT + EIT + OIT does not make the total and no single misread digit explains it: \"{}\"",
                    r.number.map(|n| n.to_string()).unwrap_or_else(|| "?".into()),
                    text.trim()
                ),
                Some(span.clone()),
            ));
        }
        let missing: Vec<&str> = [
            ("rank", r.number.is_none()),
            ("level", r.level.is_none()),
            (
                "scores",
                [r.iit, r.eit, r.oit, r.total].iter().all(|v| v.is_none()) && r.level.is_none(),
            ),
        ]
        .into_iter()
        .filter(|(_, m)| *m)
        .map(|(w, _)| w)
        .collect();
        if !missing.is_empty() {
            flags.push(Flag::new(
                FlagCode::ResultUnreadable,
                Severity::Warning,
                format!(
                    "results row {}: {} could not be read: \"{}\"",
                    r.number
                        .map(|n| n.to_string())
                        .unwrap_or_else(|| "?".into()),
                    missing.join(", "),
                    text.trim()
                ),
                Some(span.clone()),
            ));
        }
        out.push(ResultRow {
            rank: r.number,
            agency: resolve_agency(&r.name),
            agency_written: r.name.clone(),
            iit: points(r.iit),
            eit: points(r.eit),
            oit: points(r.oit),
            total: points(r.total),
            level: r.level.clone(),
            repaired: r.repaired,
            flagged: r.flagged,
            span,
            text,
        });
    }
    (out, flags)
}

fn adds_up_as_read(r: &ScoreRow) -> bool {
    !r.repaired
        && !r.flagged
        && matches!((r.iit, r.eit, r.oit, r.total), (Some(a), Some(b), Some(c), Some(t)) if a + b + c == t)
}

/// A row whose "-" parts count as 0 and that then adds up as read.
fn adds_up_with_dashes(r: &ScoreRow) -> bool {
    let parts = [r.iit, r.eit, r.oit];
    !r.repaired
        && !r.flagged
        && parts.iter().any(|p| p.is_some())
        && r.total == Some(parts.iter().map(|p| p.unwrap_or(0)).sum())
}

fn points(hundredths: Option<u32>) -> Option<f64> {
    hundredths.map(|h| f64::from(h) / 100.0)
}

/// The agency a results row names: its type (as written, the municipal tier kept), its
/// name and the place it is named after.
pub fn resolve_agency(written: &str) -> Agency {
    let mut toks: Vec<&str> = written.split_whitespace().collect();
    // OCR may put a stray mark or number before the name ("ฆ วิทยาลัย...", "282565
    // วิทยาลัย..."): the name starts at the first word that starts with a known type.
    if let Some(i) = toks.iter().position(|t| type_prefix(t).is_some()) {
        toks.drain(..i);
    }
    let name = toks.join(" ");
    let mut agency = Agency {
        name: (!name.is_empty()).then(|| name.clone()),
        ..Agency::default()
    };
    let Some((len, kind)) = type_prefix(&name) else {
        return agency;
    };
    agency.agency_type = Some(kind);
    // The place: the rest of the name up to a bracket ("ขุขันธ์ (วก.ขุนหาญ)").
    let rest = name[len..].split(['(', '（']).next().unwrap_or("").trim();
    let res = crate::places::resolve_named(rest);
    if res.geocode.is_some() {
        agency.subdistrict = res.subdistrict;
        agency.district = res.district;
        agency.province = res.province;
        agency.geocode = res.geocode;
    }
    agency
}

/// The agency type `name` starts with: its byte length and the type as output (a local
/// administration's full name, the municipal tier kept; another agency's as written).
fn type_prefix(name: &str) -> Option<(usize, String)> {
    let local = crate::vocab::agency_types()
        .iter()
        .filter(|t| name.starts_with(t.written))
        .max_by_key(|t| t.written.len())
        .map(|t| (t.written.len(), t.full.to_string()));
    let other = crate::vocab::kinds::score_words("agency_type")
        .into_iter()
        .filter(|w| name.starts_with(w))
        .max_by_key(|w| w.len())
        .map(|w| (w.len(), w.to_string()));
    local.or(other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_resolved_from_names() {
        let a = resolve_agency("วิทยาลัยเทคนิคเชียงใหม่");
        assert_eq!(a.agency_type.as_deref(), Some("วิทยาลัยเทคนิค"));
        assert_eq!(a.province.as_deref(), Some("เชียงใหม่"));
        let a = resolve_agency("เทศบาลนครพิษณุโลก");
        assert_eq!(a.agency_type.as_deref(), Some("เทศบาลนคร"));
        assert_eq!(a.district.as_deref(), Some("เมืองพิษณุโลก"));
        let a = resolve_agency("วิทยาลัยการอาชีพนวมินทราชูทิศ");
        assert_eq!(a.agency_type.as_deref(), Some("วิทยาลัยการอาชีพ"));
        assert_eq!(a.geocode, None);
        assert_eq!(resolve_agency("บริษัท ก").agency_type, None);
        let a = resolve_agency("282565 วิทยาลัยเทคนิคปทุมธานี");
        assert_eq!(a.name.as_deref(), Some("วิทยาลัยเทคนิคปทุมธานี"));
        assert_eq!(a.province.as_deref(), Some("ปทุมธานี"));
    }
}
