#!/usr/bin/env bash
# Make the LibreOffice exports of fixtures/kinds/ (issue 10) from its text fixtures:
#   NAME.txt for each NAME of WRITER -> writer_NAME.pdf (tab lines as HTML tables, Writer)
#   NAME.txt for each NAME of CALC   -> calc_NAME.pdf   (the lines as a sheet, Calc)
# so every doc_kind has a Writer export and the results table and the evidence tables a
# Calc one. Each export gets a copy of the text fixture's answers (the documents say the
# same). The PDFs are committed, so CI needs no LibreOffice. Needs: LibreOffice Writer
# and Calc (apt-get install libreoffice-writer libreoffice-calc) and fonts-thai-tlwg.
# Arguments, if any, name the fixtures to export (the rest are left as committed):
#   scripts/make_kinds_fixtures.sh evidence_budget_spending
set -euo pipefail
cd "$(dirname "$0")/../fixtures/kinds"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

WRITER="analysis_municipal
  evidence_annual_report_o13 evidence_budget_spending evidence_procurement_monthly
  other_scheme_hospital_moit other_scheme_district_health_procurement
  not_ita_council_meeting not_ita_price_table
  progress_oit_checklist"
CALC="announcement_local evidence_budget_spending evidence_procurement_monthly"

# Writer: every line with tabs becomes a table row, runs of such lines one table.
to_html() {
  python3 - "$1" "$2" <<'EOF'
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
EOF
}

# Calc: the tab-separated lines as a sheet, the heading lines in the first column.
to_csv() {
  python3 - "$1" "$2" <<'EOF'
import csv, sys
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""))
for l in open(sys.argv[1], encoding="utf-8").read().splitlines():
    w.writerow(l.split("\t"))
EOF
}

wanted() { [ $# -eq 0 ] || [[ " $* " == *" $name "* ]]; }
for name in $WRITER; do
  wanted "$@" || continue
  to_html "$name.txt" "$work/writer_$name.html"
  soffice --headless --convert-to pdf:writer_pdf_Export --infilter="HTML (StarWriter)" \
    --outdir . "$work/writer_$name.html" >/dev/null
  cp "$name.answers.json" "writer_$name.answers.json"
  ls -l "writer_$name.pdf"
done
for name in $CALC; do
  wanted "$@" || continue
  to_csv "$name.txt" "$work/calc_$name.csv"
  soffice --headless --convert-to pdf:calc_pdf_Export --infilter="CSV:44,34,76,1" \
    --outdir . "$work/calc_$name.csv" >/dev/null
  cp "$name.answers.json" "calc_$name.answers.json"
  ls -l "calc_$name.pdf"
done
