#!/usr/bin/env bash
# Build the scanned-PDF fixtures of issue 6 (fixtures/scanned/): a small ITA-like report
# page (OIT items with ☐/☑ status boxes) is written as HTML, printed to PDF by
# LibreOffice, rasterised with pdftoppm, given light noise and skew with ImageMagick,
# and wrapped as an image-only PDF with img2pdf. The expected item statuses are
# written beside each PDF as <name>.answers.json.
#
# Needs: soffice (libreoffice), pdftoppm (poppler-utils), convert (imagemagick),
# img2pdf, python3, fonts-tlwg-garuda (Thai) and fonts-dejavu-core (☐ ☑ ☒).
#   apt-get install -y libreoffice-writer poppler-utils imagemagick img2pdf fonts-tlwg-garuda fonts-dejavu-core
# Deterministic: statuses come from a fixed seed; re-running gives the same answers.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=fixtures/scanned
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
# ImageMagick's own binary (a stand-in script may shadow it on PATH).
CONVERT=$( [ -x /usr/bin/convert ] && echo /usr/bin/convert || command -v convert )

# name, first item, item count, dpi, tick glyph, skew degrees, image encoding, layout
# (boxes: "☐ ดำเนินการ ☐ ยังไม่ได้ดำเนินการ" in one cell; columns: one column per status,
# the tick written into it, alternately "✓" and a hand-style "/" in the Purisa font)
SPECS="scan_oit_jpeg 1 14 200 ☑ 0.6 jpeg boxes
scan_oit_g4 15 14 300 ☒ -0.4 g4 boxes
scan_oit_columns 29 15 250 ✓ 0.8 jpeg columns"

echo "$SPECS" | while read -r name first count dpi tick skew enc layout; do
  python3 - "$WORK/$name.html" "$OUT/$name.answers.json" "$first" "$count" "$tick" "$name" "$layout" <<'PY'
import json, random, sys
html_path, answers_path, first, count, tick, name, layout = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
# OIT items of fiscal years 2566-2567 (ITA catalogue), short titles.
titles = {1: "โครงสร้าง", 2: "ข้อมูลผู้บริหาร", 3: "อำนาจหน้าที่", 4: "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
  5: "ข้อมูลการติดต่อ", 6: "กฎหมายที่เกี่ยวข้อง", 7: "ข่าวประชาสัมพันธ์", 8: "Q&A", 9: "Social Network",
  10: "นโยบายคุ้มครองข้อมูลส่วนบุคคล", 11: "แผนดำเนินงานประจำปี", 12: "รายงานการกำกับติดตามการดำเนินงาน",
  13: "รายงานผลการดำเนินงานประจำปี", 14: "คู่มือหรือมาตรฐานการปฏิบัติงาน", 15: "คู่มือหรือมาตรฐานการให้บริการ",
  16: "ข้อมูลเชิงสถิติการให้บริการ", 17: "รายงานผลการสำรวจความพึงพอใจการให้บริการ", 18: "E-Service",
  19: "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", 20: "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง",
  21: "สรุปผลการจัดซื้อจัดจ้างรายเดือน", 22: "รายงานผลการจัดซื้อจัดจ้างประจำปี", 23: "นโยบายการบริหารทรัพยากรบุคคล",
  24: "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", 25: "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
  26: "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", 27: "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต",
  28: "ช่องทางแจ้งเรื่องร้องเรียนการทุจริต", 29: "ช่องทางการรับฟังความคิดเห็น", 30: "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
  31: "ประกาศเจตนารมณ์นโยบาย No Gift Policy", 32: "การสร้างวัฒนธรรม No Gift Policy", 33: "รายงานผลตามนโยบาย No Gift Policy",
  34: "การประเมินความเสี่ยงการทุจริตประจำปี", 35: "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต", 36: "แผนปฏิบัติการป้องกันการทุจริต",
  37: "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต", 38: "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
  39: "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", 40: "การขับเคลื่อนจริยธรรม", 41: "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ",
  42: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", 43: "การดำเนินการตามมาตรการส่งเสริมคุณธรรม"}
rng = random.Random(name)
rows, answers = [], []
for n in range(first, first + count):
    done = rng.random() < 0.6
    if layout == "columns":
        mark = "<span class=t>✓</span>" if n % 2 else "<span class=h>/</span>"
        cells = (mark, "") if done else ("", mark)
        rows.append(f"<tr><td width=\"8%\">O{n}</td><td width=\"52%\">{titles.get(n, 'รายการ')}</td>"
                    f"<td width=\"16%\" align=center>{cells[0]}</td><td width=\"24%\" align=center>{cells[1]}</td></tr>")
        answers.append({"code": f"O{n}", "status": "done" if done else "not_done"})
        continue
    box_done, box_not = (tick, "☐") if done else ("☐", tick)
    rows.append(f"<tr><td width=\"8%\">O{n}</td><td width=\"44%\">{titles.get(n, 'รายการ')}</td>"
                f"<td width=\"48%\"><span class=b>{box_done}</span> ดำเนินการ &nbsp;&nbsp; <span class=b>{box_not}</span> ยังไม่ได้ดำเนินการ</td></tr>")
    answers.append({"code": f"O{n}", "status": "done" if done else "not_done"})
header = "<td>ดำเนินการ</td><td>ยังไม่ได้ดำเนินการ</td>" if layout == "columns" else "<td>สถานะการดำเนินการ</td>"
html = f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: Garuda; font-size: 13pt; }}
td {{ border: 1px solid black; padding: 4px 8px; }}
table {{ border-collapse: collapse; }}
.b {{ font-family: 'DejaVu Sans'; font-size: 15pt; }}
.t {{ font-family: 'DejaVu Sans'; font-size: 16pt; }}
.h {{ font-family: Purisa; font-size: 22pt; font-weight: bold; }}
</style></head><body>
<p>แบบรายงานผลการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2567</p>
<p>องค์การบริหารส่วนตำบลตัวอย่าง อำเภอเมือง จังหวัดตัวอย่าง</p>
<table border="1" cellpadding="5" cellspacing="0" width="100%"><tr><td>ข้อ</td><td>รายการ</td>{header}</tr>
{''.join(rows)}
</table></body></html>"""
open(html_path, "w", encoding="utf-8").write(html)
json.dump({"source": f"{name}.pdf", "fiscal_year": 2567, "items": answers}, open(answers_path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
  soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$WORK" "$WORK/$name.html" >/dev/null 2>&1
  pdftoppm -r "$dpi" -gray -png -f 1 -l 1 "$WORK/$name.pdf" "$WORK/$name"
  page=$(ls "$WORK/$name"*.png | head -1)
  # Light scanner damage: a little blur and noise, a small skew, grey background.
  if [ "$enc" = jpeg ]; then
    "$CONVERT" "$page" -blur 0x0.6 -attenuate 0.4 +noise Gaussian -background white -rotate "$skew" +repage \
      -colorspace Gray -quality 45 -density "$dpi" "$WORK/$name.jpg"
    img2pdf --imgsize "${dpi}dpi" -o "$OUT/$name.pdf" "$WORK/$name.jpg"
  else
    "$CONVERT" "$page" -attenuate 0.3 +noise Gaussian -background white -rotate "$skew" +repage \
      -colorspace Gray -threshold 55% -type bilevel -compress Group4 -density "$dpi" "$WORK/$name.tif"
    img2pdf --imgsize "${dpi}dpi" -o "$OUT/$name.pdf" "$WORK/$name.tif"
  fi
  echo "wrote $OUT/$name.pdf ($(stat -c %s "$OUT/$name.pdf") bytes)"
done
