//! Status columns found by where the marks stand, as OCR and `pdftotext` write a Word
//! table: a plain line per row with the marks at its end in the header's label order
//! ("-" for an empty column); `pdftotext -layout` columns under a header whose labels wrap
//! onto two lines beneath a spanning "ผลการดำเนินการ"; a label wrapped inside its cell; a
//! code wrapped in its cell with the row going on beside it; a running ordinal before the
//! code; a title written before its code; an indicator-like header over item rows.
//! Each case must give every row its status.

use ita_extract::model::ItemStatus::{self, *};
use ita_extract::pipeline::{process_bytes, PipelineOptions};

const HEAD: &str = "\
รายงานผลการดำเนินการเปิดเผยข้อมูลสาธารณะ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
องค์การบริหารส่วนตำบลโนนสูง อำเภอเมืองอุดรธานี จังหวัดอุดรธานี
";

fn document(body: &str) -> ita_extract::model::Document {
    let text = format!("{HEAD}\n{body}");
    process_bytes("t.txt", text.as_bytes(), &PipelineOptions::default())
}

fn statuses(body: &str) -> Vec<(String, ItemStatus)> {
    document(body)
        .oit_items
        .iter()
        .map(|i| (i.code.clone().unwrap_or_default(), i.status))
        .collect()
}

fn want(w: &[(&str, ItemStatus)]) -> Vec<(String, ItemStatus)> {
    w.iter().map(|(c, s)| (c.to_string(), *s)).collect()
}

#[test]
fn plain_lines_give_marks_in_header_order() {
    let got = statuses(
        "ข้อ ข้อมูล ยังไม่ได้ดำเนินการ ดำเนินการ
๐๑ โครงสร้าง - ✔
๐๒ ข้อมูลผู้บริหาร ✔ -
๐๓ อำนาจหน้าที่ - ✔
",
    );
    assert_eq!(got, want(&[("O1", Done), ("O2", NotDone), ("O3", Done)]));
}

#[test]
fn plain_header_labels_on_their_own_line_and_marks_before_the_title() {
    let got = statuses(
        "ข้อ ผลการดำเนินการ ข้อมูล ผู้รับผิดชอบ
ยังไม่ดำเนินการ อยู่ระหว่างดำเนินการ ดำเนินการ
๐๑ - - x โครงสร้าง
สำนักปลัด
๐๒ - x - ข้อมูลผู้บริหาร
กองคลัง
๐๓ x - - อำนาจหน้าที่
",
    );
    assert_eq!(
        got,
        want(&[("O1", Done), ("O2", InProgress), ("O3", NotDone)])
    );
}

#[test]
fn layout_columns_under_a_wrapped_two_row_header() {
    let got = statuses(
        "     ข้อ                     ข้อมูล                  ผู้รับผิดชอบ                ผลการดำเนินการ
                                                                   ยังไม่ได้ดำเนิน     อยู่ระหว่าง    ดำเนินการแล้ว
                                                                       การ         ดำเนินการ
  0๑         โครงสร้าง                            กองช่าง                 ☐             ☐             ☑
  0๒         ข้อมูลผู้บริหาร                          กองคลัง                 ☐             ☑             ☐
  0๓         อำนาจหน้าที่                           สำนักปลัด                 ☑             ☐             ☐
",
    );
    assert_eq!(
        got,
        want(&[("O1", Done), ("O2", InProgress), ("O3", NotDone)])
    );
}

#[test]
fn layout_typed_ticks_and_a_label_wrapped_in_its_cell() {
    let got = statuses(
        "         ข้อ             ข้อมูล                    ผู้รับผิดชอบ        ยังไม่ได้ดำเนิน       ดำเนินการ
                                                                    การ
      O. ๑       โครงสร้าง                       สำนักปลัด               -               √
      O. ๒       ข้อมูลผู้บริหาร                     กองคลัง                √               -

      O. ๓       อำนาจหน้าที่                      กองคลัง          ( ) ยังไม่ดำเนินการ      (✓) ได้ดำเนิน
                                                                                          การ
",
    );
    assert_eq!(got, want(&[("O1", Done), ("O2", NotDone), ("O3", Done)]));
}

