#!/usr/bin/env bash
# Layouts and reports at the edges: small pages, wide margins, large
# spacing, long titles, empty tables at the foot of a page, hair-thin bars,
# name-keyed CFF fonts, characters that share a glyph. Each must build (or
# fail with a clear error), keep every word on its page, and read cleanly.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

layout() { # name, yaml body (after extends: a4-report)
  printf 'briefc-layout: 1\nextends: a4-report\n%s\n' "$2" >"$WORK/$1.yaml"
}
report() { # name, content lines under one section
  printf 'briefc: 1\nmeta: {title: 边界, date: 2017-08-30}\nsections:\n  - title: 一\n    content:\n%s\n' "$2" >"$WORK/$1.yaml"
}
builds_on_page() { # report, layout
  timeout 60 "$BRIEFC" build "$WORK/$1.yaml" -l "$WORK/$2.yaml" -o "$WORK/$1-$2.pdf" 2>"$WORK/err" ||
    { cat "$WORK/err"; return 1; }
  python3 "$TOOLS/onpage.py" "$WORK/$1-$2.pdf" && readers_quiet "$WORK/$1-$2.pdf"
}

sentence=会议深入学习贯彻重要讲话精神和市委全会精神，并对罗湖区今年以来工作进行总结，部署下一阶段重点任务。
paras=$(for i in $(seq 40); do printf '      - 第%s段，%s%s%s\n' "$i" "$sentence" "$sentence" "$sentence"; done)
report many "$paras"
layout spaced 'styles: {body: {space_after: 3}}'
check "paragraphs with large space after stay on their pages" builds_on_page many spaced
check "… all forty of them" test "$(pdftotext "$WORK/many-spaced.pdf" - | grep -o '第[0-9]*段' | sort -u | wc -l)" -eq 40

title=$(printf '很长的标题%.0s' $(seq 60))
printf 'briefc: 1\nmeta: {title: 边界, date: 2017-08-30}\nsections:\n  - title: %s\n    content: [段落。]\n  - title: 二\n' "$title" >"$WORK/longtitle.yaml"
layout small 'page: {size: [105, 148], margins: {top: 30, bottom: 30, inner: 15, outer: 15}}'
check "a contents entry taller than a small page goes on over pages" builds_on_page longtitle small

lines=$(for i in $(seq 29); do printf '      - 第%s段。\n' "$i"; done)
report emptytable "$lines
      - table: {caption: 空表, columns: [指标, 数值], rows: [], note: 注释。}"
layout a4 ''
check "an empty table at the foot of a page builds" builds_on_page emptytable a4
same_page() { # pdf, text, text
  local pages p t
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages; p++)); do
    t=$(pdftotext -f $p -l $p "$1" -)
    if grep -q "$2" <<<"$t"; then grep -q "$3" <<<"$t"; return; fi
  done
  return 1
}
check "… its caption, head and note together on one page" same_page "$WORK/emptytable-a4.pdf" '空表' '注释'

report thinbars '      - tasks: [{name: 甲, target: 10, done: 2}, {name: 乙, target: 10, done: 9}]'
layout hairline 'bars: {height: 0.00001pt}'
check "hair-thin bars build at once" builds_on_page thinbars hairline

report cell "      - table: {columns: [说明], rows: [[$(printf '很长的单元格文字%.0s' $(seq 12))]]}"
layout short 'page: {size: [105, 148], margins: {top: 65, bottom: 65, inner: 20, outer: 20}}'
every_continuation_has_a_row() { # pdf
  local pages p t
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages; p++)); do
    t=$(pdftotext -f $p -l $p "$1" -)
    if grep -q '续表' <<<"$t" && ! grep -q '很长的单元格文字' <<<"$t"; then
      echo "page $p: 续表 and its head, but no row"
      return 1
    fi
  done
}
check "a tall cell on short pages builds" builds_on_page cell short
check "… and no continuation page is left without a row" every_continuation_has_a_row "$WORK/cell-short.pdf"

report figures '      - table: {columns: [指标, 数值], rows: [[甲, 957.1], [乙, 73.31]]}'
layout nimbus 'fonts: {number: [Nimbus Sans]}'
check "figures in a name-keyed CFF font (Nimbus Sans) embed" builds_on_page figures nimbus
check "… and read back" bash -c "pdftotext '$WORK/figures-nimbus.pdf' - | grep -q '957.1'"

