/* style_internal.h — what the files of the style stage share; not for other
 * modules. From the bottom up:
 *   style_units.c   numbers with units, 号 sizes, hex colours
 *   style_read.c    errors, node shapes and the values sections share
 *   style_blocks.c  the `table:` and `bars:` sections
 *   style_official.c  `parts:`, `punctuation:`, `official:`, page.grid; their resolution
 *   style_print.c   the `output:` and `print:` sections, a CMYK layout's colours
 *   style_spec.c    one file's page, fonts, colors and styles (and the rest)
 *   style_check.c   values that cannot be typeset on the merged layout's pages; a
 *                   CMYK layout's colours
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
    const char *file; /* in the style's arena; NULL when no file says it (a default) */
    int line, col;
    int layer; /* which file of the chain: 0 the named one, counting up to the root */
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
    bool grid_set;
    style_grid_use grid;
    style_where grid_at;
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

/* The `official:` section. */
typedef struct style_official_spec {
    bool kind_set;
    style_official_kind kind;
    style_where kind_at;
    style_num_field masthead_top, separator_width, separator_gap, imprint_thick, imprint_thin;
    style_color_field separator_color, imprint_color;
} style_official_spec;

/* A yes/no key and where it was said. */
typedef struct style_bool_field {
    bool set, v;
    style_where at;
} style_bool_field;

enum { STYLE_PART_COVER, STYLE_PART_CONTENTS, STYLE_PART_RUNNING_HEAD, STYLE_PART_COUNT };

/* The `output:` and `print:` sections. */
typedef struct style_print_spec {
    bool colors_set, cmyk;
    style_where colors_at;
    style_num_field bleed, creep;
    bool copy_mark_set;
    style_copy_mark copy_mark;
} style_print_spec;

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
    style_bool_field parts[STYLE_PART_COUNT];
    style_num_field grid_lines, grid_chars; /* page.grid; set together */
    style_bool_field footer_to_dash;        /* page.footer_offset_to */
    style_bool_field compress;              /* punctuation.compress */
    style_official_spec official;
    style_print_spec print;
} style_spec;

/* What applying one file needs. */
typedef struct style_reader {
    arena *out; /* the style's arena: strings that outlive the trees */
    diag_list *diags;
    const char *file; /* the file being applied, in out */
    int layer;        /* its place in the chain, as in style_where */
} style_reader;

/* Fixed limits of layout values (style_check.c and the readers), in points. */
#define STYLE_PAGE_MIN_PT 3.0     /* libharu's and PDF's smallest page side */
#define STYLE_PAGE_MAX_PT 14400.0 /* PDF 1.4+ implementation limit (200 in), libharu's too */
#define STYLE_RULE_MAX_PT 10.0    /* header rule, table rules, time mark */
#define STYLE_PADDING_MAX_PT (5 * STYLE_PT_PER_MM)
#define STYLE_SIZE_MIN_PT 1.0   /* type below this is an error … */
#define STYLE_SIZE_SMALL_PT 4.0 /* … and below this a warning (八号 is 5 pt) */
#define STYLE_BAR_THIN_PT 0.5   /* a bar thinner than this is hard to see: a warning */

/* ---- readers the section readers share (style_read.c) ---- */

