//! Scanned pages without the engine: checkboxes found by their shape alone (no status
//! label beside them), their states, the glyphs they become in the page text, and the
//! lines of one table row (a wrapped header between two rules) written as one row.

use ita_extract::ingest::ocr::layout::{find_rules, page_text_with_rules};
use ita_extract::ingest::ocr::ticks::{find_shape_boxes, replace_shape_box_words};
use ita_extract::ingest::ocr::{PageImage, TickState, Word};

fn blank(w: u32, h: u32) -> PageImage {
    PageImage::from_pixels(1, w, h, vec![255; (w * h) as usize], 1.0)
}

fn set(img: &mut PageImage, x: i64, y: i64, v: u8) {
    let w = img.width as i64;
    img.pixels[(y * w + x) as usize] = v;
}

/// A square outline of side `s` at (x, y), 2 px thick, gray as a scanned border; a
/// tick inside when `ticked`.
fn draw_box(img: &mut PageImage, x: i64, y: i64, s: i64, ticked: bool) {
    for i in 0..s {
        for t in 0..2 {
            set(img, x + i, y + t, 120);
            set(img, x + i, y + s - 1 - t, 120);
            set(img, x + t, y + i, 120);
            set(img, x + s - 1 - t, y + i, 120);
        }
    }
    if ticked {
        // A check: down then up.
        for i in 0..s / 3 {
            for t in 0..3 {
                set(img, x + s / 5 + i, y + s / 2 + i / 2 + t, 20);
            }
        }
        for i in 0..s / 2 {
            for t in 0..3 {
                set(img, x + s / 5 + s / 3 + i, y + s / 2 + s / 6 - i + t, 20);
            }
        }
    }
}

fn word(block: u32, line: u32, left: i64, top: i64, width: i64, text: &str) -> Word {
    Word {
        block,
        par: 1,
        line,
        left,
        top,
        width,
        height: 40,
        conf: 90.0,
        text: text.into(),
    }
}

/// A table: rules at x = 10, 300, 450, 600 and y = 10, 110, 170, 230; a two-line header
/// (the status labels wrapped), two rows of boxes with no label beside them.
fn table() -> (PageImage, Vec<Word>) {
    let mut img = blank(620, 240);
    for y in 10..=230 {
        for x in [10, 300, 450, 600] {
            set(&mut img, x, y, 0);
            set(&mut img, x + 1, y, 0);
        }
    }
    for x in 10..=601 {
        for y in [10, 110, 170, 230] {
            set(&mut img, x, y, 0);
            set(&mut img, x, y + 1, 0);
        }
    }
    draw_box(&mut img, 362, 126, 28, false);
    draw_box(&mut img, 512, 126, 28, true);
    draw_box(&mut img, 362, 186, 28, true);
    draw_box(&mut img, 512, 186, 28, false);
    let words = vec![
        word(1, 1, 320, 15, 110, "เผยแพร่"),
        word(1, 1, 470, 15, 110, "ยังไม่เผย"),
        word(2, 1, 30, 40, 120, "รายการ"),
        word(3, 1, 340, 62, 70, "แล้ว"),
        word(3, 1, 490, 62, 70, "แพร่"),
        word(4, 1, 30, 120, 60, "O1"),
        word(4, 1, 100, 120, 150, "โครงสร้าง"),
        // The engine's reading of the boxes.
        word(4, 1, 362, 124, 28, "o"),
        word(4, 1, 512, 124, 28, "9"),
        word(5, 1, 30, 180, 60, "O2"),
        word(5, 1, 100, 180, 150, "ข้อมูลผู้บริหาร"),
        word(5, 1, 362, 184, 28, "a"),
    ];
    (img, words)
}

#[test]
fn boxes_found_by_shape_alone() {
    let (img, words) = table();
    let boxes = find_shape_boxes(&img, &words, &[]);
    let states: Vec<TickState> = boxes.iter().map(|b| b.state).collect();
    assert_eq!(
        states,
        vec![
            TickState::Empty,
            TickState::Ticked,
            TickState::Ticked,
            TickState::Empty
        ],
        "{boxes:?}"
    );
    assert!(boxes.iter().all(|b| b.confidence >= 0.7), "{boxes:?}");
}

#[test]
fn letters_and_cells_are_not_boxes() {
    // A round "O", an open "U" and a filled square are no boxes.
    let mut img = blank(300, 100);
    for a in 0..360 {
        let r = (a as f64).to_radians();
        for t in 0..2 {
            let x = 40.0 + (13.0 - t as f64) * r.cos();
            let y = 40.0 + (13.0 - t as f64) * r.sin();
            set(&mut img, x as i64, y as i64, 0);
        }
    }
    for i in 0..26 {
        for t in 0..2 {
            set(&mut img, 100 + t, 27 + i, 0);
            set(&mut img, 125 - t, 27 + i, 0);
            set(&mut img, 100 + i, 52 - t, 0);
        }
    }
    for y in 27..53 {
        for x in 160..186 {
            set(&mut img, x, y, 0);
        }
    }
    let words = vec![word(1, 1, 200, 27, 90, "ข้อความ")];
    assert!(find_shape_boxes(&img, &words, &[]).is_empty());
}

#[test]
fn wrapped_header_and_box_rows_as_the_pdf_reader_writes_them() {
    let (img, mut words) = table();
    let boxes = find_shape_boxes(&img, &words, &[]);
    replace_shape_box_words(&mut words, &boxes);
    let vrules = find_rules(&img, true, 60);
    let page = page_text_with_rules(&img, &words, &vrules);
    assert_eq!(
        page.text,
        "รายการ\tเผยแพร่ แล้ว\tยังไม่เผย แพร่\nO1 โครงสร้าง\t☐\t☑\nO2 ข้อมูลผู้บริหาร\t☑\t☐\n"
    );
}
