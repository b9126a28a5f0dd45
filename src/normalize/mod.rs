//! Thai text repair: pure functions, no I/O. Every repair is recorded, and an
//! [`OffsetMap`] maps any byte position of the repaired text back to the raw bytes it
//! came from, so spans always point into the original text.
//!
//! ```text
//! raw ─▶ zero-width ─▶ entities ─▶ PUA ─▶ NFC ─▶ spaces ─▶ SARA AM space join ─▶ marks
//!     ─▶ SARA AM word lists ─▶ digits
//!         (each pass copies unchanged runs in bulk and records its edits as one layer;
//!          a pass's output only feeds later passes, except where it says so ("dirty"):
//!          then the passes run again until nothing dirty changes, so repair is idempotent)
//! ```
//!
//! Modules: one per rule (`digits`, `zero_width`, `entities`, `pua`, `nfc`, `marks`,
//! `sara_am`, `spaces`), the offset map (`offset_map`), and the parsers that read values
//! out of text (`dates`, `numbers`, `codes`).

mod codes;
mod dates;
mod digits;
mod entities;
mod marks;
mod nfc;
mod numbers;
mod offset_map;
mod pua;
mod sara_am;
mod spaces;
mod zero_width;

pub use codes::{find_item_code, parse_item_code};
pub use dates::{find_dates, parse_date, FoundDate};
pub use digits::{ascii_digit, digit_script, digit_scripts, digit_value, digits_to_ascii};
pub use entities::decode_entity;
pub use numbers::{find_number, find_number_text, parse_number};
pub use offset_map::OffsetMap;
pub use pua::pua_to_thai;
pub use zero_width::is_zero_width;

use offset_map::{give_back, Layer, PassOut};
use std::borrow::Cow;
use std::ops::Range;

/// Which repairs to apply. `Default` applies every repair (except the SARA AM "lost" word
/// list, which guesses) and keeps whitespace as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Decimal digits of every script (Thai, Lao, Khmer, Myanmar, full-width ...) to ASCII.
    pub digits: bool,
    /// Rebuild SARA AM from NIKHAHIT + SARA AA, from "ำา", and from "ส าหรับ"-style breaks
    /// where the joined text is a known word.
    pub sara_am: bool,
    /// SARA AM written for SARA AA in frequent words ("ควำม" -> "ความ"); word list.
    pub sara_am_swapped: bool,
    /// SARA AA written for a lost SARA AM ("ดาเนิน" -> "ดำเนิน"); word list, off by default.
    pub sara_am_lost: bool,
    /// Thai font Private Use Area glyphs (U+F700-U+F71A, U+F884-U+F89E) to standard code
    /// points.
    pub pua: bool,
    /// Remove zero-width characters (U+200B-U+200D, U+2060, U+FEFF, U+00AD).
    pub zero_width: bool,
    /// Put duplicated or mis-ordered combining marks in canonical order.
    pub marks: bool,
    /// Decode HTML entities (`&amp;`, `&#3585;`).
    pub entities: bool,
    /// Unicode NFC.
    pub nfc: bool,
    /// Fold runs of spaces to one and trim line ends (tabs and line breaks are kept).
    pub fold_spaces: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            digits: true,
            sara_am: true,
            sara_am_swapped: true,
            sara_am_lost: false,
            pua: true,
            zero_width: true,
            marks: true,
            entities: true,
            nfc: true,
            fold_spaces: false,
        }
    }
}

impl Options {
    /// Every repair off.
    pub fn none() -> Self {
        Options {
            digits: false,
            sara_am: false,
            sara_am_swapped: false,
            sara_am_lost: false,
            pua: false,
            zero_width: false,
            marks: false,
            entities: false,
            nfc: false,
            fold_spaces: false,
        }
    }
}

/// The kinds of repair, as counted in a document's `repairs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RepairKind {
    Digits,
    SaraAm,
    Pua,
    ZeroWidth,
    MarkOrder,
    Entity,
    Nfc,
    Whitespace,
}

impl RepairKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RepairKind::Digits => "digits",
            RepairKind::SaraAm => "sara_am",
            RepairKind::Pua => "pua",
            RepairKind::ZeroWidth => "zero_width",
            RepairKind::MarkOrder => "mark_order",
            RepairKind::Entity => "entity",
            RepairKind::Nfc => "nfc",
            RepairKind::Whitespace => "whitespace",
        }
    }
}

/// One repair: the raw bytes it replaced and the repaired bytes it wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub kind: RepairKind,
    pub raw: Range<usize>,
    pub out: Range<usize>,
}

/// Text after repair, the map back to the raw text, and the repairs made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repaired {
    pub text: String,
    pub map: OffsetMap,
    pub repairs: Vec<Repair>,
}

/// The passes, in order.
#[derive(Debug, Clone, Copy)]
enum Step {
    ZeroWidth,
    Entities,
    Pua,
    Nfc,
    Spaces,
    SaraAmJoin,
    Marks,
    SaraAmPairs,
    Digits,
}

const STEPS: [Step; 9] = [
    Step::ZeroWidth,
    Step::Entities,
    Step::Pua,
    Step::Nfc,
    Step::Spaces,
    Step::SaraAmJoin,
    Step::Marks,
    Step::SaraAmPairs,
    Step::Digits,
];

/// The pipeline repeats while a round made a dirty change; real text settles in one round
/// (two for double-escaped entities and the like). The property tests check that a second
/// `repair` changes nothing.
const MAX_ROUNDS: usize = 8;

