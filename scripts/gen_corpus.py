#!/usr/bin/env python3
"""Synthetic ITA report corpus with expected answers, for scoring ita-extract.

Writes N OCR-text reports of Thai local administrations (อบจ. / เทศบาล / อบต.) in the
flavours real OCR tools write, with the damage real documents carry, plus one line of
expected answers per document:

    python3 scripts/gen_corpus.py --n 200 --seed 1 --out /tmp/corpus
    python3 scripts/gen_corpus.py --n 10000 --size seed --jobs 2 --out /tmp/bench  # ~100 KB each

Output folder:
    <id>.txt          the document (UTF-8; pages separated by form feed U+000C)
    answers.jsonl     one JSON object per document, in id order (format below)
    manifest.json     generator version, seed, counts per flavour / flag / checkbox style

answers.jsonl, one object per line:
    id, file                      "doc_00000", "doc_00000.txt"
    flavour                       "vlm" | "pipe" | "html" | "plain" | "layout"
    size                          "small" | "normal" | "seed"
    checkbox_style                "html" | "ballot" | "tick" | "square" | "bracket" |
                                  "paren" | "slash" | "wingdings" | "wingdings2" (the OIT
                                  table's; the indicator table may use another, see damage
                                  "mixed_checkbox_styles")
    agency                        {name, type ("อบจ."|"เทศบาลนคร"|"เทศบาลเมือง"|"เทศบาลตำบล"|"อบต."), subdistrict,
                                   district, province, geocode}: canonical gazetteer names
                                  of the most precise place that fits what the document
                                  states (see location_mismatch), geocode 6, 4 or 2 digits
    agency_stated                 {subdistrict, district, province} as the title writes them
                                  (prefix stripped; null where not written)
    fiscal_year                   int (BE)
    catalogue                     "2564-2565" | "2566-2567" | null (2568: unknown list)
    overall_score                 number as written (99.18)
    level                         "AA".."F" (<= 2565) or a Thai label (>= 2566), as written
    measures                      [{number, title}]
    indicators                    [{number, status}] in document order, one per indicator
    oit_items                     [{code "O1".."O43" (2568: the code as written, normalized
                                  to "O<n>"), raw_code (as written), written_title (the title
                                  text as it appears in the document, entities and damage
                                  included; parts of a split title joined by " | "), status,
                                  code_corrected}] one per item present, in catalogue order
    flags                         sorted list of flag codes the extractor must raise
    flag_targets                  {flag code: [what it is about: "O12", "indicator 5",
                                  an agency name, ...]}
    other_agencies                names of other agencies written in the document (each
                                  must appear in the message of an `other_agency` flag)
    damage                        sorted list of damage kinds injected, informational:
                                  code_misread, code_prefix_variants, digit_mix,
                                  indicator_continued, mixed_checkbox_styles, sara_am_space,
                                  sara_am_nikhahit, sara_am_lost, score_table, split_rows

Statuses: done, not_done, conflict (both ticked), unknown (no tick). Expected flags:
  status_missing           a row (item or indicator) is unknown
  status_conflict          a row is conflict
  status_contradicts_text  "not done" ticked while the notes report finished work, or
                           (rarer) "done" ticked while the notes say nothing was done
  item_code_corrected      a code misread (๓→๙, ๔→๕, ๘→๕); the item has code_corrected
  item_missing             a catalogue item is absent (never in 2568 documents)
  item_duplicate           an item row printed twice (listed once in oit_items)
  location_mismatch        the stated district is in another province
  other_agency             another agency is named (other_agencies lists the names)
  foreign_script           a block of Khmer (or Myanmar) text
  repeated_text            one line written 6 or more times in a run (blank lines between
                           allowed, "1. X", "2. X" count as the same line); repeated table
                           headers and repeated cell values are normal, never expected
  unknown_catalogue        fiscal year 2568 (no known OIT list)
Not flags: "O๑๒", "0๑๒", "๐๑๒", "o12", "O 12" are ordinary ways to write O12 (not
corrections); a row continued on the next line, page or after a repeated header, and an
indicator row continued after a page break (label repeated or empty, no boxes) are one
row; "สำนักงาน ป.ป.ช." (the assessor) and the agency's own abbreviated name ("อบต.X",
"ทต.X", "ทม.X", "ทน.X", "อบจ.X") are not other agencies.

Python 3 standard library only; deterministic for a given --seed (each document has its
own generator seeded from (seed, index)).
"""

import argparse
import functools
import json
import os
import random
import sys
import time

VERSION = 1
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GAZETTEER = os.path.join(HERE, "..", "data", "gazetteer.tsv")

# ---------------------------------------------------------------------------
# ITA facts (reference/ita-catalogue.md)
# ---------------------------------------------------------------------------

INDICATORS = [
    (1, "การปฏิบัติหน้าที่"),
    (2, "การใช้งบประมาณ"),
    (3, "การใช้อำนาจ"),
    (4, "การใช้ทรัพย์สินของราชการ"),
    (5, "การแก้ไขปัญหาการทุจริต"),
    (6, "คุณภาพการดำเนินงาน"),
    (7, "ประสิทธิภาพการสื่อสาร"),
    (8, "การปรับปรุงการทำงาน"),
    (9, "การเปิดเผยข้อมูล"),
    (10, "การป้องกันการทุจริต"),
]

SUB_2566 = {
    "9.1": "ข้อมูลพื้นฐาน",
    "9.2": "การบริหารงาน",
    "9.3": "การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    "9.4": "การบริหารและพัฒนาทรัพยากรบุคคล",
    "9.5": "การส่งเสริมความโปร่งใส",
    "10.1": "การดำเนินการเพื่อป้องกันการทุจริต",
    "10.2": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
}

