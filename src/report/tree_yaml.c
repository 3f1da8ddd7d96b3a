/* tree_yaml.c — the generic tree from YAML, built straight from libyaml's
 * event stream (yaml_parser_parse).
 *
 * Why events and not libyaml's document API: yaml_parser_load reads the
 * whole document before we see any of it, and 100,000 nested `[` took
 * libyaml half a minute; here the nesting limit stops the parse at the
 * 513th level. Anchors are kept in a map (name → tree node, anchors.c), so aliases
 * share nodes: the tree may be a DAG, never a cycle. An alias bomb is
 * refused in time linear in the file: every node's size with aliases
 * expanded is summed bottom up, an alias counting its anchor's memoised
 * size, and a collection whose expansion exceeds the budget (and exceeds
 * the nodes actually written, so that a large plain file is never
 * refused) stops the parse. The nesting limit counts through aliases too:
 * an anchor remembers how deep it is, so a chain of aliases cannot build a
 * tree deeper than its readers' recursion can bear. */
#include "tree_internal.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Most nodes an expanded document may have when it uses aliases. */
#define TREE_MAX_EXPANDED 1000000u

typedef struct yreader {
    const char *name;
    const char *buf;
    size_t len;
    arena *a;
    diag_list *diags;
    yaml_parser_t parser;
    size_t cursor, cursor_chars; /* a byte offset and the characters before it */
    report_anchors anchors;
    size_t nodes; /* tree nodes made so far */
} yreader;

/* What one node of the stream came to. */
typedef struct built {
    report_node *node;
    size_t expanded; /* its size with aliases expanded, capped just above the budget */
    int levels;      /* levels of collections in it (a scalar: 0) */
} built;

