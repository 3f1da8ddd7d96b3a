#!/usr/bin/env python3
"""measure.py — what a reviewer of official documents measures, on the PDF as
MuPDF draws it (`mutool trace`: every glyph's position, size and colour,
every path's colour and extent). Lengths in mm from the top-left corner of
the page, y down.

  measure.py onpage PDF                 every glyph's em box and every path inside its page
  measure.py rules PDF                  no line starts with a closing mark or ends with an opening one
  measure.py grid PDF [PAGES]           the GB/T 9704 grid: type area edges, 22 lines on one
                                        pitch, 28 characters a full line
  measure.py notice PDF                 the 版头, the red rule, page numbers by parity, the 版记
  measure.py briefing PDF               the 简报 masthead, its rule and the distribution block
  measure.py dump PDF [PAGES]           the lines as this script sees them

The GB/T 9704 figures (A4, type area 156 × 225 mm at 37 mm from the top and
28 mm from the left, 3号 = 16 pt) are those the layout gbt9704 claims; each
check prints what it measured and exits 1 when a figure is off."""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

PT = 25.4 / 72  # mm per point
TOP, LEFT, WIDTH, HEIGHT = 37.0, 28.0, 156.0, 225.0  # the type area, mm
LINES, CHARS, SIZE = 22, 28, 16.0  # the grid and the body size (pt)
ASCENT, DESCENT = 0.88, 0.12  # CJK em box around the baseline
NO_START = set("。，、；：？！．”’）〕］】〗｝》〉」』%％‰℃°·・～〜／/")
OPENING = set("“‘（〔［【〖｛《〈「『([{")


class Glyph:
    def __init__(self, ch, x, y, size, adv, color):
        self.ch, self.x, self.y, self.size, self.adv, self.color = ch, x, y, size, adv, color

    @property
    def right(self):
        return self.x + self.adv * self.size * PT

    @property
    def top(self):
        return self.y - ASCENT * self.size * PT

    @property
    def bottom(self):
        return self.y + DESCENT * self.size * PT


class Path:
    def __init__(self, kind, color, x0, y0, x1, y1, width):
        self.kind, self.color = kind, color
        self.x0, self.y0, self.x1, self.y1, self.width = x0, y0, x1, y1, width


class Page:
    def __init__(self, number, width, height):
        self.number, self.width, self.height = number, width, height
        self.glyphs, self.paths = [], []

    def lines(self, tol=0.3):
        """Glyphs of one size and colour grouped by baseline, top down, left to right."""
        rows = {}
        for g in self.glyphs:
            key = (round(g.y / tol), g.size, g.color)
            rows.setdefault(key, []).append(g)
        return [sorted(r, key=lambda g: g.x) for _, r in sorted(rows.items(), key=lambda kv: kv[1][0].y)]


def numbers(s):
    return [float(v) for v in s.split()] if s else []


def read(pdf, pages=None):
    """The pages as MuPDF draws them: glyphs and paths in mm, y down."""
    out = subprocess.run(["mutool", "trace", pdf] + ([pages] if pages else []),
                         capture_output=True, check=True).stdout.decode("utf-8", "replace")
    out = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", out)
    result = []
    for pe in ET.fromstring(out).iter("page"):
        mb = numbers(pe.get("mediabox"))
        page = Page(int(pe.get("number")), (mb[2] - mb[0]) * PT, (mb[3] - mb[1]) * PT)

        def device(m, x, y):  # user space -> device space (points, y down), in mm
            return (m[0] * x + m[2] * y + m[4]) * PT, (m[1] * x + m[3] * y + m[5]) * PT

        for el in pe.iter():
            m = numbers(el.get("transform")) or [1, 0, 0, -1, 0, mb[3]]
            color = tuple(round(v, 3) for v in numbers(el.get("color")))
            if el.tag in ("fill_text", "stroke_text"):
                for sp in el.iter("span"):
                    trm = numbers(sp.get("trm"))
                    size = abs(trm[3] * m[3]) if len(trm) == 4 else 0.0
                    for g in sp.iter("g"):
                        x, y = device(m, float(g.get("x")), float(g.get("y")))
                        page.glyphs.append(Glyph(g.get("unicode", ""), x, y, size,
                                                 float(g.get("adv", "1")), color))
            elif el.tag in ("fill_path", "stroke_path"):
                pts = []
                for seg in el:
                    if seg.tag in ("moveto", "lineto"):
                        pts.append(device(m, float(seg.get("x")), float(seg.get("y"))))
                    elif seg.tag == "curveto":
                        for k in ("1", "2", "3"):
                            pts.append(device(m, float(seg.get("x" + k)), float(seg.get("y" + k))))
                if pts:
                    w = float(el.get("linewidth", "0")) * PT if el.tag == "stroke_path" else 0
                    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                    page.paths.append(Path(el.tag, color, min(xs), min(ys), max(xs), max(ys), w))
        result.append(page)
    return result


