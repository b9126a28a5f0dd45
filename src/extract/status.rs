//! Checkbox states to a row status: each box is paired with its label (before or after
//! it), then `done` / `not_done` / `conflict` / `unknown` is decided.
//!
//! Pairing works on paragraphs first (a `<p>` or `<li>` holding one label and one box
//! pairs them whatever the order), then on the row's order convention: a run that starts
//! with a box pairs each box with the label after it, a run that starts with a label
//! pairs each label with the box after it. Runs that fit both read the document's
//! majority convention, passed in as `box_first`.

use crate::layout::{BoxMethod, BoxState, Page, Tok, TokKind};
use crate::model::{ItemStatus, StatusMark, StatusSource};
use crate::vocab::StatusKind;
use std::ops::Range;

/// The status of one row and what it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusRead {
    pub status: ItemStatus,
    /// Byte range (repaired text) of the ticked box(es) and their labels, or of the
    /// status markup when nothing was ticked.
    pub range: Option<Range<usize>>,
    /// Whether the row had any status markup (boxes or labels) at all.
    pub has_markup: bool,
    /// Which convention the row showed unambiguously: Some(true) box before label.
    pub convention: Option<bool>,
    /// Decided by the ticked box's place among the row's boxes ([`read_by_slot`]).
    pub by_slot: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mark {
    Box(bool),
    Soft,
    Label(StatusKind),
}

