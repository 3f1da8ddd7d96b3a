/* pdf_parse.c — a small reader of PDF files, for what a booklet says about
 * itself (pdf_read.c): objects, the cross-reference table, streams.
 *
 * It reads what briefc writes (and what most writers of classic PDF
 * write): a cross-reference table with its trailer, updated through /Prev,
 * objects at the offsets it gives. It never trusts the file: every length,
 * offset, nesting and reference is checked against the bytes there are, so
 * a truncated or crafted file gives an error, never a read out of bounds.
 * Object streams and cross-reference streams (PDF 1.5's compressed forms,
 * which PDF/A-1 forbids) are not read; such a file is reported as one
 * briefc did not write. */
#include "pdf_internal.h"

#include <math.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#define MAX_NESTING 64       /* arrays and dictionaries inside each other */
#define MAX_PREV 32          /* cross-reference sections chained by /Prev */
#define MAX_OBJECTS 8000000u /* entries of the cross-reference table */

static bool is_white(uint8_t c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(uint8_t c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == '/' || c == '%';
}

static void skip_space(const pdf_file *f, size_t *at)
{
    while (*at < f->len) {
        uint8_t c = f->data[*at];
        if (is_white(c)) {
            (*at)++;
        } else if (c == '%') { /* a comment runs to the end of the line */
            while (*at < f->len && f->data[*at] != '\n' && f->data[*at] != '\r')
                (*at)++;
        } else {
            break;
        }
    }
}

static bool keyword_at(const pdf_file *f, size_t at, const char *kw)
{
    size_t n = strlen(kw);
    return at + n <= f->len && memcmp(f->data + at, kw, n) == 0 &&
           (at + n == f->len || is_white(f->data[at + n]) || is_delim(f->data[at + n]));
}

static pdf_obj *new_obj(pdf_file *f, pdf_obj_kind kind)
{
    pdf_obj *o = arena_alloc(f->arena, sizeof *o);
    o->kind = kind;
    return o;
}

static bool parse_number(pdf_file *f, size_t *at, double *out)
{
    size_t i = *at, digits = 0;
    char buf[64];
    size_t n = 0;
    if (i < f->len && (f->data[i] == '+' || f->data[i] == '-'))
        buf[n++] = (char)f->data[i++];
    while (i < f->len && n < sizeof buf - 1 &&
           ((f->data[i] >= '0' && f->data[i] <= '9') || f->data[i] == '.')) {
        digits += f->data[i] != '.';
        buf[n++] = (char)f->data[i++];
    }
    if (digits == 0)
        return false;
    buf[n] = '\0';
    *out = strtod(buf, NULL);
    *at = i;
    return true;
}

static pdf_obj *parse_literal_string(pdf_file *f, size_t *at)
{
    VEC(uint8_t) s = {0};
    size_t i = *at + 1;
    int depth = 1;
    while (i < f->len) {
        uint8_t c = f->data[i++];
        if (c == '(') {
            depth++;
        } else if (c == ')' && --depth == 0) {
            break;
        } else if (c == '\\' && i < f->len) {
            c = f->data[i++];
            static const char from[] = "nrtbf", to[] = "\n\r\t\b\f";
            const char *k = strchr(from, c);
            if (c && k) {
                c = (uint8_t)to[k - from];
            } else if (c >= '0' && c <= '7') {
                int v = c - '0';
                for (int d = 0; d < 2 && i < f->len && f->data[i] >= '0' && f->data[i] <= '7'; d++)
                    v = v * 8 + (f->data[i++] - '0');
                c = (uint8_t)v;
            } else if (c == '\r' || c == '\n') { /* a line continued */
                if (c == '\r' && i < f->len && f->data[i] == '\n')
                    i++;
                continue;
            }
        }
        VEC_PUSH(&s, c);
    }
    if (depth != 0) {
        free(s.items);
        return NULL;
    }
    pdf_obj *o = new_obj(f, PDF_STRING);
    o->len = s.count;
    o->bytes = arena_alloc(f->arena, s.count + 1);
    if (s.count)
        memcpy(o->bytes, s.items, s.count);
    free(s.items);
    *at = i;
    return o;
}

static pdf_obj *parse_hex_string(pdf_file *f, size_t *at)
{
    size_t i = *at + 1, start = i;
    while (i < f->len && f->data[i] != '>')
        i++;
    if (i >= f->len)
        return NULL;
    pdf_obj *o = new_obj(f, PDF_STRING);
    o->bytes = arena_alloc(f->arena, (i - start) / 2 + 2);
    int half = -1;
    for (size_t k = start; k < i; k++) {
        int v = base_hex_digit((char)f->data[k]);
        if (v < 0) {
            if (!is_white(f->data[k]))
                return NULL;
            continue;
        }
        if (half < 0) {
            half = v;
        } else {
            o->bytes[o->len++] = (uint8_t)(half << 4 | v);
            half = -1;
        }
    }
    if (half >= 0)
        o->bytes[o->len++] = (uint8_t)(half << 4);
    *at = i + 1;
    return o;
}

static pdf_obj *parse_name(pdf_file *f, size_t *at)
{
    size_t i = *at + 1;
    VEC(char) s = {0};
    while (i < f->len && !is_white(f->data[i]) && !is_delim(f->data[i])) {
        char c = (char)f->data[i++];
        if (c == '#' && i + 1 < f->len && base_hex_digit((char)f->data[i]) >= 0 &&
            base_hex_digit((char)f->data[i + 1]) >= 0) {
            c = (char)(base_hex_digit((char)f->data[i]) << 4 |
                       base_hex_digit((char)f->data[i + 1]));
            i += 2;
        }
        VEC_PUSH(&s, c);
    }
    pdf_obj *o = new_obj(f, PDF_NAME);
    o->name = arena_strndup(f->arena, s.items ? s.items : "", s.count);
    free(s.items);
    *at = i;
    return o;
}

static pdf_obj *parse_at(pdf_file *f, size_t *at, int depth);

static pdf_obj *parse_array(pdf_file *f, size_t *at, int depth)
{
    VEC(pdf_obj *) items = {0};
    (*at)++;
    for (;;) {
        skip_space(f, at);
        if (*at >= f->len) {
            free(items.items);
            return NULL;
        }
        if (f->data[*at] == ']') {
            (*at)++;
            break;
        }
        pdf_obj *item = parse_at(f, at, depth + 1);
        if (!item) {
            free(items.items);
            return NULL;
        }
        VEC_PUSH(&items, item);
    }
    pdf_obj *o = new_obj(f, PDF_ARRAY);
    o->count = items.count;
    o->items = arena_alloc(f->arena, (items.count + 1) * sizeof *o->items);
    if (items.count)
        memcpy(o->items, items.items, items.count * sizeof *o->items);
    free(items.items);
    return o;
}

static pdf_obj *parse_dict(pdf_file *f, size_t *at, int depth)
{
    VEC(pdf_obj *) items = {0}; /* key, value, key, value … */
    *at += 2;
    for (;;) {
        skip_space(f, at);
        if (*at + 1 < f->len && f->data[*at] == '>' && f->data[*at + 1] == '>') {
            *at += 2;
            break;
        }
        if (*at >= f->len || f->data[*at] != '/') {
            free(items.items);
            return NULL;
        }
        pdf_obj *key = parse_name(f, at);
        skip_space(f, at);
        pdf_obj *value = parse_at(f, at, depth + 1);
        if (!value) {
            free(items.items);
            return NULL;
        }
        VEC_PUSH(&items, key);
        VEC_PUSH(&items, value);
    }
    pdf_obj *o = new_obj(f, PDF_DICT);
    o->count = items.count / 2;
    o->items = arena_alloc(f->arena, (items.count + 1) * sizeof *o->items);
    if (items.count)
        memcpy(o->items, items.items, items.count * sizeof *o->items);
    free(items.items);
    return o;
}

/* One object at *at: a number may turn out to be a reference "n g R". */
static pdf_obj *parse_at(pdf_file *f, size_t *at, int depth)
{
    if (depth > MAX_NESTING)
        return NULL;
    skip_space(f, at);
    if (*at >= f->len)
        return NULL;
    uint8_t c = f->data[*at];
    if (c == '[')
        return parse_array(f, at, depth);
    if (c == '<' && *at + 1 < f->len && f->data[*at + 1] == '<')
        return parse_dict(f, at, depth);
    if (c == '<')
        return parse_hex_string(f, at);
    if (c == '(')
        return parse_literal_string(f, at);
    if (c == '/')
        return parse_name(f, at);
    if (keyword_at(f, *at, "true") || keyword_at(f, *at, "false")) {
        pdf_obj *o = new_obj(f, PDF_BOOL);
        o->number = c == 't';
        *at += c == 't' ? 4 : 5;
        return o;
    }
    if (keyword_at(f, *at, "null")) {
        *at += 4;
        return new_obj(f, PDF_NULL);
    }
    double v;
    if (!parse_number(f, at, &v))
        return NULL;
    /* "n g R"? Look ahead without committing. */
    size_t look = *at;
    double g;
    skip_space(f, &look);
    if (v >= 0 && v <= UINT32_MAX && v == floor(v) && parse_number(f, &look, &g)) {
        skip_space(f, &look);
        if (look < f->len && f->data[look] == 'R' && keyword_at(f, look, "R")) {
            pdf_obj *o = new_obj(f, PDF_REF);
            o->ref = (uint32_t)v;
            *at = look + 1;
            return o;
        }
    }
    pdf_obj *o = new_obj(f, PDF_NUMBER);
    o->number = v;
    return o;
}

/* ---- the cross-reference table ---- */

static bool read_xref_section(pdf_file *f, size_t at, pdf_obj **trailer)
{
    if (!keyword_at(f, at, "xref"))
        return false; /* a cross-reference stream, or nonsense */
    at += 4;
    for (;;) {
        skip_space(f, &at);
        if (keyword_at(f, at, "trailer"))
            break;
        double first, count;
        if (!parse_number(f, &at, &first) || (skip_space(f, &at), !parse_number(f, &at, &count)))
            return false;
        if (first < 0 || count < 0 || first + count > MAX_OBJECTS)
            return false;
        skip_space(f, &at);
        if (at + (size_t)count * 20 > f->len)
            return false;
        size_t need = (size_t)(first + count);
        if (need > f->nobjects) {
            f->offsets = xrealloc(f->offsets, need * sizeof *f->offsets);
            memset(f->offsets + f->nobjects, 0, (need - f->nobjects) * sizeof *f->offsets);
            f->nobjects = need;
        }
        for (size_t k = 0; k < (size_t)count; k++, at += 20) {
            const uint8_t *e = f->data + at;
            size_t n = (size_t)first + k;
            /* an earlier (newer) section has the say */
            if (e[17] == 'n' && f->offsets[n] == 0)
                f->offsets[n] = (size_t)strtoul((const char *)e, NULL, 10) + 1;
        }
    }
    at += 7;
    *trailer = parse_at(f, &at, 0);
    return *trailer && (*trailer)->kind == PDF_DICT;
}

static bool read_xref(pdf_file *f)
{
    /* startxref is in the last kilobyte */
    size_t from = f->len > 1024 ? f->len - 1024 : 0, at = (size_t)-1;
    for (size_t i = f->len; i-- > from;)
        if (keyword_at(f, i, "startxref")) {
            at = i + 9;
            break;
        }
    double offset;
    if (at == (size_t)-1 || (skip_space(f, &at), !parse_number(f, &at, &offset)) || offset < 0 ||
        offset >= (double)f->len)
        return false;
    for (int n = 0; n < MAX_PREV; n++) {
        pdf_obj *trailer;
        if (!read_xref_section(f, (size_t)offset, &trailer))
            return false;
        if (!f->trailer)
            f->trailer = trailer;
        const pdf_obj *prev = pdf_dict_get(trailer, "Prev");
        if (!prev || prev->kind != PDF_NUMBER)
            return true;
        offset = prev->number;
        if (offset < 0 || offset >= (double)f->len)
            return false;
    }
    return false;
}

pdf_file *pdf_file_open(const char *path, size_t max_bytes, const char **why)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max_bytes) {
        *why = "too large to be a booklet";
        return NULL;
    }
    size_t len;
    char *data = base_read_file(path, &len);
    if (!data) {
        *why = "cannot be read";
        return NULL;
    }
    if (len > max_bytes) {
        free(data);
        *why = "too large to be a booklet";
        return NULL;
    }
    pdf_file *f = xcalloc(1, sizeof *f);
    f->data = (const uint8_t *)data;
    f->len = len;
    f->arena = arena_new();
    if (len < 8 || memcmp(data, "%PDF-", 5) != 0) {
        *why = "not a PDF file";
        pdf_file_close(f);
        return NULL;
    }
    if (!read_xref(f)) {
        *why = "damaged or truncated, or not a PDF briefc could have written (its "
               "cross-reference table cannot be read)";
        pdf_file_close(f);
        return NULL;
    }
    return f;
}

