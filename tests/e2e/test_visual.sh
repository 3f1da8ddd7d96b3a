#!/usr/bin/env bash
# Visual regression: the cover, the contents, the first two body pages (the
# second holds table 1), the summary of work areas and a page of task tables
# of the example, and the first page of each example in each official and
# phone layout, rendered by poppler and compared with tests/ref/ within a
# small tolerance. To update on purpose: BRIEFC_UPDATE_REFS=1 bash tests/e2e/test_visual.sh build/briefc
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

"$BRIEFC" build data/luohu-2017.yaml -o "$WORK/b.pdf" 2>/dev/null || { fail "example builds"; finish; exit 1; }
pdftoppm -r 60 -png -f 1 -l 6 "$WORK/b.pdf" "$WORK/page"
names=(cover contents body-1 body-2 summary tasks)
for i in 1 2 3 4 5 6; do
  got=$(ls "$WORK"/page-*"$i".png | head -n 1)
  ref=tests/ref/${names[$((i - 1))]}.png
  if [ "${BRIEFC_UPDATE_REFS:-}" = 1 ]; then
    cp "$got" "$ref"
    pass "updated $ref"
  else
    check "page $i matches $ref" python3 "$TOOLS/imgdiff.py" "$got" "$ref"
  fi
done
# The first page of each example in each new layout (tests/ref/official/).
mkdir -p tests/ref/official
for report in data/luohu-2017.yaml data/luohu-2017-briefing.yaml data/qingxi-notice-2024.yaml; do
  for layout in gbt9704 jianbao phone; do
    name=$(basename "${report%.yaml}")-$layout
    "$BRIEFC" build "$report" -l $layout -q -o "$WORK/$name.pdf" 2>/dev/null || { fail "$name builds"; continue; }
    pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$WORK/$name.pdf" "$WORK/$name"
    ref=tests/ref/official/$name.png
    if [ "${BRIEFC_UPDATE_REFS:-}" = 1 ]; then
      cp "$WORK/$name.png" "$ref"
      pass "updated $ref"
    else
      check "$name page 1 matches $ref" python3 "$TOOLS/imgdiff.py" "$WORK/$name.png" "$ref"
    fi
  done
done
finish
