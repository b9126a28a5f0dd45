//! The seed OCR report (fixtures/seed_1afe833d.txt, a real-shaped VLM OCR output of one
//! municipality's 2566 report): what issue 3 says must come out of it, then a golden
//! snapshot of the whole document JSON.

use ita_extract::model::{Document, ItemStatus};
use ita_extract::pipeline::{process_path, PipelineOptions};
use std::collections::BTreeSet;
use std::path::Path;

fn seed() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed_1afe833d.txt");
    let mut doc = process_path(&path, &PipelineOptions::default());
    doc.source.path = "fixtures/seed_1afe833d.txt".to_string();
    doc
}

#[test]
fn seed_metadata() {
    let d = seed();
    assert_eq!(d.agency.name.as_deref(), Some("เทศบาลตำบลโคกสำราญ"));
    assert_eq!(d.agency.agency_type.as_deref(), Some("เทศบาลตำบล"));
    assert_eq!(d.agency.subdistrict.as_deref(), Some("โคกสำราญ"));
    assert_eq!(d.agency.province.as_deref(), Some("ขอนแก่น"));
    // As stated: อำเภอบ้านแพ้ว is not in ขอนแก่น; the gazetteer's consistent place is
    // ตำบลโคกสำราญ อำเภอบ้านแฮด จังหวัดขอนแก่น (402402), and the conflict is flagged.
    assert_eq!(d.agency.stated.district.as_deref(), Some("บ้านแพ้ว"));
    assert_eq!(d.agency.district.as_deref(), Some("บ้านแฮด"));
    assert_eq!(d.agency.geocode.as_deref(), Some("402402"));
    assert_eq!(d.fiscal_year, Some(2566));
    assert_eq!(d.overall_score, Some(99.18));
    assert_eq!(d.level.as_deref(), Some("ผ่านดีเยี่ยม"));
    assert_eq!(d.catalogue.as_deref(), Some("2566-2567"));
}

#[test]
fn seed_items() {
    let d = seed();
    let codes: Vec<String> = d.oit_items.iter().filter_map(|i| i.code.clone()).collect();
    let want: Vec<String> = (1..=43).map(|n| format!("O{n}")).collect();
    assert_eq!(codes, want, "all 43 OIT items in order");
    let corrected: Vec<(&str, &str)> = d
        .oit_items
        .iter()
        .filter(|i| i.code_corrected)
        .map(|i| {
            (
                i.code.as_deref().unwrap_or(""),
                i.raw_code.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        corrected,
        vec![
            ("O39", "๐๙๙"),
            ("O40", "๐๕๐"),
            ("O41", "๐๕๑"),
            ("O42", "๐๕๒"),
            ("O43", "๐๕๓")
        ]
    );
    for item in &d.oit_items {
        let want = if item.code.as_deref() == Some("O38") {
            // O38's row carries no tick of its own.
            ItemStatus::Unknown
        } else {
            ItemStatus::Done
        };
        assert_eq!(item.status, want, "{:?}", item.code);
    }
    let o38 = &d.oit_items[37];
    assert!(d
        .flags
        .iter()
        .any(|f| f.code.as_str() == "status_missing" && f.span.as_ref() == Some(&o38.span)));
}

#[test]
fn seed_indicators() {
    let d = seed();
    let got: Vec<(u32, ItemStatus)> = d.indicators.iter().map(|i| (i.number, i.status)).collect();
    let want: Vec<(u32, ItemStatus)> = (1..=8)
        .map(|n| {
            (
                n,
                if n == 5 {
                    ItemStatus::NotDone
                } else {
                    ItemStatus::Done
                },
            )
        })
        .collect();
    assert_eq!(got, want);
    let contradicted: Vec<&str> = d
        .flags
        .iter()
        .filter(|f| f.code.as_str() == "status_contradicts_text")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(contradicted.len(), 1);
    assert!(contradicted[0].starts_with("indicator 5"));
}

#[test]
fn seed_flags() {
    let d = seed();
    let codes: BTreeSet<&str> = d.flags.iter().map(|f| f.code.as_str()).collect();
    for want in [
        "foreign_script",
        "repeated_text",
        "other_agency",
        "location_mismatch",
        "item_code_corrected",
        "status_contradicts_text",
    ] {
        assert!(codes.contains(want), "missing flag {want}");
    }
    for unwanted in [
        "item_missing",
        "item_duplicate",
        "year_mismatch",
        "status_conflict",
    ] {
        assert!(!codes.contains(unwanted), "unexpected flag {unwanted}");
    }
    let others: BTreeSet<&str> = d
        .flags
        .iter()
        .filter(|f| f.code.as_str() == "other_agency")
        .map(|f| f.message.rsplit(": ").next().unwrap_or(""))
        .collect();
    let want: BTreeSet<&str> = [
        "เทศบาลตำบลสุราษฎร์ธานี",
        "เทศบาลนครเชียงใหม่",
        "เทศบาลตำบลลำปางใหญ่",
    ]
    .into();
    assert_eq!(others, want);
}

#[test]
fn seed_spans_point_at_raw_text() {
    let d = seed();
    let raw = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed_1afe833d.txt"),
    )
    .expect("seed");
    for item in &d.oit_items {
        let s = &item.span;
        let text = &raw[s.byte_start..s.byte_end];
        let raw_code = item.raw_code.as_deref().expect("code written");
        assert!(
            text.starts_with(raw_code),
            "{:?}: span text {text:?}",
            item.code
        );
        let line = raw.lines().nth(s.line as usize - 1).expect("line");
        assert!(line.contains(raw_code));
    }
    let score = d.overall_score_span.as_ref().expect("score span");
    assert_eq!(&raw[score.byte_start..score.byte_end], "๙๙.๑๘");
}

#[test]
fn seed_golden_snapshot() {
    let d = seed();
    insta::assert_json_snapshot!("seed_document", d);
}
