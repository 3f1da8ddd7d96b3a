/* values.c — the validator's primitives: errors and warnings, describing a
 * node, splitting a mapping into its known keys, and reading typed values
 * (text, numbers, dates, booleans) out of the generic tree; also the day
 * count that progress.c uses. Every reader reports its own errors at the
 * offending node and carries on, so one run lists every error of a
 * well-formed file. Calls no other file of the stage. */
#include "report_internal.h"

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
    /* Cut long text at a character boundary: the message must stay readable. */
    size_t cut = 0;
    for (size_t i = 0, chars = 0; i < n->len && chars < 24; chars++) {
        utf8_decode(n->text, n->len, &i);
        cut = i;
    }
    return arena_printf(c->a, "'%.*s%s'", (int)cut, n->text, cut < n->len ? "…" : "");
}

/* ------------------------------- keys -------------------------------- */

static void unknown_key(vctx *c, const report_node *key, const char *where,
                        const char *const keys[], size_t nkeys)
{
    const char *best = base_closest_word(key->text, keys, nkeys);
    if (best) {
        report_val_error(c, key, "unknown key '%s' %s (did you mean '%s'?)", key->text, where,
                         best);
        return;
    }
    char list[512] = "";
    for (size_t i = 0; i < nkeys; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, keys[i], sizeof list - strlen(list) - 1);
    }
    report_val_error(c, key, "unknown key '%s' %s (expected one of: %s)", key->text, where, list);
}

void report_val_fields(vctx *c, const report_node *map, const char *where, const char *const keys[],
                       size_t nkeys, const report_node *vals[])
{
    for (size_t k = 0; k < nkeys; k++)
        vals[k] = NULL;
    for (size_t i = 0; i < map->npairs; i++) {
        const report_node *key = map->pairs[i].key;
        size_t k = 0;
        while (k < nkeys && strcmp(key->text, keys[k]) != 0)
            k++;
        if (k == nkeys)
            unknown_key(c, key, where, keys, nkeys);
        else if (!vals[k]) /* a repeat was reported by the loader */
            vals[k] = map->pairs[i].value;
    }
}

bool report_val_require(vctx *c, const report_node *val, const char *key, const char *where,
                        const report_node *anchor)
{
    if (val)
        return true;
    report_val_error(c, anchor, "missing required key '%s' %s", key, where);
    return false;
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

bool report_val_number(vctx *c, const report_node *n, report_number *out)
{
    if (!n)
        return true;
    if (n->kind != REPORT_NODE_SCALAR || n->quoted || !is_number_text(n->text)) {
        report_val_error(c, n, "expected a number, got %s", report_val_describe(c, n));
        return false;
    }
    out->text = n->text;
    out->value = strtod(n->text, NULL);
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
    if (n->kind == REPORT_NODE_SCALAR && !n->quoted && strcmp(n->text, "true") == 0)
        *out = true;
    else if (n->kind == REPORT_NODE_SCALAR && !n->quoted && strcmp(n->text, "false") == 0)
        *out = false;
    else {
        report_val_error(c, n, "expected true or false, got %s", report_val_describe(c, n));
        return false;
    }
    return true;
}