static void error_at(const yreader *r, yaml_mark_t m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void error_at(const yreader *r, yaml_mark_t m, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(r->diags, DIAG_ERROR, r->name, (int)m.line + 1, (int)m.column + 1, fmt, ap);
    va_end(ap);
}

/* ------------------------------- anchors ------------------------------- */

/* Register the anchor of a node whose first event is at m (NULL name: none). */
static bool anchor_open(yreader *r, const yaml_char_t *name, report_node *node, yaml_mark_t m)
{
    if (!name)
        return true;
    const report_anchor *first = report_anchors_find(&r->anchors, (const char *)name);
    if (first) {
        error_at(r, m, "duplicate anchor '&%s' (first at line %d, column %d)", name,
                 first->node->line, first->node->col);
        return false;
    }
    report_anchor *a = report_anchors_add(&r->anchors, (const char *)name);
    a->node = node;
    a->open = true;
    return true;
}

static void anchor_close(yreader *r, const yaml_char_t *name, const built *b)
{
    if (!name)
        return;
    report_anchor *a = report_anchors_find(&r->anchors, (const char *)name);
    a->expanded = b->expanded;
    a->levels = b->levels;
    a->open = false;
}

/* ------------------------------ positions ------------------------------ */

/* Byte offset of a libyaml mark. A mark's index counts characters from the
 * start; events come in source order, so a cursor that walks from the last
 * mark to the next makes the whole file's marks cost one pass (counting
 * from the start of each line instead was quadratic on a long line). */
static size_t mark_offset(yreader *r, yaml_mark_t m)
{
    while (r->cursor_chars < m.index && r->cursor < r->len) {
        utf8_decode(r->buf, r->len, &r->cursor);
        r->cursor_chars++;
    }
    while (r->cursor_chars > m.index && r->cursor > 0) {
        do /* back over one character: its continuation bytes, then its lead */
            r->cursor--;
        while (r->cursor > 0 && ((unsigned char)r->buf[r->cursor] & 0xC0) == 0x80);
        r->cursor_chars--;
    }
    return r->cursor;
}

/* Line and column (1-based) of byte `to`, from a mark at byte `from`
 * before it: a walk over the bytes between them only. */
static void position_from(const yreader *r, yaml_mark_t m, size_t from, size_t to, int *line,
                          int *col)
{
    *line = (int)m.line + 1;
    *col = (int)m.column + 1;
    for (size_t i = from; i < to && i < r->len;) {
        if (r->buf[i] == '\n') {
            ++*line;
            *col = 1;
            i++;
        } else {
            utf8_decode(r->buf, r->len, &i);
            ++*col;
        }
    }
}

/* text_col when the scalar's source is exactly its text on one line. */
static int exact_text_col(yreader *r, const yaml_event_t *ev, const report_node *t)
{
    yaml_scalar_style_t style = ev->data.scalar.style;
    int quote = 0;
    if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
        quote = 1;
    else if (style != YAML_PLAIN_SCALAR_STYLE)
        return 0;
    if (ev->start_mark.line != ev->end_mark.line)
        return 0;
    size_t from = mark_offset(r, ev->start_mark), to = mark_offset(r, ev->end_mark);
    if (to < from + 2 * (size_t)quote)
        return 0;
    from += (size_t)quote;
    to -= (size_t)quote;
    if (to - from != t->len || memcmp(r->buf + from, t->text, t->len) != 0)
        return 0;
    return t->col + quote;
}

/* Value of the hex digits of an escape (\xXX, \uXXXX, \UXXXXXXXX). */
static uint32_t hex_value(const char *s, size_t len, size_t at, int digits)
{
    uint32_t v = 0;
    for (int k = 0; k < digits && at + (size_t)k < len; k++) {
        int d = base_hex_digit(s[at + (size_t)k]);
        v = v * 16 + (uint32_t)(d < 0 ? 0 : d);
    }
    return v;
}

/* Offset of the escape that gives the first forbidden character of the
 * double-quoted scalar whose source starts at `from`; (size_t)-1 if none.
 * libyaml refuses control characters written as themselves, so in YAML
 * they can only come from an escape (\0, \e, \x1b, \u007f …). */
static size_t forbidden_escape(const yreader *r, size_t from)
{
    static const char letters[] = "0abtvnfre";
    static const uint32_t values[] = {0, 7, 8, 9, 11, 10, 12, 13, 27};
    size_t i = from;
    while (i < r->len && r->buf[i] != '"') /* past an anchor or a tag */
        i++;
    for (i++; i + 1 < r->len && r->buf[i] != '"'; i++) {
        if (r->buf[i] != '\\')
            continue;
        char e = r->buf[i + 1];
        const char *letter = e ? strchr(letters, e) : NULL;
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        uint32_t cp = letter ? values[letter - letters] : hex_value(r->buf, r->len, i + 2, digits);
        if ((letter || digits) && report_tree_is_forbidden(cp))
            return i;
        i += 1 + (size_t)digits; /* the loop steps over the escape's last byte */
    }
    return (size_t)-1;
}

/* Report a NUL or control character in a scalar, at the character. */
static void check_scalar_chars(yreader *r, const yaml_event_t *ev, const report_node *t)
{
    size_t at = report_tree_find_forbidden(t->text, t->len);
    if (at == (size_t)-1)
        return;
    int line = t->line, col = t->col;
    size_t from = mark_offset(r, ev->start_mark), esc = (size_t)-1;
    if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
        esc = forbidden_escape(r, from);
    if (esc != (size_t)-1)
        position_from(r, ev->start_mark, from, esc, &line, &col);
    else if (t->text_col)
        col = t->text_col + (int)utf8_length(t->text, at);
    report_tree_forbidden_error(r->name, line, col, (unsigned char)t->text[at], r->diags);
}

/* ------------------------------- errors -------------------------------- */

static void report_yaml_error(yreader *r)
{
    const yaml_parser_t *p = &r->parser;
    int line, col;
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->error == YAML_READER_ERROR) {
        report_tree_offset_position(r->buf, r->len, p->problem_offset, &line, &col);
        if (p->problem_value != -1 && strstr(problem, "control characters"))
            diag_add(r->diags, DIAG_ERROR, r->name, line, col,
                     "control character U+%04X is not allowed", (unsigned)p->problem_value);
        else
            diag_add(r->diags, DIAG_ERROR, r->name, line, col, "%s", problem);
        return;
    }
    if (p->error == YAML_MEMORY_ERROR) {
        diag_add(r->diags, DIAG_ERROR, r->name, 0, 0, "out of memory while reading YAML");
        return;
    }
    if (p->context && strcmp(p->context, "while scanning a quoted scalar") == 0 &&
        (strstr(problem, "end of stream") || strstr(problem, "document indicator"))) {
        /* The end of the file is where libyaml noticed; the quote is the cause. */
        size_t at = mark_offset(r, p->context_mark);
        char quote = at < r->len ? r->buf[at] : '"';
        error_at(r, p->context_mark,
                 "unclosed quote: the string that starts here has no closing %s",
                 quote == '\'' ? "single quote (')" : "double quote (\")");
        return;
    }
    line = (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
    /* libyaml's most common complaints hide the usual causes. */
    size_t at = mark_offset(r, p->problem_mark);
    const char *hint = "";
    if (strstr(problem, "cannot start any token") && at < r->len && r->buf[at] == '\t')
        hint = "; tabs are not allowed for indentation, use spaces";
    else if (strstr(problem, "mapping values are not allowed"))
        hint = "; quote text that contains ': ', or write '：'";
    if (p->context)
        diag_add(r->diags, DIAG_ERROR, r->name, line, col, "%s %s (at line %d, column %d)%s",
                 problem, p->context, (int)p->context_mark.line + 1,
                 (int)p->context_mark.column + 1, hint);
    else
        diag_add(r->diags, DIAG_ERROR, r->name, line, col, "%s%s", problem, hint);
}

/* The next event; false after reporting a syntax error. */
static bool next_event(yreader *r, yaml_event_t *ev)
{
    if (yaml_parser_parse(&r->parser, ev))
        return true;
    report_yaml_error(r);
    return false;
}

/* ------------------------------- nodes --------------------------------- */

static size_t saturating_add(size_t a, size_t b)
{
    size_t s = a + b;
    return s > TREE_MAX_EXPANDED + 1 ? TREE_MAX_EXPANDED + 1 : s;
}

static report_node *new_node(yreader *r, report_node_kind kind, yaml_mark_t m)
{
    report_node *t = arena_alloc(r->a, sizeof *t);
    t->kind = kind;
    t->line = (int)m.line + 1;
    t->col = (int)m.column + 1;
    r->nodes++;
    return t;
}

static bool read_node(yreader *r, yaml_event_t *ev, int depth, built *out);

static bool read_scalar(yreader *r, yaml_event_t *ev, built *out)
{
    report_node *t = new_node(r, REPORT_NODE_SCALAR, ev->start_mark);
    t->len = ev->data.scalar.length;
    t->text = arena_strndup(r->a, (const char *)ev->data.scalar.value, t->len);
    t->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    t->text_col = exact_text_col(r, ev, t);
    check_scalar_chars(r, ev, t);
    *out = (built){t, 1, 0};
    if (!anchor_open(r, ev->data.scalar.anchor, t, ev->start_mark))
        return false;
    anchor_close(r, ev->data.scalar.anchor, out);
    return true;
}

static bool read_alias(yreader *r, yaml_event_t *ev, int depth, built *out)
{
    const char *name = (const char *)ev->data.alias.anchor;
    const report_anchor *s = report_anchors_find(&r->anchors, name);
    if (!s) {
        error_at(r, ev->start_mark, "found undefined alias '*%s'", name);
        return false;
    }
    if (s->open) {
        diag_add(r->diags, DIAG_ERROR, r->name, s->node->line, s->node->col,
                 "alias refers to a node that contains it");
        return false;
    }
    if (depth + s->levels > TREE_MAX_DEPTH) {
        error_at(r, ev->start_mark, "nesting deeper than %d levels (through alias '*%s')",
                 TREE_MAX_DEPTH, name);
        return false;
    }
    *out = (built){s->node, s->expanded, s->levels};
    return true;
}

/* Add one child's size and levels to its collection's. */
static void add_child(built *parent, const built *child)
{
    parent->expanded = saturating_add(parent->expanded, child->expanded);
    if (child->levels + 1 > parent->levels)
        parent->levels = child->levels + 1;
}

static bool read_sequence(yreader *r, report_node *t, int depth, built *out)
{
    VEC(report_node *) items = {0};
    bool ok = true;
    for (;;) {
        yaml_event_t ev;
        if (!(ok = next_event(r, &ev)))
            break;
        if (ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }
        built child;
        ok = read_node(r, &ev, depth + 1, &child);
        yaml_event_delete(&ev);
        if (!ok)
            break;
        VEC_PUSH(&items, child.node);
        add_child(out, &child);
    }
    t->count = items.count;
    t->items = arena_alloc(r->a, (items.count ? items.count : 1) * sizeof *t->items);
    if (items.count)
        memcpy(t->items, items.items, items.count * sizeof *t->items);
    free(items.items);
    return ok;
}

/* One node of a mapping (its key or its value); false at the mapping's
 * end (*end set) or on an error. */
static bool read_member(yreader *r, int depth, built *b, bool *end)
{
    yaml_event_t ev;
    if (!next_event(r, &ev))
        return false;
    *end = ev.type == YAML_MAPPING_END_EVENT;
    bool ok = !*end && read_node(r, &ev, depth, b);
    yaml_event_delete(&ev);
    return ok;
}

static bool read_mapping(yreader *r, report_node *t, int depth, built *out)
{
    VEC(report_pair) pairs = {0};
    bool end = false;
    built key, value;
    /* read_member fails at the mapping's end (end set) or on an error */
    while (read_member(r, depth + 1, &key, &end)) {
        if (key.node->kind != REPORT_NODE_SCALAR) {
            diag_add(r->diags, DIAG_ERROR, r->name, key.node->line, key.node->col,
                     "a mapping key must be a plain name, not a list or mapping");
            break;
        }
        if (!read_member(r, depth + 1, &value, &end))
            break;
        VEC_PUSH(&pairs, ((report_pair){key.node, value.node}));
        add_child(out, &key);
        add_child(out, &value);
    }
    bool ok = end;
    t->npairs = pairs.count;
    t->pairs = arena_alloc(r->a, (pairs.count ? pairs.count : 1) * sizeof *t->pairs);
    if (pairs.count)
        memcpy(t->pairs, pairs.items, pairs.count * sizeof *t->pairs);
    free(pairs.items);
    if (ok)
        report_tree_check_duplicate_keys(r->name, t, r->diags);
    return ok;
}

static bool read_collection(yreader *r, yaml_event_t *ev, int depth, built *out)
{
    bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
    if (depth >= TREE_MAX_DEPTH) {
        error_at(r, ev->start_mark, "nesting deeper than %d levels", TREE_MAX_DEPTH);
        return false;
    }
    const yaml_char_t *anchor_name =
        seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
    report_node *t = new_node(r, seq ? REPORT_NODE_SEQUENCE : REPORT_NODE_MAPPING, ev->start_mark);
    *out = (built){t, 1, 1};
    if (!anchor_open(r, anchor_name, t, ev->start_mark))
        return false;
    if (!(seq ? read_sequence(r, t, depth, out) : read_mapping(r, t, depth, out)))
        return false;
    if (out->expanded > TREE_MAX_EXPANDED && out->expanded > r->nodes) {
        /* The innermost collection whose expansion crosses the budget. */
        error_at(r, ev->start_mark,
                 "too many alias expansions (this would expand to more than %u nodes)",
                 TREE_MAX_EXPANDED);
        return false;
    }
    anchor_close(r, anchor_name, out);
    return true;
}

/* The node whose first event is ev (still owned by the caller). */
static bool read_node(yreader *r, yaml_event_t *ev, int depth, built *out)
{
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        return read_scalar(r, ev, out);
    case YAML_ALIAS_EVENT:
        return read_alias(r, ev, depth, out);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        return read_collection(r, ev, depth, out);
    default: /* libyaml's parser emits nothing else where a node stands */
        error_at(r, ev->start_mark, "malformed YAML");
        return false;
    }
}

