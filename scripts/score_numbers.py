#!/usr/bin/env python3
"""Score how many ITA numbers `ita-extract file` finds with the right key (issue 10).

Held-out generated documents: analysis reports (total, level, year, tools, indicators,
question codes, previous total, difference) and results announcements, written by
templates and wordings of their own (not the fixtures' of fixtures/kinds/), with Thai or
ASCII digits; each number's key is known from generation. Real documents: the scanned
OVEC announcement against its hand-checked gold (../shared/real), when present.

    scripts/score_numbers.py [--bin target/debug/ita-extract] [--n 40] [--seed 7]

Prints, per key family, numbers right / numbers stated, and the share overall.
"""
import argparse, json, os, random, subprocess, sys, tempfile

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
IND = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
       "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
       "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"]
AGENCIES = ["เทศบาลตำบลหนองหาน", "องค์การบริหารส่วนตำบลบ้านเหล่า", "เทศบาลเมืองกาฬสินธุ์",
            "องค์การบริหารส่วนจังหวัดลำปาง", "เทศบาลนครขอนแก่น", "วิทยาลัยเทคนิคน่าน"]
LEVELS = ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง"]


def num(v, thai, whole=False):
    s = f"{v:.0f}" if whole else f"{v:.2f}"
    return s.translate(THAI) if thai else s


