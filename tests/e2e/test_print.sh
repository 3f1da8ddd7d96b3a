#!/usr/bin/env bash
# Print production, checked as a printing office would: numbered copies (the
# number on each copy, a file per copy, the cost of a copy), booklet sheets
# (each half's text against the unimposed page it must be), trim, bleed and
# crop marks (the boxes as pdfinfo reads them, the marks and the slug), pure
# CMYK with pure-K text (what MuPDF paints), a reference rendering of an
# imposed sheet with marks, and the usage errors that write nothing.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

R=data/luohu-2017.yaml
squash() { tr -d ' \n\f\t'; } # text without the spaces and breaks layout puts in
export -f squash
page_text() { pdftotext -f "$2" -l "$2" "$1" - | squash; }
npages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# ---- numbered copies ----
"$BRIEFC" build -q "$R" -o "$WORK/one.pdf"
check "--copies 1-3 builds" "$BRIEFC" build -q "$R" --copies 1-3 -o "$WORK/c3.pdf"
n=$(npages "$WORK/one.pdf")
check "three copies have three times the pages ($n each)" test "$(npages "$WORK/c3.pdf")" -eq $((3 * n))
for k in 1 2 3; do
  first=$(((k - 1) * n + 1))
  check "copy $k's cover starts with its number 00000$k" \
    bash -c "pdftotext -f $first -l $first '$WORK/c3.pdf' - | head -1 | grep -qx 00000$k"
  check "copy $k's last page is the booklet's last page" \
    test "$(page_text "$WORK/c3.pdf" $((k * n)))" = "$(page_text "$WORK/one.pdf" "$n")"
done
check "copies: readers quiet" readers_quiet "$WORK/c3.pdf"
check "copies: fonts embedded and subset" fonts_embedded "$WORK/c3.pdf"
check "copies: page labels name the copy (000002-1)" \
  bash -c "pdfinfo -f $((n + 1)) -l $((n + 1)) '$WORK/c3.pdf' >/dev/null; qpdf --json '$WORK/c3.pdf' | grep -q '000002-'"

# --copies overrides meta.copy (full.yaml says 000123)
"$BRIEFC" build -q tests/fixtures/report/full.yaml --copies 5,9,12-13 -o "$WORK/full.pdf"
m=$(npages "$WORK/full.pdf")
check "5,9,12-13 makes four copies" test $((m % 4)) -eq 0
per=$((m / 4))
got=$(for k in 0 1 2 3; do pdftotext -f $((k * per + 1)) -l $((k * per + 1)) "$WORK/full.pdf" - | head -1; done | tr '\n' ' ')
check "the copies are numbered 000005 000009 000012 000013, not meta.copy ($got)" \
  test "$got" = "000005 000009 000012 000013 "
check "meta.copy 000123 appears on no copy" bash -c "! pdftotext '$WORK/full.pdf' - | grep -q 000123"

# a copy costs its pages' dictionaries and its number, not its content
"$BRIEFC" build -q "$R" --copies 1-21 -o "$WORK/c21.pdf"
one=$(stat -c %s "$WORK/one.pdf") c21=$(stat -c %s "$WORK/c21.pdf")
per_copy=$(((c21 - one) / 20))
check "each further copy adds at most 2 KB ($per_copy bytes)" test $per_copy -le 2048
check "the fonts are subset once: as many font files as one copy has" \
  test "$(pdffonts "$WORK/c21.pdf" | wc -l)" -eq "$(pdffonts "$WORK/one.pdf" | wc -l)"

# the copy mark: a small number on every page, for leak tracing
printf 'briefc-layout: 1\nextends: a4-report\nprint:\n  copy_mark: {position: footer}\n' >"$WORK/mark.yaml"
check "print.copy_mark builds" "$BRIEFC" build -q "$R" -l "$WORK/mark.yaml" --copies 17-18 -o "$WORK/mark.pdf"
marks=$(for p in $(seq 1 $((2 * n))); do pdftotext -f $p -l $p "$WORK/mark.pdf" - | grep -cx '00001[78]'; done | paste -sd+ | bc)
check "every page of both copies carries its copy's number ($marks of $((2 * n)))" test "$marks" -ge $((2 * n))
check "without --copies the copy mark is not drawn" \
  bash -c "'$BRIEFC' build -q '$R' -l '$WORK/mark.yaml' -o '$WORK/nomark.pdf' && ! pdftotext '$WORK/nomark.pdf' - | grep -qx '000001'"

