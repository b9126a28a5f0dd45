//! Page text to rows of cells of tokens, for every OCR text flavour:
//!
//! - tab-separated rows with inline HTML fragments (`<p>`, `<li>`, `<br>`,
//!   `<input type="checkbox"/>`), as vision-language OCR models write them;
//! - markdown pipe tables (`| a | b<br>c |`);
//! - full HTML tables (`<table><tr><td>`), parsed with the `scraper` HTML parser;
//! - plain OCR lines and `pdftotext -layout` column text (cells split at runs of two
//!   or more spaces, continuation lines indented).
//!
//! Every token keeps its byte range in the *repaired* page text; callers map it back to
//! the raw text with the page's [`crate::normalize::OffsetMap`].

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Ordinary text.
    Text,
    /// A checkbox; `true` when ticked (☑ ☒ ✓ ✔ ■, `[x]`, `( / )`, `checked`, Wingdings ticks).
    Box(bool),
    /// A bare "/" between spaces: a tick drawn without a box, as plain OCR renders one.
    SoftTick,
    /// A status label; `true` for ดำเนินการ (done), `false` for ยังไม่(ได้)ดำเนินการ.
    Label(bool),
    /// A paragraph or line break inside a cell (`<p>`, `<br>`, `<li>`).
    Break,
}

/// One token of a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    pub kind: TokKind,
    /// The token's text (tags removed); empty for boxes and breaks.
    pub text: String,
    /// Byte range in the repaired page text.
    pub range: Range<usize>,
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub toks: Vec<Tok>,
    /// Byte range in the repaired page text.
    pub range: Range<usize>,
    /// Character column where the cell starts (layout text only; 0 otherwise).
    pub col: usize,
}

impl Cell {
    /// The cell's text: text and label tokens joined, whitespace folded.
    pub fn text(&self) -> String {
        join_text(self.toks.iter())
    }

    /// Text of the first paragraph of the cell (up to the first break that follows text,
    /// or the first status mark).
    pub fn first_paragraph(&self) -> String {
        let mut seen_text = false;
        let toks = self.toks.iter().take_while(|t| {
            if t.kind == TokKind::Break && seen_text {
                return false;
            }
            if matches!(
                t.kind,
                TokKind::Box(_) | TokKind::Label(_) | TokKind::SoftTick
            ) && seen_text
            {
                return false;
            }
            if matches!(t.kind, TokKind::Text | TokKind::Label(_)) && !t.text.trim().is_empty() {
                seen_text = true;
            }
            true
        });
        join_text(toks)
    }

    pub fn is_blank(&self) -> bool {
        self.toks.iter().all(|t| match t.kind {
            TokKind::Text => t.text.trim().is_empty(),
            TokKind::Break => true,
            _ => false,
        })
    }

    pub fn has_status(&self) -> bool {
        self.toks
            .iter()
            .any(|t| matches!(t.kind, TokKind::Box(_) | TokKind::Label(_)))
    }
}

/// Join the text of tokens, folding whitespace.
pub fn join_text<'a>(toks: impl Iterator<Item = &'a Tok>) -> String {
    let mut out = String::new();
    for t in toks {
        match t.kind {
            TokKind::Text | TokKind::Label(_) => {
                for w in t.text.split_whitespace() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(w);
                }
            }
            _ => {}
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Tab-separated cells.
    Tsv,
    /// Markdown pipe table row.
    Pipe,
    /// A `<tr>` of an HTML table.
    Html,
    /// Layout text with cells at column positions.
    Layout,
    /// A line of running text (one cell).
    Plain,
    /// An empty line.
    Blank,
}

/// One row: a line of text, or a `<tr>` of an HTML table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
    /// Byte range in the repaired page text.
    pub range: Range<usize>,
    /// Leading spaces, in characters (layout and plain rows).
    pub indent: usize,
    /// True when the row is a `<th>` row or a markdown header row.
    pub header: bool,
}

impl Row {
    /// Index of the first cell that is not blank.
    pub fn first_filled(&self) -> Option<usize> {
        self.cells.iter().position(|c| !c.is_blank())
    }

    pub fn has_status(&self) -> bool {
        self.cells.iter().any(Cell::has_status)
    }

    /// All the row's text, cells joined by " | ".
    pub fn text(&self) -> String {
        self.cells
            .iter()
            .map(Cell::text)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

fn re_tag() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)([^<>]*)>").expect("valid regex")
    })
}

