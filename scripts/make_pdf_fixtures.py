#!/usr/bin/env python3
"""Write small Thai ITA-like report documents the way agencies make them (DOCX with
Wingdings / Wingdings 2 symbols, ODT with Unicode boxes, HTML with real form fields),
convert them to PDF with LibreOffice headless, and record the expected answers next to
each PDF (fixtures/pdf/NAME.pdf + NAME.json).

Needs: python3 with fontTools (pip install fonttools), LibreOffice (apt-get install
libreoffice-writer-nogui), the TLWG Thai fonts (apt-get install fonts-thai-tlwg).
Wingdings and Wingdings 2 are not free fonts, so stand-ins with the same family names
and the same code points (a (3,0) symbol cmap at U+F0xx: Wingdings 0xA8 empty box, 0xFE
ticked box, 0xFD crossed box; Wingdings 2 0xA3 empty, 0x52 ticked, 0x53 crossed) are
built with fontTools and installed in ~/.fonts for the conversion.

Usage: scripts/make_pdf_fixtures.py [--out fixtures/pdf] [--seed 5] [--keep-sources]
Deterministic for a given seed. The answers are derived from the same random choices
that wrote the documents, never from the PDFs. Statuses use the output contract's words
(src/model.rs ItemStatus): "done", "not_done", "unknown" (no box ticked).
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

# ---------------------------------------------------------------- stand-in symbol fonts


def make_symbol_font(path, family, ps_name, boxes):
    """boxes: {code: 'empty'|'tick'|'cross'} drawn as a 700-unit square (+ tick / X)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def square(pen, kind):
        o, i = (100, 700), (150, 650)
        # outer square clockwise, inner counter-clockwise: a hollow frame
        pen.moveTo((o[0], o[0])); pen.lineTo((o[0], o[1])); pen.lineTo((o[1], o[1])); pen.lineTo((o[1], o[0])); pen.closePath()
        pen.moveTo((i[0], i[0])); pen.lineTo((i[1], i[0])); pen.lineTo((i[1], i[1])); pen.lineTo((i[0], i[1])); pen.closePath()
        if kind == "tick":
            pen.moveTo((220, 420)); pen.lineTo((260, 460)); pen.lineTo((360, 330)); pen.lineTo((600, 640)); pen.lineTo((640, 600)); pen.lineTo((360, 250)); pen.closePath()
        if kind == "cross":
            pen.moveTo((200, 240)); pen.lineTo((560, 600)); pen.lineTo((600, 560)); pen.lineTo((240, 200)); pen.closePath()
            pen.moveTo((200, 560)); pen.lineTo((240, 600)); pen.lineTo((600, 240)); pen.lineTo((560, 200)); pen.closePath()

    names = [".notdef", "space"] + ["box%02X" % c for c in sorted(boxes)]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    cmap = {0xF020: "space", 0x20: "space"}
    for c in boxes:
        cmap[0xF000 + c] = "box%02X" % c
        cmap[c] = "box%02X" % c  # Windows also reaches symbol glyphs by the low byte
    fb.setupCharacterMap(cmap)
    glyphs = {}
    for n in names:
        pen = TTGlyphPen(None)
        if n.startswith("box"):
            square(pen, boxes[int(n[3:], 16)])
        glyphs[n] = pen.glyph()
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (800 if n.startswith("box") else 300, 0) for n in names})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": family, "styleName": "Regular", "psName": ps_name,
                      "fullName": family, "uniqueFontIdentifier": ps_name})
    fb.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200, ulCodePageRange1=1 << 31)
    fb.setupPost()
    # (3,0) symbol subtable at U+F0xx (and the low bytes) as in the real fonts, plus a
    # (3,1) subtable with the Unicode box characters: without a Unicode subtable
    # LibreOffice 7.4 draws blanks.
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
    uni = CmapSubtable.newSubtable(4)
    uni.platformID, uni.platEncID, uni.language = 3, 1, 0
    uni.cmap = {0x20: "space"}
    for c, kind in boxes.items():
        for u in {"empty": (0x2610, 0x25A1), "tick": (0x2611,), "cross": (0x2612,)}[kind]:
            uni.cmap.setdefault(u, "box%02X" % c)
    fb.font["cmap"].tables = [t for t in fb.font["cmap"].tables if t.platformID == 3]
    for t in fb.font["cmap"].tables:
        t.platEncID = 0
    fb.font["cmap"].tables.append(uni)
    fb.save(path)