/// Decide a status from the tokens of a row (cells concatenated, a Break between cells).
pub fn read_status(toks: &[&Tok], box_first: bool) -> StatusRead {
    // Paragraph runs of marks, split at breaks and at non-blank text.
    let mut runs: Vec<Vec<(Mark, Range<usize>)>> = vec![Vec::new()];
    for t in toks {
        let mark = match t.kind {
            TokKind::Box(b) if b.is_soft() => Some(Mark::Soft),
            TokKind::Box(b) => Some(Mark::Box(b.ticked())),
            TokKind::Label(d) => Some(Mark::Label(d)),
            TokKind::Break => None,
            TokKind::Text => {
                if t.text.trim().is_empty() || is_punct(&t.text) {
                    continue;
                }
                None
            }
        };
        match mark {
            Some(m) => runs.last_mut().expect("one run").push((m, t.range.clone())),
            None => {
                if !runs.last().expect("one run").is_empty() {
                    runs.push(Vec::new());
                }
            }
        }
    }
    let has_boxes = runs
        .iter()
        .flatten()
        .any(|(m, _)| matches!(m, Mark::Box(_)));
    let has_markup = runs.iter().flatten().any(|(m, _)| !matches!(m, Mark::Soft));
    let mut done = false;
    let mut not_done = false;
    let mut in_progress = false;
    let mut ticked_range: Option<Range<usize>> = None;
    let mut markup_range: Option<Range<usize>> = None;
    let mut convention = None;
    let mut unpaired_boxes: Vec<(bool, Range<usize>)> = Vec::new();
    for run in &runs {
        // Soft ticks count only where the row has no real boxes.
        let run: Vec<(Mark, Range<usize>)> = run
            .iter()
            .filter(|(m, _)| !has_boxes || !matches!(m, Mark::Soft))
            .map(|(m, r)| (*m, r.clone()))
            .collect();
        if run.is_empty() {
            continue;
        }
        for (_, r) in &run {
            markup_range = Some(merge(markup_range, r.clone()));
        }
        let boxes = run
            .iter()
            .filter(|(m, _)| !matches!(m, Mark::Label(_)))
            .count();
        let labels = run.len() - boxes;
        let starts_with_box = !matches!(run[0].0, Mark::Label(_));
        let pairs: Vec<(bool, StatusKind, Range<usize>)> = if boxes == 1 && labels == 1 {
            let (b, l) = if starts_with_box {
                (&run[0], &run[1])
            } else {
                (&run[1], &run[0])
            };
            vec![(
                mark_ticked(b.0),
                label_done(l.0),
                merge(Some(b.1.clone()), l.1.clone()),
            )]
        } else {
            let bf = if boxes == labels && run.len() >= 2 {
                // B L B L or L B L B: the run shows its own convention.
                convention = Some(starts_with_box);
                starts_with_box
            } else if starts_with_box {
                true
            } else if matches!(run.last().map(|m| m.0), Some(Mark::Label(_))) {
                // L B L: either reading fits; use the document's convention.
                box_first
            } else {
                false
            };
            pair_run(&run, bf, &mut unpaired_boxes)
        };
        if boxes == 1 && labels == 1 {
            convention = convention.or(Some(starts_with_box));
        }
        for (ticked, is_done, r) in pairs {
            if ticked {
                match is_done {
                    StatusKind::Done => done = true,
                    StatusKind::NotDone => not_done = true,
                    StatusKind::InProgress => in_progress = true,
                }
                ticked_range = Some(merge(ticked_range, r));
            }
        }
    }
    // Boxes without any label in the row: a single status box (ticked = done).
    let labels_anywhere = runs
        .iter()
        .flatten()
        .any(|(m, _)| matches!(m, Mark::Label(_)));
    if !labels_anywhere && !done && !not_done && !in_progress {
        let boxes: Vec<&(Mark, Range<usize>)> = runs
            .iter()
            .flatten()
            .filter(|(m, _)| matches!(m, Mark::Box(_)))
            .collect();
        if boxes.len() == 1 {
            let (m, r) = boxes[0];
            if mark_ticked(*m) {
                done = true;
            } else {
                not_done = true;
            }
            ticked_range = Some(r.clone());
        }
    }
    // No box at all, one kind of label: the status is written as a word in its cell
    // ("ดำเนินการแล้ว", "มี").
    if !has_boxes && !done && !not_done && !in_progress {
        let soft = runs.iter().flatten().any(|(m, _)| matches!(m, Mark::Soft));
        let mut kinds = runs.iter().flatten().filter_map(|(m, r)| match m {
            Mark::Label(k) => Some((*k, r.clone())),
            _ => None,
        });
        if let (false, Some((k, r))) = (soft, kinds.next()) {
            if kinds.all(|(k2, _)| k2 == k) {
                match k {
                    StatusKind::Done => done = true,
                    StatusKind::NotDone => not_done = true,
                    StatusKind::InProgress => in_progress = true,
                }
                ticked_range = Some(r);
            }
        }
    }
    // Two different statuses ticked is a conflict.
    let status = match (done, not_done, in_progress) {
        (true, false, false) => ItemStatus::Done,
        (false, true, false) => ItemStatus::NotDone,
        (false, false, true) => ItemStatus::InProgress,
        (false, false, false) => ItemStatus::Unknown,
        _ => ItemStatus::Conflict,
    };
    StatusRead {
        status,
        range: ticked_range.or(markup_range),
        has_markup,
        convention,
        by_slot: false,
    }
}

/// A row's real boxes and labels in order, everything else left out; `None` when the
/// row has a soft (typed) mark, which has no place among boxes.
fn marks_of(toks: &[&Tok]) -> Option<Vec<(Mark, Range<usize>)>> {
    let mut out = Vec::new();
    for t in toks {
        match t.kind {
            TokKind::Box(b) if b.is_soft() => return None,
            TokKind::Box(b) => out.push((Mark::Box(b.ticked()), t.range.clone())),
            TokKind::Label(k) => out.push((Mark::Label(k), t.range.clone())),
            _ => {}
        }
    }
    Some(out)
}