/* Report an error at node in the reader's file. */
void style_error(style_reader *rd, const report_node *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Report a warning at node in the reader's file. */
void style_warning(style_reader *rd, const report_node *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Report an error or a warning at a recorded place. */
void style_diag_at(diag_list *diags, diag_level level, style_where at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Where node is, in the reader's file. */
style_where style_where_of(style_reader *rd, const report_node *node);

/* Of two places, the one in the file nearer the named layout (the file the
 * user most likely just changed); a when both are in the same file, the one
 * that is set when the other is a default. */
style_where style_where_latest(style_where a, style_where b);

/* text as a message may show it: each control character (below U+0020, and
 * U+007F) written U+001B, so none reaches a terminal raw, and cut to about
 * 80 bytes with "…" (a 100 KB key is not worth repeating); in a. */
const char *style_shown(arena *a, const char *text);

/* v for a message: at most two decimals, no trailing zeros ("10.5", "10000"),
 * three significant digits when very large or small; in a. */
const char *style_number(arena *a, double v);

/* " (did you mean 'x'?)" when word is close to one of known, else "". */
const char *style_did_you_mean(style_reader *rd, const char *word, const char *const *known,
                               size_t nknown);

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

/* When n is a number with a unit that is not one (12px, 3 pts): ": 'px' is
 * not a unit here (…)" with a suggestion, for the end of a message; else "".
 * em: em is a unit of this value. */
const char *style_unit_hint(style_reader *rd, const report_node *n, bool em);

/* A non-negative length in points into f; a bare number is in millimetres,
 * as everywhere in `page`. */
void style_read_length(style_reader *rd, const report_node *n, style_num_field *f);

/* The same, at most max_pt (what names the value in the message: "a table
 * rule"); with positive, also more than 0. */
void style_read_length_upto(style_reader *rd, const report_node *n, style_num_field *f,
                            double max_pt, bool positive, const char *what);

/* A colour (hex, {cmyk: …}, {rgb: …}); with allow_ref also the name of an
 * entry of `colors`, resolved once the chain is merged. */
void style_read_color(style_reader *rd, const report_node *n, bool allow_ref, style_color_field *f);

/* The name of a font role; checked against `fonts` once the chain is merged. */
void style_read_role_name(style_reader *rd, const report_node *n, style_str_field *f);

/* true or false into f (reported when it is neither, with a suggestion). */
void style_read_bool(style_reader *rd, const report_node *n, style_bool_field *f);

/* The colour f stands for once the chain is merged: its own, or the entry
 * of `colors` it names (an unknown name is reported, and c left as it is). */
bool style_resolve_color(const style_spec *spec, const style_color_field *f, style_color *c,
                         diag_list *diags);
/* ---- the `output:` and `print:` sections (style_print.c) ---- */

void style_read_output(style_reader *rd, const report_node *n, style_print_spec *p);
void style_read_print(style_reader *rd, const report_node *n, style_print_spec *p);

/* ---- the `table:` and `bars:` sections (style_blocks.c) ---- */

void style_read_table(style_reader *rd, const report_node *n, style_table_spec *t);
void style_read_bars(style_reader *rd, const report_node *n, style_bars_spec *b);

/* ---- official layouts (style_official.c) ---- */

void style_read_parts(style_reader *rd, const report_node *n, style_spec *spec);
void style_read_punctuation(style_reader *rd, const report_node *n, style_spec *spec);
void style_read_official(style_reader *rd, const report_node *n, style_official_spec *o);
/* page.grid: {lines: 22, chars: 28} */
void style_read_grid(style_reader *rd, const report_node *n, style_spec *spec);
/* page.footer_offset_to: baseline or dash. */
void style_read_footer_anchor(style_reader *rd, const report_node *n, style_spec *spec);
/* A text style's `grid:` value (none, lines or cells). */
void style_read_grid_use(style_reader *rd, const report_node *n, style_text_spec *t);
/* The grid's pitches from the page and the body size (before the text
 * styles that use it are resolved). */
void style_resolve_grid(const style_spec *spec, style *s, double body_size);
/* Parts, punctuation, the footer's anchor and the official furniture,
 * with their defaults (after the text styles). */
void style_resolve_official(const style_spec *spec, style *s, diag_list *diags);

/* ---- one layout file (style_spec.c) ---- */

/* Apply the sections of one layout file (root: its top mapping, already
 * known to be one) over spec; every error goes to the reader's diags. */
void style_spec_apply(style_reader *rd, const report_node *root, style_spec *spec);
void style_spec_free(style_spec *spec);

/* ---- what cannot be typeset (style_check.c) ---- */

/* Check the resolved style s against the page it makes: margins that leave
 * no type area, running heads off the paper, text that cannot fit a line or
 * a page, indents wider than the measure, bars that cannot fit their line.
 * Errors and warnings go to diags at the place (in spec) of the value, each
 * saying the range accepted on this page. */
void style_check_typesettable(const style_spec *spec, const style *s, diag_list *diags);
/* In a CMYK layout, every colour the merged chain gives must be CMYK: an
 * error at each RGB one. */
void style_check_colors(const style_spec *spec, diag_list *diags);

#endif
