#!/usr/bin/env bash
# Where the PDF goes: a regular file is replaced atomically; a pipe or a
# character device is written into, never replaced; a directory, a block
# device or a dangling symbolic link is refused (exit 3); `-o -` is standard
# output; an interrupt during the write leaves no temporary file; a build
# says in one line what it wrote (`-q` silences it).
#
# Nothing here touches /dev: the device nodes are made in the scratch folder
# (as root; skipped otherwise), and /dev/stdout is stood in for by a link to
# /proc/self/fd/1, which is what /dev/stdout is.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"
REPORT=data/luohu-2017.yaml

run() { # status, command…: the exit status must be status; stdout → $WORK/out, stderr → $WORK/err
  local want=$1
  shift
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit $got, expected $want"; cat "$WORK/err"; return 1; }
}
no_temp_files() { # folder
  ! ls -a "$1" | grep -q 'tmp-' || { ls -la "$1"; return 1; }
}
is_pdf() { qpdf --check "$1" >/dev/null 2>&1 || { echo "$1 is not a good PDF"; return 1; }; }

# ---- standard output ----
check "-o - writes the PDF to standard output" run 0 "$BRIEFC" build "$REPORT" -o -
cp "$WORK/out" "$WORK/stdout.pdf"
check "… a whole PDF" is_pdf "$WORK/stdout.pdf"
check "… the same bytes as a file" bash -c "'$BRIEFC' build '$REPORT' -q -o '$WORK/file.pdf' && cmp '$WORK/file.pdf' '$WORK/stdout.pdf'"
check "… and no file named '-'" test ! -e ./- -a ! -e data/-

# ---- the one line a build says ----
check "a build says what it wrote" run 0 "$BRIEFC" build "$REPORT" -o "$WORK/said.pdf"
pages=$(pdfinfo "$WORK/said.pdf" | awk '/^Pages:/ { print $2 }')
kb=$((($(stat -c %s "$WORK/said.pdf") + 500) / 1000)) # KB of 1000 bytes, rounded
check "… 'wrote FILE: N pages, M KB' on standard error" \
  grep -qx "wrote $WORK/said.pdf: $pages pages, $kb KB" "$WORK/err"
check "… and nothing on standard output" test ! -s "$WORK/out"
check "-q silences it" run 0 "$BRIEFC" build "$REPORT" -q -o "$WORK/quiet.pdf"
check "… nothing at all on standard error" test ! -s "$WORK/err"
check "--quiet too" run 0 "$BRIEFC" build --quiet "$REPORT" -o "$WORK/quiet.pdf"
check "… silent" test ! -s "$WORK/err"
check "-o - says 'wrote standard output'" \
  bash -c "'$BRIEFC' build '$REPORT' -o - 2>&1 >/dev/null | grep -Eq '^wrote standard output: $pages pages, [0-9]+ KB$'"

# ---- a pipe (FIFO) ----
mkfifo "$WORK/fifo"
timeout 60 cat "$WORK/fifo" >"$WORK/from-fifo.pdf" &
reader=$!
check "a FIFO at -o is written into" run 0 timeout 60 "$BRIEFC" build "$REPORT" -o "$WORK/fifo"
check "… and is still a FIFO" test -p "$WORK/fifo"
[ -p "$WORK/fifo" ] || kill "$reader" 2>/dev/null
wait "$reader"
check "… its reader got the PDF" is_pdf "$WORK/from-fifo.pdf"

# ---- a link to standard output, as /dev/stdout is ----
ln -s /proc/self/fd/1 "$WORK/stdout-link"
check "a link to /proc/self/fd/1 writes into the pipe" \
  bash -c "set -o pipefail; '$BRIEFC' build '$REPORT' -q -o '$WORK/stdout-link' | cat >'$WORK/piped.pdf'"
check "… the link is still a link" test -L "$WORK/stdout-link"
check "… the pipe got the PDF" is_pdf "$WORK/piped.pdf"

# ---- symbolic links to files ----
echo "old" >"$WORK/target.pdf"
ln -s target.pdf "$WORK/link.pdf"
check "a link to a regular file: its target is replaced" run 0 "$BRIEFC" build "$REPORT" -o "$WORK/link.pdf"
check "… the link is still a link to it" test "$(readlink "$WORK/link.pdf")" = target.pdf
check "… the target holds the PDF" is_pdf "$WORK/target.pdf"
check "… no temporary file is left" no_temp_files "$WORK"
ln -s nowhere.pdf "$WORK/dangling.pdf"
check "a dangling link is refused (3)" run 3 "$BRIEFC" build "$REPORT" -o "$WORK/dangling.pdf"
check "… saying so" grep -q "cannot write '$WORK/dangling.pdf': .*link.*nowhere.pdf.*does not exist" "$WORK/err"
check "… the link untouched, nothing created" bash -c "test -L '$WORK/dangling.pdf' && test ! -e '$WORK/nowhere.pdf'"

