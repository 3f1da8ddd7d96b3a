/* validate.c — the top of a report: `briefc`, `meta` and report_build,
 * which checks a whole tree (sections via validate_body.c) and builds the
 * model. */
#include "report_internal.h"

#include <string.h>

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
    M_LANG,
    M_COUNT
};
static const char *const meta_keys[M_COUNT] = {
    "title",          "short_title", "subtitle", "organization", "date",     "version", "id",
    "classification", "copy",        "editor",   "subject",      "keywords", "layout",  "lang"};
static const report_shape meta_shape = {"in meta", meta_keys, M_COUNT,
                                        1u << M_TITLE | 1u << M_DATE};

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

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* A layout name: letters, digits, '.', '_' and '-', not starting with '.'. */
static bool is_layout_name(const char *s, size_t n)
{
    if (n == 0 || s[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\0' ||
            !strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", s[i]))
            return false;
    return true;
}

/* meta.layout names a layout (found in the layout folders) or a layout
 * file. Anything else is refused before the style stage opens it, so a
 * report cannot make briefc read /etc/passwd and echo its lines. */
/* A language tag as BCP 47 spells one: letters, then subtags of letters
 * and digits after '-' ("zh-CN", "zh-Hans-CN", "en"). */
static bool is_language_tag(const char *s, size_t len)
{
    size_t i = 0, run = 0;
    for (; i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')); i++)
        run++;
    if (run < 2 || run > 8)
        return false;
    while (i < len) {
        if (s[i++] != '-')
            return false;
        for (run = 0; i < len && s[i] != '-'; i++, run++)
            if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                  (s[i] >= '0' && s[i] <= '9')))
                return false;
        if (run < 1 || run > 8)
            return false;
    }
    return true;
}

static void read_lang(vctx *c, const report_node *n, report_text *out)
{
    if (!report_val_text(c, n, false, out) || !out->s)
        return;
    if (is_language_tag(out->s, out->len))
        return;
    report_val_error(c, n, "expected a language tag such as zh-CN (BCP 47), got '%s'", out->s);
    out->s = NULL;
}

static void read_layout(vctx *c, const report_node *n, report_text *out)
{
    if (!report_val_text(c, n, false, out) || !out->s)
        return;
    const char *s = out->s;
    size_t len = out->len;
    bool path =
        ends_with(s, len, ".yaml") || ends_with(s, len, ".yml") || ends_with(s, len, ".json");
    if ((is_layout_name(s, len) || path) && !memchr(s, '\0', len))
        return;
    report_val_error(c, n,
                     "expected a layout name (letters, digits, '.', '_', '-', such as a4-report) "
                     "or the path of a .yaml, .yml or .json layout file, got '%s'",
                     s);
    out->s = NULL;
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
    report_val_fields(c, n, &meta_shape, key, v);
    report_typeset_text(c, v[M_TITLE], true, &m->title);
    report_typeset_text(c, v[M_SHORT_TITLE], false, &m->short_title);
    report_typeset_text(c, v[M_SUBTITLE], false, &m->subtitle);
    report_typeset_text(c, v[M_ORGANIZATION], false, &m->organization);
    if (report_val_date(c, v[M_DATE], &m->date) && v[M_DATE])
        c->year = m->date.year;
    read_version(c, v[M_VERSION], &m->version);
    report_val_text(c, v[M_ID], false, &m->id);
    report_typeset_text(c, v[M_CLASSIFICATION], false, &m->classification);
    report_val_text(c, v[M_COPY], false, &m->copy);
    report_typeset_text(c, v[M_EDITOR], false, &m->editor);
    report_typeset_text(c, v[M_SUBJECT], false, &m->subject);
    read_keywords(c, v[M_KEYWORDS], m);
    read_layout(c, v[M_LAYOUT], &m->layout);
    read_lang(c, v[M_LANG], &m->lang);
    /* Defaults live in the model so that later stages need not know them. */
    if (!m->short_title.s)
        m->short_title = m->title;
    if (!m->subject.s)
        m->subject = m->subtitle;
}

/* ---------------------------- top level ------------------------------ */

static const char *const top_keys[] = {"briefc", "meta", "sections", "closing", "official"};
static const report_shape top_shape = {"at the top level", top_keys, 5,
                                       1u | 1u << 1 | 1u << 2}; /* briefc, meta, sections */

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
    /* A layout given where a report belongs: one error that says so, not
     * one per key it has and a report lacks. */
    if (report_node_get(root, "briefc-layout") && !report_node_get(root, "briefc")) {
        report_val_error(&c, key_node(root, "briefc-layout"),
                         "this is a layout file (briefc-layout), not a report: "
                         "give a layout with -l/--layout");
        return NULL;
    }
    const report_node *v[5];
    report_val_fields(&c, root, &top_shape, root, v);
    if (v[0])
        read_format_version(&c, v[0]);
    if (v[1])
        read_meta(&c, key_node(root, "meta"), v[1], &r->meta);
    if (v[4]) {
        const report_node *copy =
            v[1] && v[1]->kind == REPORT_NODE_MAPPING ? report_node_get(v[1], "copy") : NULL;
        report_val_official(&c, key_node(root, "official"), v[4], copy, &r->meta, &r->official);
    }
    if (v[2])
        report_val_sections(&c, v[2], &r->sections, &r->nsections);
    if (v[3])
        report_val_closing(&c, v[3], &r->closing, &r->nclosing);
    return diags->errors > errors_before ? NULL : r;
}
