#!/usr/bin/env python3
"""Tesseract's `tha` against `tha+eng` on the scanned fixtures (issue 12: keep the one with
better accuracy per CPU second).

ita-extract asks Tesseract for `tha+eng` (OcrOptions::languages). Without changing the
binary, each setting runs it with a wrapper named `tesseract` first on PATH that rewrites
the `-l` argument, so both settings read the same pages through the same pipeline. For each
setting: OIT item statuses right against the answers of fixtures/scanned and
fixtures/scanned2 (`items`: code -> status, or a list of {code, status}), and the CPU seconds of ita-extract and all its
Tesseract processes (getrusage of children), over ROUNDS rounds, median.

    python3 scripts/bench_ocr_lang.py [--bin target/release/ita-extract] [--rounds 1]
"""
import argparse, glob, json, os, resource, shutil, statistics, subprocess, sys, tempfile


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def wrapper(dirname, real, lang):
    path = os.path.join(dirname, "tesseract")
    with open(path, "w") as f:
        f.write(
            "#!/usr/bin/env bash\n"
            "args=()\nnext=0\n"
            'for a in "$@"; do\n'
            f'  if [ "$next" = 1 ]; then args+=("{lang}"); next=0; continue; fi\n'
            '  if [ "$a" = "-l" ]; then next=1; fi\n'
            '  args+=("$a")\n'
            "done\n"
            f'exec "{real}" "${{args[@]}}"\n'
        )
    os.chmod(path, 0o755)


def score(doc, answers):
    got = {i["code"]: i["status"] for i in doc.get("oit_items", []) if i.get("code")}
    want = answers.get("items", {})
    if isinstance(want, list):  # fixtures/scanned: [{"code", "status"}]
        want = {w["code"]: w["status"] for w in want}
    return sum(1 for c, s in want.items() if got.get(c) == s), len(want)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "ita-extract"))
    ap.add_argument("--rounds", type=int, default=1)
    a = ap.parse_args()
    real = shutil.which("tesseract")
    if not real:
        sys.exit("needs tesseract (apt-get install tesseract-ocr tesseract-ocr-tha)")
    pdfs = sorted(glob.glob("fixtures/scanned/*.pdf") + glob.glob("fixtures/scanned2/*.pdf"))
    pdfs = [p for p in pdfs if os.path.exists(p[:-4] + ".answers.json")]
    print(f"{len(pdfs)} scanned fixtures with answers; {a.rounds} round(s); binary {a.bin}")
    results = {}
    for lang in ["tha+eng", "tha"]:
        cpus, right, total = [], 0, 0
        with tempfile.TemporaryDirectory() as d:
            wrapper(d, real, lang)
            env = dict(os.environ, PATH=d + os.pathsep + os.environ["PATH"])
            for rnd in range(a.rounds):
                start = cpu_children()
                r_right = r_total = 0
                for pdf in pdfs:
                    out = subprocess.run([a.bin, "file", pdf], env=env, capture_output=True)
                    doc = json.loads(out.stdout or b"{}")
                    answers = json.load(open(pdf[:-4] + ".answers.json"))
                    g, n = score(doc, answers)
                    r_right += g
                    r_total += n
                cpus.append(cpu_children() - start)
                right, total = r_right, r_total
        cpu = statistics.median(cpus)
        results[lang] = (right, total, cpu)
        print(f"{lang:<8} items right {right}/{total} ({right / max(total, 1):.3f})  CPU {cpu:.1f} s  "
              f"right per CPU second {right / max(cpu, 1e-9):.2f}")
    best = max(results, key=lambda k: results[k][0] / max(results[k][2], 1e-9))
    print(f"better accuracy per CPU second: {best}")


if __name__ == "__main__":
    main()
