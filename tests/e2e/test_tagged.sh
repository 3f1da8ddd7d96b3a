#!/usr/bin/env bash
# Accessible booklets: every booklet is a tagged PDF whose structure tree, as
# poppler reads it, mirrors the report: sections and their headings,
# paragraphs read back exactly, tables with their head cells, bars as
# figures with alternative text, the contents as TOC entries with their
# links, and no page furniture in the tree.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

for layout in a4-report a5-booklet; do
  pdf=$WORK/luohu-$layout.pdf
  check "builds ($layout)" "$BRIEFC" build data/luohu-2017.yaml -l $layout -q -o "$pdf"
  check "pdfinfo says Tagged: yes ($layout)" bash -c "pdfinfo '$pdf' | grep -q '^Tagged: *yes$'"
  check "pdfinfo -struct and -struct-text read it without a warning ($layout)" bash -c \
    "test -z \"\$(pdfinfo -struct '$pdf' 2>&1 >/dev/null)\" && test -z \"\$(pdfinfo -struct-text '$pdf' 2>&1 >/dev/null)\""
  check "the tree mirrors the report: every paragraph one P, every title its heading, every table its rows ($layout)" \
    python3 "$TOOLS/structcheck.py" "$pdf" data/luohu-2017.yaml tests/fixtures/seed.txt
done
pdf=$WORK/luohu-a4-report.pdf
catalog=$(qpdf --show-object=1 "$pdf")
check "the catalog declares the language (zh-CN) and marked content" bash -c \
  "grep -q '/Lang (zh-CN)' <<<'$catalog' && grep -q '/MarkInfo << /Marked true >>' <<<'$catalog' && grep -q '/StructTreeRoot' <<<'$catalog'"

qpdf --qdf --object-streams=disable "$pdf" "$WORK/qdf.pdf"
check "every figure has its alternative text" python3 - "$WORK/qdf.pdf" <<'PY'
import re, sys
d = open(sys.argv[1], "rb").read().decode("latin1")
objs = re.findall(r"\n\d+ 0 obj\n(<<.*?>>)\nendobj", d, re.S)
figures = [o for o in objs if re.search(r"/S /Figure\b", o)]
assert figures, "no figure"
def text(hexstr):
    b = bytes.fromhex(hexstr)
    return b[2:].decode("utf-16-be")
alts = []
for f in figures:
    m = re.search(r"/Alt <([0-9a-fA-F]+)>", f)
    assert m, "a figure without /Alt:\n" + f
    alts.append(text(m.group(1)))
pattern = re.compile(r"^(完成进度\d+\.\d%，时间进度\d+\.\d%，(已完成|正常推进|滞后)|未报告，时间进度\d+\.\d%|进度\d+\.\d%)$")
bad = [a for a in alts if not pattern.match(a)]
assert not bad, bad
assert "完成进度71.5%，时间进度66.3%，正常推进" in alts, alts[:5]  # the first task: 128 of 179
PY
check "the bar of a task is read as what it shows (完成进度…，时间进度…，状态)" \
  bash -c "grep -aiq '/Alt <feff5b8c62108fdb5ea6' '$WORK/qdf.pdf'"
check "page numbers and running heads are artifacts of pagination" bash -c \
  "grep -aq '/Artifact <</Type /Pagination>> BDC' '$WORK/qdf.pdf'"
check "links are in the tree (OBJR) and their annotations know their element" bash -c \
  "grep -aq '/Type /OBJR' '$WORK/qdf.pdf' && grep -aq '/StructParent ' '$WORK/qdf.pdf'"
# A table over several pages is one Table: its head once (the head and the
# 续表 caption repeated on later pages are artifacts), every row once.
python3 - "$WORK/long.yaml" <<'PY'
import sys
rows = "\n".join(f"            - [指标{i}, {i}.5, 亿元]" for i in range(120))
open(sys.argv[1], "w", encoding="utf-8").write(
    "briefc: 1\nmeta: {title: 长表, date: 2017-08-30}\nsections:\n  - title: 一\n    content:\n"
    "      - table:\n          caption: 主要指标\n          columns: [指标, 数值, 单位]\n"
    f"          rows:\n{rows}\n")
PY
printf '' >"$WORK/none.txt"
"$BRIEFC" build "$WORK/long.yaml" -q -o "$WORK/long.pdf"
check "a table over $(pdfinfo "$WORK/long.pdf" | awk '/^Pages/ {print $2}') pages: one Table, its head once, its 120 rows once, in order" \
  python3 "$TOOLS/structcheck.py" "$WORK/long.pdf" "$WORK/long.yaml" "$WORK/none.txt"
check "… and its head and caption repeated on the later pages are not in the tree" bash -c \
  "test \$(pdfinfo -struct '$WORK/long.pdf' | grep -c 'THead') -eq 1 && test \$(pdfinfo -struct '$WORK/long.pdf' | grep -c Caption) -eq 1 && pdftotext '$WORK/long.pdf' - | grep -q 续表"

# A report may say its language.
sed 's/^  id: LH-2017-0830$/  id: LH-2017-0830\n  lang: zh-Hans-CN/' data/luohu-2017.yaml >"$WORK/lang.yaml"
"$BRIEFC" build "$WORK/lang.yaml" -q -o "$WORK/lang.pdf"
check "meta.lang sets /Lang and dc:language" bash -c \
  "qpdf --show-object=1 '$WORK/lang.pdf' | grep -q '/Lang (zh-Hans-CN)' && pdfinfo -meta '$WORK/lang.pdf' | grep -q '<rdf:li>zh-Hans-CN</rdf:li>'"
sed 's/^  id: LH-2017-0830$/  id: LH-2017-0830\n  lang: "中文"/' data/luohu-2017.yaml >"$WORK/badlang.yaml"
"$BRIEFC" check "$WORK/badlang.yaml" 2>"$WORK/err"
check "a lang that is no language tag is an error at its line" grep -q 'badlang.yaml:16:9: error: expected a language tag such as zh-CN' "$WORK/err"

# Every test report is tagged too, and reads cleanly.
for report in tests/fixtures/report/full.yaml tests/fixtures/report/small.json; do
  out=$WORK/$(basename "${report%.*}").pdf
  "$BRIEFC" build "$report" -q -o "$out"
  check "$(basename "$report") is tagged and read without a warning" bash -c \
    "pdfinfo '$out' | grep -q '^Tagged: *yes$' && test -z \"\$(pdfinfo -struct-text '$out' 2>&1 >/dev/null)\""
done
finish
