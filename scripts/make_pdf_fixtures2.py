#!/usr/bin/env python3
"""Second set of born-digital ITA fixtures (fixtures/pdf2/): small Thai OIT progress
reports laid out the ways agencies lay them out, exported to PDF by LibreOffice, with the
expected answers beside each PDF (NAME.pdf + NAME.json).

The layouts follow public agency documents: publish/not-published status columns with
Wingdings 2 or Unicode boxes, three status columns with a typed ✓ or "/", HTML forms
with real check boxes, item codes typed with Thai digits ("๐๑๐" for O10) in a column so
narrow that the code wraps, bare item numbers ๑..๔๓ without the O, a ลำดับ ordinal column
next to the real code and a URL column, a Calc sheet, the 2568 list of 28 items, and two
documents that are not ITA reports at all (a letter and a saved "404" page).

Each answers file has the keys of fixtures/pdf/*.json (source, style, agency, province,
fiscal_year, indicators {n: status}, items {"O<n>": status}) plus "classes", the layout
difficulties the fixture stands for. Statuses use the output contract's words: done,
not_done, in_progress, conflict (two states ticked), unknown (nothing ticked). The not-ITA
documents carry "expect_status": "partial" and "expect_flags": ["no_ita_content"].
The answers come from the same random choices that wrote the documents, never from the
PDFs.

Needs: python3 with fontTools, LibreOffice Writer and Calc (apt-get install
libreoffice-writer-nogui libreoffice-calc-nogui python3-fonttools fonts-thai-tlwg
fonts-dejavu-core). The stand-in Wingdings / Wingdings 2 fonts are built and installed
by scripts/make_pdf_fixtures.py's helpers (imported from there) for the conversion and
removed afterwards.

Usage: scripts/make_pdf_fixtures2.py [--out fixtures/pdf2] [--seed 68] [--keep-sources]
        [--only NAME ...]
Deterministic for a given seed.
"""

import argparse
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))


def first_script():
    """scripts/make_pdf_fixtures.py, for its stand-in symbol fonts."""
    spec = importlib.util.spec_from_file_location("make_pdf_fixtures", os.path.join(HERE, "make_pdf_fixtures.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ---------------------------------------------------------------- catalogue (shared/reference/ita-catalogue.md)

OIT_2567 = [
    "โครงสร้าง", "ข้อมูลผู้บริหาร", "อำนาจหน้าที่", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "ข้อมูลการติดต่อ",
    "กฎหมายที่เกี่ยวข้อง", "ข่าวประชาสัมพันธ์", "Q&A", "Social Network", "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
    "แผนการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
    "รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ ประจำปี รอบ 6 เดือน",
    "รายงานผลการดำเนินงานประจำปี", "คู่มือหรือมาตรฐานการปฏิบัติงาน", "คู่มือหรือมาตรฐานการให้บริการ",
    "ข้อมูลเชิงสถิติการให้บริการ", "รายงานผลการสำรวจความพึงพอใจการให้บริการ", "E-Service",
    "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
    "นโยบายหรือแผนการบริหารทรัพยากรบุคคล", "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล",
    "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "การสร้างวัฒนธรรม No Gift Policy",
    "รายงานผลตามนโยบาย No Gift Policy", "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี",
    "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ", "แผนปฏิบัติการป้องกันการทุจริต",
    "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
    "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "การขับเคลื่อนจริยธรรม",
    "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
]
GROUPS_2567 = [(1, "9.1 ข้อมูลพื้นฐาน"), (11, "9.2 การบริหารงานและการใช้จ่ายงบประมาณ"),
               (19, "9.3 การจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"), (23, "9.4 การบริหารและพัฒนาทรัพยากรบุคคล"),
               (27, "9.5 การส่งเสริมความโปร่งใส"), (31, "10.1 การดำเนินการเพื่อป้องกันการทุจริต"),
               (39, "10.2 มาตรการส่งเสริมคุณธรรมและความโปร่งใส")]
OIT_2568 = [
    "โครงสร้างและอำนาจหน้าที่", "ข้อมูลผู้บริหาร", "ข้อมูลการติดต่อ", "ข่าวประชาสัมพันธ์",
    "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี",
    "รายงานผลการดำเนินงานประจำปี", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
    "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ", "E-Service", "ข้อมูลสถิติการให้บริการ",
    "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
    "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
    "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน",
    "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ", "แผนปฏิบัติการป้องกันการทุจริต",
    "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
]
GROUPS_2568 = [(1, "9.1 ข้อมูลพื้นฐาน"), (5, "9.2 การบริหารงานและการใช้จ่ายงบประมาณ"), (12, "9.3 การจัดซื้อจัดจ้าง"),
               (14, "9.4 การบริหารและพัฒนาทรัพยากรบุคคล"), (17, "9.5 การส่งเสริมความโปร่งใส"),
               (21, "10.1 การดำเนินการเพื่อป้องกันการทุจริต (สินบน)"), (25, "10.2 การส่งเสริมคุณธรรมและความโปร่งใส")]
INDICATORS = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
              "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร", "การปรับปรุงการทำงาน",
              "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"]

# (kind of body, name, district, province, web slug)
AGENCIES = [
    ("เทศบาลตำบล", "แม่โจ้", "สันทราย", "เชียงใหม่", "maejo"),
    ("องค์การบริหารส่วนตำบล", "โนนสัง", "โนนสัง", "หนองบัวลำภู", "nonsang"),
    ("เทศบาลตำบล", "โคกสำราญ", "บ้านแฮด", "ขอนแก่น", "koksamran"),
    ("องค์การบริหารส่วนตำบล", "นาหว้า", "นาหว้า", "นครพนม", "nawa"),
    ("เทศบาลตำบล", "คลองแห", "หาดใหญ่", "สงขลา", "khlonghae"),
    ("องค์การบริหารส่วนตำบล", "ห้วยแร้ง", "เมืองตราด", "ตราด", "huairaeng"),
    ("เทศบาลเมือง", "ท่าช้าง", "เมืองจันทบุรี", "จันทบุรี", "thachang"),
    ("องค์การบริหารส่วนตำบล", "บ้านเป้า", "เกษตรสมบูรณ์", "ชัยภูมิ", "banpao"),
    ("เทศบาลตำบล", "ปากพูน", "เมืองนครศรีธรรมราช", "นครศรีธรรมราช", "pakpoon"),
    ("องค์การบริหารส่วนตำบล", "หนองสาหร่าย", "ปากช่อง", "นครราชสีมา", "nongsarai"),
]

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def th(n):
    """Arabic digits of n (int or str) as Thai digits."""
    return "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in str(n))


# ---------------------------------------------------------------- statuses

def draw_statuses(rng, n, weights, force=()):
    """n statuses drawn with weights {status: weight}; `force` lists statuses that must
    occur at least once (put at random positions)."""
    names = list(weights)
    out = [rng.choices(names, [weights[k] for k in names])[0] for _ in range(n)]
    taken = set()
    for s in force:
        if s in out:
            continue
        free = [i for i in range(n) if i not in taken and out.count(out[i]) > 1]
        i = rng.choice(free)
        out[i] = s
        taken.add(i)
    return out


def answers(name, style, agency, fiscal_year, indicators, items, classes, **extra):
    a = {"source": name + ".pdf", "style": style, "agency": agency[0] + agency[1], "province": agency[3],
         "fiscal_year": fiscal_year, "indicators": {str(k): v for k, v in indicators}, "items": {"O%d" % k: v for k, v in items},
         "classes": classes}
    a.update(extra)
    return a


# ---------------------------------------------------------------- DOCX writer (WordprocessingML by hand)

def w_run(text, font="TH SarabunPSK", size=32, bold=False, underline=False):
    """size in half-points (32 = 16 pt, the usual size of Thai government documents)."""
    rpr = '<w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s" w:eastAsia="%s"/>' % (font, font, font, font)
    rpr += ("<w:b/><w:bCs/>" if bold else "") + ('<w:u w:val="single"/>' if underline else "")
    rpr += '<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (size, size)
    return '<w:r><w:rPr>%s</w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, escape(text))


def w_tab():
    return "<w:r><w:tab/></w:r>"


# Exact line height (twips) for the paragraphs of the document being written, or None
# for single spacing. Thai fonts have tall default lines; forms made to fit a page use
# "exactly N pt" spacing.
W_LINE = [None]


def w_par(runs, align=None, after=0, indent=None):
    jc = '<w:jc w:val="%s"/>' % align if align else ""
    ind = '<w:ind w:firstLine="%d"/>' % indent if indent else ""
    line = 'w:line="%d" w:lineRule="exact"' % W_LINE[0] if W_LINE[0] else 'w:line="240" w:lineRule="auto"'
    if isinstance(runs, str):
        runs = [runs]
    return '<w:p><w:pPr><w:spacing w:before="0" w:after="%d" %s/>%s%s</w:pPr>%s</w:p>' % (
        after, line, ind, jc, "".join(runs))


def w_cell(paras, width, span=1, vmerge=None, valign="center", shade=None):
    if isinstance(paras, str):
        paras = [paras]
    pr = '<w:tcW w:w="%d" w:type="dxa"/>' % width
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    if shade:
        pr += '<w:shd w:val="clear" w:color="auto" w:fill="%s"/>' % shade
    pr += '<w:vAlign w:val="%s"/>' % valign
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, "".join(paras) or w_par([]))


