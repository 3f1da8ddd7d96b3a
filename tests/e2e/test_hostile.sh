#!/usr/bin/env bash
# Hostile and careless reports, run through the real binary: deep nesting
# and alias bombs refused fast, numbers out of range, NUL and control
# characters, byte order marks, meta.layout naming a file that is no
# layout, and the messages for the usual slips. Every refusal must exit 1,
# print exactly the expected `file:line:col: error:` lines, write no PDF,
# and put no raw control character on the terminal.
source "$(dirname "$0")/../tools/common.sh"
cd "$WORK"

META='briefc: 1
meta: {title: 边界, date: 2017-08-30}
'
has_raw_control() { # file: any C0 control but line feed, DEL, or a C1 control in UTF-8
  LC_ALL=C grep -q -P '[\x01-\x09\x0B-\x1F\x7F]|\xC2[\x80-\x9F]' "$1"
}

# refused NAME FILE-TEXT EXPECTED-STDERR: build must fail with exactly that
# output (exit 1), leave no PDF, and keep the terminal safe.
refused() {
  local what=$1 file=$2 want=$3
  printf '%s' "$4" >"$file"
  rm -f out.pdf
  local start end rc
  start=$(date +%s%N)
  timeout 60 "$BRIEFC" build "$file" -o out.pdf 2>err
  rc=$?
  end=$(date +%s%N)
  ELAPSED_MS=$(((end - start) / 1000000))
  if [ "$rc" -ne 1 ]; then fail "$what: exit $rc, expected 1"; sed 's/^/     /' err | head; return; fi
  if [ -e out.pdf ]; then fail "$what: a PDF was written"; return; fi
  if has_raw_control err; then fail "$what: a raw control character reached the terminal"; return; fi
  if [ "$(cat err)" != "$want" ]; then
    fail "$what"
    diff <(echo "$want") err | sed 's/^/     /' | head -20
    return
  fi
  pass "$what"
}

# ------------------------------ item 2: nesting ------------------------------

# Half a second is the bound for the real binary; a sanitizer build runs
# several times slower, and the bound is there to catch seconds, not tens
# of milliseconds.
LIMIT_MS=500
if ldd "$BRIEFC" | grep -q libasan; then LIMIT_MS=2000; fi

python3 -c "n = 100000; print('x: ' + '[' * n + ']' * n)" >deep.txt
refused "100,000 nested YAML flow sequences" deep.yaml \
  "deep.yaml:1:515: error: nesting deeper than 512 levels" "$(cat deep.txt)"
check "… refused in under $LIMIT_MS ms (${ELAPSED_MS} ms)" test "$ELAPSED_MS" -lt "$LIMIT_MS"
python3 -c "n = 100000; print('{\"x\": ' + '[' * n + ']' * n + '}')" >deep.txt
refused "100,000 nested JSON arrays" deep.json \
  "deep.json:1:518: error: nesting deeper than 512 levels" "$(cat deep.txt)"
check "… refused in under $LIMIT_MS ms (${ELAPSED_MS} ms)" test "$ELAPSED_MS" -lt "$LIMIT_MS"

bomb='a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'
prev=a
for c in b c d e f g h i; do
  bomb+=$'\n'"$c: &$c [$(printf "*$prev, %.0s" 1 2 3 4 5 6 7 8)*$prev]"
  prev=$c
done
refused "an alias bomb (billion laughs)" bomb.yaml \
  "bomb.yaml:7:4: error: too many alias expansions (this would expand to more than 1000000 nodes)" \
  "$bomb"
check "… refused in under $LIMIT_MS ms (${ELAPSED_MS} ms)" test "$ELAPSED_MS" -lt "$LIMIT_MS"

# Seven anchors of 100 levels each, every one inside the next: 700 deep.
python3 -c "
print('a0: &a0 ' + '[' * 100 + 'x' + ']' * 100)
for i in range(1, 7):
    print('a%d: &a%d ' % (i, i) + '[' * 100 + '*a%d' % (i - 1) + ']' * 100)" >chain.txt
