#!/usr/bin/env python3
"""Second synthetic ITA corpus: OCR-text progress reports written from the variety of real
Thai documents (code forms, status vocabularies, table layouts, extra columns, wrapped
cells, fiscal years 2564-2569, OCR flavours), each document tagged with the variation
classes it exhibits so that accuracy can be measured per class.

    python3 scripts/gen_corpus2.py --n 300 --seed 7 --out /tmp/corpus2
    python3 scripts/score_corpus2.py /tmp/ita-baseline /tmp/corpus2

Output folder:
    <id>.txt          the document (UTF-8; pages separated by form feed U+000C)
    answers.jsonl     one JSON object per document, in id order (below)
    manifest.json     seed, counts of documents and items per class

answers.jsonl, one object per line:
    id, file          "d2_00000", "d2_00000.txt"
    flavour           "vlm" | "pipe" | "html" | "plain" | "layout" (no_ita documents: the
                      flavour of the junk: "html" for a saved 404 page, else "plain")
    classes           sorted list of the variation classes the document exhibits (CLASSES)
    fiscal_year       int (BE), null for no_ita documents
    catalogue         "2564-2565" | "2566-2567" | "2568" | "2569" | null
    indicators        [{number, status}] in document order ([] when no indicator table)
    oit_items         [{code "O<n>" (the catalogue code of that year), raw_code (as written,
                      the parts of a wrapped code joined by ""), status, tags (item-level
                      classes: code_in_title, wrap_title, wrap_code, status_on_cont)}],
                      in catalogue order, one per item present in the document
    expect_status     "ok" | "partial" (no_ita documents)
    expect_flags      flag codes the extractor should raise: no_ita_content (no_ita),
                      status_missing (an unknown row), status_conflict (a conflict row)
    layout, vocab, code_forms, box, mark    how the document was written (informational)

Statuses: done, not_done, in_progress (only where the document offers an in-progress label),
unknown (no tick / empty status), conflict (two ticks).

Classes (CLASSES). Every document has a default profile like the real seed (codes O1 / O๑ /
o1 / O 1 / O01 / "O1 :" = code_o, or ๐๑ / 01 / 0๑๐ = code_zero, now and then both; labels
ดำเนินการ(แล้ว) / ยังไม่(ได้)ดำเนินการ = vocab_default; ticked boxes in one status cell =
layout_cell with box_html | box_ballot (☑ ☒ / ☐) | box_bracket ([x] / [ ]) | box_paren
((/) / ( )) | box_wingdings (U+F0FE / U+F0A8, layout flavour), box_after when the box follows
its label; columns ข้อ | ข้อมูล | [องค์ประกอบ] | [ผู้รับผิดชอบ] | ความก้าวหน้าผลการดำเนินการ), plus 0-3
deviations (DEVIATIONS), each a class:
    code_bare (1, ๑, ๑.), code_dotted (O.1, O-1, o-1, O. 1), code_word (ข้อ ๑, ข้อ1, ข้อที่ ๑),
    code_paren ((๑), ๑)), code_oit (OIT1, OIT 1), code_in_title (the code at the start of the
    title cell, for all rows or for some rows with an empty code cell);
    vocab_dai (ได้ดำเนินการ / ยังไม่(ได้)ดำเนินการ), vocab_publish (เผยแพร่แล้ว / ยังไม่เผยแพร่),
    vocab_have (มี or ครบถ้วน / ไม่มี), vocab_in_progress (a third label อยู่ระหว่างดำเนินการ),
    vocab_broken (SARA AM as NIKHAHIT+SARA AA "ดําเนินการ" or "ด าเนินการ", labels and text);
    layout_columns (one column per status label, a mark ✓ ✔ / X x √ ☑ or a checked box in one,
    "-" / empty / ☐ in the others, header in one row or under a spanning group header),
    layout_value (the label alone in a status cell; empty or "-" = unknown);
    cols_ordinal (a running ลำดับ before the code that is not the item number: items left out,
    restarting under each sub-indicator row, or continuing from an earlier list), cols_url,
    cols_notes, cols_reordered (status before the title, code after the title, URL before the
    status), header_variants (รายการ/หัวข้อ/ประเด็น..., สถานะ/ผลการดำเนินการ/การเผยแพร่...);
    wrap_title (a long title goes on in a continuation row with an empty code cell; now and
    then the status is printed on that row: item tag status_on_cont), wrap_code (the last
    digit of the code on the next line of its cell: "๐๑" then "๐" for ๐๑๐).
and background classes every document has one of: flavour_vlm | flavour_pipe | flavour_html |
flavour_plain | flavour_layout, year_old (2564-2567) | year_2568 | year_2569; indicators when
the document has an indicator table (1-8 or 1-10, always labelled ดำเนินการ...), no_ita for
the documents without ITA content (every 40th: a saved 404 page, "hello", a council meeting
letter, a news item).

This generator is written from real documents, not from what the extractor accepts: real
reports write O1 as O1, O๑, o1, O 1, O.1, o-1, 01, ๐๑ (O read as zero), 0๑๐ for O10, bare
1..43, "ข้อ ๑", "(๑)", "๑.", "OIT1"; put the code inside the title cell; give the status as
ticked boxes in one cell, as a tick in one of several columns headed by status labels, or
as the bare label; add running ordinals, URL and notes columns; wrap long titles and codes
onto continuation rows; and OCR tools write them as VLM markdown with tabs and HTML, pipe
tables, HTML tables, plain lines or pdftotext -layout columns.

Python 3 standard library only; deterministic for a given --seed (each document has its
own generator seeded from (seed, index)). The script re-checks every document it writes
(codes present in order, tick count, statuses decodable from the cells) and fails loudly.
"""

import argparse
import json
import os
import random
import sys
import time
import zlib

VERSION = 1
HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEER = os.path.join(HERE, "..", "data", "gazetteer.tsv")

CLASSES = [
    "code_o", "code_bare", "code_zero", "code_dotted", "code_word", "code_paren",
    "code_in_title", "code_oit",
    "vocab_default", "vocab_dai", "vocab_publish", "vocab_have", "vocab_in_progress", "vocab_broken",
    "layout_cell", "layout_columns", "layout_value",
    "box_html", "box_ballot", "box_bracket", "box_paren", "box_wingdings", "box_after",
    "cols_ordinal", "cols_url", "cols_notes", "cols_reordered", "header_variants",
    "wrap_title", "wrap_code",
    "year_2568", "year_2569", "year_old",
    "flavour_vlm", "flavour_pipe", "flavour_html", "flavour_plain", "flavour_layout",
    "indicators", "no_ita",
]

# ---------------------------------------------------------------------------
# ITA catalogues (reference/ita-catalogue.md)
# ---------------------------------------------------------------------------

INDICATORS = [
    "การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
    "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
    "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต",
]


def _cat(groups):
    out = []
    for sub, titles in groups:
        for t in titles:
            out.append((sub, t))
    return out


