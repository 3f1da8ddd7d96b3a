#!/usr/bin/env bash
# The source inside the booklet: --embed-source attaches the report and its
# layout chain (PDF/A-3b associated files); poppler's pdfdetach lists and
# saves them; briefc extract writes them back, and building what it wrote
# gives the same bytes; briefc info says what a booklet says about itself.
# Hostile booklets get clear errors, exit 1, and nothing written outside DIR.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

pdf=$WORK/booklet.pdf
check "builds with --embed-source" "$BRIEFC" build data/luohu-2017.yaml -l a5-booklet --embed-source -q -o "$pdf"
check "readers are quiet" readers_quiet "$pdf"
check "XMP declares PDF/A-3b" bash -c "pdfinfo -meta '$pdf' | grep -q '<pdfaid:part>3</pdfaid:part>'"
check "the ids still check out" python3 "$TOOLS/pdfa_ids.py" "$pdf"

list=$(pdfdetach -list "$pdf" 2>&1)
check "pdfdetach lists the report and both layouts of the chain" bash -c \
  "grep -q '^3 embedded files' <<<'$list' && grep -q ': luohu-2017.yaml$' <<<'$list' && grep -q ': a5-booklet.yaml$' <<<'$list' && grep -q ': a4-report.yaml$' <<<'$list'"
mkdir -p "$WORK/detach"
(cd "$WORK/detach" && pdfdetach -saveall "$pdf")
check "pdfdetach saves them byte for byte" bash -c \
  "cmp '$WORK/detach/luohu-2017.yaml' data/luohu-2017.yaml && cmp '$WORK/detach/a5-booklet.yaml' layouts/a5-booklet.yaml && cmp '$WORK/detach/a4-report.yaml' layouts/a4-report.yaml"

# The file specifications as PDF/A-3 wants them.
qpdf --qdf --object-streams=disable "$pdf" "$WORK/qdf.pdf" 2>/dev/null
check "every file is an associated file of relationship /Source" \
  test "$(grep -ac '/AFRelationship /Source' "$WORK/qdf.pdf")" -eq 3
check "each with its MIME type, size and checksum" bash -c \
  "test \$(grep -aic '/Subtype /application#2Fyaml' '$WORK/qdf.pdf') -eq 3 && grep -aq '/CheckSum <' '$WORK/qdf.pdf' && grep -aq '/Size 15741' '$WORK/qdf.pdf'"
check "the catalog lists them in /AF" bash -c "qpdf --show-object=trailer '$pdf' >/dev/null && grep -aq '/AF \[' '$WORK/qdf.pdf'"

# Preflight validates PDF/A-1b only: what it may still say about a PDF/A-3b
# booklet is exactly that PDF/A-1 has no attachments (and part 1).
J=/usr/share/java
CP=$J/preflight.jar:$J/pdfbox2.jar:$J/fontbox2.jar:$J/xmpbox.jar:$J/commons-logging.jar:$J/javax.activation.jar:$J/jaxb-api.jar
java -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b "$pdf" >"$WORK/pf.out" 2>&1
others=$(grep ' : ' "$WORK/pf.out" | grep -v -e 'EmbeddedFile entry is present' -e 'part must be 1')
check "Preflight finds nothing but the attachments PDF/A-1 forbids" test -z "$others"

# extract, then rebuild from what it wrote: the same bytes.
out=$WORK/extracted
"$BRIEFC" extract "$pdf" -d "$out" 2>"$WORK/err"
check "extract writes the three files" test -f "$out/luohu-2017.yaml" -a -f "$out/a5-booklet.yaml" -a -f "$out/a4-report.yaml"
check "… byte for byte" bash -c "cmp '$out/luohu-2017.yaml' data/luohu-2017.yaml && cmp '$out/a4-report.yaml' layouts/a4-report.yaml"
check "… and says how to rebuild" grep -q "rebuild with: briefc build $out/luohu-2017.yaml -l $out/a5-booklet.yaml --embed-source" "$WORK/err"
(cd "$WORK" && "$BRIEFC" build "$out/luohu-2017.yaml" -l "$out/a5-booklet.yaml" --embed-source -q -o "$WORK/rebuilt.pdf")
check "building the extracted report with the extracted layout gives the same bytes" cmp "$pdf" "$WORK/rebuilt.pdf"

echo changed >"$out/a4-report.yaml"
"$BRIEFC" extract "$pdf" -d "$out" 2>"$WORK/err"
check "extract refuses to overwrite (exit 1)" test $? -eq 1
check "… naming the file and --force" grep -q "a4-report.yaml exists (use --force to replace it)" "$WORK/err"
check "… and writes nothing" grep -qx changed "$out/a4-report.yaml"
echo outside >"$WORK/outside.txt"
ln -sf "$WORK/outside.txt" "$out/a5-booklet.yaml"
"$BRIEFC" extract "$pdf" -d "$out" --force -q
check "--force replaces the files" cmp "$out/a4-report.yaml" layouts/a4-report.yaml
check "… a link planted in DIR is replaced, never written through" bash -c \
  "grep -qx outside '$WORK/outside.txt' && test ! -L '$out/a5-booklet.yaml' && cmp '$out/a5-booklet.yaml' layouts/a5-booklet.yaml"

