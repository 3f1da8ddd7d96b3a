#!/usr/bin/env python3
"""onpage.py PDF — every piece of text is drawn inside its page.

Readers clip what is drawn off the paper, so a booklet that set lines below
the page would still extract and render without complaint, silently losing
them. qpdf (in QDF form, streams uncompressed) shows each page's content;
every text matrix (Tm) placing a run must lie within the page's MediaBox.
Prints the first few offenders and exits 1 when there is any."""
import re
import subprocess
import sys


def main():
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", sys.argv[1], "-"],
                         capture_output=True, check=True).stdout.decode("latin-1")
    # every page's size as poppler reads it (boxes may be inherited or shared)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "1000000", sys.argv[1]],
                          capture_output=True, check=True, text=True).stdout
    boxes = [tuple(map(float, m)) for m in
             re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]
    parts = re.split(r"%% Contents for page (\d+)", qdf)
    runs = bad = 0
    for i in range(1, len(parts), 2):
        page = int(parts[i])
        width, height = boxes[page - 1] if page - 1 < len(boxes) else boxes[0]
        content = parts[i + 1].split("endstream")[0]
        for m in re.finditer(r"1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm", content):
            runs += 1
            x, y = float(m.group(1)), float(m.group(2))
            if not (0 <= x <= width and 0 <= y <= height):
                bad += 1
                if bad <= 5:
                    print(f"page {page}: text at ({x:.0f}, {y:.0f}) on a {width:.0f}x{height:.0f} page")
    print(f"{len(parts) // 2} pages, {runs} runs, {bad} off the page")
    return 1 if bad or runs == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