/// Checkbox glyphs and bracket forms, and status labels, in text.
fn re_mark() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            // empty boxes: U+2610 BALLOT BOX, U+25A1 WHITE SQUARE, U+274F/U+2751 shadowed
            // squares, Wingdings U+F0A8 / U+F06F, Wingdings 2 U+F0A3
            r"(?P<empty>[\u{2610}\u{25A1}\u{25FB}\u{274F}\u{2751}\u{F0A8}\u{F06F}\u{F0A3}]|\[\s*\]|\(\s{0,5}\))",
            // ticked: U+2611 BALLOT BOX WITH CHECK, U+2612 WITH X, U+2713/U+2714 check
            // marks, U+25A0 BLACK SQUARE, U+25FC, U+2705, U+2716; Wingdings U+F0FE U+F0FD
            // U+F078, Wingdings 2 U+F052 U+F053 U+F054 U+F050
            r"|(?P<ticked>[\u{2611}\u{2612}\u{2713}\u{2714}\u{25A0}\u{25FC}\u{2705}\u{2716}\u{F0FE}\u{F0FD}\u{F078}\u{F052}\u{F053}\u{F054}\u{F050}]|\[\s*[xX\u{2713}\u{2714}/\u{2715}\u{2717}]\s*\]|\(\s*[xX\u{2713}\u{2714}/]\s*\))",
            // status labels, tolerant of SARA AM broken into NIKHAHIT + SARA AA, lost, or
            // spaced apart (DESIGN.md §3)
            r"|(?P<notdone>ยัง\s?ไม่\s?(?:ได้\s?)?ด\s?(?:ำ|ํ\s?า|า\s?ํ|า)\s?เนิน(?:\s?การ)?)",
            r"|(?P<done>ด\s?(?:ำ|ํ\s?า|า\s?ํ|า)\s?เนิน\s?การ(?:\s?แล้ว)?)",
            r"|(?P<soft>(?:^|\s)/(?:\s|$))",
        ))
        .expect("valid regex")
    })
}

fn is_thai_letter(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c) || ('\u{0E30}'..='\u{0E4E}').contains(&c)
}

/// Tokenize plain text (no tags) starting at byte `base` of the page text.
fn tokenize_text(s: &str, base: usize, out: &mut Vec<Tok>) {
    let mut last = 0;
    for caps in re_mark().captures_iter(s) {
        let m = caps.get(0).expect("group 0");
        let kind = if caps.name("empty").is_some() {
            TokKind::Box(false)
        } else if caps.name("ticked").is_some() {
            TokKind::Box(true)
        } else if caps.name("soft").is_some() {
            TokKind::SoftTick
        } else {
            // A label must stand as a word: not glued to Thai letters on either side
            // ("การดำเนินการ", "ดำเนินการประชุม" are text).
            let before = s[..m.start()].chars().next_back();
            let after = s[m.end()..].chars().next();
            if before.is_some_and(is_thai_letter) || after.is_some_and(is_thai_letter) {
                continue;
            }
            TokKind::Label(caps.name("done").is_some())
        };
        if m.start() > last {
            out.push(Tok {
                kind: TokKind::Text,
                text: s[last..m.start()].to_string(),
                range: base + last..base + m.start(),
            });
        }
        let text = match kind {
            TokKind::Label(_) => m.as_str().to_string(),
            _ => String::new(),
        };
        out.push(Tok {
            kind,
            text,
            range: base + m.start()..base + m.end(),
        });
        last = m.end();
    }
    if last < s.len() {
        out.push(Tok {
            kind: TokKind::Text,
            text: s[last..].to_string(),
            range: base + last..base + s.len(),
        });
    }
}