CAT_2566 = [
    ("9.1", "โครงสร้าง"),
    ("9.1", "ข้อมูลผู้บริหาร"),
    ("9.1", "อำนาจหน้าที่"),
    ("9.1", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"),
    ("9.1", "ข้อมูลการติดต่อ"),
    ("9.1", "กฎหมายที่เกี่ยวข้อง"),
    ("9.1", "ข่าวประชาสัมพันธ์"),
    ("9.1", "Q&A"),
    ("9.1", "Social Network"),
    ("9.1", "นโยบายคุ้มครองข้อมูลส่วนบุคคล"),
    ("9.2", "แผนการดำเนินงานและการใช้จ่ายงบประมาณประจำปี"),
    ("9.2", "รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ ประจำปี รอบ 6 เดือน"),
    ("9.2", "รายงานผลการดำเนินงานประจำปี"),
    ("9.2", "คู่มือหรือมาตรฐานการปฏิบัติงาน"),
    ("9.2", "คู่มือหรือมาตรฐานการให้บริการ"),
    ("9.2", "ข้อมูลเชิงสถิติการให้บริการ"),
    ("9.2", "รายงานผลการสำรวจความพึงพอใจการให้บริการ"),
    ("9.2", "E-Service"),
    ("9.3", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ"),
    ("9.3", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"),
    ("9.3", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"),
    ("9.3", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"),
    ("9.4", "นโยบายหรือแผนการบริหารทรัพยากรบุคคล"),
    ("9.4", "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล"),
    ("9.4", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"),
    ("9.4", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"),
    ("9.5", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
    ("9.5", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
    ("9.5", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
    ("9.5", "การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
    ("10.1", "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่"),
    ("10.1", "การสร้างวัฒนธรรม No Gift Policy"),
    ("10.1", "รายงานผลตามนโยบาย No Gift Policy"),
    ("10.1", "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี"),
    ("10.1", "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ"),
    ("10.1", "แผนปฏิบัติการป้องกันการทุจริต"),
    ("10.1", "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน"),
    ("10.1", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"),
    ("10.2", "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ"),
    ("10.2", "การขับเคลื่อนจริยธรรม"),
    ("10.2", "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ"),
    ("10.2", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
    ("10.2", "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
]

SUB_2564 = {
    "9.1": "ข้อมูลพื้นฐาน",
    "9.2": "การบริหารงาน",
    "9.3": "การบริหารเงินงบประมาณ",
    "9.4": "การบริหารและพัฒนาทรัพยากรบุคคล",
    "9.5": "การส่งเสริมความโปร่งใส",
    "10.1": "การดำเนินการเพื่อป้องกันการทุจริต",
    "10.2": "มาตรการภายในเพื่อป้องกันการทุจริต",
}

CAT_2564 = [
    ("9.1", "โครงสร้าง"),
    ("9.1", "ข้อมูลผู้บริหาร"),
    ("9.1", "อำนาจหน้าที่"),
    ("9.1", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"),
    ("9.1", "ข้อมูลการติดต่อ"),
    ("9.1", "กฎหมายที่เกี่ยวข้อง"),
    ("9.1", "ข่าวประชาสัมพันธ์"),
    ("9.1", "Q&A"),
    ("9.1", "Social Network"),
    ("9.2", "แผนดำเนินงานประจำปี"),
    ("9.2", "รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน"),
    ("9.2", "รายงานผลการดำเนินงานประจำปี"),
    ("9.2", "คู่มือหรือมาตรฐานการปฏิบัติงาน"),
    ("9.2", "คู่มือหรือมาตรฐานการให้บริการ"),
    ("9.2", "ข้อมูลเชิงสถิติการให้บริการ"),
    ("9.2", "รายงานผลการสำรวจความพึงพอใจการให้บริการ"),
    ("9.2", "E-Service"),
    ("9.3", "แผนการใช้จ่ายงบประมาณประจำปี"),
    ("9.3", "รายงานการกำกับติดตามการใช้จ่ายงบประมาณประจำปี รอบ 6 เดือน"),
    ("9.3", "รายงานผลการใช้จ่ายงบประมาณประจำปี"),
    ("9.3", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ"),
    ("9.3", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"),
    ("9.3", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"),
    ("9.3", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"),
    ("9.4", "นโยบายการบริหารทรัพยากรบุคคล"),
    ("9.4", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล"),
    ("9.4", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"),
    ("9.4", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"),
    ("9.5", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
    ("9.5", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
    ("9.5", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
    ("9.5", "ช่องทางการรับฟังความคิดเห็น"),
    ("9.5", "การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
    ("10.1", "เจตจำนงสุจริตของผู้บริหาร"),
    ("10.1", "การมีส่วนร่วมของผู้บริหาร"),
    ("10.1", "การประเมินความเสี่ยงการทุจริตประจำปี"),
    ("10.1", "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต"),
    ("10.1", "การเสริมสร้างวัฒนธรรมองค์กร"),
    ("10.1", "แผนปฏิบัติการป้องกันการทุจริต"),
    ("10.1", "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน"),
    ("10.1", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"),
    ("10.2", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
    ("10.2", "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
]

assert len(CAT_2566) == 43 and len(CAT_2564) == 43


def catalogue_for(year):
    """(catalogue name, items, sub-indicator names) for a fiscal year; name None when unknown."""
    if year in (2564, 2565):
        return "2564-2565", CAT_2564, SUB_2564
    if year in (2566, 2567):
        return "2566-2567", CAT_2566, SUB_2566
    # 2568: the list is not confirmed; documents use a list like 2566's, written as is.
    return None, CAT_2566, SUB_2566


LEVELS_OLD = [(95, "AA"), (85, "A"), (75, "B"), (65, "C"), (55, "D"), (50, "E"), (0, "F")]
LEVELS_NEW = [(95, "ผ่านดีเยี่ยม"), (85, "ผ่านดี"), (75, "ผ่าน"), (50, "ต้องปรับปรุง"), (0, "ต้องปรับปรุงโดยด่วน")]

FLAVOURS = ["vlm", "pipe", "html", "plain", "layout"]
STYLES = ["html", "ballot", "tick", "square", "bracket", "paren", "slash", "wingdings", "wingdings2"]
# Styles each flavour may use (HTML inputs only where OCR tools write HTML).
FLAVOUR_STYLES = {
    "vlm": ["html", "html", "html", "ballot", "square", "bracket", "wingdings"],
    "pipe": ["ballot", "ballot", "html", "tick", "square", "bracket", "paren", "wingdings2"],
    "html": ["html", "html", "ballot", "square", "wingdings", "wingdings2"],
    "plain": ["tick", "slash", "paren", "bracket", "ballot", "square"],
    "layout": ["wingdings", "wingdings2", "ballot", "paren", "square", "bracket"],
}

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
TH = str.maketrans("0123456789", THAI_DIGITS)
MISREAD = {"๓": "๙", "๔": "๕", "๘": "๕"}

KHMER_LINES = [
    "ប្រធានគណៈកម្មាធិការត្រួតពិនិត្យ",
    "(ឈ្មោះ ឈប់ស្រប)",
    "សមាជិកគណៈកម្មាធិការត្រួតពិនិត្យ/អង្គការសហប្រតិបត្តិការស្រុក",
    "ក្រុងភ្នំពេញ ថ្ងៃទី ១៧ ខែ មេសា ឆ្នាំ ២០២៤",
    "យោងតាមភស្តុតាងដែលបានទទួលបានក្នុងកិច្ចប្រជុំត្រួតពិនិត្យសម្រាប់ការងារសម្របសម្រួល",
    "តារាងលទ្ធផលការវិនិយោគ",
    "និងការងារសម្របសម្រួលសេវាសាងសង់ផ្លូវជាតិលេខ៧",
]
MYANMAR_LINES = [
    "ကော်မတီဥက္ကဋ္ဌ၏ အစီရင်ခံစာ",
    "စစ်ဆေးရေးကော်မတီ အဖွဲ့ဝင်များ",
    "နေပြည်တော် ၂၀၂၄ ခုနှစ် ဧပြီလ ၁၇ ရက်",
]

REPEAT_LINES = [
    "การดำเนินงานตามมติที่ประชุมคณะกรรมการ",
    "บริหารราชการบริหารส่วนท้องถิ่น",
    "ผลการประเมินคุณภาพ",
    "ตามแบบวัดการเปิดเผยข้อมูลสาธารณะ",
    "ข้อเสนอแนะเพื่อการพัฒนา",
]

RESPONSIBLE = [
    "สำนักปลัด", "สำนักปลัด งานการเจ้าหน้าที่", "กองคลัง", "กองคลัง งานพัสดุฯ", "กองช่าง",
    "สำนักปลัด งานธุรการ", "สำนักปลัด งานรับเรื่องฯ", "กองการศึกษา", "ทุกส่วนงาน",
    "สำนักปลัด งานแผนและงบประมาณ",
]
PERIODS = ["ตลอดปีงบประมาณ", "ปีงบประมาณ {y}", "ต.ค. {py} - ก.ย. {y}", "ไตรมาสที่ ๑-๔"]

DESC_BITS = [
    "-แสดงข้อมูล{t}ของหน่วยงาน",
    "-เป็นข้อมูลในปี พ.ศ.{y}",
    "-สามารถเข้าถึงหรือเชื่อมโยงไปยังช่องทางข้างต้นได้จากเว็บไซต์หลักของหน่วยงาน",
    "-มีข้อมูลรายละเอียดอย่างน้อยประกอบด้วย (๑) วัตถุประสงค์ (๒) ขั้นตอน (๓) ระยะเวลา",
    "-จัดทำข้อมูลเป็นแบบรายเดือน หรือรายไตรมาส ที่มีข้อมูลครอบคลุมในระยะเวลา ๖ เดือนแรกของปี",
    "-เผยแพร่ข้อมูลที่เป็นปัจจุบัน ครบถ้วน และเข้าถึงได้ง่าย",
    "-มีการลงนามโดยผู้บริหารสูงสุดของหน่วยงาน",
]
DONE_NOTES = [
    "-ได้จัดทำ{t}และเผยแพร่บนเว็บไซต์หลักของ{a}เรียบร้อยแล้ว",
    "-เผยแพร่ข้อมูลบนเว็บไซต์หลักของหน่วยงานครบตามองค์ประกอบ",
    "-ดำเนินการแล้วเสร็จ และรายงานผู้บริหารทราบ",
    "-จัดทำข้อมูลครบถ้วนและเผยแพร่ผ่านเว็บไซต์ของ{a}",
    "-มีการปรับปรุงข้อมูลให้เป็นปัจจุบันทุกเดือน",
    "-ประชาสัมพันธ์ผ่านเว็บไซต์และเพจ Facebook ของหน่วยงานแล้ว",
]
NOT_DONE_NOTES = [
    "-อยู่ระหว่างรวบรวมข้อมูล",
    "-อยู่ระหว่างการจัดทำ คาดว่าแล้วเสร็จภายในไตรมาสที่ ๔",
    "-รอการพิจารณาของผู้บริหาร",
    "-จะดำเนินการในปีงบประมาณถัดไป",
    "",
]
# Notes that plainly report finished work (used to contradict a "not done" tick).
FINISHED_NOTES = [
    "-ได้จัดทำ{t}และเผยแพร่บนเว็บไซต์หลักของ{a}เรียบร้อยแล้ว",
    "-เผยแพร่ข้อมูลบนเว็บไซต์หลักของหน่วยงานครบตามองค์ประกอบ",
    "-ดำเนินการแล้วเสร็จ และรายงานผู้บริหารทราบ",
    "-จัดทำข้อมูลครบถ้วนและเผยแพร่ผ่านเว็บไซต์ของ{a}",
    "-มีการจัดทำประกาศนโยบายต่อต้านการทุจริตของผู้บริหารสูงสุด",
    "-จัดทำแผนป้องกันและปราบปรามการทุจริตและเผยแพร่ให้ประชาชนได้รับทราบ",
]
# Notes that contradict a "done" tick.
NOT_STARTED_NOTES = [
    "-ยังไม่ได้จัดทำ เนื่องจากอยู่ระหว่างรวบรวมข้อมูล",
    "-ยังไม่มีการดำเนินการในปีนี้",
]
IND_ACTIONS = [
    "๑. มีการมอบหมายงานอย่างชัดเจน",
    "๒. กำหนดเกณฑ์การประเมินผลงานอย่างชัดเจน",
    "๑. สร้างการรับรู้เกี่ยวกับการใช้จ่ายงบประมาณประจำปีให้บุคลากรในหน่วยงาน",
    "๒. เปิดโอกาสให้บุคลากรภายในมีส่วนร่วมในการตรวจสอบการใช้งบประมาณ",
    "๓. มีช่องทางเพื่อให้บุคลากรในหน่วยงานสามารถแจ้งเบาะแสที่สงสัย",
    "๑. มีการกำหนดขั้นตอนระยะเวลาการปฏิบัติงาน",
    "๔. มีมาตรการคุ้มครองผู้ร้องเรียน",
]
MEASURES = [
    "มาตรการเสริมสร้างความซื่อสัตย์สุจริตและปลูกฝังวัฒนธรรมที่ดีในองค์กร",
    "มาตรการส่งเสริมการปฏิบัติงานกับประชาชนผู้มาขอรับบริการอย่างเป็นธรรม",
    "มาตรการกำกับดูแลและตรวจสอบการใช้ทรัพย์สินของราชการ",
    "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
    "มาตรการป้องกันการรับสินบน",
    "มาตรการจัดการเรื่องร้องเรียนการทุจริต",
]
FILLER = [
    "ทั้งนี้ หน่วยงานได้นำผลการประเมินไปวิเคราะห์เพื่อกำหนดแนวทางการพัฒนาอย่างต่อเนื่อง",
    "โดยมีการติดตามความก้าวหน้าเป็นรายไตรมาส และรายงานให้ผู้บริหารทราบทุกครั้ง",
    "เพื่อให้การดำเนินงานเป็นไปด้วยความโปร่งใส ตรวจสอบได้ และเป็นธรรมต่อประชาชนผู้รับบริการ",
    "ตามแนวทางของสำนักงาน ป.ป.ช. ในการยกระดับคุณธรรมและความโปร่งใส",
    "ผู้รับบริการสามารถแสดงความคิดเห็นผ่านช่องทางออนไลน์ได้ตลอด ๒๔ ชั่วโมง",
    "บุคลากรทุกคนได้รับทราบแนวทางการปฏิบัติงานและลงนามรับทราบเรียบร้อย",
]
THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
PERSONS = ["นายสมชาย ใจดี", "นางสาวสุดา แก้วมณี", "นายประเสริฐ ทองคำ", "นางวิไล ศรีสุข", "นายธนากร บุญมา"]

# ---------------------------------------------------------------------------
# Gazetteer
# ---------------------------------------------------------------------------


class Gazetteer:
    """Subdistricts of data/gazetteer.tsv, with the indexes the generator needs."""

    def __init__(self, path):
        self.subs = []  # (sub_code, sub, dist_code, dist, prov_code, prov)
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                c = line.rstrip("\n").split("\t")
                if len(c) >= 6:
                    self.subs.append(tuple(c[:6]))
        self.by_dist = {}
        self.dist_provs = {}
        self.sub_count_in_prov = {}
        self.sub_dists = {}
        for s in self.subs:
            self.by_dist.setdefault(s[2], []).append(s)
            self.dist_provs.setdefault(s[3], set()).add(s[4])
            k = (s[1], s[4])
            self.sub_count_in_prov[k] = self.sub_count_in_prov.get(k, 0) + 1
            self.sub_dists.setdefault(s[1], set()).add(s[3])
        # Local administrations exist outside Bangkok (code 10), which is one agency.
        self.local = [s for s in self.subs if s[4] != "10"]
        self.districts = sorted({(s[2], s[3], s[4], s[5]) for s in self.local})
        # Districts whose name is unique in the country (for wrong-district injection).
        self.unique_districts = [d for d in self.districts if len(self.dist_provs[d[1]]) == 1]


# ---------------------------------------------------------------------------
# Small text helpers
# ---------------------------------------------------------------------------


def thai(s):
    return s.translate(TH)


def num_text(rng, doc, n):
    """A number as the document writes it: Thai digits, Arabic, or (digit_mix) both."""
    s = str(n)
    if doc["digits"] == "thai":
        s = thai(s)
    if doc["digit_mix"] and len(s) > 2 and rng.random() < 0.5:
        i = rng.randrange(1, len(s))
        s = s[:i] + (thai(s[i:]) if doc["digits"] == "arabic" else s[i:].translate(str.maketrans(THAI_DIGITS, "0123456789")))
    return s


def sara_am(rng, doc, s, rate=0.5):
    """Break SARA AM (U+0E33) the way the document's damage mode does."""
    mode = doc["sara_am"]
    if not mode or "ำ" not in s or rng.random() > rate:
        return s
    if mode == "space":  # "ส าหรับ": PDF extractors emit NIKHAHIT as a lost glyph + space
        return s.replace("ำ", " า")
    if mode == "nikhahit":  # U+0E4D NIKHAHIT + U+0E32 SARA AA
        return s.replace("ำ", "\u0e4d\u0e32")
    if mode == "lost":  # "ดาเนิน"
        return s.replace("ำ", "า")
    return s


def is_mark(ch):
    """Thai vowel signs and tone marks that sit on the previous consonant (no width)."""
    o = ord(ch)
    return o == 0x0E31 or 0x0E34 <= o <= 0x0E3A or 0x0E47 <= o <= 0x0E4E


# Word starts a Thai word processor breaks lines before (a small dictionary of the words
# ITA titles and notes are made of; Thai has no spaces between words).
WORD_STARTS = sorted("""
การ และ หรือ ของ ข้อมูล ประจำปี ประชาสัมพันธ์ ผู้บริหาร หน้าที่ ยุทธศาสตร์ แผน รายงาน ความ
เจ้าหน้าที่ ทรัพยากร บุคคล จริยธรรม มาตรการ คุณธรรม โปร่งใส หน่วยงาน งบประมาณ จัดซื้อ จัดจ้าง
พัสดุ ร้องเรียน ทุจริต ประพฤติ มิชอบ สถิติ บริการ ปฏิบัติ คู่มือ มาตรฐาน นโยบาย กฎหมาย เกี่ยวข้อง
ติดต่อ โครงสร้าง อำนาจ ส่วนร่วม เสี่ยง ป้องกัน ประเมิน ขับเคลื่อน วัฒนธรรม เปิดโอกาส สำรวจ
พึงพอใจ ดำเนินงาน ดำเนินการ คุ้มครอง ส่วนบุคคล ช่องทาง แจ้ง เรื่อง ติดตาม กำกับ ใช้จ่าย ผล ให้
เกิด ภายใน พัฒนา หลักเกณฑ์ เจตนารมณ์ ประกาศ สร้าง รายเดือน เว็บไซต์ หลัก เผยแพร่ เรียบร้อย แล้ว
จัดทำ ครบถ้วน ปรับปรุง ปัจจุบัน ทุก เดือน ระหว่าง รวบรวม คาดว่า แล้วเสร็จ ภายใน ไตรมาส พิจารณา
ถัดไป เนื่องจาก องค์ประกอบ แสดง เป็น ใน ปี สามารถ เข้าถึง เชื่อมโยง ไปยัง ข้างต้น ได้ จาก ราย
ละเอียด อย่างน้อย ประกอบด้วย วัตถุประสงค์ ขั้นตอน ระยะเวลา ไตรมาส ครอบคลุม แรก ง่าย ลงนาม โดย
สูงสุด สำนัก ปลัด กอง คลัง ช่าง ศึกษา ธุรการ มี กำหนด เกณฑ์ อย่าง ชัดเจน มอบหมาย รับรู้
เกี่ยวกับ บุคลากร เปิด โอกาส ตรวจสอบ เพื่อ เบาะแส สงสัย มาตรการ ผู้ ร้องเรียน ระดับ คะแนน
""".split(), key=len, reverse=True)


@functools.lru_cache(maxsize=65536)
def break_points(s):
    """Positions where a line of Thai may break: after a space, and before a known word
    (WORD_STARTS)."""
    pts = set()
    for i in range(1, len(s)):
        if s[i - 1] == " " and s[i] != " ":
            pts.add(i)
    for w in WORD_STARTS:
        j = s.find(w, 1)
        while j > 0:
            if not is_mark(s[j - 1]) or s[j - 1] in "\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e35\u0e34\u0e36\u0e37\u0e38\u0e39\u0e31":
                pts.add(j)
            j = s.find(w, j + 1)
    # never between a consonant and its marks, nor after a leading vowel
    return tuple(sorted(i for i in pts if not is_mark(s[i]) and s[i - 1] not in "เแโใไ"))


def space_out(rng, s, p=0.25):
    """Insert an OCR space between words of a title now and then ("การใช้ งบประมาณ")."""
    if rng.random() > p or len(s) < 8:
        return s
    cut = [i for i in break_points(s) if 3 <= i <= len(s) - 3 and s[i] != " " and s[i - 1] != " "]
    if not cut:
        return s
    i = rng.choice(cut)
    return s[:i] + " " + s[i:]


MARKS = "\u0e31" + "".join(chr(c) for c in range(0x0E34, 0x0E3B)) + "".join(chr(c) for c in range(0x0E47, 0x0E4F))
DROP_MARKS = str.maketrans("", "", MARKS)


def display_width(s):
    """Columns a string takes in a terminal/pdftotext layout: Thai combining marks take none."""
    return len(s.translate(DROP_MARKS))


@functools.lru_cache(maxsize=65536)
def wrap(s, width):
    """Greedy wrap by display width, as a word processor lays Thai out: at spaces, and
    inside a long run of Thai at syllable-safe break points (see break_points)."""
    out, cur, cw = [], "", 0
    for w in s.split():
        ww = display_width(w)
        sep = 1 if cur else 0
        if cw + sep + ww <= width:
            cur, cw = cur + (" " if cur else "") + w, cw + sep + ww
            continue
        if ww <= width:
            out.append(cur)
            cur, cw = w, ww
            continue
        # a run longer than the column: fill the line, then continue on the next ones
        while w:
            room = width - cw - (1 if cur else 0)
            best = 0
            acc = 0
            pts = set(break_points(w))
            for i, ch in enumerate(w):
                acc += 0 if is_mark(ch) else 1
                if acc > room:
                    break
                if i + 1 in pts or i + 1 == len(w):
                    best = i + 1
            if best == 0:
                if cur:
                    out.append(cur)
                    cur, cw = "", 0
                    continue
                # no break point fits an empty line: cut before a base character
                best = max(1, room)
                while best < len(w) and is_mark(w[best]):
                    best += 1
            piece, w = w[:best], w[best:]
            cur = cur + (" " if cur else "") + piece
            cw = display_width(cur)
            if w:
                out.append(cur)
                cur, cw = "", 0
    if cur or not out:
        out.append(cur)
    return tuple(x for x in out if x) or ("",)


@functools.lru_cache(maxsize=65536)
def wrap_padded(s, width):
    """wrap(), each line padded to the column width (cached: cells repeat a lot)."""
    return tuple(pad(x, width) for x in wrap(s, width))


def pad(s, width):
    return s + " " * max(0, width - display_width(s))


# ---------------------------------------------------------------------------
# The truth of one document
# ---------------------------------------------------------------------------


def pick_agency(rng, gz):
    r = rng.random()
    s = rng.choice(gz.local)
    sub_code, sub, dist_code, dist, prov_code, prov = s
    if r < 0.08:
        return {
            "name": "องค์การบริหารส่วนจังหวัด" + prov, "type": "อบจ.", "kind": "pao",
            "short": "อบจ." + prov, "sub": None, "truth": s,
        }
    if r < 0.45:
        k = rng.random()
        if k < 0.1:
            # City municipality: named after the province, seated in its เมือง district.
            mueang = [d for d in gz.districts if d[3] == prov and d[1] == "เมือง" + prov]
            if mueang:
                s = rng.choice(gz.by_dist[mueang[0][0]])
            return {"name": "เทศบาลนคร" + prov, "type": "เทศบาลนคร", "kind": "city",
                    "short": "ทน." + prov, "sub": s, "truth": s}
        if k < 0.25:
            base = dist[len("เมือง"):] if dist.startswith("เมือง") else sub
            return {"name": "เทศบาลเมือง" + base, "type": "เทศบาลเมือง", "kind": "town",
                    "short": "ทม." + base, "sub": s, "truth": s}
        base = sub
        if rng.random() < 0.12:
            # "usually named after its subdistrict, but not always"
            base = rng.choice(gz.by_dist[dist_code])[1]
        return {"name": "เทศบาลตำบล" + base, "type": "เทศบาลตำบล", "kind": "tambon",
                "short": "ทต." + base, "sub": s, "truth": s}
    base = sub
    if rng.random() < 0.12:
        base = rng.choice(gz.by_dist[dist_code])[1]
    return {"name": "องค์การบริหารส่วนตำบล" + base, "type": "อบต.", "kind": "sao",
            "short": "อบต." + base, "sub": s, "truth": s}


def other_agency_names(rng, gz, agency, n):
    names = []
    own = agency["name"]
    while len(names) < n:
        s = rng.choice(gz.local)
        kind = rng.random()
        if kind < 0.35:
            name = "อบต." + s[1]
        elif kind < 0.6:
            name = "เทศบาลตำบล" + s[1]
        elif kind < 0.75:
            name = "องค์การบริหารส่วนตำบล" + s[1]
        elif kind < 0.9:
            name = "เทศบาลนคร" + s[5]
        else:
            name = "เทศบาลเมือง" + s[1]
        if s[1] in own or s[5] in own or name in names or own in name or name in own \
                or agency["short"] in name or name in agency["short"]:
            continue
        names.append(name)
    return names


def make_doc(idx, seed, gz, size, force_flavour=None):
    rng = random.Random("%d:%d" % (seed, idx))
    flavour = force_flavour or FLAVOURS[idx % len(FLAVOURS)]
    year = rng.choice([2564, 2565, 2566, 2566, 2567, 2567, 2568])
    cat_name, cat, subs = catalogue_for(year)
    style = rng.choice(FLAVOUR_STYLES[flavour])
    agency = pick_agency(rng, gz)
    doc = {
        "id": "doc_%05d" % idx, "flavour": flavour, "size": size, "year": year,
        "catalogue": cat_name, "style": style, "agency": agency,
        "digits": rng.choice(["thai", "thai", "thai", "arabic"]),
        "digit_mix": rng.random() < 0.15,
        "sara_am": rng.choice([None, None, None, "space", "nikhahit", "lost"]),
        "flags": set(), "targets": {}, "damage": set(),
    }
    if doc["digit_mix"]:
        doc["damage"].add("digit_mix")
    if doc["sara_am"]:
        doc["damage"].add("sara_am_" + doc["sara_am"])

    # Checkbox presentation for the whole document.
    doc["done_first"] = rng.random() < 0.2
    doc["box_after"] = style not in ("tick", "slash") and rng.random() < 0.25
    doc["lbl_nd"] = rng.choice(["ยังไม่ได้ดำเนินการ", "ยังไม่ได้ดำเนินการ", "ยังไม่ดำเนินการ"])
    doc["lbl_d"] = "ดำเนินการ"
    doc["omit_unchecked"] = style == "html" and rng.random() < 0.15
    doc["echo"] = (flavour == "vlm" and style == "html" and not doc["box_after"]
                   and not doc["omit_unchecked"] and rng.random() < 0.2)
    doc["glyphs"] = {"ballot": rng.choice("☑☒"), "tick": rng.choice("✓✔"),
                     "bracket": rng.choice(["[x]", "[X]", "[/]"]),
                     "paren": rng.choice(["( / )", "(/)", "( ✓ )"])}
    doc["cur_style"] = style
    # Now and then the indicator table was typed with other boxes than the OIT table.
    doc["ind_style"] = style
    if rng.random() < 0.15:
        alt = [x for x in FLAVOUR_STYLES[flavour] if x != style and (x != "html" or not doc["omit_unchecked"])]
        if doc["box_after"]:
            alt = [x for x in alt if x not in ("tick", "slash")]
        if alt:
            doc["ind_style"] = rng.choice(alt)
            doc["damage"].add("mixed_checkbox_styles")

    def flag(code, target):
        doc["flags"].add(code)
        doc["targets"].setdefault(code, []).append(target)

    # Score and level.
    score = round(rng.choice([rng.uniform(85, 100), rng.uniform(85, 100), rng.uniform(50, 85)]), 2)
    levels = LEVELS_OLD if year <= 2565 else LEVELS_NEW
    level = next(lbl for lo, lbl in levels if score >= lo)
    doc["score"], doc["level"] = score, level

    # Place as stated, with a wrong district now and then.
    inj = {k: rng.random() < p for k, p in [
        ("location_mismatch", 0.15), ("foreign_script", 0.2), ("repeated_text", 0.2),
        ("other_agency", 0.25), ("code_misread", 0.3), ("contradiction", 0.2),
        ("item_missing", 0.12), ("item_duplicate", 0.12), ("split_rows", 0.45),
        ("status_odd", 0.3),
    ]}
    truth = agency["truth"]
    stated = {"subdistrict": None, "district": None, "province": truth[5]}
    expected_place = {"subdistrict": None, "district": None, "province": truth[5], "geocode": truth[4]}
    if agency["sub"]:
        stated["subdistrict"], stated["district"] = truth[1], truth[3]
        expected_place = {"subdistrict": truth[1], "district": truth[3], "province": truth[5], "geocode": truth[0]}
        if inj["location_mismatch"] and gz.sub_count_in_prov[(truth[1], truth[4])] == 1:
            for _ in range(50):
                d = rng.choice(gz.unique_districts)
                if d[2] != truth[4] and d[1] not in gz.sub_dists.get(truth[1], ()) and truth[1] not in d[1]:
                    stated["district"] = d[1]
                    flag("location_mismatch", "อำเภอ" + d[1])
                    break
    doc["stated"], doc["place"] = stated, expected_place

    # Indicators 1-8 (sometimes 1-10).
    n_ind = 10 if rng.random() < 0.2 else 8
    inds = []
    for num, title in INDICATORS[:n_ind]:
        inds.append({"number": num, "title": title, "status": "done", "contradict": None})
    # OIT items.
    items = []
    for i, (sub, title) in enumerate(cat):
        items.append({"num": i + 1, "sub": sub, "title": title, "status": "done",
                      "corrected": False, "split": None, "dup": False, "contradict": None,
                      "code_in_title": False})

    # Statuses: mostly done, some not done, a few conflicts and unticked rows.
    for row in items + inds:
        r = rng.random()
        if r < 0.07:
            row["status"] = "not_done"
        elif inj["status_odd"] and r < 0.09:
            row["status"] = "conflict"
        elif inj["status_odd"] and r < 0.11:
            row["status"] = "unknown"
    if inj["status_odd"] and not any(r["status"] in ("conflict", "unknown") for r in items + inds):
        rng.choice(items)["status"] = rng.choice(["conflict", "unknown"])
    if inj["contradiction"]:
        for _ in range(rng.choice([1, 1, 2])):
            row = rng.choice(inds + items)
            if rng.random() < 0.8:
                row["status"], row["contradict"] = "not_done", "finished"
            else:
                row["status"], row["contradict"] = "done", "not_started"
    for row in inds:
        tgt = "indicator %d" % row["number"]
        if row["status"] == "conflict":
            flag("status_conflict", tgt)
        if row["status"] == "unknown":
            flag("status_missing", tgt)
        if row["contradict"]:
            flag("status_contradicts_text", tgt)

    # Item damage.
    if inj["item_missing"] and year != 2568:  # no catalogue to miss an item from
        k = rng.randrange(2, len(items) - 2)
        items[k]["missing"] = True
        flag("item_missing", "O%d" % items[k]["num"])
    if inj["item_duplicate"]:
        k = rng.randrange(1, len(items) - 1)
        if not items[k].get("missing"):
            items[k]["dup"] = True
            flag("item_duplicate", "O%d" % items[k]["num"])
    misread_ok = year != 2568 and doc["digits"] == "thai"
    if inj["code_misread"] and misread_ok:
        cands = [it for it in items[1:-1] if any(ch in MISREAD for ch in thai(str(it["num"])))]
        rng.shuffle(cands)
        chosen = []
        for it in cands:
            if len(chosen) >= rng.choice([1, 2, 3, 5]):
                break
            if any(abs(it["num"] - c["num"]) < 2 for c in chosen):
                continue
            nb = [x for x in items if abs(x["num"] - it["num"]) == 1]
            if it.get("missing") or it["dup"] or any(x.get("missing") for x in nb):
                continue
            chosen.append(it)
            it["corrected"] = True
        if chosen:
            doc["damage"].add("code_misread")
    for it in items:
        if it.get("missing"):
            continue
        tgt = "O%d" % it["num"]
        if it["corrected"]:
            flag("item_code_corrected", tgt)
        if it["status"] == "conflict":
            flag("status_conflict", tgt)
        if it["status"] == "unknown":
            flag("status_missing", tgt)
        if it["contradict"]:
            flag("status_contradicts_text", tgt)
        if inj["split_rows"] and rng.random() < 0.12 and len(it["title"]) > 14 and not it["dup"]:
            it["split"] = rng.choice(["first", "second"])  # where the tick goes
            doc["damage"].add("split_rows")

    # Codes as written.
    prefix = rng.choice(["O", "O", "๐", "0", "o"])
    if year == 2568 and rng.random() < 0.5:
        prefix = "o"
    if prefix != "O":
        doc["damage"].add("code_prefix_variants")
    for it in items:
        p = prefix if rng.random() > 0.1 else rng.choice(["O", "๐", "0"])
        if p in ("O", "o") and rng.random() < 0.03:
            p += rng.choice([" ", "."])  # "O 12", "O.12"
        digits = str(it["num"])
        if doc["digits"] == "thai":
            digits = thai(digits)
        if doc["digit_mix"] and len(digits) == 2 and not it["corrected"] and rng.random() < 0.15:
            digits = digits[0] + thai(digits[1]) if doc["digits"] == "arabic" else str(it["num"])[0] + digits[1]
        if it["corrected"]:
            pos = [i for i, ch in enumerate(digits) if ch in MISREAD]
            i = rng.choice(pos)
            digits = digits[:i] + MISREAD[digits[i]] + digits[i + 1:]
        it["raw_code"] = p + digits
        if year == 2568:
            it["code"] = "O%d" % it["num"]

    doc["inds"], doc["items"], doc["subs"] = inds, items, subs
    doc["n_ind"] = n_ind
    doc["measures"] = rng.sample(MEASURES, rng.choice([0, 2, 3])) if flavour != "plain" else []
    doc["code_in_title_rate"] = 0.05 if flavour == "vlm" else 0.0

    # Junk blocks.
    doc["others"] = other_agency_names(rng, gz, agency, rng.choice([1, 1, 2, 3])) if inj["other_agency"] else []
    for name in doc["others"]:
        flag("other_agency", name)
    doc["foreign"] = None
    if inj["foreign_script"]:
        doc["foreign"] = "myanmar" if rng.random() < 0.2 else "khmer"
        flag("foreign_script", doc["foreign"])
    doc["repeat"] = None
    if inj["repeated_text"]:
        doc["repeat"] = (rng.choice(REPEAT_LINES), rng.randrange(6, 30), rng.random() < 0.4)
        flag("repeated_text", doc["repeat"][0])
    if year == 2568:
        flag("unknown_catalogue", "2568")
    return rng, doc


# ---------------------------------------------------------------------------
# Rendering: the truth to cells, then cells to a flavour
# ---------------------------------------------------------------------------


def box(doc, checked):
    st = doc["cur_style"]
    if st == "html":
        if checked:
            return '<input checked="" type="checkbox"/>'
        return "" if doc["omit_unchecked"] else '<input type="checkbox"/>'
    if st == "ballot":
        return doc["glyphs"][st] if checked else "☐"
    if st == "tick":
        return doc["glyphs"][st] if checked else ""
    if st == "slash":
        return "/" if checked else ""
    if st == "square":
        return "■" if checked else "□"
    if st == "bracket":
        return doc["glyphs"][st] if checked else "[ ]"
    if st == "paren":
        return doc["glyphs"][st] if checked else "(   )"
    if st == "wingdings":
        return "\uf0fe" if checked else "\uf0a8"
    if st == "wingdings2":
        return "\uf052" if checked else "\uf0a3"
    raise ValueError(st)


def status_options(rng, doc, status):
    """The two labelled boxes of a row, in document order, as strings."""
    nd = status in ("not_done", "conflict")
    d = status in ("done", "conflict")
    pairs = [(nd, doc["lbl_nd"]), (d, doc["lbl_d"])]
    if doc["done_first"]:
        pairs.reverse()
    out = []
    for checked, label in pairs:
        echo = "ดำเนินการ" if label == doc["lbl_d"] else "ยังไม่ดำเนินการ"
        label = sara_am(rng, doc, label, 0.7)
        b = box(doc, checked)
        if not b:
            opt = label
        elif doc["box_after"]:
            opt = label + " " + b
        else:
            opt = b + " " + label
        if doc["echo"]:
            # VLM output seen in the seed: the label printed bare, then again with its box.
            opt = "<p>%s</p> %s" % (sara_am(rng, doc, echo, 0.7), opt)
        out.append(opt)
    return out


def notes_for(rng, doc, row, title):
    a = doc["agency"]["name"] if rng.random() < 0.6 else doc["agency"]["short"]
    if row["contradict"] == "finished" or (row["status"] == "done" and not row["contradict"]):
        pool = DONE_NOTES
    elif row["contradict"] == "not_started":
        pool = NOT_STARTED_NOTES
    elif row["status"] == "not_done":
        pool = NOT_DONE_NOTES
    else:
        # conflict / unknown: neutral notes, so that no contradiction is implied
        pool = ["-ตามแนวทางที่หน่วยงานกำหนด", ""]
    n = 2 if row["contradict"] == "finished" else (3 if doc["size"] == "seed" else 1)
    if doc["size"] == "small" and not row["contradict"] and rng.random() < 0.7:
        n = 0
    notes = [rng.choice(pool).format(t=title, a=a) for _ in range(n)]
    if row["contradict"] == "finished":
        notes = [x.format(t=title, a=a) for x in rng.sample(FINISHED_NOTES, 2)]
    return [sara_am(rng, doc, x, 0.4) for x in notes if x]


def desc_for(rng, doc, title):
    y = num_text(rng, doc, doc["year"])
    if doc["size"] == "small":
        return [sara_am(rng, doc, DESC_BITS[1].format(t=title, y=y), 0.4)]
    n = rng.choice([1, 2]) if doc["size"] == "normal" else rng.choice([3, 4, 5])
    out = [DESC_BITS[0].format(t=title, y=y)] + [b.format(t=title, y=y) for b in rng.sample(DESC_BITS[1:], n - 1)]
    if doc["size"] == "seed":
        out += rng.sample(FILLER, 2)
    return [sara_am(rng, doc, x, 0.4) for x in out]


def split_title(rng, title):
    """A title cut in two where a cell would wrap it: at a space, else at a syllable break."""
    words = title.split(" ")
    if len(words) > 1:
        k = rng.randrange(1, len(words))
        return [" ".join(words[:k]), " ".join(words[k:])]
    pts = [i for i in break_points(title) if len(title) // 4 <= i <= 3 * len(title) // 4]
    k = rng.choice(pts) if pts else len(title) // 2
    return [title[:k], title[k:]]


class Row:
    """One table row: cells of segments. A segment is ("t", text) | ("opts", [str]) |
    ("ul", [str])."""

    def __init__(self, cells, cont=False, kind="other"):
        self.cells = cells
        self.cont = cont
        self.kind = kind  # "item" (code and title in the first two cells) or "other"


def item_rows(rng, doc, it):
    """Rows of one OIT item (two when split); records written_title on the item."""
    title = it["title"]
    written = title
    if "6" in written:
        written = written.replace("6", num_text(rng, doc, 6) if doc["digits"] == "thai" else "6")
    if rng.random() < 0.3:
        written = written.replace("ต่าง ๆ", "ต่างๆ")
    written = space_out(rng, written)
    written = sara_am(rng, doc, written, 0.3)
    esc = doc["flavour"] in ("vlm", "html") and rng.random() < (1.0 if doc["flavour"] == "html" else 0.5)
    if esc:
        written = written.replace("&", "&amp;")
    desc = desc_for(rng, doc, title)
    if esc:
        desc = [x.replace("&", "&amp;") for x in desc]
    resp = rng.choice(RESPONSIBLE)
    notes = notes_for(rng, doc, it, title)
    if doc["others"] and it["status"] == "done" and not it["contradict"] and rng.random() < 0.15:
        notes.append("-" + rng.choice(doc["others"]) + ("ได้" if rng.random() < 0.3 else " ได้") + "เชื่อมโยงช่องทางการสื่อสารไว้บนเว็บไซต์")
        doc["others_used"].add(notes[-1])
    opts = status_options(rng, doc, it["status"])
    code = it["raw_code"]
    if it["split"]:
        parts = split_title(rng, written)
        it["written_title"] = " | ".join(parts)
        k = max(1, len(desc) // 2)
        first_status = [("opts", opts)] if it["split"] == "first" else []
        second_status = [("opts", opts)] if it["split"] == "second" else []
        a = Row([[("t", code)], [("t", parts[0])], [("t", x) for x in desc[:k]], [("t", resp)],
                 first_status + [("t", x) for x in notes[:1]]], kind="item")
        b = Row([[], [("t", parts[1])], [("t", x) for x in desc[k:]], [],
                 second_status + [("t", x) for x in notes[1:]]], cont=True, kind="item")
        return [a, b]
    it["written_title"] = written
    desc_seg = [("ul", desc)] if doc["flavour"] == "vlm" and rng.random() < 0.3 else [("t", x) for x in desc]
    row = Row([[("t", code)], [("t", written)], desc_seg, [("t", resp)],
               [("opts", opts)] + [("t", x) for x in notes]], kind="item")
    if rng.random() < doc["code_in_title_rate"]:
        row.cells = [[("t", code + " " + written)]] + row.cells[2:]
        row.kind = "other"
        it["code_in_title"] = True
    return [row]


def indicator_row(rng, doc, ind):
    title = space_out(rng, ind["title"], 0.4)
    it_title = ind["title"]
    label = "ตัวชี้วัดที่ " + num_text(rng, doc, ind["number"]) + " " + title
    acts = rng.sample(IND_ACTIONS, {"small": 1, "normal": 2}.get(doc["size"], 4))
    if doc["size"] == "seed":
        acts += rng.sample(FILLER, 3)
    notes = notes_for(rng, doc, ind, it_title)
    opts = status_options(rng, doc, ind["status"])
    period = rng.choice(PERIODS).format(y=num_text(rng, doc, doc["year"]), py=num_text(rng, doc, doc["year"] - 1))
    return Row([[("t", label)], [("t", sara_am(rng, doc, a, 0.3)) for a in acts], [("t", rng.choice(RESPONSIBLE))],
                [("t", period)], [("opts", opts)] + [("t", x) for x in notes]])


def build(rng, doc):
    """The document as blocks: ("h", text) | ("p", text) | ("table", header, rows) |
    ("lines", [text]) | ("page",)."""
    doc["others_used"] = set()
    a = doc["agency"]
    st = doc["stated"]
    y = num_text(rng, doc, doc["year"])
    if st["subdistrict"]:
        if rng.random() < 0.3:
            loc = "ต.%s อ.%s จ.%s" % (st["subdistrict"], st["district"], st["province"])
        else:
            loc = "ตำบล%s อำเภอ%s จังหวัด%s" % (st["subdistrict"], st["district"], st["province"])
    else:
        loc = "จังหวัด" + st["province"] if rng.random() < 0.7 else ""
    head = rng.choice([
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "รายงานผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
        "แนวทางการยกระดับผลการประเมินคุณธรรมและความโปร่งใส",
    ])
    blocks = []
    if rng.random() < 0.5:
        blocks.append(("h", "%s ประจำปีงบประมาณ %s %s %s" % (head, y, a["name"], loc)))
    else:
        blocks.append(("h", "%s ประจำปีงบประมาณ พ.ศ. %s" % (head, y)))
        blocks.append(("h", ("%s %s" % (a["name"], loc)).strip()))
    score = "%.2f" % doc["score"]
    if doc["digits"] == "thai":
        score = thai(score)
    if doc["digit_mix"] and rng.random() < 0.5:
        score = thai(score[:2]) + score[2:] if doc["digits"] == "arabic" else score
    lv = doc["level"]
    intro = rng.choice([
        "จากการประเมินผลคุณธรรมและความโปร่งใสในการดำเนินงานของ{n} ประจำปีงบประมาณ พ.ศ.{y} โดยภาพรวมคะแนน {s} คะแนน อยู่ในระดับ{l} ",
        "{n} ได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {y} คะแนนรวม {s} คะแนน ผลการประเมินอยู่ในระดับ {l} ",
        "ผลการประเมินคุณธรรมและความโปร่งใส ปี {y} ของ{n} ได้คะแนน {s} ระดับ {l} ",
    ]).format(n=a["name"], y=y, s=score, l=lv)
    intro += ("" if doc["size"] == "small" else rng.choice(FILLER) + " ") + a["short"] + " ได้จัดทำรายงานผลการดำเนินงาน ดังนี้"
    if rng.random() < 0.25:
        # Score summary table; the introduction then may not repeat the score.
        w = [("IIT", 30), ("EIT", 30), ("OIT", 40)]
        # IIT, EIT, OIT whose weighted sum is the total (to the rounding of two decimals).
        iit = round(min(100.0, max(0.0, doc["score"] + rng.uniform(-4, 4))), 2)
        eit = round(min(100.0, max(0.0, doc["score"] + rng.uniform(-4, 4))), 2)
        oit = (100 * doc["score"] - 30 * iit - 30 * eit) / 40
        if not 0 <= oit <= 100:
            iit = eit = oit = doc["score"]
        parts = [iit, eit, round(oit, 2)]
        fmt = (lambda v: thai("%.2f" % v)) if doc["digits"] == "thai" else (lambda v: "%.2f" % v)
        srows = [Row([[("t", "%s (ร้อยละ %s)" % (k, num_text(rng, doc, wt)))], [("t", fmt(v))]]) for (k, wt), v in zip(w, parts)]
        srows.append(Row([[("t", "คะแนนรวม")], [("t", score)]]))
        srows.append(Row([[("t", "ระดับผลการประเมิน")], [("t", lv)]]))
        if rng.random() < 0.5:
            intro = "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ%s ประจำปีงบประมาณ พ.ศ. %s ปรากฏดังตาราง " % (a["name"], y)
        blocks.append(("p", sara_am(rng, doc, intro, 0.3)))
        blocks.append(("table", ["เครื่องมือการประเมิน", "คะแนน"], srows))
        doc["damage"].add("score_table")
    else:
        blocks.append(("p", sara_am(rng, doc, intro, 0.3)))

    if doc["measures"]:
        header = ["ลำดับ", "มาตรการ/กิจกรรม", "วิธีดำเนินการ", "ระยะเวลา", "ผู้รับผิดชอบ", "ผลการดำเนินการ"]
        rows = []
        for i, m in enumerate(doc["measures"]):
            rows.append(Row([[("t", num_text(rng, doc, i + 1) + ".")], [("t", m)],
                             [("t", "จากผลการประเมิน ITA ตัวชี้วัดที่ " + num_text(rng, doc, 9) + "." + num_text(rng, doc, rng.randint(1, 5)) + " " + rng.choice(IND_ACTIONS))],
                             [("t", "ตลอดปีงบประมาณ")], [("t", rng.choice(RESPONSIBLE))], [("t", rng.choice(FILLER))]]))
        blocks.append(("table", header, rows))

    # Indicator table; split over pages with a repeated header.
    header = ["ตัวชี้วัด", "แนวทางการยกระดับการประเมิน", "ผู้รับผิดชอบ", "ระยะเวลา", "ความก้าวหน้าผลการดำเนินการ"]
    doc["cur_style"] = doc["ind_style"]
    rows = [indicator_row(rng, doc, ind) for ind in doc["inds"]]
    doc["cur_style"] = doc["style"]
    cut = rng.choice([len(rows), 5, 4])
    blocks.append(("table", header, rows[:cut]))
    if cut < len(rows):
        blocks.append(("page",))
        rest = rows[cut:]
        if rng.random() < 0.35:
            # The last indicator of the page goes on after the repeated header, with its
            # label repeated (as in the seed) or an empty first cell, and no boxes.
            ind = doc["inds"][cut - 1]
            label = "ตัวชี้วัดที่ " + num_text(rng, doc, ind["number"]) + " " + ind["title"] if rng.random() < 0.5 else ""
            rest = [Row([[("t", label)], [("t", rng.choice(IND_ACTIONS))], [("t", rng.choice(RESPONSIBLE))],
                         [("t", "ตลอดปีงบประมาณ")], [("t", "โดยทุกส่วนราชการนำข้อเสนอแนะมาปรับปรุงการให้บริการ")]],
                        cont=True)] + rest
            doc["damage"].add("indicator_continued")
        blocks.append(("table", header, rest))

    blocks.append(("h", rng.choice(["ประเด็นการประเมิน OIT", "แบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT)"])))
    header = rng.choice([["ข้อ", "ข้อมูล", "องค์ประกอบด้านข้อมูล", "ผู้รับผิดชอบ", "ความก้าวหน้าผลการดำเนินการ"],
                         ["ชื่อ", "ข้อมูล", "องค์ประกอบด้านข้อมูล", "ผู้รับผิดชอบ", "ความก้าวหน้าผลการดำเนินงาน"]])
    by_sub = []
    for it in doc["items"]:
        if not by_sub or by_sub[-1][0] != it["sub"]:
            by_sub.append((it["sub"], []))
        by_sub[-1][1].append(it)
    rows_since_page = 0
    for sub, its in by_sub:
        num = sub
        if rng.random() < 0.15:  # OCR reads 9.1 as 8.1 now and then
            num = sub.replace("9.", "8.", 1)
        num = thai(num) if doc["digits"] == "thai" else num
        blocks.append(("h", "ตัวชี้วัดย่อยที่ %s %s" % (num, doc["subs"][sub])))
        rows = []
        for it in its:
            if it.get("missing"):
                continue
            r = item_rows(rng, doc, it)
            if it["dup"]:
                r = r + [Row([list(c) for c in r[0].cells], kind=r[0].kind)]
            for row in r:
                # A continuation row goes to the next page after a repeated header.
                if row.cont and rows and rng.random() < 0.6:
                    blocks.append(("table", header, rows))
                    blocks.append(("page",))
                    rows = []
                    rows_since_page = 0
                rows.append(row)
                rows_since_page += 1
                if rows_since_page >= 9 and not row.cont and rng.random() < 0.5:
                    blocks.append(("table", header, rows))
                    blocks.append(("page",))
                    rows, rows_since_page = [], 0
        if rows:
            blocks.append(("table", header, rows))

    # Trailing material: signature, junk.
    tail = []
    if doc["repeat"]:
        line, n, numbered = doc["repeat"]
        lines = []
        for i in range(n):
            lines.append((num_text(rng, doc, i + 1) + ". " + line) if numbered else line)
            if rng.random() < 0.6:
                lines.append("")
        tail.append(("lines", lines))
        if rng.random() < 0.3:
            yrs = [num_text(rng, doc, doc["year"] - 3 + i) for i in range(8)]
            val = num_text(rng, doc, 76) + "." + num_text(rng, doc, 66)
            tail.append(("table", ["ปีงบประมาณ", "คะแนน", "ค่าเป้าหมาย"],
                         [Row([[("t", yy)], [("t", val)], [("t", val)]]) for yy in yrs]))
    if doc["foreign"]:
        pool = KHMER_LINES if doc["foreign"] == "khmer" else MYANMAR_LINES
        tail.append(("lines", [l for x in rng.sample(pool, min(len(pool), rng.randint(3, 6))) for l in (x, "")]))
    if doc["others"]:
        for name in doc["others"]:
            if any(name in x for x in doc["others_used"]) and rng.random() < 0.5:
                continue
            tail.append(("p", rng.choice([
                "{o} ได้มีการดำเนินการตามแนวทางการยกระดับผลการประเมินอย่างต่อเนื่อง",
                "ข้อเสนอแนะสำหรับการประเมิน OIT {o} ได้คะแนนผลการประเมินผ่านตามหลักเกณฑ์ที่กำหนด",
                "ที่บัญญัติไว้ว่า{o}มีหน้าที่และอำนาจดังต่อไปนี้",
            ]).format(o=name)))
    d = rng.randint(1, 28)
    month = rng.randrange(12)
    date = "%s %s %s" % (num_text(rng, doc, d), THAI_MONTHS[month], num_text(rng, doc, doc["year"] - (1 if month >= 9 else 0)))
    sig = ["ประกาศ ณ วันที่ " + date, "(ลงชื่อ) " + rng.choice(PERSONS), "นายก" + a["name"].replace("เทศบาล", "เทศมนตรี")]
    order = [("lines", sig)] + tail
    if rng.random() < 0.5:
        order = tail + [("lines", sig)]
    if tail:
        blocks.append(("page",))
    blocks.extend(order)
    if doc["size"] == "seed":
        blocks.append(("page",))
        blocks.append(("p", " ".join(rng.choice(FILLER) for _ in range(30))))
    return blocks


# ---- flavour renderers ------------------------------------------------------


def seg_text_vlm(rng, doc, seg, para):
    kind, val = seg
    if kind == "t":
        return ("<p>%s</p>" % val) if para and val else val
    if kind == "ul":
        return '<ul style="list-style-type: none"> ' + " ".join("<li>%s</li>" % v for v in val) + " </ul>"
    if kind == "opts":
        if para:
            return " ".join("<p>%s</p>" % o for o in val)
        return " ".join(val)
    raise ValueError(kind)


def render_vlm(rng, doc, blocks):
    out = ["", ""]
    for b in blocks:
        if b[0] == "h":
            out += ["**%s**" % b[1], ""]
        elif b[0] == "p":
            out += [b[1], ""]
        elif b[0] == "lines":
            out += b[1] + [""]
        elif b[0] == "page":
            out += ["\f"] if rng.random() < 0.5 else ["", ""]
        elif b[0] == "table":
            _, header, rows = b
            out.append("\t".join(header))
            for r in rows:
                para = rng.random() < 0.35
                last = r.cells[-1] if r.cells else []
                if r.kind == "item" and len(r.cells) == 5 and last and last[0][0] == "opts" \
                        and rng.random() < 0.08:
                    # The status cell spread over physical lines whose other cells are
                    # empty (seed, O10-O12): one logical row, three lines.
                    cells = [" ".join(seg_text_vlm(rng, doc, s, para) for s in c) for c in r.cells[:-1]]
                    opts = last[0][1]
                    rest = [seg_text_vlm(rng, doc, s, True) for s in last[1:]]
                    out.append("\t".join(cells + [opts[0]]))
                    out.append("\t" * 4 + opts[1])
                    if rest:
                        out.append("\t" * 4 + " ".join(rest))
                    continue
                cells = [" ".join(seg_text_vlm(rng, doc, s, para) for s in c) for c in r.cells]
                if r.kind == "item" and r.cells and r.cells[0] and rng.random() < 0.05 and para:
                    cells[0] = "<p>%s</p> <p>%s</p>" % (cells[0].replace("<p>", "").replace("</p>", ""), cells[1].replace("<p>", "").replace("</p>", ""))
                    cells = [cells[0]] + cells[2:]
                out.append("\t".join(cells))
            out.append("")
    return "\n".join(out).replace("\n\f\n", "\f")


def render_pipe(rng, doc, blocks):
    out = []
    for b in blocks:
        if b[0] == "h":
            out += ["## " + b[1] if rng.random() < 0.6 else "**%s**" % b[1], ""]
        elif b[0] == "p":
            out += [b[1], ""]
        elif b[0] == "lines":
            out += b[1] + [""]
        elif b[0] == "page":
            out.append("\f")
        elif b[0] == "table":
            _, header, rows = b
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "|".join("---" for _ in header) + "|")
            for r in rows:
                cells = []
                for c in r.cells:
                    parts = []
                    for kind, val in c:
                        if kind == "t":
                            parts.append(val)
                        else:
                            parts.extend(val)
                    cells.append("<br>".join(parts) if rng.random() < 0.8 else " ".join(parts))
                while len(cells) < len(header):
                    cells.append("")
                out.append("| " + " | ".join(x.replace("|", "/") for x in cells) + " |")
            out.append("")
    return "\n".join(out).replace("\n\f\n", "\f")


def render_html(rng, doc, blocks):
    out = ["<html><body>"]
    for b in blocks:
        if b[0] == "h":
            out.append("<h2>%s</h2>" % b[1])
        elif b[0] == "p":
            out.append("<p>%s</p>" % b[1])
        elif b[0] == "lines":
            out.extend("<p>%s</p>" % x for x in b[1] if x)
        elif b[0] == "page":
            out.append("</body></html>\f<html><body>")
        elif b[0] == "table":
            _, header, rows = b
            out.append("<table border=\"1\">")
            out.append("<tr>" + "".join("<th>%s</th>" % h for h in header) + "</tr>")
            for r in rows:
                tds = []
                for c in r.cells:
                    parts = []
                    for kind, val in c:
                        if kind == "t":
                            parts.append(val)
                        elif kind == "ul":
                            parts.append("<ul>" + "".join("<li>%s</li>" % v for v in val) + "</ul>")
                        else:
                            parts.extend(val)
                    sep = rng.choice(["<br>", "<br/>", " "]) if doc["style"] != "html" else " "
                    if rng.random() < 0.3:
                        tds.append("<td>" + "".join("<p>%s</p>" % p for p in parts) + "</td>")
                    else:
                        tds.append("<td>" + sep.join(parts) + "</td>")
                while len(tds) < len(header):
                    tds.append("<td></td>")
                out.append("<tr>" + "".join(tds) + "</tr>")
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def cell_lines(c):
    lines = []
    for kind, val in c:
        if kind == "t":
            if val:
                lines.append(val)
        elif kind == "ul":
            lines.extend(val)
        else:
            lines.extend(val)
    return lines


def render_plain(rng, doc, blocks):
    out = []
    page_no = 1
    for b in blocks:
        if b[0] in ("h", "p"):
            out += [b[1], ""]
        elif b[0] == "lines":
            out += b[1] + [""]
        elif b[0] == "page":
            page_no += 1
            out += ["\f", "- %s -" % num_text(rng, doc, page_no), ""]
        elif b[0] == "table":
            _, header, rows = b
            out.append(" ".join(header))
            for r in rows:
                cells = [cell_lines(c) for c in r.cells]
                if r.kind == "item":
                    first = [" ".join(cells[0] + cells[1])]
                    rest = cells[2:]
                else:
                    first = cells[0]
                    rest = cells[1:]
                # code + title on one line (a long title wraps onto the next line)
                for ln in first:
                    if display_width(ln) > 60 and rng.random() < 0.5:
                        out.extend(wrap(ln, 50))
                    else:
                        out.append(ln)
                for c in rest:
                    same = rng.random() < 0.5
                    opts = [x for x in c if any(lbl in x for lbl in ("ดำเนินการ", "ด าเนินการ", "ดําเนินการ", "ดาเนินการ"))]
                    if same and len(opts) == 2 and c[:2] == opts:
                        out.append("   ".join(opts))
                        out.extend(c[2:])
                    else:
                        out.extend(c)
            out.append("")
    return "\n".join(out).replace("\n\f\n", "\f")


def render_layout(rng, doc, blocks):
    widths = [8, 30, 40, 18, 36]
    gap = 2
    out = []
    page_no = 1
    for b in blocks:
        if b[0] in ("h", "p"):
            out += ["        " + x for x in wrap(b[1], 100)] + [""]
        elif b[0] == "lines":
            out += ["    " + x if x else "" for x in b[1]] + [""]
        elif b[0] == "page":
            page_no += 1
            out += ["\f" + " " * 60 + num_text(rng, doc, page_no), ""]
        elif b[0] == "table":
            _, header, rows = b
            ws = widths[:len(header)] if len(header) >= 5 else {2: [30, 14], 3: [16, 16, 16]}.get(len(header), [20] * len(header))
            if len(header) == 6:
                ws = [6, 30, 36, 14, 16, 30]
            if header[0] == "ตัวชี้วัด":
                ws = [22, 34, 18, 16, 36]
            blank = [" " * w for w in ws]
            sep = " " * gap
            hl = [wrap_padded(h, w) for h, w in zip(header, ws)]
            for i in range(max(len(x) for x in hl)):
                out.append(sep.join(x[i] if i < len(x) else e for x, e in zip(hl, blank)).rstrip())
            for r in rows:
                cols = []
                for c, w in zip(r.cells, ws):
                    lines = []
                    for ln in cell_lines(c):
                        lines.extend(wrap_padded(ln, w))
                    cols.append(lines)
                while len(cols) < len(ws):
                    cols.append([])
                n = max(len(x) for x in cols) if cols else 0
                for i in range(n):
                    out.append(sep.join(x[i] if i < len(x) else e for x, e in zip(cols, blank)).rstrip())
                if rng.random() < 0.5:
                    out.append("")
            out.append("")
    return "\n".join(out).replace("\n\f", "\f")


RENDER = {"vlm": render_vlm, "pipe": render_pipe, "html": render_html, "plain": render_plain, "layout": render_layout}


# ---------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------


def answers(doc):
    a = doc["agency"]
    items = []
    for it in doc["items"]:
        if it.get("missing"):
            continue
        items.append({
            "code": "O%d" % it["num"],
            "raw_code": it["raw_code"],
            "written_title": it["written_title"],
            "status": it["status"],
            "code_corrected": it["corrected"],
        })
    stated = doc["stated"]
    return {
        "id": doc["id"],
        "file": doc["id"] + ".txt",
        "flavour": doc["flavour"],
        "size": doc["size"],
        "checkbox_style": doc["style"],
        "agency": {
            "name": a["name"], "type": a["type"],
            "subdistrict": doc["place"]["subdistrict"], "district": doc["place"]["district"],
            "province": doc["place"]["province"], "geocode": doc["place"]["geocode"],
        },
        "agency_stated": stated,
        "fiscal_year": doc["year"],
        "catalogue": doc["catalogue"],
        "overall_score": doc["score"],
        "level": doc["level"],
        "measures": [{"number": i + 1, "title": m} for i, m in enumerate(doc["measures"])],
        "indicators": [{"number": r["number"], "status": r["status"]} for r in doc["inds"]],
        "oit_items": items,
        "flags": sorted(doc["flags"]),
        "flag_targets": {k: v for k, v in sorted(doc["targets"].items())},
        "other_agencies": list(doc["others"]),
        "damage": sorted(doc["damage"]),
    }


_WORKER = {}


def _init_worker(gazetteer_path, seed, size, flavour, out):
    _WORKER.update(gz=Gazetteer(gazetteer_path), seed=seed, size=size, flavour=flavour, out=out)


def _write_one(i):
    """Generate, render and write document `i`; return (bytes written, answers object)."""
    w = _WORKER
    rng, doc = make_doc(i, w["seed"], w["gz"], w["size"], w["flavour"])
    blocks = build(rng, doc)
    text = RENDER[doc["flavour"]](rng, doc, blocks)
    if not text.endswith("\n"):
        text += "\n"
    data = text.encode("utf-8")
    with open(os.path.join(w["out"], doc["id"] + ".txt"), "wb") as f:
        f.write(data)
    return len(data), answers(doc)


def generate(args):
    os.makedirs(args.out, exist_ok=True)
    counts = {"flavour": {}, "checkbox_style": {}, "flags": {}, "fiscal_year": {}, "agency_type": {}, "bytes": 0}
    t0 = time.time()
    init = (args.gazetteer, args.seed, args.size, args.flavour, args.out)
    indexes = range(args.start, args.start + args.n)
    pool = None
    if args.jobs > 1:
        import multiprocessing
        pool = multiprocessing.Pool(args.jobs, initializer=_init_worker, initargs=init)
        results = pool.imap(_write_one, indexes, chunksize=8)  # in order: answers stay sorted
    else:
        _init_worker(*init)
        results = map(_write_one, indexes)
    try:
        with open(os.path.join(args.out, "answers.jsonl"), "w", encoding="utf-8", newline="\n") as ans:
            for size, a in results:
                ans.write(json.dumps(a, ensure_ascii=False, separators=(",", ":")) + "\n")
                counts["bytes"] += size
                for key, val in (("flavour", a["flavour"]), ("checkbox_style", a["checkbox_style"]),
                                 ("fiscal_year", str(a["fiscal_year"])), ("agency_type", a["agency"]["type"])):
                    counts[key][val] = counts[key].get(val, 0) + 1
                for fl in a["flags"]:
                    counts["flags"][fl] = counts["flags"].get(fl, 0) + 1
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    manifest = {"generator": "scripts/gen_corpus.py", "version": VERSION, "seed": args.seed,
                "start": args.start, "n": args.n, "size": args.size,
                "counts": {k: (dict(sorted(v.items())) if isinstance(v, dict) else v) for k, v in counts.items()}}
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    if not args.quiet:
        dt = time.time() - t0
        print("wrote %d documents, %.1f MB, in %.1f s to %s" % (args.n, counts["bytes"] / 1e6, dt, args.out), file=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="number of documents (default 200)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--start", type=int, default=0, help="index of the first document (default 0)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--size", choices=["small", "normal", "seed"], default="normal",
                    help="small (about 20 KB, for committed samples), normal (30-60 KB) or seed "
                         "(about 100 KB, like the real seed)")
    ap.add_argument("--flavour", choices=FLAVOURS, help="only this flavour (default: all, in turn)")
    ap.add_argument("--gazetteer", default=DEFAULT_GAZETTEER, help="gazetteer TSV (default data/gazetteer.tsv)")
    ap.add_argument("--jobs", type=int, default=1,
                    help="worker processes (default 1); output is identical for any value")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("--n must be >= 0")
    generate(args)


if __name__ == "__main__":
    main()