/// The labels, in box order, of a row whose marks alternate box and label (either way
/// round) with two or more different labels: "☐ ดำเนินการแล้ว ☐ อยู่ระหว่าง… ☐ ยังไม่…" gives
/// done, in progress, not done.
fn slot_labels(toks: &[&Tok]) -> Option<Vec<StatusKind>> {
    let marks = marks_of(toks)?;
    if marks.len() < 4 || marks.len() % 2 != 0 {
        return None;
    }
    let box_first = matches!(marks[0].0, Mark::Box(_));
    let mut labels = Vec::with_capacity(marks.len() / 2);
    for pair in marks.chunks(2) {
        let (b, l) = if box_first {
            (&pair[0].0, &pair[1].0)
        } else {
            (&pair[1].0, &pair[0].0)
        };
        match (b, l) {
            (Mark::Box(_), Mark::Label(k)) if !labels.contains(k) => labels.push(*k),
            _ => return None,
        }
    }
    Some(labels)
}

/// The order of status labels over the boxes of a row that the rows read in full agree
/// on: the sequence most rows show, when at least three rows and more than half of the
/// rows that show one show it. Rows whose labels did not read (a scan) are then read by
/// the place of their ticked box ([`read_by_slot`]).
pub fn slot_order<'a>(rows: impl Iterator<Item = Vec<&'a Tok>>) -> Option<Vec<StatusKind>> {
    let mut seen: Vec<(Vec<StatusKind>, usize)> = Vec::new();
    let mut total = 0;
    for toks in rows {
        let Some(labels) = slot_labels(&toks) else {
            continue;
        };
        total += 1;
        match seen.iter_mut().find(|(l, _)| *l == labels) {
            Some((_, n)) => *n += 1,
            None => seen.push((labels, 1)),
        }
    }
    let (order, n) = seen.into_iter().max_by_key(|(_, n)| *n)?;
    (n >= 3 && n * 2 > total).then_some(order)
}

/// A row whose labels did not pair with its boxes, read by box place: it holds exactly
/// as many boxes as `order` has labels and one of them is ticked, so the status is the
/// label at that box's place in the rows read in full. `None` otherwise.
pub fn read_by_slot(toks: &[&Tok], order: &[StatusKind]) -> Option<StatusRead> {
    let marks = marks_of(toks)?;
    let boxes: Vec<&(Mark, Range<usize>)> = marks
        .iter()
        .filter(|(m, _)| matches!(m, Mark::Box(_)))
        .collect();
    if boxes.len() != order.len() {
        return None;
    }
    let mut ticked = boxes
        .iter()
        .enumerate()
        .filter(|(_, (m, _))| matches!(m, Mark::Box(true)));
    let (i, (_, range)) = ticked.next()?;
    if ticked.next().is_some() {
        return None;
    }
    let status = match order[i] {
        StatusKind::Done => ItemStatus::Done,
        StatusKind::NotDone => ItemStatus::NotDone,
        StatusKind::InProgress => ItemStatus::InProgress,
    };
    Some(StatusRead {
        status,
        range: Some(range.clone()),
        has_markup: true,
        convention: None,
        by_slot: true,
    })
}

/// What the report and `explain` show of a read: the rule that decided it, where the
/// deciding marks stand and every box and label of the row(s), each with its span.
pub fn source_of(pages: &[Page], e: &super::tables::Entity, read: &StatusRead) -> StatusSource {
    let rule = match (read.status, read.has_markup) {
        _ if read.by_slot => "box_position",
        (ItemStatus::Conflict, _) => "conflicting_ticks",
        (ItemStatus::Unknown, true) => "no_tick",
        (ItemStatus::Unknown, false) => "no_markup",
        _ => "ticked",
    };
    let decided_at = read.range.clone().and_then(|r| {
        // Ranges are per page: the deciding range lies on the page of its first mark.
        let (p, _) = e
            .toks
            .iter()
            .find(|(_, t)| t.kind.is_mark() && t.range.start >= r.start && t.range.end <= r.end)?;
        Some(pages.get(*p)?.span(r))
    });
    let marks = e
        .toks
        .iter()
        .filter_map(|(p, t)| {
            let page = pages.get(*p)?;
            let mut span = page.span(t.range.clone());
            let (kind, state, method, confidence) = match t.kind {
                TokKind::Box(b) => {
                    if let Some(bbox) = b.bbox {
                        span.bbox = Some(bbox.rounded());
                    }
                    let state = match b.state {
                        BoxState::Checked => "checked",
                        BoxState::Unchecked => "unchecked",
                        BoxState::Crossed => "crossed",
                    };
                    let conf = (f64::from(b.confidence) * 100.0).round() / 100.0;
                    ("box", state, method_name(b.method), Some(conf))
                }
                TokKind::Label(k) => ("label", kind_name(k), "vocabulary", None),
                _ => return None,
            };
            Some(StatusMark {
                kind: kind.to_string(),
                state: state.to_string(),
                method: method.to_string(),
                confidence,
                text: t.text.trim().to_string(),
                span,
            })
        })
        .collect();
    StatusSource {
        rule: rule.to_string(),
        decided_at,
        marks,
    }
}