def analysis(rng):
    thai = rng.random() < 0.5
    y = rng.choice([2566, 2567, 2568])
    tools = [round(rng.uniform(20, 30), 2), round(rng.uniform(18, 30), 2), round(rng.uniform(25, 40), 2)]
    total = round(sum(tools), 2)
    prev = round(total - rng.uniform(-6, 6), 2)
    diff = round(total - prev, 2)
    lvl = rng.choice(LEVELS)
    ag = rng.choice(AGENCIES)
    Y = lambda v: num(v, thai, True)
    N = lambda v: num(v, thai)
    key = {}
    lines = [rng.choice([
        "รายงานผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน",
        "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
        "ผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใส (ITA)"]),
        f"{ag} ประจำปีงบประมาณ พ.ศ. {Y(y + 1)}", ""]
    t = rng.randrange(3)
    if t == 0:
        lines.append(f"ผลการประเมินปี พ.ศ. {Y(y)} {ag} ได้คะแนน {N(total)} คะแนน อยู่ในระดับ {lvl}")
    elif t == 1:
        lines.append(f"คะแนนรวม ITA ประจำปี {Y(y)} = {N(total)} ({lvl})")
    else:
        lines.append(f"ปีงบประมาณ {Y(y)} หน่วยงานได้รับคะแนน {N(total)} คะแนน ระดับผลการประเมิน {lvl}")
    key["year"] = y
    key["total"] = total
    word = "เพิ่มขึ้น" if diff >= 0 else "ลดลง"
    if rng.random() < 0.5:
        lines.append(f"เปรียบเทียบกับปี {Y(y - 1)} ซึ่งได้คะแนน {N(prev)} คะแนน {word} {N(abs(diff))} คะแนน")
    else:
        lines.append(f"ปี {Y(y - 1)} ได้คะแนน {N(prev)} คะแนน")
        lines.append(f"ผลต่าง: คะแนน{word} {N(abs(diff))}")
    key["previous_total"] = prev
    key["difference"] = diff
    lines.append("")
    names = [("IIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"),
             ("EIT", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก"),
             ("OIT", "แบบตรวจการเปิดเผยข้อมูลสาธารณะ")]
    style = rng.randrange(3)
    for (ab, full), v, w in zip(names, tools, [30, 30, 40]):
        if style == 0:
            lines.append(f"{ab}\t{N(v)}")
        elif style == 1:
            lines.append(f"{full} ({ab})\tน้ำหนัก {Y(w)}\t{N(v)}")
        else:
            lines.append(f"{full} ({ab}) ได้ {N(v)} คะแนน จากคะแนนเต็ม {Y(w)} คะแนน")
        key[ab.lower()] = v
    lines.append("")
    style = rng.randrange(3)
    for i, title in enumerate(IND, 1):
        v = 100.0 if i == 9 and rng.random() < 0.3 else round(rng.uniform(60, 100), 2)
        if style == 0:
            lines.append(f"ตัวชี้วัดที่ {Y(i)} {title}\t{N(v)}")
        elif style == 1:
            lines.append(f"{Y(i)}. {title}\t{N(v)}\t{rng.choice(['จุดแข็ง', 'ควรพัฒนา'])}")
        else:
            lines.append(f"{Y(i)}\t{title}\t{N(v)}")
        key[f"indicator {i}"] = v
    lines.append("")
    for letter, count in (("i", 30), ("e", 15), ("o", 43)):
        for n in sorted(rng.sample(range(1, count + 1), rng.randrange(2, 6))):
            if letter == "o":
                v = rng.choice([0.0, 100.0])
                s = num(v, thai, True)
            else:
                v = round(rng.uniform(50, 100), 2)
                s = N(v)
            code = f"{letter.upper() if rng.random() < 0.3 else letter}{n}"
            lines.append(f"{code}\tข้อคำถามที่เกี่ยวกับการดำเนินงาน\t{s}")
            key[f"{letter}{n}"] = v
    return "\n".join(lines) + "\n", key


def assessment_values(doc):
    a = doc.get("assessment") or {}
    out = {}
    v = lambda s: None if s is None else s["value"]
    if a.get("assessment_year") is not None:
        out["year"] = a["assessment_year"]
    for k in ("total", "iit", "eit", "oit", "previous_total"):
        if a.get(k):
            out[k] = v(a[k])
    if a.get("stated_difference"):
        out["difference"] = v(a["stated_difference"])
    for i in a.get("indicators", []):
        out[f"indicator {i['number']}"] = v(i["score"])
    for q in a.get("questions", []):
        out[q["code"]] = v(q["score"])
    return out


def family(k):
    if k.startswith("indicator"):
        return "indicator"
    if k[0] in "ieo" and k[1:].isdigit():
        return f"question {k[0]}"
    if k in ("iit", "eit", "oit"):
        return "tool"
    return k


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "debug/ita-extract"))
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--real", default=os.path.join(os.path.dirname(__file__), "../../shared/real"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    tally = {}
    def count(fam, ok):
        r, n = tally.get(fam, (0, 0))
        tally[fam] = (r + ok, n + 1)
    with tempfile.TemporaryDirectory() as d:
        docs = []
        for i in range(args.n):
            text, key = analysis(rng)
            p = os.path.join(d, f"analysis_{i:03}.txt")
            open(p, "w").write(text)
            docs.append((p, key))
        out = subprocess.run([args.bin, "file", "--ocr", "off"] + [p for p, _ in docs],
                             capture_output=True, text=True).stdout.splitlines()
        kinds_right = 0
        for line, (p, key) in zip(out, docs):
            doc = json.loads(line)
            kinds_right += doc.get("doc_kind") == "analysis"
            got = assessment_values(doc)
            for k, v in key.items():
                ok = k in got and abs(got[k] - v) < 0.005
                count(family(k), ok)
                if not ok and os.environ.get("VERBOSE"):
                    print(f"{os.path.basename(p)}: {k}: got {got.get(k)} want {v}", file=sys.stderr)
        print(f"generated analyses: {len(docs)}, doc_kind analysis for {kinds_right}")
    gold = os.path.join(args.real, "ovec_ita2568_results_gold.json")
    pdf = os.path.join(args.real, "ovec_ita2568_results_scanned.pdf")
    if os.path.exists(gold) and os.path.exists(pdf) and not os.environ.get("NO_REAL"):
        doc = json.loads(subprocess.run([args.bin, "file", pdf], capture_output=True, text=True).stdout)
        rows = {r["rank"]: r for r in doc.get("results", [])}
        for g in json.load(open(gold))["rows"]:
            r = rows.get(g["no"], {})
            for k in ("iit", "eit", "oit", "total"):
                want = None if g[k] is None else float(g[k])
                if want is None:
                    continue
                count(f"real announcement {k}", r.get(k) is not None and abs(r[k] - want) < 0.005)
            count("real announcement level", r.get("level") == g["level"])
    right = sum(r for r, _ in tally.values())
    total = sum(n for _, n in tally.values())
    for fam in sorted(tally):
        r, n = tally[fam]
        print(f"{fam:28} {r:5}/{n:<5} {100.0 * r / n:6.2f}%")
    print(f"{'all':28} {right:5}/{total:<5} {100.0 * right / max(total, 1):6.2f}%")


if __name__ == "__main__":
    main()
