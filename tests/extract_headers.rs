//! Status columns whose header cells wrap onto a second line, as OCR reads a Word table
//! with two-line header cells ("ดำเนินการ" over "แล้ว", "อยู่ระหว่าง" over "ดำเนินการ",
//! "ยังไม่ดำเนิน" over "การ"), with rule strokes read as `|`. The shape is that of
//! Tesseract's text of a real Word form (fixtures/scanned2 was made the same way); the
//! marks typed in each column must take that column's status.

use ita_extract::model::ItemStatus;
use ita_extract::pipeline::{process_bytes, PipelineOptions};

const REPORT: &str = "\
แบบรายงานผลการดำเนินการตามแผนขับเคลื่อนการประเมินคุณธรรมและความโปร่งใส (ITA)
ประจำปีงบประมาณ พ.ศ. 2567
องค์การบริหารส่วนตำบลหนองแวง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น
\t\tผลการดำเนินการ
ข้อ\tข้อมูลที่ต้องเปิดเผย\tดำเนินการ\t| อยู่ระหว่าง\t| ยังไม่ดำเนิน
\t\tแล้ว\tดำเนินการ\tการ
01\tโครงสร้าง\t/
02\tข้อมูลผู้บริหาร\t\t/
03\tอำนาจหน้าที่\t\t\t/
04\tแผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน\t/
05\tข้อมูลการติดต่อ\t\t\t/
06\tกฎหมายที่เกี่ยวข้อง\t\t/
";

#[test]
fn marks_under_wrapped_label_headers_take_their_column() {
    let doc = process_bytes(
        "wrapped.txt",
        REPORT.as_bytes(),
        &PipelineOptions::default(),
    );
    let got: Vec<(String, ItemStatus)> = doc
        .oit_items
        .iter()
        .map(|i| (i.code.clone().unwrap_or_default(), i.status))
        .collect();
    use ItemStatus::*;
    let want = [
        ("O1", Done),
        ("O2", InProgress),
        ("O3", NotDone),
        ("O4", Done),
        ("O5", NotDone),
        ("O6", InProgress),
    ];
    let want: Vec<(String, ItemStatus)> = want.iter().map(|(c, s)| (c.to_string(), *s)).collect();
    assert_eq!(got, want);
}
