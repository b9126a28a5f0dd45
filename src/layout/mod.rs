//! The typed layout model: what every reader produces and the only thing the extractor
//! reads.
//!
//! ```text
//! Doc ─▶ Page (raw text, repaired text + offset map) ─▶ Block (heading, paragraph, table)
//!                                                   └─▶ Row ─▶ Cell ─▶ Token
//!                                                                       ├ Text
//!                                                                       ├ Box(Checkbox {state, method, confidence, bbox})
//!                                                                       ├ Label(done | not_done | in_progress)
//!                                                                       └ Break
//! ```
//!
//! Every node carries its byte range in the page's *repaired* text (mapped back to the
//! raw text, the one a person sees, by [`Page::span`]) and, for PDFs and scans, its box on
//! the page. Readers build pages through [`text::page`] (OCR text of every flavour) or
//! [`pdf::page`] (cells and checkboxes placed by the PDF reader or the OCR engine); the
//! page's text is repaired once, here, whatever its origin.
//!
//! [`render`] prints a page back as text (`ita-extract text`).

pub mod pdf;
pub mod render;
pub mod text;

use crate::normalize::{self, Repaired};
use crate::source::{BBox, PageText, Span};
use crate::vocab::StatusKind;
use std::ops::Range;

/// The state a checkbox shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxState {
    Checked,
    Unchecked,
    Crossed,
}

/// How a checkbox was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxMethod {
    /// A box or tick character (Unicode, or a symbol-font code).
    Glyph,
    /// An HTML `<input type="checkbox">` and its `checked` attribute.
    Attribute,
    /// A PDF form widget (AcroForm `/Btn`).
    Widget,
    /// A square drawn with path operators (with diagonals when ticked).
    Vector,
    /// Dark pixels in a box or column of a scanned page.
    Pixels,
    /// A mark typed as text: `[x]`, `( / )`, a bare `/`.
    Typed,
}

/// A checkbox, attached as a token to the cell where it stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Checkbox {
    pub state: BoxState,
    pub method: BoxMethod,
    /// 1.0 for a box the reader is sure of; lower for a bare typed mark or a faint tick.
    pub confidence: f32,
    pub bbox: Option<BBox>,
}

impl Checkbox {
    pub fn new(state: BoxState, method: BoxMethod) -> Self {
        Checkbox {
            state,
            method,
            confidence: 1.0,
            bbox: None,
        }
    }

    /// Ticked or crossed.
    pub fn ticked(&self) -> bool {
        self.state != BoxState::Unchecked
    }