def w_table(rows, widths, header_rows=1, borders=True, cant_split=True):
    """rows: lists of w_cell() strings (a spanning cell counts for several grid columns)."""
    b = "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % s
                for s in ("top", "left", "bottom", "right", "insideH", "insideV")) if borders else ""
    out = ['<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>%s</w:tblBorders>'
           '<w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr>'
           '<w:tblGrid>%s</w:tblGrid>' % (sum(widths), b, "".join('<w:gridCol w:w="%d"/>' % w for w in widths))]
    for i, row in enumerate(rows):
        pr = ("<w:tblHeader/>" if i < header_rows else "") + ("<w:cantSplit/>" if cant_split else "")
        out.append("<w:tr><w:trPr>%s</w:trPr>%s</w:tr>" % (pr, "".join(row)))
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(path, body, margins=(1134, 1134, 1134, 1418)):
    """body: list of w:p / w:tbl strings. margins: top, right, bottom, left in twips."""
    top, right, bottom, left = margins
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" '
            'w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>' % (top, right, bottom, left))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s%s</w:body></w:document>'
                % ("".join(body), sect))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:ascii="TH SarabunPSK" w:hAnsi="TH SarabunPSK" w:cs="TH SarabunPSK"/><w:sz w:val="32"/><w:szCs w:val="32"/>'
              '<w:lang w:val="en-US" w:bidi="th-TH"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", styles)


def heading(agency, title, year_text, font="TH SarabunPSK", size=32, dotted=False):
    kind, name, amphoe, prov, _ = agency
    if dotted:
        # The way filled-in forms look: the typed answer between dotted leaders.
        who = [w_par(w_run("ชื่อหน่วยงาน..........%s%s.........." % (kind, name), font, size), "center"),
               w_par(w_run("อำเภอ.......%s.......จังหวัด.......%s......." % (amphoe, prov), font, size), "center", after=120)]
    else:
        who = [w_par(w_run("%s%s อำเภอ%s จังหวัด%s" % (kind, name, amphoe, prov), font, size), "center", after=120)]
    return [w_par(w_run(title, font, size + 2, bold=True), "center"),
            w_par(w_run(year_text, font, size, bold=True), "center")] + who


# ---------------------------------------------------------------- fixtures

