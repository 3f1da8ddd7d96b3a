#!/usr/bin/env bash
# The command line: help, version, usage errors, `check`, output paths, and
# bad input — a clear error at the right place, exit 1, and nothing written.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

expect_status() { # status, command…
  local want=$1
  shift
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, expected $want"; cat "$WORK/err"; return 1; }
}

check "--help exits 0 and shows usage" bash -c "'$BRIEFC' --help | grep -q 'briefc build REPORT'"
check "--version prints the version" bash -c "'$BRIEFC' --version | grep -Eq '^briefc [0-9]+\.[0-9]+\.[0-9]+$'"
check "no arguments is a usage error (2)" expect_status 2 "$BRIEFC"
check "unknown command is a usage error (2)" expect_status 2 "$BRIEFC" frobnicate data/luohu-2017.yaml
check "unknown option is a usage error (2)" expect_status 2 "$BRIEFC" build data/luohu-2017.yaml --bogus
check "missing option value is a usage error (2)" expect_status 2 "$BRIEFC" build data/luohu-2017.yaml -o
check "check accepts the example (0)" expect_status 0 "$BRIEFC" check data/luohu-2017.yaml
check "check writes nothing" bash -c "! ls '$WORK'/*.pdf 2>/dev/null"

# Default output: beside the report, with .pdf.
cp data/luohu-2017.yaml "$WORK/report.yaml"
check "default output is REPORT.pdf beside it" bash -c "'$BRIEFC' build '$WORK/report.yaml' 2>/dev/null && test -s '$WORK/report.pdf'"
check "-l picks a layout by name" expect_status 0 "$BRIEFC" build data/luohu-2017.yaml -l a5-booklet -o "$WORK/a5.pdf"
check "A5 layout gives A5 pages" bash -c "pdfinfo '$WORK/a5.pdf' | grep -q 'Page size: *419.5[0-9]* x 595.2[0-9]* pts'"
check "-l takes a path too" expect_status 0 "$BRIEFC" check data/luohu-2017.yaml -l layouts/a5-booklet.yaml
check "an unknown layout is an input error (1)" expect_status 1 "$BRIEFC" check data/luohu-2017.yaml -l no-such-layout

# Options written --name=VALUE, and each command's own help.
check "--layout=NAME --output=FILE" expect_status 0 "$BRIEFC" build data/luohu-2017.yaml --layout=a5-booklet --output="$WORK/eq.pdf"
check "… use that layout and that file" bash -c "pdfinfo '$WORK/eq.pdf' | grep -q 'Page size: *419.5'"
check "-lNAME -oFILE (joined) too" expect_status 0 "$BRIEFC" build data/luohu-2017.yaml -la5-booklet -o"$WORK/joined.pdf"
check "… the same PDF" cmp "$WORK/eq.pdf" "$WORK/joined.pdf"
check "--layout= with nothing is a usage error (2)" expect_status 2 "$BRIEFC" check data/luohu-2017.yaml --layout=
check "-- ends the options" expect_status 0 "$BRIEFC" check -l a4-report -- data/luohu-2017.yaml
check "build --help exits 0" expect_status 0 "$BRIEFC" build --help
check "… explains build and its options" bash -c "grep -q 'usage: briefc build REPORT' '$WORK/out' && grep -q -- '--output=FILE' '$WORK/out' && grep -q -- '-q, --quiet' '$WORK/out' && grep -q -- '-o -' '$WORK/out'"
check "check --help exits 0" expect_status 0 "$BRIEFC" check --help
check "… explains check, without -o" bash -c "grep -q 'usage: briefc check REPORT' '$WORK/out' && grep -q -- '--layout=NAME' '$WORK/out' && ! grep -q -- '--output' '$WORK/out'"
check "watch --help exits 0" expect_status 0 "$BRIEFC" watch --help
check "… explains watch" grep -q 'usage: briefc watch REPORT' "$WORK/out"
check "--help lists the three commands" bash -c "'$BRIEFC' --help | grep -q 'briefc watch REPORT'"