#[test]
fn layout_code_wrapped_in_its_cell_beside_the_rest_of_the_row() {
    let got = statuses(
        "         ข้อ                     ข้อมูล                    ความก้าวหน้าผลการดำเนินการ
      O1         แผนการดำเนินงานและการใช้จ่าย       ยังไม่เผยแพร่ [ ]
      0          งบประมาณประจำปี                   เผยแพร่แล้ว [X]
      O1         รายงานการกำกับติดตามการดำเนินงาน       ยังไม่เผยแพร่ [X]
      1          ประจำปี รอบ 6 เดือน                   เผยแพร่แล้ว [ ]
",
    );
    assert_eq!(got, want(&[("O10", Done), ("O11", NotDone)]));
}

#[test]
fn ordinal_before_the_code_and_title_before_the_code() {
    let got = statuses(
        "ลำดับ ข้อ ข้อมูล ผู้รับผิดชอบ ความก้าวหน้าผลการดำเนินการ
๑๑. ๐๑ โครงสร้าง
กองช่าง
( / ) ดำเนินการแล้ว  ( ) ยังไม่ได้ดำเนินการ
๑๒. ๐๒ ข้อมูลผู้บริหาร
( ) ดำเนินการแล้ว  ( / ) ยังไม่ได้ดำเนินการ
อำนาจหน้าที่ ข้อที่ ๓
( / ) ดำเนินการแล้ว  ( ) ยังไม่ได้ดำเนินการ
",
    );
    assert_eq!(got, want(&[("O1", Done), ("O2", NotDone), ("O3", Done)]));
}

#[test]
fn bare_numbers_with_item_titles_under_an_indicator_header() {
    let got = statuses(
        "ตัวชี้วัด หัวข้อ สถานะ
1 โครงสร้าง
(/) ดำเนินการแล้ว
(  ) ยังไม่ดำเนินการ
2 ข้อมูลผู้บริหาร
(  ) ดำเนินการแล้ว
(/) ยังไม่ดำเนินการ
",
    );
    assert_eq!(got, want(&[("O1", Done), ("O2", NotDone)]));
}

#[test]
fn a_short_label_right_after_its_box_before_a_note() {
    let got = statuses(
        "ข้อ\tข้อมูล\tผู้รับผิดชอบ\tผลการดำเนินการ
O1\tโครงสร้าง\tกองคลัง\t[ ] ไม่มี  [/] มี -ได้จัดทำข้อมูลและเผยแพร่แล้ว
O2\tข้อมูลผู้บริหาร\tกองคลัง\t[/] ไม่มี  [ ] มี -อยู่ระหว่างรวบรวม
",
    );
    assert_eq!(got, want(&[("O1", Done), ("O2", NotDone)]));
}

#[test]
fn numbered_indicator_names_in_an_indented_layout_table() {
    let text = format!(
        "{HEAD}\n          ตัวชี้วัด               แนวทางการยกระดับ      ผู้รับผิดชอบ      ความก้าวหน้า
      1. การปฏิบัติหน้าที่            ๒. กำหนดเกณฑ์การประเมิน  กองคลัง      [/] ดำเนินการ  [ ] ยังไม่ได้ดำเนินการ
      2. การใช้งบประมาณ          เปิดโอกาสให้บุคลากร        กองคลัง      [ ] ดำเนินการ  [/] ยังไม่ได้ดำเนินการ
"
    );
    let doc = process_bytes("t.txt", text.as_bytes(), &PipelineOptions::default());
    let got: Vec<(u32, ItemStatus)> = doc
        .indicators
        .iter()
        .map(|i| (i.number, i.status))
        .collect();
    assert_eq!(got, vec![(1, Done), (2, NotDone)]);
    assert!(doc.oit_items.is_empty(), "{:?}", doc.oit_items);
}

#[test]
fn html_two_row_header_places_labels_over_their_grid_columns() {
    let got = statuses(
        "<table border=\"1\">
<tr><th rowspan=\"2\">ข้อ</th><th colspan=\"2\">ผลการดำเนินการ</th><th rowspan=\"2\">ข้อมูล</th><th rowspan=\"2\">หมายเหตุ</th></tr>
<tr><th>ดำเนินการ</th><th>ยังไม่ดำเนินการ</th></tr>
<tr><td>(1)</td><td>☐</td><td>☑</td><td>โครงสร้าง</td><td>-</td></tr>
<tr><td>(2)</td><td>☑</td><td>☐</td><td>ข้อมูลผู้บริหาร</td><td>-</td></tr>
</table>
",
    );
    assert_eq!(got, want(&[("O1", NotDone), ("O2", Done)]));
}

