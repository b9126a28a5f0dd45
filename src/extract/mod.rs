//! Pages of raw text to the document contract: agency, fiscal year, score, level,
//! measures, indicators, OIT items, dates and flags.
//!
//! ```text
//! layout::Doc (pages of rows of cells of tokens, text repaired once, with spans)
//!          ─tables────────────▶ item / indicator / measure entities (+ continuation rows)
//!          ─status────────────▶ done / not_done / conflict / unknown
//!          ─catalogue─────────▶ item codes recovered from code, sequence and title
//!          ─meta, checks──────▶ agency, place, year, score, level; flags
//! ```
//!
//! Every value's span is the byte range in the page's *raw* text, found through the
//! repair's offset map.

pub mod assessment;
pub mod catalogue;
pub mod checks;
pub mod doc_kind;
pub mod meta;
pub mod results;
pub mod status;
pub mod tables;

use crate::diagnostic::{Flag, FlagCode, Severity};
pub use crate::layout::Page;
use crate::layout::{Doc, RowKind, Tok};
use crate::model::{
    Agency, DateRef, DocStatus, Document, Indicator, ItemStatus, Measure, OitItem, Source,
    StatusSource, SCHEMA_VERSION,
};
use crate::normalize;
use crate::source::Span;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

fn flag(
    code: FlagCode,
    severity: Severity,
    message: impl Into<String>,
    span: Option<Span>,
) -> Flag {
    Flag::new(code, severity, message, span)
}

/// The month (October) the Thai government's fiscal year starts in: a date from then to
/// December belongs to the next fiscal year (Budget Procedure Act B.E. 2561, section 4).
const FISCAL_YEAR_START_MONTH: i32 = 10;