/* ------------------------------ documents ------------------------------ */

/* After the first document: only the end of the stream may follow. */
static bool expect_stream_end(yreader *r)
{
    yaml_event_t ev;
    if (!next_event(r, &ev))
        return false;
    bool second = ev.type == YAML_DOCUMENT_START_EVENT;
    yaml_event_delete(&ev);
    if (!second)
        return true;
    if (!next_event(r, &ev)) /* the second document's root */
        return false;
    error_at(r, ev.start_mark, "expected a single document, found a second one");
    yaml_event_delete(&ev);
    return false;
}

/* The root of the first document, NULL on an error or an empty stream. */
static report_node *read_stream(yreader *r)
{
    yaml_event_t ev;
    if (!next_event(r, &ev)) /* stream start */
        return NULL;
    yaml_event_delete(&ev);
    if (!next_event(r, &ev))
        return NULL;
    bool empty = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
    if (empty)
        return NULL; /* nothing but comments and blank lines */
    built root;
    if (!next_event(r, &ev))
        return NULL;
    bool ok = read_node(r, &ev, 0, &root);
    yaml_event_delete(&ev);
    if (!ok || !next_event(r, &ev)) /* document end */
        return NULL;
    yaml_event_delete(&ev);
    return expect_stream_end(r) ? root.node : NULL;
}

report_node *report_tree_yaml_parse(const char *name, const char *buf, size_t len, arena *a,
                                    diag_list *diags)
{
    yreader r = {.name = name, .buf = buf, .len = len, .a = a, .diags = diags};
    if (!yaml_parser_initialize(&r.parser)) {
        diag_add(diags, DIAG_ERROR, name, 0, 0, "out of memory while reading YAML");
        return NULL;
    }
    yaml_parser_set_input_string(&r.parser, (const unsigned char *)buf, len);
    yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
    report_node *root = read_stream(&r);
    report_anchors_free(&r.anchors);
    yaml_parser_delete(&r.parser);
    return root;
}
