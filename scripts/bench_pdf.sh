#!/usr/bin/env bash
# Benchmark the PDF reader against `pdftotext -raw` (poppler-utils) on the same PDFs in
# the same run: pages per second per core (pages / CPU seconds, one process at a time)
# and peak memory (max RSS). Both tools write the text of every page to /dev/null.
#
# Two figures for our reader: the CLI (`ita-extract text`, one process per file, like
# pdftotext) and the library in one process (examples/bench_pdf.rs: read_pdf over every
# file ROUNDS times on one thread, as a batch run does per worker).
#
# Usage: scripts/bench_pdf.sh [ROUNDS] [PDF...]
#   default PDFs: fixtures/pdf/*.pdf and the text PDFs of ../shared/real (if present)
#   default ROUNDS: 20 (each PDF is read ROUNDS times by each tool)
# Needs: cargo build --release --bin ita-extract --example bench_pdf; pdftotext, pdfinfo
# (poppler-utils), GNU time, bc.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-20}
shift || true
BIN=target/release/ita-extract
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "needs pdftotext (apt-get install poppler-utils)" >&2; exit 2; }
if [ $# -gt 0 ]; then
  PDFS=("$@")
else
  PDFS=(fixtures/pdf/*.pdf)
  for f in ../shared/real/ktltc_project_form_wingdings.pdf ../shared/real/ktltc_o15_satisfaction_report.pdf \
           ../shared/real/nysso_eb1_1.2_procurement_analysis.pdf; do
    [ -f "$f" ] && PDFS+=("$f")
  done
fi
pages=0
for f in "${PDFS[@]}"; do
  n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  pages=$((pages + n))
done
total=$((pages * ROUNDS))

# One tool over every PDF ROUNDS times under GNU time: "label cpu_seconds max_rss_kb".
run() {
  local label=$1 mode=$2
  local tf; tf=$(mktemp)
  /usr/bin/time -f "%U %S %M" -o "$tf" bash -c '
    mode=$1; rounds=$2; bin=$3; shift 3
    for r in $(seq "$rounds"); do
      for f in "$@"; do
        if [ "$mode" = ours ]; then "$bin" text "$f" >/dev/null 2>&1 || true
        else pdftotext -raw -enc UTF-8 -q "$f" /dev/null || true; fi
      done
    done
  ' _ "$mode" "$ROUNDS" "$BIN" "${PDFS[@]}"
  read -r u s m < "$tf"; rm -f "$tf"
  echo "$label $(echo "$u + $s" | bc -l) $m"
}

echo "PDFs: ${#PDFS[@]} files, $pages pages, $ROUNDS rounds ($total pages per tool)"
printf "%-28s %12s %16s %14s\n" tool "cpu s" "pages/s/core" "peak RSS MB"
while read -r label cpu rss; do
  pps=$(echo "$total / $cpu" | bc -l)
  printf "%-28s %12.2f %16.0f %14.1f\n" "$label" "$cpu" "$pps" "$(echo "$rss / 1024" | bc -l)"
done < <(
  run ita-extract-text ours
  run pdftotext-raw poppler
)
EX=target/release/examples/bench_pdf
if [ -x "$EX" ]; then
  for threads in 1 2; do
    tf=$(mktemp)
    THREADS=$threads /usr/bin/time -f "%U %S %M" -o "$tf" "$EX" "$ROUNDS" "${PDFS[@]}" > "$tf.out"
    read -r u s m < "$tf"; read -r p wall _ < "$tf.out"; rm -f "$tf" "$tf.out"
    cpu=$(echo "$u + $s" | bc -l)
    printf "%-28s %12.2f %16.0f %14.1f   (wall %.2f s: %.0f pages/s)\n" "read_pdf-in-process-${threads}t" "$cpu" \
      "$(echo "$p / $cpu" | bc -l)" "$(echo "$m / 1024" | bc -l)" "$wall" "$(echo "$p / $wall" | bc -l)"
  done
else
  echo "(build the in-process benchmark: cargo build --release --example bench_pdf)"
fi
