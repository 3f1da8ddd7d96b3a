/* halt.c — half-width (halt) adjustments of the compressible full-width
 * marks: from the font's GPOS `halt`, else from the blank-half table. */
#include "font_internal.h"

#include <stdlib.h>

/* The compressible full-width marks of typography.md §3.1, with the half
 * that is blank (and so removable) in zh-Hans horizontal text. */
typedef enum { BLANK_RIGHT, BLANK_LEFT, BLANK_BOTH } blank_half;

typedef struct halt_mark {
    uint32_t cp;
    blank_half blank;
} halt_mark;

static const halt_mark HALT_MARKS[] = {
    /* pauses and stops: ink lower left or left */
    {0x3002, BLANK_RIGHT}, /* 。 */
    {0xFF0C, BLANK_RIGHT}, /* ， */
    {0x3001, BLANK_RIGHT}, /* 、 */
    {0xFF1B, BLANK_RIGHT}, /* ； */
    {0xFF1A, BLANK_RIGHT}, /* ： */
    {0xFF1F, BLANK_RIGHT}, /* ？ */
    {0xFF01, BLANK_RIGHT}, /* ！ */
    /* closing marks: ink left */
    {0x201D, BLANK_RIGHT}, /* ” */
    {0x2019, BLANK_RIGHT}, /* ’ */
    {0xFF09, BLANK_RIGHT}, /* ） */
    {0x3015, BLANK_RIGHT}, /* 〕 */
    {0xFF3D, BLANK_RIGHT}, /* ］ */
    {0x3011, BLANK_RIGHT}, /* 】 */
    {0x3017, BLANK_RIGHT}, /* 〗 */
    {0xFF5D, BLANK_RIGHT}, /* ｝ */
    {0x300B, BLANK_RIGHT}, /* 》 */
    {0x3009, BLANK_RIGHT}, /* 〉 */
    {0x300D, BLANK_RIGHT}, /* 」 */
    {0x300F, BLANK_RIGHT}, /* 』 */
    /* opening marks: ink right */
    {0x201C, BLANK_LEFT}, /* “ */
    {0x2018, BLANK_LEFT}, /* ‘ */
    {0xFF08, BLANK_LEFT}, /* （ */
    {0x3014, BLANK_LEFT}, /* 〔 */
    {0xFF3B, BLANK_LEFT}, /* ［ */
    {0x3010, BLANK_LEFT}, /* 【 */
    {0x3016, BLANK_LEFT}, /* 〖 */
    {0xFF5B, BLANK_LEFT}, /* ｛ */
    {0x300A, BLANK_LEFT}, /* 《 */
    {0x3008, BLANK_LEFT}, /* 〈 */
    {0x300C, BLANK_LEFT}, /* 「 */
    {0x300E, BLANK_LEFT}, /* 『 */
    /* 间隔号: centred, a quarter blank on each side of a 1-em cell */
    {0x00B7, BLANK_BOTH}, /* · */
};
#define NHALT_MARKS (sizeof HALT_MARKS / sizeof HALT_MARKS[0])

struct halt_entry {
    bool computed, ok;
    int advance_delta, offset_delta;
};

/* A zeroed cache with one entry per compressible mark; the font owns the
 * block and free()s it with itself. */
static halt_entry *halt_cache_new(void)
{
    return xcalloc(NHALT_MARKS, sizeof(halt_entry));
}

static const halt_mark *find_halt_mark(uint32_t cp, size_t *slot)
{
    for (size_t i = 0; i < NHALT_MARKS; i++) {
        if (HALT_MARKS[i].cp == cp) {
            *slot = i;
            return &HALT_MARKS[i];
        }
    }
    return NULL;
}

/* Shape cp alone, with `halt` or without (text_shape adds `fwid` for ·). */
static bool shape_one(const text_font *f, uint32_t cp, bool halt, shaped_glyph *out)
{
    char buf[4];
    size_t n = utf8_encode(cp, buf);
    hb_feature_t feature = {HB_TAG('h', 'a', 'l', 't'), 1, 0, (unsigned)-1};
    shaped_glyph *g = NULL;
    size_t count = text_shape(f, buf, n, 0, n, &feature, halt ? 1 : 0, &g);
    bool ok = count == 1;
    if (ok)
        *out = g[0];
    free(g);
    return ok;
}

/* The §3.1 blank-half table, for fonts without `halt`: only a glyph that
 * really is full width (or, for ·, about 1 em) has a blank half to lose. */
static bool halt_from_table(const text_font *f, const halt_mark *mark, int advance,
                            int *advance_delta, int *offset_delta)
{
    int upem = (int)f->info.units_per_em;
    if (advance < upem * 9 / 10)
        return false;
    *advance_delta = -upem / 2;
    switch (mark->blank) {
    case BLANK_RIGHT:
        *offset_delta = 0;
        break;
    case BLANK_LEFT:
        *offset_delta = -upem / 2;
        break;
    case BLANK_BOTH:
        *offset_delta = -upem / 4;
        break;
    }
    return true;
}

static void compute_halt(const text_font *f, const halt_mark *mark, halt_entry *e)
{
    shaped_glyph plain, half;
    e->computed = true;
    e->ok = false;
    if (!text_font_has_char(f, mark->cp) || !shape_one(f, mark->cp, false, &plain) ||
        !shape_one(f, mark->cp, true, &half))
        return;
    int da = half.x_advance - plain.x_advance;
    int doff = half.x_offset - plain.x_offset;
    if (da < 0) {
        e->ok = true;
        e->advance_delta = da;
        e->offset_delta = doff;
        return;
    }
    e->ok = halt_from_table(f, mark, plain.x_advance, &e->advance_delta, &e->offset_delta);
}

bool text_font_halt(const text_font *f, uint32_t cp, int *advance_delta, int *offset_delta)
{
    size_t slot;
    const halt_mark *mark = find_halt_mark(cp, &slot);
    if (!mark || !f)
        return false;
    if (!f->halt_cache) /* the font is not const, only this view of it */
        ((text_font *)f)->halt_cache = halt_cache_new();
    halt_entry *e = &f->halt_cache[slot];
    if (!e->computed)
        compute_halt(f, mark, e);
    if (!e->ok)
        return false;
    *advance_delta = e->advance_delta;
    *offset_delta = e->offset_delta;
    return true;
}