/// Tokenize a cell that may hold inline HTML fragments. Tags are markers here (the
/// fragment is flat: paragraphs, list items, breaks, checkbox inputs), so they are
/// recognised in place to keep exact byte ranges.
fn tokenize_cell(s: &str, base: usize) -> Vec<Tok> {
    let mut toks = Vec::new();
    if !s.contains('<') {
        tokenize_text(s, base, &mut toks);
        return toks;
    }
    let mut last = 0;
    for caps in re_tag().captures_iter(s) {
        let m = caps.get(0).expect("group 0");
        let name = caps[2].to_ascii_lowercase();
        let attrs = caps[3].to_ascii_lowercase();
        tokenize_text(&s[last..m.start()], base + last, &mut toks);
        last = m.end();
        let range = base + m.start()..base + m.end();
        match name.as_str() {
            "input" if attrs.contains("checkbox") || attrs.contains("checked") => toks.push(Tok {
                kind: TokKind::Box(has_checked_attr(&attrs)),
                text: String::new(),
                range,
            }),
            "p" | "br" | "li" | "ul" | "ol" | "div" | "tr" | "td" | "th" | "table" | "h1"
            | "h2" | "h3" | "h4" => toks.push(Tok {
                kind: TokKind::Break,
                text: String::new(),
                range,
            }),
            _ => {}
        }
    }
    tokenize_text(&s[last..], base + last, &mut toks);
    toks
}

/// Whether an `<input>` tag's attributes carry `checked` (HTML: a boolean attribute,
/// present means ticked, whatever its value).
fn has_checked_attr(attrs: &str) -> bool {
    attrs
        .split(|c: char| c.is_whitespace() || c == '/')
        .any(|a| a == "checked" || a.starts_with("checked="))
}

/// Split a page's repaired text into rows.
pub fn rows_of(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(raw_line) = lines.next() {
        let start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if line.to_ascii_lowercase().contains("<table") {
            // Gather the whole table block, then parse it as HTML.
            let mut end = offset;
            let mut block = line.to_string();
            let mut closed = block.to_ascii_lowercase().contains("</table");
            while !closed {
                let Some(next) = lines.next() else { break };
                end += next.len();
                offset += next.len();
                block.push('\n');
                block.push_str(next.trim_end_matches(['\n', '\r']));
                closed = next.to_ascii_lowercase().contains("</table");
            }
            let _ = end;
            rows.extend(html_table_rows(&text[start..offset], start));
            continue;
        }
        rows.push(line_row(line, start));
    }
    rows
}

/// One line of text as a row.
fn line_row(line: &str, start: usize) -> Row {
    let range = start..start + line.len();
    if line.trim().is_empty() {
        return Row {
            kind: RowKind::Blank,
            cells: Vec::new(),
            range,
            indent: 0,
            header: false,
        };
    }
    let indent = line.chars().take_while(|c| *c == ' ').count();
    if line.contains('\t') {
        let mut cells = Vec::new();
        let mut pos = 0;
        for part in line.split('\t') {
            cells.push(Cell {
                toks: tokenize_cell(part, start + pos),
                range: start + pos..start + pos + part.len(),
                col: 0,
            });
            pos += part.len() + 1;
        }
        return Row {
            kind: RowKind::Tsv,
            cells,
            range,
            indent,
            header: false,
        };
    }
    let trimmed = line.trim();
    if trimmed.starts_with('|') && trimmed.len() > 1 && trimmed[1..].contains('|') {
        let lead = line.len() - line.trim_start().len();
        let inner_start = lead + 1;
        let inner = trimmed[1..].strip_suffix('|').unwrap_or(&trimmed[1..]);
        let is_separator = inner
            .chars()
            .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '\t'));
        let mut cells = Vec::new();
        let mut pos = inner_start;
        for part in inner.split('|') {
            cells.push(Cell {
                toks: tokenize_cell(part, start + pos),
                range: start + pos..start + pos + part.len(),
                col: 0,
            });
            pos += part.len() + 1;
        }
        return Row {
            kind: if is_separator {
                RowKind::Blank
            } else {
                RowKind::Pipe
            },
            cells: if is_separator { Vec::new() } else { cells },
            range,
            indent: 0,
            header: false,
        };
    }
    // Layout text: cells at runs of two or more spaces.
    let mut cells = Vec::new();
    let mut cell_start: Option<usize> = None;
    let mut spaces = 0;
    let mut col = 0;
    let mut cell_col = 0;
    let mut last_nonspace_end = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\u{3000}' {
            spaces += 1;
        } else {
            if cell_start.is_none() {
                cell_start = Some(i);
                cell_col = col;
            } else if spaces >= 2 && !line[..last_nonspace_end].ends_with(['(', '[']) {
                let s = cell_start.expect("cell started");
                let part = &line[s..last_nonspace_end];
                cells.push(Cell {
                    toks: tokenize_cell(part, start + s),
                    range: start + s..start + last_nonspace_end,
                    col: cell_col,
                });
                cell_start = Some(i);
                cell_col = col;
            }
            spaces = 0;
            last_nonspace_end = i + c.len_utf8();
        }
        // Thai combining marks take no column of their own.
        if !is_combining(c) {
            col += 1;
        }
    }
    if let Some(s) = cell_start {
        let part = &line[s..last_nonspace_end];
        cells.push(Cell {
            toks: tokenize_cell(part, start + s),
            range: start + s..start + last_nonspace_end,
            col: cell_col,
        });
    }
    Row {
        kind: if cells.len() > 1 || indent >= 2 {
            RowKind::Layout
        } else {
            RowKind::Plain
        },
        cells,
        range,
        indent,
        header: false,
    }
}

