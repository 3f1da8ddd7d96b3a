#!/usr/bin/env bash
# Headings kept with what follows, as a reader sees the PDF: a long report
# whose headings fall at ever different distances from the foot of a page
# (filler paragraphs of 1 to 40 lines between them), each followed by a
# paragraph, a table, a work area, a chain of headings (二、 （一） 1.) or a
# summary, built in A4, A5 and a small custom page. On every page, the
# lowest heading has at least two lines of what follows below it
# (pdftotext -bbox-layout). The unit test test_layout_keep tries every
# distance; this one checks the real PDFs.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

/usr/bin/python3 - "$WORK/keep.yaml" <<'PY'
import sys
prose = "会议深入学习贯彻重要讲话精神和全会精神，并对今年以来工作进行总结，部署下一阶段重点任务。"
def filler(n, indent):
    return "".join(f"{indent}- 第{j}段。\n" for j in range(1, n + 1))
def tasks(i):
    return f"[{{name: 任务{i}甲, target: 10, done: 3}}, {{name: 任务{i}乙, target: 10, done: 8}}]"
out = ["briefc: 1\nmeta: {title: 保持测试, date: 2017-08-30}\nsections:\n"]
for i in range(1, 76):
    k = (i * 17) % 40 + 1 # 1 … 40 lines, in an order that spreads the distances
    kind = i % 5
    out.append(f"  - title: 第{i}标题\n")
    if kind == 0:
        out.append(f"    content:\n      - {prose * 2}\n" + filler(k, "      "))
    elif kind == 1:
        rows = ", ".join(f"[指标{r}, {r}.5, 亿元]" for r in range(1, 7))
        out.append(f"    content:\n      - table: {{caption: 指标{i}, columns: [指标, 数值, 单位], rows: [{rows}]}}\n"
                   + filler(k, "      "))
    elif kind == 2:
        out.append(f"    content:\n      - tasks: {tasks(i)}\n      - {prose}\n" + filler(k, "      "))
    elif kind == 3:
        out.append(f"    sections:\n      - title: 子标题{i}\n        sections:\n"
                   f"          - title: 孙标题{i}\n            content:\n              - {prose * 2}\n"
                   + filler(k, "              "))
    else:
        out.append(f"    content:\n      - summary: 总体进度{i}\n    sections:\n")
        for a in "甲乙丙":
            out.append(f"      - title: 领域{a}\n        content:\n          - tasks: {tasks(i)}\n")
        out.append(f"          - {prose}\n" + filler(k, "          "))
open(sys.argv[1], "w", encoding="utf-8").write("".join(out))
PY
printf 'briefc-layout: 1\nextends: a5-booklet\npage: {size: [128, 150], margins: {top: 15, bottom: 15, inner: 12, outer: 10}}\nstyles: {heading1: {size: 三号}}\n' >"$WORK/small.yaml"

# pdf: every page after the contents whose lowest heading line (a line alone
# on its row holding 标题) has fewer than two rows below it is printed.
stranded() {
  pdftotext -bbox-layout "$1" - | /usr/bin/python3 -c '
import html, re, sys
bad = 0
pages = re.findall(r"<page .*?</page>", sys.stdin.read(), re.S)
for number, page in enumerate(pages, 1):
    rows = {}
    for m in re.finditer(r"<line xMin=\"[\d.]+\" yMin=\"[\d.]+\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\">(.*?)</line>", page, re.S):
        text = "".join(html.unescape(w) for w in re.findall(r">([^<]*)</word>", m.group(2)))
        if not re.fullmatch(r"—\d+—", text): # the page number
            rows.setdefault(round(float(m.group(1))), []).append(text)
    if any(t == "目录" for r in rows.values() for t in r) or number == 1:
        continue # the cover and the contents
    heads = [y for y, texts in rows.items() if len(texts) == 1 and "标题" in texts[0]]
    if heads and sum(1 for y in rows if y > max(heads) + 1) < 2:
        bad += 1
        print(f"page {number}: {rows[max(heads)][0]} is left at the foot")
sys.exit(1 if bad else 0)'
}

for layout in a4-report a5-booklet "$WORK/small.yaml"; do
  name=$(basename "$layout" .yaml)
  pdf=$WORK/keep-$name.pdf
  if ! "$BRIEFC" build "$WORK/keep.yaml" -l "$layout" -o "$pdf" 2>"$WORK/err"; then
    fail "$name: the report builds"
    cat "$WORK/err"
    continue
  fi
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  check "$name: no heading left at the foot of any of $pages pages" stranded "$pdf"
  check "$name: every heading is in the text" test "$(pdftotext "$pdf" - | grep -c '^[^ ]*第[0-9]*标题$')" -ge 75
  check "$name: read cleanly" readers_quiet "$pdf"
done
finish
