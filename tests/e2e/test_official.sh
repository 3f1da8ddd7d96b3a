#!/usr/bin/env bash
# Official layouts (issue 10), measured on the PDF as MuPDF draws it
# (tests/tools/measure.py reads `mutool trace`): the GB/T 9704 公文 of the
# example notice (type area edges within 0.5 mm, 22 lines on one pitch, 28
# characters a full line, the red masthead centred 35 mm below the type
# area, the red rule 156 mm wide 4 mm under the number, page numbers at the
# outer side by parity, the 版记's last rule on the type area's foot of an
# even last page, with an unnumbered blank page before it when needed); the
# 简报 of the Luohu report (masthead, rule, distribution block); every
# shipped report on a phone page with nothing outside it; the checks every
# layout passes (readers, fonts, exact text, line-start rules); and bad
# input of the official mapping, each error at its line.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"
M="python3 $TOOLS/measure.py"
FONT_WARNING="warning: font role '[a-z]*': '[^']*' is not installed; using"

notice=$WORK/notice.pdf
briefing=$WORK/briefing.pdf
check "the notice builds (layout gbt9704 from meta.layout)" \
  "$BRIEFC" build data/qingxi-notice-2024.yaml -o "$notice"
check "the briefing builds (layout jianbao from meta.layout)" \
  "$BRIEFC" build data/luohu-2017-briefing.yaml -o "$briefing"
"$BRIEFC" build data/qingxi-notice-2024.yaml -o "$WORK/again.pdf" 2>/dev/null
check "two builds of the notice are byte-identical" cmp "$notice" "$WORK/again.pdf"

# Nothing but the fallback of a licensed face is said about the examples.
only_font_warnings() { # report
  "$BRIEFC" check "$1" 2>"$WORK/check.err" || { cat "$WORK/check.err"; return 1; }
  ! grep -v -- "$FONT_WARNING" "$WORK/check.err" || return 1
}
check "the notice is checked without a word but font fallbacks" only_font_warnings data/qingxi-notice-2024.yaml
check "the briefing is checked without a word but font fallbacks" only_font_warnings data/luohu-2017-briefing.yaml
# The licensed faces are missing here (Debian has none): each fallback is said,
# 仿宋_GB2312 and 方正小标宋简体 too, although fonts.conf aliases them.
"$BRIEFC" check data/qingxi-notice-2024.yaml 2>"$WORK/fonts.err"
for role in body title kai; do
  check "a missing licensed face of role '$role' is a warning" \
    grep -q "warning: font role '$role': '[^']*_GB2312\|warning: font role '$role': 'FZXiaoBiaoSong-B05S'" "$WORK/fonts.err"
done

# The briefing is the Luohu report: from sections: on, word for word.
check "the briefing's prose is the Luohu report's, unchanged" \
  cmp <(sed -n '/^sections:/,$p' data/luohu-2017.yaml) <(sed -n '/^sections:/,$p' data/luohu-2017-briefing.yaml)

# ---- what every layout passes ----
python3 - data/qingxi-notice-2024.yaml >"$WORK/notice.txt" <<'PY'
import sys, yaml
def walk(sections):
    for s in sections:
        for b in s.get("content", []):
            if isinstance(b, str):
                print(b)
        walk(s.get("sections", []))
walk(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["sections"])
PY
for pdf in "$notice" "$briefing"; do
  name=$(basename "$pdf" .pdf)
  check "$name: no reader warns (qpdf, poppler, MuPDF)" readers_quiet "$pdf"
  check "$name: every font embedded, subset, with ToUnicode" fonts_embedded "$pdf"
  check "$name: no line starts with a closing mark or ends with an opening one" $M rules "$pdf"
done
check "notice: pdftotext gives back every paragraph" python3 "$TOOLS/textcheck.py" "$notice" "$WORK/notice.txt"
check "briefing: pdftotext gives back every paragraph of the seed" \
  python3 "$TOOLS/textcheck.py" "$briefing" tests/fixtures/seed.txt
text=$(pdftotext "$notice" - | tr -d '\n ') # spaces between a number and its text are poppler's guess
for piece in 000012 秘密★1年 加急 青溪区人民政府办公室文件 青政办〔2024〕15号 签发人：王某某 \
  各镇人民政府、街道办事处、区政府各部门： '附件：1. 2024年度安全生产大检查重点内容' '2. 检查情况汇总表' \
  2024年3月18日 （此件公开发布） 抄送：区委办公室，区人大常委会办公室，区政协办公室。 2024年3月19日印发; do
  check "notice: reads '$piece'" grep -qF "${piece// /}" <<<"$text"
