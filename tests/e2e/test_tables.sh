#!/usr/bin/env bash
# Tables and progress bars as a reader sees them: rows read in order, every
# percentage label present (computed by an independent oracle), heads
# repeated with 续表 on every page of a long table, bad table input refused at
# its place, and awkward tables laid out or refused with a clear message.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

pdf=$WORK/example.pdf
"$BRIEFC" build data/luohu-2017.yaml -q -o "$pdf" 2>"$WORK/example.err" || { fail "example builds"; finish; exit 1; }
layout=$(pdftotext -layout "$pdf" -)
row() { # description, extended regex that one line must match
  check "$1" grep -Eq "$2" <<<"$layout"
}
row "table row: 地区生产总值" '地区生产总值（上半年） +957\.1 +亿元 +增长8\.6%'
row "table row: 签约率 with its bar label" '棚改当事人户数签约率 +99\.29 +% +99\.3%'
row "table row: 搬离人数" '棚改搬离人数 +93017 +人 +占比99\.98% +100\.0%'
row "task row: name, target, done, label, status" '老旧住宅区消防管网排查治理 +179 ?个 +128 ?个（估） +71\.5% +正常推进'
row "caption numbered 表1" '表1 主要指标'
check "the example builds without warnings" test ! -s "$WORK/example.err"

text=$(pdftotext "$pdf" - | tr -d '\n')
missing=0
while IFS= read -r l; do
  grep -qF -- "$l" <<<"$text" || { echo "     missing label $l"; missing=$((missing + 1)); }
done < <(/usr/bin/python3 "$TOOLS/labels.py" data/luohu-2017.yaml)
check "every percentage label appears ($(/usr/bin/python3 "$TOOLS/labels.py" data/luohu-2017.yaml | wc -l) labels)" test "$missing" -eq 0
estimates=$(/usr/bin/python3 -c "
import yaml, sys
r = yaml.load(open('data/luohu-2017.yaml'), Loader=yaml.BaseLoader)
def walk(ss):
    n = 0
    for s in ss:
        for b in s.get('content', []) or []:
            if isinstance(b, dict):
                n += sum(1 for t in b.get('tasks', []) or [] if t.get('estimated') == 'true' and 'done' in t)
        n += walk(s.get('sections', []) or [])
    return n
print(walk(r['sections']))")
check "every estimate is marked 估 ($estimates)" test "$(grep -o '（估）' <<<"$text" | wc -l)" -eq "$estimates"
check "a legend for the summary" grep -q '时间进度（截至2017年8月30日）' <<<"$text"

# The summary's figures by an oracle of its own: per work area the mean
# completion of the reported tasks (each capped at 100%) and the mean time
# progress of the same tasks (of all when none is reported), days inclusive.
/usr/bin/python3 - data/luohu-2017.yaml >"$WORK/areas" <<'PY'
import datetime, sys, yaml
from decimal import Decimal, ROUND_HALF_UP
r = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.BaseLoader)
today = datetime.date.fromisoformat(r["meta"]["date"])
def pct(x):
    return f"{(x * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
def time(t):
    start = datetime.date.fromisoformat(t.get("start", f"{today.year}-01-01"))
    due = datetime.date.fromisoformat(t.get("due", f"{today.year}-12-31"))
    total = (due - start).days + 1
    return Decimal(min(max((today - start).days + 1, 0), total)) / Decimal(total)
numbers = "一二三四五六七八九十"
for s in r["sections"]:
    for i, area in enumerate(s.get("sections", []) or []):
        tasks = [t for b in area.get("content", []) if isinstance(b, dict) for t in b.get("tasks", [])]
        reported = [t for t in tasks if "done" in t]
        over = reported or tasks
        mean_time = sum(time(t) for t in over) / len(over)
        done = pct(sum(min(Decimal(t["done"]) / Decimal(t["target"]), 1) for t in reported) / len(reported)) if reported else "未报告"
        print(f"（{numbers[i]}）{area['title']} +{done} +{pct(mean_time)}")
PY
while IFS= read -r want; do
  row "summary row ${want%% *}" "^$want"
done <"$WORK/areas"
check "the summary says how the area figures are computed, extracted exactly" grep -qF \
  '注：平均完成进度和时间进度均为各领域已报告任务的平均值，未报告的任务不计入，单项完成进度超过100%的按100%计。' <<<"$text"

