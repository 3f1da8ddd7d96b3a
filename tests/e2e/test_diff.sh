#!/usr/bin/env bash
# briefc diff: two versions of a test report with known edits
# (tests/fixtures/diff/v3.yaml → v4.yaml) give a listing in which each edit
# appears once, correctly marked, and nothing else does; an unchanged report
# gives one line; --exit-code and -q; bad input gives the usual errors; and
# the 修订对照 PDF passes every check a booklet passes, with its struck and
# underlined runs found where they belong (mutool trace).
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

F=tests/fixtures/diff
OLD=$F/v3.yaml
NEW=$F/v4.yaml

# ---- the listing ----

"$BRIEFC" diff $OLD $NEW >"$WORK/out.txt" 2>"$WORK/err.txt"
check "diff of two versions exits 0" test $? -eq 0
check "nothing on standard error" test ! -s "$WORK/err.txt"
check "the listing is the expected one, line for line" diff -u $F/v3-v4.txt "$WORK/out.txt"

once() { # description, fixed string: it appears on exactly one line of the listing
  local n
  n=$(grep -cF -- "$2" "$WORK/out.txt")
  check "$1 (once)" test "$n" -eq 1
}
once "meta: the version" "版本：[-3-]{+4+}"
once "meta: the date as one token" "日期：[-2017-08-30-]{+2017-09-15+}"
once "a figure in prose is one token" "在建项目[-21-]{+23+}个"
once "a percentage is one token" "增长[-8.6%-]{+8.9%+}"
once "a decimal is one token" "完成[-957.1-]{+960.2+}亿元"
once "mixed Latin is one token" "全区[-PM2.5-]{+PM10+}平均浓度"
once "changes one token apart merge" "截至[-8月29-]{+9月15+}日"
once "a strong paragraph keeps its text (markers aside)" "确保完成[-179-]{+180+}个"
once "a paragraph inserted whole, in one marker" "  {+全会审议通过了《中共深圳市罗湖区委关于全面推进罗湖振兴的决定》。+}"
once "a paragraph deleted whole, in one marker" "  [-会议号召全区上下以更高的标准、更严的作风、更实的干劲推进各项工作。-]"
once "a renamed section is a rename, under its path" "二、重点任务推进情况 › （二）城市建设{+与更新+}"
once "a removed section" "（四）[-基层治理-]"
once "an added section" "（四）{+生态文明建设+}"
once "a table row, cell by cell" "第1行：地区生产总值 | [-957.1-]{+960.2+} | 亿元"
once "a task's figures before and after" "老旧小区改造  完成 21 → 23 个  60.0% → 65.7%  滞后"
once "a task gains a figure" "道路人行道品质提升  完成 未报告 → 9 条  未报告 → 75.0%  未报告 → 正常推进"
once "a task removed" "删除任务 违法建筑拆除"
once "a task added" "新增任务 社区康复工作站"
once "a work area's mean before and after" "平均完成进度 58.6% → 69.1%"
once "the closing" "奏国际歌，全会{+胜利+}闭幕。"
check "an unchanged paragraph is not printed" bash -c "! grep -q '罗湖区委书记贺海涛' '$WORK/out.txt'"
check "an unchanged task is not printed" bash -c "! grep -q '老旧住宅区消防管网排查治理  ' '$WORK/out.txt'"
check "an unchanged section has no heading" bash -c "! grep -q '^.*会议概况 ›' '$WORK/out.txt'"
check "no figure is split into digits" bash -c "! grep -qE '[0-9]\[-|[0-9]\{\+|-\][0-9]|\+\}[0-9]' '$WORK/out.txt'"

# ---- no changes, --exit-code, -q ----

out=$("$BRIEFC" diff $OLD $OLD)
check "an unchanged report: exit 0" test $? -eq 0
check "an unchanged report: one line saying so" test "$out" = "no changes: $OLD and $OLD say the same"
cp $OLD "$WORK/same.json.yaml"
check "the same content from another file: no changes" \
  bash -c "'$BRIEFC' diff $OLD '$WORK/same.json.yaml' | grep -q '^no changes: '"
check "the JSON twin of the example says what its YAML says" \
  bash -c "'$BRIEFC' diff data/luohu-2017.yaml data/luohu-2017.json | grep -q '^no changes: '"