done
text=$(pdftotext "$briefing" - | tr -d '\n')
for piece in 全会简报 第1期 中共深圳市罗湖区委办公室编 2017年8月30日 报：市委办公厅 （共印120份）; do
  check "briefing: reads '$piece'" grep -qF "$piece" <<<"$text"
done
# Tagged like every booklet: the body as the report has it, and every element
# of the 版头, the 主体 and the 版记 a P (the title a Title) in the order of
# the page, none of them an artifact.
in_tree() { # pdf, expected element texts in order (one per line, spaces and line breaks ignored)
  pdfinfo -struct-text "$1" 2>"$WORK/struct.err" >"$WORK/struct.txt"
  [ ! -s "$WORK/struct.err" ] || { cat "$WORK/struct.err"; return 1; }
  python3 - "$WORK/struct.txt" "$2" <<'PY'
import re, sys
elements, cur = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^(\s*)(\w+)", line)
    if m and not line.strip().startswith('"'):
        cur = [m.group(2), ""]
        elements.append(cur)
    elif cur is not None:
        cur[1] += "".join(re.findall(r'"(.*)"', line))
texts = [t.replace(" ", "") for role, t in elements if role in ("P", "Title")]
k = 0
for want in [w.replace(" ", "") for w in sys.argv[2].split("\n") if w]:
    while k < len(texts) and texts[k] != want:
        k += 1
    if k == len(texts):
        sys.exit(f"no element reads '{want}' (after the ones before it); the tree has {texts[:12]}")
    k += 1
PY
}
check "notice: tagged, its body the report's tree" python3 "$TOOLS/structcheck.py" "$notice" \
  data/qingxi-notice-2024.yaml "$WORK/notice.txt" no-contents
check "notice: 版头, 主体 and 版记 elements in the tree, in order" in_tree "$notice" "000012
秘密★1年
加急
青溪区人民政府办公室文件
青政办〔2024〕15号签发人：王某某
青溪区人民政府办公室关于开展2024年度安全生产大检查的通知
各镇人民政府、街道办事处、区政府各部门：
附件：1.2024年度安全生产大检查重点内容2.检查情况汇总表
青溪区人民政府办公室
2024年3月18日
（此件公开发布）
抄送：区委办公室，区人大常委会办公室，区政协办公室。
青溪区人民政府办公室2024年3月19日印发"
check "briefing: tagged, its body the Luohu report's tree" python3 "$TOOLS/structcheck.py" "$briefing" \
  data/luohu-2017-briefing.yaml tests/fixtures/seed.txt no-contents
check "briefing: masthead and distribution block in the tree, in order" in_tree "$briefing" "内部资料
全会简报
第1期
中共深圳市罗湖区委办公室编2017年8月30日
罗湖区委七届四次全会会议简报
报：市委办公厅
发：各街道党工委、区直各单位（共印120份）"
check "notice: no cover, no contents, no running head: 4 pages, title on page 1" \
  bash -c "[ \"\$(pdfinfo '$notice' | awk '/^Pages:/ {print \$2}')\" = 4 ] && pdftotext -f 1 -l 1 '$notice' - | grep -q 关于开展"

# ---- GB/T 9704, measured ----
check "notice: the grid (type area, 22 lines on one pitch, 28 characters a line)" $M grid "$notice"
check "notice: masthead, red rule, page numbers, 版记" $M notice "$notice"
check "briefing: the grid of its body" $M grid "$briefing"
check "briefing: masthead, rule, distribution block, page numbers" $M briefing "$briefing"

# The 版记 goes on an even last page: with more and more body text, its page
# moves; when the text ends on an even page with no room left, a blank page
# comes before it and neither takes a number (GB/T 9704 §7.5).
blank=0
for n in $(seq 0 2 40); do
  python3 - data/qingxi-notice-2024.yaml "$n" >"$WORK/v.yaml" <<'PY'
import sys
src, n = open(sys.argv[1], encoding="utf-8").read(), int(sys.argv[2])
extra = "".join(f"      - 补充说明第{i}条（示例）：各单位要按照本通知要求认真组织实施。\n" for i in range(n))
print(src.replace("  - title: 工作要求\n    content:\n", "  - title: 工作要求\n    content:\n" + extra), end="")
PY
  "$BRIEFC" build "$WORK/v.yaml" -q -o "$WORK/v.pdf" 2>/dev/null || { fail "variant $n builds"; continue; }
  $M notice "$WORK/v.pdf" >"$WORK/v.out" || { fail "variant $n: 版记 on an even last page"; cat "$WORK/v.out"; }
  grep -q "has no page number" "$WORK/v.out" && blank=$((blank + 1))