# Where a layout name is found: the report's own layouts/ first, then the
# current folder's, then the installed ones (from any current folder).
mkdir -p "$WORK/proj/layouts" "$WORK/here/layouts"
cp data/luohu-2017.yaml "$WORK/proj/report.yaml"
printf 'briefc-layout: 1\nextends: a4-report\npage: {size: A3}\n' >"$WORK/proj/layouts/county.yaml"
printf 'briefc-layout: 1\nextends: a4-report\npage: {size: B5}\n' >"$WORK/here/layouts/town.yaml"
printf 'briefc-layout: 1\nextends: a4-report\npage: {size: B5}\n' >"$WORK/here/layouts/county.yaml"
in_here() { (cd "$WORK/here" && "$@"); }
check "-l NAME finds layouts/NAME.yaml beside the report" in_here expect_status 0 "$BRIEFC" build ../proj/report.yaml -l county -o "$WORK/county.pdf"
check "… before the current folder's" bash -c "pdfinfo '$WORK/county.pdf' | grep -q 'Page size: *841.8'"
check "-l NAME finds the current folder's layouts/NAME.yaml" in_here expect_status 0 "$BRIEFC" build ../proj/report.yaml -l town -o "$WORK/town.pdf"
check "… B5" bash -c "pdfinfo '$WORK/town.pdf' | grep -q 'Page size: *498.8'"
check "the installed layouts are found from any folder" in_here expect_status 0 "$BRIEFC" build ../proj/report.yaml -l a5-booklet -o "$WORK/any.pdf"
sed 's/^  layout: a4-report$/  layout: county/' "$WORK/proj/report.yaml" >"$WORK/proj/meta.yaml"
check "meta.layout is looked up the same way" in_here expect_status 0 "$BRIEFC" build ../proj/meta.yaml -o "$WORK/meta.pdf"
check "… (layouts/county.yaml beside the report)" bash -c "pdfinfo '$WORK/meta.pdf' | grep -q 'Page size: *841.8'"
sed 's|^  layout: a4-report$|  layout: layouts/county.yaml|' "$WORK/proj/report.yaml" >"$WORK/proj/path.yaml"
check "a relative meta.layout path is taken from the report's folder" in_here expect_status 0 "$BRIEFC" build ../proj/path.yaml -o "$WORK/path.pdf"
check "… (not the current folder's)" bash -c "pdfinfo '$WORK/path.pdf' | grep -q 'Page size: *841.8'"
check "an unknown name says where it looked" in_here expect_status 1 "$BRIEFC" check ../proj/report.yaml -l nowhere
check "… in the three places, in order" grep -q "layout 'nowhere' not found (looked in ../proj/layouts/, layouts/, .*share/briefc/layouts/)" "$WORK/err"

# Bad input: exit 1, file:line:col, and the PDF already at the output path untouched.
echo "previous good booklet" >"$WORK/keep.pdf"
bad() { # description, expected message (grep -E), report text
  local what=$1 want=$2 file=$WORK/bad.${4:-yaml}
  printf '%s' "$3" >"$file"
  "$BRIEFC" build "$file" -o "$WORK/keep.pdf" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [ "$got" -ne 1 ]; then fail "$what: exit $got, expected 1"; cat "$WORK/err"; return; fi
  if ! grep -Eq "$want" "$WORK/err"; then fail "$what: no message matching '$want'"; cat "$WORK/err"; return; fi
  if [ "$(cat "$WORK/keep.pdf")" != "previous good booklet" ]; then fail "$what: output overwritten"; return; fi
  if ls "$WORK"/keep.pdf.* >/dev/null 2>&1; then fail "$what: temporary file left behind"; return; fi
  pass "$what"
}
META='briefc: 1
meta:
  title: 标题
  date: 2017-08-30
