/* text_internal.h — seams inside the text stage (fonts/shaping on one side,
 * breaking/setting on the other). Not for use outside src/text/. The files,
 * each calling only those listed before it:
 *   font.c         one loaded font and its accessors (font_internal.h)
 *   shape.c        HarfBuzz shaping of a run in one font
 *   halt.c         half-width adjustments, shaped once per font and mark
 *   breaks.c       line break opportunities (ICU, clreq-tailored)
 *   knuth_plass.c  the Knuth–Plass breaker, on items alone
 *   fonts.c        the engine: Fontconfig, roles, per-character fallback
 *   para_build.c   a paragraph's clusters and items (para_internal.h)
 *   paragraph.c    breaking and setting lines (text_set_paragraph …) */
#ifndef BRIEFC_TEXT_INTERNAL_H
#define BRIEFC_TEXT_INTERNAL_H

#include "text.h"

#include <hb.h>
#include <unicode/ubrk.h>

/* ---- fonts.c: the engine ---- */

/* The font to set code point cp in when `preferred` is wanted: preferred
 * itself when it has the character, else the first font of Fontconfig's
 * sorted fallback list that has it (warning once per character and font,
 * naming both; diags NULL: quietly, the warning still to come), else NULL
 * (caller reports the error). */
text_font *text_font_for_char(text_engine *te, text_font *preferred, uint32_t cp,
                              const text_origin *origin, size_t char_index, diag_list *diags);
/* The engine's line break iterator, opened on first use: the cache to give
 * text_find_breaks (breaks.c). */
UBreakIterator **text_engine_breaker(text_engine *te);

/* ---- font.c: one font (the rest of its accessors are in text.h) ---- */

bool text_font_has_char(const text_font *f, uint32_t cp);
hb_font_t *text_font_get_hb_font(const text_font *f); /* scale = units_per_em */

/* ---- halt.c ---- */

/* Half-width (halt) adjustment of the glyph for cp, in font units: the
 * advance change (negative) and the x-offset change. From the font's GPOS
 * `halt` when it has one, else from the blank-half table of typography.md
 * §3.1. false when cp is not a compressible full-width mark. */
bool text_font_halt(const text_font *f, uint32_t cp, int *advance_delta, int *offset_delta);

/* ---- shape.c ---- */

typedef struct shaped_glyph {
    uint32_t gid;
    int x_advance, x_offset, y_offset; /* font units */
    uint32_t cluster;                  /* byte offset in the text given */
} shaped_glyph;

/* Shape text[start, end) (with the rest of text as context) in font f,
 * language zh-Hans, direction LTR, with the given features. Returns the
 * glyph count; *out is heap memory the caller frees. */
size_t text_shape(const text_font *f, const char *text, size_t len, size_t start, size_t end,
                  const hb_feature_t *features, size_t nfeatures, shaped_glyph **out);

/* ---- breaks.c ---- */

typedef enum {
    BREAK_NONE,      /* no break before this character */
    BREAK_ALLOWED,   /* a break opportunity before it */
    BREAK_PENALIZED, /* allowed, but discouraged (number + Chinese unit, 957.1|亿) */
} text_break_kind;

/* For each code point i of text (n = utf8_length), the break opportunity
 * *before* it: ICU's line breaker (zh, strict) tailored to clreq GB-style
 * (typography.md §2.4). breaks[0] is BREAK_NONE. Heap array. cache (may be
 * NULL) keeps ICU's iterator between calls; close it with
 * text_close_breaker. */
text_break_kind *text_find_breaks(UBreakIterator **cache, const char *text, size_t len, size_t *n);
void text_close_breaker(UBreakIterator **cache);
/* Discourage every allowed break of text (breaks as text_find_breaks gave
 * them, n code points) that does not fall between two words (ICU's
 * Chinese word boundaries): BREAK_ALLOWED becomes BREAK_PENALIZED there. */
void text_prefer_word_breaks(const char *text, size_t len, text_break_kind *breaks, size_t n);

/* ---- knuth_plass.c: the paragraph as a function, no fonts involved ---- */

typedef enum { KP_BOX, KP_GLUE, KP_PENALTY } kp_kind;

typedef struct kp_item {
    kp_kind kind;
    double width, stretch, shrink; /* glue: all three; box: width; penalty: width if broken */
    double penalty; /* KP_PENALTY: cost; >= KP_INFINITY forbids, <= -KP_INFINITY forces */
    bool flagged;
} kp_item;

#define KP_INFINITY 10000.0

/* Choose breaks for the whole paragraph (Knuth–Plass total fit) with line
 * widths widths[k] (the last repeats for later lines). Writes the indices of
 * the chosen break items (the last is the final forced break) to *breaks
 * (heap); returns their count, or 0 when no feasible set exists within
 * `tolerance` (the caller retries with a larger one or breaks by force). */
size_t text_kp_break(const kp_item *items, size_t n, const double *widths, size_t nwidths,
                     double tolerance, size_t **breaks);

#endif
