#!/usr/bin/env bash
# The example booklet, as a reader's software sees it: built from YAML and
# from JSON, checked with qpdf, poppler and MuPDF; text, fonts, metadata,
# determinism.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

yaml_pdf=$WORK/yaml.pdf
json_pdf=$WORK/json.pdf
check "builds from YAML" "$BRIEFC" build data/luohu-2017.yaml -o "$yaml_pdf"
check "builds from JSON" "$BRIEFC" build data/luohu-2017.json -o "$json_pdf"
check "YAML and JSON give the same bytes" cmp "$yaml_pdf" "$json_pdf"
"$BRIEFC" build data/luohu-2017.yaml -o "$WORK/again.pdf" 2>/dev/null
check "two builds are byte-identical" cmp "$yaml_pdf" "$WORK/again.pdf"
check "qpdf --check is clean" qpdf --check "$yaml_pdf"
check "no reader warns (qpdf, poppler, MuPDF)" readers_quiet "$yaml_pdf"
check "every font embedded, subset, with ToUnicode" fonts_embedded "$yaml_pdf"
check "pdftotext gives back every paragraph, no false spaces" \
  python3 "$TOOLS/textcheck.py" "$yaml_pdf" tests/fixtures/seed.txt 罗湖区委七届四次全会 内部资料

text=$(pdftotext "$yaml_pdf" - 2>&1 | tr -d '\n')
check "contents and headings read without false spaces" bash -c "grep -q '三、以“四硬”精神全面推进罗湖振兴' <<<'$text' && grep -q '（三）拓展城区转型发展空间' <<<'$text'"
check "cover title reads as written" grep -q '罗湖区委七届四次全会会议简报' <<<"$text"

info=$(pdfinfo -isodates "$yaml_pdf" 2>&1)
check "title in document info" grep -q '^Title: *罗湖区委七届四次全会会议简报$' <<<"$info"
check "author is the organization" grep -q '^Author: *中共深圳市罗湖区委员会$' <<<"$info"
check "creator names briefc and its version" grep -q "^Creator: *briefc $("$BRIEFC" --version | cut -d' ' -f2)\$" <<<"$info"
check "creation date is the report date at 00:00 +08:00" grep -q '^CreationDate: *2017-08-30T00:00:00+08' <<<"$info"
check "PDF version is at least 1.5" grep -Eq '^PDF version: *1\.[5-7]$' <<<"$info"
pages=$(awk '/^Pages:/ {print $2}' <<<"$info")
check "booklet has cover, contents and body pages ($pages)" test "${pages:-0}" -ge 4

# Page labels: cover, contents in roman numerals, body from 1.
check "page labels: contents i, body 1" bash -c "pdfinfo -f 1 -l 3 '$yaml_pdf' | grep -q . && \
  python3 - '$yaml_pdf' <<'PY'
import subprocess, sys
out = subprocess.run(['qpdf', '--json', '--json-key=pagelabels', sys.argv[1]], capture_output=True, text=True).stdout
assert '\"/S\": \"/r\"' in out and '\"/S\": \"/D\"' in out, out
PY"

# Bookmarks mirror the headings.
outline=$(mutool show "$yaml_pdf" outline 2>/dev/null)
check "bookmarks for every top-level section" bash -c "grep -q '一、会议概况' <<<'$outline' && grep -q '三、以“四硬”精神全面推进罗湖振兴' <<<'$outline' && grep -q '（七）推进从严治党向纵深发展' <<<'$outline'"

# SOURCE_DATE_EPOCH wins over the report date.
SOURCE_DATE_EPOCH=1500000000 "$BRIEFC" build data/luohu-2017.yaml -o "$WORK/epoch.pdf" 2>/dev/null
check "SOURCE_DATE_EPOCH sets the dates" bash -c "pdfinfo -isodates '$WORK/epoch.pdf' | grep -q 'CreationDate: *2017-07-14T02:40:00'"

# Contents entries are links into the body.
qpdf --qdf --object-streams=disable "$yaml_pdf" "$WORK/qdf.pdf" 2>/dev/null
links=$(grep -ac '/Subtype /Link' "$WORK/qdf.pdf")
check "contents entries are links ($links)" test "$links" -ge 10
finish