def fx_docx_publish_wingdings2(rng, tmp):
    """Status columns เผยแพร่แล้ว | ยังไม่เผยแพร่, Wingdings 2 R (ticked) / £ (empty) typed in
    the cells, sub-indicator rows spanning the table, remarks column."""
    W_LINE[0] = 320
    name = "docx_publish_columns_wingdings2"
    ag = AGENCIES[0]
    year = 2567
    st = draw_statuses(rng, 43, {"done": 66, "not_done": 28, "unknown": 6}, force=("not_done", "unknown", "conflict"))
    font, size = "TH SarabunPSK", 26
    box = lambda on: w_par(w_run("R" if on else "\u00a3", "Wingdings 2", 26), "center")
    widths = [700, 5500, 1100, 1100, 1300]
    rows = [[w_cell(w_par(w_run(t, font, size, bold=True), "center"), w, shade="D9D9D9")
             for t, w in zip(["ข้อ", "ข้อมูล", "เผยแพร่แล้ว", "ยังไม่เผยแพร่", "หมายเหตุ"], widths)]]
    groups = dict(GROUPS_2567)
    remarks_nd = ["รอผู้บริหารลงนาม", "รอเอกสารจากกองคลัง", "ปรับปรุงหน้าเว็บไซต์", ""]
    remarks_d = ["", "", "", "ปรับปรุง ๑๕ มี.ค. ๒๕๖๗", "ลิงก์หน้า ITA", "ไฟล์ PDF"]
    for k in range(1, 44):
        if k in groups:
            rows.append([w_cell(w_par(w_run("ตัวชี้วัดย่อยที่ " + groups[k], font, size, bold=True)), sum(widths), span=5, shade="F2F2F2")])
        s = st[k - 1]
        rem = rng.choice(remarks_nd if s == "not_done" else remarks_d)
        rows.append([w_cell(w_par(w_run("O%d" % k, font, size), "center"), widths[0]),
                     w_cell(w_par(w_run(OIT_2567[k - 1], font, size)), widths[1], valign="top"),
                     w_cell(box(s in ("done", "conflict")), widths[2]),
                     w_cell(box(s in ("not_done", "conflict")), widths[3]),
                     w_cell(w_par(w_run(rem, font, size - 6)), widths[4])])
    body = heading(ag, "แบบตรวจสอบการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT)",
                   "ประจำปีงบประมาณ พ.ศ. %s" % th(year), font, size)
    body += [w_par(w_run("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล และตัวชี้วัดที่ 10 การป้องกันการทุจริต", font, size, bold=True), after=60),
             w_table(rows, widths),
             w_par(w_run("", font, size)),
             w_par(w_run("ลงชื่อ.......................................ผู้ตรวจสอบ", font, size), "right"),
             w_par(w_run("(นางสาวกมลวรรณ ใจดี) ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ", font, size), "right")]
    src = os.path.join(tmp, name + ".docx")
    write_docx(src, body)
    return name, src, answers(name, "wingdings2_publish_columns", ag, year, [], list(zip(range(1, 44), st)),
                              ["status_columns_publish"])


