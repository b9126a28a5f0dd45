#!/usr/bin/env bash
# ita-extract against the PDF tools users know, on the same PDFs, interleaved and
# repeated, in one run (scripts/bench_peers.py does the work; see its doc).
#
# Usage: scripts/bench_peers.sh [ROUNDS] [PDF...]
#   default PDFs: the born-digital fixtures (fixtures/pdf, fixtures/pdf2) and the
#   born-digital real PDFs of ../shared/real (if present); default ROUNDS: 5.
# Needs: cargo build --release; pdftotext and pdfinfo (poppler-utils); for the Python
# peers `pip install pymupdf pypdfium2` (reported as missing otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
shift || true
if [ $# -gt 0 ]; then
  PDFS=("$@")
else
  PDFS=(fixtures/pdf/*.pdf fixtures/pdf2/*.pdf)
  for f in ../shared/real/ktltc_o18_budget_excel.pdf ../shared/real/ktltc_project_form_wingdings.pdf \
           ../shared/real/ktltc_o15_satisfaction_report.pdf ../shared/real/nysso_eb1_1.2_procurement_analysis.pdf \
           ../shared/real/phichai_hosp_procurement_analysis_2567_moit.pdf; do
    [ -f "$f" ] && PDFS+=("$f")
  done
fi
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
exec python3 scripts/bench_peers.py --rounds "$ROUNDS" "${PDFS[@]}"