"$BRIEFC" diff --exit-code $OLD $NEW >/dev/null
check "--exit-code: 1 when they differ" test $? -eq 1
"$BRIEFC" diff $OLD $OLD --exit-code >/dev/null
check "--exit-code: 0 when they do not" test $? -eq 0
out=$("$BRIEFC" diff -q --exit-code $OLD $NEW 2>&1)
check "-q --exit-code: silent, 1" test $? -eq 1 -a -z "$out"

# ---- bad input ----

bad() { # description, expected status, expected stderr line (fixed), arguments…
  local what=$1 want=$2 line=$3
  shift 3
  "$BRIEFC" diff "$@" >"$WORK/bad.out" 2>"$WORK/bad.err"
  local status=$?
  check "$what: exit $want" test $status -eq "$want"
  check "$what: says so" grep -qF -- "$line" "$WORK/bad.err"
  check "$what: nothing on standard output" test ! -s "$WORK/bad.out"
}
bad "OLD unreadable" 1 "$WORK/none.yaml: error: cannot read: No such file or directory" \
  "$WORK/none.yaml" $NEW
bad "NEW unreadable" 1 "$WORK/none.yaml: error: cannot read" $OLD "$WORK/none.yaml"
sed 's/^    content:$/    contnet:/' $NEW >"$WORK/invalid.yaml"
bad "NEW invalid" 1 "$WORK/invalid.yaml:15:5: error: unknown key 'contnet' in section (did you mean 'content'?)" \
  $OLD "$WORK/invalid.yaml"
"$BRIEFC" diff "$WORK/invalid.yaml" "$WORK/none.yaml" 2>"$WORK/both.err"
check "both bad: every error of both, in one run" bash -c \
  "grep -q 'invalid.yaml:15:5: error' '$WORK/both.err' && grep -q 'none.yaml: error: cannot read' '$WORK/both.err'"
bad "a layout file as OLD" 1 \
  "layouts/a4-report.yaml:5:1: error: this is a layout file (briefc-layout), not a report: give a layout with -l/--layout" \
  layouts/a4-report.yaml $NEW
check "a layout file as OLD: one error, not one per key" test "$(grep -c error "$WORK/bad.err")" -eq 1
bad "a layout file as NEW" 1 "a5-booklet.yaml:4:1: error: this is a layout file" $OLD layouts/a5-booklet.yaml
bad "one report" 2 "briefc: error: only one report given: diff compares OLD with NEW" $OLD
bad "three reports" 2 "unexpected argument 'x.yaml' (two reports: OLD NEW)" $OLD $NEW x.yaml
bad "-l without -o" 2 "-l sets the layout of the PDF: give -o CHANGES.pdf too" -l a5-booklet $OLD $NEW
bad "--embed-source" 2 "--embed-source belongs to build and watch" --embed-source $OLD $NEW
check "briefc diff --help names the listing's convention" bash -c \
  "'$BRIEFC' diff --help | grep -qF '[-deleted-]{+inserted+}'"

# ---- the 修订对照 PDF ----

PDF=$WORK/changes.pdf
"$BRIEFC" diff $OLD $NEW -o "$PDF" 2>"$WORK/pdf.err" >"$WORK/pdf.out"
check "-o writes the PDF: exit 0" test $? -eq 0
check "-o: the line saying what was written" grep -qE "^wrote $PDF: [0-9]+ pages?, [0-9]+ KB$" "$WORK/pdf.err"
check "-o: no listing" test ! -s "$WORK/pdf.out"
check "readers read it without a word" readers_quiet "$PDF"
check "it is tagged: its headings, paragraphs and tables in the tree, read without a warning" bash -c "pdfinfo '$PDF' | grep -q '^Tagged: *yes$' && test -z \"\$(pdfinfo -struct-text '$PDF' 2>&1 >/dev/null)\" && pdfinfo -struct '$PDF' | grep -q H1 && pdfinfo -struct '$PDF' | grep -q Table"
check "every font embedded, subset, with ToUnicode" fonts_embedded "$PDF"
pdftotext "$PDF" "$WORK/changes.txt"
flat() { tr -d ' \n\f' <"$WORK/changes.txt"; }
has_text() { flat | grep -qF -- "$1"; }
check "cover: both versions with their dates" bash -c \
  "$(declare -f flat has_text); WORK='$WORK'; has_text '修订前：第3版2017年8月30日' && has_text '修订后：第4版2017年9月15日'"
check "an inserted paragraph extracts exactly" has_text "全会审议通过了《中共深圳市罗湖区委关于全面推进罗湖振兴的决定》。"
check "a changed paragraph extracts as written, struck text in place" \
  has_text "今年1-7月，城市更新开工项目7个，在建项目2123个，完成固定资产投资73.31亿元。"
