/* para_internal.h — a paragraph being set (text_setting), between its two
 * files: para_build.c turns text into clusters and Knuth–Plass items,
 * paragraph.c breaks and sets them into the public text_para. Not for use
 * outside src/text/. */
#ifndef BRIEFC_PARA_INTERNAL_H
#define BRIEFC_PARA_INTERNAL_H

#include "text_internal.h"

#define PARA_NONE ((size_t)-1)

typedef enum {
    CC_HAN,   /* ideographs: a box each, justification glue between */
    CC_PUNCT, /* full-width marks with a compressible blank half (§3.1) */
    CC_CJK,   /* other wide characters: ——, ……, ～, ／, ·, kana */
    CC_ALNUM, /* Latin letters and digits */
    CC_SPACE, /* U+0020, and tab (U+0009), set as the same word space */
    CC_OTHER, /* Latin punctuation and symbols */
    CC_BREAK, /* line feed (U+000A): a forced line break (one_line: a blank) */
} char_class;

typedef struct para_glyph {
    uint32_t gid;
    double advance, x_offset, y_offset; /* pt */
} para_glyph;

/* One grapheme cluster: a box in the paragraph. */
typedef struct para_cluster {
    size_t start, end; /* bytes of the text */
    size_t cp_index;   /* code point index of its first character */
    uint32_t cp;
    char_class cls;
    text_font *font;
    bool strong;
    size_t glyph0, nglyphs;
    double adv;              /* pt, the font's advance */
    double box_w;            /* width of its box: adv less its blanks, or its grid cells */
    double inset;            /* pen from the box's left edge (centring a glyph in its cells) */
    double lb, rb;           /* natural blank halves, pt (0 when none) */
    double fixed_l, fixed_r; /* blank removed for good: pair rule, ·, paragraph end */
    bool shrink_l, shrink_r; /* the rest of the blank may be pushed in */
    size_t box_item;         /* index of its box among the items */
    size_t junction_before;  /* the junction whose right cluster it is, or PARA_NONE */
} para_cluster;

typedef enum { GAP_NONE, GAP_HAN, GAP_CJK_LATIN, GAP_SPACE } gap_kind;

/* Between two visible clusters, with any source spaces between them. */
typedef struct para_junction {
    size_t left, right;          /* cluster indices */
    size_t space_first, nspaces; /* the source U+0020 clusters in between */
    gap_kind gap;
    size_t gap_item; /* PARA_NONE when no gap glue */
    bool control;    /* a tab or line feed in it (or as its left cluster): no glyph
                        shows it, so its text is given as ActualText */
} para_junction;

typedef enum { ROLE_OTHER, ROLE_BOX, ROLE_GAP, ROLE_BREAK } item_role;

typedef struct para_ref {
    item_role role;
    size_t index; /* cluster (ROLE_BOX, ROLE_BREAK: the line feed) or junction (ROLE_GAP) */
} para_ref;

/* A paragraph being set: its text and style, the break opportunity before
 * each code point, its clusters and their glyphs, the junctions between
 * visible clusters and the Knuth–Plass items built from them (refs[j] says
 * what items[j] stands for). Lives for one call of text_set_paragraph,
 * text_set_line or text_measure (paragraph.c); the lines set from it are in
 * the caller's arena. */
typedef struct text_setting {
    const char *text;
    size_t len;
    const text_style *st;
    const text_span *spans; /* strong and decorated spans (the caller's) */
    size_t nspans;
    double em;
    bool one_line; /* text_set_line: a line feed is a blank, not a break */
    size_t ncp;
    text_break_kind *breaks; /* per code point, heap */
    VEC(para_cluster) clusters;
    VEC(para_glyph) glyphs;
    VEC(para_junction) junctions;
    VEC(kp_item) items;
    VEC(para_ref) refs;
} text_setting;

/* ---- para_build.c ---- */

/* Fonts, shaping and clusters (errors for characters no font has). */
void text_setting_shape(text_setting *p, text_engine *te, const text_span *spans, size_t nspans,
                        const text_origin *origin, diag_list *diags);
/* The item list. `emergency`: a junction without a break opportunity gets
 * PARA_EMERGENCY_PENALTY instead of a ban, for breaking by force. */
void text_setting_build_items(text_setting *p, bool emergency);
void text_setting_free(text_setting *p);

#define PARA_EMERGENCY_PENALTY 5000.0

#endif