def is_red(color):
    return len(color) == 3 and color[0] > 0.6 and color[1] < 0.35 and color[2] < 0.35


def is_black(color):
    return all(v < 0.05 for v in color)


def text(line):
    return "".join(g.ch for g in line)


class Report:
    def __init__(self):
        self.problems = 0

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        self.problems += 0 if ok else 1

    def done(self):
        return 1 if self.problems else 0


# ---------------------------------------------------------------- onpage --

def onpage(pdf):
    bad = 0
    pages = read(pdf)
    for p in pages:
        for g in p.glyphs:
            if g.x < -0.01 or g.right > p.width + 0.01 or g.top < -0.01 or g.bottom > p.height + 0.01:
                bad += 1
                if bad <= 5:
                    print(f"page {p.number}: glyph {g.ch!r} at ({g.x:.1f}, {g.y:.1f}) mm outside the page")
        for s in p.paths:
            h = s.width / 2
            if s.x0 - h < -0.01 or s.x1 + h > p.width + 0.01 or s.y0 - h < -0.01 or s.y1 + h > p.height + 0.01:
                bad += 1
                if bad <= 5:
                    print(f"page {p.number}: path ({s.x0:.1f}, {s.y0:.1f})–({s.x1:.1f}, {s.y1:.1f}) mm outside the page")
    glyphs = sum(len(p.glyphs) for p in pages)
    paths = sum(len(p.paths) for p in pages)
    print(f"{len(pages)} pages, {glyphs} glyphs, {paths} paths, {bad} outside the page")
    return 1 if bad or not glyphs else 0


# ------------------------------------------------------------------ grid --

def pitch():
    return (HEIGHT - SIZE * PT) / (LINES - 1)


def slot_of(g):
    """The grid line a glyph's baseline sits on (its em box centred in the line), or None."""
    p = pitch()
    first = TOP - (p - SIZE * PT) / 2  # top of the first line box
    k = (g.y - first - (p - g.size * PT) / 2 - ASCENT * g.size * PT) / p
    return round(k) if abs(k - round(k)) * p < 0.1 else None


def is_cjk(ch):
    cp = ord(ch) if ch else 0
    return 0x3000 <= cp <= 0x9FFF or 0xFF00 <= cp <= 0xFFEF or ch in "“”‘’—…·"


def prohibited(s, k):
    """Whether a line may not end after the first k characters of s (the next line's
    text): an opening mark would end it, a closing one start the next, or the break
    would split ——, …… or a run of figures or Latin."""
    if k > len(s) or not all(is_cjk(ch) for ch in s[:k]):
        return True
    a, b = s[k - 1], s[k] if k < len(s) else ""
    return (a in OPENING or b in NO_START or (a == b and a in "—…")
            or (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()))


