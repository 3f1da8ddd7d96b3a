#!/usr/bin/env python3
"""textcheck.py PDF PARAGRAPHS.txt [HEADER…] — the text a reader copies out of the booklet.

Runs pdftotext, drops the running header and page numbers, joins the lines of
each page, and checks that every paragraph of PARAGRAPHS.txt (one per line)
appears verbatim and in order: no character lost or changed, and no space
inserted (poppler guessing a space from a gap between glyphs). Table cells
are separated by spaces, as they should be, so the text between paragraphs
is not checked for spaces."""
import re
import subprocess
import sys


def main():
    pdf, source = sys.argv[1], sys.argv[2]
    furniture = sys.argv[3:]  # running-header texts to drop
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    lines = []
    for line in text.replace("\f", "\n").split("\n"):
        if re.fullmatch(r"— ?\d+ ?—", line.strip()):
            continue
        if any(line.startswith(f) for f in furniture):
            continue
        lines.append(line)
    joined = "".join(lines)
    problems = []
    pos = 0
    paragraphs = [p.strip() for p in open(source, encoding="utf-8") if p.strip()]
    for i, para in enumerate(paragraphs, 1):
        at = joined.find(para, pos)
        if at < 0:
            problems.append(f"paragraph {i} not found in order: {para[:30]}…")
        else:
            pos = at + len(para)
    for p in problems:
        print(p)
    print(f"{len(paragraphs)} paragraphs, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