# ---- a directory ----
mkdir "$WORK/folder.pdf"
check "a directory at -o is refused (3)" run 3 "$BRIEFC" build "$REPORT" -o "$WORK/folder.pdf"
check "… saying it is a directory" grep -q "cannot write '$WORK/folder.pdf': .*directory" "$WORK/err"
check "… left a directory, nothing beside it" bash -c "test -d '$WORK/folder.pdf' && ! ls '$WORK' | grep -q 'folder.pdf.tmp'"

# ---- device nodes (made here, as /dev/full and /dev/null are) ----
if [ "$(id -u)" -eq 0 ] && mknod "$WORK/full" c 1 7 2>/dev/null && mknod "$WORK/null" c 1 3; then
  check "a full device at -o fails (3)" run 3 "$BRIEFC" build "$REPORT" -o "$WORK/full"
  check "… with the system's reason" grep -q "cannot write '$WORK/full': No space left on device" "$WORK/err"
  check "… and is still the device" test -c "$WORK/full"
  ln -s full "$WORK/full-link"
  check "a link to a full device fails (3)" run 3 "$BRIEFC" build "$REPORT" -o "$WORK/full-link"
  check "… the link and the device stay" bash -c "test -L '$WORK/full-link' && test -c '$WORK/full'"
  check "a null device at -o is written into (0)" run 0 "$BRIEFC" build "$REPORT" -o "$WORK/null"
  check "… and is still the device" test -c "$WORK/null"
  if mknod "$WORK/block" b 7 200 2>/dev/null; then
    check "a block device at -o is refused (3)" run 3 "$BRIEFC" build "$REPORT" -o "$WORK/block"
    check "… saying so" grep -q "cannot write '$WORK/block': .*block device" "$WORK/err"
    check "… and is still the device" test -b "$WORK/block"
  fi
  check "no temporary file beside the devices" no_temp_files "$WORK"
else
  pass "device nodes: skipped (mknod needs root)"
fi

# ---- a disk that fills up while the booklet is saved ----
# The save goes straight into the temporary file beside the booklet: when the
# disk is full half-way, that file goes, the previous booklet stays, and the
# error says why. A 100 KB tmpfs (as root; skipped where it cannot be mounted).
mkdir -p "$WORK/small"
if mount -t tmpfs -o size=100k tmpfs "$WORK/small" 2>/dev/null; then
  echo "previous good booklet" >"$WORK/small/full.pdf"
  check "a full disk is an output error (3)" run 3 "$BRIEFC" build "$REPORT" -o "$WORK/small/full.pdf"
  check "… that says so" grep -q "cannot write '$WORK/small/full.pdf': No space left on device" "$WORK/err"
  check "… keeps the previous file" test "$(cat "$WORK/small/full.pdf")" = "previous good booklet"
  check "… and leaves no temporary file" no_temp_files "$WORK/small"
  umount "$WORK/small"
else
  echo "skip: cannot mount a small tmpfs here (not root?)"
fi

# ---- an interrupt while the file is written ----
# strace holds the first fsync (the temporary file's, when the whole PDF is
# in it) for a few seconds; SIGINT arrives then.
echo "previous good booklet" >"$WORK/keep.pdf"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=4000000 \
  env --default-signal=INT bash -c 'echo $$ >"$1"; shift; exec "$@"' - "$WORK/pid" \
  "$BRIEFC" build "$REPORT" -o "$WORK/keep.pdf" 2>/dev/null &
tracer=$!
for _ in $(seq 100); do
  ls "$WORK" | grep -q '^keep.pdf.tmp-' && break
  sleep 0.1
done
check "(the temporary file was there during the write)" bash -c "ls '$WORK' | grep -q '^keep.pdf.tmp-'"
kill -INT "$(cat "$WORK/pid")"
wait "$tracer"
status=$?
check "SIGINT during the write stops the build (130)" test "$status" -eq 130
check "… removes the temporary file" no_temp_files "$WORK"
check "… and keeps the previous file" test "$(cat "$WORK/keep.pdf")" = "previous good booklet"

finish