def remove_symbol_fonts():
    """Without Wingdings, LibreOffice substitutes (OpenSymbol keeps U+F0xx, DejaVu Sans
    draws the Latin-1 letters): how documents come out of machines without the fonts."""
    d = os.path.expanduser("~/.fonts")
    for n in ("ita-wingdings.ttf", "ita-wingdings2.ttf"):
        if os.path.exists(os.path.join(d, n)):
            os.remove(os.path.join(d, n))
    subprocess.run(["fc-cache", "-f", d], check=False, stdout=subprocess.DEVNULL)


def install_symbol_fonts():
    d = os.path.expanduser("~/.fonts")
    os.makedirs(d, exist_ok=True)
    make_symbol_font(os.path.join(d, "ita-wingdings.ttf"), "Wingdings", "Wingdings-Regular", {0xA8: "empty", 0xFE: "tick", 0xFD: "cross"})
    make_symbol_font(os.path.join(d, "ita-wingdings2.ttf"), "Wingdings 2", "Wingdings2", {0xA3: "empty", 0x52: "tick", 0x53: "cross", 0x54: "cross"})
    subprocess.run(["fc-cache", "-f", d], check=False, stdout=subprocess.DEVNULL)


# ---------------------------------------------------------------- content

PROVINCES = [("เชียงใหม่", "สันทราย", "หนองแหย่ง"), ("ขอนแก่น", "น้ำพอง", "บัวใหญ่"),
             ("นครราชสีมา", "ปากช่อง", "หนองสาหร่าย"), ("สงขลา", "หาดใหญ่", "คลองแห"),
             ("ศรีสะเกษ", "กันทรลักษ์", "น้ำอ้อม"), ("ชลบุรี", "หนองใหญ่", "คลองพลู")]
OIT_TITLES = ["โครงสร้าง", "ข้อมูลผู้บริหาร", "อำนาจหน้าที่", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
              "ข้อมูลการติดต่อ", "กฎหมายที่เกี่ยวข้อง", "ข่าวประชาสัมพันธ์", "Q&A",
              "Social Network", "นโยบายของผู้บริหาร", "แผนดำเนินงานและการใช้งบประมาณประจำปี",
              "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน",
              "รายงานผลการดำเนินงานประจำปี", "คู่มือหรือมาตรฐานการปฏิบัติงาน",
              "คู่มือหรือมาตรฐานการให้บริการ", "ข้อมูลเชิงสถิติการให้บริการ",
              "รายงานผลการสำรวจความพึงพอใจการให้บริการ", "E-Service",
              "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
              "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
              "นโยบายการบริหารทรัพยากรบุคคล", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล",
              "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
              "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
              "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี", "ช่องทางการรับฟังความคิดเห็น",
              "การเปิดโอกาสให้เกิดการมีส่วนร่วม", "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ",
              "การขับเคลื่อนจริยธรรม", "การประชุมเพื่อติดตามประเมินผลการดำเนินการตามประมวลจริยธรรม",
              "การเสริมสร้างวัฒนธรรมองค์กร", "แผนป้องกันการทุจริตประจำปี", "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
              "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", "การประเมินความเสี่ยงการทุจริตประจำปี",
              "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต", "การขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส",
              "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"]
INDICATORS = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
              "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
              "การปรับปรุงระบบการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"]
DONE, NOT_DONE = "ดำเนินการแล้ว", "ยังไม่ได้ดำเนินการ"


def make_doc(rng, name, n_items, first_item=1):
    prov, amphoe, tambon = rng.choice(PROVINCES)
    agency = "องค์การบริหารส่วนตำบล" + tambon
    year = rng.choice([2566, 2567, 2568])
    items = []
    for k in range(first_item, first_item + n_items):
        r = rng.random()
        status = "done" if r < 0.6 else "not_done" if r < 0.92 else "unknown"  # no box ticked
        items.append({"code": "O%d" % k, "title": OIT_TITLES[(k - 1) % len(OIT_TITLES)], "status": status,
                      "url": "https://www.%s.go.th/ita/o%d" % (tambon and "sao%d" % rng.randint(100, 999), k)})
    inds = []
    for k, t in enumerate(rng.sample(INDICATORS, 4), 1):
        inds.append({"no": str(k), "title": t, "status": rng.choice(["done", "done", "not_done"])})
    return {"name": name, "agency": agency, "district": amphoe, "province": prov, "fiscal_year": year,
            "indicators": inds, "items": items}


