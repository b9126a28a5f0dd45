#!/usr/bin/env python3
"""Generate the word lists embedded in src/normalize/data/ from PyThaiNLP's CC0 corpus.

Usage: pip download --no-deps pythainlp && unzip pythainlp-*.whl -d /tmp/ptn
       python3 scripts/gen_thai_words.py /tmp/ptn/pythainlp/corpus

Inputs (PyThaiNLP 5.4.0 corpus, CC0-1.0, see its corpus_license.md): words_th.txt
(dictionary), tnc_freq.txt (Thai National Corpus word frequencies).

Outputs:
  sara_am_words.txt    every dictionary word containing U+0E33 SARA AM, one per line; used to
                       rebuild "ส าหรับ" (NIKHAHIT glyph lost, space left) as "สำหรับ".
  sara_am_swapped.tsv  wrong<TAB>right<TAB>protect,...: a frequent word with every SARA AA
                       written as SARA AM ("ควำม" -> "ความ"), as Word-style PDF producers emit
                       it; kept only when the wrong form is not itself a dictionary word nor
                       likely to be read with a real SARA AM word inside it (ratio >= 10); the
                       protect list holds the dictionary words that contain the wrong form,
                       which must not be rewritten.
  sara_am_lost.tsv     wrong<TAB>right<TAB>protect,...: a word with its SARA AM lost to SARA AA
                       ("ดาเนิน" -> "ดำเนิน"), same rules, and the wrong form must not split
                       into two dictionary words of similar frequency ("คา"+"ขาด").
"""
import sys
from pathlib import Path

corpus = Path(sys.argv[1])
out = Path(__file__).resolve().parent.parent / "src" / "normalize" / "data"
out.mkdir(parents=True, exist_ok=True)
words = {l.strip() for l in open(corpus / "words_th.txt", encoding="utf-8") if l.strip()}
# Common words missing from the dictionary that the SARA AM lists must know.
words |= {"ระห่ำ"}
freq = {}
for line in open(corpus / "tnc_freq.txt", encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 2:
        freq[parts[0]] = int(parts[1])

AM, AA = "\u0e33", "\u0e32"


def thai(w):
    return all("\u0e01" <= c <= "\u0e4e" for c in w)


joined = "\n" + "\n".join(sorted(words)) + "\n"


def protects(key):
    found = []
    start = 0
    while True:
        i = joined.find(key, start)
        if i < 0:
            return found
        a = joined.rfind("\n", 0, i) + 1
        b = joined.find("\n", i)
        w = joined[a:b]
        if w not in found:
            found.append(w)
        start = i + 1


am_words = sorted(w for w in words if AM in w and thai(w))
(out / "sara_am_words.txt").write_text("\n".join(am_words) + "\n", encoding="utf-8")


am_splits = {}
for w in words:
    for k, c in enumerate(w):
        if c == AM and k > 0:
            am_splits.setdefault(w[k - 1], []).append((w[:k], w[k + 1 :], w))


def boundary_ratio(wrong, right):
    """How much likelier `right` is than reading a SARA AM of `wrong` as part of a real
    word inside it ("สีดำ" = "สี" + "ดำ", "กำ" + "ร..."): freq(right) / freq(best such
    word). Words that run past the wrong form ("วสำ" in "ข่าวสำคัญ", "ห่ำ" in "ระห่ำ")
    are checked in the text at run time (sara_am.rs)."""
    worst = 0
    for i, c in enumerate(wrong):
        if c != AM or i == 0:
            continue
        left, rest = wrong[:i], wrong[i + 1 :]
        for wl, after, w in am_splits.get(left[-1], []):
            if left.endswith(wl) and rest.startswith(after):
                worst = max(worst, freq.get(w, 1))
    return freq.get(right, 0) / worst if worst else float("inf")


def splits_into_words(wrong, right):
    """True when `wrong` reads as two dictionary words that are together at least a fifth
    as likely as `right` (by the rarer word's corpus frequency)."""
    for i in range(1, len(wrong)):
        a, b = wrong[:i], wrong[i:]
        if a in words and b in words:
            if min(freq.get(a, 1), freq.get(b, 1)) * 5 > freq.get(right, 0):
                return True
    return False


def pairs(cands, frm, to, min_chars, min_ratio=0, no_split=False):
    rows = []
    for right in sorted(cands):
        wrong = right.replace(frm, to)
        if len(wrong) < min_chars or wrong in words:
            continue
        if no_split and splits_into_words(wrong, right):
            continue
        if min_ratio and boundary_ratio(wrong, right) < min_ratio:
            continue
        prot = protects(wrong)
        if len(prot) > 8:
            continue
        rows.append(f"{wrong}\t{right}\t{','.join(prot)}")
    return rows


aa_common = [w for w in words if AA in w and AM not in w and thai(w) and freq.get(w, 0) >= 100]
sw = pairs(aa_common, AA, AM, 3, 10)
(out / "sara_am_swapped.tsv").write_text("\n".join(sw) + "\n", encoding="utf-8")
am_common = [w for w in am_words if freq.get(w, 0) >= 3]
lost = pairs(am_common, AM, AA, 4, no_split=True)
(out / "sara_am_lost.tsv").write_text("\n".join(lost) + "\n", encoding="utf-8")
print(len(am_words), len(sw), len(lost))