check "the renamed heading extracts whole" has_text "（二）城市建设与更新"
check "the document says what it is" bash -c \
  "pdfinfo '$PDF' | grep -q '^Title: *罗湖区重点工作推进情况简报（修订对照）$'"
check "its version: both compared" bash -c "pdfinfo -meta '$PDF' | grep -q '<xmpMM:VersionID>3→4</xmpMM:VersionID>'"
"$BRIEFC" diff $OLD $NEW -o "$WORK/again.pdf" -q
check "the same inputs give the same bytes" cmp "$PDF" "$WORK/again.pdf"

# Decorations by geometry: each struck or underlined run's rule, found
# through the middle of the em box or under the baseline of its glyphs.
mutool trace "$PDF" >"$WORK/trace.xml" 2>/dev/null
python3 "$TOOLS/decorations.py" "$WORK/trace.xml" | cut -f2- >"$WORK/decorations.txt"
decorated() { # description, kind, text
  check "$1" grep -qxF -- "$2	$3" "$WORK/decorations.txt"
}
decorated "the deleted figure is struck through" strike 21
decorated "the inserted figure is underlined" underline 23
decorated "a deleted percentage struck" strike 8.6%
decorated "an inserted Latin run underlined" underline PM10
decorated "the rename's insertion underlined" underline 与更新
decorated "the removed section's title struck" strike 基层治理
decorated "the added section's title underlined" underline 生态文明建设
decorated "an inserted paragraph underlined whole" underline "全会审议通过了《中共深圳市罗湖区委关于全面推进罗湖振兴的决定》。"
decorated "a removed task's name struck in its table" strike 违法建筑拆除
decorated "the cover shows the strike on its word" strike 删除线
decorated "the cover shows the underline on its word" underline 下划线
check "no rule misplaced" bash -c "! grep -q misplaced '$WORK/decorations.txt'"
check "kept text is not decorated" bash -c "! grep -qE '	.*(在建项目|城市更新)' '$WORK/decorations.txt'"

# Other layouts and PDF/A, as Preflight judges it
mkdir -p "$WORK/pdfa"
cp "$PDF" "$WORK/pdfa/changes-a4.pdf"
"$BRIEFC" diff $OLD $NEW -o "$WORK/pdfa/changes-a5.pdf" -l a5-booklet -q
check "-l a5-booklet: readers quiet" readers_quiet "$WORK/pdfa/changes-a5.pdf"
check "-l a5-booklet: A5 pages" bash -c "pdfinfo '$WORK/pdfa/changes-a5.pdf' | grep -q 'Page size: *419.5[0-9]* x 595.2[0-9]* pts'"
"$BRIEFC" diff $OLD $OLD -o "$WORK/pdfa/unchanged.pdf" -q
check "an unchanged pair still gives a PDF that says so" bash -c \
  "pdftotext '$WORK/pdfa/unchanged.pdf' - | tr -d ' \n' | grep -q '两个版本内容相同'"
J=/usr/share/java
PREFLIGHT_CP=$J/preflight.jar:$J/pdfbox2.jar:$J/fontbox2.jar:$J/xmpbox.jar:$J/commons-logging.jar:$J/javax.activation.jar:$J/jaxb-api.jar
java -cp "$PREFLIGHT_CP" org.apache.pdfbox.preflight.Validator_A1b batch "$WORK/pdfa" \
  >"$WORK/preflight.out" 2>&1
for pdf in "$WORK"/pdfa/*.pdf; do
  name=$(basename "$pdf")
  check "Preflight: $name is a valid PDF/A-1b file" \
    grep -qx "The file $name is a valid PDF/A-1b file" "$WORK/preflight.out"
done

# A failed run never leaves a half-written PDF nor replaces the last one.
cp "$PDF" "$WORK/keep.pdf"
"$BRIEFC" diff $OLD "$WORK/invalid.yaml" -o "$WORK/keep.pdf" 2>/dev/null
check "invalid NEW with -o: exit 1" test $? -eq 1
check "invalid NEW with -o: the PDF there is untouched" cmp "$PDF" "$WORK/keep.pdf"
cp $NEW "$WORK/new.yaml"
"$BRIEFC" diff $OLD "$WORK/new.yaml" -o "$WORK/new.yaml" 2>"$WORK/self.err"
check "-o onto an input is refused (exit 3)" test $? -eq 3
check "-o onto an input: NEW untouched" cmp $NEW "$WORK/new.yaml"

finish
