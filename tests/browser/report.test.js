// Browser test of the review report (issue 11): opens the report of the fixtures in
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) from disk
// and checks that
//   - the overview renders its charts and its table;
//   - every document page renders (its pages drawn, every outline with a bbox drawn at
//     that bbox, every text outline marked), with no script error;
//   - choosing a flag in the side list outlines its box and scrolls it into view;
//   - the layout holds at 1280 px and at phone width (390 px): nothing wider than the
//     window.
// Screenshots go to SHOTS (default ../../output/report-screenshots, git-ignored).
//
// usage: node report.test.js REPORT_DIR [SHOTS]
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");

const dir = path.resolve(process.argv[2] || "");
const shots = path.resolve(process.argv[3] || path.join(__dirname, "../../output/report-screenshots"));
if (!process.argv[2] || !fs.existsSync(path.join(dir, "index.html"))) {
  console.error("usage: node report.test.js REPORT_DIR [SHOTS] (REPORT_DIR holds index.html)");
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
const url = (f) => pathToFileURL(path.join(dir, f)).href;
let failures = 0;
function check(ok, what) {
  if (!ok) { failures++; console.error("FAIL " + what); }
}
function dataOf(file) {
  const t = fs.readFileSync(file, "utf8");
  return JSON.parse(t.slice(t.indexOf("(") + 1, t.lastIndexOf(");")));
}

(async () => {
  const userDir = fs.mkdtempSync(path.join(require("os").tmpdir(), "ita-report-chromium-"));
  // A fresh profile (playwright passes it as --user-data-dir).
  const ctx = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await ctx.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

    // Overview.
    const overview = dataOf(path.join(dir, "overview.js"));
    await page.goto(url("index.html"));
    await page.waitForSelector("#docs tbody tr");
    const rows = await page.locator("#docs tbody tr").count();
    check(rows === Math.min(50, overview.rows.length), `overview shows ${rows} rows, expected ${Math.min(50, overview.rows.length)}`);
    check(await page.locator(".bar").count() > 0, "overview draws bar charts");
    // Sorting by score puts the highest first after two clicks.
    await page.locator("th", { hasText: "score" }).click();
    await page.locator("th", { hasText: "score" }).click();
    const top = await page.locator("#docs tbody tr:first-child td:nth-child(5)").textContent();
    const maxScore = Math.max(...overview.rows.map((r) => (typeof r[4] === "number" ? r[4] : -1)));
    if (maxScore >= 0) check(Number(top) === maxScore, `sorted by score descending, first ${top}, expected ${maxScore}`);
    await page.screenshot({ path: path.join(shots, "overview-1280.png"), fullPage: true });

    // Every document page.
    const docFiles = fs.readdirSync(path.join(dir, "docs")).filter((f) => f.endsWith(".js")).sort();
    check(docFiles.length === overview.documents, `${docFiles.length} document files for ${overview.documents} documents`);
    let flagChecked = 0, drawn = 0, outlinesChecked = 0;
    for (const f of docFiles) {
      const data = dataOf(path.join(dir, "docs", f));
      await page.goto(url("doc.html") + "#" + encodeURIComponent(data.id));
      await page.waitForSelector(".side");
      const pages = await page.locator(".page").count();
      check(pages === data.pages.length, `${data.id}: ${pages} pages drawn of ${data.pages.length}`);
      if (pages) drawn++;
      // Each outline with a bbox is a rect at that bbox (SVG y runs down from the top).
      const got = await page.evaluate(() => Array.from(document.querySelectorAll("rect.ol")).map((r) => ({
        id: r.getAttribute("data-outline"), page: Number(r.closest("svg").getAttribute("data-page")),
        x: +r.getAttribute("x"), y: +r.getAttribute("y"), w: +r.getAttribute("width"), h: +r.getAttribute("height"),
        H: r.closest("svg").viewBox.baseVal.height })));
      const byId = new Map(got.map((g) => [g.id, g]));
      const sides = await page.evaluate(() => {
        const out = { raw_u16: [], rep_u16: [] };
        document.querySelectorAll("mark[data-outlines]").forEach((m) => {
          out[m.getAttribute("data-side")].push(...m.getAttribute("data-outlines").split(" "));
        });
        return out;
      });
      const marked = { raw_u16: new Set(sides.raw_u16), rep_u16: new Set(sides.rep_u16) };
      const isPdf = data.pages.length && data.pages[0].kind === "pdf";
      for (const o of data.outlines) {
        if (isPdf && o.bbox) {
          const g = byId.get(o.id);
          const b = o.bbox;
          const near = (a, c) => Math.abs(a - c) < 0.01;
          check(g && g.page === o.page && near(g.x, b[0]) && near(g.y, g.H - b[3]) &&
            near(g.w, Math.max(b[2] - b[0], 0.5)) && near(g.h, Math.max(b[3] - b[1], 0.5)),
            `${data.id}: outline ${o.id} (${o.path}) drawn at its bbox`);
          outlinesChecked++;
        }
        if (!isPdf && data.pages.length && o.raw_u16 && o.raw_u16[1] > o.raw_u16[0]) {
          // Every piece of text an outline covers is marked with its id (the colour is
          // the innermost outline's).
          const n = marked.raw_u16.has(o.id), m = marked.rep_u16.has(o.id);
          check(n, `${data.id}: outline ${o.id} (${o.path}) marked in the raw text`);
          check(m || !(o.rep_u16 && o.rep_u16[1] > o.rep_u16[0]), `${data.id}: outline ${o.id} (${o.path}) marked in the repaired text`);
          outlinesChecked++;
        }
      }
      // Choosing a flag (the first with a place drawn) outlines it and scrolls to it.
      const flag = data.outlines.find((o) => o.kind === "flags" && (isPdf ? o.bbox : o.raw_u16 && o.raw_u16[1] > o.raw_u16[0]));
      if (flag && pages) {
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.locator(`.side button[data-choose="${flag.id}"]`).click();
        const seen = await page.evaluate((id) => {
          const n = document.querySelector(`[data-outline="${id}"].active`);
          if (!n) return null;
          const r = n.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight;
        }, flag.id);
        check(seen === true, `${data.id}: choosing flag ${flag.id} (${flag.label}) scrolls to its outline`);
        flagChecked++;
      }
    }
    check(drawn > 0, "some document has its pages drawn");
    check(flagChecked > 0, "some document has a flag to choose");

    // Layout at desktop and phone width: the overview and a document with pages.
    const sample = docFiles.map((f) => dataOf(path.join(dir, "docs", f))).filter((d) => d.pages.length);
    const samples = [sample.find((d) => d.pages[0].kind === "pdf"), sample.find((d) => d.pages[0].kind === "text")].filter(Boolean);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      const targets = [["overview", url("index.html")]].concat(samples.map((d) => [d.id, url("doc.html") + "#" + encodeURIComponent(d.id)]));
      for (const [name, u] of targets) {
        await page.goto("about:blank");
        await page.goto(u);
        await page.waitForSelector(name === "overview" ? "#docs tbody tr" : ".side");
        const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        check(over <= 1, `${name} at ${width} px: ${over} px wider than the window`);
        if (name !== "overview") {
          const side = await page.evaluate(() => { const r = document.querySelector(".side").getBoundingClientRect(); return r.width; });
          check(side > 100, `${name} at ${width} px: side list visible (${side} px wide)`);
        }
        await page.screenshot({ path: path.join(shots, `${name.slice(0, 40)}-${width}.png`) });
      }
    }
    // Comparison: with compare data, one heat-map cell per document and OIT code.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url("compare.html"));
    await page.waitForSelector("section");
    const cmp = dataOf(path.join(dir, "compare.js"));
    if (cmp && cmp.item_matrix) {
      const codes = cmp.item_matrix.header.filter((c) => /^O\d+$/.test(c)).length;
      const cells = await page.locator("table.heat td.h").count();
      check(cells === codes * cmp.item_matrix.rows.length, `heat map: ${cells} cells for ${cmp.item_matrix.rows.length} x ${codes}`);
    }
    await page.screenshot({ path: path.join(shots, "compare-1280.png") });
    check(errors.length === 0, "no script errors: " + errors.slice(0, 5).join(" | "));
    console.log(`report browser test: ${docFiles.length} document pages, ${outlinesChecked} outlines checked, ${flagChecked} flags chosen, screenshots in ${shots}: ${failures ? failures + " failure(s)" : "ok"}`);
  } finally {
    await ctx.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  }
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