/// Thai above/below vowels and tone marks (zero-width on the page).
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Rows of an HTML `<table>` block, parsed with a real HTML parser. Byte ranges are
/// found by locating each text node and input tag in the block in document order.
fn html_table_rows(block: &str, base: usize) -> Vec<Row> {
    use scraper::{Html, Node, Selector};
    let doc = Html::parse_fragment(block);
    let (Ok(tr_sel), Ok(cell_sel)) = (Selector::parse("tr"), Selector::parse("td, th")) else {
        return Vec::new();
    };
    let lower = block.to_ascii_lowercase();
    let mut cursor = 0usize;
    let mut rows = Vec::new();
    for tr in doc.select(&tr_sel) {
        let row_start = lower[cursor..]
            .find("<tr")
            .map(|i| cursor + i)
            .unwrap_or(cursor);
        let mut cells = Vec::new();
        let mut header = false;
        for cell in tr.select(&cell_sel) {
            header |= cell.value().name() == "th";
            let cell_start = lower[cursor..]
                .find("<t")
                .map(|i| cursor + i)
                .unwrap_or(cursor);
            let mut toks = Vec::new();
            for node in cell.descendants() {
                match node.value() {
                    Node::Text(t) => {
                        let t: &str = t;
                        let trimmed = t.trim();
                        if trimmed.is_empty() {
                            continue;
                        }
                        match block[cursor..].find(trimmed) {
                            Some(i) => {
                                let at = cursor + i;
                                tokenize_text(trimmed, base + at, &mut toks);
                                cursor = at + trimmed.len();
                            }
                            None => {
                                // Text the parser changed (entities, whitespace): keep it,
                                // placed at the cursor.
                                let before = toks.len();
                                tokenize_text(trimmed, base + cursor, &mut toks);
                                for t in &mut toks[before..] {
                                    t.range = base + cursor..base + cursor;
                                }
                            }
                        }
                    }
                    Node::Element(e) => {
                        let name = e.name();
                        let at = lower[cursor..]
                            .find(&format!("<{name}"))
                            .map(|i| cursor + i);
                        let tag_range = at
                            .map(|a| {
                                let end = block[a..]
                                    .find('>')
                                    .map(|j| a + j + 1)
                                    .unwrap_or(block.len());
                                a..end
                            })
                            .unwrap_or(cursor..cursor);
                        match name {
                            "input" => {
                                let ty = e.attr("type").unwrap_or("").to_ascii_lowercase();
                                if ty == "checkbox" || e.attr("checked").is_some() {
                                    toks.push(Tok {
                                        kind: TokKind::Box(e.attr("checked").is_some()),
                                        text: String::new(),
                                        range: base + tag_range.start..base + tag_range.end,
                                    });
                                    cursor = tag_range.end.max(cursor);
                                }
                            }
                            "p" | "br" | "li" | "div" => {
                                toks.push(Tok {
                                    kind: TokKind::Break,
                                    text: String::new(),
                                    range: base + tag_range.start..base + tag_range.end,
                                });
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            let cell_end = lower[cursor..]
                .find("</t")
                .map(|i| cursor + i)
                .unwrap_or(cursor);
            cells.push(Cell {
                toks,
                range: base + cell_start.min(cell_end)..base + cell_end,
                col: 0,
            });
        }
        let row_end = lower[cursor..]
            .find("</tr")
            .map(|i| cursor + i + 5)
            .unwrap_or(cursor)
            .min(block.len());
        cursor = row_end.max(cursor);
        rows.push(Row {
            kind: RowKind::Html,
            cells,
            range: base + row_start..base + row_end.max(row_start),
            indent: 0,
            header,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(row: &Row) -> Vec<TokKind> {
        row.cells
            .iter()
            .flat_map(|c| c.toks.iter().map(|t| t.kind))
            .filter(|k| *k != TokKind::Text)
            .collect()
    }

    #[test]
    fn tsv_row_with_inline_html() {
        let line = "๐๑\tโครงสร้าง\t<p>ยังไม่ดำเนินการ <input type=\"checkbox\"/></p> <p>ดำเนินการ <input checked=\"\" type=\"checkbox\"/></p>";
        let rows = rows_of(line);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].kind, RowKind::Tsv);
        assert_eq!(rows[0].cells.len(), 3);
        assert_eq!(
            kinds(&rows[0]),
            vec![
                TokKind::Break,
                TokKind::Label(false),
                TokKind::Box(false),
                TokKind::Break,
                TokKind::Break,
                TokKind::Label(true),
                TokKind::Box(true),
                TokKind::Break
            ]
        );
    }

    #[test]
    fn glyph_and_bracket_boxes() {
        let cases: &[(&str, Vec<TokKind>)] = &[
            (
                "☐ ยังไม่ได้ดำเนินการ ☑ ดำเนินการ",
                vec![
                    TokKind::Box(false),
                    TokKind::Label(false),
                    TokKind::Box(true),
                    TokKind::Label(true),
                ],
            ),
            (
                "[ ] ยังไม่ดำเนินการ [x] ดำเนินการ",
                vec![
                    TokKind::Box(false),
                    TokKind::Label(false),
                    TokKind::Box(true),
                    TokKind::Label(true),
                ],
            ),
            (
                "( / ) ดำเนินการ (   ) ยังไม่ได้ดำเนินการ",
                vec![
                    TokKind::Box(true),
                    TokKind::Label(true),
                    TokKind::Box(false),
                    TokKind::Label(false),
                ],
            ),
            (
                "\u{F0FE} ดำเนินการ \u{F0A8} ยังไม่ได้ดำเนินการ",
                vec![
                    TokKind::Box(true),
                    TokKind::Label(true),
                    TokKind::Box(false),
                    TokKind::Label(false),
                ],
            ),
            (
                "\u{F052} ดำเนินการ \u{F0A3} ยังไม่ได้ดำเนินการ",
                vec![
                    TokKind::Box(true),
                    TokKind::Label(true),
                    TokKind::Box(false),
                    TokKind::Label(false),
                ],
            ),
            ("-ดำเนินการประชุม การดำเนินการ", vec![]),
            ("ยังไม่ได้ด าเนินการ", vec![TokKind::Label(false)]),
        ];
        for (text, want) in cases {
            let rows = rows_of(text);
            assert_eq!(&kinds(&rows[0]), want, "{text}");
        }
    }

    #[test]
    fn pipe_rows_and_separators() {
        let rows = rows_of("| ข้อ | ข้อมูล |\n|---|---|\n| O1 | โครงสร้าง<br>ต่อ |");
        assert_eq!(rows[0].kind, RowKind::Pipe);
        assert_eq!(rows[1].kind, RowKind::Blank);
        assert_eq!(rows[2].cells[1].text(), "โครงสร้าง ต่อ");
    }

    #[test]
    fn layout_columns() {
        let rows = rows_of("O1   โครงสร้าง     ☑ ดำเนินการ\n     ต่อท้าย");
        assert_eq!(rows[0].kind, RowKind::Layout);
        assert_eq!(rows[0].cells.len(), 3);
        assert_eq!(rows[1].indent, 5);
        assert_eq!(rows[1].cells[0].col, 5);
    }

    #[test]
    fn html_table_spans_point_at_text() {
        let text = "<table>\n<tr><th>ข้อ</th><th>ข้อมูล</th></tr>\n<tr><td>O2</td><td>ข้อมูลผู้บริหาร <input type=\"checkbox\" checked> ดำเนินการ</td></tr>\n</table>";
        let rows = rows_of(text);
        assert_eq!(rows.len(), 2);
        assert!(rows[0].header);
        let cell = &rows[1].cells[1];
        let t = &cell.toks[0];
        assert_eq!(&text[t.range.clone()], "ข้อมูลผู้บริหาร");
        assert!(cell.toks.iter().any(|t| t.kind == TokKind::Box(true)));
    }
}
