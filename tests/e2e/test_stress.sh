#!/usr/bin/env bash
# Large and awkward input: a 20,000-character paragraph, a 5,000-character
# string with no break opportunity (broken by force, with a warning), 1,000
# sections. Each must build and be read cleanly.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"
GEN=bench/gen_report.py

build_clean() { # name, generator args…
  local name=$1
  shift
  python3 "$GEN" "$@" >"$WORK/$name.yaml" || return 1
  "$BRIEFC" build "$WORK/$name.yaml" -o "$WORK/$name.pdf" 2>"$WORK/$name.err" || { cat "$WORK/$name.err"; return 1; }
  readers_quiet "$WORK/$name.pdf"
}

check "a 20,000-character paragraph builds" build_clean long --long-paragraph 20000
check "a 5,000-character unbreakable string builds" build_clean unbreakable --unbreakable 5000
check "… with a warning that it was broken by force" grep -q 'warning: .*force' "$WORK/unbreakable.err"
check "1,000 sections build" build_clean sections --sections 1000
check "… and every section is a bookmark" bash -c "test \$(mutool show '$WORK/sections.pdf' outline | grep -c .) -ge 1000"
finish