def fx_odt_publish_unicode_wrapped(rng, tmp):
    """Status columns เผยแพร่แล้ว | ยังไม่เผยแพร่ with Unicode ☑/☐; codes typed in Thai digits
    with a Thai zero for the O ("๐๑๐" = O10) in a column so narrow that three-digit codes
    wrap inside the cell ("๐๑" / "๐")."""
    name = "odt_publish_unicode_wrapped_codes"
    ag = AGENCIES[1]
    year = 2566
    st = draw_statuses(rng, 43, {"done": 62, "not_done": 33, "unknown": 5}, force=("not_done", "unknown"))

    def p(text, style="P"):
        return '<text:p text:style-name="%s">%s</text:p>' % (style, escape(text))

    def cell(content, style="C"):
        return '<table:table-cell table:style-name="%s" office:value-type="string">%s</table:table-cell>' % (style, content)

    rows = ['<table:table-header-rows><table:table-row>%s</table:table-row></table:table-header-rows>'
            % "".join(cell(p(t, "H"), "CH") for t in ["ข้อ", "รายการข้อมูลที่ต้องเปิดเผย", "เผยแพร่แล้ว", "ยังไม่เผยแพร่"])]
    for k in range(1, 44):
        s = st[k - 1]
        box = lambda on: '<text:p text:style-name="B">%s</text:p>' % ("\u2611" if on else "\u2610")
        rows.append('<table:table-row table:style-name="R">%s%s%s%s</table:table-row>' % (
            cell(p("๐" + th(k), "CODE")), cell(p(OIT_2567[k - 1])), cell(box(s == "done")), cell(box(s == "not_done"))))
    kind, aname, amphoe, prov, _ = ag
    body = (p("รายงานสรุปการเผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน", "T") +
            p("ตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. %s" % th(year), "T") +
            p("%s%s อำเภอ%s จังหวัด%s" % (kind, aname, amphoe, prov), "T") +
            p("ข้อมูล ณ วันที่ %s มิถุนายน %s" % (th(28), th(year))) +
            '<table:table table:name="OIT" table:style-name="TB"><table:table-column table:style-name="K1"/>'
            '<table:table-column table:style-name="K2"/><table:table-column table:style-name="K3"/>'
            '<table:table-column table:style-name="K3"/>%s</table:table>' % "".join(rows) +
            p("หมายเหตุ ☑ หมายถึง มีการเผยแพร่ข้อมูลบนเว็บไซต์แล้ว"))
    xml = FODT_TEMPLATE % {"font": "Kinnari", "size": "12pt", "body": body,
                           "cols": '<style:style style:name="K1" style:family="table-column"><style:table-column-properties style:column-width="0.78cm"/></style:style>'
                                   '<style:style style:name="K2" style:family="table-column"><style:table-column-properties style:column-width="11.0cm"/></style:style>'
                                   '<style:style style:name="K3" style:family="table-column"><style:table-column-properties style:column-width="2.4cm"/></style:style>',
                           "tablewidth": "16.58cm"}
    src = os.path.join(tmp, name + ".fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(xml)
    return name, src, answers(name, "unicode_publish_columns_thai_codes", ag, year, [], list(zip(range(1, 44), st)),
                              ["status_columns_publish", "wrapped_code"])


FODT_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name="%(font)s" svg:font-family="%(font)s"/>
<style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
</office:font-face-decls>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.2cm" fo:margin-right="1.8cm"/></style:page-layout>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:line-height="0.56cm"/><style:text-properties style:font-name="%(font)s" fo:font-size="%(size)s" style:font-name-complex="%(font)s" style:font-size-complex="%(size)s"/></style:style>
<style:style style:name="T" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="%(font)s" fo:font-size="%(size)s" fo:font-weight="bold" style:font-name-complex="%(font)s" style:font-size-complex="%(size)s" style:font-weight-complex="bold"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="%(font)s" fo:font-size="%(size)s" fo:font-weight="bold" style:font-name-complex="%(font)s" style:font-size-complex="%(size)s" style:font-weight-complex="bold"/></style:style>
<style:style style:name="CODE" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:line-height="0.5cm"/><style:text-properties style:font-name="%(font)s" fo:font-size="%(size)s" style:font-name-complex="%(font)s" style:font-size-complex="%(size)s"/></style:style>
<style:style style:name="B" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="13pt" style:font-name-complex="DejaVu Sans" style:font-size-complex="13pt"/></style:style>
<style:style style:name="R" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="TB" style:family="table"><style:table-properties style:width="%(tablewidth)s" table:align="left"/></style:style>
%(cols)s
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.04cm" style:vertical-align="middle"/></style:style>
<style:style style:name="CH" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.04cm" fo:background-color="#e7e6e6" style:vertical-align="middle"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
%(body)s
</office:text></office:body></office:document>
"""


def fx_docx_marks_three_columns(rng, tmp):
    """Two-row header: ผลการดำเนินการ over ดำเนินการแล้ว | อยู่ระหว่างดำเนินการ |
    ยังไม่ดำเนินการ; one ✓ (DejaVu Sans) or a typed "/" in the column that applies."""
    W_LINE[0] = 330
    name = "docx_marks_three_columns"
    ag = AGENCIES[2]
    year = 2567
    font, size = "Angsana New", 26   # not installed: LibreOffice substitutes (fontconfig: Kinnari)
    w_ind = draw_statuses(rng, 10, {"done": 60, "in_progress": 25, "not_done": 15}, force=("in_progress", "not_done"))
    st = draw_statuses(rng, 30, {"done": 55, "in_progress": 18, "not_done": 22, "unknown": 5},
                       force=("in_progress", "not_done", "unknown"))
    order = ["done", "in_progress", "not_done"]

    def mark_cells(s, widths):
        tick = rng.random() < 0.7
        mark = w_run("\u2713", "DejaVu Sans", 26) if tick else w_run("/", font, 32, bold=True)
        return [w_cell(w_par(mark if s == o else w_run("", font, size), "center"), w) for o, w in zip(order, widths)]

    def two_row_header(first, widths):
        r1 = [w_cell(w_par(w_run(t, font, size, bold=True), "center"), w, vmerge="restart", shade="DDEBF7")
              for t, w in zip(first, widths[:2])]
        r1.append(w_cell(w_par(w_run("ผลการดำเนินการ", font, size, bold=True), "center"), sum(widths[2:]), span=3, shade="DDEBF7"))
        r2 = [w_cell(w_par([]), w, vmerge="continue", shade="DDEBF7") for w in widths[:2]]
        r2 += [w_cell(w_par(w_run(t, font, size - 2, bold=True), "center"), w, shade="DDEBF7")
               for t, w in zip(["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"], widths[2:])]
        return [r1, r2]

    wi = [1100, 4500, 1400, 1500, 1400]
    rows = two_row_header(["ตัวชี้วัดที่", "ตัวชี้วัด"], wi)
    for k in range(1, 11):
        rows.append([w_cell(w_par(w_run(str(k), font, size), "center"), wi[0]),
                     w_cell(w_par(w_run(INDICATORS[k - 1], font, size)), wi[1])] + mark_cells(w_ind[k - 1], wi[2:]))
    ind_table = w_table(rows, wi, header_rows=2)
    wo = [800, 4800, 1400, 1500, 1400]
    rows = two_row_header(["ข้อ", "ข้อมูลที่ต้องเปิดเผย"], wo)
    for k in range(1, 31):
        rows.append([w_cell(w_par(w_run("O%d" % k, font, size), "center"), wo[0]),
                     w_cell(w_par(w_run(OIT_2567[k - 1], font, size)), wo[1])] + mark_cells(st[k - 1], wo[2:]))
    body = heading(ag, "แบบรายงานผลการดำเนินการตามแผนขับเคลื่อนการประเมินคุณธรรมและความโปร่งใส (ITA)",
                   "ประจำปีงบประมาณ พ.ศ. 2567 (รอบ 6 เดือน)", font, size)
    body += [w_par(w_run("ส่วนที่ 1 ผลการดำเนินการรายตัวชี้วัด", font, size, bold=True), after=60), ind_table,
             w_par(w_run("", font, size)),
             w_par(w_run("ส่วนที่ 2 ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (ข้อ O1 - O30)", font, size, bold=True), after=60),
             w_par(w_run("คำชี้แจง ให้ทำเครื่องหมาย ✓ ในช่องผลการดำเนินการ", font, size - 2), after=60),
             w_table(rows, wo, header_rows=2)]
    src = os.path.join(tmp, name + ".docx")
    write_docx(src, body)
    return name, src, answers(name, "marks_three_columns", ag, year, list(zip(range(1, 11), w_ind)),
                              list(zip(range(1, 31), st)), ["status_columns_marks"])


def fx_html_form_checkboxes(rng, tmp):
    """An HTML form (as exported from a web checklist) opened in Writer: <input
    type=checkbox> become PDF form widgets; LibreOffice also draws each box in the page
    content under its widget. Half the boxes have value="Yes" (appearance states /Yes,
    /Off), half none (states /on, /Off while /AS says /Yes)."""
    name = "html_form_checkboxes"
    ag = AGENCIES[3]
    year = 2567
    w_ind = draw_statuses(rng, 10, {"done": 70, "not_done": 30}, force=("not_done",))
    first, count = 24, 20
    st = draw_statuses(rng, count, {"done": 62, "not_done": 30, "unknown": 4, "conflict": 4}, force=("not_done", "unknown", "conflict"))

    def boxes(key, s, k):
        val = ' value="Yes"' if k % 2 else ""
        d = '<input type="checkbox" name="%s_d"%s%s>' % (key, val, " checked" if s in ("done", "conflict") else "")
        n = '<input type="checkbox" name="%s_n"%s%s>' % (key, val, " checked" if s in ("not_done", "conflict") else "")
        sep = "<br>" if k % 3 == 0 else " &nbsp; "
        return "%s ดำเนินการ%s%s ยังไม่ได้ดำเนินการ" % (d, sep, n)

    kind, aname, amphoe, prov, slug = ag
    h = ['<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>ITA %d</title>' % year,
         "<style>body, td, th, p { font-family: 'Umpush'; font-size: 11pt; }</style></head><body><form>",
         '<p align="center"><b>แบบประเมินตนเองการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. %d</b></p>' % year,
         '<p align="center">%s%s อำเภอ%s จังหวัด%s</p>' % (kind, aname, amphoe, prov),
         "<p><b>ตอนที่ 1 ตัวชี้วัด</b></p>",
         '<table border="1" cellspacing="0" cellpadding="2" width="100%"><tr><th width="12%">ตัวชี้วัดที่</th><th>ชื่อตัวชี้วัด</th><th width="48%">สถานะ</th></tr>']
    for k in range(1, 11):
        h.append("<tr><td align=\"center\">%d</td><td>%s</td><td>%s</td></tr>" % (k, INDICATORS[k - 1], boxes("i%d" % k, w_ind[k - 1], k)))
    h.append('</table><p><b>ตอนที่ 2 รายการข้อมูล (ต่อจากแบบฟอร์มหน้าก่อน)</b></p>'
             '<table border="1" cellspacing="0" cellpadding="2" width="100%"><thead><tr><th width="8%">ข้อ</th><th>รายการ</th><th width="48%">สถานะ</th></tr></thead>')
    for i, k in enumerate(range(first, first + count)):
        h.append("<tr><td align=\"center\">O%d</td><td>%s</td><td>%s</td></tr>" % (k, escape(OIT_2567[k - 1]), boxes("o%d" % k, st[i], k)))
    h.append('</table><p>ผู้รายงาน ............................................ วันที่ %d เมษายน %d</p></form></body></html>' % (30, year))
    src = os.path.join(tmp, name + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(h))
    return name, src, answers(name, "html_form_checkboxes", ag, year, list(zip(range(1, 11), w_ind)),
                              list(zip(range(first, first + count), st)), ["html_form_checkboxes"])


def fx_docx_bare_thai_numbers(rng, tmp):
    """Items numbered ๑..๔๓ with no O (the table sits under 'ตัวชี้วัดที่ ๙ ... ๑๐'), with
    sub-indicator rows ๙.๑ .. ๑๐.๒ spanning the table; the indicator table above is
    numbered ๑..๑๐ too. Wingdings þ / ¨ boxes before their labels, two lines per cell."""
    W_LINE[0] = 285
    name = "docx_bare_thai_numbers"
    ag = AGENCIES[4]
    year = 2566
    font, size = "TH SarabunPSK", 26
    w_ind = draw_statuses(rng, 10, {"done": 70, "not_done": 30}, force=("not_done",))
    st = draw_statuses(rng, 30, {"done": 62, "not_done": 33, "unknown": 5}, force=("not_done", "unknown"))

    def status(s):
        b = lambda on: w_run("\u00fe" if on else "\u00a8", "Wingdings", size)
        return [w_par([b(s == "done"), w_run(" ดำเนินการแล้ว", font, size - 2)]),
                w_par([b(s == "not_done"), w_run(" ยังไม่ได้ดำเนินการ", font, size - 2)])]

    wi = [1000, 5800, 2600]
    rows = [[w_cell(w_par(w_run(t, font, size, bold=True), "center"), w) for t, w in zip(["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "ผลการดำเนินการ"], wi)]]
    for k in range(1, 11):
        rows.append([w_cell(w_par(w_run(th(k), font, size), "center"), wi[0]), w_cell(w_par(w_run(INDICATORS[k - 1], font, size)), wi[1]),
                     w_cell(status(w_ind[k - 1]), wi[2])])
    ind_table = w_table(rows, wi)
    wo = [700, 6100, 2600]
    rows = [[w_cell(w_par(w_run(t, font, size, bold=True), "center"), w) for t, w in zip(["ข้อ", "ข้อมูล", "ผลการดำเนินการ"], wo)]]
    groups = dict(GROUPS_2567)
    for k in range(1, 31):
        if k in groups:
            rows.append([w_cell(w_par(w_run(th(groups[k]), font, size, bold=True)), sum(wo), span=3)])
        rows.append([w_cell(w_par(w_run(th(k), font, size), "center"), wo[0], valign="top"),
                     w_cell(w_par(w_run(OIT_2567[k - 1].replace("6 เดือน", "๖ เดือน"), font, size)), wo[1], valign="top"),
                     w_cell(status(st[k - 1]), wo[2])])
    body = heading(ag, "รายงานผลการดำเนินงานตามเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
                   "ประจำปีงบประมาณ พ.ศ. %s" % th(year), font, size, dotted=True)
    body += [w_par(w_run("๑. ผลการดำเนินการรายตัวชี้วัด", font, size, bold=True), after=60), ind_table, w_par([]),
             w_par(w_run("๒. ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล", font, size, bold=True), after=60),
             w_table(rows, wo)]
    src = os.path.join(tmp, name + ".docx")
    write_docx(src, body)
    return name, src, answers(name, "wingdings_text_bare_thai_numbers", ag, year, list(zip(range(1, 11), w_ind)),
                              list(zip(range(1, 31), st)), ["bare_codes"])


def fx_docx_ordinal_code_url(rng, tmp):
    """ลำดับ 1..n beside the real code (O10..O43), a URL column whose long links wrap, and
    Unicode ☑ / ☐ with labels in one paragraph; sub-indicator rows without an ordinal."""
    W_LINE[0] = 270
    name = "docx_ordinal_code_url"
    ag = AGENCIES[5]
    year = 2567
    font, size = "Garuda", 22
    first = 10
    st = draw_statuses(rng, 21, {"done": 65, "not_done": 30, "unknown": 5}, force=("not_done", "unknown"))
    slug = ag[4]
    widths = [760, 700, 3600, 2800, 2000]
    hdr = ["ลำดับ", "ข้อ", "รายการข้อมูล", "ลิงก์ (URL)", "สถานะ"]
    rows = [[w_cell(w_par(w_run(t, font, size, bold=True), "center"), w, shade="FFF2CC") for t, w in zip(hdr, widths)]]
    groups = dict(GROUPS_2567)
    for i, k in enumerate(range(first, 31)):
        if k in groups:
            rows.append([w_cell(w_par(w_run(groups[k], font, size, bold=True)), sum(widths), span=5)])
        s = st[i]
        url = "https://www.%s.go.th/ita/%d/o%d/" % (slug, year, k) if s != "not_done" else "-"
        box = lambda on: w_run("\u2611" if on else "\u2610", "DejaVu Sans", size)
        status = w_par([box(s == "done"), w_run(" ดำเนินการแล้ว ", font, size), box(s == "not_done"), w_run(" ยังไม่ดำเนินการ", font, size)])
        rows.append([w_cell(w_par(w_run(str(i + 1), font, size), "center"), widths[0]),
                     w_cell(w_par(w_run("O%d" % k, font, size), "center"), widths[1]),
                     w_cell(w_par(w_run(OIT_2567[k - 1], font, size)), widths[2]),
                     w_cell(w_par(w_run(url, font, size - 2)), widths[3]),
                     w_cell(status, widths[4])])
    body = heading(ag, "สรุปผลการตรวจสอบการเปิดเผยข้อมูลสาธารณะบนเว็บไซต์", "ประจำปีงบประมาณ พ.ศ. 2567", font, size)
    body += [w_par(w_run("(ต่อ) รายการที่ 10 - 30", font, size), after=60), w_table(rows, widths)]
    src = os.path.join(tmp, name + ".docx")
    write_docx(src, body, margins=(1000, 900, 1000, 1000))
    return name, src, answers(name, "ordinal_code_url_unicode", ag, year, [], list(zip(range(first, 31), st)),
                              ["ordinal_and_url"])


def fx_calc_marks_sheet(rng, tmp):
    """A Calc workbook (flat ODS) printed to PDF: sheet OIT with ✓ in the columns
    ดำเนินการแล้ว | ยังไม่ดำเนินการ and a second sheet of indicators; Calc's default page
    header (sheet name) and footer (page number) stay on."""
    name = "calc_marks_sheet"
    ag = AGENCIES[6]
    year = 2567
    st = draw_statuses(rng, 43, {"done": 64, "not_done": 31, "unknown": 5}, force=("not_done", "unknown"))
    w_ind = draw_statuses(rng, 10, {"done": 70, "not_done": 30}, force=("not_done",))
    kind, aname, amphoe, prov, _ = ag

    def c(text, style="ce"):
        if text == "":
            return '<table:table-cell table:style-name="%s"/>' % style
        return '<table:table-cell table:style-name="%s" office:value-type="string"><text:p>%s</text:p></table:table-cell>' % (style, escape(text))

    def title_row(text, n):
        return ('<table:table-row><table:table-cell table:style-name="ti" office:value-type="string" table:number-columns-spanned="%d">'
                '<text:p>%s</text:p></table:table-cell>%s</table:table-row>' % (n, escape(text), "<table:covered-table-cell/>" * (n - 1)))

    mark = lambda on: c("\u2713" if on else "", "tk")
    oit = [title_row("ผลการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. %d" % year, 5),
           title_row("%s%s อำเภอ%s จังหวัด%s" % (kind, aname, amphoe, prov), 5),
           "<table:table-row>%s</table:table-row>" % "".join(c(t, "hd") for t in ["ข้อ", "ข้อมูล", "ดำเนินการแล้ว", "ยังไม่ดำเนินการ", "หมายเหตุ"])]
    for k in range(1, 44):
        s = st[k - 1]
        note = rng.choice(["", "", "", "ผู้รับผิดชอบ: สำนักปลัด", "ผู้รับผิดชอบ: กองคลัง"])
        oit.append("<table:table-row>%s%s%s%s%s</table:table-row>" % (c("O%d" % k, "cc"), c(OIT_2567[k - 1]), mark(s == "done"),
                                                                      mark(s == "not_done"), c(note, "sm")))
    ind = [title_row("ผลการดำเนินการรายตัวชี้วัด ปีงบประมาณ พ.ศ. %d" % year, 4),
           "<table:table-row>%s</table:table-row>" % "".join(c(t, "hd") for t in ["ตัวชี้วัดที่", "ตัวชี้วัด", "ดำเนินการแล้ว", "ยังไม่ดำเนินการ"])]
    for k in range(1, 11):
        ind.append("<table:table-row>%s%s%s%s</table:table-row>" % (c(str(k), "cc"), c(INDICATORS[k - 1]), mark(w_ind[k - 1] == "done"),
                                                                    mark(w_ind[k - 1] == "not_done")))
    font = "Loma"
    cell_style = lambda n, extra, text="", size="10pt": (
        '<style:style style:name="%s" style:family="table-cell"><style:table-cell-properties fo:border="0.06pt solid #000000" '
        'fo:wrap-option="wrap" style:vertical-align="middle" %s/><style:paragraph-properties %s/>'
        '<style:text-properties style:font-name="%s" fo:font-size="%s" style:font-name-complex="%s" style:font-size-complex="%s" %s/></style:style>'
        % (n, extra, 'fo:text-align="center"' if n in ("cc", "hd", "tk") else "", "DejaVu Sans" if n == "tk" else font, size,
           "DejaVu Sans" if n == "tk" else font, size, text))
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="%(font)s" svg:font-family="%(font)s"/><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/></office:font-face-decls>
<office:automatic-styles>
<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="1.2cm"/></style:style>
<style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="8.0cm"/></style:style>
<style:style style:name="co3" style:family="table-column"><style:table-column-properties style:column-width="2.1cm"/></style:style>
<style:style style:name="co4" style:family="table-column"><style:table-column-properties style:column-width="3.0cm"/></style:style>
%(styles)s
<style:style style:name="ti" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="%(font)s" fo:font-size="13pt" fo:font-weight="bold" style:font-name-complex="%(font)s" style:font-size-complex="13pt" style:font-weight-complex="bold"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="OIT"><table:table-column table:style-name="co1"/><table:table-column table:style-name="co2"/><table:table-column table:style-name="co3" table:number-columns-repeated="2"/><table:table-column table:style-name="co4"/>
%(oit)s
</table:table>
<table:table table:name="ตัวชี้วัด"><table:table-column table:style-name="co1"/><table:table-column table:style-name="co2"/><table:table-column table:style-name="co3" table:number-columns-repeated="2"/>
%(ind)s
</table:table>
</office:spreadsheet></office:body></office:document>
""" % {"font": font, "oit": "\n".join(oit), "ind": "\n".join(ind),
       "styles": "\n".join([cell_style("ce", ""), cell_style("cc", ""), cell_style("sm", "", size="8pt"),
                            cell_style("tk", ""), cell_style("hd", 'fo:background-color="#d9e1f2"', 'fo:font-weight="bold" style:font-weight-complex="bold"')])}
    src = os.path.join(tmp, name + ".fods")
    with open(src, "w", encoding="utf-8") as f:
        f.write(xml)
    return name, src, answers(name, "calc_check_marks", ag, year, list(zip(range(1, 11), w_ind)), list(zip(range(1, 44), st)),
                              ["calc_table"])


def fx_docx_year_2568(rng, tmp):
    """The 2568 list (O1-O28, titles of the catalogue), Wingdings 2 boxes before three
    labels in one paragraph (ดำเนินการแล้ว / อยู่ระหว่างดำเนินการ / ยังไม่ดำเนินการ),
    indicator rows 9 and 10 above the items."""
    W_LINE[0] = 310
    name = "docx_year_2568_three_boxes"
    ag = AGENCIES[7]
    year = 2568
    font, size = "TH SarabunPSK", 26
    w_ind = draw_statuses(rng, 2, {"done": 50, "in_progress": 50}, force=("in_progress",))
    st = draw_statuses(rng, 28, {"done": 58, "in_progress": 15, "not_done": 22, "unknown": 5}, force=("in_progress", "not_done", "unknown"))

    def status(s):
        b = lambda on: w_run("R" if on else "\u00a3", "Wingdings 2", size)
        return w_par([b(s == "done"), w_run(" ดำเนินการแล้ว  ", font, size - 2), b(s == "in_progress"),
                      w_run(" อยู่ระหว่างดำเนินการ", font, size - 2), "<w:r><w:br/></w:r>", b(s == "not_done"),
                      w_run(" ยังไม่ดำเนินการ", font, size - 2)])

    widths = [700, 4300, 4700]
    rows = [[w_cell(w_par(w_run(t, font, size, bold=True), "center"), w, shade="E2EFDA") for t, w in zip(["ข้อ", "ประเด็นข้อมูล", "สถานะการดำเนินการ"], widths)]]
    for k, s in zip((9, 10), w_ind):
        rows.append([w_cell(w_par(w_run(str(k), font, size, bold=True), "center"), widths[0]),
                     w_cell(w_par(w_run("ตัวชี้วัดที่ %d %s" % (k, INDICATORS[k - 1]), font, size, bold=True)), widths[1]),
                     w_cell(status(s), widths[2])])
    groups = dict(GROUPS_2568)
    for k in range(1, 29):
        if k in groups:
            rows.append([w_cell(w_par(w_run(groups[k], font, size, bold=True)), sum(widths), span=3, shade="F2F2F2")])
        rows.append([w_cell(w_par(w_run("O%d" % k, font, size), "center"), widths[0]),
                     w_cell(w_par(w_run(OIT_2568[k - 1], font, size)), widths[1]),
                     w_cell(status(st[k - 1]), widths[2])])
    body = heading(ag, "รายงานความก้าวหน้าการเปิดเผยข้อมูลสาธารณะ (OIT) ตามเกณฑ์การประเมิน ITA ประจำปี 2568",
                   "ประจำปีงบประมาณ พ.ศ. 2568 ข้อมูล ณ วันที่ 31 มีนาคม 2568", font, size)
    body += [w_table(rows, widths)]
    src = os.path.join(tmp, name + ".docx")
    write_docx(src, body)
    return name, src, answers(name, "wingdings2_three_labels_2568", ag, year, list(zip((9, 10), w_ind)),
                              list(zip(range(1, 29), st)), ["year_2568"])


def fx_not_ita_letter(rng, tmp):
    """A municipal letter about a sports day, with a reply slip of ticked boxes and the
    usual 'โปรดพิจารณาดำเนินการ' ending: Thai, official, boxes, no ITA content."""
    W_LINE[0] = None
    name = "not_ita_letter"
    ag = AGENCIES[8]
    font, size = "TH SarabunPSK", 32
    kind, aname, amphoe, prov, _ = ag
    b = lambda on: w_run("\u00fe" if on else "\u00a8", "Wingdings", size)
    body = [w_par([w_run("ที่ นศ ๗๓๒๐๑/ว ๔๕๖", font, size), w_tab(), w_tab(), w_tab(), w_tab(), w_run("%s%s" % (kind, aname), font, size)]),
            w_par(w_run("อำเภอ%s จังหวัด%s ๘๐๐๐๐" % (amphoe, prov), font, size), "right"),
            w_par(w_run("๑๒ มกราคม ๒๕๖๗", font, size), "center", after=120),
            w_par(w_run("เรื่อง ขอเชิญส่งนักกีฬาเข้าร่วมการแข่งขันกีฬาประชาชนต้านยาเสพติด ประจำปี ๒๕๖๗", font, size)),
            w_par(w_run("เรียน ผู้ใหญ่บ้านทุกหมู่บ้าน", font, size)),
            w_par(w_run("สิ่งที่ส่งมาด้วย ๑. กำหนดการแข่งขัน จำนวน ๑ ฉบับ ๒. แบบตอบรับ จำนวน ๑ ฉบับ", font, size), after=120),
            w_par(w_run("ด้วย%s%s กำหนดจัดการแข่งขันกีฬาประชาชนต้านยาเสพติด ประจำปี ๒๕๖๗ ในวันที่ ๒๐ - ๒๑ กุมภาพันธ์ ๒๕๖๗ "
                        "ณ สนามกีฬาโรงเรียนบ้าน%s โดยมีวัตถุประสงค์เพื่อส่งเสริมให้ประชาชนใช้เวลาว่างให้เกิดประโยชน์ "
                        "และห่างไกลจากยาเสพติด ประกอบด้วยการแข่งขัน ๔ ประเภท ได้แก่ ๑) ฟุตบอล ๒) วอลเลย์บอล ๓) เปตอง ๔) ตะกร้อ" % (kind, aname, aname),
                        font, size), indent=1440),
            w_par(w_run("จึงเรียนมาเพื่อโปรดพิจารณาดำเนินการ และส่งแบบตอบรับภายในวันที่ ๕ กุมภาพันธ์ ๒๕๖๗", font, size), indent=1440, after=240),
            w_par(w_run("ขอแสดงความนับถือ", font, size), "center", after=480),
            w_par(w_run("(นายสมชาย รักษ์ถิ่น)", font, size), "center"),
            w_par(w_run("นายก%s%s" % (kind, aname), font, size), "center", after=240),
            w_par(w_run("กองการศึกษา ศาสนาและวัฒนธรรม โทร. ๐ ๗๕๓๔ ๕๖๗๘", font, size - 4)),
            w_par(w_run("แบบตอบรับ", font, size, bold=True), "center"),
            w_par([b(True), w_run(" ส่งนักกีฬาเข้าร่วม    ", font, size), b(False), w_run(" ไม่ส่งนักกีฬาเข้าร่วม", font, size)]),
            w_par([w_run("ประเภทกีฬา  ", font, size), b(True), w_run(" ฟุตบอล  ", font, size), b(False), w_run(" วอลเลย์บอล  ", font, size),
                   b(True), w_run(" เปตอง  ", font, size), b(False), w_run(" ตะกร้อ", font, size)]),
            w_par(w_run("ลงชื่อ..................................ผู้ใหญ่บ้านหมู่ที่ ....", font, size), "right")]
    src = os.path.join(tmp, name + ".docx")
    write_docx(src, body)
    return name, src, {"source": name + ".pdf", "style": "letter_not_ita", "agency": kind + aname, "province": prov,
                       "fiscal_year": None, "indicators": {}, "items": {}, "classes": ["not_ita"],
                       "expect_status": "partial", "expect_flags": ["no_ita_content"]}


def fx_not_ita_404(rng, tmp):
    """A browser's 'save as PDF' of the 404 page an evidence link led to: site header,
    menu (one entry is an OIT title), the error text, footer."""
    name = "not_ita_404_page"
    ag = AGENCIES[9]
    kind, aname, amphoe, prov, slug = ag
    h = ['<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>404 ไม่พบหน้าที่ต้องการ</title>',
         "<style>body, td, p { font-family: 'Waree'; font-size: 11pt; } h1 { font-size: 40pt; }</style></head><body>",
         '<table width="100%%" border="0" cellpadding="4"><tr><td><b>%s%s</b><br>อำเภอ%s จังหวัด%s</td>' % (kind, aname, amphoe, prov),
         '<td align="right">หน้าหลัก | ข้อมูลพื้นฐาน | ข่าวประชาสัมพันธ์ | กระดานถามตอบ | ติดต่อเรา</td></tr></table><hr>',
         '<h1 align="center">404</h1><p align="center"><b>ไม่พบหน้าที่คุณต้องการ (Page Not Found)</b></p>',
         '<p align="center">หน้าที่คุณเรียกอาจถูกย้าย ลบ หรือเปลี่ยนชื่อ กรุณาตรวจสอบที่อยู่ URL อีกครั้ง</p>',
         '<p align="center">https://www.%s.go.th/index.php/component/content/article?id=1187</p>' % slug,
         '<p align="center"><a href="https://www.%s.go.th/">กลับสู่หน้าหลัก</a></p><hr>' % slug,
         '<p align="center">%s%s โทรศัพท์ ๐ ๔๔๓๑ ๒๓๔๕ อีเมล saraban@%s.go.th<br>สงวนลิขสิทธิ์ © 2567</p>' % (kind, aname, slug),
         "</body></html>"]
    src = os.path.join(tmp, name + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(h))
    return name, src, {"source": name + ".pdf", "style": "saved_404_page", "agency": kind + aname, "province": prov,
                       "fiscal_year": None, "indicators": {}, "items": {}, "classes": ["not_ita"],
                       "expect_status": "partial", "expect_flags": ["no_ita_content"]}


FIXTURES = [fx_docx_publish_wingdings2, fx_odt_publish_unicode_wrapped, fx_docx_marks_three_columns, fx_html_form_checkboxes,
            fx_docx_bare_thai_numbers, fx_docx_ordinal_code_url, fx_calc_marks_sheet, fx_docx_year_2568,
            fx_not_ita_letter, fx_not_ita_404]


def convert(src, tmp):
    ext = os.path.splitext(src)[1]
    filt = {".fods": "pdf:calc_pdf_Export", ".html": "pdf:writer_pdf_Export"}.get(ext, "pdf:writer_pdf_Export")
    # HTML is opened as a Writer document (not Writer/Web), as "Open with Writer" does.
    infilter = ["--infilter=HTML (StarWriter)"] if ext == ".html" else []
    subprocess.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://%s/profile" % tmp] + infilter
                   + ["--convert-to", filt, "--outdir", tmp, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.splitext(src)[0] + ".pdf"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "..", "fixtures", "pdf2"))
    ap.add_argument("--seed", type=int, default=68)
    ap.add_argument("--keep-sources", action="store_true")
    ap.add_argument("--only", nargs="*", help="fixture names to write (all by default)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    fonts = first_script()
    fonts.install_symbol_fonts()
    tmp = tempfile.mkdtemp(prefix="ita-pdf2-")
    try:
        for fx in FIXTURES:
            # One random stream per fixture: adding a fixture does not change the others.
            rng = random.Random("%d/%s" % (args.seed, fx.__name__))
            name, src, ans = fx(rng, tmp)
            if args.only and name not in args.only:
                continue
            pdf = convert(src, tmp)
            shutil.copy(pdf, os.path.join(args.out, name + ".pdf"))
            if args.keep_sources:
                shutil.copy(src, args.out)
            with open(os.path.join(args.out, name + ".json"), "w", encoding="utf-8") as f:
                json.dump(ans, f, ensure_ascii=False, indent=1)
                f.write("\n")
            print("%-40s %7d bytes" % (name, os.path.getsize(os.path.join(args.out, name + ".pdf"))), file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        fonts.remove_symbol_fonts()


if __name__ == "__main__":
    main()