def answers(doc, style):
    return {"source": doc["name"] + ".pdf", "style": style, "agency": doc["agency"],
            "province": doc["province"], "fiscal_year": doc["fiscal_year"],
            "indicators": {i["no"]: i["status"] for i in doc["indicators"]},
            "items": {i["code"]: i["status"] for i in doc["items"]}}


# ---------------------------------------------------------------- DOCX (symbol fonts)

def docx_run(text, font="Laksaman", bold=False, size=28):
    b = "<w:b/>" if bold else ""
    return ('<w:r><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s"/>%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>'
            '<w:t xml:space="preserve">%s</w:t></w:r>') % (font, font, font, b, size, size, escape(text))


def docx_box(state, style):
    """A checkbox the way Word writes it: w:sym (U+F0xx) or a Latin-1 letter in the font.
    (w:sym with the stand-in font renders blank under LibreOffice 7.4, so the fixtures
    use the Latin-1 form; the reader handles U+F0xx too, see the real Word export test.)"""
    if style == "wingdings_sym":
        char = {"empty": "F0A8", "tick": "F0FE", "cross": "F0FD"}[state]
        return '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:sym w:font="Wingdings" w:char="%s"/></w:r>' % char
    if style == "formcheckbox":
        # A legacy Word form field (FORMCHECKBOX); LibreOffice draws it as vector paths.
        on = "1" if state != "empty" else "0"
        return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check"/><w:enabled/>'
                '<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="%s"/></w:checkBox>'
                '</w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' % on)
    if style == "wingdings_text":
        ch = {"empty": "\u00a8", "tick": "\u00fe", "cross": "\u00fd"}[state]
        return docx_run(ch, font="Wingdings")
    if style == "wingdings2_text":
        ch = {"empty": "\u00a3", "tick": "R", "cross": "S"}[state]
        return docx_run(ch, font="Wingdings 2")
    raise ValueError(style)


def docx_par(runs, align=None):
    jc = '<w:jc w:val="%s"/>' % align if align else ""
    return '<w:p><w:pPr><w:spacing w:after="0"/>%s</w:pPr>%s</w:p>' % (jc, "".join(runs))


def docx_cell(paras, width):
    return '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (width, "".join(paras))


def docx_table(rows, widths, header_rows=1, cant_split=True):
    border = "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % s
                     for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = ['<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>%s</w:tblBorders></w:tblPr><w:tblGrid>%s</w:tblGrid>'
           % (sum(widths), border, "".join('<w:gridCol w:w="%d"/>' % w for w in widths))]
    for i, row in enumerate(rows):
        split = "<w:cantSplit/>" if cant_split else ""
        trpr = "<w:trPr><w:tblHeader/>%s</w:trPr>" % split if i < header_rows else "<w:trPr>%s</w:trPr>" % split
        out.append("<w:tr>%s%s</w:tr>" % (trpr, "".join(docx_cell(c, w) for c, w in zip(row, widths))))
    out.append("</w:tbl>")
    return "".join(out)


def status_paras(status, box):
    """Two boxes in one cell: the 'done' box and the 'not done' box."""
    tick = lambda on: "tick" if on else "empty"
    return [docx_par([box(tick(status == "done")), docx_run(" " + DONE, size=24)]),
            docx_par([box(tick(status == "not_done")), docx_run(" " + NOT_DONE, size=24)])]