fn run_step(step: Step, text: &str, opts: &Options) -> Option<PassOut> {
    match step {
        Step::ZeroWidth if opts.zero_width => zero_width::pass(text),
        Step::Entities if opts.entities => entities::pass(text),
        Step::Pua if opts.pua => pua::pass(text),
        Step::Nfc if opts.nfc => nfc::pass(text),
        Step::Marks => marks::pass(text, opts),
        Step::SaraAmPairs => sara_am::pass_pairs(text, opts),
        Step::SaraAmJoin => sara_am::pass_join(text, opts),
        Step::Digits if opts.digits => digits::pass(text),
        Step::Spaces if opts.fold_spaces => spaces::pass(text),
        _ => None,
    }
}

/// Run the passes to a fixed point, calling `layer` with every pass output.
fn run_passes<'a>(raw: &'a str, opts: &Options, mut layer: impl FnMut(&PassOut)) -> Cow<'a, str> {
    let mut cur: Cow<'a, str> = Cow::Borrowed(raw);
    for _ in 0..MAX_ROUNDS {
        let mut dirty = false;
        for step in STEPS {
            if let Some(p) = run_step(step, &cur, opts) {
                dirty |= p.dirty;
                layer(&p);
                if let Cow::Owned(old) = std::mem::replace(&mut cur, Cow::Owned(p.text)) {
                    give_back(old);
                }
            }
        }
        if !dirty {
            break;
        }
    }
    cur
}

/// Apply the repairs `opts` asks for to `raw`.
pub fn repair(raw: &str, opts: &Options) -> Repaired {
    let mut layers: Vec<Layer> = Vec::new();
    let mut recs: Vec<(usize, RepairKind, Range<usize>, Range<usize>)> = Vec::new();
    let text = run_passes(raw, opts, |p| {
        let k = layers.len();
        for (e, &kind) in p.edits.iter().zip(&p.kinds) {
            recs.push((k, kind, e.src.clone(), e.out.clone()));
        }
        layers.push(Layer {
            edits: p.edits.clone(),
        });
    })
    .into_owned();
    let map = OffsetMap::from_layers(layers, raw.len(), text.len());
    let mut repairs: Vec<Repair> = recs
        .into_iter()
        .map(|(k, kind, src, out)| Repair {
            kind,
            raw: map.back_from(k, src),
            out: map.forward_from(k, out),
        })
        .collect();
    repairs.sort_by(|a, b| {
        (a.out.start, a.raw.start, a.kind, a.out.end).cmp(&(
            b.out.start,
            b.raw.start,
            b.kind,
            b.out.end,
        ))
    });
    // One record per run of adjacent repairs of one kind ("๒๕๖๖" is one digits repair);
    // deletions merge only with deletions, so every record's out range maps back over its
    // raw range.
    let mut merged: Vec<Repair> = Vec::with_capacity(repairs.len());
    for r in repairs {
        match merged.last_mut() {
            Some(last)
                if last.kind == r.kind
                    && last.raw.end == r.raw.start
                    && last.out.end == r.out.start
                    && last.out.is_empty() == r.out.is_empty() =>
            {
                last.raw.end = r.raw.end;
                last.out.end = r.out.end;
            }
            _ => merged.push(r),
        }
    }
    Repaired {
        text,
        map,
        repairs: merged,
    }
}

/// The repaired text only (no map, no records): the fast path for bulk cleaning.
pub fn repair_text<'a>(raw: &'a str, opts: &Options) -> Cow<'a, str> {
    run_passes(raw, opts, |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_every_kind_and_maps_back() {
        let raw = "ส าหรับ&amp;ปี ๒๕๖๖\u{200B} ที\u{F70B}";
        let r = repair(raw, &Options::default());
        assert_eq!(r.text, "สำหรับ&ปี 2566 ที้");
        let kinds: Vec<&str> = r.repairs.iter().map(|x| x.kind.as_str()).collect();
        assert_eq!(kinds, ["sara_am", "entity", "digits", "zero_width", "pua"]);
        for rep in &r.repairs {
            if rep.out.is_empty() {
                assert_eq!(&raw[rep.raw.clone()], "\u{200B}");
            } else {
                assert_eq!(r.map.range_to_raw(rep.out.clone()), rep.raw, "{rep:?}");
            }
        }
        let y = r.text.find("2566").expect("year");
        assert_eq!(&raw[r.map.range_to_raw(y..y + 4)], "๒๕๖๖");
        let a = r.text.find('&').expect("amp");
        assert_eq!(&raw[r.map.range_to_raw(a..a + 1)], "&amp;");
    }

    #[test]
    fn unchanged_text_has_identity_map() {
        let r = repair("plain ภาษาไทย 2566", &Options::default());
        assert_eq!(r.text, "plain ภาษาไทย 2566");
        assert!(r.repairs.is_empty());
        assert!(r.map.is_identity());
        assert_eq!(r.map.to_raw(5), 5);
    }

    #[test]
    fn options_none_changes_nothing() {
        let raw = "ส าหรับ ๒๕๖๖ &amp; ที\u{F70B}\u{200B}  x";
        assert_eq!(repair(raw, &Options::none()).text, raw);
    }

    #[test]
    fn double_escaped_entities_settle() {
        let r = repair("&amp;lt;b&amp;gt;", &Options::default());
        assert_eq!(r.text, "<b>");
        assert_eq!(repair(&r.text, &Options::default()).text, r.text);
    }

    #[test]
    fn repair_text_matches_repair() {
        let o = Options {
            fold_spaces: true,
            ..Options::default()
        };
        let raw = "  ค าสั่ง   ที่ ๑/๒๕๖๖ \tควำม  ";
        assert_eq!(repair_text(raw, &o), repair(raw, &o).text);
        assert_eq!(repair_text(raw, &o), "คำสั่ง ที่ 1/2566\tความ");
    }
}