def grid(pdf, pages_arg=None):
    r = Report()
    pages = read(pdf, pages_arg)
    cell = WIDTH / CHARS
    right = LEFT + WIDTH
    body_lines = []  # (page, line) of the 16 pt black text
    for p in pages:
        for line in p.lines():
            if line[0].size == SIZE and is_black(line[0].color):
                body_lines.append((p, line))
    off = [(p.number, text(l)[:12]) for p, l in body_lines if slot_of(l[0]) is None]
    r.check(not off, f"every 16 pt line on a line of the grid, pitch {pitch():.3f} mm "
                     f"({pitch() / PT:.2f} pt){'; off: ' + str(off[:3]) if off else ''}")
    slots = [slot_of(l[0]) for _, l in body_lines if slot_of(l[0]) is not None]
    r.check(slots and min(slots) >= 0 and max(slots) <= LINES - 1,
            f"lines 0 to {LINES - 1} only (seen {min(slots) if slots else '-'} to {max(slots) if slots else '-'})")
    per_page = {}
    for p, l in body_lines:
        per_page.setdefault(p.number, set()).add(slot_of(l[0]))
    full = [n for n, s in per_page.items() if s >= set(range(LINES))]
    r.check(bool(full), f"{len(full)} full page(s) with all {LINES} lines ({full})")
    gaps = []
    for n in full:
        ys = sorted({round(l[0].y, 3) for p, l in body_lines if p.number == n})
        gaps += [b - a for a, b in zip(ys, ys[1:])]
    r.check(bool(gaps) and max(gaps) - min(gaps) < 0.02,
            f"one pitch on full pages: {min(gaps):.3f} to {max(gaps):.3f} mm" if gaps else "no full page")

    # the type area's edges, from the em boxes of the grid's text
    tops = [l[0].top for _, l in body_lines if slot_of(l[0]) == 0]
    bottoms = [l[0].bottom for _, l in body_lines if slot_of(l[0]) == LINES - 1]
    lefts = [l[0].x for _, l in body_lines]
    rights = [l[-1].right for _, l in body_lines]
    for name, got, want in (("top", min(tops, default=0), TOP), ("bottom", max(bottoms, default=0), TOP + HEIGHT),
                            ("left", min(lefts, default=0), LEFT), ("right", max(rights, default=0), right)):
        r.check(abs(got - want) <= 0.5, f"type area {name} edge at {got:.2f} mm (want {want:.1f} ± 0.5)")

    # 28 characters a full line: every glyph of a line of Chinese text on a cell
    exact, pushed, wrong = 0, 0, []
    for i, (p, line) in enumerate(body_lines):
        if not all(is_cjk(g.ch) for g in line) or abs(line[-1].right - right) > 0.5:
            continue  # Latin or figures in it, or a last line: not a full line of Chinese
        lead = (line[0].x + (cell - line[0].size * PT) / 2 - LEFT) / cell
        cells = len(line) + round(lead)
        on_cells = all(abs((g.x + (cell - g.size * PT) / 2 - LEFT) / cell - (round(lead) + k)) * cell < 0.1
                       for k, g in enumerate(line))
        if cells == CHARS and on_cells:
            exact += 1
            continue
        nxt = body_lines[i + 1][1] if i + 1 < len(body_lines) else []
        if cells < CHARS and all(prohibited(text(nxt), k) for k in range(1, CHARS - cells + 1)):
            pushed += 1  # pushed out: every longer line would break a line-start rule
        else:
            wrong.append((p.number, cells, text(line)[:14]))
    r.check(exact > 0 and not wrong,
            f"{exact} full lines of Chinese text of exactly {CHARS} characters on the cells of "
            f"{cell:.3f} mm, {pushed} shorter: pushed out by a line-start rule"
            f"{'; wrong: ' + str(wrong[:3]) if wrong else ''}")
    return r.done()


# ----------------------------------------------------------------- rules --

def segments(line):
    """A line cut where glyphs stand more than 1 em apart (table cells, a label and its
    text): the pieces a reader reads as lines."""
    out, cur = [], [line[0]]
    for a, b in zip(line, line[1:]):
        if b.x - a.right > a.size * PT:
            out.append(cur)
            cur = []
        cur.append(b)
    out.append(cur)
    return out


