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
use crate::source::{BBox, PageText, Span};

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
    let mut rows: Vec<ScoreRow> = rows
        .into_iter()
        .filter(|r| table_pages.contains(&r.page) && (r.number.is_some() || r.level.is_some()))
        .collect();
    let rank_spans = ranks_printed_apart(&raw, &mut rows);
    let mut flags = Vec::new();
    let mut out = Vec::new();
    for (k, r) in rows.into_iter().enumerate() {
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
        let rank = match r.rank_out_of_sequence {
            Some(n) => format!("rank (read as {n}, out of sequence)"),
            None => "rank".to_string(),
        };
        let missing: Vec<&str> = [
            (rank.as_str(), r.number.is_none()),
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
            level_as_read: r.level_as_read.clone(),
            repaired: r.repaired,
            flagged: r.flagged,
            span,
            rank_span: rank_spans[k].clone(),
            text,
        });
    }
    (out, flags)
}

/// A spreadsheet too wide for its paper is printed in strips of columns (LibreOffice
/// Calc and Excel do so): the rank column on one page, the rest of each row on another,
/// every row at the same height on both. A row read without its rank takes the lone
/// number printed at its height on a page that holds no rows of its own, when those
/// numbers, taken down the page, rise as ranks do; otherwise the rank stays unread.
/// Returns, for each row, the span of a rank found that way.
fn ranks_printed_apart(raw: &[PageText], rows: &mut [ScoreRow]) -> Vec<Option<Span>> {
    let mut spans = vec![None; rows.len()];
    let row_pages: Vec<u32> = rows.iter().map(|r| r.page).collect();
    let mut pages: Vec<u32> = row_pages.clone();
    pages.dedup();
    for pg in pages {
        let Some(page) = raw.iter().find(|p| p.number == pg) else {
            continue;
        };
        let rankless: Vec<(usize, BBox)> = (0..rows.len())
            .filter(|&k| rows[k].page == pg && rows[k].number.is_none())
            .filter_map(|k| page.span(rows[k].byte_range.clone()).bbox.map(|b| (k, b)))
            .collect();
        if rankless.is_empty() {
            continue;
        }
        // The nearest page without rows, the one before first (strips print left to
        // right).
        let strips = [pg.wrapping_sub(1), pg + 1, pg.wrapping_sub(2), pg + 2];
        for strip in strips {
            if row_pages.contains(&strip) {
                continue;
            }
            let Some(other) = raw.iter().find(|p| p.number == strip) else {
                continue;
            };
            let numbers = lone_numbers(other);
            let found: Vec<Option<&(u32, Span)>> = rankless
                .iter()
                .map(|(_, b)| {
                    let mut at = numbers
                        .iter()
                        .filter(|(_, s)| s.bbox.is_some_and(|nb| same_height(nb, *b)));
                    // Exactly one number at the row's height.
                    match (at.next(), at.next()) {
                        (Some(n), None) => Some(n),
                        _ => None,
                    }
                })
                .collect();
            let got: Vec<u32> = found.iter().flatten().map(|(n, _)| *n).collect();
            let rising = got.windows(2).all(|w| w[0] < w[1]);
            if got.len() * 2 < rankless.len() || !rising {
                continue;
            }
            for ((k, _), f) in rankless.iter().zip(found) {
                if let Some((n, s)) = f {
                    rows[*k].number = Some(*n);
                    spans[*k] = Some(s.clone());
                }
            }
            break;
        }
    }
    spans
}

/// The lines of a page that hold one number only (Thai or Arabic digits, a dot after
/// it allowed), with their spans.
fn lone_numbers(page: &PageText) -> Vec<(u32, Span)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in page.text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let t = line.trim();
        let digits = t.strip_suffix('.').unwrap_or(t);
        if digits.is_empty() || digits.chars().count() > 4 {
            continue;
        }
        let value = digits.chars().try_fold(0u32, |v, c| {
            Some(v * 10 + crate::normalize::digit_value(c)?)
        });
        if let Some(n) = value.filter(|&n| n > 0) {
            let lead = line.len() - line.trim_start().len();
            out.push((n, page.span(start + lead..start + lead + t.len())));
        }
    }
    out
}

/// Whether two boxes stand at the same height: each one's middle inside the other.
fn same_height(a: BBox, b: BBox) -> bool {
    let mid = |x: BBox| (x.0[1] + x.0[3]) / 2.0;
    let inside = |y: f64, x: BBox| y >= x.0[1] && y <= x.0[3];
    inside(mid(a), b) && inside(mid(b), a)
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
        .iter()
        .copied()
        .filter(|w| name.starts_with(w))
        .max_by_key(|w| w.len())
        .map(|w| (w.len(), w.to_string()));
    local.or(other)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Page 1 holds the rank column, page 2 the rest of the rows, each line's box at
    /// `ys` (bottom, top) in the order given.
    fn strips(ranks: &[(&str, f64)], rows: &[(&str, f64)]) -> Vec<PageText> {
        let page = |n: u32, lines: &[(&str, f64)], x: f64| {
            let mut text = String::new();
            let mut boxes = Vec::new();
            for (l, y) in lines {
                let start = text.len();
                text.push_str(l);
                boxes.push((start..text.len(), BBox([x, *y, x + 200.0, y + 10.0])));
                text.push('\n');
            }
            let mut p = PageText::new(n, text);
            p.boxes = boxes;
            p
        };
        vec![page(1, ranks, 50.0), page(2, rows, 50.0)]
    }

    const ROWS: [(&str, f64); 3] = [
        ("เทศบาลนครพิษณุโลก\t29.40 28.12 40.00 97.52\tผ่านดีเยี่ยม", 700.0),
        ("เทศบาลเมืองอรัญญิก\t27.55 26.90 38.00 92.45\tผ่านดีเยี่ยม", 687.0),
        ("เทศบาลตำบลบ้านใหม่\t26.00 25.43 36.00 87.43\tผ่านดี", 674.0),
    ];

    #[test]
    fn ranks_printed_on_another_page_are_joined_by_height() {
        let raw = strips(
            &[("ลำดับ", 713.0), ("๑", 700.0), ("๒", 687.0), ("3.", 674.0)],
            &ROWS,
        );
        let mut rows = score_table(&raw);
        assert!(rows.iter().all(|r| r.number.is_none()));
        let spans = ranks_printed_apart(&raw, &mut rows);
        let ranks: Vec<_> = rows.iter().map(|r| r.number).collect();
        assert_eq!(ranks, [Some(1), Some(2), Some(3)]);
        let s = spans[1].as_ref().unwrap();
        assert_eq!((s.page, s.line), (1, 3));
    }

    #[test]
    fn numbers_that_do_not_rise_or_stand_elsewhere_are_not_ranks() {
        // Falling down the page: a column of other numbers, not ranks.
        let raw = strips(&[("๓", 700.0), ("๒", 687.0), ("๑", 674.0)], &ROWS);
        let mut rows = score_table(&raw);
        let spans = ranks_printed_apart(&raw, &mut rows);
        assert!(rows.iter().all(|r| r.number.is_none()));
        assert!(spans.iter().all(|s| s.is_none()));
        // At other heights.
        let raw = strips(&[("๑", 600.0), ("๒", 587.0), ("๓", 574.0)], &ROWS);
        let mut rows = score_table(&raw);
        ranks_printed_apart(&raw, &mut rows);
        assert!(rows.iter().all(|r| r.number.is_none()));
    }

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
