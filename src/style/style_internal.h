/* style_internal.h — helpers shared by the files of the style stage: units,
 * colours and "did you mean" suggestions. Not for other modules. */
#ifndef BRIEFC_STYLE_INTERNAL_H
#define BRIEFC_STYLE_INTERNAL_H

#include "style.h"
#include "../report/report.h"

#define STYLE_PT_PER_MM (72.0 / 25.4)

/* Parse "12", "12.5pt", "4.2 mm", "-3" → the number and its unit as written
 * ("" when bare). The unit must be one of pt, mm, cm, in, em, or none.
 * false when the text is not of that form. */
bool style_parse_quantity(const char *text, double *value, const char **unit);

/* A length with a unit (pt, mm, cm, in) in points; false for other units. */
bool style_unit_to_pt(const char *unit, double value, double *pt);

/* The Word-column point size of a Chinese 号 name ("小四" → 12), or -1. */
double style_hao_points(const char *text);

/* "#RRGGBB" or "#RGB" → an RGB colour; false when malformed. */
bool style_parse_hex_color(const char *text, style_color *c);

/* The candidate closest to word when it is close enough to be a likely typo,
 * else NULL. */
const char *style_suggest(const char *word, const char *const *candidates, size_t n);

/* ---- a layout as the files of an `extends` chain say it ----
 * Each file of the chain, from the root to the leaf, is applied over one
 * spec: a field a file sets replaces the inherited one. Units that depend on
 * other fields (leading in multiples of the size, spacing in lines) are kept
 * as written and resolved only once the whole chain is merged, so a child
 * changing `size` alone gets a leading that follows. */

typedef struct style_where {
    const char *file; /* in the style's arena */
    int line, col;
} style_where;

typedef struct style_num_field {
    bool set;
    bool relative; /* a multiple (of size, leading or em) rather than points */
    double v;
    style_where at;
} style_num_field;

typedef struct style_str_field {
    bool set;
    const char *v;
    style_where at;
} style_str_field;

typedef struct style_color_field {
    bool set;
    const char *ref; /* name of a colour in `colors`, or NULL for c */
    style_color c;
    style_where at;
} style_color_field;

typedef struct style_text_spec {
    bool defined; /* some file of the chain has this style */
    style_where at;
    style_str_field font, strong_font;
    style_num_field size, leading, indent, space_before, space_after;
    bool align_set;
    style_align align;
    style_color_field color;
} style_text_spec;

typedef struct style_role_spec {
    const char *name;
    const char **families;
    size_t nfamilies;
    style_where at;
} style_role_spec;

typedef struct style_named_color {
    const char *name;
    style_color c;
    style_where at;
} style_named_color;

enum { STYLE_MARGIN_TOP, STYLE_MARGIN_BOTTOM, STYLE_MARGIN_INNER, STYLE_MARGIN_OUTER };

typedef struct style_spec {
    style_num_field width, height; /* set together by page.size */
    style_num_field margin[4];
    bool mirror_set, mirror;
    style_num_field header_offset, footer_offset, header_rule;
    VEC(style_role_spec) roles;
    VEC(style_named_color) colors;
    style_text_spec text[STYLE_COUNT];
} style_spec;

/* What applying one file needs. */
typedef struct style_reader {
    arena *out; /* the style's arena: strings that outlive the trees */
    diag_list *diags;
    const char *file; /* the file being applied, in out */
} style_reader;

/* Apply the sections of one layout file (root: its top mapping, already
 * known to be one) over spec; every error goes to the reader's diags. */
void style_spec_apply(style_reader *rd, const tree_node *root, style_spec *spec);
void style_spec_free(style_spec *spec);

/* Report an error at node in the reader's file. */
void style_error(style_reader *rd, const tree_node *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