# --split: a file per copy
check "--split writes a file per copy" "$BRIEFC" build -q "$R" --copies 7-9 --split -o "$WORK/split.pdf"
for k in 7 8 9; do
  f=$WORK/split-00000$k.pdf
  check "split: $(basename "$f") is copy $k alone" \
    bash -c "test -f '$f' && [ \$(pdfinfo '$f' | awk '/^Pages:/ {print \$2}') -eq $n ] && pdftotext -f 1 -l 1 '$f' - | head -1 | grep -qx 00000$k"
done
check "split: no file of the whole" test ! -e "$WORK/split.pdf"
check "split: readers quiet" readers_quiet "$WORK/split-000008.pdf"

# ---- booklet imposition ----
"$BRIEFC" build -q "$R" -l a5-booklet -o "$WORK/a5.pdf"
check "--impose booklet builds" "$BRIEFC" build -q "$R" -l a5-booklet --impose booklet -o "$WORK/imp.pdf"
pages=$(npages "$WORK/a5.pdf")
padded=$(((pages + 3) / 4 * 4))
check "$pages pages make $((padded / 2)) sheet sides" test "$(npages "$WORK/imp.pdf")" -eq $((padded / 2))
size=$(pdfinfo "$WORK/imp.pdf" | awk '/^Page size:/ { printf "%.0f x %.0f", $3, $5 }')
check "A5 pages on sheets twice their size, A4 landscape as ISO rounds it ($size)" test "$size" = "839 x 595"
half() { # pdf side left|right → the text of that half
  local x=0
  [ "$3" = right ] && x=421
  pdftotext -f "$2" -l "$2" -r 72 -x $x -y 0 -W 421 -H 595 "$1" - | squash
}
for side in $(seq 1 $((padded / 2))); do
  sheet=$(((side - 1) / 2))
  if [ $((side % 2)) -eq 1 ]; then # front: the last pages and the first
    left=$((padded - 2 * sheet)) right=$((2 * sheet + 1))
  else # back
    left=$((2 * sheet + 2)) right=$((padded - 2 * sheet - 1))
  fi
  for h in left right; do
    p=${!h}
    if [ "$p" -le "$pages" ]; then want=$(page_text "$WORK/a5.pdf" "$p"); else want=; fi
    check "side $side, $h half: page $p" test "$(half "$WORK/imp.pdf" "$side" $h)" = "$want"
  done
done
check "imposed: readers quiet" readers_quiet "$WORK/imp.pdf"
check "imposed: the structure tree is whole and reads in the report's order" \
  python3 "$TOOLS/structcheck.py" "$WORK/imp.pdf" "$R" tests/fixtures/seed.txt
check "copies: the structure tree is whole (every copy's pages in the parent tree)" \
  python3 "$TOOLS/structcheck.py" "$WORK/c3.pdf" "$R" tests/fixtures/seed.txt
check "imposed: links lead to sheets (every link's destination is a page of the file)" \
  bash -c "mutool show '$WORK/imp.pdf' trailer/Root/Outlines >/dev/null"

# padding: a report of 9 A4 pages gets 3 truly blank pages
"$BRIEFC" build -q "$R" --impose booklet -o "$WORK/imp4.pdf"
check "A4 pages on A3 sheets" test "$(pdfinfo "$WORK/imp4.pdf" | awk '/^Page size:/ { printf "%.0f x %.0f", $3, $5 }')" = "1191 x 842"
mutool trace "$WORK/imp4.pdf" >"$WORK/imp4.xml" 2>/dev/null
check "the padding is truly blank: nothing drawn on the left half of the first side" \
  python3 "$TOOLS/sheet.py" empty "$WORK/imp4.xml" 1 0 0 595 842
check "the checker can fail: page 1 on the right half is not blank" \
  bash -c "! python3 '$TOOLS/sheet.py' empty '$WORK/imp4.xml' 1 596 0 1190 842 >/dev/null"

# ---- marks, boxes, bleed ----
check "--marks on a5-print builds" "$BRIEFC" build -q "$R" -l a5-print --marks -o "$WORK/marks.pdf"
boxes=$(pdfinfo -box -f 1 -l 1 "$WORK/marks.pdf")
box() { awk -v b="$1" '$3 == b":" { print $4, $5, $6, $7 }' <<<"$boxes"; }
read -r tx0 ty0 tx1 ty1 <<<"$(box TrimBox)"
read -r bx0 by0 bx1 by1 <<<"$(box BleedBox)"
read -r mx0 my0 mx1 my1 <<<"$(box MediaBox)"
check "TrimBox is the A5 page ($tx0 $ty0 $tx1 $ty1)" \
  python3 -c "import sys; w,h=$tx1-$tx0,$ty1-$ty0; sys.exit(abs(w-419.53)>0.1 or abs(h-595.28)>0.1)"
