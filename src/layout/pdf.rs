//! Pages whose cells and checkboxes a reader placed itself (the PDF reader from glyphs,
//! rulings, widgets and drawn squares; the OCR engine from word boxes and pixel ticks)
//! into the model. The reader gives each row's cells and each checkbox as a byte range
//! of the page's raw text with its box; here the text is repaired once, the ranges are
//! carried over to the repaired text, and the text between boxes is tokenized for status
//! labels and typed marks only: a box the reader placed is never read again from text.

use super::text::tokenize_marks;
use super::{Cell, Checkbox, Page, Row, RowKind, Tok, TokKind};
use crate::source::{BBox, PageText};
use std::ops::Range;

/// A row placed by a reader.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlacedRow {
    /// Byte range of the row in the raw page text.
    pub range: Range<usize>,
    /// Each cell's raw byte range and box.
    pub cells: Vec<(Range<usize>, Option<BBox>)>,
    /// The first row of a ruled table.
    pub header: bool,
    pub bbox: Option<BBox>,
}

/// A checkbox placed by a reader, at a byte range of the raw page text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedBox {
    pub range: Range<usize>,
    pub checkbox: Checkbox,
}

/// What a reader placed on one page: rows in order, boxes in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placement {
    pub rows: Vec<PlacedRow>,
    pub boxes: Vec<PlacedBox>,
}

/// A page of placed rows and boxes in the model.
pub fn page(raw: PageText, placement: &Placement) -> Page {
    let rep = super::repair(&raw);
    let fwd = |r: Range<usize>| rep.map.range_from_raw(r);
    let slice = |r: &Range<usize>| rep.text.get(r.clone()).unwrap_or("");
    let mut boxes = placement.boxes.iter().peekable();
    let mut rows = Vec::with_capacity(placement.rows.len());
    for pr in &placement.rows {
        let mut cells = Vec::with_capacity(pr.cells.len());
        for (cr, bbox) in &pr.cells {
            let mut toks: Vec<Tok> = Vec::new();
            let mut pos = cr.start;
            // Every box goes to the cell it ends in (boxes and cells are in text order,
            // so none is left out).
            while let Some(b) = boxes.next_if(|b| b.range.end <= cr.end) {
                let seg = fwd(pos.min(b.range.start)..b.range.start);
                tokenize_marks(slice(&seg), seg.start, &mut toks, false);
                toks.push(Tok {
                    kind: TokKind::Box(b.checkbox),
                    text: String::new(),
                    range: fwd(b.range.clone()),
                });
                pos = b.range.end;
            }
            let seg = fwd(pos..cr.end);
            tokenize_marks(slice(&seg), seg.start, &mut toks, false);
            cells.push(Cell {
                toks,
                range: fwd(cr.clone()),
                col: 0,
                bbox: *bbox,
            });
        }
        let kind = if cells.len() >= 2 {
            RowKind::Tsv
        } else {
            RowKind::Plain
        };
        rows.push(Row {
            kind,
            cells,
            range: fwd(pr.range.clone()),
            indent: 0,
            header: pr.header,
            bbox: pr.bbox,
        });
    }
    Page::new(raw, rep, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{BoxMethod, BoxState};

    #[test]
    fn placed_boxes_become_tokens_and_text_is_repaired() {
        // "O1<TAB>☑ ดํา เนินการ" with the box placed by the reader as a widget.
        let text = "O1\t\u{2611} ด\u{0E4D}\u{0E32}เนินการ\n".to_string();
        let raw = PageText::new(1, text.clone());
        let tab = text.find('\t').unwrap();
        let bx = tab + 1..tab + 1 + '\u{2611}'.len_utf8();
        let end = text.len() - 1;
        let placement = Placement {
            rows: vec![PlacedRow {
                range: 0..end,
                cells: vec![(0..tab, None), (tab + 1..end, None)],
                header: false,
                bbox: None,
            }],
            boxes: vec![PlacedBox {
                range: bx,
                checkbox: Checkbox::new(BoxState::Checked, BoxMethod::Widget),
            }],
        };
        let p = page(raw, &placement);
        assert_eq!(p.rows.len(), 1);
        let cell = &p.rows[0].cells[1];
        let kinds: Vec<_> = cell.toks.iter().map(|t| t.kind).collect();
        assert!(matches!(kinds[0], TokKind::Box(b) if b.method == BoxMethod::Widget && b.ticked()));
        assert!(kinds
            .iter()
            .any(|k| matches!(k, TokKind::Label(crate::vocab::StatusKind::Done))));
        assert_eq!(p.rows[0].cells[0].text(), "O1");
    }
}