CAT_2566 = _cat([
    ("9.1 ข้อมูลพื้นฐาน", ["โครงสร้าง", "ข้อมูลผู้บริหาร", "อำนาจหน้าที่", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
                          "ข้อมูลการติดต่อ", "กฎหมายที่เกี่ยวข้อง", "ข่าวประชาสัมพันธ์", "Q&A", "Social Network",
                          "นโยบายคุ้มครองข้อมูลส่วนบุคคล"]),
    ("9.2 การบริหารงาน", ["แผนการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
                         "รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ ประจำปี รอบ 6 เดือน",
                         "รายงานผลการดำเนินงานประจำปี", "คู่มือหรือมาตรฐานการปฏิบัติงาน",
                         "คู่มือหรือมาตรฐานการให้บริการ", "ข้อมูลเชิงสถิติการให้บริการ",
                         "รายงานผลการสำรวจความพึงพอใจการให้บริการ", "E-Service"]),
    ("9.3 การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", ["แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ",
                                               "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
                                               "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
                                               "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"]),
    ("9.4 การบริหารและพัฒนาทรัพยากรบุคคล", ["นโยบายหรือแผนการบริหารทรัพยากรบุคคล",
                                            "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล",
                                            "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
                                            "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"]),
    ("9.5 การส่งเสริมความโปร่งใส", ["แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                                    "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                                    "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                                    "การเปิดโอกาสให้เกิดการมีส่วนร่วม"]),
    ("10.1 การดำเนินการเพื่อป้องกันการทุจริต", ["ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
                                                "การสร้างวัฒนธรรม No Gift Policy", "รายงานผลตามนโยบาย No Gift Policy",
                                                "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี",
                                                "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
                                                "แผนปฏิบัติการป้องกันการทุจริต",
                                                "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
                                                "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"]),
    ("10.2 มาตรการส่งเสริมคุณธรรมและความโปร่งใส", ["ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "การขับเคลื่อนจริยธรรม",
                                                   "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ",
                                                   "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                                                   "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"]),
])

CAT_2564 = _cat([
    ("9.1 ข้อมูลพื้นฐาน", ["โครงสร้าง", "ข้อมูลผู้บริหาร", "อำนาจหน้าที่", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
                          "ข้อมูลการติดต่อ", "กฎหมายที่เกี่ยวข้อง", "ข่าวประชาสัมพันธ์", "Q&A", "Social Network"]),
    ("9.2 การบริหารงาน", ["แผนดำเนินงานประจำปี", "รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน",
                         "รายงานผลการดำเนินงานประจำปี", "คู่มือหรือมาตรฐานการปฏิบัติงาน",
                         "คู่มือหรือมาตรฐานการให้บริการ", "ข้อมูลเชิงสถิติการให้บริการ",
                         "รายงานผลการสำรวจความพึงพอใจการให้บริการ", "E-Service"]),
    ("9.3 การบริหารเงินงบประมาณ", ["แผนการใช้จ่ายงบประมาณประจำปี",
                                   "รายงานการกำกับติดตามการใช้จ่ายงบประมาณประจำปี รอบ 6 เดือน",
                                   "รายงานผลการใช้จ่ายงบประมาณประจำปี", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ",
                                   "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
                                   "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
                                   "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"]),
    ("9.4 การบริหารและพัฒนาทรัพยากรบุคคล", ["นโยบายการบริหารทรัพยากรบุคคล",
                                            "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล",
                                            "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
                                            "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"]),
    ("9.5 การส่งเสริมความโปร่งใส", ["แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                                    "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                                    "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                                    "ช่องทางการรับฟังความคิดเห็น", "การเปิดโอกาสให้เกิดการมีส่วนร่วม"]),
    ("10.1 การดำเนินการเพื่อป้องกันการทุจริต", ["เจตจำนงสุจริตของผู้บริหาร", "การมีส่วนร่วมของผู้บริหาร",
                                                "การประเมินความเสี่ยงการทุจริตประจำปี",
                                                "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต", "การเสริมสร้างวัฒนธรรมองค์กร",
                                                "แผนปฏิบัติการป้องกันการทุจริต",
                                                "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
                                                "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"]),
    ("10.2 มาตรการภายในเพื่อป้องกันการทุจริต", ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                                                "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"]),
])

CAT_2568 = _cat([
    ("9.1 ข้อมูลพื้นฐาน", ["โครงสร้างและอำนาจหน้าที่", "ข้อมูลผู้บริหาร", "ข้อมูลการติดต่อ", "ข่าวประชาสัมพันธ์"]),
    ("9.2 การบริหารงานและการใช้จ่ายงบประมาณ", [
        "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี",
        "รายงานผลการดำเนินงานประจำปี", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
        "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ", "E-Service", "ข้อมูลสถิติการให้บริการ"]),
    ("9.3 การจัดซื้อจัดจ้าง", [
        "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
        "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"]),
    ("9.4 การบริหารและพัฒนาทรัพยากรบุคคล", ["แผนการบริหารและพัฒนาทรัพยากรบุคคล",
                                            "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
                                            "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม"]),
    ("9.5 การส่งเสริมความโปร่งใส", ["แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                                    "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                                    "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                                    "การเปิดโอกาสให้เกิดการมีส่วนร่วม"]),
    ("10.1 การดำเนินการเพื่อป้องกันการทุจริต", [
        "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
        "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
        "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน",
        "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ"]),
    ("10.2 การส่งเสริมคุณธรรมและความโปร่งใส", [
        "แผนปฏิบัติการป้องกันการทุจริต", "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"]),
])

# 2569: grouping unknown (one source); no sub-indicator headings are written for it.
CAT_2569 = _cat([(None, [
    "โครงสร้าง หน้าที่และอำนาจ", "ข้อมูลผู้บริหาร", "ข้อมูลการติดต่อและช่องทางการสอบถาม", "ข่าวประชาสัมพันธ์",
    "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี",
    "รายงานผลการดำเนินงานประจำปี", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
    "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ",
    "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-SERVICE)", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน", "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน",
    "การขับเคลื่อนนโยบาย No Gift Policy จากการปฏิบัติหน้าที่และการเสริมสร้างความรู้เกี่ยวกับหลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าพนักงานของรัฐ",
    "การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ",
    "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตของหน่วยงาน", "แผนปฏิบัติการป้องกันการทุจริต",
    "รายงานผลการดำเนินการป้องกันการทุจริต", "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"])])

assert len(CAT_2566) == 43 and len(CAT_2564) == 43 and len(CAT_2568) == 28 and len(CAT_2569) == 26


def catalogue_for(year):
    if year in (2564, 2565):
        return "2564-2565", CAT_2564
    if year in (2566, 2567):
        return "2566-2567", CAT_2566
    if year == 2568:
        return "2568", CAT_2568
    return "2569", CAT_2569


# ---------------------------------------------------------------------------
# Vocabulary seen in real reports
# ---------------------------------------------------------------------------

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def thai(s):
    return str(s).translate(TO_THAI)


def digits(doc, n):
    return thai(n) if doc["digits"] == "thai" else str(n)


FLAVOURS = ["vlm", "pipe", "html", "plain", "layout"]

# Code forms, by class. Each: (name, function(n, thai_digits) -> raw code).
def _d(n, th):
    return thai(n) if th else str(n)


CODE_FORMS = {
    "code_o": [
        ("O", lambda n, th: "O" + _d(n, th)),
        ("o", lambda n, th: "o" + _d(n, th)),
        ("O_space", lambda n, th: "O " + _d(n, th)),
        ("O_pad", lambda n, th: "O" + _d("%02d" % n, th)),
        ("O_colon", lambda n, th: "O" + _d(n, th) + " :"),
    ],
    "code_zero": [
        ("zero_thai", lambda n, th: "๐" + _d(n, th)),
        ("zero_arabic", lambda n, th: "0" + _d(n, th)),
    ],
    "code_dotted": [
        ("O_dot", lambda n, th: "O." + _d(n, th)),
        ("o_dash", lambda n, th: "o-" + _d(n, th)),
        ("O_dash", lambda n, th: "O-" + _d(n, th)),
        ("O_dot_space", lambda n, th: "O. " + _d(n, th)),
    ],
    "code_bare": [
        ("bare", lambda n, th: _d(n, th)),
        ("bare_period", lambda n, th: _d(n, th) + "."),
    ],
    "code_word": [
        ("kho", lambda n, th: "ข้อ " + _d(n, th)),
        ("kho_nospace", lambda n, th: "ข้อ" + _d(n, th)),
        ("kho_thi", lambda n, th: "ข้อที่ " + _d(n, th)),
    ],
    "code_paren": [
        ("paren", lambda n, th: "(" + _d(n, th) + ")"),
        ("paren_close", lambda n, th: _d(n, th) + ")"),
    ],
    "code_oit": [
        ("OIT", lambda n, th: "OIT" + _d(n, th)),
        ("OIT_space", lambda n, th: "OIT " + _d(n, th)),
    ],
}
CODE_CLASS_WEIGHTS = [("code_o", 5), ("code_zero", 4), ("code_dotted", 3), ("code_bare", 3),
                      ("code_word", 3), ("code_paren", 3), ("code_oit", 1)]

VOCABS = {
    # class: list of (done label, not-done label)
    "vocab_default": [("ดำเนินการ", "ยังไม่ได้ดำเนินการ"), ("ดำเนินการแล้ว", "ยังไม่ดำเนินการ"),
                      ("ดำเนินการแล้ว", "ยังไม่ได้ดำเนินการ"), ("ดำเนินการ", "ยังไม่ดำเนินการ")],
    # "ได้ดำเนินการ" is the tail of "ยังไม่ได้ดำเนินการ": its own class, so that it is measured apart
    "vocab_dai": [("ได้ดำเนินการ", "ยังไม่ได้ดำเนินการ"), ("ได้ดำเนินการ", "ยังไม่ดำเนินการ")],
    "vocab_publish": [("เผยแพร่แล้ว", "ยังไม่เผยแพร่")],
    "vocab_have": [("มี", "ไม่มี"), ("มี", "ไม่มี"), ("ครบถ้วน", "ไม่มี")],
}
IN_PROGRESS = "อยู่ระหว่างดำเนินการ"

BOX_STYLES = {
    # name: (checked variants, empty variants)
    "ballot": (["☑", "☒"], ["☐"]),
    "bracket": (["[x]", "[X]", "[/]", "[✓]"], ["[ ]"]),
    "paren": (["(/)", "( / )", "(✓)"], ["( )", "(  )"]),
    "html": (['<input checked="" type="checkbox"/>'], ['<input type="checkbox"/>']),
    "wingdings": (["\uf0fe"], ["\uf0a8"]),
}
FLAVOUR_BOXES = {
    "vlm": ["html", "html", "ballot", "bracket", "paren"],
    "pipe": ["ballot", "ballot", "html", "bracket", "paren"],
    "html": ["html", "html", "ballot", "bracket"],
    "plain": ["ballot", "bracket", "paren", "paren"],
    "layout": ["ballot", "ballot", "bracket", "paren", "wingdings"],
}
MARKS = ["✓", "✔", "/", "X", "☑", "√", "x"]

HDR = {
    "ord": ["ลำดับ", "ลำดับที่", "ที่"],
    "code_default": "ข้อ",
    "code": ["ตัวชี้วัด", "รหัส", "ข้อที่", "ตัวชี้วัดที่", "O", "เกณฑ์"],
    "title_default": "ข้อมูล",
    "title": ["รายการ", "หัวข้อ", "ประเด็น", "รายการข้อมูล", "ประเด็นการตรวจ", "ชื่อข้อมูล"],
    "status_default": "ความก้าวหน้าผลการดำเนินการ",
    "status": ["สถานะ", "ผลการดำเนินการ", "การเผยแพร่", "สถานะการเผยแพร่", "ผลการดำเนินงาน", "การดำเนินการ"],
    "group_default": "ผลการดำเนินการ",
    "group": ["สถานะ", "การเผยแพร่", "ผลการดำเนินงาน", "สถานะการดำเนินการ"],
    "desc": ["องค์ประกอบด้านข้อมูล", "รายละเอียด", "รายละเอียดข้อมูลที่เผยแพร่"],
    "resp": ["ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "ผู้รับผิดชอบ/ผู้ปฏิบัติ"],
    "url": ["ลิงก์", "URL", "ลิงก์เผยแพร่ข้อมูล", "แหล่งข้อมูล (URL)", "ที่อยู่เว็บไซต์", "File/Link"],
    "notes": ["หมายเหตุ", "คำอธิบายเพิ่มเติม", "อธิบายชี้แจงเพิ่มเติม"],
}

RESPONSIBLE = ["สำนักปลัด", "สำนักปลัด งานการเจ้าหน้าที่", "กองคลัง", "กองคลัง งานพัสดุ", "กองช่าง",
               "สำนักปลัด งานธุรการ", "งานนโยบายและแผน", "กองการศึกษา", "ทุกส่วนงาน", "งานประชาสัมพันธ์"]
DESC_BITS = [
    "-แสดงข้อมูล{t}ของหน่วยงาน", "-เป็นข้อมูลในปี พ.ศ.{y}",
    "-สามารถเข้าถึงหรือเชื่อมโยงไปยังช่องทางข้างต้นได้จากเว็บไซต์หลักของหน่วยงาน",
    "-มีข้อมูลรายละเอียดอย่างน้อยประกอบด้วย (๑) วัตถุประสงค์ (๒) ขั้นตอน (๓) ระยะเวลา",
    "-เผยแพร่ข้อมูลที่เป็นปัจจุบัน", "-มีการลงนามโดยผู้บริหารสูงสุดของหน่วยงาน",
]
DONE_NOTES = [
    "-เผยแพร่ข้อมูลบนเว็บไซต์หลักของหน่วยงานครบตามองค์ประกอบ", "-จัดทำข้อมูลครบถ้วนและเผยแพร่ผ่านเว็บไซต์ของ{a}",
    "-ได้จัดทำ{t}และเผยแพร่บนเว็บไซต์เรียบร้อย", "-มีการปรับปรุงข้อมูลให้เป็นปัจจุบันทุกเดือน", "",
]
NOT_DONE_NOTES = ["-รอการพิจารณาของผู้บริหาร", "-จะจัดทำในไตรมาสถัดไป", "", "-"]
IN_PROGRESS_NOTES = ["-อยู่ระหว่างรวบรวมข้อมูล", "-คาดว่าแล้วเสร็จภายในไตรมาสที่ ๔", ""]
NOTES_COL = ["ปรับปรุงข้อมูลทุกเดือน", "ดูรายละเอียดตามลิงก์", "-", "", "", "ข้อมูล ณ ไตรมาสที่ ๒",
             "เผยแพร่บนเว็บไซต์หลัก", "มีไฟล์ PDF ประกอบ"]
PERSONS = ["นายสมชาย ใจดี", "นางสาวสุดา แก้วมณี", "นายประเสริฐ ทองคำ", "นางวิไล ศรีสุข", "นายธนากร บุญมา"]
THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
IND_ACTIONS = [
    "๑. มีการมอบหมายงานอย่างชัดเจน", "๒. กำหนดเกณฑ์การประเมินผลงานอย่างชัดเจน",
    "สร้างการรับรู้เกี่ยวกับการใช้จ่ายงบประมาณประจำปีให้บุคลากรในหน่วยงาน",
    "เปิดโอกาสให้บุคลากรภายในมีส่วนร่วมในการตรวจสอบการใช้งบประมาณ",
    "มีการกำหนดขั้นตอนระยะเวลาการปฏิบัติงาน", "มีมาตรการคุ้มครองผู้ร้องเรียน",
]
SLUGS = ["khoksamran", "banpao", "nongbua", "tasai", "huaisai", "nakhon", "muangkao", "phonthong", "sila"]

# ---------------------------------------------------------------------------
# Text helpers (Thai display width and wrapping)
# ---------------------------------------------------------------------------

MARK_CHARS = set("\u0e31" + "".join(chr(c) for c in range(0x0E34, 0x0E3B)) +
                 "".join(chr(c) for c in range(0x0E47, 0x0E4F)))


def is_mark(ch):
    return ch in MARK_CHARS


def width(s):
    return sum(0 if is_mark(c) else 1 for c in s)


WORD_STARTS = sorted("""
การ และ หรือ ของ ข้อมูล ประจำปี ประชาสัมพันธ์ ผู้บริหาร หน้าที่ ยุทธศาสตร์ แผน รายงาน ความ
เจ้าหน้าที่ ทรัพยากร บุคคล จริยธรรม มาตรการ คุณธรรม โปร่งใส หน่วยงาน งบประมาณ จัดซื้อ จัดจ้าง
พัสดุ ร้องเรียน ทุจริต ประพฤติ มิชอบ สถิติ บริการ ปฏิบัติ คู่มือ มาตรฐาน นโยบาย กฎหมาย เกี่ยวข้อง
ติดต่อ โครงสร้าง อำนาจ ส่วนร่วม เสี่ยง ป้องกัน ประเมิน ขับเคลื่อน วัฒนธรรม เปิดโอกาส สำรวจ
พึงพอใจ ดำเนินงาน ดำเนินการ คุ้มครอง ส่วนบุคคล ช่องทาง แจ้ง เรื่อง ติดตาม กำกับ ใช้จ่าย ผล ให้
เกิด ภายใน พัฒนา หลักเกณฑ์ เจตนารมณ์ ประกาศ สร้าง รายเดือน เว็บไซต์ หลัก เผยแพร่ เรียบร้อย แล้ว
จัดทำ ครบถ้วน ปรับปรุง ปัจจุบัน ทุก เดือน ระหว่าง รวบรวม แสดง เป็น ใน สามารถ เข้าถึง ได้ จาก
ละเอียด อย่างน้อย ประกอบด้วย ลงนาม โดย สูงสุด สำนัก ปลัด กอง คลัง ช่าง ธุรการ มี กำหนด เกณฑ์
ชัดเจน มอบหมาย บุคลากร ตรวจสอบ เพื่อ สินบน ทรัพย์สิน ประโยชน์ อื่นใด ธรรมจรรยา ภารกิจ ความก้าวหน้า
ยังไม่ ไม่ อยู่ ติดตาม องค์ประกอบ
""".split(), key=len, reverse=True)


# Word starts that are also the end of a longer word ("บริ|การ", "ภาย|ใน"): no break there.
NO_BREAK_AFTER = {"การ": ("บริ", "กิจ", "ประ", "อา", "องค์"), "ใน": ("ภาย",), "สร้าง": ("โครง",), "ราย": ("ราย",),
                  "ผล": ("ประมวล",), "ให้": ("ได้",), "ได้": ("ไม่",), "แจ้ง": ("ชี้",)}


def break_points(s):
    pts = set()
    for i in range(1, len(s)):
        if s[i - 1] == " " and s[i] != " ":
            pts.add(i)
    for w in WORD_STARTS:
        j = s.find(w, 1)
        while j > 0:
            if not any(s[:j].endswith(x) for x in NO_BREAK_AFTER.get(w, ())):
                pts.add(j)
            j = s.find(w, j + 1)
    return sorted(i for i in pts if 0 < i < len(s) and not is_mark(s[i]) and s[i - 1] not in "เแโใไ")


def wrap(s, w):
    """Greedy wrap by display width at spaces and Thai word starts."""
    if width(s) <= w:
        return [s]
    out = []
    rest = s
    while width(rest) > w:
        pts = break_points(rest)
        best = None
        for p in pts:
            if width(rest[:p].rstrip()) <= w:
                best = p
        if best is None:
            # cut before a base character
            acc, best = 0, 0
            for i, ch in enumerate(rest):
                acc += 0 if is_mark(ch) else 1
                if acc > w:
                    break
                best = i + 1
            while best < len(rest) and is_mark(rest[best]):
                best += 1
            best = max(best, 1)
        out.append(rest[:best].rstrip())
        rest = rest[best:].lstrip()
    if rest:
        out.append(rest)
    return [x for x in out if x] or [""]


def split_half(s):
    """Split a title in two at a break point near the middle (for continuation rows)."""
    pts = [p for p in break_points(s) if 3 <= p <= len(s) - 3]
    if not pts:
        return None
    mid = len(s) / 2
    p = min(pts, key=lambda x: (abs(x - mid), x))
    return s[:p].rstrip(), s[p:].lstrip()


def pad(s, w):
    return s + " " * max(0, w - width(s))


def center(s, w):
    left = max(0, (w - width(s)) // 2)
    return pad(" " * left + s, w)


def break_sara_am(s, mode):
    if mode == "nikhahit":
        return s.replace("ำ", "\u0e4d\u0e32")
    if mode == "space":
        return s.replace("ำ", " า")
    return s


# ---------------------------------------------------------------------------
# Gazetteer (data/gazetteer.tsv), for agency names
# ---------------------------------------------------------------------------

FALLBACK_PLACES = [("โคกสำราญ", "บ้านแฮด", "ขอนแก่น"), ("หนองบัว", "เมืองอุดรธานี", "อุดรธานี"),
                   ("ท่าสาย", "เมืองเชียงราย", "เชียงราย"), ("บ้านเป้า", "เกษตรสมบูรณ์", "ชัยภูมิ")]


def load_places(path):
    places = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                c = line.rstrip("\n").split("\t")
                if len(c) >= 6 and c[4] != "10":
                    places.append((c[1], c[3], c[5]))
    except OSError:
        pass
    return places or FALLBACK_PLACES


def pick_agency(rng, places):
    sub, dist, prov = rng.choice(places)
    r = rng.random()
    if r < 0.07:
        name = "องค์การบริหารส่วนจังหวัด" + prov
    elif r < 0.12:
        name = "สำนักงานจังหวัด" + prov
    elif r < 0.45:
        name = rng.choice(["เทศบาลตำบล", "เทศบาลตำบล", "เทศบาลเมือง"]) + sub
    else:
        name = "องค์การบริหารส่วนตำบล" + sub
    return {"name": name, "sub": sub, "dist": dist, "prov": prov}


# ---------------------------------------------------------------------------
# The truth of one document
# ---------------------------------------------------------------------------


def weighted(rng, pairs):
    tot = sum(w for _, w in pairs)
    r = rng.random() * tot
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


# Deviations from the default profile (seed-like: O1/๐๑/0๑๐ codes, ดำเนินการ / ยังไม่ได้ดำเนินการ,
# ticked boxes in one status cell, ข้อ | ข้อมูล | ... | ความก้าวหน้าผลการดำเนินการ, no wrapping). A document
# takes 0-3 of them, so that each class is measured mostly on its own.
DEVIATIONS = [
    ("code_bare", 3), ("code_dotted", 3), ("code_word", 3), ("code_paren", 3), ("code_oit", 2),
    ("code_in_title", 3),
    ("vocab_dai", 3), ("vocab_publish", 3), ("vocab_have", 3), ("vocab_in_progress", 3), ("vocab_broken", 3),
    ("layout_columns", 6), ("layout_value", 3),
    ("cols_ordinal", 3), ("cols_url", 3), ("cols_notes", 2), ("cols_reordered", 3), ("header_variants", 3),
    ("wrap_title", 3), ("wrap_code", 3),
]
EXCLUSIVE = [
    {"code_bare", "code_dotted", "code_word", "code_paren", "code_oit"},
    {"vocab_dai", "vocab_publish", "vocab_have"},
    {"layout_columns", "layout_value"},
    {"vocab_have", "vocab_in_progress"},
    {"vocab_have", "vocab_broken"},
    {"code_paren", "wrap_code"},  # "(๑๐)": the code does not end with the wrapped digit
]


def pick_deviations(rng):
    k = weighted(rng, [(0, 1), (1, 3.5), (2, 4), (3, 1.5)])
    chosen = []
    tries = 0
    while len(chosen) < k and tries < 50:
        tries += 1
        d = weighted(rng, DEVIATIONS)
        if d in chosen or any(d in ex and ex & set(chosen) for ex in EXCLUSIVE):
            continue
        if d == "vocab_broken" and "vocab_publish" in chosen and "vocab_in_progress" not in chosen:
            continue
        if d == "vocab_publish" and "vocab_broken" in chosen and "vocab_in_progress" not in chosen:
            continue
        chosen.append(d)
    return set(chosen)


def make_doc(idx, seed, places):
    rng = random.Random("corpus2:%d:%d" % (seed, idx))
    doc = {"id": "d2_%05d" % idx, "idx": idx, "classes": set()}
    if idx % 40 == 7:
        doc["no_ita"] = ["404", "hello", "letter", "news"][(idx // 40) % 4]
        doc["classes"].add("no_ita")
        return rng, doc
    doc["no_ita"] = None
    flavour = FLAVOURS[idx % 5]
    doc["flavour"] = flavour
    doc["classes"].add("flavour_" + flavour)
    year = weighted(rng, [(2564, 1), (2565, 1), (2566, 1.5), (2567, 1.5), (2568, 2.5), (2569, 2.5)])
    doc["year"] = year
    doc["catalogue"], cat = catalogue_for(year)
    doc["classes"].add("year_2568" if year == 2568 else "year_2569" if year == 2569 else "year_old")
    doc["agency"] = pick_agency(rng, places)
    doc["digits"] = "thai" if rng.random() < 0.6 else "arabic"
    doc["slug"] = rng.choice(SLUGS) + str(rng.randrange(10, 99))
    dev = pick_deviations(rng)
    doc["deviations"] = sorted(dev)

    # Code forms: O1-like or zero-like (seed), now and then both; or one deviating class.
    cls = next((c for c in ("code_bare", "code_dotted", "code_word", "code_paren", "code_oit") if c in dev), None)
    if cls is None:
        cls = "code_o" if rng.random() < 0.5 else "code_zero"
    choices = CODE_FORMS[cls]
    if "wrap_code" in dev:  # the wrapped part is the last digit
        choices = [f for f in choices if f[1](10, False)[-1].isdigit()]
    forms = [(cls, rng.choice(choices))]
    if cls in ("code_o", "code_zero") and rng.random() < 0.35:
        other = "code_zero" if cls == "code_o" else "code_o"
        forms.append((other, rng.choice([f for f in CODE_FORMS[other] if f[1](10, False)[-1].isdigit()])))
    doc["forms"] = forms
    doc["code_thai"] = rng.random() < 0.65
    # Code in the title cell: for all rows (no code column) or for some rows (seed O๓๘).
    doc["code_in_title"] = None
    if "code_in_title" in dev:
        doc["code_in_title"] = "some" if ("wrap_code" in dev or rng.random() < 0.5) else "all"

    # Layout of the status.
    doc["layout"] = "columns" if "layout_columns" in dev else "value" if "layout_value" in dev else "cell"
    doc["classes"].add("layout_" + doc["layout"])

    # Vocabulary.
    vclass = next((v for v in ("vocab_dai", "vocab_publish", "vocab_have") if v in dev), "vocab_default")
    done_l, not_l = rng.choice(VOCABS[vclass])
    labels = {"done": done_l, "not_done": not_l}
    inprog = "vocab_in_progress" in dev
    if inprog:
        labels["in_progress"] = IN_PROGRESS
        doc["classes"].add("vocab_in_progress")
    doc["classes"].add(vclass)
    doc["vocab"] = vclass
    # Broken SARA AM (as OCR of TH Sarabun text gives): the labels with ำ, and the text.
    doc["sara_am"] = None
    if "vocab_broken" in dev:
        assert any("ำ" in v for v in labels.values()), labels
        doc["sara_am"] = rng.choice(["nikhahit", "space", "nikhahit"])
        doc["classes"].add("vocab_broken")
    doc["labels"] = labels
    order = ["done", "in_progress", "not_done"] if inprog else ["done", "not_done"]
    if rng.random() < 0.35:
        order = order[::-1]  # "ยังไม่ได้ดำเนินการ ... ดำเนินการ" (seed order)
    doc["order"] = order

    # Boxes (cell layout) and marks (columns layout).
    doc["box"] = rng.choice(FLAVOUR_BOXES[flavour])
    checked, empty = BOX_STYLES[doc["box"]]
    doc["box_on"], doc["box_off"] = rng.choice(checked), rng.choice(empty)
    doc["box_after"] = rng.random() < 0.25
    doc["opts_one_line"] = (not doc["box_after"]) and rng.random() < 0.6
    if doc["layout"] == "cell":
        doc["classes"].add("box_" + doc["box"])
        if doc["box_after"]:
            doc["classes"].add("box_after")
    if rng.random() < 0.25:
        doc["mark"] = "box"  # a checked box in one column, empty boxes in the others
        doc["mark_on"] = "☑" if flavour in ("plain", "layout") or doc["box"] != "html" else doc["box_on"]
        doc["mark_off"] = "☐" if doc["mark_on"] == "☑" else doc["box_off"]
    else:
        doc["mark"] = doc["mark_on"] = rng.choice(MARKS)
        doc["mark_off"] = "-" if (flavour == "plain" or rng.random() < 0.2) else ""
    doc["two_row_header"] = doc["layout"] == "columns" and rng.random() < 0.45

    # Columns.
    cols = []
    ordinal = "cols_ordinal" in dev
    if ordinal:
        cols.append("ord")
        doc["classes"].add("cols_ordinal")
    if doc["code_in_title"] != "all":
        cols.append("code")
    cols.append("title")
    if rng.random() < 0.45 and not (flavour == "plain" and doc["layout"] == "columns"):
        cols.append("desc")
    if rng.random() < 0.6:
        cols.append("resp")
    cols.append("status")
    if "cols_url" in dev:
        cols.append("url")
        doc["classes"].add("cols_url")
    if "cols_notes" in dev:
        cols.append("notes")
        doc["classes"].add("cols_notes")
    doc["reorder"] = None
    if "cols_reordered" in dev:
        # status before the title; or the code after the title; or URL before the status
        kind = rng.choice(["status_first", "code_after", "url_first"] if "url" in cols else
                          ["status_first", "status_first", "code_after"])
        if kind == "code_after" and "code" not in cols:
            kind = "status_first"
        cols.remove("status")
        if kind == "status_first":
            cols.insert(cols.index("title"), "status")
        elif kind == "code_after":
            cols.remove("code")
            cols.insert(cols.index("title") + 1, "code")
            cols.insert(cols.index("code") + 1, "status")
        else:
            cols.insert(cols.index("url") + 1, "status")
        doc["classes"].add("cols_reordered")
        doc["reorder"] = kind
    doc["cols"] = cols

    # Header words.
    hv = "header_variants" in dev
    doc["hdr"] = {
        "ord": rng.choice(HDR["ord"]),
        "code": rng.choice(HDR["code"]) if hv else HDR["code_default"],
        "title": rng.choice(HDR["title"]) if hv else HDR["title_default"],
        "status": rng.choice(HDR["status"]) if hv else HDR["status_default"],
        "group": rng.choice(HDR["group"]) if hv else HDR["group_default"],
        "desc": rng.choice(HDR["desc"]), "resp": rng.choice(HDR["resp"]),
        "url": rng.choice(HDR["url"]), "notes": rng.choice(HDR["notes"]),
    }
    if hv:
        doc["classes"].add("header_variants")

    # Wrapping.
    doc["wrap_title_p"] = 0.5 if "wrap_title" in dev else 0.0
    doc["wrap_code_p"] = 0.7 if "wrap_code" in dev else 0.0

    # Structure: sections (headings between tables, or section rows in the table).
    has_subs = cat[0][0] is not None
    doc["sections"] = rng.choice(["headings", "headings", "rows", "none"]) if has_subs else "none"
    # The running ordinal is not the item number: items are left out, it restarts under each
    # sub-indicator heading, or it goes on from an earlier list; rarely it equals the number.
    doc["ord_mode"] = None
    if ordinal:
        modes = [("skip", 3), ("offset", 2), ("same", 0.5)] + ([("restart", 3)] if doc["sections"] != "none" else [])
        doc["ord_mode"] = weighted(rng, modes)
    doc["ord_restart"] = doc["ord_mode"] == "restart"
    doc["ord_start"] = rng.choice([9, 11, 12, 20]) if doc["ord_mode"] == "offset" else 1
    doc["page_every"] = rng.choice([0, 8, 10, 12, 15])
    doc["ord_dot"] = "." if rng.random() < 0.3 else ""
    doc["ind_label"] = "long" if rng.random() < 0.75 else "short"
    # Indicator tables say ดำเนินการ / ยังไม่ดำเนินการ whatever words the OIT table uses.
    done_i, not_i = rng.choice(VOCABS["vocab_default"])
    doc["ind_labels"] = {"done": done_i, "not_done": not_i}
    if inprog:
        doc["ind_labels"]["in_progress"] = IN_PROGRESS

    # Items (a report with a running ordinal now and then leaves items out).
    skip_p = 0.2 if doc["ord_mode"] == "skip" else 0.0
    items = []
    for i, (sub, title) in enumerate(cat):
        n = i + 1
        if skip_p and rng.random() < skip_p and n > 1:
            continue
        fcls, (fname, fn) = forms[0] if len(forms) == 1 or rng.random() < 0.6 else forms[1]
        raw = fn(n, doc["code_thai"])
        it = {"n": n, "sub": sub, "title": title, "raw": raw, "form_class": fcls, "form": fname,
              "tags": set()}
        items.append(it)
    doc["items"] = items
    for fcls in sorted({it["form_class"] for it in items}):
        doc["classes"].add(fcls)

    # Statuses.
    for it in items:
        it["status"] = draw_status(rng, doc)
    # Indicator table.
    doc["inds"] = []
    if rng.random() < 0.5:
        doc["classes"].add("indicators")
        n_ind = 10 if rng.random() < 0.3 else 8
        for k in range(n_ind):
            doc["inds"].append({"number": k + 1, "title": INDICATORS[k], "status": draw_status(rng, doc)})
    return rng, doc


def draw_status(rng, doc):
    r = rng.random()
    has_ip = "in_progress" in doc["labels"]
    if r < 0.03:
        return "unknown"
    if r < 0.06 and doc["layout"] != "value":
        return "conflict"
    if r < 0.16:
        return "not_done"
    if has_ip and r < 0.26:
        return "in_progress"
    return "done"


# ---------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------


def lbl(doc, key, labels=None):
    return break_sara_am((labels or doc["labels"])[key], doc["sara_am"])


def txt(doc, s):
    """Running text of the document, with the document's SARA AM damage (half the time)."""
    if doc["sara_am"] and "ำ" in s and zlib.crc32(s.encode("utf-8")) & 1 == 0:
        return break_sara_am(s, doc["sara_am"])
    return s


def ticked_keys(doc, status):
    """Which labels are ticked for a status (cell and columns layouts)."""
    if status == "unknown":
        return set()
    if status == "conflict":
        return {"done", "not_done"}
    return {status}


def status_cell(rng, doc, status, labels, notes_ok=True):
    """Lines of a one-cell status (layout cell or value) for a status."""
    if doc["layout"] == "value":
        if status == "unknown":
            return [rng.choice(["", "-"])]
        return [lbl(doc, status, labels)]
    ticked = ticked_keys(doc, status)
    opts = []
    for key in doc["order"]:
        box = doc["box_on"] if key in ticked else doc["box_off"]
        lab = lbl(doc, key, labels)
        opts.append(("%s %s" % (lab, box)) if doc["box_after"] else ("%s %s" % (box, lab)))
    lines = ["  ".join(opts)] if doc["opts_one_line"] else opts
    if notes_ok:
        pool = {"done": DONE_NOTES, "not_done": NOT_DONE_NOTES, "in_progress": IN_PROGRESS_NOTES}.get(status, [""])
        note = rng.choice(pool).format(a=doc["agency"]["name"], t="ข้อมูล")
        if note:
            lines.append(txt(doc, note))
    return lines


def mark_cells(doc, status):
    """Cells of the status columns (layout columns), one per label in doc order."""
    ticked = ticked_keys(doc, status)
    return [[doc["mark_on"]] if key in ticked else ([doc["mark_off"]] if doc["mark_off"] else [])
            for key in doc["order"]]


def url_for(rng, doc, n):
    y = doc["year"]
    base = "https://www.%s.go.th" % doc["slug"]
    return rng.choice([
        "%s/ita%d/o%d" % (base, y, n), "%s/index.php?op=dynamiccontent&id=%d" % (base, 1000 + 37 * n),
        "%s/public/ita/data/detail/%d" % (base, n), "%s/uploads/%d/o%02d.pdf" % (base, y, n),
    ])


def item_cells(rng, doc, it, ordinal):
    """Logical row of an item: {col: lines} (status columns under 'status' as a list)."""
    title = txt(doc, it["title"])
    raw = it["raw"]
    in_title = doc["code_in_title"] == "all" or (doc["code_in_title"] == "some" and rng.random() < 0.45)
    if in_title:
        it["tags"].add("code_in_title")
        doc["classes"].add("code_in_title")
    cells = {}
    cells["ord"] = [digits(doc, ordinal) + doc["ord_dot"]]
    cells["code"] = [] if in_title else [raw]
    cells["title"] = [(raw + " " + title) if in_title else title]
    cells["desc"] = [txt(doc, rng.choice(DESC_BITS).format(t=it["title"].split(" ")[0], y=digits(doc, doc["year"])))]
    cells["resp"] = [rng.choice(RESPONSIBLE)]
    cells["url"] = [url_for(rng, doc, it["n"])] if it["status"] in ("done", "conflict") or rng.random() < 0.3 else ["-"]
    cells["notes"] = [rng.choice(NOTES_COL)]
    if doc["layout"] == "columns":
        cells["status"] = mark_cells(doc, it["status"])
    else:
        cells["status"] = status_cell(rng, doc, it["status"], doc["labels"])
    return cells, in_title


def physical_rows(rng, doc, it, cells, in_title):
    """Split a logical item row into physical rows (continuation rows for wrapping)."""
    cols = doc["cols"]
    first = {c: list(v) if c != "status" else v for c, v in cells.items()}
    cont = None
    # wrap_code: the last digit of the code on the next line of the code cell
    raw = it["raw"]
    can_wrap_code = (not in_title and "code" in cols and len(raw) >= 3 and raw[-1].isdigit()
                     and raw[-2].isdigit() and doc["wrap_code_p"] and rng.random() < doc["wrap_code_p"])
    long_title = width(it["title"]) >= 24
    can_wrap_title = long_title and doc["wrap_title_p"] and rng.random() < doc["wrap_title_p"]
    if can_wrap_code or can_wrap_title:
        cont = {}
        if can_wrap_code:
            first["code"] = [raw[:-1]]
            cont["code"] = [raw[-1]]
            it["tags"].add("wrap_code")
            doc["classes"].add("wrap_code")
        if can_wrap_title:
            parts = split_half(first["title"][0])
            if parts:
                first["title"] = [parts[0]]
                cont["title"] = [parts[1]]
                it["tags"].add("wrap_title")
                doc["classes"].add("wrap_title")
                if rng.random() < 0.3 and doc["layout"] != "columns":
                    # the status printed on the continuation line (seed O10-O12)
                    cont["status"] = first["status"]
                    first["status"] = []
                    it["tags"].add("status_on_cont")
    rows = [("item", first)]
    if cont:
        rows.append(("cont", cont))
    return rows


def indicator_cells(rng, doc, ind):
    label = ("ตัวชี้วัดที่ %s %s" % (digits(doc, ind["number"]), txt(doc, ind["title"]))
             if doc["ind_label"] == "long" else "%s. %s" % (digits(doc, ind["number"]), txt(doc, ind["title"])))
    cells = {
        "ind": [label], "guide": [txt(doc, rng.choice(IND_ACTIONS))], "resp": [rng.choice(RESPONSIBLE)],
        "period": ["ตลอดปีงบประมาณ"],
    }
    if doc["layout"] == "columns":
        cells["status"] = mark_cells(doc, ind["status"])
    else:
        cells["status"] = status_cell(rng, doc, ind["status"], doc["ind_labels"])
    return cells


# ---------------------------------------------------------------------------
# Tables and blocks
# ---------------------------------------------------------------------------


def header_for(doc, cols, kind):
    """(top row [(text, span)], sub row [text] or None, expanded column kinds)."""
    h = doc["hdr"]
    names = {"ord": h["ord"], "code": h["code"], "title": h["title"], "desc": h["desc"], "resp": h["resp"],
             "url": h["url"], "notes": h["notes"], "status": h["status"], "ind": "ตัวชี้วัด",
             "guide": "แนวทางการยกระดับการประเมิน", "period": "ระยะเวลา"}
    top, sub, kinds = [], [], []
    for c in cols:
        if c == "status" and doc["layout"] == "columns":
            labs = [lbl(doc, k, doc["labels"] if kind == "oit" else doc["ind_labels"]) for k in doc["order"]]
            if doc["two_row_header"]:
                top.append((h["group"] if kind == "oit" else "ผลการดำเนินการ", len(labs)))
                sub.extend(labs)
            else:
                top.extend((x, 1) for x in labs)
                sub.extend([""] * len(labs))
            kinds.extend(["st"] * len(labs))
        else:
            top.append((names[c], 1))
            sub.append("")
            kinds.append(c)
    return top, (sub if doc["two_row_header"] and doc["layout"] == "columns" else None), kinds


def expand(doc, cols, cells):
    """A physical row {col: lines} to a list of cells (lists of lines) in column order."""
    out = []
    for c in cols:
        v = cells.get(c, [])
        if c == "status" and doc["layout"] == "columns":
            n = len(doc["order"])
            out.extend(v if v else [[] for _ in range(n)])
        else:
            out.append(v)
    return out


def build(rng, doc):
    a = doc["agency"]
    y = digits(doc, doc["year"])
    blocks = []
    heads = [
        "แบบรายงานผลการดำเนินการตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. %s" % y,
        "รายงานความก้าวหน้าการเปิดเผยข้อมูลสาธารณะ ITA ประจำปี %s" % y,
        "ตารางเพื่อทบทวน/ตรวจสอบการมีหลักฐานตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ ประจำปีงบประมาณ %s" % y,
        "ผลการดำเนินงานตามเกณฑ์การประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ.%s" % y,
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ %s" % y,
    ]
    place = "อำเภอ%s จังหวัด%s" % (a["dist"], a["prov"])
    if rng.random() < 0.5:
        blocks.append(("h", txt(doc, rng.choice(heads))))
        blocks.append(("h", "%s %s" % (a["name"], place)))
    else:
        blocks.append(("h", txt(doc, rng.choice(heads)) + " " + a["name"] + " " + place))
    blocks.append(("p", txt(doc, "(Open Data Integrity and Transparency Assessment : OIT) %s ได้ดำเนินการเปิดเผยข้อมูล"
                              "ต่อสาธารณะผ่านเว็บไซต์หลักของหน่วยงาน เพื่อให้ประชาชนสามารถเข้าถึงได้ ดังนี้" % a["name"])))
    if rng.random() < 0.15:
        blocks.append(("p", "จากผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. %s หน่วยงานได้คะแนน %s คะแนน"
                            % (digits(doc, doc["year"] - 1), digits(doc, "%.2f" % rng.uniform(80, 99)))))

    # Indicator table.
    if doc["inds"]:
        blocks.append(("h", "ผลการดำเนินการตามแนวทางการยกระดับตัวชี้วัด"))
        icols = ["ind", "guide", "resp", "period", "status"]
        top, sub, kinds = header_for(doc, icols, "ind")
        rows = [("item", expand(doc, icols, indicator_cells(rng, doc, ind))) for ind in doc["inds"]]
        blocks.append(("table", top, sub, kinds, rows))
        if rng.random() < 0.5:
            blocks.append(("page",))

    blocks.append(("h", rng.choice(["ประเด็นการประเมิน OIT", "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)",
                                    "ตัวชี้วัดที่ %s การเปิดเผยข้อมูล และตัวชี้วัดที่ %s การป้องกันการทุจริต"
                                    % (digits(doc, 9), digits(doc, 10))])))
    cols = doc["cols"]
    top, sub, kinds = header_for(doc, cols, "oit")
    rows = []
    ordinal = doc["ord_start"] - 1
    cur_sub = None
    since_page = 0

    def flush():
        if rows:
            blocks.append(("table", top, sub, kinds, list(rows)))
            rows.clear()

    for it in doc["items"]:
        if it["sub"] != cur_sub and doc["sections"] != "none":
            cur_sub = it["sub"]
            num, name = cur_sub.split(" ", 1)
            num_t = num if doc["digits"] == "arabic" else thai(num)
            if doc["ord_restart"]:
                ordinal = 0
            if doc["sections"] == "headings":
                flush()
                blocks.append(("h", txt(doc, "ตัวชี้วัดย่อยที่ %s %s" % (num_t, name))))
            else:
                sec = {c: [] for c in cols}
                sec[cols[0] if cols[0] != "status" else "title"] = ["%s %s" % (num_t, txt(doc, name))]
                rows.append(("section", expand(doc, cols, sec)))
        ordinal += 1
        cells, in_title = item_cells(rng, doc, it, ordinal)
        for kind, pr in physical_rows(rng, doc, it, cells, in_title):
            rows.append((kind, expand(doc, cols, pr)))
        since_page += 1
        if doc["page_every"] and since_page >= doc["page_every"]:
            since_page = 0
            flush()
            blocks.append(("page",))
    flush()
    blocks.append(("lines", ["", "ลงชื่อ %s ผู้รายงาน" % rng.choice(PERSONS),
                             "ตำแหน่ง %s" % rng.choice(["ปลัด", "หัวหน้าสำนักปลัด", "นักวิเคราะห์นโยบายและแผน"]),
                             "วันที่ %s %s %s" % (digits(doc, rng.randrange(1, 29)), rng.choice(THAI_MONTHS),
                                                  digits(doc, doc["year"]))]))
    return blocks


# ---------------------------------------------------------------------------
# Renderers (one per OCR flavour)
# ---------------------------------------------------------------------------


def esc(s):
    return s.replace("&", "&amp;")


def render_vlm(rng, doc, blocks):
    out = ["", ""]
    amp = rng.random() < 0.7
    for b in blocks:
        if b[0] == "h":
            out += ["**%s**" % b[1], ""]
        elif b[0] == "p":
            out += [b[1], ""]
        elif b[0] == "lines":
            out += b[1] + [""]
        elif b[0] == "page":
            out += ["\f"] if rng.random() < 0.6 else ["", "", ""]
        elif b[0] == "table":
            _, top, sub, kinds, rows = b
            line = []
            for t, span in top:
                line += [t] + [""] * (span - 1)
            out.append("\t".join(line))
            if sub:
                out.append("\t".join(sub))
            for kind, cells in rows:
                para = rng.random() < 0.35
                cs = []
                for c in cells:
                    c = [x for x in c if x != ""]
                    if para and len(c) > 1:
                        cs.append(" ".join("<p>%s</p>" % x for x in c))
                    else:
                        cs.append(" ".join(c))
                row = "\t".join(cs)
                out.append(esc(row) if amp else row)
            out.append("")
    return "\n".join(out).replace("\n\f\n", "\f")


def render_pipe(rng, doc, blocks):
    out = []
    br = rng.random() < 0.75
    for b in blocks:
        if b[0] == "h":
            out += [("## " + b[1]) if rng.random() < 0.6 else "**%s**" % b[1], ""]
        elif b[0] == "p":
            out += [b[1], ""]
        elif b[0] == "lines":
            out += b[1] + [""]
        elif b[0] == "page":
            out.append("\f")
        elif b[0] == "table":
            _, top, sub, kinds, rows = b
            line = []
            for t, span in top:
                line += [t] + [""] * (span - 1)
            out.append("| " + " | ".join(line) + " |")
            out.append("|" + "|".join("---" for _ in line) + "|")
            if sub:
                out.append("| " + " | ".join(sub) + " |")
            for kind, cells in rows:
                cs = [("<br>" if br else " ").join(x for x in c if x != "") for c in cells]
                out.append("| " + " | ".join(cs) + " |")
            out.append("")
    return "\n".join(out).replace("\n\f\n", "\f")


def render_html(rng, doc, blocks):
    out = ["<html><body>"]
    for b in blocks:
        if b[0] == "h":
            out.append("<h2>%s</h2>" % esc(b[1]))
        elif b[0] == "p":
            out.append("<p>%s</p>" % esc(b[1]))
        elif b[0] == "lines":
            out.extend("<p>%s</p>" % esc(x) for x in b[1] if x)
        elif b[0] == "page":
            out.append("</body></html>\f<html><body>")
        elif b[0] == "table":
            _, top, sub, kinds, rows = b
            out.append('<table border="1">')
            if sub:
                ths = []
                for t, span in top:
                    ths.append('<th colspan="%d">%s</th>' % (span, t) if span > 1 else '<th rowspan="2">%s</th>' % t)
                out.append("<tr>" + "".join(ths) + "</tr>")
                out.append("<tr>" + "".join("<th>%s</th>" % s for s in sub if s) + "</tr>")
            else:
                out.append("<tr>" + "".join("<th>%s</th>" % t for t, _ in top) + "</tr>")
            for kind, cells in rows:
                tds = []
                for c in cells:
                    c = [esc(x) for x in c if x != ""]
                    if len(c) > 1 and rng.random() < 0.3:
                        tds.append("<td>" + "".join("<p>%s</p>" % x for x in c) + "</td>")
                    else:
                        tds.append("<td>" + rng.choice(["<br>", "<br/>"]).join(c) + "</td>")
                out.append("<tr>" + "".join(tds) + "</tr>")
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def render_plain(rng, doc, blocks):
    """Plain OCR lines: a row's code and title on one line, then the other cells' lines.
    Status columns (layout columns) stay on the code line, "-" marking an empty column."""
    out = []
    page = 1
    for b in blocks:
        if b[0] in ("h", "p"):
            out += [b[1], ""]
        elif b[0] == "lines":
            out += b[1] + [""]
        elif b[0] == "page":
            page += 1
            out += ["\f", "- %s -" % digits(doc, page), ""]
        elif b[0] == "table":
            _, top, sub, kinds, rows = b
            out.append(" ".join(t for t, _ in top))
            if sub:
                out.append(" ".join(s for s in sub if s))
            for kind, cells in rows:
                head, tail = [], []
                for k, c in zip(kinds, cells):
                    if k in ("ord", "code", "title", "ind", "st"):
                        head.append(" ".join(x for x in c if x))
                    else:
                        tail.append(c)
                first = " ".join(x for x in head if x)
                if first:
                    out.append(first)
                for c in tail:
                    for x in c:
                        if x:
                            out.append(x)
            out.append("")
    return "\n".join(out).replace("\n\f\n", "\f")


LAYOUT_W = {"ord": 7, "code": 9, "title": 34, "desc": 36, "resp": 16, "status": 30, "st": 12, "url": 30,
            "notes": 18, "ind": 24, "guide": 30, "period": 14}


def render_layout(rng, doc, blocks):
    """pdftotext -layout: fixed columns padded with spaces, cells wrapped in their column."""
    out = []
    page = 1
    margin = " " * rng.choice([2, 4, 6])
    gap = "  "
    for b in blocks:
        if b[0] in ("h", "p"):
            out += [margin + "    " + x for x in wrap(b[1], 96)] + [""]
        elif b[0] == "lines":
            out += [(margin + "      " + x) if x else "" for x in b[1]] + [""]
        elif b[0] == "page":
            page += 1
            out += ["\f" + margin + " " * 50 + digits(doc, page), ""]
        elif b[0] == "table":
            _, top, sub, kinds, rows = b
            ws = [LAYOUT_W[k] for k in kinds]
            if "code" in kinds:
                need = max((width(c[0]) for r in rows if r[0] != "section"
                            for k, c in zip(kinds, r[1]) if k == "code" and c), default=4)
                ws[kinds.index("code")] = max(ws[kinds.index("code")], need + 1)

            def emit(cols_lines, ws, centred):
                n = max((len(x) for x in cols_lines), default=0)
                for i in range(n):
                    parts = []
                    for j, (lines, w) in enumerate(zip(cols_lines, ws)):
                        s = lines[i] if i < len(lines) else ""
                        parts.append(center(s, w) if centred[j] else pad(s, w))
                    out.append((margin + gap.join(parts)).rstrip())

            centred = [k == "st" for k in kinds]
            # header: top row (group labels spanning their columns), then sub labels
            hcols, hws = [], []
            j = 0
            for t, span in top:
                w = sum(ws[j:j + span]) + len(gap) * (span - 1)
                hcols.append(wrap(t, w))
                hws.append(w)
                j += span
            emit(hcols, hws, [True] * len(hcols))
            if sub:
                emit([wrap(s, w) if s else [] for s, w in zip(sub, ws)], ws, [True] * len(ws))
            merged = []
            for kind, cells in rows:
                if kind == "cont" and merged:
                    # pdftotext writes a wrapped cell's next line right under the first one
                    prev = merged[-1][1]
                    for j, c in enumerate(cells):
                        if c:
                            prev[j] = list(prev[j]) + ([""] if not prev[j] else []) + list(c)
                    continue
                merged.append((kind, [list(c) for c in cells]))
            for kind, cells in merged:
                if kind == "section":  # a row spanning the table
                    out.append(margin + " ".join(x for c in cells for x in c if x))
                    continue
                cl = []
                for c, w in zip(cells, ws):
                    lines = []
                    for x in c:
                        if not x:
                            lines.append("")
                        elif x.startswith("http"):
                            lines.extend(x[i:i + w] for i in range(0, len(x), w))
                        else:
                            lines.extend(wrap(x, w))
                    cl.append(lines)
                emit(cl, ws, centred)
                if rng.random() < 0.4:
                    out.append("")
            out.append("")
    return "\n".join(out).replace("\n\f", "\f")


RENDER = {"vlm": render_vlm, "pipe": render_pipe, "html": render_html, "plain": render_plain,
          "layout": render_layout}

# ---------------------------------------------------------------------------
# Documents with no ITA content
# ---------------------------------------------------------------------------


def no_ita_text(rng, doc, places):
    kind = doc["no_ita"]
    a = pick_agency(rng, places)
    if kind == "404":
        doc["flavour"] = "html"
        return ("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n<body>\n"
                "<h1>Not Found</h1>\n<p>The requested URL /ita/2567/report.pdf was not found on this server.</p>\n"
                "<hr>\n<address>Apache/2.4.41 (Ubuntu) Server at www.%s.go.th Port 443</address>\n</body></html>\n"
                % rng.choice(SLUGS))
    doc["flavour"] = "plain"
    if kind == "hello":
        return "hello\n"
    if kind == "letter":
        d = rng.randrange(1, 29)
        return "\n".join([
            "ที่ %s %s/%s" % (rng.choice(["ขก", "อด", "ชร"]), thai(rng.randrange(70000, 79999)), thai(rng.randrange(100, 999))),
            a["name"], "", "%s %s %s" % (thai(d), rng.choice(THAI_MONTHS), thai(2567)),
            "เรื่อง ขอเชิญประชุมสภา%s สมัยสามัญ สมัยที่ ๒" % a["name"],
            "เรียน สมาชิกสภา%s ทุกท่าน" % a["name"],
            "สิ่งที่ส่งมาด้วย ระเบียบวาระการประชุม จำนวน ๑ ฉบับ", "",
            "ด้วย%sกำหนดให้มีการประชุมสภา สมัยสามัญ สมัยที่ ๒ ประจำปี ๒๕๖๗ ในวันที่ %s %s ๒๕๖๗ เวลา ๐๙.๓๐ น."
            % (a["name"], thai(d), rng.choice(THAI_MONTHS)),
            "ณ ห้องประชุมสภา โดยมีระเบียบวาระดังนี้",
            "๑. เรื่องที่ประธานแจ้งต่อที่ประชุม", "๒. รับรองรายงานการประชุมครั้งที่แล้ว",
            "๓. ญัตติร่างข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม", "๔. เรื่องอื่น ๆ", "",
            "จึงเรียนมาเพื่อโปรดทราบและเข้าร่วมประชุมโดยพร้อมเพรียงกัน", "", "ขอแสดงความนับถือ", "",
            "(%s)" % rng.choice(PERSONS), "ประธานสภา%s" % a["name"], ""])
    return "\n".join([
        "ข่าวประชาสัมพันธ์", "",
        "%s จัดกิจกรรมวันเด็กแห่งชาติ ประจำปี ๒๕๖๗ ณ ลานอเนกประสงค์ มีเด็กและผู้ปกครองเข้าร่วมกว่า ๕๐๐ คน" % a["name"],
        "ภายในงานมีการแจกของขวัญ การแสดงบนเวที และซุ้มเกมจากส่วนราชการต่าง ๆ", "",
        "ภาพ: งานประชาสัมพันธ์ %s" % a["name"], ""])


# ---------------------------------------------------------------------------
# Answers and self-check
# ---------------------------------------------------------------------------


def answers(doc):
    if doc["no_ita"]:
        return {"id": doc["id"], "file": doc["id"] + ".txt", "flavour": doc["flavour"], "classes": ["no_ita"],
                "fiscal_year": None, "catalogue": None, "indicators": [], "oit_items": [],
                "expect_status": "partial", "expect_flags": ["no_ita_content"], "no_ita_kind": doc["no_ita"]}
    statuses = [it["status"] for it in doc["items"]] + [r["status"] for r in doc["inds"]]
    flags = []
    if "unknown" in statuses:
        flags.append("status_missing")
    if "conflict" in statuses:
        flags.append("status_conflict")
    return {
        "id": doc["id"], "file": doc["id"] + ".txt", "flavour": doc["flavour"],
        "classes": sorted(doc["classes"]), "fiscal_year": doc["year"], "catalogue": doc["catalogue"],
        "indicators": [{"number": r["number"], "status": r["status"]} for r in doc["inds"]],
        "oit_items": [{"code": "O%d" % it["n"], "raw_code": it["raw"], "status": it["status"],
                       "tags": sorted(it["tags"])} for it in doc["items"]],
        "expect_status": "ok", "expect_flags": flags,
        "layout": doc["layout"], "vocab": doc["vocab"], "labels": doc["labels"],
        "code_forms": sorted({it["form"] for it in doc["items"]}),
        "box": doc["box"] if doc["layout"] == "cell" else None,
        "mark": doc["mark_on"] if doc["layout"] == "columns" else None,
        "cols": doc["cols"], "deviations": doc["deviations"], "ordinal": doc["ord_mode"],
    }


class SelfCheckError(Exception):
    pass


def decode_cells(doc, cells_status, raw_labels):
    """Status of a row from its status cell(s), independent of how they were built."""
    labels = {k: lbl(doc, k, raw_labels) for k in raw_labels}
    if doc["layout"] == "columns":
        on = [k for k, c in zip(doc["order"], cells_status) if c and c[0] == doc["mark_on"]]
    elif doc["layout"] == "value":
        v = cells_status[0] if cells_status else ""
        on = [k for k, l in labels.items() if v == l]
    else:
        text = " ".join(cells_status)
        on = []
        for k, l in labels.items():
            pat = ("%s %s" % (l, doc["box_on"])) if doc["box_after"] else ("%s %s" % (doc["box_on"], l))
            # a label must not be found inside a longer label ("ดำเนินการ" in "ยังไม่ได้ดำเนินการ")
            i = text.find(pat)
            while i >= 0:
                before = text[:i] if doc["box_after"] else text[:i + len(doc["box_on"]) + 1]
                longer = any(o != l and o.endswith(l) and before.endswith(o[:len(o) - len(l)])
                             for o in labels.values())
                if not longer:
                    on.append(k)
                    break
                i = text.find(pat, i + 1)
    if not on:
        return "unknown"
    if len(on) >= 2:
        return "conflict"
    return on[0]


def self_check(doc, blocks, text):
    if doc["no_ita"]:
        return
    # 1. statuses decodable from the cells of the logical rows
    tables = [b for b in blocks if b[0] == "table"]
    want = [r["status"] for r in doc["inds"]] + [it["status"] for it in doc["items"]]
    got = []
    for _, top, sub, kinds, rows in tables:
        lab = doc["ind_labels"] if "ind" in kinds else doc["labels"]
        pending = None
        for kind, cells in rows:
            st = [c for k, c in zip(kinds, cells) if k in ("st", "status")]
            if doc["layout"] != "columns":
                st = st[0]
            if kind == "item":
                if pending is not None:
                    got.append((pending, lab))
                pending = st
            elif kind == "cont" and pending is not None:
                if doc["layout"] != "columns" and not pending and st:
                    pending = st
        if pending is not None:
            got.append((pending, lab))
    dec = [decode_cells(doc, s, lab) for s, lab in got]
    if dec != want:
        raise SelfCheckError("%s: statuses decoded %s want %s" % (doc["id"], dec, want))
    # 2. raw codes (the first part of a wrapped one) appear in order
    pos = 0
    body = text.replace("&amp;", "&")
    for it in doc["items"]:
        code = it["raw"][:-1] if "wrap_code" in it["tags"] else it["raw"]
        i = body.find(code, pos)
        if i < 0:
            raise SelfCheckError("%s: code %r of O%d not found after offset %d" % (doc["id"], code, it["n"], pos))
        pos = i + len(code)
    # 3. count of ticks where the tick glyph is unambiguous
    on = doc["mark_on"] if doc["layout"] == "columns" else doc["box_on"] if doc["layout"] == "cell" else None
    if on and on not in ("/", "X", "x"):
        n_want = sum(len(ticked_keys(doc, s)) for s in want)
        n_got = text.count(on) if on != "√" else text.count("√")
        if n_got != n_want:
            raise SelfCheckError("%s: %d ticks %r in text, want %d" % (doc["id"], n_got, on, n_want))


def write_one(i, seed, places, out):
    rng, doc = make_doc(i, seed, places)
    if doc["no_ita"]:
        text = no_ita_text(rng, doc, places)
        blocks = []
    else:
        blocks = build(rng, doc)
        text = RENDER[doc["flavour"]](rng, doc, blocks)
        if not text.endswith("\n"):
            text += "\n"
    self_check(doc, blocks, text)
    with open(os.path.join(out, doc["id"] + ".txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return answers(doc)


def generate(args):
    os.makedirs(args.out, exist_ok=True)
    places = load_places(GAZETTEER)
    t0 = time.time()
    counts = {c: {"docs": 0, "items": 0} for c in CLASSES}
    tags = {}
    with open(os.path.join(args.out, "answers.jsonl"), "w", encoding="utf-8", newline="\n") as ans:
        for i in range(args.n):
            a = write_one(i, args.seed, places, args.out)
            ans.write(json.dumps(a, ensure_ascii=False, separators=(",", ":")) + "\n")
            for c in a["classes"]:
                counts[c]["docs"] += 1
                counts[c]["items"] += len(a["oit_items"])
            for it in a["oit_items"]:
                for t in it["tags"]:
                    tags[t] = tags.get(t, 0) + 1
    manifest = {"generator": "scripts/gen_corpus2.py", "version": VERSION, "seed": args.seed, "n": args.n,
                "classes": counts, "item_tags": dict(sorted(tags.items()))}
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if not args.quiet:
        print("wrote %d documents in %.1f s to %s" % (args.n, time.time() - t0, args.out), file=sys.stderr)
        for c in CLASSES:
            print("  %-20s %5d docs %6d items" % (c, counts[c]["docs"], counts[c]["items"]), file=sys.stderr)
        for t, n in sorted(tags.items()):
            print("  item tag %-14s %5d items" % (t, n), file=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300, help="number of documents (default 300)")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("--n must be >= 0")
    try:
        generate(args)
    except SelfCheckError as e:
        print("gen_corpus2.py: self-check failed: %s" % e, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