check "BleedBox is 3 mm larger on every side" \
  python3 -c "import sys; d=[$tx0-$bx0,$ty0-$by0,$bx1-$tx1,$by1-$ty1]; sys.exit(any(abs(v-8.504)>0.05 for v in d))"
check "MediaBox leaves room outside the bleed" \
  python3 -c "import sys; sys.exit(not ($mx0 < $bx0 and $my0 < $by0 and $mx1 > $bx1 and $my1 > $by1))"
check "the slug names the report, its version and the page" \
  bash -c "pdftotext -f 1 -l 1 '$WORK/marks.pdf' - | squash | grep -q '罗湖区委七届四次全会会议简报·第1版·第1页'"
mutool trace -p 1 "$WORK/marks.pdf" >"$WORK/marks.xml" 2>/dev/null
check "crop marks: eight strokes outside the trim, on the lines of its edges" \
  python3 "$TOOLS/sheet.py" marks "$WORK/marks.xml" 1 "$tx0" "$ty0" "$tx1" "$ty1"
mutool trace -p 1 "$WORK/one.pdf" >"$WORK/one1.xml" 2>/dev/null
check "the checker can fail: a booklet without --marks has none" \
  bash -c "! python3 '$TOOLS/sheet.py' marks '$WORK/one1.xml' 1 0 0 595.28 841.89 >/dev/null"
check "marks: readers quiet" readers_quiet "$WORK/marks.pdf"

check "--impose booklet --marks builds" "$BRIEFC" build -q "$R" -l a5-print --impose booklet --marks -o "$WORK/sheet.pdf"
check "imposed with marks: the slug names sheet and side" \
  bash -c "pdftotext -f 2 -l 2 '$WORK/sheet.pdf' - | squash | grep -q '第1张背面'"
check "imposed with marks: readers quiet" readers_quiet "$WORK/sheet.pdf"
pdftoppm -r 60 -png -f 1 -l 1 "$WORK/sheet.pdf" "$WORK/sheet"
ref=tests/ref/imposed-sheet-1.png
if [ "${BRIEFC_UPDATE_REFS:-}" = 1 ]; then cp "$WORK"/sheet-1.png "$ref"; fi
check "the first imposed sheet with marks matches $ref" python3 "$TOOLS/imgdiff.py" "$WORK/sheet-1.png" "$ref"

# ---- CMYK ----
mutool trace "$WORK/sheet.pdf" >"$WORK/sheet.xml" 2>/dev/null
check "a5-print: every fill and stroke DeviceCMYK or DeviceGray, black text pure K" \
  python3 "$TOOLS/inks.py" --cmyk "$WORK/sheet.xml"
check "a5-print: body text is painted 0 0 0 1" \
  bash -c "python3 '$TOOLS/inks.py' '$WORK/sheet.xml' | grep -q '^fill_text DeviceCMYK 0 0 0 1 '"
mutool trace "$WORK/one.pdf" >"$WORK/one.xml" 2>/dev/null
check "the checker can fail: an RGB booklet is not CMYK" bash -c "! python3 '$TOOLS/inks.py' --cmyk '$WORK/one.xml' 2>/dev/null >&2"
printf 'briefc-layout: 1\nextends: a5-print\ncolors:\n  accent: "#c00000"\n' >"$WORK/rgb.yaml"
"$BRIEFC" build "$R" -l "$WORK/rgb.yaml" -o "$WORK/rgb.pdf" 2>"$WORK/rgb.err"
check "an RGB colour in a CMYK layout is an error at its line" grep -q "rgb.yaml:4:[0-9]*: error: .*cmyk" "$WORK/rgb.err"
check "... and nothing is written" test ! -e "$WORK/rgb.pdf"

# ---- usage errors: exit 2, nothing written ----
usage() { # description, arguments…
  local what=$1
  shift
  rm -f "$WORK/u.pdf"
  "$BRIEFC" build "$R" "$@" -o "$WORK/u.pdf" 2>"$WORK/u.err"
  local status=$?
  check "$what: exit 2 ($(head -1 "$WORK/u.err"))" test $status -eq 2
  check "$what: nothing written" test ! -e "$WORK/u.pdf"
}
usage "a malformed range" --copies 1-x
usage "a range backwards" --copies 9-5
usage "copy 0" --copies 0
usage "a copy named twice" --copies 3,1-5
usage "more than 100,000 copies" --copies 1-100001
usage "a seven-digit copy" --copies 1000000
usage "an unknown scheme" --impose saddle
usage "--split without --copies" --split
finish
