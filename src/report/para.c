/* para.c — the author-text checks: ASCII punctuation standing in Chinese
 * text, paragraphs with their **strong** ranges, and typeset text fields
 * (text read and its punctuation checked). */
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

/* Where byte `at` of a scalar's text stands in the source. */
static void node_position(const report_node *n, size_t at, int *line, int *col)
{
    *line = n->line;
    *col = n->text_col ? n->text_col + (int)utf8_length(n->text, at) : n->col;
}

/* ------------------- ASCII punctuation in Chinese ------------------- */

static bool is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x2E80 && cp <= 0x2FDF);
}

static bool is_cjk(uint32_t cp)
{
    return is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           cp == 0x2014 || cp == 0x2026 || (cp >= 0x2018 && cp <= 0x201D);
}

/* The full-width mark for an ASCII one, or NULL when we do not check it. */
static const char *full_width(uint32_t cp)
{
    switch (cp) {
    case ',':
        return "，";
    case ';':
        return "；";
    case ':':
        return "：";
    case '?':
        return "？";
    case '!':
        return "！";
    case '(':
        return "（";
    case ')':
        return "）";
    default:
        return NULL;
    }
}

typedef struct cp_at {
    uint32_t cp;
    size_t at;
} cp_at;

/* The code point next to index k in direction step, skipping ** markers. */
static uint32_t neighbour(const cp_at *cps, size_t n, size_t k, int step)
{
    for (size_t i = k + (size_t)step; i < n; i += (size_t)step)
        if (cps[i].cp != '*')
            return cps[i].cp;
    return 0;
}

/* Warn where ASCII punctuation touches Chinese text. */
static void check_punctuation(vctx *c, const report_node *n)
{
    if (n->kind != REPORT_NODE_SCALAR || n->len == 0)
        return;
    cp_at *cps = xmalloc(n->len * sizeof *cps);
    size_t count = 0;
    for (size_t i = 0; i < n->len;) {
        cps[count].at = i;
        cps[count++].cp = utf8_decode(n->text, n->len, &i);
    }
    for (size_t k = 0; k < count; k++) {
        const char *wide = full_width(cps[k].cp);
        if (!wide)
            continue;
        if (!is_cjk(neighbour(cps, count, k, -1)) && !is_cjk(neighbour(cps, count, k, 1)))
            continue;
        /* cps[k] is character k: its column is known without counting again */
        int col = n->text_col ? n->text_col + (int)k : n->col;
        report_val_warning_at(c, n->line, col, "ASCII '%c' in Chinese text; did you mean '%s'?",
                              (char)cps[k].cp, wide);
    }
    free(cps);
}

/* --------------------------- strong text ---------------------------- */

typedef VEC(size_t) offset_vec;

/* Byte offsets of the `**` markers, left to right, not overlapping. */
static void find_markers(const char *s, size_t len, offset_vec *out)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (s[i] == '*' && s[i + 1] == '*') {
            VEC_PUSH(out, i);
            i++;
        }
    }
}

/* A key no format has: one with Chinese (or other non-ASCII) text or a
 * space in it is prose that YAML cut at ': ', not a misspelt key. */
static bool is_prose_key(const report_node *key)
{
    for (size_t i = 0; i < key->len; i++)
        if ((unsigned char)key->text[i] >= 0x80 || key->text[i] == ' ')
            return true;
    return false;
}

bool report_para_colon_mistake(vctx *c, const report_node *n, const char *where)
{
    if (n->kind != REPORT_NODE_MAPPING || n->npairs != 1 || n->pairs[0].key->quoted ||
        n->pairs[0].value->kind != REPORT_NODE_SCALAR || !is_prose_key(n->pairs[0].key))
        return false; /* JSON keys are always quoted: this is YAML's trap only */
    report_val_error(c, n->pairs[0].key,
                     "unknown key '%s' %s: a paragraph containing ': ' must be quoted, or use "
                     "'：'",
                     n->pairs[0].key->text, where);
    return true;
}

bool report_read_para(vctx *c, const report_node *n, report_para *out)
{
    if (report_para_colon_mistake(c, n, "in closing"))
        return false;
    if (n->kind != REPORT_NODE_SCALAR || report_val_is_null(n)) {
        report_val_error(c, n, "expected a paragraph (text), got %s", report_val_describe(c, n));
        return false;
    }
    check_punctuation(c, n);
    offset_vec marks = {0};
    find_markers(n->text, n->len, &marks);
    size_t paired = marks.count & ~(size_t)1;
    if (marks.count % 2) { /* the last opener is never closed: keep it as written */
        int line, col;
        node_position(n, marks.items[marks.count - 1], &line, &col);
        report_val_warning_at(c, line, col,
                              "unbalanced '**': strong text is not closed; the '**' is "
                              "kept as written");
    }
    char *text = arena_alloc(c->a, n->len + 1);
    out->strong = arena_alloc(c->a, (paired / 2 + 1) * sizeof *out->strong);
    size_t o = 0, from = 0, start = 0;
    for (size_t k = 0; k < paired; k++) {
        size_t at = marks.items[k];
        memcpy(text + o, n->text + from, at - from);
        o += at - from;
        from = at + 2;
        if (k % 2 == 0)
            start = o;
        else if (o > start)
            out->strong[out->nstrong++] = (report_span){start, o};
    }
    memcpy(text + o, n->text + from, n->len - from);
    o += n->len - from;
    text[o] = '\0';
    free(marks.items);
    out->text = (report_text){text, o, n->line, n->text_col ? n->text_col : n->col,
                              n->text_col != 0 && paired == 0};
    return true;
}

/* --------------------------- typeset text --------------------------- */

void report_typeset_text(vctx *c, const report_node *n, bool required, report_text *out)
{
    if (report_val_text(c, n, required, out) && out->s)
        check_punctuation(c, n);
}
