//! The model printed back as text, page by page (`ita-extract text`): one line per row,
//! cells separated by TAB, checkboxes as ☐ ☑ ☒ where they stand (a mark typed as text
//! keeps its text), breaks inside a cell as a space, whitespace folded. Text inputs come
//! out repaired and without markup: an HTML table row is a line of cells like any other.

use super::{BoxMethod, BoxState, Cell, Page, RowKind, TokKind};

/// The character a checkbox is shown as.
pub fn box_char(state: BoxState) -> char {
    match state {
        BoxState::Unchecked => '\u{2610}',
        BoxState::Checked => '\u{2611}',
        BoxState::Crossed => '\u{2612}',
    }
}

fn push_folded(out: &mut String, s: &str) {
    for (i, w) in s.split(char::is_whitespace).enumerate() {
        if i > 0 && !out.ends_with(' ') && !out.is_empty() && !out.ends_with('\t') {
            out.push(' ');
        }
        out.push_str(w);
    }
}

fn cell_text(page: &Page, cell: &Cell, out: &mut String) {
    let start = out.len();
    for t in &cell.toks {
        match t.kind {
            TokKind::Text | TokKind::Label(_) => push_folded(out, &t.text),
            TokKind::Box(b) => {
                let shown = if b.method == BoxMethod::Typed {
                    page.rep
                        .text
                        .get(t.range.clone())
                        .unwrap_or("")
                        .trim()
                        .to_string()
                } else {
                    box_char(b.state).to_string()
                };
                if out.len() > start && !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(&shown);
                out.push(' ');
            }
            TokKind::Break => {
                if out.len() > start && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    while out.len() > start && out.ends_with(' ') {
        out.pop();
    }
    let lead = out[start..].len() - out[start..].trim_start().len();
    out.replace_range(start..start + lead, "");
}

/// The page as text: one line per row.
pub fn page(page: &Page) -> String {
    let mut out = String::with_capacity(page.rep.text.len());
    for row in &page.rows {
        if row.kind != RowKind::Blank {
            if row.kind == RowKind::Layout || row.kind == RowKind::Plain {
                out.extend(std::iter::repeat_n(' ', row.indent));
            }
            // Layout text keeps its cells apart as it wrote them: two spaces.
            let sep = if row.kind == RowKind::Layout {
                "  "
            } else {
                "\t"
            };
            for (i, cell) in row.cells.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                cell_text(page, cell, &mut out);
            }
            while out.ends_with('\t') {
                out.pop();
            }
        }
        out.push('\n');
    }
    // The last line ends as the page's text does (a text page's last line may have no
    // line break; a form feed follows it).
    if !page.rep.text.ends_with('\n') && out.ends_with('\n') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::PageText;

    #[test]
    fn rows_cells_and_boxes() {
        let raw = PageText::new(
            1,
            "<table><tr><td>O1</td><td>โครงสร้าง <input checked type=\"checkbox\"> ด\u{0E4D}\u{0E32}เนินการ</td></tr></table>\nข้อ  [x] ดำเนินการ".into(),
        );
        let p = crate::layout::text::page(raw);
        assert_eq!(page(&p), "O1\tโครงสร้าง ☑ ดำเนินการ\nข้อ  [x] ดำเนินการ");
    }
}
