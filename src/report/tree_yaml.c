/* tree_yaml.c — the generic tree from YAML (libyaml's document API).
 *
 * libyaml's document keeps aliases as references to the anchored node, so
 * loading is cheap even for an alias bomb; the danger is in whoever walks
 * the expanded tree. We convert each document node once (aliases share
 * tree nodes) and refuse a document whose expansion exceeds a node budget,
 * counted with memoised subtree sizes, so a billion-laughs file is turned
 * down in time linear in its size. */
#include "tree_internal.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Most nodes an expanded document may have when it uses aliases. */
#define TREE_MAX_EXPANDED 1000000u

/* ------------------------- libyaml → report_node ------------------------- */

typedef struct yconv {
    const char *name;
    const char *buf;
    size_t len;
    arena *a;
    diag_list *diags;
    yaml_document_t *doc;
    size_t nnodes;
    size_t *line_start; /* byte offset of each line (0-based), for exact columns */
    size_t nlines;
    report_node **made;   /* per document node: its tree node once built */
    size_t *expanded;     /* per document node: subtree size with aliases expanded */
    unsigned char *state; /* 0 unseen, 1 being sized (a cycle if met again), 2 sized */
    bool over_reported;
} yconv;

static yaml_node_t *doc_node(yconv *c, int id)
{
    return c->doc->nodes.start + (id - 1);
}

static size_t saturating_add(size_t a, size_t b)
{
    size_t s = a + b;
    return s > TREE_MAX_EXPANDED + 1 ? TREE_MAX_EXPANDED + 1 : s;
}

/* Subtree size of node id with every alias expanded, capped just above the
 * budget. Reports cycles and over-deep nesting; returns 0 on those. */
static size_t expanded_size(yconv *c, int id, int depth)
{
    size_t k = (size_t)(id - 1);
    yaml_node_t *n = doc_node(c, id);
    if (c->state[k] == 2)
        return c->expanded[k];
    if (c->state[k] == 1) {
        diag_add(c->diags, DIAG_ERROR, c->name, (int)n->start_mark.line + 1,
                 (int)n->start_mark.column + 1, "alias refers to a node that contains it");
        return 0;
    }
    if (n->type != YAML_SCALAR_NODE && depth >= TREE_MAX_DEPTH) {
        diag_add(c->diags, DIAG_ERROR, c->name, (int)n->start_mark.line + 1,
                 (int)n->start_mark.column + 1, "nesting deeper than %d levels", TREE_MAX_DEPTH);
        return 0;
    }
    c->state[k] = 1;
    size_t size = 1;
    if (n->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top;
             it++) {
            size_t s = expanded_size(c, *it, depth + 1);
            if (s == 0)
                return 0;
            size = saturating_add(size, s);
        }
    } else if (n->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
             p++) {
            size_t ks = expanded_size(c, p->key, depth + 1);
            size_t vs = ks ? expanded_size(c, p->value, depth + 1) : 0;
            if (vs == 0)
                return 0;
            size = saturating_add(size, saturating_add(ks, vs));
        }
    }
    if (size > TREE_MAX_EXPANDED && size > c->nnodes && !c->over_reported) {
        /* The innermost collection whose expansion crosses the budget. */
        diag_add(c->diags, DIAG_ERROR, c->name, (int)n->start_mark.line + 1,
                 (int)n->start_mark.column + 1,
                 "too many alias expansions (this would expand to more than %u nodes)",
                 TREE_MAX_EXPANDED);
        c->over_reported = true;
    }
    c->state[k] = 2;
    c->expanded[k] = size;
    return size;
}

/* Byte offset of a libyaml mark, or (size_t)-1 when it cannot be mapped. */
static size_t mark_offset(const yconv *c, yaml_mark_t m)
{
    if (m.line >= c->nlines)
        return (size_t)-1;
    size_t i = c->line_start[m.line];
    for (size_t k = 0; k < m.column; k++) {
        if (i >= c->len || c->buf[i] == '\n')
            return (size_t)-1;
        utf8_decode(c->buf, c->len, &i);
    }
    return i;
}

/* text_col when the scalar's source is exactly its text on one line. */
static int exact_text_col(const yconv *c, const yaml_node_t *n, const report_node *t)
{
    yaml_scalar_style_t style = n->data.scalar.style;
    int quote = 0;
    if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
        quote = 1;
    else if (style != YAML_PLAIN_SCALAR_STYLE)
        return 0;
    if (n->start_mark.line != n->end_mark.line)
        return 0;
    size_t from = mark_offset(c, n->start_mark), to = mark_offset(c, n->end_mark);
    if (from == (size_t)-1 || to == (size_t)-1 || to < from + 2 * (size_t)quote)
        return 0;
    from += (size_t)quote;
    to -= (size_t)quote;
    if (to - from != t->len || memcmp(c->buf + from, t->text, t->len) != 0)
        return 0;
    return t->col + quote;
}

static report_node *build(yconv *c, int id);

static bool build_mapping(yconv *c, yaml_node_t *n, report_node *t)
{
    size_t count = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    t->pairs = arena_alloc(c->a, (count ? count : 1) * sizeof *t->pairs);
    for (size_t i = 0; i < count; i++) {
        yaml_node_pair_t *p = n->data.mapping.pairs.start + i;
        report_node *key = build(c, p->key);
        report_node *value = key ? build(c, p->value) : NULL;
        if (!value)
            return false;
        if (key->kind != REPORT_NODE_SCALAR) {
            diag_add(c->diags, DIAG_ERROR, c->name, key->line, key->col,
                     "a mapping key must be a plain name, not a list or mapping");
            return false;
        }
        t->pairs[t->npairs++] = (report_pair){key, value};
    }
    report_tree_check_duplicate_keys(c->name, t, c->diags);
    return true;
}

