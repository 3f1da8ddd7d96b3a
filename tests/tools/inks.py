#!/usr/bin/env python3
"""inks.py TRACE.xml — what MuPDF paints, by colour space, from `mutool trace`.

Prints one line per kind of painting (fill_text, fill_path, stroke_path …):
`KIND SPACE COLOR COUNT`, and exits 1 when a colour is neither DeviceCMYK nor
DeviceGray (with --cmyk) or when black text is not pure K (C = M = Y = 0
wherever K >= 0.9 on text: rich black misregisters on a press). Written apart
from briefc: it reads only what the reader draws."""
import re
import sys
from collections import Counter

PAINT = re.compile(r'<(fill_text|stroke_text|fill_path|stroke_path|fill_shade|fill_image)\b[^>]*?'
                   r'colorspace="([^"]*)" color="([^"]*)"')


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    cmyk = "--cmyk" in sys.argv
    seen = Counter()
    for kind, space, color in PAINT.findall(open(args[0], encoding="utf-8").read()):
        seen[(kind, space, color)] += 1
    bad = 0
    for (kind, space, color), n in sorted(seen.items()):
        print(kind, space, color, n)
        if cmyk and space not in ("DeviceCMYK", "DeviceGray"):
            print(f"  not CMYK: {kind} in {space}", file=sys.stderr)
            bad += 1
        if space == "DeviceCMYK" and kind.endswith("_text"):
            c, m, y, k = (float(v) for v in color.split())
            if k >= 0.9 and (c, m, y) != (0, 0, 0):
                print(f"  rich black text: {color}", file=sys.stderr)
                bad += 1
    if not seen:
        print("nothing painted", file=sys.stderr)
        bad += 1
    sys.exit(1 if bad else 0)


main()
