/* values.c — the validator's primitives: errors and warnings, describing a
 * node, splitting a mapping into its known keys, and reading typed values
 * (text, numbers, dates, booleans) out of the generic tree; also the day
 * count that progress.c uses. Every reader reports its own errors at the
 * offending node and carries on, so one run lists every error of a
 * well-formed file. Calls no other file of the stage. */
#include "report_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void report_val_error(vctx *c, const report_node *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(c->diags, DIAG_ERROR, c->file, at ? at->line : 0, at ? at->col : 0, fmt, ap);
    va_end(ap);
}

void report_val_warning_at(vctx *c, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(c->diags, DIAG_WARNING, c->file, line, col, fmt, ap);
    va_end(ap);
}

bool report_val_is_null(const report_node *n)
{
    if (n->kind != REPORT_NODE_SCALAR || n->quoted)
        return false;
    return n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
           strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0;
}

/* A scalar's text cut at 24 characters (at a character boundary): the
 * message must stay readable. */
static const char *shortened(vctx *c, const report_node *n)
{
    size_t cut = 0;
    for (size_t i = 0, chars = 0; i < n->len && chars < 24; chars++) {
        utf8_decode(n->text, n->len, &i);
        cut = i;
    }
    return arena_printf(c->a, "%.*s%s", (int)cut, n->text, cut < n->len ? "…" : "");
}

const char *report_val_describe(vctx *c, const report_node *n)
{
    if (n->kind == REPORT_NODE_SEQUENCE)
        return "a list";
    if (n->kind == REPORT_NODE_MAPPING)
        return "a mapping";
    if (n->quoted)
        return "a string";
    if (report_val_is_null(n))
        return "nothing";
    return arena_printf(c->a, "'%s'", shortened(c, n));
}

/* ------------------------------- keys -------------------------------- */

/* Index of the known key closest to key's spelling, or -1. */
static int near_key(const report_node *key, const report_shape *shape)
{
    const char *best = base_closest_word(key->text, shape->keys, shape->nkeys);
    for (size_t k = 0; best && k < shape->nkeys; k++)
        if (shape->keys[k] == best)
            return (int)k;
    return -1;
}

static void unknown_key(vctx *c, const report_node *key, const report_shape *shape, int near,
                        bool stands_for_missing)
{
    if (stands_for_missing) {
        const char *k = shape->keys[near];
        report_val_error(c, key, "unknown key '%s' %s (did you mean '%s'? '%s' is required %s)",
                         key->text, shape->where, k, k, shape->where);
        return;
    }
    if (near >= 0) {
        report_val_error(c, key, "unknown key '%s' %s (did you mean '%s'?)", key->text,
                         shape->where, shape->keys[near]);
        return;
    }
    char list[512] = "";
    for (size_t i = 0; i < shape->nkeys; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, shape->keys[i], sizeof list - strlen(list) - 1);
    }
    report_val_error(c, key, "unknown key '%s' %s (expected one of: %s)", key->text, shape->where,
                     list);
}

void report_val_fields(vctx *c, const report_node *map, const report_shape *shape,
                       const report_node *anchor, const report_node *vals[])
{
    unsigned given = 0, misspelt = 0;
    for (size_t k = 0; k < shape->nkeys; k++)
        vals[k] = NULL;
    for (size_t i = 0; i < map->npairs; i++) {
        size_t k = 0;
        while (k < shape->nkeys && strcmp(map->pairs[i].key->text, shape->keys[k]) != 0)
            k++;
        if (k < shape->nkeys && !vals[k]) { /* a repeat was reported by the loader */
            vals[k] = map->pairs[i].value;
            given |= 1u << k;
        }
    }
    for (size_t i = 0; i < map->npairs; i++) {
        const report_node *key = map->pairs[i].key;
        int near = near_key(key, shape);
        if (near >= 0 && strcmp(key->text, shape->keys[near]) == 0)
            continue; /* a known key */
        bool missing = near >= 0 && (shape->required & ~given & (1u << near));
        if (missing)
            misspelt |= 1u << near;
        unknown_key(c, key, shape, near, missing);
    }
    for (size_t k = 0; k < shape->nkeys; k++)
        if ((shape->required & ~given & ~misspelt) & (1u << k))
            report_val_error(c, anchor, "missing required key '%s' %s", shape->keys[k],
                             shape->where);
}