#[test]
fn title_then_code_with_a_colon_then_status() {
    let got = statuses(
        "ข้อมูล\tข้อ\tผลการดำเนินการ
โครงสร้าง\tO๑ :\t<input type=\"checkbox\"/> ยังไม่ดำเนินการ <input checked=\"\" type=\"checkbox\"/> ดำเนินการแล้ว
ข้อมูลผู้บริหาร\tO๒ :\t<input checked=\"\" type=\"checkbox\"/> ยังไม่ดำเนินการ <input type=\"checkbox\"/> ดำเนินการแล้ว
",
    );
    assert_eq!(got, want(&[("O1", Done), ("O2", NotDone)]));
}

#[test]
fn a_code_cut_to_o0_takes_the_digit_below_and_an_unknown_title_is_no_item() {
    let got = statuses(
        "ข้อ ข้อมูล ผลการดำเนินการ
O๐ โครงสร้าง
☑ ดำเนินการ
☐ ยังไม่ดำเนินการ
๑
O๐ ข้อมูลผู้บริหาร
☐ ดำเนินการ
☑ ยังไม่ดำเนินการ
๒
",
    );
    assert_eq!(got, want(&[("O1", Done), ("O2", NotDone)]));
    let got = statuses(
        "ข้อ ข้อมูล ผลการดำเนินการ
O๐ เรื่องที่ไม่อยู่ในรายการใดเลย ☑ ดำเนินการ ☐ ยังไม่ดำเนินการ
",
    );
    assert_eq!(got, want(&[]));
}

#[test]
fn a_numbered_row_whose_title_starts_with_a_header_word_is_data() {
    let text = format!(
        "{HEAD}\n     ข้อ                     ข้อมูล                 หน่วยงานที่รับผิดชอบ      ความก้าวหน้า
  1)         โครงสร้าง                            กองช่าง            ดำเนินการ
  2)         ข้อมูลผู้บริหาร                          สำนักปลัด งานการ    ยังไม่ดำเนินการ
  3)         อำนาจหน้าที่                           งานนโยบายและแผน   ดำเนินการ
"
    );
    let doc = process_bytes("t.txt", text.as_bytes(), &PipelineOptions::default());
    let got: Vec<(String, ItemStatus)> = doc
        .oit_items
        .iter()
        .map(|i| (i.code.clone().unwrap_or_default(), i.status))
        .collect();
    assert_eq!(got, want(&[("O1", Done), ("O2", NotDone), ("O3", Done)]));
}

#[test]
fn an_item_table_whose_header_did_not_read_after_the_indicators() {
    // A scan: the item table's header "ข้อ | ข้อมูล | ผลการดำเนินการ" read as "665 | อมูล |
    // ผลการดำเน็นการ", its rows numbered 1, 2, 3 again under indicators 1-10.
    let names = ita_extract::vocab::catalogue::indicators();
    let mut body = String::from("ตัวชี้วัด\tชื่อตัวชี้วัด\tผลการดำเนินการ\n");
    for (i, name) in names.iter().enumerate().take(10) {
        body.push_str(&format!(
            "{}\t{name}\t☑ ดำเนินการแล้ว ☐ ยังไม่ได้ดำเนินการ\n",
            i + 1
        ));
    }
    body.push_str(
        "665\tอมูล\tผลการดำเน็นการ
1\tโควงสรัง ee\t☑ ดำเนินการแล้ว ☐ ยังไม่ได้ดำเนินการ
2\tขอมลผับรหาร\t☐ ดำเนินการแล้ว ☑ ยังไม่ได้ดำเนินการ
3\tอำนาจหนาท\t☐ ดำเนินการแล้ว ☑ ยังไม่ได้ดำเนินการ
",
    );
    assert_eq!(
        statuses(&body),
        want(&[("O1", Done), ("O2", NotDone), ("O3", NotDone)])
    );
    let doc = document(&body);
    let indicators: Vec<(u32, ItemStatus)> = doc
        .indicators
        .iter()
        .map(|i| (i.number, i.status))
        .collect();
    assert_eq!(indicators, (1..=10).map(|n| (n, Done)).collect::<Vec<_>>());
}
