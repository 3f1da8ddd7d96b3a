#!/usr/bin/env bash
# fuzz/run.sh BUILD_DIR [TARGET…] — run each libFuzzer harness for a fixed
# time and fail on any finding (a crash, an invariant, a leak, a timeout, too
# much memory). Seeds come from fuzz/corpus/<target> and earlier findings
# from fuzz/findings/<target> (both read only); what the fuzzer adds goes to
# a scratch folder, so the repository is never written.
#
#   BRIEFC_FUZZ_SECONDS   seconds per target (default 60)
#   BRIEFC_FUZZ_ARTIFACTS where to keep a finding (default: a scratch folder,
#                         printed; save it under fuzz/findings/<target>/)
#
# Build first: cmake -S . -B build-fuzz -DBRIEFC_FUZZ=ON -DCMAKE_C_COMPILER=clang -DBRIEFC_TESTS=OFF
#              cmake --build build-fuzz --target fuzz
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${1:?usage: fuzz/run.sh BUILD_DIR [json|report|layout|booklet …]}
shift
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(json report layout booklet)
SECONDS_EACH=${BRIEFC_FUZZ_SECONDS:-60}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/briefc-fuzz.XXXXXX")
ARTIFACTS=${BRIEFC_FUZZ_ARTIFACTS:-$SCRATCH/findings}
mkdir -p "$ARTIFACTS"
status=0
for t in "${TARGETS[@]}"; do
  bin=$BUILD/fuzz/fuzz_$t
  [ -x "$bin" ] || { echo "fuzz: $bin not built" >&2; status=1; continue; }
  mkdir -p "$SCRATCH/corpus-$t"
  seeds=("fuzz/corpus/$t")
  [ -d "fuzz/findings/$t" ] && seeds+=("fuzz/findings/$t") # each earlier finding, replayed first
  echo "fuzz: $t for ${SECONDS_EACH}s"
  # -timeout: one input taking 10 s is a finding; -rss_limit_mb: so is 2 GB.
  if TMPDIR=$SCRATCH ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="fuzz/$t.dict" -artifact_prefix="$ARTIFACTS/$t-" \
    "$SCRATCH/corpus-$t" "${seeds[@]}" >"$SCRATCH/$t.log" 2>&1; then
    grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' \
      "$SCRATCH/$t.log" | sed 's/^/    /'
    grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$SCRATCH/$t.log" | tail -1 | sed 's/^/    /'
  else
    status=1
    echo "fuzz: $t FOUND SOMETHING; the log ends:" >&2
    tail -60 "$SCRATCH/$t.log" >&2
    echo "fuzz: the input is in $ARTIFACTS (save it under fuzz/findings/$t/)" >&2
    ARTIFACTS_KEPT=1
  fi
done
# Keep the scratch folder only when it holds a finding.
[ "${ARTIFACTS_KEPT:-0}" = 1 ] || rm -rf "$SCRATCH"
exit $status