report shared '      - 甲・乙，丙―丁，戊—己，庚·辛。'
check "characters that share a glyph build" builds_on_page shared a4
check "… and copy as written (・ ·, ― —)" bash -c "pdftotext '$WORK/shared-a4.pdf' - | grep -q '甲・乙，丙―丁，戊—己，庚·辛。'"
# A character no font has, in a heading (set again in the contents) and in a
# paragraph of a booklet laid out twice (two contents pages flip the
# parity): each error once, at its place.
chapters=$(for i in $(seq 40); do printf '  - title: 第%s章\n    content: [段落。]\n' "$i"; done)
printf 'briefc: 1\nmeta: {title: 边界, date: 2017-08-30}\nsections:\n  - title: "表\U000F0001"\n    content: ["一个\U000F0001字。"]\n%s\n' "$chapters" >"$WORK/nofont.yaml"
for l in a4-report a5-booklet; do
  "$BRIEFC" build "$WORK/nofont.yaml" -l $l -o "$WORK/nofont.pdf" 2>"$WORK/err"
  check "$l: a character no font has is an error (exit 1)" test $? -eq 1
  check "$l: … reported once in the heading, once in the paragraph" test "$(grep -c 'no installed font has U+F0001' "$WORK/err")" -eq 2
  check "$l: … each at its place (lines 4 and 5)" test "$(grep -Ec 'nofont\.yaml:[45]:[0-9]+: error: no installed font' "$WORK/err")" -eq 2
done
# Line feeds and tabs are text (YAML's `|` and `>` blocks keep line feeds):
# a line feed breaks the line of a paragraph, a heading, a cell, the cover
# title; a trailing one adds nothing; a tab is a word space. Nothing is
# reported, and every character reads back — the tab as a tab.
cat >"$WORK/lf.yaml" <<'EOF'
briefc: 1
meta: {title: "关于罗湖区工作的\n情况报告", date: 2017-08-30}
sections:
  - title: "一行标题\n二行标题"
    content:
      - |
        第一行：会议深入学习贯彻重要讲话精神。
        第二行：并对罗湖区今年以来工作进行总结，部署下一阶段重点任务，会议深入学习贯彻重要讲话精神和市委全会精神。

        空行之后：第三行。
      - >
        折叠块的第一行
        接着第二行。

          缩进行保留换行。
        最后一行。
      - "制表符\t之后的文字，项目\t数值。"
      - table:
          caption: 主要指标
          columns: [指标, 数值]
          rows:
            - ["地区生产总值\n（亿元）", "957.1"]
            - [固定资产投资, "73.31"]
          note: "注：\t数据为初步统计。"
EOF
printf '%b\n' '第一行：会议深入学习贯彻重要讲话精神。' \
  '第二行：并对罗湖区今年以来工作进行总结，部署下一阶段重点任务，会议深入学习贯彻重要讲话精神和市委全会精神。' \
  '空行之后：第三行。' '折叠块的第一行 接着第二行。' '缩进行保留换行。' '最后一行。' \
  '制表符\t之后的文字，项目\t数值。' '注：\t数据为初步统计。' >"$WORK/lf.txt"
builds_quietly() { # yaml, pdf
  "$BRIEFC" build "$1" -o "$2" 2>"$WORK/err" || { cat "$WORK/err"; return 1; }
  ! grep -E 'error|warning' "$WORK/err"
}
has_line() { # pdf, line (exactly as pdftotext gives it)
  pdftotext "$1" - | grep -qxF "$2"
}
check "line feeds and tabs: the report builds, nothing reported" builds_quietly "$WORK/lf.yaml" "$WORK/lf.pdf"
check "… readers quiet" readers_quiet "$WORK/lf.pdf"
check "… every character reads back in order, none added" \
  python3 "$TOOLS/textcheck.py" "$WORK/lf.pdf" "$WORK/lf.txt" 关于罗湖区工作的 情况报告
check "… a paragraph's line ends at its line feed" has_line "$WORK/lf.pdf" '第一行：会议深入学习贯彻重要讲话精神。'
check "… and so does a heading's" has_line "$WORK/lf.pdf" '二行标题'
check "… and a table cell's" bash -c "pdftotext '$WORK/lf.pdf' - | grep -A1 -xF '地区生产总值' | grep -qxF '（亿元）'"
check "… a tab in a paragraph reads back as a tab" has_line "$WORK/lf.pdf" "$(printf '制表符\t之后的文字，项目\t数值。')"
check "… and in a table note" has_line "$WORK/lf.pdf" "$(printf '注：\t数据为初步统计。')"
report plain '      - 会议深入学习贯彻重要讲话精神和市委全会精神，并对罗湖区今年以来工作进行总结。'
report literal '      - |
        会议深入学习贯彻重要讲话精神和市委全会精神，并对罗湖区今年以来工作进行总结。'
"$BRIEFC" build "$WORK/plain.yaml" -o "$WORK/plain.pdf" 2>/dev/null
check "a paragraph written as a | block sets byte for byte as on one line" \
  bash -c "'$BRIEFC' build '$WORK/literal.yaml' -o '$WORK/literal.pdf' 2>/dev/null && cmp '$WORK/plain.pdf' '$WORK/literal.pdf'"
finish
