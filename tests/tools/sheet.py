#!/usr/bin/env python3
"""sheet.py — what MuPDF draws on a sheet, from `mutool trace`, in the
page's device space (points, y down from the top of the media box).

  sheet.py empty TRACE PAGE X0 Y0 X1 Y1
      nothing (no glyph, no point of a path) inside the rectangle
  sheet.py marks TRACE PAGE TX0 TY0 TX1 TY1
      the trim box given in PDF space (pdfinfo -box, y up) has crop marks:
      eight strokes, none inside the trim, each on the line of a trim edge

Written apart from briefc: it reads only what the reader draws."""
import re
import sys

ATTR = re.compile(r'(\w+)="([^"]*)"')


def pages(path):
    """{page number: (height, [(kind, color, [(x, y) device points])])}"""
    out, page, height, item, ctm = {}, None, 0, None, None
    for line in open(path, encoding="utf-8"):
        tag = line.strip()
        if tag.startswith("<page "):
            a = dict(ATTR.findall(tag))
            page = int(a["number"])
            height = float(a["mediabox"].split()[3])
            out[page] = (height, [])
        elif re.match(r"<(fill|stroke)_(path|text)\b", tag):
            a = dict(ATTR.findall(tag))
            ctm = [float(v) for v in a.get("transform", "1 0 0 1 0 0").split()]
            item = (tag[1:].split()[0], a.get("color", ""), [])
            out[page][1].append(item)
        elif item and re.match(r"<(moveto|lineto|curveto|g) ", tag):
            a = dict(ATTR.findall(tag))
            for xk, yk in (("x", "y"), ("x1", "y1"), ("x2", "y2"), ("x3", "y3")):
                if xk in a and yk in a:
                    x, y = float(a[xk]), float(a[yk])
                    item[2].append((ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]))
        elif re.match(r"</(fill|stroke)_(path|text)>", tag):
            item = None
    return out


def empty(trace, page, x0, y0, x1, y1):
    _, items = pages(trace)[page]
    inside = [(k, p) for k, _, pts in items for p in pts if x0 < p[0] < x1 and y0 < p[1] < y1]
    for k, p in inside[:5]:
        print(f"{k} at {p[0]:.1f}, {p[1]:.1f}")
    return not inside


def marks(trace, page, tx0, ty0, tx1, ty1):
    height, items = pages(trace)[page]
    top, bottom = height - ty1, height - ty0  # device y of the trim's edges
    strokes = [pts for k, _, pts in items if k == "stroke_path" and len(pts) == 2]
    crop = []
    for (ax, ay), (bx, by) in strokes:
        outside = all(not (tx0 < x < tx1 and top < y < bottom) for x, y in ((ax, ay), (bx, by)))
        on_edge = (abs(ax - bx) < 0.01 and min(abs(ax - tx0), abs(ax - tx1)) < 0.05) or \
                  (abs(ay - by) < 0.01 and min(abs(ay - top), abs(ay - bottom)) < 0.05)
        if outside and on_edge:
            crop.append(((ax, ay), (bx, by)))
    print(f"{len(crop)} crop marks of {len(strokes)} straight strokes")
    return len(crop) >= 8


def main():
    what, trace, page = sys.argv[1], sys.argv[2], int(sys.argv[3])
    box = [float(v) for v in sys.argv[4:8]]
    ok = empty(trace, page, *box) if what == "empty" else marks(trace, page, *box)
    sys.exit(0 if ok else 1)


main()
