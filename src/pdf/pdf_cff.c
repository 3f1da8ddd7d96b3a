/* pdf_cff.c — read the charset of a CID-keyed CFF table (Adobe TN #5176).
 *
 * A PDF CIDFontType0 selects glyphs by CID, and hb-subset renumbers glyphs
 * while keeping each glyph's CID in the charset. So the codes we write must
 * come from the subset's own charset, not from HarfBuzz's new glyph ids
 * (writing those renders blank pages in poppler). */
#include "pdf_internal.h"

#include <stdlib.h>

typedef struct cff_reader {
    const uint8_t *p;
    size_t len;
} cff_reader;

static bool has(const cff_reader *r, size_t pos, size_t n)
{
    return pos <= r->len && n <= r->len - pos;
}

static uint32_t read_uint(const cff_reader *r, size_t pos, unsigned size)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v = v << 8 | r->p[pos + i];
    return v;
}

/* An INDEX at pos: its count, where its data starts, the offset size and
 * where it ends. false when it does not fit in the table. */
typedef struct cff_index {
    uint32_t count;
    unsigned off_size;
    size_t offsets; /* position of the offset array */
    size_t data;    /* position before the first byte of data (offsets are 1-based) */
    size_t end;
} cff_index;

static bool read_index(const cff_reader *r, size_t pos, cff_index *ix)
{
    if (!has(r, pos, 2))
        return false;
    ix->count = read_uint(r, pos, 2);
    if (ix->count == 0) {
        ix->end = pos + 2;
        return true;
    }
    if (!has(r, pos + 2, 1))
        return false;
    ix->off_size = r->p[pos + 2];
    if (ix->off_size < 1 || ix->off_size > 4)
        return false;
    ix->offsets = pos + 3;
    if (!has(r, ix->offsets, (size_t)(ix->count + 1) * ix->off_size))
        return false;
    ix->data = ix->offsets + (size_t)(ix->count + 1) * ix->off_size - 1;
    uint32_t last = read_uint(r, ix->offsets + (size_t)ix->count * ix->off_size, ix->off_size);
    ix->end = ix->data + last;
    return has(r, ix->data, last);
}

/* Bytes [*start, *end) of entry i of ix. */
static bool index_entry(const cff_reader *r, const cff_index *ix, uint32_t i, size_t *start,
                        size_t *end)
{
    if (i >= ix->count)
        return false;
    uint32_t a = read_uint(r, ix->offsets + (size_t)i * ix->off_size, ix->off_size);
    uint32_t b = read_uint(r, ix->offsets + (size_t)(i + 1) * ix->off_size, ix->off_size);
    if (a < 1 || b < a)
        return false;
    *start = ix->data + a;
    *end = ix->data + b;
    return *end <= ix->end;
}

/* What we need from the Top DICT. */
typedef struct cff_top {
    bool ros; /* CID-keyed */
    long charset, charstrings;
} cff_top;

/* Walk the DICT operators; operands are kept only as integers (reals are
 * skipped), which is all charset/CharStrings/ROS need. */
static bool read_top_dict(const cff_reader *r, size_t pos, size_t end, cff_top *top)
{
    long operands[48];
    int n = 0;
    while (pos < end) {
        uint8_t b = r->p[pos];
        long v = 0;
        if (b <= 21) { /* operator */
            int op = b;
            pos++;
            if (b == 12) {
                if (pos >= end)
                    return false;
                op = 1200 + r->p[pos++];
            }
            if (op == 15 && n > 0)
                top->charset = operands[n - 1];
            else if (op == 17 && n > 0)
                top->charstrings = operands[n - 1];
            else if (op == 1230)
                top->ros = true;
            n = 0;
            continue;
        }
        if (b == 30) { /* real: nibbles up to an 0xf */
            pos++;
            while (pos < end && (r->p[pos] & 0x0f) != 0x0f && (r->p[pos] >> 4) != 0x0f)
                pos++;
            pos++;
        } else if (b == 28 && pos + 3 <= end) {
            v = (int16_t)read_uint(r, pos + 1, 2);
            pos += 3;
        } else if (b == 29 && pos + 5 <= end) {
            v = (int32_t)read_uint(r, pos + 1, 4);
            pos += 5;
        } else if (b >= 32 && b <= 246) {
            v = b - 139;
            pos += 1;
        } else if (b >= 247 && b <= 250 && pos + 2 <= end) {
            v = (b - 247) * 256 + r->p[pos + 1] + 108;
            pos += 2;
        } else if (b >= 251 && b <= 254 && pos + 2 <= end) {
            v = -(b - 251) * 256 - r->p[pos + 1] - 108;
            pos += 2;
        } else {
            return false;
        }
        if (n < 48)
            operands[n++] = v;
    }
    return true;
}

/* Charset formats 0, 1 and 2: glyph 0 is .notdef (CID 0), then either one
 * CID per glyph or ranges of consecutive CIDs. */
static bool read_charset(const cff_reader *r, size_t pos, uint32_t n, uint32_t *cids)
{
    if (!has(r, pos, 1))
        return false;
    uint8_t format = r->p[pos++];
    cids[0] = 0;
    uint32_t gid = 1;
    if (format == 0) {
        if (!has(r, pos, (size_t)(n - 1) * 2))
            return false;
        for (; gid < n; gid++, pos += 2)
            cids[gid] = read_uint(r, pos, 2);
        return true;
    }
    if (format != 1 && format != 2)
        return false;
    unsigned left_size = format == 1 ? 1 : 2;
    while (gid < n) {
        if (!has(r, pos, 2 + left_size))
            return false;
        uint32_t first = read_uint(r, pos, 2);
        uint32_t left = read_uint(r, pos + 2, left_size);
        pos += 2 + left_size;
        for (uint32_t k = 0; k <= left && gid < n; k++)
            cids[gid++] = first + k;
    }
    return true;
}

/* The first font's Top DICT; false when the table cannot be read. */
static bool read_first_top(const cff_reader *r, cff_top *top)
{
    if (!has(r, 0, 4))
        return false;
    cff_index names, tops;
    size_t top_start, top_end;
    if (!read_index(r, r->p[2], &names) || !read_index(r, names.end, &tops) ||
        !index_entry(r, &tops, 0, &top_start, &top_end))
        return false;
    *top = (cff_top){false, 0, 0};
    return read_top_dict(r, top_start, top_end, top);
}

bool pdf_cff_is_name_keyed(const uint8_t *cff, size_t len)
{
    cff_reader r = {cff, len};
    cff_top top;
    return read_first_top(&r, &top) && !top.ros;
}

size_t pdf_cff_cids(const uint8_t *cff, size_t len, uint32_t **cids)
{
    cff_reader r = {cff, len};
    *cids = NULL;
    cff_top top;
    if (!read_first_top(&r, &top) || !top.ros || top.charset <= 2 || top.charstrings <= 0)
        return 0;
    cff_index charstrings;
    if (!read_index(&r, (size_t)top.charstrings, &charstrings) || charstrings.count == 0)
        return 0;
    uint32_t *out = xmalloc(charstrings.count * sizeof *out);
    if (!read_charset(&r, (size_t)top.charset, charstrings.count, out)) {
        free(out);
        return 0;
    }
    *cids = out;
    return charstrings.count;
}