/// Extract everything from the pages of one document. `flags` are those the reader
/// already raised (unmapped glyphs, pages without text).
pub fn extract(source: Source, doc: &Doc, mut flags: Vec<Flag>) -> Document {
    let pages = &doc.pages[..];
    let mut repairs: BTreeMap<String, u64> = BTreeMap::new();
    for p in pages {
        for r in &p.rep.repairs {
            *repairs.entry(r.kind.as_str().to_string()).or_default() += 1;
        }
    }

    // --- metadata -------------------------------------------------------------------
    let opening = opening_end(pages);
    let mentions: Vec<meta::AgencyMention> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| meta::agency_mentions(p, i))
        .collect();
    let mut own = meta::pick_agency(&mentions, opening).cloned();
    let mut agency = Agency::default();
    if let Some(m) = &own {
        agency.name = Some(m.name.clone());
        agency.agency_type = Some(m.kind.to_string());
        agency.span = Some(pages[m.page].span(m.range.clone()));
    }
    // Another kind of agency named in the opening lines is the report's own, unless a
    // local administration is named there first (one picked from later mentions only
    // gives way).
    let opening_local = own
        .as_ref()
        .is_some_and(|m| (m.page, m.range.start) < opening);
    let other = meta::other_agency_in_opening(pages, opening).filter(|(_, r, _)| {
        !opening_local
            || own
                .as_ref()
                .is_some_and(|m| r.start < m.range.start && m.page == opening.0)
    });
    let mut place_from_name = None;
    if let Some((pi, range, name)) = other {
        let resolved = results::resolve_agency(&name);
        agency.name = Some(name);
        agency.agency_type = resolved.agency_type.clone();
        agency.span = Some(pages[pi].span(range));
        place_from_name = Some(resolved);
        own = None;
    }
    // The place: stated in the opening lines, else on the line of the agency's first
    // mention.
    let opening_text = &pages
        .get(opening.0)
        .map(|p| &p.rep.text[..opening.1.min(p.rep.text.len())])
        .unwrap_or("");
    let mut places = meta::places_in(opening_text);
    if places.is_empty() {
        if let Some(m) = &own {
            let text = &pages[m.page].rep.text;
            let line_end = text[m.range.end..]
                .find('\n')
                .map(|i| m.range.end + i)
                .unwrap_or(text.len());
            places = meta::places_in(&text[m.range.start..line_end]);
        }
    }
    if places.is_empty() {
        // A college or an office named after its province or district ("วิทยาลัยเทคนิค
        // เชียงใหม่"): the place its name gives, where the opening states none.
        if let Some(r) = place_from_name.filter(|r| r.geocode.is_some()) {
            agency.subdistrict = r.subdistrict;
            agency.district = r.district;
            agency.province = r.province;
        }
    }
    let mut place_span: Option<Span> = None;
    for (kind, name, range) in &places {
        let s = Some(name.clone());
        match kind {
            meta::PlaceKind::Subdistrict => agency.subdistrict = s,
            meta::PlaceKind::District => agency.district = s,
            meta::PlaceKind::Province => agency.province = s,
        }
        let page = if opening_text.is_empty() {
            own.as_ref().map(|m| m.page).unwrap_or(0)
        } else {
            opening.0
        };
        let sp = pages.get(page).map(|p| p.span(range.clone()));
        place_span = place_span.or(sp);
    }
    if agency.province.is_none() {
        // A provincial administration (อบจ.) is named after its province.
        if let Some(m) = own
            .as_ref()
            .filter(|m| m.named_after == Some(meta::PlaceKind::Province) && m.known_place)
        {
            agency.province = Some(m.place.clone());
        }
    }
    if agency.subdistrict.is_none() {
        // A ตำบล-level agency is named after its subdistrict (usually).
        if let Some(m) = own
            .as_ref()
            .filter(|m| m.named_after == Some(meta::PlaceKind::Subdistrict) && m.known_place)
        {
            agency.subdistrict = Some(m.place.clone());
        }
    }
    if agency.subdistrict.is_some() || agency.district.is_some() || agency.province.is_some() {
        let res = crate::places::gazetteer().resolve(
            agency.subdistrict.as_deref(),
            agency.district.as_deref(),
            agency.province.as_deref(),
        );
        agency.stated = crate::model::StatedPlace {
            subdistrict: agency.subdistrict.clone(),
            district: agency.district.clone(),
            province: agency.province.clone(),
        };
        if res.geocode.is_some() {
            agency.subdistrict = res.subdistrict;
            agency.district = res.district;
            agency.province = res.province;
        }
        agency.geocode = res.geocode;
        if let Some(msg) = res.mismatch {
            flags.push(flag(
                FlagCode::LocationMismatch,
                Severity::Warning,
                msg,
                place_span.clone(),
            ));
        }
    }
    // Other agencies named in the report.
    if let Some(m) = &own {
        let mut seen = BTreeSet::new();
        for o in &mentions {
            // The same place cut differently (a name broken by a line end, "พระรักษ์เรีย")
            // is the report's own agency, whatever its type prefix says.
            let same_place = o.place == m.place
                || (!m.known_prefix.is_empty()
                    && o.known_prefix == m.known_prefix
                    && o.place.starts_with(&m.place));
            if o.known_place && !same_place && seen.insert(o.name.clone()) {
                flags.push(flag(
                    FlagCode::OtherAgency,
                    Severity::Warning,
                    if o.written == o.name {
                        format!("another agency is named: {}", o.name)
                    } else {
                        format!(
                            "another agency is named: {} (written \"{}\")",
                            o.name, o.written
                        )
                    },
                    Some(pages[o.page].span(o.range.clone())),
                ));
            }
        }
    }

    // Fiscal year: the first stated in the opening text; a disagreement there is flagged.
    let mut fiscal_year = None;
    let mut fiscal_year_span = None;
    let opening_years = meta::years_in(opening_text);
    if let Some((y, r)) = opening_years.first() {
        fiscal_year = Some(*y);
        fiscal_year_span = Some(pages[opening.0].span(r.clone()));
        if let Some((other, r2)) = opening_years.iter().find(|(o, _)| o != y) {
            flags.push(flag(
                FlagCode::YearMismatch,
                Severity::Warning,
                format!("fiscal year {y} and {other} are both stated"),
                Some(pages[opening.0].span(r2.clone())),
            ));
        }
    } else if let Some((pi, (y, r))) = pages.iter().enumerate().find_map(|(i, p)| {
        meta::years_in(&p.rep.text)
            .into_iter()
            .next()
            .map(|v| (i, v))
    }) {
        fiscal_year = Some(y);
        fiscal_year_span = Some(pages[pi].span(r));
    }
    // No year stated as one: the fiscal year of the first date of the first page with
    // text (a notice's "ณ วันที่ ๘ กุมภาพันธ์ ๒๕๖๗"; a month and year without a day is no
    // date to the date reader, so not taken). The Thai
    // fiscal year runs from October: October to December count toward the next one. Only
    // a year an OIT list is known for is taken: a date is a weaker word than a stated
    // year, and OCR misreads them (a scan's date read as 2500 chose no list for its items).
    if fiscal_year.is_none() {
        let first = pages.iter().find(|p| !p.rep.text.trim().is_empty());
        if let Some((p, f)) = first.and_then(|p| {
            crate::normalize::find_dates(&p.rep.text)
                .into_iter()
                .next()
                .map(|f| (p, f))
        }) {
            let ym: Vec<i32> = f.date.split('-').filter_map(|v| v.parse().ok()).collect();
            if let [y, m, ..] = ym[..] {
                let fy = y + 543 + i32::from(m >= FISCAL_YEAR_START_MONTH);
                if crate::vocab::catalogue::for_year(fy).is_some() {
                    fiscal_year = Some(fy);
                    fiscal_year_span = Some(p.span(f.range));
                }
            }
        }
    }

    // Score and level: the first stated; the level is looked for right after the score.
    let mut overall_score = None;
    let mut overall_score_span = None;
    let mut level = None;
    let mut level_span = None;
    for p in pages {
        if let Some((v, r)) = meta::score_in(&p.rep.text) {
            overall_score = Some(v);
            overall_score_span = Some(p.span(r.clone()));
            let tail_end = crate::source::floor_char_boundary(
                &p.rep.text,
                (r.end + 600).min(p.rep.text.len()),
            );
            let tail = &p.rep.text[r.end..tail_end];
            if let Some((l, lr)) = meta::level_after_score(tail).or_else(|| meta::level_in(tail)) {
                level = Some(l);
                level_span = Some(p.span(r.end + lr.start..r.end + lr.end));
            }
            break;
        }
    }
    let (table_score, table_level) = meta::score_level_in_rows(pages);
    if overall_score.is_none() {
        if let Some((v, pi, r)) = table_score {
            overall_score = Some(v);
            overall_score_span = Some(pages[pi].span(r));
        }
    }
    if level.is_none() {
        if let Some((l, pi, r)) = table_level {
            level = Some(l);
            level_span = Some(pages[pi].span(r));
        }
    }
    if level.is_none() {
        for p in pages {
            if let Some((l, r)) = meta::level_in(&p.rep.text) {
                level = Some(l);
                level_span = Some(p.span(r));
                break;
            }
        }
    }

    // --- tables -----------------------------------------------------------------------
    let tables = tables::read_tables(pages);
    let box_first = document_convention(&tables);
    let indicator_slots = slot_order(&tables.indicators);

    let mut measures: Vec<Measure> = tables
        .measures
        .iter()
        .map(|e| Measure {
            number: e.number,
            title: e.title.clone(),
            span: pages[e.page].span(e.range.clone()),
        })
        .collect();
    measures.sort_by_key(|m| m.number);
    measures.dedup_by_key(|m| m.number);

    let mut indicators = Vec::new();
    for e in &tables.indicators {
        let (status, notes, source) =
            read_entity_status(pages, e, box_first, indicator_slots.as_deref());
        let span = pages[e.page].span(e.range.clone());
        status_flags(
            &mut flags,
            status,
            &notes,
            &format!("indicator {}", e.number),
            &span,
        );
        indicators.push(Indicator {
            number: e.number,
            title: e.title.clone(),
            status,
            notes,
            span,
            status_source: Some(source),
        });
    }
    indicators.sort_by_key(|i| i.number);

    let ev = evidence(&tables);
    let cat = catalogue_for(fiscal_year, &ev);
    let oit_items = read_items(pages, &tables, fiscal_year, cat, &ev, box_first, &mut flags);
    let catalogue = cat.map(|c| c.name.to_string());

    // --- dates ------------------------------------------------------------------------
    let mut dates = Vec::new();
    for p in pages {
        for d in normalize::find_dates(&p.rep.text) {
            dates.push(DateRef {
                text: p.rep.text[d.range.clone()].to_string(),
                date: d.date,
                end_date: d.end,
                span: p.span(d.range),
            });
        }
    }

    // --- checks -----------------------------------------------------------------------
    for p in pages {
        for (range, script, lines) in checks::foreign_blocks(&p.rep.text) {
            flags.push(flag(
                FlagCode::ForeignScript,
                Severity::Warning,
                format!("{lines} line(s) of {script} text (OCR hallucination or another document)"),
                Some(p.span(range)),
            ));
        }
    }
    let text_lines: Vec<((usize, Range<usize>), String)> = tables
        .text_rows
        .iter()
        .map(|(pi, r, t)| ((*pi, r.clone()), t.clone()))
        .collect();
    for ((pi, r), line, n) in checks::repeated_lines(&text_lines, 5) {
        let shown: String = line.chars().take(60).collect();
        flags.push(flag(
            FlagCode::RepeatedText,
            Severity::Warning,
            format!("a line is repeated {n} times: \"{shown}\""),
            Some(pages[pi].span(r)),
        ));
    }
    for ((pi, r), text) in &text_lines {
        if let Some((w, n)) = checks::repeated_phrase(text) {
            flags.push(flag(
                FlagCode::RepeatedText,
                Severity::Warning,
                format!("a phrase is repeated {n} times in one line: \"{w}\""),
                Some(pages[*pi].span(r.clone())),
            ));
        }
    }

    // A document without a single checkbox or mark has no statuses to miss: its rows
    // (an analysis report's numbered headings, a survey's rows) raise no status flag.
    let has_boxes = pages
        .iter()
        .any(|p| p.rows.iter().any(|r| r.cells.iter().any(|c| c.has_box())));
    if !has_boxes {
        flags.retain(|f| !matches!(f.code, FlagCode::StatusMissing | FlagCode::StatusConflict));
    }

    // --- results tables -----------------------------------------------------------------
    let (results, result_flags) = results::read_results(pages);
    flags.extend(result_flags);
    let levels_repaired = results.iter().filter(|r| r.level_as_read.is_some()).count();
    if levels_repaired > 0 {
        *repairs.entry("result_level".to_string()).or_default() += levels_repaired as u64;
    }
    let (assessment, assessment_flags) = assessment::read_assessment(pages, fiscal_year);

    let status = if flags.iter().any(|f| f.code == FlagCode::NoTextLayer) {
        DocStatus::Partial
    } else {
        DocStatus::Ok
    };
    let mut document = Document {
        schema_version: SCHEMA_VERSION,
        source,
        status,
        agency,
        fiscal_year,
        fiscal_year_span,
        overall_score,
        overall_score_span,
        level,
        level_span,
        catalogue,
        measures,
        indicators,
        oit_items,
        dates,
        flags,
        repairs,
        pixel_checkboxes: Vec::new(),
        doc_kind: None,
        doc_kind_rule: None,
        evidence_for: None,
        results,
        assessment,
    };
    let (kind, rule, item) = doc_kind::decide(&document, doc);
    document.doc_kind = kind;
    document.doc_kind_rule = rule;
    document.evidence_for = item;
    // The assessment block belongs to analysis reports; elsewhere its numbers are a
    // checklist's or a table's and are not kept.
    if kind == Some(crate::model::DocKind::Analysis) {
        document.flags.extend(assessment_flags);
        // An OIT item scored 100 or 0 in the report was done or not done that year.
        if let Some(a) = &document.assessment {
            for item in &mut document.oit_items {
                let code = item.code.as_deref().map(str::to_lowercase);
                let q = a.questions.iter().find(|q| Some(&q.code) == code.as_ref());
                if let Some(q) = q {
                    item.score = Some(q.score.value);
                    if q.score.value == 100.0 {
                        item.status = ItemStatus::Done;
                    } else if q.score.value == 0.0 {
                        item.status = ItemStatus::NotDone;
                    }
                }
            }
        }
        // An analysis report states the year it analyses beside its own: that is the
        // assessment year, not a conflicting fiscal year.
        if let Some(y) = document.assessment.as_ref().and_then(|a| a.assessment_year) {
            if document.fiscal_year != Some(y) {
                let y = y.to_string();
                document
                    .flags
                    .retain(|f| f.code != FlagCode::YearMismatch || !f.message.contains(&y));
            }
        }
    } else {
        document.assessment = None;
    }
    crate::validate::validate(&mut document, doc);
    document
}

