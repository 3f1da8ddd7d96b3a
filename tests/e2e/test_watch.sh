#!/usr/bin/env bash
# `briefc watch`: a scripted editing session. The report and every file of
# its layout chain are edited in place and by rename (as editors save); each
# change rebuilds the PDF and prints the one-line result; a broken file
# prints its errors and keeps the last good PDF; a burst of saves is one
# rebuild; files that are not inputs change nothing; SIGINT and SIGTERM stop
# it with exit 0 and no temporary file left.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"
W=$WORK/w
mkdir -p "$W/layouts"
cp data/luohu-2017.yaml "$W/report.yaml"
# A local chain: mine.yaml → parent.yaml → the shipped a4-report.
printf 'briefc-layout: 1\nextends: parent.yaml\n' >"$W/layouts/mine.yaml"
printf 'briefc-layout: 1\nextends: a4-report\npage: {size: A4}\n' >"$W/layouts/parent.yaml"
cd "$W"

pid=
wait_until() { # seconds, command…: poll until it succeeds (or the watch has ended)
  local tenths=$(($1 * 10))
  shift
  for _ in $(seq "$tenths"); do
    "$@" >/dev/null 2>&1 && return 0
    [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || { echo "the watch has ended"; cat "$W/log"; return 1; }
    sleep 0.1
  done
  return 1
}
builds() { grep -c '^wrote out.pdf: ' "$W/log"; }
built_at_least() { [ "$(builds)" -ge "$1" ]; }
has_text() { pdftotext out.pdf - 2>/dev/null | grep -q "$1"; }
page_size() { pdfinfo out.pdf 2>/dev/null | grep -q "Page size: *$1"; }
in_place() { # file, sed expression: rewrite the file in place (same inode)
  sed "$2" "$1" >"$WORK/edit" && cat "$WORK/edit" >"$1"
}
by_rename() { # file, sed expression: write a new file and rename it over (as many editors save)
  sed "$2" "$1" >"$1.new~" && mv "$1.new~" "$1"
}
no_temp_files() { ! ls -a "$W" "$W/layouts" | grep -q 'tmp-'; }

# SIGINT is ignored in a script's background jobs: give it back its default.
env --default-signal=INT "$BRIEFC" watch report.yaml -l mine -o out.pdf >"$W/out" 2>"$W/log" &
pid=$!
check "watch builds at once" wait_until 60 built_at_least 1
check "… says what it watches" grep -q '^watching report.yaml' "$W/log"
check "… a good PDF" bash -c "qpdf --check out.pdf >/dev/null"
check "… prints nothing on standard output" test ! -s "$W/out"

inode=$(stat -c %i report.yaml)
in_place report.yaml 's/区委常委会工作报告要点/观察测试一/'
check "an edit in place rebuilds" wait_until 30 has_text 观察测试一
check "… (the same file: it was edited in place)" test "$(stat -c %i report.yaml)" = "$inode"
check "… and prints the one-line result again" wait_until 10 built_at_least 2

by_rename report.yaml 's/观察测试一/观察测试二/'
check "a save by rename rebuilds" wait_until 30 has_text 观察测试二
check "… (a new file: it was renamed over)" test "$(stat -c %i report.yaml)" != "$inode"

by_rename layouts/parent.yaml 's/A4/A3/'
check "an edit of the chain's root layout rebuilds" wait_until 30 page_size 841.8
printf 'page: {size: B5}\n' >>layouts/mine.yaml
check "an edit of the named layout rebuilds" wait_until 30 page_size 498.8

# Broken: the errors are printed, the last good PDF stays.
sum=$(md5sum <out.pdf)
n=$(builds)
in_place report.yaml 's/^  title: .*/  title: [未闭合/'
check "a broken report prints its errors" wait_until 30 grep -Eq '^report\.yaml:[0-9]+:[0-9]+: error: ' "$W/log"
check "… says the PDF was not updated" wait_until 10 grep -q '^out.pdf not updated: ' "$W/log"
check "… keeps the last good PDF" test "$(md5sum <out.pdf)" = "$sum"
check "… and writes nothing" test "$(builds)" -eq "$n"
by_rename report.yaml 's/^  title: \[未闭合$/  title: 修好了/; s/观察测试二/观察测试三/'
check "fixing it rebuilds" wait_until 30 has_text 观察测试三

in_place layouts/parent.yaml 's/^page:/pgae:/'
check "a broken layout prints its errors" wait_until 30 grep -Eq '^layouts/parent\.yaml:[0-9]+:[0-9]+: error: ' "$W/log"
in_place layouts/parent.yaml 's/^pgae:/page:/'
check "fixing the layout rebuilds" wait_until 30 built_at_least $((n + 2))

# A burst of saves is one rebuild; files that are not inputs change nothing.
sleep 0.5
n=$(builds)
# five saves in place, 20 ms apart, from one process (so that starting
# processes on a loaded machine does not stretch the gaps)
python3 - <<'PY'
import re, time
text = open("report.yaml", encoding="utf-8").read()
for i in range(1, 6):
    with open("report.yaml", "w", encoding="utf-8") as f:
        f.write(re.sub("观察测试[一二三]", "观察测试" + str(i), text))
    time.sleep(0.02)
PY
check "a burst of saves rebuilds" wait_until 30 has_text 观察测试5
sleep 1
check "… once (or twice at most)" bash -c "echo \"$n builds before, \$(grep -c '^wrote out.pdf: ' '$W/log') after\"; test \$(grep -c '^wrote out.pdf: ' '$W/log') -le $((n + 2))"
n=$(builds)
echo notes >notes.txt
echo notes >layouts/notes.yaml
touch out.pdf
sleep 1
check "other files, and the PDF itself, rebuild nothing" test "$(builds)" -eq "$n"

kill -INT "$pid"
wait "$pid"
status=$?
check "SIGINT stops it with exit 0" test "$status" -eq 0
check "… leaving no temporary file" no_temp_files
check "… and a good PDF" bash -c "qpdf --check out.pdf >/dev/null"

env --default-signal=INT "$BRIEFC" watch report.yaml -q -o quiet.pdf >"$W/out" 2>"$W/log" &
pid=$!
check "-q: watch builds" wait_until 60 test -s quiet.pdf
kill -TERM "$pid"
wait "$pid"
status=$?
check "SIGTERM stops it with exit 0" test "$status" -eq 0
check "… and -q kept it silent" test ! -s "$W/log"

check "watch cannot write to standard output (2)" bash -c "'$BRIEFC' watch report.yaml -o - 2>/dev/null; test \$? -eq 2"

# Under valgrind (not in the sanitizer build, which ASan checks already).
if ! ldd "$BRIEFC" | grep -q libasan; then
  env --default-signal=INT valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --error-exitcode=99 "$BRIEFC" watch report.yaml -o vg.pdf >"$W/out" 2>"$W/log" &
  pid=$!
  check "valgrind: watch builds" wait_until 120 grep -q '^wrote vg.pdf' "$W/log"
  in_place report.yaml 's/观察测试5/观察测试6/'
  check "valgrind: … and rebuilds" wait_until 120 bash -c "[ \$(grep -c '^wrote vg.pdf' '$W/log') -ge 2 ]"
  kill -INT "$pid"
  wait "$pid"
  status=$?
  check "valgrind: no error, no leak, exit 0" test "$status" -eq 0
  [ "$status" -eq 0 ] || cat "$W/log"
fi
finish
