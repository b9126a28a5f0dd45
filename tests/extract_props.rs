//! Property tests of the whole text path: any text made of the pieces real OCR output is
//! made of (Thai, digits of several scripts, tabs, pipes, HTML fragments, checkbox glyphs,
//! status labels, item codes) gives a report, never a panic, and every span lies inside
//! its page's raw text on character boundaries.

use ita_extract::pipeline::{process_bytes, PipelineOptions};
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\u{000C}".to_string()),
        Just(" | ".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<input checked=\"\" type=\"checkbox\"/>".to_string()),
        Just("<input type=\"checkbox\"/>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("</td><td>".to_string()),
        Just("</td></tr></table>".to_string()),
        Just("☐".to_string()),
        Just("☑".to_string()),
        Just("( / )".to_string()),
        Just("[x]".to_string()),
        Just("\u{F0FE}".to_string()),
        Just("ดำเนินการ".to_string()),
        Just("ยังไม่ได้ด าเนินการ".to_string()),
        Just("O๒๖".to_string()),
        Just("๐๙๙".to_string()),
        Just("ตัวชี้วัดที่ ๕".to_string()),
        Just("เทศบาลตำบลโคกสำราญ".to_string()),
        Just("อำเภอบ้านแพ้ว จังหวัดขอนแก่น".to_string()),
        Just("ประจำปีงบประมาณ พ.ศ.๒๕๖๖".to_string()),
        Just("คะแนน ๙๙.๑๘ ระดับ ผ่านดีเยี่ยม".to_string()),
        Just("ប្រធាន".to_string()),
        Just("\u{0E4D}\u{0E32}".to_string()),
        "[ก-ฮะ-ู่-๋ ]{0,12}",
        "[0-9๐-๙.]{0,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_ocr_like_text_gives_a_report_with_valid_spans(pieces in prop::collection::vec(piece(), 0..80)) {
        let text: String = pieces.concat();
        let doc = process_bytes("prop.txt", text.as_bytes(), &PipelineOptions::default());
        let pages: Vec<&str> = text.strip_prefix('\u{FEFF}').unwrap_or(&text).split('\u{000C}').collect();
        let mut spans = Vec::new();
        spans.extend(doc.oit_items.iter().map(|i| i.span.clone()));
        spans.extend(doc.indicators.iter().map(|i| i.span.clone()));
        spans.extend(doc.flags.iter().filter_map(|f| f.span.clone()));
        spans.extend(doc.dates.iter().map(|d| d.span.clone()));
        for s in spans {
            let page = pages[(s.page - 1) as usize];
            prop_assert!(s.byte_start <= s.byte_end && s.byte_end <= page.len(), "{s:?}");
            prop_assert!(page.is_char_boundary(s.byte_start) && page.is_char_boundary(s.byte_end));
        }
    }

    #[test]
    fn any_bytes_give_a_report(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let doc = process_bytes("prop.bin", &bytes, &PipelineOptions::default());
        prop_assert_eq!(doc.schema_version, 1);
    }
}