void pdf_file_close(pdf_file *f)
{
    if (!f)
        return;
    free((void *)f->data);
    free(f->offsets);
    arena_free(f->arena);
    free(f);
}

/* ---- objects ---- */

const pdf_obj *pdf_dict_get(const pdf_obj *dict, const char *key)
{
    if (!dict || dict->kind != PDF_DICT)
        return NULL;
    for (size_t i = 0; i < dict->count; i++)
        if (strcmp(dict->items[2 * i]->name, key) == 0)
            return dict->items[2 * i + 1];
    return NULL;
}

/* Object n as stored: "n g obj" then the object, with its stream. */
static const pdf_obj *load_object(pdf_file *f, uint32_t n)
{
    if (n >= f->nobjects || f->offsets[n] == 0)
        return NULL;
    size_t at = f->offsets[n] - 1;
    double num, gen;
    if (!parse_number(f, &at, &num) || num != n ||
        (skip_space(f, &at), !parse_number(f, &at, &gen)))
        return NULL;
    skip_space(f, &at);
    if (!keyword_at(f, at, "obj"))
        return NULL;
    at += 3;
    pdf_obj *o = parse_at(f, &at, 0);
    if (!o)
        return NULL;
    skip_space(f, &at);
    if (o->kind == PDF_DICT && keyword_at(f, at, "stream")) {
        at += 6;
        if (at < f->len && f->data[at] == '\r')
            at++;
        if (at < f->len && f->data[at] == '\n')
            at++;
        o->stream_at = at;
        o->has_stream = true;
    }
    return o;
}