fn method_name(m: BoxMethod) -> &'static str {
    match m {
        BoxMethod::Glyph => "glyph",
        BoxMethod::Attribute => "attribute",
        BoxMethod::Widget => "widget",
        BoxMethod::Vector => "vector",
        BoxMethod::Pixels => "pixels",
        BoxMethod::Typed => "typed",
    }
}

fn kind_name(k: StatusKind) -> &'static str {
    match k {
        StatusKind::Done => "done",
        StatusKind::NotDone => "not_done",
        StatusKind::InProgress => "in_progress",
    }
}

fn pair_run(
    run: &[(Mark, Range<usize>)],
    box_first: bool,
    unpaired: &mut Vec<(bool, Range<usize>)>,
) -> Vec<(bool, StatusKind, Range<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < run.len() {
        let (m, r) = &run[i];
        let is_label = matches!(m, Mark::Label(_));
        let next = run.get(i + 1);
        match (box_first, is_label, next) {
            (true, false, Some((Mark::Label(d), lr))) => {
                out.push((mark_ticked(*m), *d, merge(Some(r.clone()), lr.clone())));
                i += 2;
            }
            (false, true, Some((nm, br))) if !matches!(nm, Mark::Label(_)) => {
                out.push((
                    mark_ticked(*nm),
                    label_done(*m),
                    merge(Some(r.clone()), br.clone()),
                ));
                i += 2;
            }
            _ => {
                if !is_label {
                    unpaired.push((mark_ticked(*m), r.clone()));
                }
                i += 1;
            }
        }
    }
    out
}

fn mark_ticked(m: Mark) -> bool {
    matches!(m, Mark::Box(true) | Mark::Soft)
}

fn label_done(m: Mark) -> StatusKind {
    match m {
        Mark::Label(k) => k,
        _ => StatusKind::Done,
    }
}

fn merge(a: Option<Range<usize>>, b: Range<usize>) -> Range<usize> {
    match a {
        Some(a) => a.start.min(b.start)..a.end.max(b.end),
        None => b,
    }
}

