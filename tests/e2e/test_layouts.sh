#!/usr/bin/env bash
# Layout values that cannot be typeset (issue 7, item 6): each is an error
# at its line with the range accepted (exit 1, no PDF written, the previous
# one kept); dubious values are warnings and the booklet is still built.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

layout() { # name, yaml body (after extends: a4-report, from line 3)
  printf 'briefc-layout: 1\nextends: a4-report\n%s\n' "$2" >"$WORK/$1.yaml"
}
# The build fails with exit 1, prints exactly this first error, and leaves
# the PDF that was there before untouched.
refused() { # layout name, expected first line of stderr (after the layout's path)
  local out="$WORK/$1.pdf" status
  printf 'previous booklet\n' >"$out"
  "$BRIEFC" build data/luohu-2017.yaml -l "$WORK/$1.yaml" -o "$out" 2>"$WORK/$1.err"
  status=$?
  [ "$status" -eq 1 ] || { echo "exit $status, want 1"; cat "$WORK/$1.err"; return 1; }
  [ "$(head -1 "$WORK/$1.err")" = "$WORK/$1.yaml:$2" ] ||
    { echo "want: $WORK/$1.yaml:$2"; echo "got:"; cat "$WORK/$1.err"; return 1; }
  [ "$(cat "$out")" = "previous booklet" ] || { echo "the previous PDF was replaced"; return 1; }
  [ -z "$(find "$WORK" -name "$1.pdf.*")" ] || { echo "a temporary file was left behind"; return 1; }
}

layout huge 'page: {size: [100000, 100000]}'
check "a page beyond PDF's limits is an input error at its line, not libharu's 0x1054" refused huge \
  '3:15: error: a page width of 100000 mm is beyond what a PDF page can be: 1.06 mm to 5080 mm (3 pt to 14400 pt)'

layout bigtype 'styles: {body: {size: 10000pt}}'
check "a type size that cannot fit the type area" refused bigtype \
  '3:23: error: a size of 10000 pt does not fit the type area (156 × 239 mm): sizes may be 1 to 442.2 pt here (style body)'

layout indent 'styles: {body: {indent: 100000}}'
check "an indent wider than the measure" refused indent \
  '3:25: error: an indent of 100000 em (423333.33 mm) leaves no room for the first line in a type area 156 mm wide: it may be 0 to 35.85 em (151.77 mm) here (style body)'

layout header 'page: {header_offset: 500}'
check "a running header off the page" refused header \
  '3:23: error: header_offset 500 mm puts the running header off the page (a top margin of 30 mm, a size of 9 pt): it may be 0 to 26.82 mm here'

layout footer 'page: {footer_offset: 30}'
check "a page number off the page" refused footer \
  '3:23: error: footer_offset 30 mm puts the page number off the page (a bottom margin of 28 mm, a size of 14 pt): it may be 0 to 23.06 mm here'

layout lead0 'styles: {body: {leading: 0}}'
check "a leading of 0" refused lead0 \
  '3:26: error: a leading of 0 sets every line on top of the one before: give a multiple of the size (1.2 to 2 is usual) or a pitch such as 28pt'

layout speck 'styles: {body: {size: 0.0001pt}}'
check "a type size of 0.0001 pt" refused speck \
  "3:23: error: a type size must be at least 1 pt, not '0.0001pt' (0.0001 pt)"

layout centre 'styles: {body: {align: centre}}'
check "align: centre suggests center" refused centre \
  "3:24: error: expected justify, left, center or right (did you mean 'center'?)"

# Dubious but printable: a warning at the line, and the booklet is built.
layout tight 'styles: {closing: {leading: 0.9}}'
warned() {
  "$BRIEFC" build data/luohu-2017.yaml -l "$WORK/tight.yaml" -o "$WORK/tight.pdf" 2>"$WORK/tight.err" ||
    { cat "$WORK/tight.err"; return 1; }
  grep -qxF "$WORK/tight.yaml:3:29: warning: a leading of 10.8 pt is less than the size (12 pt): the lines will touch or overlap (style closing)" "$WORK/tight.err" ||
    { cat "$WORK/tight.err"; return 1; }
  readers_quiet "$WORK/tight.pdf"
}
check "a leading under the size is a warning, and the booklet is built" warned

quiet() { # layout
  "$BRIEFC" check data/luohu-2017.yaml -l "$1" 2>"$WORK/quiet.err" && [ ! -s "$WORK/quiet.err" ] ||
    { cat "$WORK/quiet.err"; return 1; }
}
check "a4-report passes every check without a word" quiet a4-report
check "a5-booklet passes every check without a word" quiet a5-booklet
finish