const pdf_obj *pdf_resolve(pdf_file *f, const pdf_obj *o)
{
    /* a reference to a reference …: followed a few times, never in a loop */
    for (int hops = 0; o && o->kind == PDF_REF; hops++) {
        if (hops >= 8)
            return NULL;
        uint32_t n = o->ref;
        if (n < f->nobjects && f->cache && f->cache[n])
            o = f->cache[n];
        else {
            if (!f->cache)
                f->cache = arena_alloc(f->arena, f->nobjects * sizeof *f->cache + 1);
            o = n < f->nobjects ? load_object(f, n) : NULL;
            if (o)
                f->cache[n] = o;
        }
    }
    return o;
}

const pdf_obj *pdf_get(pdf_file *f, const pdf_obj *dict, const char *key)
{
    return pdf_resolve(f, pdf_dict_get(pdf_resolve(f, dict), key));
}

bool pdf_is_name(const pdf_obj *o, const char *name)
{
    return o && o->kind == PDF_NAME && strcmp(o->name, name) == 0;
}

/* Inflate data into at most max bytes (heap); NULL when it is not a
 * complete zlib stream or would be larger. */
static uint8_t *inflate_bounded(const uint8_t *data, size_t len, size_t max, size_t *out_len)
{
    z_stream z = {0};
    if (inflateInit(&z) != Z_OK)
        return NULL;
    size_t cap = len * 4 + 1024 < max ? len * 4 + 1024 : max + 1;
    uint8_t *out = xmalloc(cap + 1);
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)len;
    int r = Z_OK;
    while (r == Z_OK) {
        if (z.total_out == cap) {
            if (cap > max)
                break;
            cap = cap * 2 < max + 1 ? cap * 2 : max + 1;
            out = xrealloc(out, cap + 1);
        }
        z.next_out = out + z.total_out;
        z.avail_out = (uInt)(cap - z.total_out);
        r = inflate(&z, Z_NO_FLUSH);
    }
    size_t n = z.total_out;
    inflateEnd(&z);
    if (r != Z_STREAM_END || n > max) {
        free(out);
        return NULL;
    }
    *out_len = n;
    return out;
}

uint8_t *pdf_stream_data(pdf_file *f, const pdf_obj *stream, size_t max, size_t *len)
{
    if (!stream || stream->kind != PDF_DICT || !stream->has_stream)
        return NULL;
    const pdf_obj *length = pdf_get(f, stream, "Length");
    if (!length || length->kind != PDF_NUMBER || length->number < 0 ||
        length->number > (double)(f->len - stream->stream_at))
        return NULL;
    size_t n = (size_t)length->number;
    const uint8_t *raw = f->data + stream->stream_at;
    const pdf_obj *filter = pdf_get(f, stream, "Filter");
    if (filter && filter->kind == PDF_ARRAY && filter->count == 1)
        filter = pdf_resolve(f, filter->items[0]);
    if (!filter) {
        if (n > max)
            return NULL;
        uint8_t *out = xmalloc(n + 1);
        memcpy(out, raw, n);
        *len = n;
        return out;
    }
    if (!pdf_is_name(filter, "FlateDecode") || pdf_dict_get(stream, "DecodeParms"))
        return NULL; /* briefc writes no other */
    return inflate_bounded(raw, n, max, len);
}
