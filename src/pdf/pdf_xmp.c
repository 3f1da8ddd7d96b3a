/* pdf_xmp.c — the XMP packet an archival booklet carries: the document
 * info again (PDF/A requires the two to agree), the PDF/A identification,
 * the document's identity and version, and a record of what built it.
 *
 * The packet is plain text built here; pdf_archive.c stores it unfiltered
 * (PDF/A-1 forbids a filter on the metadata stream). The instance id is a
 * hash of the finished file, which cannot be known while the packet is
 * written: a placeholder of the same length is written and its offset
 * returned, to be filled in once the file's bytes exist. */
#include "pdf_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef VEC(char) text_buf;

static void put(text_buf *b, const char *s)
{
    size_t n = strlen(s);
    VEC_RESERVE(b, b->count + n + 1);
    memcpy(b->items + b->count, s, n);
    b->count += n;
}

static void putf(text_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(text_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < (int)sizeof small) {
        put(b, small);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put(b, big);
    free(big);
}

/* Text as XML character data: the five special characters escaped. The
 * report stage refuses control characters, so nothing else needs care. */
static void put_escaped(text_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            put(b, "&amp;");
            break;
        case '<':
            put(b, "&lt;");
            break;
        case '>':
            put(b, "&gt;");
            break;
        case '"':
            put(b, "&quot;");
            break;
        case '\'':
            put(b, "&apos;");
            break;
        default: {
            char c[2] = {*s, '\0'};
            put(b, c);
        }
        }
    }
}

static void element(text_buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    putf(b, "<%s>", name);
    put_escaped(b, value);
    putf(b, "</%s>\n", name);
}

static void alt_element(text_buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    putf(b, "<%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", name);
    put_escaped(b, value);
    putf(b, "</rdf:li></rdf:Alt></%s>\n", name);
}

/* 2017-08-30T00:00:00+08:00: the date of the document info, in XMP's form. */
static void xmp_date(int64_t date, int tz_minutes, char *buf, size_t size)
{
    time_t local = (time_t)(date + (int64_t)tz_minutes * 60);
    struct tm tm;
    gmtime_r(&local, &tm);
    int off = tz_minutes < 0 ? -tz_minutes : tz_minutes;
    snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
             tz_minutes < 0 ? '-' : '+', off / 60, off % 60);
}

/* One property of the PDF/A extension schema that declares briefc's own. */
static void schema_property(text_buf *b, const char *name, const char *type, const char *what)
{
    put(b, "<rdf:li rdf:parseType=\"Resource\">\n");
    putf(b, "<pdfaProperty:name>%s</pdfaProperty:name>\n", name);
    putf(b, "<pdfaProperty:valueType>%s</pdfaProperty:valueType>\n", type);
    put(b, "<pdfaProperty:category>external</pdfaProperty:category>\n");
    putf(b, "<pdfaProperty:description>%s</pdfaProperty:description>\n", what);
    put(b, "</rdf:li>\n");
}

/* PDF/A-1 accepts properties outside the predefined schemas only when the
 * packet describes them (ISO 19005-1, 6.7.8). */
static void extension_schema(text_buf *b, bool sources)
{
    put(b, "<pdfaExtension:schemas>\n"
           "<rdf:Bag>\n"
           "<rdf:li rdf:parseType=\"Resource\">\n"
           "<pdfaSchema:schema>briefc build record</pdfaSchema:schema>\n");
    putf(b, "<pdfaSchema:namespaceURI>%s</pdfaSchema:namespaceURI>\n", PDF_XMP_BRIEFC_NS);
    put(b, "<pdfaSchema:prefix>briefc</pdfaSchema:prefix>\n"
           "<pdfaSchema:property>\n"
           "<rdf:Seq>\n");
    schema_property(b, "Version", "Text", "briefc version");
    schema_property(b, "Layout", "Text", "layout name");
    schema_property(b, "Fonts", "seq Text", "font family, file, SHA-256 of the file (tabs)");
    if (sources)
        schema_property(b, "Sources", "seq Text", "attached source, size, SHA-256 (tabs)");
    put(b, "</rdf:Seq>\n"
           "</pdfaSchema:property>\n"
           "</rdf:li>\n"
           "</rdf:Bag>\n"
           "</pdfaExtension:schemas>\n");
}

static void seq(text_buf *b, const char *name, const char *const *items, size_t n)
{
    if (n == 0)
        return;
    putf(b, "<%s><rdf:Seq>\n", name);
    for (size_t i = 0; i < n; i++) {
        put(b, "<rdf:li>");
        put_escaped(b, items[i]);
        put(b, "</rdf:li>\n");
    }
    putf(b, "</rdf:Seq></%s>\n", name);
}

char *pdf_xmp_packet(const pdf_xmp *x, size_t *len, size_t *instance_at)
{
    const layout_info *info = x->info;
    text_buf b = {0};
    char date[64];
    xmp_date(info->date, info->tz_minutes, date, sizeof date);
    /* The byte-order mark in begin="" is the packet's own marker (XMP part 1).
     * One description holds the properties: shorter than one per schema. */
    put(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            /* the extension schema first: a validator reads the
               description of briefc's properties before it meets them */
            "<rdf:Description rdf:about=\"\"\n"
            " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
            " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
            " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n");
    extension_schema(&b, x->nsources > 0);
    put(&b, "</rdf:Description>\n"
            "<rdf:Description rdf:about=\"\"\n"
            " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
            " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
            " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
            " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
            " xmlns:briefc=\"" PDF_XMP_BRIEFC_NS "\">\n");
    element(&b, "dc:format", "application/pdf");
    alt_element(&b, "dc:title", info->title);
    if (info->author) {
        put(&b, "<dc:creator><rdf:Seq><rdf:li>");
        put_escaped(&b, info->author);
        put(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    alt_element(&b, "dc:description", info->subject);
    element(&b, "dc:identifier", info->doc_id);
    if (x->lang) {
        put(&b, "<dc:language><rdf:Bag><rdf:li>");
        put_escaped(&b, x->lang);
        put(&b, "</rdf:li></rdf:Bag></dc:language>\n");
    }
    element(&b, "xmp:CreateDate", date);
    element(&b, "xmp:ModifyDate", date);
    element(&b, "xmp:CreatorTool", info->creator);
    element(&b, "pdf:Producer", x->producer);
    element(&b, "pdf:Keywords", info->keywords);
    putf(&b, "<xmpMM:DocumentID>uuid:%s</xmpMM:DocumentID>\n", x->document_id);
    put(&b, "<xmpMM:InstanceID>uuid:");
    *instance_at = b.count;
    put(&b, PDF_XMP_INSTANCE_PLACEHOLDER);
    put(&b, "</xmpMM:InstanceID>\n");
    element(&b, "xmpMM:VersionID", info->version);
    putf(&b, "<pdfaid:part>%d</pdfaid:part>\n", x->part);
    put(&b, "<pdfaid:conformance>B</pdfaid:conformance>\n");
    element(&b, "briefc:Version", BRIEFC_VERSION);
    element(&b, "briefc:Layout", x->layout);
    seq(&b, "briefc:Fonts", x->fonts, x->nfonts);
    seq(&b, "briefc:Sources", x->sources, x->nsources);
    put(&b, "</rdf:Description>\n"
            "</rdf:RDF>\n"
            "</x:xmpmeta>\n"
            "<?xpacket end=\"r\"?>");
    *len = b.count;
    VEC_PUSH(&b, '\0');
    return b.items;
}