'
bad "malformed YAML" 'bad\.yaml:[0-9]+:[0-9]+: error: ' "$META"'sections: [ {title: x}
'
bad "empty file" 'bad\.yaml(:[0-9]+:[0-9]+)?: error: ' ''
bad "not UTF-8" 'bad\.yaml:[0-9]+:[0-9]+: error: .*UTF-8' "$(printf 'briefc: 1\nmeta:\n  title: \xb1\xea\xcc\xe2\n')"
bad "missing meta.title" 'bad\.yaml:2:1: error: .*title' 'briefc: 1
meta:
  date: 2017-08-30
sections:
  - title: 一
'
bad "missing meta.date" 'bad\.yaml:2:1: error: .*date' 'briefc: 1
meta:
  title: 标题
sections:
  - title: 一
'
bad "unknown key, with a suggestion" "bad\.yaml:6:5: error: unknown key 'titel'.*title" "$META"'sections:
  - titel: 一
'
bad "duplicate key" "bad\.yaml:4:3: error: duplicate key 'date'" 'briefc: 1
meta:
  date: 2017-08-30
  date: 2017-08-31
  title: 标题
sections:
  - title: 一
'
bad "a list where text belongs" 'bad\.yaml:3:10: error: ' 'briefc: 1
meta:
  title: [a, b]
  date: 2017-08-30
sections:
  - title: 一
'
bad "a quoted number where a number belongs" 'bad\.yaml:1:9: error: .*number' 'briefc: "1"
meta:
  title: 标题
  date: 2017-08-30
sections:
  - title: 一
'
bad "an invalid date" 'bad\.yaml:4:9: error: .*2017-02-30' 'briefc: 1
meta:
  title: 标题
  date: 2017-02-30
sections:
  - title: 一
'
bad "briefc: 2" 'bad\.yaml:1:9: error: .*version' 'briefc: 2
meta:
  title: 标题
  date: 2017-08-30
sections:
  - title: 一
'
bad "a section without a title" 'bad\.yaml:6:5: error: .*title' "$META"'sections:
  - content:
      - 段落。
'
bad "several errors in one run" 'bad\.yaml:3:3: error: ' 'briefc: 1
meta:
  titel: 标题
  date: 2017-08-30
sections:
  - content: [段落。]
'
check "… all of them" grep -q 'bad\.yaml:6:5: error: ' "$WORK/err"
bad "a character no installed font has" 'bad\.yaml:8:11: error: .*U\+10FFFD' "$META"'sections:
  - title: 一
    content:
      - 罗湖'$'\xf4\x8f\xbf\xbd''区
'
bad "JSON with a trailing comma" 'bad\.json:[0-9]+:[0-9]+: error: ' '{"briefc": 1, "meta": {"title": "t", "date": "2017-08-30",}, "sections": [{"title": "a"}]}' json
bad "JSON with a comment" 'bad\.json:1:1: error: .*comment' '/* c */ {"briefc": 1}' json
bad "JSON with single quotes" 'bad\.json:1:2: error: ' "{'briefc': 1}" json
printf 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n' >"$WORK/bomb.yaml"
for l in b c d e f g h i j k l m n; do
  p=$(printf '%s' "$l" | tr 'b-n' 'a-m')
  printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $l $l $p $p $p $p $p $p $p $p $p $p >>"$WORK/bomb.yaml"
done
check "a YAML alias bomb is rejected quickly" bash -c "timeout 5 '$BRIEFC' check '$WORK/bomb.yaml'; test \$? -eq 1"

# A layout naming only families that are not installed.
cat >"$WORK/nofont.yaml" <<'YAML'
briefc-layout: 1
extends: a4-report
fonts:
  body: [No Such Family, Another Missing Face]
YAML
check "a font role with no installed family is an error (1)" expect_status 1 "$BRIEFC" check data/luohu-2017.yaml -l "$WORK/nofont.yaml"
check "… naming the families and the place" grep -q 'nofont.yaml:4:[0-9]*: error: .*No Such Family' "$WORK/err"

# An output that cannot be written: exit 3, and nothing left behind.
check "an unwritable output is exit 3" expect_status 3 "$BRIEFC" build data/luohu-2017.yaml -o "$WORK/no/such/dir/x.pdf"
finish
