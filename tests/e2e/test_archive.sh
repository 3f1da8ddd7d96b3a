#!/usr/bin/env bash
# Archival booklets: every booklet is PDF/A-1b as Apache PDFBox Preflight
# judges it; the XMP packet says which report, which version and what built
# it (fonts with the SHA-256 of their files); the identifiers come from the
# content, so that rebuilds are byte-identical.
source "$(dirname "$0")/../tools/common.sh"
cd "$ROOT"

J=/usr/share/java
PREFLIGHT_CP=$J/preflight.jar:$J/pdfbox2.jar:$J/fontbox2.jar:$J/xmpbox.jar:$J/commons-logging.jar:$J/javax.activation.jar:$J/jaxb-api.jar
check "PDFBox Preflight is installed (tools/bootstrap test installs it)" \
  test -f $J/preflight.jar -a -f $J/javax.activation.jar

mkdir -p "$WORK/pdfa"
for layout in a4-report a5-booklet gbt9704 jianbao phone; do
  for report in data/luohu-2017.yaml data/luohu-2017-briefing.yaml data/qingxi-notice-2024.yaml \
    tests/fixtures/report/full.yaml tests/fixtures/report/small.json; do
    name=$(basename "${report%.*}")-$layout
    check "builds $name" "$BRIEFC" build "$report" -l $layout -o "$WORK/pdfa/$name.pdf"
  done
done

# One JVM for the folder: Preflight's batch mode prints one verdict a file.
java -cp "$PREFLIGHT_CP" org.apache.pdfbox.preflight.Validator_A1b batch "$WORK/pdfa" \
  >"$WORK/preflight.out" 2>&1
for pdf in "$WORK"/pdfa/*.pdf; do
  name=$(basename "$pdf")
  check "Preflight: $name is a valid PDF/A-1b file" \
    grep -qx "The file $name is a valid PDF/A-1b file" "$WORK/preflight.out"
done
valid=$(grep -c 'is a valid PDF/A-1b file' "$WORK/preflight.out")
check "Preflight found no error in any of the $valid files" bash -c "! grep -q 'not a valid' '$WORK/preflight.out'"

pdf=$WORK/pdfa/luohu-2017-a4-report.pdf
meta=$(pdfinfo -meta "$pdf")
check "XMP: PDF/A-1b declared" bash -c "grep -q '<pdfaid:part>1</pdfaid:part>' <<<'$meta' && grep -q '<pdfaid:conformance>B</pdfaid:conformance>' <<<'$meta'"
check "XMP: the title as written" grep -q '<rdf:li xml:lang="x-default">罗湖区委七届四次全会会议简报</rdf:li>' <<<"$meta"
check "XMP: meta.id as dc:identifier" grep -q '<dc:identifier>LH-2017-0830</dc:identifier>' <<<"$meta"
check "XMP: meta.version as xmpMM:VersionID" grep -q '<xmpMM:VersionID>1</xmpMM:VersionID>' <<<"$meta"
check "XMP: the layout's name" grep -q '<briefc:Layout>a4-report</briefc:Layout>' <<<"$meta"
check "XMP: briefc's version" grep -q "<briefc:Version>$("$BRIEFC" --version | cut -d' ' -f2)</briefc:Version>" <<<"$meta"
check "XMP: the dates agree with the document info" grep -q '<xmp:CreateDate>2017-08-30T00:00:00+08:00</xmp:CreateDate>' <<<"$meta"

# Each font's record names a file whose SHA-256, computed here by sha256sum,
# is the one recorded; and every font pdffonts lists has a record.
fonts_recorded() {
  local n=0 line family file hash path
  while IFS=$'\t' read -r family file hash; do
    path=$(fc-list --format '%{file}\n' | grep -m1 "/$file\$")
    [ -n "$path" ] || { echo "no installed file $file"; return 1; }
    [ "$(sha256sum "$path" | cut -d' ' -f1)" = "$hash" ] || { echo "$file: hash differs"; return 1; }
    n=$((n + 1))
  done < <(sed -n 's/^<rdf:li>\(.*\t.*\t[0-9a-f]\{64\}\)<\/rdf:li>$/\1/p' <<<"$meta")
  local embedded
  embedded=$(pdffonts "$pdf" | tail -n +3 | wc -l)
  [ "$n" -eq "$embedded" ] || { echo "$n font records, $embedded fonts embedded"; return 1; }
}
check "XMP: every embedded font with the SHA-256 of its file" fonts_recorded

check "trailer /ID and XMP ids derived from the content (checked independently)" \
  python3 "$TOOLS/pdfa_ids.py" "$pdf"
"$BRIEFC" build data/luohu-2017.yaml -o "$WORK/again.pdf" 2>/dev/null
check "two builds are byte-identical" cmp "$pdf" "$WORK/again.pdf"

# A new version of the report keeps the document's identity and changes the instance.
sed 's/^  version: 1$/  version: 2/' data/luohu-2017.yaml >"$WORK/v2.yaml"
"$BRIEFC" build "$WORK/v2.yaml" -o "$WORK/v2.pdf" 2>/dev/null
id_of() { pdfinfo -meta "$1" | sed -n "s/.*<xmpMM:$2>\(.*\)<\/xmpMM:$2>.*/\1/p"; }
check "version 2 has VersionID 2" bash -c "pdfinfo -meta '$WORK/v2.pdf' | grep -q '<xmpMM:VersionID>2</xmpMM:VersionID>'"
check "versions share the DocumentID" test "$(id_of "$pdf" DocumentID)" = "$(id_of "$WORK/v2.pdf" DocumentID)"
check "versions differ in InstanceID" test "$(id_of "$pdf" InstanceID)" != "$(id_of "$WORK/v2.pdf" InstanceID)"
check "version 2's ids check out too" python3 "$TOOLS/pdfa_ids.py" "$WORK/v2.pdf"

# Without meta.id, the identity comes from the title.
grep -v '^  id: ' data/luohu-2017.yaml >"$WORK/noid.yaml"
"$BRIEFC" build "$WORK/noid.yaml" -o "$WORK/noid.pdf" 2>/dev/null
check "no meta.id: no dc:identifier, DocumentID from the title" bash -c \
  "! pdfinfo -meta '$WORK/noid.pdf' | grep -q dc:identifier && python3 '$TOOLS/pdfa_ids.py' '$WORK/noid.pdf' | grep -q '(title:'"

# Text that XML must escape stays intact in the packet.
sed 's/^  title: .*/  title: "A \& B <c> \\"d\\" 标题"/' data/luohu-2017.yaml >"$WORK/amp.yaml"
"$BRIEFC" build "$WORK/amp.yaml" -o "$WORK/amp.pdf" 2>/dev/null
check "XML specials escaped in the packet" bash -c "pdfinfo -meta '$WORK/amp.pdf' | grep -q 'A &amp; B &lt;c&gt; &quot;d&quot; 标题'"
check "the document info agrees" bash -c "pdfinfo '$WORK/amp.pdf' | grep -q '^Title: *A & B <c> \"d\" 标题$'"
finish
