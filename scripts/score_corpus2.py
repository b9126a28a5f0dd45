#!/usr/bin/env python3
"""Score an ita-extract binary on a corpus written by scripts/gen_corpus2.py.

    python3 scripts/score_corpus2.py BINARY CORPUS_DIR [--jobs 2] [--misses 30] [--json OUT]

Runs `BINARY file <doc>` on every document of CORPUS_DIR/answers.jsonl (JSON on stdout;
exit code 0 or 1 are both fine), and compares:
  - item statuses by code (output `oit_items[].code` / `.status`); an expected item absent
    from the output counts as wrong;
  - indicator statuses by number (`indicators[].number` / `.status`);
  - no_ita documents: `status` == "partial" and a flag with `code` == "no_ita_content".
Prints item status accuracy per class (every item of a document counts for each class the
document exhibits; "alone" counts only documents where that class is the one deviation from
the generator's default profile, or, for classes every document has such as a flavour, the
documents without any deviation), per flavour, per item-level tag, per catalogue, a confusion table
(want -> got), and the first misses with the document line they come from.
Python 3 standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    from gen_corpus2 import CLASSES  # the class order of the generator
except Exception:  # noqa: BLE001 - the scorer still works without the generator beside it
    CLASSES = []


def run(binary, path, timeout):
    try:
        p = subprocess.run([binary, "file", path], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if p.returncode not in (0, 1):
        return None, "exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace")[-300:])
    try:
        return json.loads(p.stdout.decode("utf-8")), None
    except ValueError as e:
        return None, "bad JSON: %s" % e


def line_of(text, raw):
    """The first line of the document holding a raw code, or the first part of a wrapped
    one (for the misses list)."""
    for code in (raw, raw[:-1]):
        for ln in text.splitlines():
            if code and code in ln:
                return ln.strip()[:160]
    return ""


def pct(ok, n):
    return "%.4f" % (ok / n) if n else "   -  "


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--misses", type=int, default=30, help="misses to print (default 30)")
    ap.add_argument("--json", help="write per-class numbers and all misses to this JSON file")
    args = ap.parse_args(argv)

    with open(os.path.join(args.corpus, "answers.jsonl"), encoding="utf-8") as f:
        answers = [json.loads(x) for x in f if x.strip()]
    paths = [os.path.join(args.corpus, a["file"]) for a in answers]
    with ThreadPoolExecutor(max(1, args.jobs)) as ex:
        outs = list(ex.map(lambda p: run(args.binary, p, args.timeout), paths))

    by_class, by_flavour, by_tag, by_cat, by_labels = {}, {}, {}, {}, {}
    # "alone": the items of documents where the class is the only deviation from the default
    # profile (for classes every document has, like a flavour: documents with no deviation)
    alone = {}
    deviation_classes = {d for a in answers for d in a.get("deviations", [])}
    confusion = {}
    misses = []
    ind_ok = ind_all = 0
    items_ok = items_all = 0
    failures = []
    no_ita = []  # (id, status ok, flag ok)
    doc_status = {}

    def add(d, k, ok):
        e = d.setdefault(k, [0, 0])
        e[0] += ok
        e[1] += 1

    for a, path, (out, err) in zip(answers, paths, outs):
        if err:
            failures.append("%s: %s" % (a["id"], err))
            out = {}
        if "no_ita" in a["classes"]:
            st_ok = out.get("status") == a["expect_status"]
            fl_ok = any(f.get("code") == "no_ita_content" for f in out.get("flags") or [])
            no_ita.append((a["id"], a.get("no_ita_kind", ""), st_ok, fl_ok, out.get("status"),
                           len(out.get("oit_items") or [])))
            continue
        add(doc_status, out.get("status"), 1)
        got_items = {}
        for o in out.get("oit_items") or []:
            got_items.setdefault(o.get("code"), o.get("status"))
        text = None
        for it in a["oit_items"]:
            got = got_items.get(it["code"], "absent")
            ok = int(got == it["status"])
            items_ok += ok
            items_all += 1
            devs = set(a.get("deviations", []))
            for c in a["classes"]:
                add(by_class, c, ok)
                if devs == ({c} if c in deviation_classes else set()):
                    add(alone, c, ok)
            add(by_flavour, a["flavour"], ok)
            add(by_cat, a["catalogue"], ok)
            labels = a.get("labels") or {}
            add(by_labels, " / ".join(labels[k] for k in ("done", "in_progress", "not_done") if k in labels), ok)
            for t in it["tags"]:
                add(by_tag, t, ok)
            key = (it["status"], got)
            confusion[key] = confusion.get(key, 0) + 1
            if not ok:
                if text is None:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                misses.append({"id": a["id"], "code": it["code"], "raw_code": it["raw_code"], "want": it["status"],
                               "got": got, "tags": it["tags"], "classes": a["classes"],
                               "line": line_of(text, it["raw_code"])})
        got_inds = {}
        for o in out.get("indicators") or []:
            got_inds.setdefault(o.get("number"), o.get("status"))
        for ind in a["indicators"]:
            ok = int(got_inds.get(ind["number"]) == ind["status"])
            ind_ok += ok
            ind_all += 1

    print("corpus %s: %d documents, %d items; binary %s" % (args.corpus, len(answers), items_all, args.binary))
    print("item status accuracy %s (%d/%d)" % (pct(items_ok, items_all), items_ok, items_all))
    print("indicator status accuracy %s (%d/%d)" % (pct(ind_ok, ind_all), ind_ok, ind_all))
    print()
    print("%-20s %7s %7s %9s   %s" % ("class", "items", "wrong", "accuracy", "alone: items accuracy"))
    order = [c for c in CLASSES if c in by_class] + sorted(c for c in by_class if c not in CLASSES)
    for c in order:
        ok, n = by_class[c]
        aok, an = alone.get(c, (0, 0))
        print("%-20s %7d %7d %9s   %5d %9s" % (c, n, n - ok, pct(ok, n), an, pct(aok, an)))
    print()
    print("%-20s %7s %7s %9s" % ("flavour", "items", "wrong", "accuracy"))
    for c, (ok, n) in sorted(by_flavour.items()):
        print("%-20s %7d %7d %9s" % (c, n, n - ok, pct(ok, n)))
    print()
    print("%-20s %7s %7s %9s" % ("catalogue", "items", "wrong", "accuracy"))
    for c, (ok, n) in sorted(by_cat.items()):
        print("%-20s %7d %7d %9s" % (c, n, n - ok, pct(ok, n)))
    print()
    print("%-50s %7s %7s %9s" % ("status labels (done / in progress / not done)", "items", "wrong", "accuracy"))
    for c, (ok, n) in sorted(by_labels.items()):
        print("%-50s %7d %7d %9s" % (c, n, n - ok, pct(ok, n)))
    print()
    print("%-20s %7s %7s %9s" % ("item tag", "items", "wrong", "accuracy"))
    for c, (ok, n) in sorted(by_tag.items()):
        print("%-20s %7d %7d %9s" % (c, n, n - ok, pct(ok, n)))
    print()
    print("confusion (want -> got: count)")
    for (w, g), n in sorted(confusion.items(), key=lambda x: -x[1]):
        if w != g:
            print("  %-12s -> %-12s %6d" % (w, g, n))
    print()
    n_ok = sum(1 for x in no_ita if x[2] and x[3])
    print("no_ita detection: %d/%d documents partial with flag no_ita_content" % (n_ok, len(no_ita)))
    for x in no_ita:
        print("  %s %-7s status %-8s flag %-5s items %d" % (x[0], x[1], x[4], "yes" if x[3] else "no", x[5]))
    print("document status (ITA documents): %s" % ", ".join("%s %d" % (k, v[1]) for k, v in sorted(
        doc_status.items(), key=lambda kv: str(kv[0]))))
    if failures:
        print()
        print("failures (%d):" % len(failures))
        for f in failures[:20]:
            print("  " + f)
    if misses and args.misses:
        print()
        print("first %d of %d misses:" % (min(args.misses, len(misses)), len(misses)))
        for m in misses[:args.misses]:
            print("  %s %-4s raw %-10r want %-11s got %-11s %s | %s" % (
                m["id"], m["code"], m["raw_code"], m["want"], m["got"], ",".join(m["tags"]), m["line"]))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"items": [items_ok, items_all], "indicators": [ind_ok, ind_all], "classes": by_class,
                       "alone": alone,
                       "flavours": by_flavour, "tags": by_tag, "catalogues": by_cat,
                       "no_ita": no_ita, "misses": misses, "failures": failures}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
