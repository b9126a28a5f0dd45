#!/usr/bin/env bash
# Scans of the second born-digital set (fixtures/pdf2/, made by make_pdf_fixtures2.py):
# every page of each ITA fixture is rasterised at 150 dpi in grey, given a paper tone,
# a little blur and a small skew, saved as JPEG (quality 45) and wrapped as an
# image-only PDF with img2pdf into fixtures/scanned2/NAME.pdf, with the answers of the
# born-digital fixture beside it as NAME.answers.json ("source" and "style" adjusted).
# The not-ITA letter is scanned too (one page); the saved 404 page is not.
#
# The HTML-form fixture is printed the way a viewer that uses the stored appearances
# prints it: LibreOffice names the "on" appearance /on for boxes without value= while
# /AS says /Yes, and sets /NeedAppearances, so poppler draws every box empty and
# Ghostscript draws those boxes empty. The copy that is rasterised gets its /on
# appearances renamed /Yes and is rendered with Ghostscript, so the ticks show.
#
# Needs: pdftoppm (poppler-utils), gs (ghostscript), qpdf, convert (imagemagick),
# img2pdf, python3.
#   apt-get install -y poppler-utils ghostscript qpdf imagemagick img2pdf
# Deterministic: no random noise; skews come from the table below.
set -euo pipefail
cd "$(dirname "$0")/.."
IN=fixtures/pdf2
OUT=fixtures/scanned2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
# ImageMagick's own binary (a stand-in script may shadow it on PATH).
CONVERT=$( [ -x /usr/bin/convert ] && echo /usr/bin/convert || command -v convert )
DPI=150
QUALITY=45

# name and skew in degrees
SPECS="docx_publish_columns_wingdings2 0.5
odt_publish_unicode_wrapped_codes -0.4
docx_marks_three_columns 0.7
html_form_checkboxes -0.6
docx_bare_thai_numbers 0.3
docx_ordinal_code_url -0.8
calc_marks_sheet 0.4
docx_year_2568_three_boxes -0.3
not_ita_letter 0.6"

echo "$SPECS" | while read -r name skew; do
  src="$IN/$name.pdf"
  [ -f "$src" ] || { echo "missing $src (run scripts/make_pdf_fixtures2.py)" >&2; exit 1; }
  rm -f "$WORK"/page-*
  if [ "$name" = html_form_checkboxes ]; then
    qpdf --qdf --object-streams=disable "$src" "$WORK/form.qdf.pdf"
    python3 - "$WORK/form.qdf.pdf" "$WORK/form.fixed.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
# /AP << /N << /on 12 0 R /Off 13 0 R >> >>: name the on-state as /AS does.
data = re.sub(rb"/on(\s+\d+\s+\d+\s+R)", rb"/Yes\1", data)
open(sys.argv[2], "wb").write(data)
PY
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pnggray -r"$DPI" -o "$WORK/page-%02d.png" "$WORK/form.fixed.pdf"
  else
    pdftoppm -r "$DPI" -gray -png "$src" "$WORK/page"
  fi
  jpgs=()
  for page in "$WORK"/page-*.png; do
    jpg="${page%.png}.jpg"
    # Paper tone, scanner softness, a small skew; no random noise (keeps files small
    # and the set reproducible).
    "$CONVERT" "$page" -strip +level 6%,97% -blur 0x0.8 -background "gray(97%)" -rotate "$skew" +repage \
      -colorspace Gray -quality "$QUALITY" -density "$DPI" "$jpg"
    jpgs+=("$jpg")
  done
  img2pdf --imgsize "${DPI}dpi" -o "$OUT/$name.pdf" "${jpgs[@]}"
  python3 - "$IN/$name.json" "$OUT/$name.answers.json" "$name" <<'PY'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
a["source"] = sys.argv[3] + ".pdf"
a["style"] = a["style"] + "+scan150_jpeg"
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(a, f, ensure_ascii=False, indent=1)
    f.write("\n")
PY
  echo "wrote $OUT/$name.pdf (${#jpgs[@]} pages, $(stat -c %s "$OUT/$name.pdf") bytes)"
done
