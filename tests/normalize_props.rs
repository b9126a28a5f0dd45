//! Property tests of the Thai text repair (`ita_extract::normalize`): repair never panics,
//! is idempotent, and its offset map sends every position of the repaired text back inside
//! the raw text on a char boundary; text that no repair touched maps back to itself. The
//! parsers never panic and return ranges on char boundaries. Repaired text is always NFC.

use ita_extract::normalize::{
    find_dates, find_item_code, find_number, parse_item_code, repair, Options, Repaired,
};
use proptest::prelude::*;

/// Pieces that exercise every rule: Thai consonants, vowels, marks, NIKHAHIT + SARA AA,
/// digits of several scripts, PUA glyphs, zero-width characters, entity fragments, spaces,
/// tabs, line breaks, look-alikes of O, combining Latin accents.
const PIECES: &[&str] = &[
    "ก",
    "ข",
    "ค",
    "ด",
    "ต",
    "ท",
    "น",
    "ส",
    "อ",
    "ร",
    "ฤ",
    "เ",
    "แ",
    "โ",
    "ไ",
    "า",
    "ำ",
    "ะ",
    "ๅ",
    "ั",
    "ิ",
    "ี",
    "ึ",
    "ื",
    "ุ",
    "ู",
    "ฺ",
    "็",
    "่",
    "้",
    "๊",
    "๋",
    "์",
    "ํ",
    "๎",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "๐",
    "๑",
    "๙",
    "០",
    "໑",
    "၂",
    "３",
    "0",
    "5",
    ".",
    ",",
    "-",
    "/",
    "\u{F70A}",
    "\u{F710}",
    "\u{F700}",
    "\u{F899}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{00AD}",
    "&",
    "&amp;",
    "&amp",
    "&#3585;",
    "&#x0E33;",
    "&#8203;",
    "&lt;",
    ";",
    "#",
    "O",
    "o",
    "Online",
    "e\u{0301}",
    "\u{0301}",
    "\u{00A0}",
    "\u{3000}",
    "ส าหรับ",
    "ควำม",
    "กำร",
    "ดาเนิน",
    "ต.ค.",
    "มี.ค.",
    "พ.ศ.",
    "กุมภาพันธ์",
    "ทํา",
    "ดำา",
    "a",
    "Z",
];

fn thaiish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![thaiish(), any::<String>(), "[ -~\u{0E00}-\u{0E7F}]{0,40}"]
}

fn all_options() -> [Options; 3] {
    [
        Options::default(),
        Options {
            fold_spaces: true,
            ..Options::default()
        },
        Options {
            sara_am_lost: true,
            fold_spaces: true,
            ..Options::default()
        },
    ]
}

/// Every char boundary of `s`, its length included.
fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect()
}

fn check_map(raw: &str, r: &Repaired) -> Result<(), TestCaseError> {
    let mut last = 0;
    for o in boundaries(&r.text) {
        let p = r.map.to_raw(o);
        prop_assert!(
            p <= raw.len(),
            "out {} -> raw {} beyond {}",
            o,
            p,
            raw.len()
        );
        prop_assert!(
            raw.is_char_boundary(p),
            "out {} -> raw {} not a boundary",
            o,
            p
        );
        prop_assert!(p >= last, "map not monotone at out {}", o);
        last = p;
    }
    prop_assert_eq!(r.map.to_raw(r.text.len()), raw.len());
    for (i, c) in r.text.char_indices() {
        let out = i..i + c.len_utf8();
        let back = r.map.range_to_raw(out.clone());
        prop_assert!(back.start <= back.end && back.end <= raw.len());
        prop_assert!(raw.is_char_boundary(back.start) && raw.is_char_boundary(back.end));
        let touched = r
            .repairs
            .iter()
            .any(|x| x.out.start < out.end && out.start < x.out.end || x.out.start == out.start);
        if !touched {
            prop_assert_eq!(
                &raw[back.clone()],
                &r.text[out.clone()],
                "untouched char {:?}",
                c
            );
        }
    }
    for x in &r.repairs {
        prop_assert!(x.raw.start <= x.raw.end && x.raw.end <= raw.len());
        prop_assert!(x.out.start <= x.out.end && x.out.end <= r.text.len());
        prop_assert!(raw.is_char_boundary(x.raw.start) && raw.is_char_boundary(x.raw.end));
        prop_assert!(r.text.is_char_boundary(x.out.start) && r.text.is_char_boundary(x.out.end));
        if !x.out.is_empty() {
            let back = r.map.range_to_raw(x.out.clone());
            prop_assert!(
                back.start <= x.raw.start && x.raw.end <= back.end,
                "repair {:?} not covered by {:?}",
                x,
                back
            );
        }
    }
    Ok(())
}

proptest! {
    // PROPTEST_CASES overrides the number of cases (e.g. 20000 for a long run).
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(600),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn repair_is_idempotent(raw in any_text()) {
        for opts in all_options() {
            let once = repair(&raw, &opts);
            prop_assert!(unicode_normalization::is_nfc(&once.text), "not NFC: {:?}", once.text);
            let twice = repair(&once.text, &opts);
            prop_assert_eq!(&twice.text, &once.text, "opts {:?}", opts);
            prop_assert!(twice.repairs.is_empty(), "second pass repaired {:?}", twice.repairs);
        }
    }

    #[test]
    fn offsets_map_back_inside_raw_on_char_boundaries(raw in any_text()) {
        for opts in all_options() {
            let r = repair(&raw, &opts);
            check_map(&raw, &r)?;
        }
    }

    #[test]
    fn parsers_never_panic_and_stay_on_boundaries(raw in any_text()) {
        for f in find_dates(&raw) {
            prop_assert!(raw.is_char_boundary(f.range.start) && raw.is_char_boundary(f.range.end));
            prop_assert!(f.range.start < f.range.end && f.range.end <= raw.len());
            prop_assert_eq!(f.date.len(), 10);
        }
        if let Some((r, _)) = find_number(&raw) {
            prop_assert!(raw.is_char_boundary(r.start) && raw.is_char_boundary(r.end));
        }
        if let Some((r, n)) = find_item_code(&raw) {
            prop_assert!(raw.is_char_boundary(r.start) && raw.is_char_boundary(r.end));
            prop_assert!((1..=99).contains(&n));
        }
        if let Some((n, len)) = parse_item_code(&raw) {
            prop_assert!(raw.is_char_boundary(len) && n >= 1);
        }
    }
}

#[test]
fn seed_text_repairs_are_idempotent_and_mapped() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed_1afe833d.txt");
    let raw = std::fs::read_to_string(path).expect("seed fixture");
    let opts = Options {
        fold_spaces: true,
        ..Options::default()
    };
    let r = repair(&raw, &opts);
    assert!(
        r.text.contains("สำหรับปี พ.ศ.2566"),
        "broken SARA AM and digits repaired"
    );
    assert!(!r
        .text
        .chars()
        .any(|c| ('\u{0E50}'..='\u{0E59}').contains(&c)));
    assert_eq!(repair(&r.text, &opts).text, r.text);
    check_map(&raw, &r).expect("map holds on the seed");
}