def rules(pdf):
    """No line starts with a mark that may not start one, none ends with an opening mark."""
    bad, count = [], 0
    for p in read(pdf):
        for line in p.lines():
            for seg in segments(line):
                t = text(seg)
                if re.fullmatch(r"— ?\d+ ?—", t):
                    continue  # a page number
                count += 1
                if t[0] in NO_START or t[-1] in OPENING:
                    bad.append((p.number, t[:16]))
    for b in bad[:5]:
        print(f"page {b[0]}: {b[1]}")
    print(f"{count} lines, {len(bad)} start with a mark that may not start a line or end with an opening mark")
    return 1 if bad or not count else 0


# ---------------------------------------------------------------- notice --

def page_numbers(r, pages, numbered):
    """— N — in 14 pt at the outer side, 1 字 in, its dashes 7 mm below the type area."""
    for p in pages:
        nums = [l for l in p.lines() if re.fullmatch(r"— ?\d+ ?—", text(l).replace(" ", " "))]
        if p.number not in numbered:
            r.check(not nums, f"page {p.number} has no page number")
            continue
        if not nums:
            r.check(False, f"page {p.number} has a page number")
            continue
        l = nums[0]
        n = int(re.sub(r"\D", "", text(l)))
        em = l[0].size * PT
        dash = l[0].y - 0.38 * l[0].size * PT
        if n % 2:
            side, got, want = "right", LEFT + WIDTH - l[-1].right, em
        else:
            side, got, want = "left", l[0].x - LEFT, em
        r.check(n == p.number and abs(got - want) < 0.3 and abs(dash - (TOP + HEIGHT + 7)) < 0.5,
                f"page {p.number}: — {n} — at the {side}, {got:.2f} mm in (1 字 = {want:.2f}), "
                f"its dashes {dash - TOP - HEIGHT:.2f} mm below the type area")


def masthead(r, page):
    red = [l for l in page.lines() if is_red(l[0].color) and l[0].size > SIZE]
    r.check(bool(red), f"page 1 has a red masthead ({text(red[0]) if red else 'none'})")
    if not red:
        return None
    m = red[0]
    left, right = m[0].x - LEFT, LEFT + WIDTH - m[-1].right
    r.check(abs(left - right) < 0.5, f"masthead centred: {left:.2f} mm left, {right:.2f} mm right")
    return m


def red_rules(page):
    return [s for s in page.paths if s.kind == "stroke_path" and is_red(s.color) and abs(s.y0 - s.y1) < 0.01]


def notice(pdf):
    r = Report()
    pages = read(pdf)
    first = pages[0]
    m = masthead(r, first)
    if m:
        top = m[0].top - TOP
        r.check(abs(top - 35) <= 1, f"masthead's top {top:.2f} mm below the type area (want 35 ± 1)")
    rules = red_rules(first)
    r.check(len(rules) == 1, f"one red rule on page 1 ({len(rules)})")
    if rules:
        rule = rules[0]
        width = rule.x1 - rule.x0
        r.check(abs(width - WIDTH) < 0.5 and abs(rule.x0 - LEFT) < 0.5,
                f"the red rule is {width:.2f} mm wide from {rule.x0:.2f} mm (want {WIDTH} from {LEFT})")
        above = [l for l in first.lines() if l[0].y < rule.y0 and "号" in text(l)]
        if above and "签发人" not in text(above[-1]):
            left, right = above[-1][0].x - LEFT, LEFT + WIDTH - above[-1][-1].right
            r.check(abs(left - right) < 0.3, f"the 发文字号 centred: {left:.2f} mm left, {right:.2f} mm right")
        elif above:
            left = above[-1][0].x - LEFT
            right = LEFT + WIDTH - above[-1][-1].right
            em = above[-1][0].size * PT
            r.check(abs(left - em) < 0.3 and abs(right - em) < 0.3,
                    f"the 发文字号 1 字 in at the left ({left:.2f} mm), the 签发人 1 字 in at the right "
                    f"({right:.2f} mm)")
        if above:
            gap = rule.y0 - rule.width / 2 - above[-1][0].bottom
            r.check(abs(gap - 4) < 0.5, f"the red rule {gap:.2f} mm below the 发文字号 "
                                        f"'{text(above[-1])[:12]}' (want 4)")
        else:
            r.check(False, "a 发文字号 above the red rule")
    last = pages[-1]
    r.check(last.number % 2 == 0, f"the last page ({last.number}) is even")
    rules = sorted((s for s in last.paths if s.kind == "stroke_path" and is_black(s.color)
                    and abs(s.x1 - s.x0 - WIDTH) < 0.5), key=lambda s: s.y0)
    r.check(len(rules) >= 2, f"the 版记 has {len(rules)} full-width rules")
    if rules:
        r.check(abs(rules[-1].y0 - (TOP + HEIGHT)) < 0.5,
                f"the 版记's last rule at {rules[-1].y0:.2f} mm (the type area's foot at {TOP + HEIGHT})")
        r.check(abs(rules[0].width - 0.35) < 0.02 and abs(rules[-1].width - 0.35) < 0.02,
                f"first and last rules {rules[0].width:.2f} and {rules[-1].width:.2f} mm thick (0.35)")
        inner = rules[1:-1]
        r.check(all(abs(s.width - 0.25) < 0.02 for s in inner), f"{len(inner)} thin rules of 0.25 mm between")
    unnumbered = set()
    blank = [p.number for p in pages if not [g for g in p.glyphs if not re.fullmatch(r"[—\d ]", g.ch)] and not p.paths]
    if blank:
        unnumbered = {blank[-1], blank[-1] + 1}
    page_numbers(r, pages, {p.number for p in pages} - unnumbered)
    return r.done()