/// Where the opening lines end: the running-text rows (up to eight) before the first
/// table row of the first page that has text, as (page index, byte offset in its
/// repaired text).
fn opening_end(pages: &[Page]) -> (usize, usize) {
    for (pi, p) in pages.iter().enumerate() {
        let mut end = None;
        let mut n = 0;
        for r in &p.rows {
            match r.kind {
                RowKind::Blank => continue,
                RowKind::Plain | RowKind::Layout if n < 8 && r.cells.len() == 1 => {
                    end = Some(r.range.end);
                    n += 1;
                }
                _ => break,
            }
        }
        if let Some(e) = end {
            return (pi, e);
        }
    }
    (0, 0)
}

/// The majority order of box and label in rows that show it unambiguously.
fn document_convention(t: &tables::Tables) -> bool {
    let mut box_first = 0i32;
    for e in t.items.iter().chain(t.indicators.iter()) {
        let toks: Vec<&Tok> = e.toks.iter().map(|(_, t)| t).collect();
        match status::read_status(&toks, true).convention {
            Some(true) => box_first += 1,
            Some(false) => box_first -= 1,
            None => {}
        }
    }
    box_first >= 0
}

/// The label order over the boxes of rows read in full ([`status::slot_order`]).
fn slot_order(es: &[tables::Entity]) -> Option<Vec<crate::vocab::StatusKind>> {
    status::slot_order(es.iter().map(|e| e.toks.iter().map(|(_, t)| t).collect()))
}

