#!/usr/bin/env bash
# Scale check of the review report (issue 11): a run of N documents (default 10,000:
# copies of the documents of a run over the text fixtures, each under its own id), its
# report, and how long the overview takes to open in headless Chromium (from the start
# of navigation to the first table row shown), with the size of what it loads.
#
# usage: scripts/report_scale.sh [N] [WORK_DIR]
#   BIN=path/to/ita-extract (default: target's debug build)   PAGES=1 to draw pages too
#   BASE=an existing run folder to copy (default: a run over the text and PDF fixtures)
# needs: node, tests/browser/node_modules (npm ci there), /usr/bin/chromium
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
WORK=${2:-$(mktemp -d)}
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/debug/ita-extract}
mkdir -p "$WORK"
echo "scale: $N documents in $WORK, binary $BIN"
BASE=${BASE:-$WORK/base}
if [ ! -d "$BASE/documents" ]; then
  "$BIN" run fixtures/pdf fixtures/pdf2 fixtures/corpus_sample fixtures/seed_1afe833d.txt -o "$BASE" -q -j 1 --force || [ $? -le 1 ]
fi
# N copies of the base documents, each with its own id (the report reads documents/*.json).
python3 - "$BASE/documents" "$WORK/run/documents" "$N" <<'PY'
import os, sys, shutil
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = sorted(f for f in os.listdir(src) if f.endswith(".json"))
os.makedirs(dst, exist_ok=True)
for i in range(n):
    f = base[i % len(base)]
    shutil.copyfile(os.path.join(src, f), os.path.join(dst, f"{f[:-5]}-copy{i:05d}.json"))
PY
pages=--no-pages; [ "${PAGES:-0}" = 1 ] && pages=
start=$(date +%s.%N)
"$BIN" report "$WORK/run" -o "$WORK/site" $pages 2>&1 | head -1
end=$(date +%s.%N)
echo "report written in $(echo "$end - $start" | bc) s"
echo "overview.js: $(stat -c %s "$WORK/site/overview.js") bytes; index.html + report.js + style.css: $(cat "$WORK/site/index.html" "$WORK/site/report.js" "$WORK/site/style.css" | wc -c) bytes; docs/: $(du -sh "$WORK/site/docs" | cut -f1)"
NODE_PATH=tests/browser/node_modules node - "$WORK/site" <<'JS'
const { chromium } = require("playwright-core");
const path = require("path"), fs = require("fs"), os = require("os");
const { pathToFileURL } = require("url");
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ita-scale-"));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const page = await ctx.newPage();
  const url = pathToFileURL(path.join(process.argv[2], "index.html")).href;
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.goto("about:blank");
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForSelector("#docs tbody tr");
    times.push(Date.now() - t0);
  }
  const rows = await page.locator("#docs tbody tr").count();
  const info = await page.locator(".pager span").textContent();
  times.sort((a, b) => a - b);
  console.log(`overview open (navigation to first table row), 5 runs: ${times.join(", ")} ms; median ${times[2]} ms; ${rows} rows shown (${info})`);
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
})().catch((e) => { console.error(e); process.exit(1); });
JS
