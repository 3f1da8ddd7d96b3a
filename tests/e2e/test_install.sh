#!/usr/bin/env bash
# An installed briefc reads only what it was installed with: a real
# `cmake --install` into a scratch prefix, then the example built from
# another folder, with every file system call traced: nothing under the
# source tree or the build tree is ever named. Font files dropped into
# fonts/ are git-ignored and never installed (licences).
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"
BUILD=${BRIEFC_BUILD_DIR:-$(dirname "$BRIEFC")}
PREFIX=$WORK/prefix

# A licensed face a printing office dropped into fonts/ (a dummy here,
# removed on exit): it must not be installed.
DUMMY=fonts/zz-e2e-install-$$.ttf
trap 'rm -f "$ROOT/$DUMMY"; rm -rf "$WORK"' EXIT
printf 'not really a font\n' >"$DUMMY"
if git rev-parse --git-dir >/dev/null 2>&1; then
  check "a font file in fonts/ is git-ignored" git check-ignore -q "$DUMMY"
  check "… and so are .otf and .ttc" bash -c "git check-ignore -q fonts/x.otf && git check-ignore -q fonts/x.ttc && git check-ignore -q fonts/sub/x.ttf"
  check "… while fonts/README.md and fonts/fonts.conf are not" \
    bash -c "! git check-ignore -q fonts/README.md && ! git check-ignore -q fonts/fonts.conf"
else
  pass "git-ignored fonts: skipped (not a git checkout)"
fi

check "cmake --install into a scratch prefix" cmake --install "$BUILD" --prefix "$PREFIX"
rm -f "$DUMMY"
check "… installs bin/briefc" test -x "$PREFIX/bin/briefc"
check "… the layouts" test -f "$PREFIX/share/briefc/layouts/a4-report.yaml" -a -f "$PREFIX/share/briefc/layouts/a5-booklet.yaml"
check "… fonts/fonts.conf and its README" test -f "$PREFIX/share/briefc/fonts/fonts.conf" -a -f "$PREFIX/share/briefc/fonts/README.md"
check "… and no font file" bash -c "! find '$PREFIX' -iname '*.ttf' -o -iname '*.otf' -o -iname '*.ttc' | grep ."

# Build the example from a folder of its own, tracing every call that names a file.
mkdir "$WORK/elsewhere"
cp data/luohu-2017.yaml "$WORK/elsewhere/report.yaml"
cd "$WORK/elsewhere"
# (LeakSanitizer cannot run under ptrace: the sanitizer build checks leaks elsewhere)
check "the installed briefc builds the example from another folder" \
  env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=%file -o "$WORK/trace" "$PREFIX/bin/briefc" build report.yaml -l a5-booklet -o out.pdf
check "… a good PDF" bash -c "qpdf --check out.pdf >/dev/null"
check "… in the installed A5 layout" bash -c "pdfinfo out.pdf | grep -q 'Page size: *419.5'"
check "… having read the installed layouts" grep -q "\"$PREFIX/share/briefc/layouts/a5-booklet.yaml\"" "$WORK/trace"
check "… never naming the source tree" bash -c "! grep -F '\"$ROOT/' '$WORK/trace'"
check "… nor the build tree" bash -c "! grep -F '\"$(cd "$BUILD" && pwd)/' '$WORK/trace'"
check "meta.layout (a4-report) is found installed too" "$PREFIX/bin/briefc" check report.yaml
check "BRIEFC_DATA_DIR overrides where the data is" \
  bash -c "BRIEFC_DATA_DIR='$WORK/none' '$PREFIX/bin/briefc' check report.yaml 2>&1 | grep -q \"looked in layouts/, $WORK/none/layouts/\""

# The build tree's binary finds the layouts from any folder too.
check "the build tree's briefc works from any folder" "$BRIEFC" check report.yaml -l a5-booklet
finish
