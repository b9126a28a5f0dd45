#!/usr/bin/env python3
"""Side-by-side reading speed of ita-extract and the PDF tools users know, in one run.

Every round runs every tool once over the same PDFs, in a rotated order (interleaved, so
that a busy neighbour on a shared machine slows all tools alike); the CPU time of each
tool (user + system of its processes) is taken from getrusage(RUSAGE_CHILDREN) deltas.
The report gives, per tool, the median over the rounds of pages per CPU second (pages/s
per core), and its ratio to `pdftotext -raw`.

Tools:
  ita-run-j1        ita-extract run -j1 over a folder of the PDFs: full structured
                    extraction, JSON, JSONL and CSV written (one process, fresh output)
  ita-text          ita-extract text PDF, one process per file
  pdftotext-raw     pdftotext -raw, one process per file (poppler-utils)
  pdftotext-layout  pdftotext -layout, one process per file
  pymupdf           PyMuPDF page.get_text() over all files in one Python process
  pypdfium2         pypdfium2 get_textpage().get_text_range() over all files, one process
Tools whose program or module is missing are reported as missing and skipped.

Usage: scripts/bench_peers.py [--rounds N] [--bin PATH] PDF...
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile

PY_PYMUPDF = r"""
import sys
import pymupdf
for f in sys.argv[1:]:
    d = pymupdf.open(f)
    for p in d:
        p.get_text()
"""
PY_PDFIUM = r"""
import sys
import pypdfium2 as pdfium
for f in sys.argv[1:]:
    d = pdfium.PdfDocument(f)
    for i in range(len(d)):
        d[i].get_textpage().get_text_range()
"""


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def has_module(name):
    return subprocess.run([sys.executable, "-c", f"import {name}"],
                          capture_output=True).returncode == 0


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise SystemExit(f"pdfinfo cannot read {pdf}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--bin", default="target/release/ita-extract")
    ap.add_argument("pdfs", nargs="+")
    a = ap.parse_args()
    if not os.access(a.bin, os.X_OK):
        raise SystemExit(f"{a.bin}: build first (cargo build --release)")
    pages = sum(pages_of(p) for p in a.pdfs)
    work = tempfile.mkdtemp(prefix="bench_peers.")
    indir = os.path.join(work, "in")
    os.mkdir(indir)
    for i, p in enumerate(a.pdfs):
        shutil.copy(p, os.path.join(indir, f"{i:04d}_{os.path.basename(p)}"))
    files = [os.path.join(indir, f) for f in sorted(os.listdir(indir))]
    null = subprocess.DEVNULL

    def each(argv_of):
        for f in files:
            subprocess.run(argv_of(f), stdout=null, stderr=null)

    def ita_run():
        out = os.path.join(work, "out")
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([a.bin, "run", "-j1", "--quiet", indir, "-o", out],
                       stdout=null, stderr=null)

    tools = {
        "ita-run-j1": ita_run,
        "ita-text": lambda: each(lambda f: [a.bin, "text", f]),
    }
    missing = []
    if shutil.which("pdftotext"):
        tools["pdftotext-raw"] = lambda: each(lambda f: ["pdftotext", "-raw", "-enc", "UTF-8", f, "-"])
        tools["pdftotext-layout"] = lambda: each(lambda f: ["pdftotext", "-layout", "-enc", "UTF-8", f, "-"])
    else:
        missing += ["pdftotext-raw", "pdftotext-layout"]
    for name, mod, code in [("pymupdf", "pymupdf", PY_PYMUPDF), ("pypdfium2", "pypdfium2", PY_PDFIUM)]:
        if has_module(mod):
            tools[name] = (lambda code: lambda: subprocess.run(
                [sys.executable, "-c", code, *files], stdout=null, stderr=null))(code)
        else:
            missing.append(name)
    names = list(tools)
    rates = {n: [] for n in names}
    for r in range(a.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            c0 = cpu_children()
            tools[n]()
            cpu = cpu_children() - c0
            rates[n].append(pages / cpu if cpu > 0 else float("inf"))
    shutil.rmtree(work, ignore_errors=True)
    base = statistics.median(rates["pdftotext-raw"]) if "pdftotext-raw" in rates else None
    print(f"{len(files)} PDFs, {pages} pages, {a.rounds} rounds, interleaved; "
          f"median pages per CPU second (pages/s per core)")
    print(f"{'tool':<18} {'pages/s/core':>13} {'x pdftotext -raw':>17}")
    for n in names:
        m = statistics.median(rates[n])
        ratio = f"{m / base:.2f}" if base else "-"
        print(f"{n:<18} {m:>13.0f} {ratio:>17}")
    for n in missing:
        print(f"{n:<18} {'missing':>13}")


if __name__ == "__main__":
    main()
