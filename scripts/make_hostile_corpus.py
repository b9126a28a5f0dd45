#!/usr/bin/env python3
"""Write the hostile corpus (issue 14) into a folder, with its expected outcomes.

    python3 scripts/make_hostile_corpus.py OUT_DIR [SEED] [OUTSIDE_DIR]

OUT_DIR/input/ receives the documents; OUT_DIR/expected.tsv lists, per input name:

    name<TAB>expect<TAB>encoding

expect is one of
    ok       a good document: must come out `ok`
    bad      must be reported: `failed` or `partial`, with a flag
    skipped  must be listed as skipped in the manifest (never read)
    any      must come out as a document (any status): the batch must not die or hang

and encoding is the `source.encoding` the document must record ("" for none).
SEED is the good text document the variants are made from (default: the seed
fixture). OUTSIDE_DIR receives a file that a symbolic link in the input points to
(default: OUT_DIR/outside, which lies outside OUT_DIR/input).

Everything is generated here, at test time: nothing big is committed.
"""

import os
import sys
import zlib


def pdf(objects, trailer_root=1, trailer_extra=b""):
    """A PDF from object bodies (bytes), numbered from 1, with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_root,
        trailer_extra,
        xref,
    )
    return bytes(out)


def page_pdf(content, resources=b"<< >>"):
    """A one-page PDF whose content stream is `content` (stored as given)."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
            + resources
            + b" /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    )


def cases(seed):
    """(name, bytes, expect, encoding) for every generated case."""
    seed_bytes = seed.encode("utf-8")
    utf16le = b"\xff\xfe" + seed.encode("utf-16-le")
    utf16be = b"\xfe\xff" + seed.encode("utf-16-be")
    # TIS-620 holds Thai and ASCII only: characters outside it are left out.
    tis620 = seed.encode("cp874", errors="ignore")
    bomb = zlib.compress(b"\0" * (80 * 1024 * 1024), 9)
    yield "good_seed.txt", seed_bytes, "ok", ""
    yield "good_utf16le.txt", utf16le, "ok", "utf-16le"
    yield "good_utf16be.txt", utf16be, "ok", "utf-16be"
    yield "good_utf8_bom.txt", b"\xef\xbb\xbf" + seed_bytes, "ok", "utf-8-bom"
    yield "good_tis620.txt", tis620, "ok", "windows-874"
    # The fuzz finding: a cut-off </tr before one byte of a 3-byte character.
    yield "fuzz_tr_e0.html", b"<table><th><tr></tr\xe0", "bad", ""
    yield "empty.txt", b"", "bad", ""
    yield "binary.txt", bytes((i * 7919) % 256 for i in range(8192)), "bad", ""
    yield "controls.txt", b"\x1b[31m=cmd|' /C calc'!A0\x07\x00\n" * 3, "any", ""
    yield "long_line.txt", ("ก" * 400_000).encode() + b"\n", "bad", ""
    yield "not_a_pdf.pdf", b"<!DOCTYPE html><html>404</html>", "bad", ""
    yield "truncated.pdf", page_pdf(b"BT (x) Tj ET")[:150], "bad", ""
    yield "polyglot.pdf", b"%PDF-1.4\n<html><body>" + b"A" * 2000 + b"</body></html>", "bad", ""
    yield "bomb.pdf", pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb)
            + bomb
            + b"\nendstream",
        ]
    ), "bad", ""
    yield "cycle.pdf", pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        ]
    ), "bad", ""
    # Encrypted with a user password (the O and U entries match no empty password).
    yield "encrypted.pdf", pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <"
            + b"11" * 32
            + b"> /U <"
            + b"22" * 32
            + b"> >>",
        ],
        trailer_extra=b" /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
    ), "bad", ""
    yield "deep.pdf", page_pdf(b"[" * 200_000 + b"]" * 200_000), "bad", ""
    yield "many_ops.pdf", page_pdf(b"0 0 m\n" * 300_000), "bad", ""
    # Inputs that used to take quadratic time: each must come out, in linear time.
    yield "sara_am_spaced.txt", ("ท า" * 20_000 + "\n").encode(), "any", ""
    yield "divs_in_cell.html", (
        "<table><tr><td>" + "<div>ข้อ</div>" * 20_000 + "</td></tr></table>\n"
    ).encode(), "any", ""
    yield "table_rows.html", (
        "<table>\n"
        + "".join("<tr><td>O%d</td><td>ข้อมูล</td></tr>\n" % (i % 40) for i in range(20_000))
        + "</table>\n"
    ).encode(), "any", ""
    yield "thai_digits.txt", ("๑๒๓๔๕๖๗๘๙๐" * 20_000 + "\n").encode(), "any", ""
    yield "repeated_codes.txt", ("O1 " * 20_000 + "\n").encode(), "any", ""


def main():
    out = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    seed_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "fixtures", "seed_1afe833d.txt")
    outside = sys.argv[3] if len(sys.argv) > 3 else os.path.join(out, "outside")
    with open(seed_path, encoding="utf-8") as f:
        seed = f.read()
    inp = os.path.join(out, "input")
    os.makedirs(inp, exist_ok=True)
    os.makedirs(outside, exist_ok=True)
    rows = []
    for name, data, expect, encoding in cases(seed):
        with open(os.path.join(inp, name), "wb") as f:
            f.write(data)
        rows.append((name, expect, encoding))
    # File-system cases: a FIFO, a link loop, a link out of the input folder.
    secret = os.path.join(outside, "passwd.txt")
    with open(secret, "w") as f:
        f.write("root:x:0:0:root:/root:/bin/bash\n")
    specials = [
        ("fifo.txt", lambda p: os.mkfifo(p)),
        ("link_loop.txt", lambda p: os.symlink(p, p)),
        ("link_out.txt", lambda p: os.symlink(secret, p)),
    ]
    for name, make in specials:
        make(os.path.join(inp, name))
        rows.append((name, "skipped", ""))
    with open(os.path.join(out, "expected.tsv"), "w") as f:
        for name, expect, encoding in rows:
            f.write("%s\t%s\t%s\n" % (name, expect, encoding))


if __name__ == "__main__":
    main()