refused "aliases that nest deeper than 512 levels together" chain.yaml \
  "chain.yaml:6:109: error: nesting deeper than 512 levels (through alias '*a4')" "$(cat chain.txt)"

# ------------------------------ item 3: numbers ------------------------------

RANGE='(numbers are 0 or between 1e-15 and 1e15 in size, of either sign)'
refused "numbers that overflow or underflow a double" numbers.yaml \
  "numbers.yaml:7:31: error: number 1e999 is too large $RANGE
numbers.yaml:8:40: error: number 1e999 is too large $RANGE
numbers.yaml:9:31: error: number 1e-320 is too small $RANGE
numbers.yaml:10:50: error: number 1e999 is too large $RANGE" "$META"'sections:
  - title: 一
    content:
      - tasks:
          - {name: 甲, target: 1e999, done: 1}
          - {name: 乙, target: 1, done: 1e999}
          - {name: 丙, target: 1e-320, done: 1}
      - table: {columns: [x], rows: [[{progress: 1e999}]]}
'
refused "a number out of range in JSON" numbers.json \
  "numbers.json:1:136: error: number 1e400 is too large $RANGE" \
  '{"briefc": 1, "meta": {"title": "x", "date": "2017-08-30"}, "sections": [{"title": "一", "content": [{"tasks": [{"name": "甲", "target": 1e400}]}]}]}'

# --------------------------- items 4 and 7: NUL, controls ---------------------------

CONTROL='remove it (tab and line feed are the only control characters allowed)'
refused "NUL in YAML text and in meta.layout" nul.yaml \
  "nul.yaml:2:18: error: NUL character (U+0000) in text; remove it
nul.yaml:2:51: error: expected a layout name (letters, digits, '.', '_', '-', such as a4-report) or the path of a .yaml, .yml or .json layout file, got 'a4-report'
nul.yaml:2:61: error: NUL character (U+0000) in text; remove it" 'briefc: 1
meta: {title: "主题\0隐藏", date: 2017-08-30, layout: "a4-report\0/../../etc/passwd"}
sections:
  - title: 一
'
refused "NUL in JSON text" nul.json \
  'nul.json:1:36: error: NUL character (U+0000) in text; remove it' \
  '{"briefc": 1, "meta": {"title": "主题\u0000隐藏", "date": "2017-08-30"}, "sections": [{"title": "一"}]}'
refused "ESC and BEL in a paragraph" esc.yaml \
  "esc.yaml:6:12: error: control character U+001B in text; $CONTROL
esc.yaml:7:12: error: control character U+0007 in text; $CONTROL" "$META"'sections:
  - title: 一
    content:
      - "警报\e[31m响起"
      - "铃声\a"
