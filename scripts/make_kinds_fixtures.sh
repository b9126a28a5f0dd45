#!/usr/bin/env bash
# Make the LibreOffice exports of fixtures/kinds/ (issue 10) from its text fixtures:
#   analysis_municipal.txt   -> writer_analysis_municipal.pdf (HTML tables, Writer)
#   announcement_local.txt   -> calc_announcement_local.pdf   (a sheet, Calc)
# Each export gets a copy of the text fixture's answers (the documents say the same).
# The PDFs are committed, so CI needs no LibreOffice. Needs: LibreOffice Writer and Calc
# (apt-get install libreoffice-writer libreoffice-calc) and fonts-thai-tlwg.
set -euo pipefail
cd "$(dirname "$0")/../fixtures/kinds"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Writer: every line with tabs becomes a table row, runs of such lines one table.
python3 - analysis_municipal.txt "$work/writer_analysis_municipal.html" <<'PY'
import html, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
out = ['<html><head><meta charset="utf-8"><style>body{font-family:"Garuda";font-size:11pt}'
       'td{border:1px solid #000;padding:2px}</style></head><body>']
in_table = False
for l in lines:
    if "\t" in l:
        if not in_table:
            out.append('<table cellspacing="0">')
            in_table = True
        out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in l.split("\t")) + "</tr>")
        continue
    if in_table:
        out.append("</table>")
        in_table = False
    out.append(f"<p>{html.escape(l)}</p>" if l.strip() else "")
if in_table:
    out.append("</table>")
out.append("</body></html>")
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
PY
# Calc: the tab-separated lines as a sheet, the heading lines in the first column.
python3 - announcement_local.txt "$work/calc_announcement_local.csv" <<'PY'
import csv, sys
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""))
for l in open(sys.argv[1], encoding="utf-8").read().splitlines():
    w.writerow(l.split("\t"))
PY
soffice --headless --convert-to pdf:writer_pdf_Export --infilter="HTML (StarWriter)" \
  --outdir . "$work/writer_analysis_municipal.html" >/dev/null
soffice --headless --convert-to pdf:calc_pdf_Export --infilter="CSV:44,34,76,1" \
  --outdir . "$work/calc_announcement_local.csv" >/dev/null
cp analysis_municipal.answers.json writer_analysis_municipal.answers.json
cp announcement_local.answers.json calc_announcement_local.answers.json
ls -l writer_analysis_municipal.pdf calc_announcement_local.pdf