done
check "the 版记 always on an even last page, and $blank variants with an unnumbered blank page before it" \
  test "$blank" -gt 0

# Without a 签发人 the number is centred.
grep -v '^  signer:' data/qingxi-notice-2024.yaml >"$WORK/nosigner.yaml"
"$BRIEFC" build "$WORK/nosigner.yaml" -q -o "$WORK/nosigner.pdf" 2>/dev/null
check "without a signer the 发文字号 is centred" bash -c "$M notice '$WORK/nosigner.pdf' | grep -q 'ok   the 发文字号 centred'"

# A masthead too long for the measure is made smaller, never broken or cut.
sed 's/^  issuer_mark: .*/  issuer_mark: 青溪区人民政府办公室青溪区财政局青溪区应急管理局文件/' \
  data/qingxi-notice-2024.yaml >"$WORK/long.yaml"
"$BRIEFC" build "$WORK/long.yaml" -q -o "$WORK/long.pdf" 2>/dev/null
check "a long masthead still fits, centred, 35 mm down" $M notice "$WORK/long.pdf"

# A report without the official mapping in gbt9704: title and body, and a warning.
"$BRIEFC" build data/luohu-2017.yaml -l gbt9704 -o "$WORK/plain.pdf" 2>"$WORK/plain.err"
check "a report without official in gbt9704 builds, and says what it leaves out" \
  grep -q "warning: the layout gbt9704 prints a 公文's 版头 and 版记 from the report's 'official' mapping, which this report does not have" "$WORK/plain.err"
check "... on the grid all the same" $M grid "$WORK/plain.pdf"
"$BRIEFC" build data/qingxi-notice-2024.yaml -l jianbao -o "$WORK/mismatch.pdf" 2>"$WORK/mismatch.err"
check "a notice in the briefing layout is a warning at official" \
  grep -q "qingxi-notice-2024.yaml:14:1: warning: this report is a notice (official.kind), but the layout jianbao prints a 简报" "$WORK/mismatch.err"