'
refused "ESC written as itself in YAML" rawesc.yaml \
  'rawesc.yaml:5:16: error: control character U+001B is not allowed' "$META"'sections:
  - title: 一
    content: [甲'$'\033''[2J乙]
'
refused "ESC as a JSON escape" esc.json \
  "esc.json:1:86: error: control character U+001B in text; $CONTROL" \
  '{"briefc": 1, "meta": {"title": "x", "date": "2017-08-30"}, "sections": [{"title": "一\u001b[31m"}]}'
refused "a C1 control no font has is named, not echoed" c1.json \
  'c1.json:1:101: error: no installed font has U+009B (a control character)' \
  '{"briefc": 1, "meta": {"title": "x", "date": "2017-08-30"}, "sections": [{"title": "一", "content": ["甲\u009b乙"]}]}'

# ------------------------------ item 5: byte order mark ------------------------------

printf '\xEF\xBB\xBF%s' "$META"'sections:
  - title: 一
    content: [正文。]
' >bom.yaml
check "a YAML report with a byte order mark builds" "$BRIEFC" build bom.yaml -o bom.pdf
check "… into a PDF every reader reads" readers_quiet bom.pdf
refused "columns on line 1 count from after the byte order mark" bomerr.yaml \
  "bomerr.yaml:1:1: error: unknown key 'briefcc' at the top level (did you mean 'briefc'? 'briefc' is required at the top level)" \
  $'\xEF\xBB\xBF''briefcc: 1
meta: {title: x, date: 2017-08-30}
sections: [{title: 一}]
'
refused "… in JSON too" bomerr.json \
  "bomerr.json:1:11: error: expected ':' after object key, got '1'" $'\xEF\xBB\xBF''{"briefc" 1}'

# ------------------------------ item 8: meta.layout ------------------------------

LAYOUT_WANTED="expected a layout name (letters, digits, '.', '_', '-', such as a4-report) or the path of a .yaml, .yml or .json layout file, got"
refused "meta.layout naming /etc/passwd" passwd.yaml \
  "passwd.yaml:2:44: error: $LAYOUT_WANTED '/etc/passwd'" \
  'briefc: 1
meta: {title: x, date: 2017-08-30, layout: /etc/passwd}
sections: [{title: 一}]
'
refused "meta.layout climbing out with ../" climb.yaml \
  "climb.yaml:2:44: error: $LAYOUT_WANTED '../../x'" \
  'briefc: 1
meta: {title: x, date: 2017-08-30, layout: ../../x}
sections: [{title: 一}]
'
mkdir -p sub/layouts
printf 'briefc-layout: 1\nextends: a4-report\n' >sub/layouts/mine.yaml
printf '%s' 'briefc: 1
meta: {title: x, date: 2017-08-30, layout: sub/layouts/mine.yaml}
sections: [{title: 一, content: [正文。]}]
' >ownlayout.yaml
check "meta.layout naming a .yaml layout file builds" "$BRIEFC" build ownlayout.yaml -o own.pdf

# ------------------------------ item 16: messages ------------------------------

refused "a paragraph with an ASCII ': '" colon.yaml \
  "colon.yaml:6:9: error: unknown key '县长指出' in content: a paragraph containing ': ' must be quoted, or use '：'" \
  "$META"'sections:
  - title: 一
    content:
      - 县长指出: 全年完成目标。
'
refused "a section title with an ASCII ': '" colontitle.yaml \
  "colontitle.yaml:4:14: error: mapping values are not allowed in this context; quote text that contains ': ', or write '：'" \
  "$META"'sections:
  - title: 总体: 情况
'
refused "a quoted number, 85%, 1,000" nearnum.yaml \
  "nearnum.yaml:8:21: error: expected a number, got '179' in quotes (remove the quotes)
nearnum.yaml:9:19: error: expected a number, got '85%' (write 85)
nearnum.yaml:11:21: error: expected a number, got '1,000' (write 1000)" "$META"'sections:
  - title: 一
    content:
      - tasks:
          - name: 甲
            target: "179"
            done: 85%
          - name: 乙
            target: 1,000
'
refused "an unclosed YAML quote points at where it opens" quote.yaml \
  "quote.yaml:2:15: error: unclosed quote: the string that starts here has no closing double quote (\")" \
  'briefc: 1
meta: {title: "罗湖, date: 2017-08-30}
sections: [{title: 一}]
'
refused "an unclosed JSON quote points at where it opens" quote.json \
  "quote.json:3:12: error: unclosed string: no closing '\"' before the end of the line (write a line break inside a string as \\n)" \
  '{"briefc": 1,
 "meta": {
  "title": "罗湖,
  "date": "2017-08-30"}}
'
refused "a misspelt boolean" bool.yaml \
  "bool.yaml:6:58: error: expected true or false, got 'ture' (did you mean 'true'?)" "$META"'sections:
  - title: 一
    content:
      - tasks: [{name: 甲, target: 1, done: 1, estimated: ture}]
'
refused "a misspelt required key is one error" titel.yaml \
  "titel.yaml:3:3: error: unknown key 'titel' in meta (did you mean 'title'? 'title' is required in meta)" \
  'briefc: 1
meta:
  titel: 罗湖
  date: 2017-08-30
sections: [{title: 一}]
'
finish