# An area with nothing reported: its mark is the mean over all its tasks
# (due 30 June: 100%; the whole year: 66.3%), and the note says so.
printf '%s' 'briefc: 1
meta: {title: 表, date: 2017-08-30}
sections:
  - title: 一
    content: [{summary: 总体进度}]
    sections:
      - title: 甲领域
        content: [{tasks: [{name: 甲, target: 5, due: 2017-06-30}, {name: 乙, target: 5}]}]
' >"$WORK/unreported.yaml"
check "a summary of an area with nothing reported builds" "$BRIEFC" build "$WORK/unreported.yaml" -o "$WORK/unreported.pdf"
check "… its time progress over all its tasks" grep -Eq '（一）甲领域 +未报告 +83\.2%' <<<"$(pdftotext -layout "$WORK/unreported.pdf" -)"
check "… and the note says how such an area is counted" grep -qF \
  '单项完成进度超过100%的按100%计；任务均未报告的领域，时间进度为其全部任务的平均值。' <<<"$(pdftotext "$WORK/unreported.pdf" - | tr -d '\n')"

# Narrow pages (A5): short cells (names up to about ten characters, units)
# stay on one line while bars shorten, long text wraps or heads take two
# lines; a task's note goes under its name. In pdftotext -layout a wrapped
# cell leaves part of its text on the next line.
"$BRIEFC" build data/luohu-2017.yaml -l a5-booklet -o "$WORK/example-a5.pdf" 2>/dev/null
a5=$(pdftotext -layout "$WORK/example-a5.pdf" -)
a5row() { # description, extended regex that one line must match
  check "A5: $1" grep -Eq "$2" <<<"$a5"
}
a5row "summary name （一）保持大局稳定 on one line" '^ *（一）保持大局稳定 +[^ ]*66\.9%'
a5row "summary name （四）推动年度改革 on one line" '^ *（四）推动年度改革 +[^ ]*72\.0%'
a5row "task name 道路人行道品质提升 on one line" '^ *道路人行道品质提升 +12 ?条'
a5row "task name 无物管小区系统整治 on one line" '^ *无物管小区系统整治 +139 ?个'
a5row "task name 城市更新新开工项目 on one line" '^ *城市更新新开工项目 +14 ?个'
a5row "… and its note on the next" '^ *（1-7月开工7个）'
/usr/bin/python3 - "$WORK/narrow.yaml" <<'PY'
import sys
explain = "全区十个监测点的平均值，按国家标准计算，含沙尘天气的影响，数据来自市生态环境局的公开发布"
open(sys.argv[1], "w", encoding="utf-8").write(f"""briefc: 1
meta: {{title: 窄页, date: 2017-08-30}}
sections:
  - title: 空气质量
    content:
      - table:
          caption: 主要指标
          columns: [指标, 数值, 单位, 目标, 单位, 同比, 排名, 说明]
          rows:
            - [细颗粒物年均浓度, 28.5, 微克/立方米, 35, 微克/立方米, 下降3.2%, 第三, {explain}]
            - [可吸入颗粒物年均浓度, 45.1, 微克/立方米, 70, 微克/立方米, 下降1.1%, 第五, 平均值]
      - table:
          caption: 颗粒物
          columns: [指标, 数值, 单位, 同比, 说明]
          rows:
            - [细颗粒物（PM2.5）年均浓度（全区十个监测点）, 28.5, 微克/立方米, 下降3.2%, {explain}]
            - [可吸入颗粒物年均浓度, 45.1, 微克/立方米, 下降1.1%, 全区十个监测点的平均值]
      - tasks:
          - {{name: 治理行政村, target: 12.5, done: 8.5, unit: 万平方米, estimated: true}}
          - {{name: 整治提升行政村, target: 30.5, done: 10.5, unit: 万平方米}}
          - {{name: 农村生活污水治理行政村覆盖率提升工作全面完成, target: 40, done: 35, unit: 万平方米}}
""")
PY
check "A5: a crowded report builds" "$BRIEFC" build "$WORK/narrow.yaml" -l a5-booklet -o "$WORK/narrow.pdf"
narrow=$(pdftotext -layout "$WORK/narrow.pdf" -)
check "A5: a unit never breaks inside (微克/立方米 six times whole)" test "$(grep -o '微克/立方米' <<<"$narrow" | wc -l)" -eq 6
check "A5: a ten-character name beside long text stays whole" grep -Eq '^ *可吸入颗粒物年均浓度 +45\.1' <<<"$narrow"
check "A5: a short task name stays whole" grep -Eq '^ *整治提升行政村 +30\.5' <<<"$narrow"

