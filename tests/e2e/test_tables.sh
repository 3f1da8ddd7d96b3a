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
finish