bool report_val_expect_mapping(vctx *c, const report_node *n, const char *what)
{
    if (n->kind == REPORT_NODE_MAPPING)
        return true;
    report_val_error(c, n, "expected %s, got %s", what, report_val_describe(c, n));
    return false;
}

bool report_val_expect_sequence(vctx *c, const report_node *n, const char *what)
{
    if (n->kind == REPORT_NODE_SEQUENCE)
        return true;
    report_val_error(c, n, "expected %s, got %s", what, report_val_describe(c, n));
    return false;
}

/* ------------------------------ values ------------------------------- */

bool report_val_text(vctx *c, const report_node *n, bool required, report_text *out)
{
    if (!n)
        return true;
    if (n->kind != REPORT_NODE_SCALAR || (required && report_val_is_null(n))) {
        report_val_error(c, n, "expected text, got %s", report_val_describe(c, n));
        return false;
    }
    if (report_val_is_null(n))
        return true; /* an optional field left empty is absent */
    out->s = n->text;
    out->len = n->len;
    out->line = n->line;
    out->exact_cols = n->text_col != 0;
    out->col = n->text_col ? n->text_col : n->col;
    return true;
}

/* RFC 8259's number grammar; YAML's 957.1, 179 and -1 fit it too. */
static bool is_number_text(const char *s)
{
    size_t i = 0;
    if (s[i] == '-')
        i++;
    if (s[i] == '0')
        i++;
    else if (s[i] >= '1' && s[i] <= '9')
        while (s[i] >= '0' && s[i] <= '9')
            i++;
    else
        return false;
    if (s[i] == '.') {
        if (!(s[++i] >= '0' && s[i] <= '9'))
            return false;
        while (s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (s[i] == 'e' || s[i] == 'E') {
        i++;
        if (s[i] == '+' || s[i] == '-')
            i++;
        if (!(s[i] >= '0' && s[i] <= '9'))
            return false;
        while (s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return s[i] == '\0';
}

/* The range of numbers: 15 digits, what a double holds exactly. With both
 * bounds every figure briefc computes is finite: done / target is at most
 * 10^30 and its percentage 10^32, progress / 100 at most 10^13. */
#define NUMBER_MAX 1e15
#define NUMBER_MIN 1e-15
#define NUMBER_RANGE "numbers are 0 or between 1e-15 and 1e15 in size, of either sign"

/* True when the digits before any exponent are all 0 (0.000e5 is 0). */
static bool mantissa_is_zero(const char *s)
{
    for (; *s && *s != 'e' && *s != 'E'; s++)
        if (*s >= '1' && *s <= '9')
            return false;
    return true;
}

/* s without thousands separators when it has them in their places
 * (1,000 or 12,345.6), else NULL. */
static char *without_separators(vctx *c, const char *s)
{
    size_t n = strlen(s), group = 0, commas = 0;
    char *out = arena_alloc(c->a, n + 1), *o = out;
    bool before_point = true;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ',' && before_point) {
            if (i == 0 || (commas && group != 3) || (!commas && group > 3))
                return NULL;
            commas++;
            group = 0;
            continue;
        }
        before_point &= s[i] != '.' && s[i] != 'e' && s[i] != 'E';
        group += before_point && s[i] >= '0' && s[i] <= '9';
        *o++ = s[i];
    }
    return commas && group == 3 ? out : NULL;
}

/* What to write instead of a scalar that is not a number but nearly one:
 * "179" in quotes, 85%, 1,000. "" when nothing helps. */
static const char *number_hint(vctx *c, const report_node *n)
{
    if (n->kind != REPORT_NODE_SCALAR || n->len == 0)
        return "";
    if (n->quoted && is_number_text(n->text))
        return " (remove the quotes)";
    size_t len = n->len;
    if (len > 1 && n->text[len - 1] == '%')
        len--;
    else if (len > 3 && memcmp(n->text + len - 3, "％", 3) == 0)
        len -= 3;
    char *bare = arena_strndup(c->a, n->text, len);
    const char *fixed = is_number_text(bare) ? bare : without_separators(c, bare);
    if (!fixed || !is_number_text(fixed) || (len == n->len && fixed == bare))
        return "";
    return arena_printf(c->a, " (write %s)", fixed);
}

bool report_val_number(vctx *c, const report_node *n, report_number *out)
{
    if (!n)
        return true;
    if (n->kind != REPORT_NODE_SCALAR || n->quoted || !is_number_text(n->text)) {
        const char *got = n->kind == REPORT_NODE_SCALAR && n->quoted && n->len
                              ? arena_printf(c->a, "'%s' in quotes", shortened(c, n))
                              : report_val_describe(c, n);
        report_val_error(c, n, "expected a number, got %s%s", got, number_hint(c, n));
        return false;
    }
    double value = strtod(n->text, NULL), size = fabs(value);
    if (!(size <= NUMBER_MAX)) { /* also inf: 1e999 */
        report_val_error(c, n, "number %s is too large (" NUMBER_RANGE ")", n->text);
        return false;
    }
    if (size < NUMBER_MIN && !mantissa_is_zero(n->text)) { /* 1e-320 is not 0 */
        report_val_error(c, n, "number %s is too small (" NUMBER_RANGE ")", n->text);
        return false;
    }
    out->text = n->text;
    out->value = value;
    out->line = n->line;
    out->col = n->col;
    return true;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

long report_day_number(int y, int m, int d)
{
    /* Count from March so the leap day falls at the end of a year. */
    if (m < 3) {
        y--;
        m += 12;
    }
    return 365L * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 1;
}

static bool digits_at(const char *s, size_t from, size_t n, int *v)
{
    *v = 0;
    for (size_t i = from; i < from + n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

bool report_val_date(vctx *c, const report_node *n, report_date *out)
{
    if (!n)
        return true;
    int y, m, d;
    if (n->kind != REPORT_NODE_SCALAR || n->len != 10 || n->text[4] != '-' || n->text[7] != '-' ||
        !digits_at(n->text, 0, 4, &y) || !digits_at(n->text, 5, 2, &m) ||
        !digits_at(n->text, 8, 2, &d)) {
        report_val_error(c, n, "expected a date YYYY-MM-DD, got %s", report_val_describe(c, n));
        return false;
    }
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
        report_val_error(c, n, "expected a date YYYY-MM-DD, got '%s' (no such day)", n->text);
        return false;
    }
    *out = (report_date){y, m, d, n->line, n->col};
    return true;
}

bool report_val_bool(vctx *c, const report_node *n, bool *out)
{
    if (!n)
        return true;
    static const char *const words[] = {"true", "false"};
    bool plain = n->kind == REPORT_NODE_SCALAR && !n->quoted;
    for (int k = 0; k < 2; k++) {
        if (plain && strcmp(n->text, words[k]) == 0) {
            *out = k == 0;
            return true;
        }
    }
    const char *near = n->kind == REPORT_NODE_SCALAR ? base_closest_word(n->text, words, 2) : NULL;
    if (near)
        report_val_error(c, n, "expected true or false, got %s (did you mean '%s'%s?)",
                         report_val_describe(c, n), near, n->quoted ? ", without quotes" : "");
    else
        report_val_error(c, n, "expected true or false, got %s", report_val_describe(c, n));
    return false;
}
