/* validate.c — reading typed values out of the generic tree (text, numbers,
 * dates, booleans, known keys) and the top of a report: `briefc`, `meta`.
 * Every reader reports its own errors at the offending node and carries on,
 * so one run lists every error of a well-formed file. */
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

/* ------------------------------- meta -------------------------------- */

enum {
    M_TITLE,
    M_SHORT_TITLE,
    M_SUBTITLE,
    M_ORGANIZATION,
    M_DATE,
    M_VERSION,
    M_ID,
    M_CLASSIFICATION,
    M_COPY,
    M_EDITOR,
    M_SUBJECT,
    M_KEYWORDS,
    M_LAYOUT,
    M_COUNT
};
static const char *const meta_keys[M_COUNT] = {
    "title",          "short_title", "subtitle", "organization", "date",     "version", "id",
    "classification", "copy",        "editor",   "subject",      "keywords", "layout"};

/* A typeset text field: read it and check its punctuation. */
static void typeset_text(vctx *c, const report_node *n, bool required, report_text *out)
{
    if (report_val_text(c, n, required, out) && out->s)
        report_check_punctuation(c, n);
}

static void read_version(vctx *c, const report_node *n, report_number *out)
{
    *out = (report_number){.text = "1", .value = 1};
    if (!n)
        return;
    report_number v = {0};
    if (!report_val_number(c, n, &v))
        return;
    if (v.value < 1 || v.value != (double)(long long)v.value || strpbrk(v.text, ".eE")) {
        report_val_error(c, n, "expected an integer >= 1, got %s", v.text);
        return;
    }
    *out = v;
}

static void read_keywords(vctx *c, const report_node *n, report_meta *m)
{
    if (!n || !report_val_expect_sequence(c, n, "a list of keywords"))
        return;
    m->keywords = arena_alloc(c->a, (n->count ? n->count : 1) * sizeof *m->keywords);
    for (size_t i = 0; i < n->count; i++) {
        report_text t = {0};
        if (report_val_text(c, n->items[i], true, &t))
            m->keywords[m->nkeywords++] = t;
    }
}

static void read_meta(vctx *c, const report_node *key, const report_node *n, report_meta *m)
{
    if (!report_val_expect_mapping(c, n, "a mapping of document details (title, date, …)"))
        return;
    const report_node *v[M_COUNT];
    report_val_fields(c, n, "in meta", meta_keys, M_COUNT, v);
    report_val_require(c, v[M_TITLE], "title", "in meta", key);
    report_val_require(c, v[M_DATE], "date", "in meta", key);
    typeset_text(c, v[M_TITLE], true, &m->title);
    typeset_text(c, v[M_SHORT_TITLE], false, &m->short_title);
    typeset_text(c, v[M_SUBTITLE], false, &m->subtitle);
    typeset_text(c, v[M_ORGANIZATION], false, &m->organization);
    if (report_val_date(c, v[M_DATE], &m->date) && v[M_DATE])
        c->year = m->date.year;
    read_version(c, v[M_VERSION], &m->version);
    report_val_text(c, v[M_ID], false, &m->id);
    typeset_text(c, v[M_CLASSIFICATION], false, &m->classification);
    report_val_text(c, v[M_COPY], false, &m->copy);
    typeset_text(c, v[M_EDITOR], false, &m->editor);
    typeset_text(c, v[M_SUBJECT], false, &m->subject);
    read_keywords(c, v[M_KEYWORDS], m);
    report_val_text(c, v[M_LAYOUT], false, &m->layout);
    /* Defaults live in the model so that later stages need not know them. */
    if (!m->short_title.s)
        m->short_title = m->title;
    if (!m->subject.s)
        m->subject = m->subtitle;
}

/* ---------------------------- top level ------------------------------ */

static const char *const top_keys[] = {"briefc", "meta", "sections", "closing"};

static void read_format_version(vctx *c, const report_node *n)
{
    report_number v = {0};
    if (!report_val_number(c, n, &v))
        return;
    if (v.value != 1)
        report_val_error(c, n, "unsupported format version %s (expected briefc: 1)", v.text);
}

/* The key node of `name` in map, to point at for errors about its mapping. */
static const report_node *key_node(const report_node *map, const char *name)
{
    for (size_t i = 0; i < map->npairs; i++)
        if (strcmp(map->pairs[i].key->text, name) == 0)
            return map->pairs[i].key;
    return map;
}

report *report_build(const char *path, const report_node *root, arena *a, diag_list *diags)
{
    vctx c = {.file = path, .a = a, .diags = diags};
    size_t errors_before = diags->errors;
    report *r = arena_alloc(a, sizeof *r);
    r->path = arena_strdup(a, path);
    r->arena = a;
    if (!report_val_expect_mapping(&c, root, "a mapping with 'briefc: 1' at the top level"))
        return NULL;
    const report_node *v[4];
    report_val_fields(&c, root, "at the top level", top_keys, 4, v);
    if (report_val_require(&c, v[0], "briefc", "at the top level", root))
        read_format_version(&c, v[0]);
    if (report_val_require(&c, v[1], "meta", "at the top level", root))
        read_meta(&c, key_node(root, "meta"), v[1], &r->meta);
    if (report_val_require(&c, v[2], "sections", "at the top level", root))
        report_val_sections(&c, v[2], &r->sections, &r->nsections);
    if (v[3])
        report_val_closing(&c, v[3], &r->closing, &r->nclosing);
    return diags->errors > errors_before ? NULL : r;
}
