/* pdf_read.c — what a booklet says about itself, read back from the file:
 * its XMP packet (title, id, version, date, conformance, layout, fonts with
 * their hashes) and its attached sources, each checked against the size and
 * MD5 the file declares for it. For `briefc info` and `briefc extract`.
 *
 * The packet is read as briefc writes it (pdf_xmp.c): one element per
 * property, text escaped as XML. A file without briefc's properties is
 * one briefc did not write, and said so; nothing is guessed. */
#include "pdf_internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES ((size_t)1 << 31)        /* a booklet larger than 2 GiB is not one */
#define MAX_PACKET_BYTES ((size_t)1 << 20)      /* the XMP packet */
#define MAX_ATTACHMENT_BYTES ((size_t)16 << 20) /* one attached source, decoded: as cli embeds */
#define MAX_TREE_DEPTH 16                       /* of the /EmbeddedFiles name tree */
#define MAX_ATTACHMENTS 10000

/* ---- the XMP packet ---- */

/* XML character data back to text: the predefined entities and numeric
 * references (heap). */
static char *xml_unescape(const char *s, size_t n)
{
    char *out = xmalloc(n + 1), *o = out;
    for (size_t i = 0; i < n;) {
        if (s[i] != '&') {
            *o++ = s[i++];
            continue;
        }
        static const char *const names[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
        static const char chars[] = "&<>\"'";
        size_t k = 0;
        for (; k < 5; k++)
            if (strncmp(s + i, names[k], strlen(names[k])) == 0)
                break;
        if (k < 5) {
            *o++ = chars[k];
            i += strlen(names[k]);
        } else if (s[i + 1] == '#') {
            char *end;
            bool hex = s[i + 2] == 'x';
            unsigned long cp = strtoul(s + i + 2 + hex, &end, hex ? 16 : 10);
            if (*end == ';' && cp > 0 && cp <= 0x10FFFF) {
                o += utf8_encode((uint32_t)cp, o);
                i = (size_t)(end - s) + 1;
            } else {
                *o++ = s[i++];
            }
        } else {
            *o++ = s[i++];
        }
    }
    *o = '\0';
    return out;
}

/* The text of the first <tag>…</tag> in packet (heap), NULL when absent.
 * Inside an rdf:Alt, the text of its first rdf:li. */
static char *xmp_value(const char *packet, const char *tag)
{
    char open[96], close[96];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *a = strstr(packet, open);
    const char *b = a ? strstr(a, close) : NULL;
    if (!b)
        return NULL;
    a += strlen(open);
    const char *li = strstr(a, "<rdf:li");
    if (li && li < b) {
        const char *gt = strchr(li, '>');
        const char *end = gt ? strstr(gt, "</rdf:li>") : NULL;
        if (!end || end > b)
            return NULL;
        return xml_unescape(gt + 1, (size_t)(end - gt - 1));
    }
    return xml_unescape(a, (size_t)(b - a));
}

/* Every rdf:li of the Seq inside <tag>…</tag> (heap strings). */
static char **xmp_list(const char *packet, const char *tag, size_t *n)
{
    *n = 0;
    char open[96], close[96];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *a = strstr(packet, open);
    const char *b = a ? strstr(a, close) : NULL;
    if (!b)
        return NULL;
    VEC(char *) items = {0};
    for (const char *li = strstr(a, "<rdf:li>"); li && li < b; li = strstr(li, "<rdf:li>")) {
        li += 8;
        const char *end = strstr(li, "</rdf:li>");
        if (!end || end > b)
            break;
        VEC_PUSH(&items, xml_unescape(li, (size_t)(end - li)));
        li = end;
    }
    *n = items.count;
    return items.items;
}

/* ---- attached files ---- */

/* A text string (UTF-16BE with a byte-order mark, or PDFDocEncoding taken
 * as Latin-1) as UTF-8 (heap). */
static char *text_of(const pdf_obj *s)
{
    if (!s || s->kind != PDF_STRING)
        return NULL;
    VEC(char) out = {0};
    char buf[4];
    if (s->len >= 2 && s->bytes[0] == 0xFE && s->bytes[1] == 0xFF) {
        for (size_t i = 2; i + 1 < s->len; i += 2) {
            uint32_t cp = (uint32_t)s->bytes[i] << 8 | s->bytes[i + 1];
            if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < s->len) {
                uint32_t lo = (uint32_t)s->bytes[i + 2] << 8 | s->bytes[i + 3];
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                }
            }
            if (cp >= 0xD800 && cp < 0xE000)
                cp = 0xFFFD;
            size_t n = utf8_encode(cp, buf);
            for (size_t k = 0; k < n; k++)
                VEC_PUSH(&out, buf[k]);
        }
    } else {
        for (size_t i = 0; i < s->len; i++) {
            size_t n = utf8_encode(s->bytes[i], buf);
            for (size_t k = 0; k < n; k++)
                VEC_PUSH(&out, buf[k]);
        }
    }
    VEC_PUSH(&out, '\0');
    return out.items;
}