/// A row's status, and what it was read from. A row whose labels did not pair with its
/// boxes (a scan's garbled words) is read by its ticked box's place where the table's
/// rows read in full agree on the label order (`slots`).
fn read_entity_status(
    pages: &[Page],
    e: &tables::Entity,
    box_first: bool,
    slots: Option<&[crate::vocab::StatusKind]>,
) -> (ItemStatus, String, StatusSource) {
    let toks: Vec<&Tok> = e.toks.iter().map(|(_, t)| t).collect();
    let mut read = status::read_status(&toks, box_first);
    if read.status == ItemStatus::Unknown {
        if let Some(r) = slots.and_then(|o| status::read_by_slot(&toks, o)) {
            read = r;
        }
    }
    let source = status::source_of(pages, e, &read);
    let notes = e
        .notes
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (read.status, notes, source)
}

fn status_flags(flags: &mut Vec<Flag>, status: ItemStatus, notes: &str, what: &str, span: &Span) {
    match status {
        ItemStatus::Unknown => flags.push(flag(
            FlagCode::StatusMissing,
            Severity::Warning,
            format!("{what}: no tick found"),
            Some(span.clone()),
        )),
        ItemStatus::Conflict => flags.push(flag(
            FlagCode::StatusConflict,
            Severity::Warning,
            format!("{what}: both done and not done are ticked"),
            Some(span.clone()),
        )),
        _ => {}
    }
    if let Some(msg) = checks::contradicts(status, notes) {
        flags.push(flag(
            FlagCode::StatusContradictsText,
            Severity::Warning,
            format!("{what}: {msg}"),
            Some(span.clone()),
        ));
    }
}

