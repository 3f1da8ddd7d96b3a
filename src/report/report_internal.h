/* report_internal.h — the validator's shared context and its pieces, by
 * file, from the bottom up: values.c (errors, keys, value readers), para.c
 * (paragraph text, punctuation), validate_body.c (sections and blocks),
 * validate_official.c (the `official` mapping), validate.c (meta and the
 * top level). report.c (report_load) is on top;
 * progress.c uses only the day count. Not part of the public contract. */
#ifndef BRIEFC_REPORT_INTERNAL_H
#define BRIEFC_REPORT_INTERNAL_H

#include "report.h"

typedef struct vctx {
    const char *file;
    arena *a;
    diag_list *diags;
    int year; /* meta.date's year; 0 when meta.date is missing or invalid */
} vctx;

/* ---- values.c: errors, keys and typed values ---- */

void report_val_error(vctx *c, const report_node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void report_val_warning_at(vctx *c, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The keys a kind of mapping takes: `where` names it in messages ("in
 * meta"), bit k of `required` says keys[k] must be given. */
typedef struct report_shape {
    const char *where;
    const char *const *keys;
    size_t nkeys;
    unsigned required;
} report_shape;

/* Split a mapping into the values of the known keys (vals[i] for keys[i],
 * NULL when absent), report unknown keys, suggesting a near spelling, and
 * report each missing required key at anchor, but once only: when an
 * unknown key is a misspelling of it (`titel`), the one error is at that
 * key and says the key is required. */
void report_val_fields(vctx *c, const report_node *map, const report_shape *shape,
                       const report_node *anchor, const report_node *vals[]);
/* Complain unless n is a mapping; `what` is what was expected there. */
bool report_val_expect_mapping(vctx *c, const report_node *n, const char *what);
bool report_val_expect_sequence(vctx *c, const report_node *n, const char *what);

/* Value readers: each reports its own errors and returns false on one.
 * An absent node (NULL) leaves out untouched and returns true. */
bool report_val_text(vctx *c, const report_node *n, bool required, report_text *out);
bool report_val_number(vctx *c, const report_node *n, report_number *out);
bool report_val_date(vctx *c, const report_node *n, report_date *out);
bool report_val_bool(vctx *c, const report_node *n, bool *out);
/* A plain `~`, `null` or nothing: YAML's and JSON's way of saying "no value". */
bool report_val_is_null(const report_node *n);
/* "a list", "a mapping", "a string" or the plain scalar's text, quoted. */
const char *report_val_describe(vctx *c, const report_node *n);

/* Days since 0000-03-01 (for comparing and ordering dates). */
long report_day_number(int year, int month, int day);

/* ---- para.c: author text ---- */

/* When n is what YAML makes of a paragraph with an ASCII ': ' in it (a
 * mapping of one plain key to text), report that at the key, saying
 * `where` it stands, and return true. */
bool report_para_colon_mistake(vctx *c, const report_node *n, const char *where);
/* Paragraph from a scalar: strong (**) ranges with markers removed,
 * unbalanced markers warned about and kept; punctuation checked. */
bool report_read_para(vctx *c, const report_node *n, report_para *out);
/* A typeset text field: read it (report_val_text) and, when it has text,
 * warn where ASCII punctuation touches Chinese text. */
void report_typeset_text(vctx *c, const report_node *n, bool required, report_text *out);

/* ---- validate_body.c ---- */

/* The sections list and the closing paragraphs. */
void report_val_sections(vctx *c, const report_node *list, report_section **out, size_t *count);
void report_val_closing(vctx *c, const report_node *list, report_para **out, size_t *count);

/* ---- validate_official.c ---- */

/* The `official` mapping n (key: its key, where errors about the mapping
 * point) into out, its defaults taken from meta; copy is meta.copy's node
 * (or NULL), checked as a 份号 (six ASCII digits) because the report is an
 * official document. */
void report_val_official(vctx *c, const report_node *key, const report_node *n,
                         const report_node *copy, const report_meta *meta, report_official *out);

/* ---- validate.c ---- */

/* Validate root and build the report in a; NULL on any error. */
report *report_build(const char *path, const report_node *root, arena *a, diag_list *diags);

#endif