typedef struct reader {
    pdf_file *f;
    pdf_booklet *b;
    bool with_data;
    const char *path;
    diag_list *diags;
    bool failed;
} reader;

static void damaged(reader *r, const char *what)
{
    if (!r->failed)
        diag_add(r->diags, DIAG_ERROR, r->path, 0, 0, "%s", what);
    r->failed = true;
}

static void read_file_spec(reader *r, const pdf_obj *key, const pdf_obj *spec)
{
    pdf_file *f = r->f;
    if (r->b->nfiles >= MAX_ATTACHMENTS)
        return damaged(r, "damaged: more attached files than any booklet holds");
    char *name = text_of(pdf_get(f, spec, "UF"));
    if (!name)
        name = text_of(pdf_get(f, spec, "F"));
    if (!name)
        name = text_of(key);
    const pdf_obj *ef = pdf_get(f, spec, "EF");
    const pdf_obj *stream = pdf_get(f, ef, "F");
    if (!name || !stream || !stream->has_stream) {
        free(name);
        return damaged(r, "damaged: an attached file cannot be read");
    }
    pdf_booklet_file *bf = &r->b->files[r->b->nfiles++];
    *bf = (pdf_booklet_file){.name = name};
    bf->description = text_of(pdf_get(f, spec, "Desc"));
    const pdf_obj *subtype = pdf_get(f, stream, "Subtype");
    if (subtype && subtype->kind == PDF_NAME)
        bf->mime = strdup(subtype->name);
    const pdf_obj *params = pdf_get(f, stream, "Params");
    const pdf_obj *size = pdf_get(f, params, "Size");
    bf->declared_size = size && size->kind == PDF_NUMBER ? (long long)size->number : -1;
    if (!r->with_data)
        return;
    if (bf->declared_size > (long long)MAX_ATTACHMENT_BYTES) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 "an attached file is %lld bytes, larger than any source briefc embeds "
                 "(16 MiB): nothing is extracted",
                 bf->declared_size);
        return damaged(r, msg);
    }
    size_t max = MAX_ATTACHMENT_BYTES;
    if (bf->declared_size >= 0 && (size_t)bf->declared_size < max)
        max = (size_t)bf->declared_size;
    bf->data = pdf_stream_data(f, stream, max, &bf->len);
    if (!bf->data || (bf->declared_size >= 0 && (size_t)bf->declared_size != bf->len)) {
        free(bf->data);
        bf->data = NULL;
        return damaged(
            r, "damaged: an attached file is not the size it declares, or cannot be decoded");
    }
    const pdf_obj *sum = pdf_get(f, params, "CheckSum");
    if (sum && sum->kind == PDF_STRING && sum->len == 16) {
        uint8_t md5[16];
        base_md5(bf->data, bf->len, md5);
        bf->checksum_ok = memcmp(md5, sum->bytes, 16) == 0;
        if (!bf->checksum_ok)
            damaged(r, "damaged: an attached file does not match its checksum");
    }
}

