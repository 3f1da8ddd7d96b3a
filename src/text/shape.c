/* shape.c — HarfBuzz shaping of one run of text in one font, in font units,
 * with byte clusters into the caller's text. */
#include "text_internal.h"

#include <stdlib.h>

/* Characters whose default glyph in Noto CJK SC is narrower than the
 * GB 15834 width (typography.md §3.5): U+2014 is 0.89 em, so "——" would not
 * be 2 em and continuous; U+2E3A is 1.68 em; U+00B7 is 0.327 em in Serif.
 * `fwid` gives the full-width forms; callers need not ask for it. */
static bool wants_fwid(uint32_t cp)
{
    return cp == 0x2014 || cp == 0x2E3A || cp == 0x00B7;
}

/* One `fwid` feature per such character of text[start, end), on its byte
 * cluster (hb_buffer_add_utf8 numbers clusters by byte offset in text). */
static size_t fwid_features(const char *text, size_t start, size_t end, hb_feature_t **out)
{
    VEC(hb_feature_t) fs = {0};
    size_t i = start;
    while (i < end) {
        size_t at = i;
        uint32_t cp = utf8_decode(text, end, &i);
        if (wants_fwid(cp)) {
            hb_feature_t f = {HB_TAG('f', 'w', 'i', 'd'), 1, (unsigned)at, (unsigned)i};
            VEC_PUSH(&fs, f);
        }
    }
    *out = fs.items;
    return fs.count;
}

size_t text_shape(const text_font *f, const char *text, size_t len, size_t start, size_t end,
                  const hb_feature_t *features, size_t nfeatures, shaped_glyph **out)
{
    *out = NULL;
    if (!f || start >= end || end > len)
        return 0;
    hb_buffer_t *buf = hb_buffer_create();
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    /* The whole text goes in as context, so that contextual lookups at the
     * run's edges see their neighbours; only [start, end) is shaped. */
    hb_buffer_add_utf8(buf, text, (int)len, (unsigned)start, (int)(end - start));
    hb_buffer_guess_segment_properties(buf);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_language(buf, hb_language_from_string("zh-Hans", -1));

    /* Ours first, so that a caller's explicit setting wins. */
    hb_feature_t *all = NULL;
    size_t nall = fwid_features(text, start, end, &all);
    if (nfeatures) {
        all = xrealloc(all, (nall + nfeatures) * sizeof *all);
        for (size_t i = 0; i < nfeatures; i++)
            all[nall + i] = features[i];
        nall += nfeatures;
    }
    hb_shape(text_font_get_hb_font(f), buf, all, (unsigned)nall);
    free(all);

    unsigned n = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
    shaped_glyph *g = n ? xmalloc(n * sizeof *g) : NULL;
    for (unsigned i = 0; i < n; i++) {
        g[i].gid = info[i].codepoint;
        g[i].x_advance = pos[i].x_advance;
        g[i].x_offset = pos[i].x_offset;
        g[i].y_offset = pos[i].y_offset;
        g[i].cluster = info[i].cluster;
    }
    hb_buffer_destroy(buf);
    *out = g;
    return n;
}