# A generated table of 500 rows: 续表 and the head on every continuation page.
/usr/bin/python3 - "$WORK/long.yaml" <<'PY'
import sys
rows = "\n".join(f"            - [第{i}项指标, {i}.5, 亿元]" for i in range(1, 501))
open(sys.argv[1], "w", encoding="utf-8").write(f"""briefc: 1
meta: {{title: 长表, date: 2017-08-30}}
sections:
  - title: 长表
    content:
      - table:
          caption: 主要指标
          columns: [指标名称, 数值, 单位]
          rows:
{rows}
""")
PY
check "a 500-row table builds" "$BRIEFC" build "$WORK/long.yaml" -o "$WORK/long.pdf"
pages=$(pdfinfo "$WORK/long.pdf" | awk '/^Pages:/ {print $2}')
bad=0
first_body=3 # cover, contents, then the table's first page
for ((p = first_body + 1; p <= pages; p++)); do
  t=$(pdftotext -f $p -l $p "$WORK/long.pdf" - | tr -d '\n')
  grep -q '续表1 主要指标' <<<"$t" && grep -q '指标名称' <<<"$t" || { echo "     page $p lacks 续表 or the head"; bad=$((bad + 1)); }
done
check "续表 and the head on each of $((pages - first_body)) continuation pages" test "$bad" -eq 0 -a "$pages" -gt 8
check "every one of the 500 rows is there" test "$(pdftotext "$WORK/long.pdf" - | grep -c '^第[0-9]*项指标')" -eq 500 -o \
  "$(pdftotext -layout "$WORK/long.pdf" - | grep -c '第[0-9]*项指标')" -eq 500

# Forty chapters in A5: two contents pages flip the parity of the mirrored
# margins and the body is laid out again; its one table is still 表1.
/usr/bin/python3 - "$WORK/parity.yaml" <<'PY'
import sys
chapters = "".join(f"  - title: 第{i}章\n    content: [段落{i}。]\n" for i in range(1, 40))
open(sys.argv[1], "w", encoding="utf-8").write(f"""briefc: 1
meta: {{title: 奇偶, date: 2017-08-30}}
sections:
  - title: 表
    content:
      - table: {{caption: 指标, columns: [甲, 乙], rows: [[x, 1]]}}
{chapters}""")
PY
check "a booklet laid out again for parity builds" "$BRIEFC" build "$WORK/parity.yaml" -l a5-booklet -o "$WORK/parity.pdf"
check "… with two contents pages" test "$(pdftotext -f 2 -l 3 "$WORK/parity.pdf" - | grep -c '第[0-9]*章')" -ge 39
check "… and its table numbered 表1" bash -c "pdftotext '$WORK/parity.pdf' - | grep -qx '表1 指标'"

# Bad table and task input: exit 1, the error at its place, nothing written.
HEAD='briefc: 1
meta: {title: 表, date: 2017-08-30}
sections:
  - title: 一
    content:
'
bad() { # description, expected message (grep -E), content lines
  printf '%s%s' "$HEAD" "$3" >"$WORK/bad.yaml"
  rm -f "$WORK/bad.pdf"
  "$BRIEFC" build "$WORK/bad.yaml" -o "$WORK/bad.pdf" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [ "$got" -ne 1 ]; then fail "$1: exit $got, expected 1"; cat "$WORK/err"; return; fi
  if ! grep -Eq "$2" "$WORK/err"; then fail "$1: no message matching '$2'"; cat "$WORK/err"; return; fi
  if [ -e "$WORK/bad.pdf" ]; then fail "$1: a PDF was written"; return; fi
  pass "$1"
}
bad "target: 0" 'bad\.yaml:6:35: error: .*target' '      - tasks: [{name: 甲, target: 0, done: 1}]
'
bad "a negative target" 'bad\.yaml:6:35: error: .*target' '      - tasks: [{name: 甲, target: -3, done: 1}]
'
bad "done: -1" 'bad\.yaml:6:44: error: .*done' '      - tasks: [{name: 甲, target: 5, done: -1}]
'
bad "a quoted target" 'bad\.yaml:6:35: error: .*number' '      - tasks: [{name: 甲, target: "5"}]
'
bad "a target that is not a number" 'bad\.yaml:6:35: error: .*number' '      - tasks: [{name: 甲, target: 五}]
'
bad "a row with too many cells" 'bad\.yaml:8:18: error: .*3 cells.*2' '      - table:
          columns: [a, b]
          rows: [[1, 2, 3]]
