/* style_internal.h — what the files of the style stage share; not for other
 * modules. From the bottom up:
 *   style_units.c   numbers with units, 号 sizes, hex colours
 *   style_read.c    errors, node shapes and the values sections share
 *   style_blocks.c  the `table:` and `bars:` sections
 *   style_spec.c    one file's page, fonts, colors and styles (and the rest)
 *   style.c         the `extends` chain, completeness, resolution (style.h) */
#ifndef BRIEFC_STYLE_INTERNAL_H
#define BRIEFC_STYLE_INTERNAL_H

#include "style.h"
#include "../report/report.h"

#define STYLE_PT_PER_MM (72.0 / 25.4)

/* ---- units (style_units.c) ---- */

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

/* The `table:` section; unset fields take defaults when resolved. */
typedef struct style_table_spec {
    style_num_field rule_thick, rule_thin, pad_x, pad_y;
    style_str_field number_font;
    style_color_field rule_color;
} style_table_spec;

/* Colours of `bars.colors`: the fills of style_bar_fill, then these two. */
enum { STYLE_BAR_TRACK = STYLE_BAR_FILL_COUNT, STYLE_BAR_MARK, STYLE_BAR_COLOR_COUNT };

/* The names of the bar colours in layout files, indexed as above (style_blocks.c). */
extern const char *const style_bar_color_names[STYLE_BAR_COLOR_COUNT];

/* The `bars:` section. */
typedef struct style_bars_spec {
    style_num_field height, width, mark_width;
    style_color_field color[STYLE_BAR_COLOR_COUNT];
} style_bars_spec;

typedef struct style_spec {
    style_num_field width, height; /* set together by page.size */
    style_num_field margin[4];
    bool mirror_set, mirror;
    style_num_field header_offset, footer_offset, header_rule;
    VEC(style_role_spec) roles;
    VEC(style_named_color) colors;
    style_text_spec text[STYLE_COUNT];
    style_table_spec table;
    style_bars_spec bars;
} style_spec;

/* What applying one file needs. */
typedef struct style_reader {
    arena *out; /* the style's arena: strings that outlive the trees */
    diag_list *diags;
    const char *file; /* the file being applied, in out */
} style_reader;

/* ---- readers the section readers share (style_read.c) ---- */

/* Report an error at node in the reader's file. */
void style_error(style_reader *rd, const report_node *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Where node is, in the reader's file. */
style_where style_where_of(style_reader *rd, const report_node *node);

/* An unquoted empty, "~" or "null" scalar. */
bool style_is_null(const report_node *n);

/* What n is, for messages: "nothing", "a mapping", "a list" or "a value". */
const char *style_kind_name(const report_node *n);

/* A name of letters, digits, _ and - (a font role, a colour). */
bool style_is_name(const char *s);

/* true when n is of kind (and not null); else reports what it expected for what. */
bool style_expect_kind(style_reader *rd, const report_node *n, report_node_kind kind,
                       const char *what);

/* Report an unknown key of a mapping ("… in table.rules"), suggesting the closest known one. */
void style_unknown_key(style_reader *rd, const report_node *key, const char *where,
                       const char *const *known, size_t nknown);

/* Index of key in known, or -1. */
int style_key_index(const char *key, const char *const *known, size_t nknown);

/* A non-negative length in points into f; a bare number is in millimetres,
 * as everywhere in `page`. */
void style_read_length(style_reader *rd, const report_node *n, style_num_field *f);

/* A colour (hex, {cmyk: …}, {rgb: …}); with allow_ref also the name of an
 * entry of `colors`, resolved once the chain is merged. */
void style_read_color(style_reader *rd, const report_node *n, bool allow_ref, style_color_field *f);

/* The name of a font role; checked against `fonts` once the chain is merged. */
void style_read_role_name(style_reader *rd, const report_node *n, style_str_field *f);

/* ---- the `table:` and `bars:` sections (style_blocks.c) ---- */

void style_read_table(style_reader *rd, const report_node *n, style_table_spec *t);
void style_read_bars(style_reader *rd, const report_node *n, style_bars_spec *b);

/* ---- one layout file (style_spec.c) ---- */

/* Apply the sections of one layout file (root: its top mapping, already
 * known to be one) over spec; every error goes to the reader's diags. */
void style_spec_apply(style_reader *rd, const report_node *root, style_spec *spec);
void style_spec_free(style_spec *spec);

#endif