# ---- a phone ----
mkdir -p "$WORK/phone"
for report in data/*.yaml data/luohu-2017.json tests/fixtures/report/full.yaml tests/fixtures/report/small.json; do
  name=$(basename "${report%.*}")
  pdf=$WORK/phone/$name.pdf
  if ! "$BRIEFC" build "$report" -l phone -q -o "$pdf" 2>"$WORK/phone/$name.err"; then
    fail "$report builds with phone"; cat "$WORK/phone/$name.err"; continue
  fi
  check "phone: $name has nothing outside the page" $M onpage "$pdf"
  check "phone: $name is read without a warning" readers_quiet "$pdf"
  check "phone: $name keeps the line-start rules" $M rules "$pdf"
done
pdf=$WORK/phone/luohu-2017.pdf
check "phone: a 90 × 160 mm page" bash -c "pdfinfo '$pdf' | grep -q 'Page size: *255.118 x 453.543 pts'"
check "phone: the text is exact" python3 "$TOOLS/textcheck.py" "$pdf" tests/fixtures/seed.txt
check "phone: the contents are kept, as links" bash -c "qpdf --qdf --object-streams=disable '$pdf' - | grep -ac '/Subtype /Link' | awk '{exit \$1 < 10}'"
check "phone: tagged, the tree the report's, contents included" python3 "$TOOLS/structcheck.py" "$pdf" \
  data/luohu-2017.yaml tests/fixtures/seed.txt
check "phone: no running head" bash -c "! pdftotext -f 3 -l 3 '$pdf' - | grep -q '^罗湖区委七届四次全会'"

# ---- bad input, each at its line ----
refused() { # yaml body, expected stderr line (after the file name)
  printf '%s\n' "$1" >"$WORK/bad.yaml"
  "$BRIEFC" check "$WORK/bad.yaml" 2>"$WORK/bad.err"
  local status=$?
  [ "$status" -eq 1 ] || { echo "exit $status, want 1"; cat "$WORK/bad.err"; return 1; }
  grep -qxF "$WORK/bad.yaml:$2" "$WORK/bad.err" || { echo "want: $2"; cat "$WORK/bad.err"; return 1; }
}
warned() {
  printf '%s\n' "$1" >"$WORK/warn.yaml"
  "$BRIEFC" check "$WORK/warn.yaml" 2>"$WORK/warn.err" || { cat "$WORK/warn.err"; return 1; }
  grep -qxF "$WORK/warn.yaml:$2" "$WORK/warn.err" || { echo "want: $2"; cat "$WORK/warn.err"; return 1; }
}
HEAD='briefc: 1
meta:
  title: 通知
  date: 2024-03-18
sections:
  - title: 一'
check "kind not notice or briefing" refused "$HEAD
official: {kind: notise, issuer_mark: X}" \
  "7:18: error: expected notice or briefing for kind, got 'notise' (did you mean 'notice'?)"
check "issuer_mark missing" refused "$HEAD
official:
  kind: notice" "7:1: error: missing required key 'issuer_mark' in official"
check "secrecy not an allowed value" refused "$HEAD
official: {kind: notice, issuer_mark: X, secrecy: 秘密级}" \
  "7:51: error: expected 秘密, 机密 or 绝密 for secrecy, got '秘密级' (did you mean '秘密'?)"
check "urgency not an allowed value" refused "$HEAD
official: {kind: notice, issuer_mark: X, urgency: 急}" \
  "7:51: error: expected 特急 or 加急 for urgency, got '急'"
check "secrecy_term without secrecy" refused "$HEAD
official: {kind: notice, issuer_mark: X, secrecy_term: 1年}" \
  "7:56: error: secrecy_term (保密期限) needs secrecy (秘密, 机密 or 绝密): it is printed after the 密级, as 秘密★1年"
check "meta.copy not six digits" refused "briefc: 1
meta:
  title: 通知
  date: 2024-03-18
  copy: \"12\"
sections:
  - title: 一
official: {kind: notice, issuer_mark: X}" \
  "5:9: error: a 份号 (meta.copy) is six ASCII digits in an official document (GB/T 9704 §7.2.1), such as \"000012\" (quoted), got '12'"
check "the year of the number in [ ]: a warning suggesting 〔〕" warned "$HEAD
official:
  kind: notice
  issuer_mark: X
  number: 青政办[2024]15号" \
  "10:14: warning: the year of a document number goes in 六角括号 〔〕 (GB/T 9704 §7.2.5), not '['; did you mean '青政办〔2024〕15号'?"
check "the year of the number in ( ): a warning suggesting 〔〕" warned "$HEAD
official:
  kind: notice
  issuer_mark: X
  number: 青政办(2024)15号" \
  "10:14: warning: the year of a document number goes in 六角括号 〔〕 (GB/T 9704 §7.2.5), not '('; did you mean '青政办〔2024〕15号'?"
check "a layout key misspelt" bash -c "printf 'briefc-layout: 1\nextends: gbt9704\nofficial: {kind: notise}\n' >'$WORK/l.yaml' && \
  ! '$BRIEFC' check data/qingxi-notice-2024.yaml -l '$WORK/l.yaml' 2>&1 | grep -qvF \"$WORK/l.yaml:3:18: error: expected none, notice or briefing (did you mean 'notice'?)\" -e \"$FONT_WARNING\""
# Numbered copies: the 份号 of each copy where the layout prints meta.copy
"$BRIEFC" build -q data/qingxi-notice-2024.yaml --copies 41-42 -o "$WORK/copies.pdf" 2>/dev/null
per=$(pdfinfo "$notice" | awk '/^Pages:/ {print $2}')
check "公文 copies: the first line of copy 1 is 000041" \
  bash -c "pdftotext -f 1 -l 1 '$WORK/copies.pdf' - | head -1 | grep -qx 000041"
check "公文 copies: the first line of copy 2 is 000042, not meta.copy" \
  bash -c "pdftotext -f $((per + 1)) -l $((per + 1)) '$WORK/copies.pdf' - | head -1 | grep -qx 000042"
"$BRIEFC" build -q data/luohu-2017-briefing.yaml --copies 7 -o "$WORK/bcopy.pdf" 2>/dev/null
check "简报 copies: 000007 flush right on the first line" \
  bash -c "pdftotext -f 1 -l 1 -layout '$WORK/bcopy.pdf' - | head -3 | grep -q '内部资料 *000007'"

# CMYK: the red of §6.2 in gbt9704-print and jianbao-print
for pair in "gbt9704-print data/qingxi-notice-2024.yaml" "jianbao-print data/luohu-2017-briefing.yaml"; do
  set -- $pair
  "$BRIEFC" build -q "$2" -l "$1" -o "$WORK/$1.pdf" 2>/dev/null
  mutool trace "$WORK/$1.pdf" >"$WORK/$1.xml" 2>/dev/null
  check "$1: all DeviceCMYK, text pure K" python3 "$TOOLS/inks.py" --cmyk "$WORK/$1.xml"
  check "$1: the masthead red is cmyk(0, 80, 80, 0)" \
    bash -c "python3 '$TOOLS/inks.py' '$WORK/$1.xml' | grep -q '^fill_text DeviceCMYK 0 .8 .8 0 '"
  check "$1: readers quiet" readers_quiet "$WORK/$1.pdf"
done
finish
