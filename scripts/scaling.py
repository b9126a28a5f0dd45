#!/usr/bin/env python3
"""Scaling check (issue 14): each input that once took quadratic time, at size n and 10n,
through `ita-extract file`; the CPU time (user + sys, less that of a tiny input, which is
start-up) must grow at most 15x. A benchmark, not a test: CPU time on a shared machine
still varies, so run it when the machine is quiet, and read the ratios.

    python3 scripts/scaling.py [BINARY] [N]

BINARY defaults to $CARGO_TARGET_DIR/release/ita-extract (else target/release/...);
N (default 5000) is the small size. Exit 1 when a ratio is over 15.
"""

import os
import resource
import subprocess
import sys
import tempfile

CASES = {
    "sara_am_spaced": lambda n: ("ท า" * n + "\n", ".txt"),
    "sara_am_words": lambda n: ("ก าก าก า " * n + "\n", ".txt"),
    "divs_in_cell": lambda n: ("<table><tr><td>" + "<div>ข้อ</div>" * n + "</td></tr></table>\n", ".html"),
    "table_rows": lambda n: (
        "<table>\n" + "".join("<tr><td>O%d</td><td>ข้อมูล</td></tr>\n" % (i % 40) for i in range(n)) + "</table>\n",
        ".html",
    ),
    # Digit runs and codes are cheap per byte: 10x more of them, in lines of 20 (a line
    # over --max-line-kb would be cut, and the cut text not read).
    "thai_digits": lambda n: (("๑๒๓๔๕๖๗๘๙๐ " * 20 + "\n") * (n // 2), ".txt"),
    "repeated_codes": lambda n: (("O1 " * 20 + "\n") * (n // 2), ".txt"),
    "lines": lambda n: ("ข้อ O1 การเปิดเผยข้อมูล ดำเนินการแล้ว\n" * n, ".txt"),
}


def cpu_of(binary, path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([binary, "file", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(target, "release", "ita-extract")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    worst = 0.0
    with tempfile.TemporaryDirectory() as d:
        tiny = os.path.join(d, "tiny.txt")
        with open(tiny, "w") as f:
            f.write("ข้อ\n")
        start = min(cpu_of(binary, tiny) for _ in range(3))
        print("start-up %.3f s CPU; n = %d" % (start, n))
        for name, make in CASES.items():
            times = []
            for size in (n, 10 * n):
                text, ext = make(size)
                path = os.path.join(d, name + str(size) + ext)
                with open(path, "w") as f:
                    f.write(text)
                times.append(max(cpu_of(binary, path) - start, 0.001))
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            print("%-16s n %.3f s  10n %.3f s  x%.1f" % (name, times[0], times[1], ratio))
    print("worst ratio x%.1f (limit x15)" % worst)
    sys.exit(1 if worst > 15 else 0)


if __name__ == "__main__":
    main()