def write_docx(doc, path, style):
    columns = "+columns" in style
    cant_split = "+split" not in style
    style = style.split("+")[0]
    box = lambda s: docx_box(s, style)
    body = [docx_par([docx_run("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", bold=True, size=32)], "center"),
            docx_par([docx_run("หน่วยงาน %s อำเภอ%s จังหวัด%s" % (doc["agency"], doc["district"], doc["province"]))], "center"),
            docx_par([docx_run("ประจำปีงบประมาณ พ.ศ. %d" % doc["fiscal_year"])], "center"),
            docx_par([docx_run("ส่วนที่ 1 ผลการดำเนินการตามตัวชี้วัด", bold=True)])]
    rows = [[[docx_par([docx_run("ที่", bold=True)])], [docx_par([docx_run("ตัวชี้วัด", bold=True)])],
             [docx_par([docx_run("สถานะ", bold=True)])]]]
    for ind in doc["indicators"]:
        rows.append([[docx_par([docx_run(ind["no"])])], [docx_par([docx_run(ind["title"])])], status_paras(ind["status"], box)])
    body.append(docx_table(rows, [700, 4800, 3400]))
    body.append(docx_par([docx_run("ส่วนที่ 2 การเปิดเผยข้อมูลสาธารณะ (OIT)", bold=True)]))
    if columns:
        # One column per status, bare boxes under the header labels.
        rows = [[[docx_par([docx_run("ข้อ", bold=True)])], [docx_par([docx_run("รายการข้อมูล", bold=True)])],
                 [docx_par([docx_run(DONE, bold=True, size=24)])], [docx_par([docx_run(NOT_DONE, bold=True, size=24)])]]]
        for it in doc["items"]:
            on = lambda s: "tick" if it["status"] == s else "empty"
            rows.append([[docx_par([docx_run(it["code"])])], [docx_par([docx_run(it["title"])])],
                         [docx_par([box(on("done"))], "center")], [docx_par([box(on("not_done"))], "center")]])
        body.append(docx_table(rows, [900, 5000, 1800, 1800], cant_split=cant_split))
    else:
        rows = [[[docx_par([docx_run("ข้อ", bold=True)])], [docx_par([docx_run("รายการข้อมูล", bold=True)])],
                 [docx_par([docx_run("สถานะ", bold=True)])], [docx_par([docx_run("URL", bold=True)])]]]
        for it in doc["items"]:
            rows.append([[docx_par([docx_run(it["code"])])], [docx_par([docx_run(it["title"])])],
                         status_paras(it["status"], box), [docx_par([docx_run(it["url"], font="Loma", size=18)])]])
        body.append(docx_table(rows, [900, 3600, 2900, 2200], cant_split=cant_split))
    sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>'
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s%s</w:body></w:document>'
                % ("".join(body), sect))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)


# ---------------------------------------------------------------- HTML (Unicode boxes, form fields)

