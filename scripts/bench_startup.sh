#!/usr/bin/env bash
# Start-up cost (issue 12: "start-up under 10 ms for `file` on a small text file"), side by
# side with pdftotext on a one-page PDF, in one hyperfine run (interleaved warm-ups,
# medians). Four commands:
#   ita-extract file small.txt              the whole command: parent + worker process
#   ita-extract file small.txt (in process) the same with the worker step skipped
#                                           (ITA_EXTRACT_CONTAINED=1: what a worker costs)
#   ita-extract --version                   process start and argument parsing only
#   pdftotext one-page.pdf -                the peer, on the smallest fixture PDF
# Usage: scripts/bench_startup.sh [RUNS]   (default 200). Needs hyperfine and poppler-utils
# (apt-get install -y hyperfine poppler-utils) and a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-200}
BIN=${CARGO_TARGET_DIR:-target}/release/ita-extract
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'รายงานผลการดำเนินงาน\nhello\n' > "$work/small.txt"
PDF=$(ls -S fixtures/pdf/*.pdf | tail -n 1)
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pdftotext peer file: $PDF"
# `file` exits 1 on this not-ITA text (partial): -i ignores the exit code.
hyperfine -N -i --warmup 10 --runs "$RUNS" --export-markdown "$work/startup.md" \
  -n "ita-extract file small.txt" "$BIN file $work/small.txt" \
  -n "ita-extract file small.txt (in process)" "env ITA_EXTRACT_CONTAINED=1 $BIN file $work/small.txt" \
  -n "ita-extract --version" "$BIN --version" \
  -n "pdftotext one-page.pdf" "pdftotext $PDF $work/out.txt" >/dev/null
cat "$work/startup.md"
