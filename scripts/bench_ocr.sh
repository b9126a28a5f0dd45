#!/usr/bin/env bash
# OCR throughput (issue 6): pages per second per core for scanned PDFs, each page
# rendered from its images and read by Tesseract (tha+eng, one thread per page).
# Usage: scripts/bench_ocr.sh [PDF]...   (default: fixtures/scanned/*.pdf and, where it
# exists, ../shared/real/ovec_ita2568_results_scanned.pdf)
# Set OCR_BENCH_NICE=10 to run the engine under nice on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
  pdfs=("$@")
else
  pdfs=(fixtures/scanned/*.pdf)
  [ -f ../shared/real/ovec_ita2568_results_scanned.pdf ] && pdfs+=(../shared/real/ovec_ita2568_results_scanned.pdf)
fi
command -v tesseract >/dev/null || { echo "tesseract missing: apt-get install tesseract-ocr tesseract-ocr-tha" >&2; exit 2; }
echo "tesseract: $(tesseract --version 2>&1 | head -1); cores: $(nproc)"
# Baseline: the engine alone on pdftoppm's 300 dpi rendering of the first page.
if command -v pdftoppm >/dev/null; then
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  pdftoppm -r 300 -gray -f 1 -l 1 "${pdfs[0]}" "$tmp/p"
  start=$(date +%s.%N)
  OMP_THREAD_LIMIT=1 tesseract "$tmp"/p*.pgm "$tmp/out" -l tha+eng --psm 4 tsv >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "baseline: pdftoppm page + tesseract alone: $(echo "$end - $start" | bc) s"
fi
OCR_BENCH_PDFS=$(IFS=:; echo "${pdfs[*]}") cargo test --release --test ocr_bench -- --ignored --nocapture 2>&1 |
  grep -E "^ocr bench|p[0-9]+:|baseline"
