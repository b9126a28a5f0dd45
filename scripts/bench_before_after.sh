#!/usr/bin/env bash
# CPU seconds of two builds of ita-extract on the same inputs, interleaved, `run -j1`:
# 150 copies of the seed (text) and 10 copies of each PDF fixture.
# Usage: scripts/bench_before_after.sh OLD_BINARY NEW_BINARY [ROUNDS]
set -euo pipefail
old=$1 new=$2 rounds=${3:-3}
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/text" "$tmp/pdf"
for i in $(seq 1 150); do
  { cat "$root/fixtures/seed_1afe833d.txt"; echo "copy $i"; } > "$tmp/text/s$i.txt"
done
for i in $(seq 1 10); do
  for f in "$root"/fixtures/pdf/*.pdf; do
    { cat "$f"; printf '%%%% %s\n' "$i"; } > "$tmp/pdf/$(basename "$f" .pdf)_$i.pdf"
  done
done
for r in $(seq 1 "$rounds"); do
  for b in "$old" "$new"; do
    for kind in text pdf; do
      rm -rf "$tmp/out"
      /usr/bin/time -f "$(basename "$b") $kind round $r: user %U s, max RSS %M KB" \
        "$b" run "$tmp/$kind" -o "$tmp/out" -j1 --quiet --force >/dev/null
    done
  done
done
