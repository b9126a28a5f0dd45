#!/usr/bin/env bash
# Overhead of worker processes (issue 14): the same batch read in process
# (`run --in-process`, hidden) and by pooled worker processes (the default), at -j1 and
# -j2, best wall time of REPS runs each (`--force`, so every document is read again).
#
#   scripts/bench_workers.sh                         # fixtures/ and 200 seed copies
#   INPUTS="fixtures" REPS=5 scripts/bench_workers.sh
#   BIN=$CARGO_TARGET_DIR/debug/ita-extract scripts/bench_workers.sh
#
# Environment:
#   INPUTS     input folders (default: "fixtures seed200"; seed200 is generated into
#              BENCH_DIR: 200 copies of the seed, each with its own first line)
#   JOBS       thread counts (default "1 2")
#   REPS       runs per configuration; the fastest counts (default 3)
#   BENCH_DIR  work folder (default /tmp/ita-bench-workers)
#   BIN        binary (default: target/release/ita-extract, built if missing)
# OCR is off (--ocr off): the figure is the cost of the processes, not of Tesseract.
set -euo pipefail

cd "$(dirname "$0")/.."
INPUTS=${INPUTS:-"fixtures seed200"}
JOBS=${JOBS:-"1 2"}
REPS=${REPS:-3}
BENCH_DIR=${BENCH_DIR:-/tmp/ita-bench-workers}
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${BIN:-$TARGET/release/ita-extract}
if [ ! -x "$BIN" ]; then
  cargo build --release
fi
mkdir -p "$BENCH_DIR"

inputs_of() {
  case "$1" in
    seed200)
      local dir="$BENCH_DIR/seed200"
      if [ ! -d "$dir" ]; then
        mkdir -p "$dir"
        for i in $(seq 1 200); do
          { echo "<!-- bench copy $i -->"; tail -n +2 fixtures/seed_1afe833d.txt; } >"$dir/doc$i.txt"
        done
      fi
      echo "$dir"
      ;;
    *) echo "$1" ;;
  esac
}

best_of() { # best wall time in seconds of REPS runs of "$@"
  local best=""
  for _ in $(seq 1 "$REPS"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    best=$(echo "$t0 $t1 ${best:-}" | awk '{d=$2-$1; if ($3=="" || d<$3) print d; else print $3}')
  done
  printf '%.2f' "$best"
}

printf '%-10s %-4s %12s %12s %9s\n' input jobs in-process workers overhead
for name in $INPUTS; do
  dir=$(inputs_of "$name")
  docs=$(find "$dir" -type f \( -name '*.txt' -o -name '*.pdf' -o -name '*.html' -o -name '*.htm' -o -name '*.md' \) | wc -l)
  for j in $JOBS; do
    out="$BENCH_DIR/out-$name-$j"
    a=$(best_of "$BIN" run "$dir" -o "$out-a" -j "$j" -q --ocr off --force --in-process)
    b=$(best_of "$BIN" run "$dir" -o "$out-b" -j "$j" -q --ocr off --force)
    cmp -s "$out-a/dataset.jsonl" "$out-b/dataset.jsonl" || { echo "dataset.jsonl differs for $name -j$j" >&2; exit 1; }
    pct=$(echo "$a $b" | awk '{printf "%+.0f%%", ($2-$1)/$1*100}')
    printf '%-10s %-4s %11ss %11ss %9s   (%s files)\n' "$name" "$j" "$a" "$b" "$pct" "$docs"
  done
done
