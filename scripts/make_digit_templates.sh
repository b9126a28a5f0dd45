#!/usr/bin/env bash
# Build src/ingest/ocr/thai_digits.tsv: reference shapes of the Thai digits ๐-๙
# (U+0E50..U+0E59) for re-reading number cells of scanned tables (src/ingest/ocr/digits.rs).
# Each digit is drawn in the free Thai fonts of the Debian fonts-tlwg packages with
# ImageMagick, cropped to its ink and resampled into a GRID x GRID box (aspect kept,
# centred) by area averaging, the same way digits.rs normalises a scanned glyph.
# Output lines: font <TAB> digit (0-9) <TAB> aspect (w/h, 3 decimals) <TAB> GRID*GRID hex
# nibbles of ink coverage (0 = none, f = full).
#   apt-get install -y imagemagick fonts-tlwg-garuda fonts-tlwg-kinnari fonts-tlwg-laksaman \
#     fonts-tlwg-loma fonts-tlwg-norasi fonts-tlwg-sawasdee fonts-tlwg-umpush fonts-tlwg-waree
set -euo pipefail
cd "$(dirname "$0")/.."
CONVERT=$( [ -x /usr/bin/convert ] && echo /usr/bin/convert || command -v convert )
OUT=src/ingest/ocr/thai_digits.tsv
DIR=/usr/share/fonts/truetype/tlwg
FONTS="Garuda Garuda-Bold Kinnari Kinnari-Bold Laksaman Laksaman-Bold Loma Loma-Bold Norasi Norasi-Bold Sawasdee Umpush Waree TlwgTypo"
: > "$OUT"
for f in $FONTS; do
  [ -f "$DIR/$f.ttf" ] || { echo "skip $f (not installed)" >&2; continue; }
  for d in 0 1 2 3 4 5 6 7 8 9; do
    ch=$(python3 -c "print(chr(0x0E50 + $d))")
    "$CONVERT" -font "$DIR/$f.ttf" -pointsize 64 -background white -fill black "label:$ch" \
      -colorspace Gray -compress none pgm:- |
    python3 -c '
import sys
GRID = 20
tok = sys.stdin.read().split()
w, h = int(tok[1]), int(tok[2]); mx = int(tok[3])
px = [int(v) for v in tok[4:4 + w * h]]
ink = [[px[y * w + x] * 255 // mx < 128 for x in range(w)] for y in range(h)]
ys = [y for y in range(h) if any(ink[y])]; xs = [x for x in range(w) if any(ink[y][x] for y in range(h))]
x0, x1, y0, y1 = min(xs), max(xs) + 1, min(ys), max(ys) + 1
bw, bh = x1 - x0, y1 - y0
s = GRID / max(bw, bh)
ox, oy = (GRID - bw * s) / 2, (GRID - bh * s) / 2
cells = []
for gy in range(GRID):
    for gx in range(GRID):
        # Source rectangle of this grid cell, area-averaged.
        sx0, sx1 = x0 + (gx - ox) / s, x0 + (gx + 1 - ox) / s
        sy0, sy1 = y0 + (gy - oy) / s, y0 + (gy + 1 - oy) / s
        tot = n = 0
        for yy in range(int(sy0), int(sy1 + 0.999)):
            for xx in range(int(sx0), int(sx1 + 0.999)):
                if x0 <= xx < x1 and y0 <= yy < y1:
                    tot += ink[yy][xx]
                n += 1
        v = tot / n if n else 0
        cells.append("%x" % min(15, int(v * 15 + 0.5)))
print("%.3f\t%s" % (bw / bh, "".join(cells)))
' | sed "s/^/$f\t$d\t/" >> "$OUT"
  done
done
wc -l "$OUT"