# info
info=$("$BRIEFC" info "$pdf")
check "info: title, id, version, date" bash -c "grep -q '^title: *罗湖区委七届四次全会会议简报$' <<<'$info' && grep -q '^id: *LH-2017-0830$' <<<'$info' && grep -q '^version: *1$' <<<'$info' && grep -q '^date: *2017-08-30T00:00:00+08:00$' <<<'$info'"
check "info: conformance, layout, pages" bash -c "grep -q '^conformance: *PDF/A-3b$' <<<'$info' && grep -q '^layout: *a5-booklet$' <<<'$info' && grep -q '^pages: *[0-9]' <<<'$info'"
check "info: fonts with their hashes, sources with their sizes" bash -c "grep -Eq 'NotoSerifCJK-Regular.ttc  sha256:[0-9a-f]{64}' <<<'$info' && grep -q 'luohu-2017.yaml  15741 bytes  (the report)' <<<'$info'"
check "info --json is JSON with the same facts" python3 - "$BRIEFC" "$pdf" <<'PY'
import json, subprocess, sys
j = json.loads(subprocess.run([sys.argv[1], "info", "--json", sys.argv[2]], capture_output=True, text=True, check=True).stdout)
assert j["title"] == "罗湖区委七届四次全会会议简报" and j["id"] == "LH-2017-0830" and j["version"] == "1", j
assert j["conformance"] == "PDF/A-3b" and j["layout"] == "a5-booklet", j
assert {s["name"] for s in j["sources"]} == {"luohu-2017.yaml", "a5-booklet.yaml", "a4-report.yaml"}, j
assert all(len(f["sha256"]) == 64 for f in j["fonts"]) and j["fonts"], j
PY
"$BRIEFC" build data/luohu-2017.yaml -q -o "$WORK/plain.pdf"
check "info on a booklet without sources: PDF/A-1b, no sources" bash -c \
  "'$BRIEFC' info '$WORK/plain.pdf' | grep -q '^conformance: *PDF/A-1b$' && '$BRIEFC' info '$WORK/plain.pdf' | grep -q '^sources: *none'"

# Two files of one name cannot both be embedded.
cp data/luohu-2017.yaml "$WORK/a4-report.yaml"
"$BRIEFC" build "$WORK/a4-report.yaml" --embed-source -q -o "$WORK/dup.pdf" 2>"$WORK/err"
check "a report named like a layout of its chain: exit 1, no PDF" test $? -eq 1 -a ! -e "$WORK/dup.pdf"
check "… saying so" grep -q "cannot embed two files both called 'a4-report.yaml'" "$WORK/err"

# ---- hostile booklets ----
hostile() { # description, pdf, expected message
  local what=$1 file=$2 message=$3 dir=$WORK/target-$RANDOM
  "$BRIEFC" info "$file" >"$WORK/out" 2>"$WORK/err"
  local s1=$?
  "$BRIEFC" extract "$file" -d "$dir" 2>>"$WORK/err"
  local s2=$?
  if [ $s1 -eq 1 ] && [ $s2 -eq 1 ] && grep -q -- "$message" "$WORK/err" &&
    [ "$(find "$dir" -type f 2>/dev/null | wc -l)" -eq 0 ]; then
    pass "$what: exit 1, '$message', nothing written"
  else
    fail "$what (info $s1, extract $s2)"
    sed 's/^/     /' "$WORK/err" | head -5
  fi
}
printf 'hello\n' >"$WORK/text.pdf"
hostile "not a PDF" "$WORK/text.pdf" "not a PDF file"
head -c 40000 "$pdf" >"$WORK/truncated.pdf"
hostile "a truncated booklet" "$WORK/truncated.pdf" "damaged or truncated"
qpdf --empty "$WORK/foreign.pdf"
hostile "a PDF briefc did not write" "$WORK/foreign.pdf" "not a booklet briefc wrote"
echo evil >"$WORK/evil.txt"
mkdir -p "$WORK/deep/a/b"
qpdf --object-streams=disable "$pdf" --add-attachment "$WORK/evil.txt" --key=../../x --filename=../../x -- "$WORK/traversal.pdf"
(cd "$WORK/deep/a/b" && "$BRIEFC" extract "$WORK/traversal.pdf" -d out 2>"$WORK/err")
check "an attachment named ../../x: extract exit 1" test $? -eq 1
check "… refused by name" grep -q "refusing to extract an attached file named '../../x'" "$WORK/err"
check "… and nothing written, inside the folder or out of it" bash -c \
  "test ! -e '$WORK/deep/x' && test ! -e '$WORK/deep/a/b/out/luohu-2017.yaml'"
head -c 52428800 /dev/zero >"$WORK/big.yaml"
qpdf --object-streams=disable "$pdf" --add-attachment "$WORK/big.yaml" --key=big.yaml -- "$WORK/big.pdf"
rm -f "$WORK/big.yaml"
"$BRIEFC" extract "$WORK/big.pdf" -d "$WORK/bigdir" 2>"$WORK/err"
check "a 50 MB attachment: extract exit 1" test $? -eq 1
check "… saying it is larger than any source" grep -q "larger than any source briefc embeds" "$WORK/err"
check "… nothing written" test "$(find "$WORK/bigdir" -type f 2>/dev/null | wc -l)" -eq 0
"$BRIEFC" extract "$WORK/plain.pdf" -d "$WORK/none" 2>"$WORK/err"
check "a booklet without attachments: extract exit 1" test $? -eq 1
check "… saying it carries no sources" grep -q "carries no sources" "$WORK/err"
finish
