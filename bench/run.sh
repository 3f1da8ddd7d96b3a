#!/usr/bin/env bash
# bench/run.sh BRIEFC — time and peak memory of real builds: the example
# booklet and a generated report of about 300 pages. Each build runs a few
# times; the best wall time and its maximum resident set size are printed.
set -euo pipefail
BRIEFC=$1
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_report.py --chars 280000 >"$work/large.yaml" # about 300 A4 pages

measure() { # label, report, runs
  local label=$1 report=$2 runs=$3 best=999999 rss=0 pages
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$BRIEFC" build "$report" -o "$work/out.pdf" 2>/dev/null
    read -r secs kb <"$work/time"
    if awk "BEGIN {exit !($secs < $best)}"; then best=$secs rss=$kb; fi
  done
  pages=$(pdfinfo "$work/out.pdf" | awk '/^Pages:/ {print $2}')
  size=$(stat -c %s "$work/out.pdf")
  awk -v l="$label" -v s="$best" -v k="$rss" -v p="$pages" -v b="$size" 'BEGIN {
    printf "%-22s %5d pages  %7.3f s  %8.1f pages/s  %7.1f MiB max RSS  %8.1f KB\n",
      l, p, s, (s > 0 ? p / s : 0), k / 1024, b / 1000 }'
}

echo "briefc benchmark ($("$BRIEFC" --version), $(nproc) cores)"
measure "example (luohu-2017)" data/luohu-2017.yaml 10
measure "generated (~300 pages)" "$work/large.yaml" 3
