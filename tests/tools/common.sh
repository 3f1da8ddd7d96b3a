# tests/tools/common.sh — sourced by the end-to-end tests: a scratch folder,
# pass/fail counting, and the "no warning from any reader" checks.
set -u
BRIEFC=${1:?usage: $0 path/to/briefc}
BRIEFC=$(cd "$(dirname "$BRIEFC")" && pwd)/$(basename "$BRIEFC")
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=$ROOT/tests/tools
WORK=$(mktemp -d "${TMPDIR:-/tmp}/briefc-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PASSED=0
FAILED=0
export SOURCE_DATE_EPOCH= # the tests check the report's own date unless they set it

pass() { PASSED=$((PASSED + 1)); echo "ok   $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
check() { # description, command…
  local what=$1
  shift
  if "$@" >"$WORK/check.out" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/     /' "$WORK/check.out" | head -20; fi
}
finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

# Every reader must read the PDF without a word of complaint. Debian's MuPDF
# always says "warning: ICC support is not available": that line alone is let through.
readers_quiet() { # pdf
  local pdf=$1 out
  out=$( {
    qpdf --check "$pdf" >/dev/null || echo "qpdf --check failed"
    pdftotext "$pdf" /dev/null
    pdffonts "$pdf" >/dev/null
    pdfinfo "$pdf" >/dev/null
    mutool info "$pdf" >/dev/null
    mutool draw -q -o /dev/null "$pdf"
  } 2>&1 | grep -v -x 'warning: ICC support is not available')
  [ -z "$out" ] || { echo "$out"; return 1; }
}

# Every font embedded, subset, with a ToUnicode map.
fonts_embedded() { # pdf
  pdffonts "$1" | awk 'NR > 2 { n++; if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") { bad++; print } }
    END { if (n == 0) { print "no fonts"; exit 1 } exit bad > 0 }'
}