/// The catalogue to match items against: the fiscal year's, or, when no year is
/// stated, the list the titles fit clearly (never forced). A provisional list is used
/// only where the titles fit it.
fn catalogue_for(
    year: Option<i32>,
    ev: &[catalogue::ItemEvidence],
) -> Option<&'static catalogue::Catalogue> {
    const FIT: f64 = 0.7;
    match year.and_then(catalogue::for_year) {
        Some(c) if !c.provisional => Some(c),
        Some(c) => (ev.len() >= 3 && align(c, ev).1 >= FIT).then_some(c),
        None if year.is_some() || ev.len() < 5 => None,
        None => crate::vocab::catalogue::catalogues()
            .iter()
            .filter(|c| !c.provisional)
            .map(|cat| (align(cat, ev).1, cat))
            .fold(
                None,
                |best: Option<(f64, &'static catalogue::Catalogue)>, (mean, cat)| match best {
                    Some((b, _)) if b >= mean => best,
                    _ => Some((mean, cat)),
                },
            )
            .filter(|(m, _)| *m >= FIT)
            .map(|(_, c)| c),
    }
}

/// Codes for the item rows under `cat`, and the mean title similarity of that reading.
fn align(cat: &'static catalogue::Catalogue, ev: &[catalogue::ItemEvidence]) -> (Vec<u32>, f64) {
    let prep = catalogue::Prepared::of(cat);
    let codes = catalogue::assign_codes(prep, ev);
    let mean = codes
        .iter()
        .zip(ev)
        .map(|(c, e)| prep.similarity(&e.grams, *c as usize))
        .sum::<f64>()
        / codes.len().max(1) as f64;
    (codes, mean)
}