    /// A bare typed mark ("/" between spaces): it counts only where a row has no boxes.
    pub fn is_soft(&self) -> bool {
        self.method == BoxMethod::Typed && self.confidence < 0.75
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TokKind {
    /// Ordinary text.
    Text,
    /// A checkbox or a tick mark.
    Box(Checkbox),
    /// A status label ([`crate::vocab::status_labels`]).
    Label(StatusKind),
    /// A paragraph or line break inside a cell (`<p>`, `<br>`, `<li>`, a wrapped line).
    Break,
}

impl TokKind {
    /// A box or a label: a mark that carries status.
    pub fn is_mark(&self) -> bool {
        matches!(self, TokKind::Box(_) | TokKind::Label(_))
    }

    /// A box that is not a bare typed mark.
    pub fn is_real_box(&self) -> bool {
        matches!(self, TokKind::Box(b) if !b.is_soft())
    }
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
    /// Box on the page (PDFs and scans).
    pub bbox: Option<BBox>,
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
            if t.kind.is_mark() && seen_text {
                return false;
            }
            // Dashes standing for empty status columns before the title ("๐๑ - - x
            // โครงสร้าง") are not yet the paragraph's text.
            if matches!(t.kind, TokKind::Text | TokKind::Label(_))
                && t.text.chars().any(char::is_alphanumeric)
            {
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

    /// Whether the cell holds a box (not a bare typed mark) or a label.
    pub fn has_status(&self) -> bool {
        self.toks
            .iter()
            .any(|t| t.kind.is_real_box() || matches!(t.kind, TokKind::Label(_)))
    }

    /// Whether the cell holds any checkbox or mark, bare typed marks included.
    pub fn has_box(&self) -> bool {
        self.toks.iter().any(|t| matches!(t.kind, TokKind::Box(_)))
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

/// What a row is, by how its reader found its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A row of explicit cells: TAB-separated text, or a table row placed by the PDF
    /// reader or the OCR engine.
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

/// One row: a line of text, a table row, or a `<tr>` of an HTML table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
    /// Byte range in the repaired page text.
    pub range: Range<usize>,
    /// Leading spaces, in characters (layout and plain rows).
    pub indent: usize,
    /// True when the row is a `<th>` row, a markdown header row, or the first row of a
    /// ruled PDF table.
    pub header: bool,
    /// Box on the page (PDFs and scans).
    pub bbox: Option<BBox>,
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

/// What a block of rows is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A short line standing alone before other content.
    Heading,
    /// Running text.
    Paragraph,
    /// Rows of two or more cells (or of one table).
    Table,
}

/// Consecutive rows of one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// Indexes into [`Page::rows`].
    pub rows: Range<usize>,
}

/// One page of the model.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page's raw text as read, with its line index (spans point into it).
    pub raw: PageText,
    /// The repaired text and its offset map back to `raw`.
    pub rep: Repaired,
    pub rows: Vec<Row>,
    pub blocks: Vec<Block>,
    /// Reader limits the page reached (`limit_reached`, [`text::LayoutLimits`]); they
    /// move into the document's flags ([`Doc::take_flags`]).
    pub flags: Vec<crate::diagnostic::Flag>,
}

impl Page {
    /// A page of rows, grouped into blocks.
    pub fn new(raw: PageText, rep: Repaired, rows: Vec<Row>) -> Self {
        let blocks = blocks_of(&rows);
        Page {
            raw,
            rep,
            rows,
            blocks,
            flags: Vec::new(),
        }
    }

    /// The page number, from 1.
    pub fn number(&self) -> u32 {
        self.raw.number
    }

    /// The span (into the raw text) of a byte range of the repaired text, with the box
    /// of the raw text where the reader placed it.
    pub fn span(&self, range: Range<usize>) -> Span {
        self.raw.span(self.rep.map.range_to_raw(range))
    }

    /// The raw text behind a range of the repaired text.
    pub fn raw_text(&self, range: Range<usize>) -> &str {
        let r = self.rep.map.range_to_raw(range);
        let s = crate::source::floor_char_boundary(&self.raw.text, r.start);
        let e = crate::source::floor_char_boundary(&self.raw.text, r.end.max(s));
        &self.raw.text[s..e]
    }
}

/// A document in the model.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub pages: Vec<Page>,
}

impl Doc {
    /// The flags of every page (reader limits reached), taken out of the pages, in page
    /// order.
    pub fn take_flags(&mut self) -> Vec<crate::diagnostic::Flag> {
        self.pages
            .iter_mut()
            .flat_map(|p| std::mem::take(&mut p.flags))
            .collect()
    }
}

/// Repair a page's raw text once, with the pipeline's options.
pub fn repair(raw: &PageText) -> Repaired {
    normalize::repair(&raw.text, &normalize::Options::default())
}

/// Group a page's rows into blocks: runs of table rows (two or more cells, or rows of a
/// pipe or HTML table), and running text, where a short line alone before other content
/// is a heading.
pub fn blocks_of(rows: &[Row]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let is_table = |r: &Row| {
        matches!(r.kind, RowKind::Pipe | RowKind::Html)
            || (matches!(r.kind, RowKind::Tsv | RowKind::Layout) && r.cells.len() >= 2)
    };
    let mut i = 0;
    while i < rows.len() {
        if rows[i].kind == RowKind::Blank {
            i += 1;
            continue;
        }
        let table = is_table(&rows[i]);
        let start = i;
        while i < rows.len()
            && rows[i].kind != RowKind::Blank
            && (is_table(&rows[i]) == table || (table && rows[i].kind != RowKind::Plain))
        {
            i += 1;
        }
        let kind = if table {
            BlockKind::Table
        } else if i - start == 1 && rows[start].text().chars().count() <= 80 {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        out.push(Block {
            kind,
            rows: start..i,
        });
    }
    out
}