# -------------------------------------------------------------- briefing --

def briefing(pdf):
    r = Report()
    pages = read(pdf)
    m = masthead(r, pages[0])
    rules = red_rules(pages[0])
    r.check(len(rules) == 1 and abs(rules[0].x1 - rules[0].x0 - WIDTH) < 0.5 and m is not None
            and rules[0].y0 > m[0].bottom,
            f"a red rule {rules[0].x1 - rules[0].x0:.2f} mm wide under the masthead" if rules else "a red rule")
    last = pages[-1]
    lines = [text(l) for l in last.lines()]
    found = {k: any(s.startswith(k) for s in lines) for k in ("报：", "送：", "发：")}
    copies = [s for s in lines if re.search(r"（共印\d+份）", s)]
    r.check(all(found.values()) and copies, f"distribution block on the last page: {found}, {copies[:1]}")
    rules = sorted((s for s in last.paths if s.kind == "stroke_path" and abs(s.x1 - s.x0 - WIDTH) < 0.5),
                   key=lambda s: s.y0)
    block = [l for l in last.lines() if text(l).startswith(("报：", "送：", "发："))]
    r.check(len(rules) >= 2 and block and rules[0].y0 < block[0][0].top and rules[-1].y0 > block[-1][0].bottom,
            "the block between rules")
    if rules:
        r.check(abs(rules[-1].y0 - (TOP + HEIGHT)) < 0.5,
                f"its last rule at {rules[-1].y0:.2f} mm (the type area's foot at {TOP + HEIGHT})")
    page_numbers(r, pages, {p.number for p in pages})
    return r.done()


def dump(pdf, pages_arg=None):
    for p in read(pdf, pages_arg):
        print(f"page {p.number} {p.width:.1f}×{p.height:.1f} mm, {len(p.glyphs)} glyphs, {len(p.paths)} paths")
        for l in p.lines():
            print(f"  y={l[0].y:7.2f} x={l[0].x:6.2f}..{l[-1].right:6.2f} {l[0].size:5.2f}pt {l[0].color} "
                  f"slot={slot_of(l[0])} {text(l)[:40]}")
        for s in p.paths:
            if s.kind == "stroke_path" and abs(s.y0 - s.y1) < 0.01:
                print(f"  rule y={s.y0:7.2f} x={s.x0:6.2f}..{s.x1:6.2f} w={s.width:.2f} {s.color}")
    return 0


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    cmd, pdf, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    commands = {"onpage": onpage, "grid": grid, "rules": rules, "notice": notice, "briefing": briefing,
                "dump": dump}
    if cmd not in commands:
        print(__doc__)
        return 2
    return commands[cmd](pdf, *rest)


if __name__ == "__main__":
    sys.exit(main())
