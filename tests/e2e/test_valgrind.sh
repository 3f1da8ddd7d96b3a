#!/usr/bin/env bash
# The example booklet and a bad report under valgrind: no invalid access, no
# leak (memcheck), no data race between the PDF writer and its font workers
# (helgrind) or its deflate worker. Skipped in the sanitizer build, whose
# runtime valgrind cannot host.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

if ldd "$BRIEFC" | grep -q libasan; then
  echo "sanitizer build: valgrind skipped (ASan checks this build)"
  pass "skipped under ASan"
  finish
  exit
fi
memcheck() {
  valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 "$@"
  test $? -ne 99
}
check "memcheck: the example builds cleanly" memcheck "$BRIEFC" build data/luohu-2017.yaml -o "$WORK/m.pdf"
printf 'briefc: 1\nmeta: {titel: t, date: 2017-02-30}\nsections: [{content: [x]}]\n' >"$WORK/bad.yaml"
check "memcheck: a report with errors fails cleanly" memcheck "$BRIEFC" build "$WORK/bad.yaml" -o "$WORK/bad.pdf"
# long enough (58 pages) for the subset and deflate workers, which start
# from 32 sheets
python3 bench/gen_report.py --chars 40000 >"$WORK/long.yaml"
check "helgrind: no data race while fonts are subset and pages deflated" \
  valgrind -q --tool=helgrind --error-exitcode=99 "$BRIEFC" build "$WORK/long.yaml" -o "$WORK/h.pdf"
check "memcheck: the workers of a long report leak nothing" memcheck "$BRIEFC" build \
  "$WORK/long.yaml" -o "$WORK/long.pdf"
finish