static report_node *build(yconv *c, int id)
{
    size_t k = (size_t)(id - 1);
    if (c->made[k])
        return c->made[k];
    yaml_node_t *n = doc_node(c, id);
    report_node *t = arena_alloc(c->a, sizeof *t);
    c->made[k] = t; /* before the children: shared by every alias */
    t->line = (int)n->start_mark.line + 1;
    t->col = (int)n->start_mark.column + 1;
    if (n->type == YAML_SCALAR_NODE) {
        t->kind = REPORT_NODE_SCALAR;
        t->len = n->data.scalar.length;
        t->text = arena_strndup(c->a, (const char *)n->data.scalar.value, t->len);
        t->quoted = n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
        t->text_col = exact_text_col(c, n, t);
    } else if (n->type == YAML_SEQUENCE_NODE) {
        t->kind = REPORT_NODE_SEQUENCE;
        size_t count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
        t->items = arena_alloc(c->a, (count ? count : 1) * sizeof *t->items);
        for (size_t i = 0; i < count; i++) {
            if (!(t->items[i] = build(c, n->data.sequence.items.start[i])))
                return NULL;
        }
        t->count = count;
    } else {
        t->kind = REPORT_NODE_MAPPING;
        if (!build_mapping(c, n, t))
            return NULL;
    }
    return t;
}

/* Byte offset of a mark found by scanning (for the one error message). */
static size_t offset_of_mark(const char *buf, size_t len, yaml_mark_t m)
{
    size_t i = 0;
    for (size_t l = 0; l < m.line && i < len; i++)
        if (buf[i] == '\n')
            l++;
    for (size_t k = 0; k < m.column && i < len && buf[i] != '\n'; k++)
        utf8_decode(buf, len, &i);
    return i;
}

static void report_yaml_error(const char *name, const char *buf, size_t len, const yaml_parser_t *p,
                              diag_list *diags)
{
    int line, col;
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->error == YAML_READER_ERROR) {
        report_tree_offset_position(buf, len, p->problem_offset, &line, &col);
        diag_add(diags, DIAG_ERROR, name, line, col, "%s", problem);
        return;
    }
    if (p->error == YAML_MEMORY_ERROR) {
        diag_add(diags, DIAG_ERROR, name, 0, 0, "out of memory while reading YAML");
        return;
    }
    line = (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
    /* libyaml's most common complaint hides the usual cause: a tab. */
    size_t at = offset_of_mark(buf, len, p->problem_mark);
    const char *hint = "";
    if (strstr(problem, "cannot start any token") && at < len && buf[at] == '\t')
        hint = "; tabs are not allowed for indentation, use spaces";
    if (p->context)
        diag_add(diags, DIAG_ERROR, name, line, col, "%s %s (at line %d, column %d)%s", problem,
                 p->context, (int)p->context_mark.line + 1, (int)p->context_mark.column + 1, hint);
    else
        diag_add(diags, DIAG_ERROR, name, line, col, "%s%s", problem, hint);
}

static size_t *line_starts(const char *buf, size_t len, size_t *nlines)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += buf[i] == '\n';
    size_t *starts = xmalloc(n * sizeof *starts);
    size_t k = 0;
    /* libyaml's reader drops a byte order mark before counting columns. */
    starts[k++] = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\n')
            starts[k++] = i + 1;
    *nlines = n;
    return starts;
}

static report_node *convert_document(const char *name, const char *buf, size_t len,
                                     yaml_document_t *doc, arena *a, diag_list *diags)
{
    yconv c = {.name = name, .buf = buf, .len = len, .a = a, .diags = diags, .doc = doc};
    c.nnodes = (size_t)(doc->nodes.top - doc->nodes.start);
    c.line_start = line_starts(buf, len, &c.nlines);
    c.made = xcalloc(c.nnodes, sizeof *c.made);
    c.expanded = xcalloc(c.nnodes, sizeof *c.expanded);
    c.state = xcalloc(c.nnodes, 1);
    report_node *root = NULL;
    size_t size = expanded_size(&c, 1, 0);
    if (size != 0 && !c.over_reported)
        root = build(&c, 1);
    free(c.line_start);
    free(c.made);
    free(c.expanded);
    free(c.state);
    return root;
}

/* Complain when a second document (or a syntax error) follows the first. */
static bool check_single_document(const char *name, const char *buf, size_t len,
                                  yaml_parser_t *parser, diag_list *diags)
{
    yaml_document_t next;
    if (!yaml_parser_load(parser, &next)) {
        report_yaml_error(name, buf, len, parser, diags);
        return false;
    }
    yaml_node_t *root = yaml_document_get_root_node(&next);
    if (root)
        diag_add(diags, DIAG_ERROR, name, (int)root->start_mark.line + 1,
                 (int)root->start_mark.column + 1,
                 "expected a single document, found a second one");
    yaml_document_delete(&next);
    return root == NULL;
}

report_node *report_tree_yaml_parse(const char *name, const char *buf, size_t len, arena *a,
                                    diag_list *diags)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser)) {
        diag_add(diags, DIAG_ERROR, name, 0, 0, "out of memory while reading YAML");
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    report_node *root = NULL;
    if (!yaml_parser_load(&parser, &doc)) {
        report_yaml_error(name, buf, len, &parser, diags);
        yaml_parser_delete(&parser);
        return NULL;
    }
    if (yaml_document_get_root_node(&doc)) {
        root = convert_document(name, buf, len, &doc, a, diags);
        /* A second document or trailing garbage is a syntax error: no tree. */
        if (root && !check_single_document(name, buf, len, &parser, diags))
            root = NULL;
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return root;
}