def write_html(doc, path, style):
    def box(on):
        if style == "form_fields":
            return '<input type="checkbox"%s>' % (" checked" if on else "")
        if style == "wingdings":
            return '<font face="Wingdings">%s</font>' % ("\u00fe" if on else "\u00a8")
        return "\u2611" if on else "\u2610"

    def status(s):
        return "%s %s<br>%s %s" % (box(s == "done"), DONE, box(s == "not_done"), NOT_DONE)

    font = "Norasi" if style == "form_fields" else "Garuda"
    # LibreOffice's HTML import ignores CSS borders; use the table attributes.
    h = ['<html><head><meta charset="utf-8"></head><body><font face="%s">' % font,
         '<p align="center"><b>แบบรายงานผลการเปิดเผยข้อมูลสาธารณะ</b><br>%s อำเภอ%s จังหวัด%s<br>ประจำปีงบประมาณ พ.ศ. %d</p>'
         % (doc["agency"], doc["district"], doc["province"], doc["fiscal_year"]),
         "<p>ตัวชี้วัด</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>ที่</th><th>ตัวชี้วัด</th><th>สถานะ</th></tr>"]
    for ind in doc["indicators"]:
        h.append("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (ind["no"], ind["title"], status(ind["status"])))
    h.append("</table><p>ข้อมูล OIT</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><thead><tr><th>ข้อ</th><th>รายการ</th><th>สถานะ</th></tr></thead>")
    for it in doc["items"]:
        h.append("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (it["code"], escape(it["title"]), status(it["status"])))
    h.append("</table></font></body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(h))


# ---------------------------------------------------------------- ODT (flat XML, Unicode boxes, no table rules)

def write_fodt(doc, path, style):
    def p(text, st="P"):
        return '<text:p text:style-name="%s">%s</text:p>' % (st, escape(text))

    def box(on):
        return "\u2612" if on and style == "crossed" else "\u2611" if on else "\u2610"

    def status_line(s):
        # Boxes after their labels, as some templates write them.
        return "%s %s   %s %s" % (DONE, box(s == "done"), NOT_DONE, box(s == "not_done"))

    rows = []
    for it in doc["items"]:
        rows.append('<table:table-row><table:table-cell table:style-name="C">%s</table:table-cell>'
                    '<table:table-cell table:style-name="C">%s</table:table-cell>'
                    '<table:table-cell table:style-name="C">%s</table:table-cell></table:table-row>'
                    % (p(it["code"]), p(it["title"]), p(status_line(it["status"]))))
    inds = "".join(p("%s. %s  %s" % (i["no"], i["title"], status_line(i["status"]))) for i in doc["indicators"])
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Kinnari" svg:font-family="Kinnari" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:automatic-styles>
<style:style style:name="P" style:family="paragraph"><style:text-properties style:font-name="Kinnari" fo:font-size="14pt" style:font-name-complex="Kinnari" style:font-size-complex="14pt"/></style:style>
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="%s" fo:padding="0.05cm"/></style:style>
</office:automatic-styles>
<office:body><office:text>
%s%s%s%s<text:p text:style-name="P">รายการข้อมูลสาธารณะ</text:p>
<table:table table:name="OIT"><table:table-column/><table:table-column/><table:table-column/>%s</table:table>
</office:text></office:body></office:document>
""" % ("none" if style == "unruled" else "0.5pt solid #000000",
       p("รายงานการประเมินคุณธรรมและความโปร่งใส"), p(doc["agency"] + " จังหวัด" + doc["province"]),
       p("ปีงบประมาณ พ.ศ. %d" % doc["fiscal_year"]), inds, "".join(rows))
    with open(path, "w", encoding="utf-8") as f:
        f.write(xml)


# ---------------------------------------------------------------- main

VARIANTS = [
    ("docx_wingdings_text", "docx", "wingdings_text", 43, 1),
    ("docx_wingdings_sym", "docx", "wingdings_sym", 8, 5),
    ("docx_wingdings2_text", "docx", "wingdings2_text", 20, 1),
    ("html_unicode_boxes", "html", "unicode", 15, 1),
    ("docx_legacy_form_checkboxes", "docx", "formcheckbox", 12, 1),
    ("docx_wingdings_sym_no_font", "docx", "wingdings_sym", 10, 10),
    ("docx_status_columns_split_rows", "docx", "wingdings2_text+columns+split", 30, 1),
    ("html_wingdings_font", "html", "wingdings", 10, 34),
    ("docx_wingdings2_text_no_font", "docx", "wingdings2_text", 10, 25),
    ("odt_crossed_boxes_after_label", "fodt", "crossed", 12, 20),
    ("odt_unruled_table", "fodt", "unruled", 10, 30),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "fixtures", "pdf"))
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--keep-sources", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="ita-pdf-fixtures-")
    for name, kind, style, n, first in VARIANTS:
        # Stand-in symbol fonts installed, except for the "_no_font" variants.
        if name.endswith("_no_font"):
            remove_symbol_fonts()
        else:
            install_symbol_fonts()
        doc = make_doc(rng, name, n, first)
        src = os.path.join(tmp, name + "." + kind)
        {"docx": write_docx, "html": write_html, "fodt": write_fodt}[kind](doc, src, style)
        # HTML is imported as a Writer document (not Writer/Web), as "Open with Writer" does.
        infilter = ["--infilter=HTML (StarWriter)"] if kind == "html" else []
        subprocess.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://%s/profile" % tmp]
                       + infilter + ["--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, name + ".pdf"), os.path.join(args.out, name + ".pdf"))
        if args.keep_sources:
            shutil.copy(src, args.out)
        with open(os.path.join(args.out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(answers(doc, style), f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(name, file=sys.stderr)
    shutil.rmtree(tmp, ignore_errors=True)
    remove_symbol_fonts()


if __name__ == "__main__":
    main()
