#!/usr/bin/env bash
# Many reports in one command: every good booklet written (byte-identical
# to the report built alone), each bad report reported with its own
# file:line:col and not stopping the others, exit 1 when any failed; the
# usage errors (-j 0, -o naming a file) write nothing and exit 2.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

mkdir -p "$WORK/in"
cp data/luohu-2017.yaml "$WORK/in/luohu.yaml"
cp tests/fixtures/report/full.yaml "$WORK/in/full.yaml"
cp tests/fixtures/report/small.json "$WORK/in/small.json"
sed 's/^  date: .*/  date: 2017-02-30/' data/luohu-2017.yaml >"$WORK/in/bad.yaml"
bad_line=$(grep -n '^  date:' "$WORK/in/bad.yaml" | cut -d: -f1)

"$BRIEFC" build "$WORK/in/luohu.yaml" "$WORK/in/bad.yaml" "$WORK/in/full.yaml" \
  "$WORK/in/small.json" -j 2 -o "$WORK/out/" 2>"$WORK/batch.err"
status=$?
check "a batch with one bad report exits 1 ($status)" test $status -eq 1
check "the bad report's error has its own file:line:col" \
  grep -q "bad.yaml:$bad_line:[0-9]*: error:" "$WORK/batch.err"
for name in luohu full small; do
  check "$name.pdf written into the folder" test -s "$WORK/out/$name.pdf"
done
check "no booklet for the bad report" test ! -e "$WORK/out/bad.pdf"
"$BRIEFC" build -q "$WORK/in/luohu.yaml" -o "$WORK/alone.pdf"
check "a booklet of a batch is byte-identical to the report built alone" \
  cmp "$WORK/alone.pdf" "$WORK/out/luohu.pdf"
# A long report: built alone its fonts are subset and its pages deflated on
# worker threads; in a batch all on one thread. The bytes must not care.
python3 bench/gen_report.py --chars 40000 >"$WORK/in/long.yaml"
"$BRIEFC" build -q "$WORK/in/long.yaml" -o "$WORK/long-alone.pdf"
"$BRIEFC" build -q "$WORK/in/long.yaml" "$WORK/in/small.json" -o "$WORK/out/"
pages=$(pdfinfo "$WORK/long-alone.pdf" | awk '/^Pages:/ { print $2 }')
check "a long report ($pages pages: past the threads' threshold of 32) is long enough" \
  test "$pages" -ge 32
check "… and its booklet of a batch is byte-identical to it built alone" \
  cmp "$WORK/long-alone.pdf" "$WORK/out/long.pdf"
check "the blocks are printed in command-line order" \
  bash -c "grep -n 'wrote\|error' '$WORK/batch.err' | head -3 | grep -q 'luohu' "
check "batch output: readers quiet" readers_quiet "$WORK/out/full.pdf"

# beside each report when there is no -o
"$BRIEFC" build -q "$WORK/in/full.yaml" "$WORK/in/small.json"
check "without -o each booklet goes beside its report" \
  test -s "$WORK/in/full.pdf" -a -s "$WORK/in/small.pdf"

# check takes several reports too
"$BRIEFC" check "$WORK/in/luohu.yaml" "$WORK/in/bad.yaml" 2>/dev/null
check "check of several reports: 1 when one fails" test $? -eq 1

# usage errors
touch "$WORK/file"
"$BRIEFC" build "$WORK/in/luohu.yaml" "$WORK/in/full.yaml" -o "$WORK/file" 2>"$WORK/u.err"
check "several reports with -o naming a file: exit 2" test $? -eq 2
check "... and nothing written" test ! -e "$WORK/in/luohu.pdf" -a ! -s "$WORK/file"
"$BRIEFC" build "$WORK/in/luohu.yaml" "$WORK/in/full.yaml" -j 0 -o "$WORK/o2/" 2>/dev/null
check "-j 0: exit 2" test $? -eq 2
check "... and nothing written" test ! -e "$WORK/o2"
"$BRIEFC" build "$WORK/in/luohu.yaml" "$WORK/in/full.yaml" -o - >/dev/null 2>&1
check "several reports to standard output: exit 2" test $? -eq 2
finish
