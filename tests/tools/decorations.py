#!/usr/bin/env python3
"""tests/tools/decorations.py TRACE.xml — the struck and underlined text of a PDF, from geometry.

TRACE.xml is `mutool trace FILE.pdf` (every page). For each thin horizontal
stroked line, find the glyphs it decorates: a strike runs through the middle
of the em box (0.38 em above the baseline), an underline just below it (0.19
em below the baseline), both 0.05 em thick, each from its first glyph's ink
to its last glyph's (a mark's ink is half its box). Prints one line a rule:
"page N<TAB>strike<TAB>TEXT" or "page N<TAB>underline<TAB>TEXT", TEXT the
glyphs' Unicode in order. A rule at a decoration's place whose ends miss its
glyphs is printed as "misplaced strike" or "misplaced underline"."""
import sys
import xml.etree.ElementTree as ET


def glyphs_and_rules(page):
    glyphs, rules = [], []
    for node in page:
        if node.tag == "fill_text":
            for span in node.iter("span"):
                size = float(span.get("trm").split()[0])
                for g in span.iter("g"):
                    glyphs.append((float(g.get("x")), float(g.get("y")), size,
                                   float(g.get("adv")), g.get("unicode")))
        elif node.tag == "stroke_path":
            pts = [(float(p.get("x")), float(p.get("y"))) for p in node if p.tag in ("moveto", "lineto")]
            if len(pts) == 2 and abs(pts[0][1] - pts[1][1]) < 1e-3:
                x1, x2 = sorted((pts[0][0], pts[1][0]))
                rules.append((x1, x2, pts[0][1], float(node.get("linewidth"))))
    return glyphs, rules


def decorated(glyphs, rule):
    x1, x2, y, width = rule
    for kind, above in (("strike", 0.38), ("underline", -0.19)):
        hit = [g for g in glyphs
               if abs(width - 0.05 * g[2]) < 0.01 * g[2]
               and abs(y - (g[1] + above * g[2])) < 0.03 * g[2]
               and x1 - 0.01 <= g[0] + g[3] * g[2] / 2 <= x2 + 0.01]
        if hit:
            hit.sort()
            first, last = hit[0], hit[-1]
            tol = 0.06 * first[2]
            # from the left half of the first glyph's box (a mark's ink may sit
            # in its right half) to the right half of the last one's
            a, b = first[3] * first[2], last[3] * last[2]
            exact = (first[0] - tol <= x1 <= first[0] + a / 2 + tol
                     and last[0] + b / 2 - tol <= x2 <= last[0] + b + tol)
            return ("" if exact else "misplaced ") + kind, "".join(g[4] for g in hit)
    return None


def main():
    root = ET.parse(sys.argv[1]).getroot()
    for page in root.iter("page"):
        glyphs, rules = glyphs_and_rules(page)
        for rule in rules:
            found = decorated(glyphs, rule)
            if found:
                print(f"page {page.get('number')}\t{found[0]}\t{found[1]}")


if __name__ == "__main__":
    main()
