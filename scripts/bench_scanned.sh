#!/usr/bin/env bash
# The whole pipeline on a batch of scanned PDFs (needs Tesseract with Thai data): the three
# scanned fixtures copied COPIES times (each copy made distinct so none is a duplicate),
# run with -j1 and -j2; prints wall and CPU seconds, pages/s and peak memory.
# Usage: scripts/bench_scanned.sh [COPIES]   (default 4, i.e. 12 one-page documents)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-4}
command -v tesseract >/dev/null || { echo "tesseract missing: apt-get install tesseract-ocr tesseract-ocr-tha" >&2; exit 2; }
cargo build --release >/dev/null 2>&1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
for i in $(seq 1 "$copies"); do
  for f in fixtures/scanned/*.pdf; do
    out="$work/in/$(basename "$f" .pdf)_$i.pdf"
    cp "$f" "$out"
    printf '%%%% copy %s\n' "$i" >> "$out"
  done
done
pages=$(ls "$work/in" | wc -l)
for j in 1 2; do
  rm -rf "$work/out"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" ./target/release/ita-extract run -q -j"$j" -o "$work/out" "$work/in" || true
  read -r wall user sys kb < "$work/time"
  awk -v j="$j" -v p="$pages" -v w="$wall" -v u="$user" -v s="$sys" -v kb="$kb" \
    'BEGIN { printf "-j%s: %d pages in %.2f s wall, %.2f s CPU: %.2f pages/s, %.2f pages/s per CPU-second; peak %.0f MB\n", j, p, w, u+s, p/w, p/(u+s), kb/1024 }'
done