'
bad "a row with too few cells" 'bad\.yaml:8:18: error: .*1 cell.*2' '      - table:
          columns: [a, b]
          rows: [[1]]
'
bad "widths of the wrong length" 'bad\.yaml:8:19: error: .*widths' '      - table:
          columns: [a, b]
          widths: [1, 2, 3]
          rows: [[1, 2]]
'
bad "{progress: abc}" 'bad\.yaml:8:33: error: .*number' '      - table:
          columns: [a, b]
          rows: [[x, {progress: abc}]]
'
bad "due before start" 'bad\.yaml:6:[0-9]+: error: .*due.*start' '      - tasks: [{name: 甲, target: 5, start: 2017-06-01, due: 2017-05-01}]
'
printf '%s%s' "$HEAD" '      - summary: 总体进度
      - 段落。
' >"$WORK/summary.yaml"
check "a summary with nothing to summarise is a warning" "$BRIEFC" build "$WORK/summary.yaml" -o "$WORK/summary.pdf"
"$BRIEFC" build "$WORK/summary.yaml" -o "$WORK/summary.pdf" 2>"$WORK/err"
check "… saying so at its place" grep -Eq 'summary\.yaml:6:[0-9]+: warning: .*summar' "$WORK/err"

# Fifty columns: refused with a clear message; a 3,000-character cell: laid out.
/usr/bin/python3 - "$WORK/wide.yaml" "$WORK/tall.yaml" <<'PY'
import sys
cols = ", ".join(f"指标{i}" for i in range(50))
cells = ", ".join("957.1" for _ in range(50))
head = "briefc: 1\nmeta: {title: 表, date: 2017-08-30}\nsections:\n  - title: 一\n    content:\n"
open(sys.argv[1], "w", encoding="utf-8").write(head + f"      - table:\n          columns: [{cols}]\n          rows: [[{cells}]]\n")
open(sys.argv[2], "w", encoding="utf-8").write(head + "      - table:\n          columns: [任务, 说明]\n          rows: [[甲, " + "推进罗湖振兴" * 500 + "]]\n")
PY
"$BRIEFC" build "$WORK/wide.yaml" -o "$WORK/wide.pdf" 2>"$WORK/err"
check "a 50-column table is refused (exit 1)" test $? -eq 1 -a ! -e "$WORK/wide.pdf"
check "… with a clear message at its place" grep -Eq 'wide\.yaml:6:[0-9]+: error: .*50 columns does not fit' "$WORK/err"
check "a 3,000-character cell lays out" "$BRIEFC" build "$WORK/tall.yaml" -o "$WORK/tall.pdf"
check "… and every character of it is in the booklet" test "$(pdftotext "$WORK/tall.pdf" - | grep -o '振' | wc -l)" -eq 500
check "… read cleanly" readers_quiet "$WORK/tall.pdf"

# widths: followed when they fit; on a page where they would only break a short
# cell, the content's widths are taken without a word; widths that leave a
# column less than its least width are a warning.
widths_report() { # widths
  printf 'briefc: 1\nmeta: {title: 表, date: 2017-08-30}\nsections:\n  - title: 一\n    content:\n      - table:\n          columns: [指标, 数值, 说明]\n          widths: %s\n          rows: [[地区生产总值完成情况, 957.1, 同比增长百分之八点六创近四年同比新高]]\n' "$1"
}
widths_report '[3, 1, 4]' >"$WORK/w-ok.yaml"
widths_report '[100, 1, 1]' >"$WORK/w-bad.yaml"
"$BRIEFC" build "$WORK/w-ok.yaml" -q -o "$WORK/w-ok.pdf" 2>"$WORK/err"
check "widths that fit: no warning" test ! -s "$WORK/err"
"$BRIEFC" build "$WORK/w-bad.yaml" -q -o "$WORK/w-bad.pdf" 2>"$WORK/err"
check "widths that cannot be followed: a warning at the table" grep -Eq "w-bad\.yaml:6:[0-9]+: warning: the table's widths leave a column too narrow" "$WORK/err"
"$BRIEFC" build data/luohu-2017.yaml -l a5-booklet -q -o "$WORK/a5.pdf" 2>"$WORK/err"
check "the example's widths on A5 (short cells kept whole instead): no warning" test ! -s "$WORK/err"
finish