fn is_punct(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | ':' | ',' | ';' | '|' | '.' | '•' | '*'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::text::rows_of;

    fn status(text: &str, box_first: bool) -> ItemStatus {
        let rows = rows_of(text);
        let toks: Vec<&Tok> = rows[0].cells.iter().flat_map(|c| c.toks.iter()).collect();
        read_status(&toks, box_first).status
    }

    #[test]
    fn statuses_from_every_style() {
        let cases: &[(&str, ItemStatus)] = &[
            ("☐ ยังไม่ได้ดำเนินการ ☑ ดำเนินการ", ItemStatus::Done),
            ("☑ ยังไม่ได้ดำเนินการ ☐ ดำเนินการ", ItemStatus::NotDone),
            ("☑ ยังไม่ได้ดำเนินการ ☑ ดำเนินการ", ItemStatus::Conflict),
            ("☐ ยังไม่ได้ดำเนินการ ☐ ดำเนินการ", ItemStatus::Unknown),
            ("ยังไม่ได้ดำเนินการ ☐ ดำเนินการ ☑", ItemStatus::Done),
            ("ดำเนินการ ☑ ยังไม่ได้ดำเนินการ ☐", ItemStatus::Done),
            ("<p>ยังไม่ดำเนินการ <input type=\"checkbox\"/></p> <p>ดำเนินการ <input checked=\"\" type=\"checkbox\"/></p>", ItemStatus::Done),
            ("<p>ยังไม่ดำเนินการ</p> <p><input checked=\"\" type=\"checkbox\"/> ดำเนินการ</p>", ItemStatus::Done),
            ("<input checked=\"\" type=\"checkbox\"/> ยังไม่ได้ดำเนินการ <input type=\"checkbox\"/> ดำเนินการ -มีการจัดทำ", ItemStatus::NotDone),
            ("/ ดำเนินการ", ItemStatus::Done),
            ("[x] ดำเนินการ [ ] ยังไม่ดำเนินการ", ItemStatus::Done),
            ("( ) ดำเนินการ ( / ) ยังไม่ดำเนินการ", ItemStatus::NotDone),
            ("☑", ItemStatus::Done),
            ("ข้อความธรรมดา", ItemStatus::Unknown),
        ];
        for (text, want) in cases {
            assert_eq!(status(text, true), *want, "{text}");
        }
    }

    fn row_toks(rows: &[crate::layout::Row]) -> Vec<Vec<&Tok>> {
        rows.iter()
            .map(|r| r.cells.iter().flat_map(|c| c.toks.iter()).collect())
            .collect()
    }

    #[test]
    fn garbled_labels_read_by_box_place() {
        let clean = "☐ ดำเนินการแล้ว ☑ อยู่ระหว่างดำเนินการ ☐ ยังไม่ดำเนินการ";
        let rows = rows_of(&[clean, clean, clean].join("\n"));
        let order = slot_order(row_toks(&rows).into_iter()).expect("three rows agree");
        assert_eq!(
            order,
            [
                StatusKind::Done,
                StatusKind::InProgress,
                StatusKind::NotDone
            ]
        );
        // A scan's row: the labels garbled, three boxes, the last ticked.
        let garbled = rows_of("☐ ะ ดนบนการ ☐ หธุระหรางศา ☑ “um");
        let toks = &row_toks(&garbled)[0];
        assert_eq!(read_status(toks, true).status, ItemStatus::Unknown);
        let read = read_by_slot(toks, &order).expect("three boxes, one ticked");
        assert_eq!(read.status, ItemStatus::NotDone);
        assert!(read.by_slot);
        // A box missing, or two ticked: not read by place.
        for text in ["☐ ะ ดนบนการ ☑ หธุระหรางศา", "☑ ะ ☑ หธุ ☐ ยัง"]
        {
            let rows = rows_of(text);
            assert!(
                read_by_slot(&row_toks(&rows)[0], &order).is_none(),
                "{text}"
            );
        }
        // Two rows agreeing are not enough; nor is a sequence fewer than half show.
        let two = rows_of(&[clean, clean].join("\n"));
        assert!(slot_order(row_toks(&two).into_iter()).is_none());
        let other = "☐ ยังไม่ดำเนินการ ☐ ดำเนินการแล้ว ☐ อยู่ระหว่างดำเนินการ";
        let mixed = rows_of(&[clean, clean, clean, other, other, other].join("\n"));
        assert!(slot_order(row_toks(&mixed).into_iter()).is_none());
    }

    #[test]
    fn ambiguous_run_follows_document_convention() {
        // L B L: box belongs to the label after it when boxes come first in this document.
        assert_eq!(status("ยังไม่ได้ดำเนินการ ☑ ดำเนินการ", true), ItemStatus::Done);
        assert_eq!(
            status("ยังไม่ได้ดำเนินการ ☑ ดำเนินการ", false),
            ItemStatus::NotDone
        );
    }
}