static void read_name_tree(reader *r, const pdf_obj *node, int depth)
{
    if (!node || node->kind != PDF_DICT || r->failed)
        return;
    if (depth > MAX_TREE_DEPTH)
        return damaged(r, "damaged: its name tree is nested too deep");
    const pdf_obj *names = pdf_get(r->f, node, "Names");
    if (names && names->kind == PDF_ARRAY) {
        size_t n = names->count / 2;
        r->b->files = xrealloc(r->b->files, (r->b->nfiles + n + 1) * sizeof *r->b->files);
        for (size_t i = 0; i < n && !r->failed; i++)
            read_file_spec(r, pdf_resolve(r->f, names->items[2 * i]),
                           pdf_resolve(r->f, names->items[2 * i + 1]));
    }
    const pdf_obj *kids = pdf_get(r->f, node, "Kids");
    for (size_t i = 0; kids && kids->kind == PDF_ARRAY && i < kids->count; i++)
        read_name_tree(r, pdf_resolve(r->f, kids->items[i]), depth + 1);
}

/* ---- the booklet ---- */

static void read_packet(pdf_booklet *b, const char *packet)
{
    b->title = xmp_value(packet, "dc:title");
    b->id = xmp_value(packet, "dc:identifier");
    b->version = xmp_value(packet, "xmpMM:VersionID");
    b->document_id = xmp_value(packet, "xmpMM:DocumentID");
    b->instance_id = xmp_value(packet, "xmpMM:InstanceID");
    b->date = xmp_value(packet, "xmp:CreateDate");
    b->layout = xmp_value(packet, "briefc:Layout");
    b->briefc_version = xmp_value(packet, "briefc:Version");
    b->producer = xmp_value(packet, "pdf:Producer");
    char *part = xmp_value(packet, "pdfaid:part");
    char *level = xmp_value(packet, "pdfaid:conformance");
    if (part && level)
        b->conformance = arena_printf(b->arena, "PDF/A-%s%c", part, level[0] | 0x20);
    free(part);
    free(level);
    b->fonts = xmp_list(packet, "briefc:Fonts", &b->nfonts);
}

pdf_booklet *pdf_booklet_read(const char *path, bool with_data, diag_list *diags)
{
    const char *why;
    pdf_file *f = pdf_file_open(path, MAX_FILE_BYTES, &why);
    if (!f) {
        diag_add(diags, DIAG_ERROR, path, 0, 0, "%s", why);
        return NULL;
    }
    pdf_booklet *b = xcalloc(1, sizeof *b);
    b->arena = arena_new();
    reader r = {f, b, with_data, path, diags, false};
    const pdf_obj *root = pdf_get(f, f->trailer, "Root");
    const pdf_obj *pages = pdf_get(f, root, "Pages");
    const pdf_obj *count = pdf_get(f, pages, "Count");
    b->pages = count && count->kind == PDF_NUMBER ? (long long)count->number : -1;
    size_t len = 0;
    char *packet = (char *)pdf_stream_data(f, pdf_get(f, root, "Metadata"), MAX_PACKET_BYTES, &len);
    if (packet) {
        packet[len] = '\0';
        read_packet(b, packet);
        free(packet);
    }
    if (!b->briefc_version) {
        damaged(&r, root ? "not a booklet briefc wrote (it carries no briefc metadata)"
                         : "damaged: its catalog cannot be read");
    } else {
        read_name_tree(&r, pdf_get(f, pdf_get(f, root, "Names"), "EmbeddedFiles"), 0);
    }
    pdf_file_close(f);
    if (r.failed) {
        pdf_booklet_free(b);
        return NULL;
    }
    return b;
}

void pdf_booklet_free(pdf_booklet *b)
{
    if (!b)
        return;
    char **fields[] = {&b->title, &b->id,     &b->version,        &b->document_id, &b->instance_id,
                       &b->date,  &b->layout, &b->briefc_version, &b->producer};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        free(*fields[i]);
    for (size_t i = 0; i < b->nfonts; i++)
        free(b->fonts[i]);
    free(b->fonts);
    for (size_t i = 0; i < b->nfiles; i++) {
        free(b->files[i].name);
        free(b->files[i].description);
        free(b->files[i].mime);
        free(b->files[i].data);
    }
    free(b->files);
    arena_free(b->arena);
    free(b);
}
