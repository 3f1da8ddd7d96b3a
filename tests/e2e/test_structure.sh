#!/usr/bin/env bash
# The structure checker catches what it is there to catch: each violation is
# planted in a copy of the tree and must be reported (the real tree is checked
# by the test structure.stages).
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"
STAGES=${BRIEFC_BUILD_DIR:?}/stages.txt
CHECK=$ROOT/tests/tools/check_structure.py

fresh_copy() {
  rm -rf "$WORK/tree" && mkdir -p "$WORK/tree" && cp -r src README.md "$WORK/tree/"
}
reports() { # description, expected output pattern
  local what=$1 pattern=$2
  if python3 "$CHECK" --root "$WORK/tree" "$STAGES" >"$WORK/out" 2>&1; then
    fail "$what: the checker passed"
  elif grep -q -- "$pattern" "$WORK/out"; then
    pass "$what"
  else
    fail "$what: not reported as expected"
    sed 's/^/     /' "$WORK/out"
  fi
}

fresh_copy
check "the tree as it is passes the include and README checks" \
  python3 "$CHECK" --root "$WORK/tree" "$STAGES"

fresh_copy
sed -i '1i #include <hpdf.h>' "$WORK/tree/src/layout/page.c"
reports "libharu in layout" "src/layout/page.c:1: stage 'layout' may not include <hpdf.h>"

fresh_copy
sed -i '1i #include <yaml.h>' "$WORK/tree/src/text/shape.c"
reports "libyaml in text" "stage 'text' may not include <yaml.h>"

fresh_copy
sed -i '1i #include <unicode/ubrk.h>' "$WORK/tree/src/layout/grid.c"
reports "ICU in layout" "stage 'layout' may not include <unicode/ubrk.h>"

fresh_copy
sed -i '1i #include <hb-subset.h>' "$WORK/tree/src/text/font.c"
reports "hb-subset in text" "stage 'text' may not include <hb-subset.h>"

fresh_copy
sed -i '1i #include "../text/text_internal.h"' "$WORK/tree/src/layout/body.c"
reports "another stage's internal header" "only text.h is the text stage's contract"

fresh_copy
sed -i '1i #include "../layout/layout.h"' "$WORK/tree/src/text/breaks.c"
reports "a later stage's header" "stage 'text' may not use 'layout' (a later stage)"

fresh_copy
sed -i 's/^| `src\/style\/` .*$//' "$WORK/tree/README.md"
reports "the README's table without a stage" "README.md: the table of stages lists"

fresh_copy
sed -i 's/^| `src\/text\/` | `text.h` | base, style |/| `src\/text\/` | `text.h` | base |/' "$WORK/tree/README.md"
reports "the README's table with a stage's uses wrong" "README.md: stage text uses"

# Names and loops are read from object files: two small files of a stage
# that call each other, one exporting a name without the prefix.
fresh_copy
mkdir -p "$WORK/obj/src/layout"
printf 'void layout_b(void);\nvoid layout_a(void) { layout_b(); }\n' >"$WORK/obj/a.c"
printf 'void layout_a(void);\nvoid layout_b(void) { layout_a(); }\nint stray(void) { return 1; }\n' >"$WORK/obj/b.c"
cc -c "$WORK/obj/a.c" -o "$WORK/obj/src/layout/a.c.o"
cc -c "$WORK/obj/b.c" -o "$WORK/obj/src/layout/b.c.o"
python3 "$CHECK" --root "$WORK/tree" "$STAGES" "$WORK/obj/src/layout/a.c.o" \
  "$WORK/obj/src/layout/b.c.o" >"$WORK/out" 2>&1
check "a loop between two files is reported" grep -q 'src/layout/: files call each other in a loop: a.c -> b.c, b.c -> a.c' "$WORK/out"
check "a name without the prefix is reported" grep -q "src/layout/b.c: exports 'stray'" "$WORK/out"
finish