fn evidence(t: &tables::Tables) -> Vec<catalogue::ItemEvidence> {
    t.items
        .iter()
        .map(|e| catalogue::ItemEvidence {
            written: e.written,
            grams: catalogue::title_grams(&e.title),
        })
        .collect()
}

fn read_items(
    pages: &[Page],
    t: &tables::Tables,
    year: Option<i32>,
    cat: Option<&'static catalogue::Catalogue>,
    ev: &[catalogue::ItemEvidence],
    box_first: bool,
    flags: &mut Vec<Flag>,
) -> Vec<OitItem> {
    let slots = slot_order(&t.items);
    let slots = slots.as_deref();
    let codes: Vec<Option<u32>> = match cat {
        Some(c) => align(c, ev).0.into_iter().map(Some).collect(),
        None => {
            if !t.items.is_empty() {
                let msg = match year {
                    Some(y) => {
                        format!("no known OIT list for fiscal year {y}: codes are kept as written")
                    }
                    None => {
                        "no fiscal year and no OIT list the titles fit: codes are kept as written"
                            .to_string()
                    }
                };
                flags.push(flag(FlagCode::UnknownCatalogue, Severity::Info, msg, None));
            }
            t.items.iter().map(|e| e.written).collect()
        }
    };
    let mut out = Vec::new();
    let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
    for (e, code) in t.items.iter().zip(codes) {
        let page = &pages[e.page];
        let span = page.span(e.range.clone());
        let raw_code = e.code_range.clone().map(|r| page.raw_text(r).to_string());
        // A code written and read otherwise, or a code cell that did not read at all.
        let corrected = cat.is_some()
            && code.is_some()
            && (e.written.is_some() || e.code_range.is_some())
            && code != e.written;
        let code_str = code.map(|c| format!("O{c}"));
        if corrected {
            flags.push(flag(
                FlagCode::ItemCodeCorrected,
                Severity::Warning,
                format!(
                    "item code written \"{}\" read as {} from the sequence and the title",
                    raw_code.as_deref().unwrap_or(""),
                    code_str.as_deref().unwrap_or("")
                ),
                Some(
                    e.code_range
                        .clone()
                        .map(|r| page.span(r))
                        .unwrap_or_else(|| span.clone()),
                ),
            ));
        }
        if let Some(c) = code {
            if let Some(prev) = seen.insert(c, out.len()) {
                let _ = prev;
                flags.push(flag(
                    FlagCode::ItemDuplicate,
                    Severity::Warning,
                    format!("item O{c} appears more than once"),
                    Some(span.clone()),
                ));
            }
        }
        let (status, notes, source) = read_entity_status(pages, e, box_first, slots);
        status_flags(
            flags,
            status,
            &notes,
            &format!("item {}", code_str.as_deref().unwrap_or("?")),
            &span,
        );
        out.push(OitItem {
            code: code_str,
            raw_code,
            title: e.title.clone(),
            catalogue_title: cat
                .zip(code)
                .and_then(|(c, n)| c.title(n))
                .map(str::to_string),
            status,
            code_corrected: corrected,
            notes,
            span,
            status_source: Some(source),
            score: None,
        });
    }
    // Missing items, where the document lists the OIT items at all: every catalogue code
    // absent, or with no known list only gaps in the written sequence. The flag points at
    // the row where the item would have stood.
    if out.len() >= 20 {
        let last = match cat {
            Some(c) => c.len() as u32 + 1,
            None => seen.keys().next_back().copied().unwrap_or(0).min(99),
        };
        for n in (1..last).filter(|n| !seen.contains_key(n)) {
            let near = out
                .iter()
                .find(|i| {
                    i.code
                        .as_deref()
                        .and_then(|s| s[1..].parse::<u32>().ok())
                        .is_some_and(|m| m > n)
                })
                .or(out.last())
                .map(|i| i.span.clone());
            let message = match cat {
                Some(c) => format!(
                    "item O{n} ({}) is not in the document",
                    c.title(n).unwrap_or("")
                ),
                None => format!("item O{n} is missing from the written sequence"),
            };
            flags.push(flag(
                FlagCode::ItemMissing,
                Severity::Warning,
                message,
                near,
            ));
        }
    }
    out
}
