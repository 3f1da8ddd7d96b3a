/* tree_json.c — a strict RFC 8259 reader that builds the same tree as the
 * YAML loader. Numbers keep their text as written ("73.30"), strings have
 * their escapes resolved (surrogate pairs joined), and every error names the
 * line and column and what was expected. The first syntax error stops the
 * parse; duplicate keys and forbidden characters (NUL and control
 * characters, written as escapes) are reported and parsing goes on. */
#include "tree_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct jparser {
    const char *name;
    const char *s;
    size_t len, pos;
    size_t line_start; /* byte offset where the current line begins */
    int line;
    arena *a;
    diag_list *diags;
    bool failed;
    bool forbidden_seen; /* the string being read has had its forbidden character reported */
    size_t counted, counted_chars; /* a byte offset on the line and the characters before it */
} jparser;

typedef VEC(char) char_vec;
typedef VEC(report_pair) pair_vec;

/* Column of byte `at` on the current line. Positions are asked for left
 * to right, so the characters are counted on from the last one asked for
 * (counting from the line's start each time was quadratic on minified
 * JSON, all on one line). */
static int column_of(jparser *p, size_t at)
{
    if (p->counted < p->line_start || p->counted > at) {
        p->counted = p->line_start;
        p->counted_chars = 0;
    }
    p->counted_chars += utf8_length(p->s + p->counted, at - p->counted);
    p->counted = at;
    return (int)p->counted_chars + 1;
}

static void fail_at(jparser *p, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail_at(jparser *p, size_t at, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(p->diags, DIAG_ERROR, p->name, p->line, column_of(p, at), fmt, ap);
    va_end(ap);
}

/* What stands at pos, for "expected X, got Y" messages. */
static const char *describe_here(jparser *p)
{
    if (p->pos >= p->len)
        return "end of file";
    unsigned char c = (unsigned char)p->s[p->pos];
    if (c == '/')
        return "'/' (comments are not allowed in JSON)";
    if (c == '\'')
        return "''' (JSON strings take double quotes)";
    if (c >= 0x20 && c < 0x7F)
        return arena_printf(p->a, "'%c'", c);
    size_t i = p->pos;
    uint32_t cp = utf8_decode(p->s, p->len, &i);
    if (cp >= 0x80)
        return arena_printf(p->a, "'%.*s'", (int)(i - p->pos), p->s + p->pos);
    return arena_printf(p->a, "character U+%04X", (unsigned)cp);
}

static void skip_space(jparser *p)
{
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c == '\n') {
            p->line++;
            p->line_start = p->pos + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            return;
        }
        p->pos++;
    }
}

static report_node *new_node(jparser *p, report_node_kind kind, size_t at)
{
    report_node *t = arena_alloc(p->a, sizeof *t);
    t->kind = kind;
    t->line = p->line;
    t->col = column_of(p, at);
    return t;
}

static report_node *parse_value(jparser *p, int depth);

/* ------------------------------- scalars ------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t skip_digits(jparser *p, size_t i)
{
    while (i < p->len && is_digit(p->s[i]))
        i++;
    return i;
}

static report_node *parse_number(jparser *p)
{
    size_t start = p->pos, i = p->pos;
    if (p->s[i] == '-')
        i++;
    if (i >= p->len || !is_digit(p->s[i])) {
        fail_at(p, i, "expected a digit after '-'");
        return NULL;
    }
    if (p->s[i] == '0' && i + 1 < p->len && is_digit(p->s[i + 1])) {
        fail_at(p, i, "leading zeros are not allowed in JSON numbers");
        return NULL;
    }
    i = skip_digits(p, i);
    if (i < p->len && p->s[i] == '.') {
        if (i + 1 >= p->len || !is_digit(p->s[i + 1])) {
            fail_at(p, i + 1, "expected a digit after '.'");
            return NULL;
        }
        i = skip_digits(p, i + 1);
    }
    if (i < p->len && (p->s[i] == 'e' || p->s[i] == 'E')) {
        i++;
        if (i < p->len && (p->s[i] == '+' || p->s[i] == '-'))
            i++;
        if (i >= p->len || !is_digit(p->s[i])) {
            fail_at(p, i, "expected a digit in the exponent");
            return NULL;
        }
        i = skip_digits(p, i);
    }
    report_node *t = new_node(p, REPORT_NODE_SCALAR, start);
    t->len = i - start;
    t->text = arena_strndup(p->a, p->s + start, t->len);
    t->text_col = t->col;
    p->pos = i;
    return t;
}

static report_node *parse_literal(jparser *p)
{
    static const char *const words[] = {"true", "false", "null"};
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(words[k]);
        if (p->len - p->pos >= n && memcmp(p->s + p->pos, words[k], n) == 0) {
            report_node *t = new_node(p, REPORT_NODE_SCALAR, p->pos);
            t->text = words[k];
            t->len = n;
            t->text_col = t->col;
            p->pos += n;
            return t;
        }
    }
    fail_at(p, p->pos,
            "expected a value (object, array, string, number, true, false or null), "
            "got %s",
            describe_here(p));
    return NULL;
}

/* Four hex digits at s[i]; -1 when they are not. */
static long read_hex4(const jparser *p, size_t i)
{
    if (p->len - i < 4)
        return -1;
    long v = 0;
    for (size_t k = 0; k < 4; k++) {
        int h = base_hex_digit(p->s[i + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* The \u escape at pos (pointing at the backslash), joining a surrogate pair.
 * Advances pos past it; returns the code point or -1 after an error. */
static long read_unicode_escape(jparser *p)
{
    size_t at = p->pos;
    long hi = read_hex4(p, at + 2);
    if (hi < 0) {
        fail_at(p, at, "expected four hex digits after '\\u'");
        return -1;
    }
    p->pos = at + 6;
    if (hi >= 0xDC00 && hi <= 0xDFFF) {
        fail_at(p, at, "lone low surrogate \\u%04lX (expected a high surrogate first)", hi);
        return -1;
    }
    if (hi < 0xD800 || hi > 0xDBFF)
        return hi;
    long lo = -1;
    if (p->len - p->pos >= 6 && p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u')
        lo = read_hex4(p, p->pos + 2);
    if (lo < 0xDC00 || lo > 0xDFFF) {
        fail_at(p, at,
                "lone high surrogate \\u%04lX (expected a low surrogate \\uDC00-\\uDFFF "
                "after it)",
                hi);
        return -1;
    }
    p->pos += 6;
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

/* Report the first forbidden character (NUL, a control character) of a
 * string, at byte `at`; reading goes on (the loader fails at the end). */
static void forbid(jparser *p, size_t at, long cp)
{
    if (!report_tree_is_forbidden((uint32_t)cp) || p->forbidden_seen)
        return;
    p->forbidden_seen = true; /* one error per string is enough */
    report_tree_forbidden_error(p->name, p->line, column_of(p, at), (unsigned char)cp, p->diags);
}

/* One escape at pos (the backslash) appended to out. */
static bool read_escape(jparser *p, char_vec *out)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    char c = p->pos + 1 < p->len ? p->s[p->pos + 1] : 0;
    const char *hit = c ? strchr(from, c) : NULL;
    if (hit) {
        forbid(p, p->pos, to[hit - from]);
        VEC_PUSH(out, to[hit - from]);
        p->pos += 2;
        return true;
    }
    if (c != 'u') {
        fail_at(p, p->pos,
                "invalid escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                "\\uXXXX");
        return false;
    }
    size_t at = p->pos;
    long cp = read_unicode_escape(p);
    if (cp < 0)
        return false;
    forbid(p, at, cp);
    char buf[4];
    size_t n = utf8_encode((uint32_t)cp, buf);
    for (size_t k = 0; k < n; k++)
        VEC_PUSH(out, buf[k]);
    return true;
}

static report_node *parse_string(jparser *p)
{
    report_node *t = new_node(p, REPORT_NODE_SCALAR, p->pos);
    t->quoted = true;
    size_t open = p->pos++;
    p->forbidden_seen = false;
    char_vec out = {0};
    bool escaped = false;
    for (;;) {
        if (p->pos >= p->len) {
            fail_at(p, open, "unclosed string: no closing '\"' before the end of the file");
            break;
        }
        unsigned char c = (unsigned char)p->s[p->pos];
        if (c == '"') {
            p->pos++;
            break;
        }
        if (c == '\n' || c == '\r') { /* most likely a quote left out */
            fail_at(p, open,
                    "unclosed string: no closing '\"' before the end of the line (write a line "
                    "break inside a string as \\n)");
            break;
        }
        if (c == '\t') {
            fail_at(p, p->pos, "tab in a string (write it as \\t)");
            break;
        }
        if (c < 0x20) {
            fail_at(p, p->pos, "control character U+%04X in a string (JSON does not allow it)", c);
            break;
        }
        forbid(p, p->pos, c); /* DEL: JSON allows it, briefc's text does not */
        if (c == '\\') {
            escaped = true;
            if (!read_escape(p, &out))
                break;
            continue;
        }
        VEC_PUSH(&out, (char)c);
        p->pos++;
    }
    if (!p->failed) {
        t->len = out.count;
        t->text = arena_strndup(p->a, out.count ? out.items : "", out.count);
        t->text_col = escaped ? 0 : t->col + 1;
    }
    free(out.items);
    return p->failed ? NULL : t;
}

/* ----------------------------- containers ----------------------------- */

static report_node *parse_array(jparser *p, int depth)
{
    report_node *t = new_node(p, REPORT_NODE_SEQUENCE, p->pos);
    VEC(report_node *) items = {0};
    p->pos++;
    skip_space(p);
    if (p->pos < p->len && p->s[p->pos] == ']') {
        p->pos++;
    } else {
        for (;;) {
            report_node *v = parse_value(p, depth + 1);
            if (!v)
                break;
            VEC_PUSH(&items, v);
            skip_space(p);
            if (p->pos < p->len && p->s[p->pos] == ',') {
                p->pos++;
                skip_space(p);
                if (p->pos < p->len && p->s[p->pos] == ']') {
                    fail_at(p, p->pos, "trailing comma before ']' (expected a value)");
                    break;
                }
                continue;
            }
            if (p->pos < p->len && p->s[p->pos] == ']') {
                p->pos++;
                break;
            }
            fail_at(p, p->pos, "expected ',' or ']' after array element, got %s", describe_here(p));
            break;
        }
    }
    t->count = items.count;
    t->items = arena_alloc(p->a, (items.count ? items.count : 1) * sizeof *t->items);
    if (items.count)
        memcpy(t->items, items.items, items.count * sizeof *t->items);
    free(items.items);
    return p->failed ? NULL : t;
}

/* One "key": value member; false after an error. */
static bool parse_member(jparser *p, int depth, pair_vec *pairs)
{
    if (p->pos >= p->len || p->s[p->pos] != '"') {
        fail_at(p, p->pos, "expected a string key in double quotes, got %s", describe_here(p));
        return false;
    }
    report_node *key = parse_string(p);
    if (!key)
        return false;
    skip_space(p);
    if (p->pos >= p->len || p->s[p->pos] != ':') {
        fail_at(p, p->pos, "expected ':' after object key, got %s", describe_here(p));
        return false;
    }
    p->pos++;
    report_node *value = parse_value(p, depth + 1);
    if (!value)
        return false;
    VEC_PUSH(pairs, ((report_pair){key, value}));
    return true;
}

static report_node *parse_object(jparser *p, int depth)
{
    report_node *t = new_node(p, REPORT_NODE_MAPPING, p->pos);
    pair_vec pairs = {0};
    p->pos++;
    skip_space(p);
    if (p->pos < p->len && p->s[p->pos] == '}') {
        p->pos++;
    } else {
        while (parse_member(p, depth, &pairs)) {
            skip_space(p);
            if (p->pos < p->len && p->s[p->pos] == ',') {
                p->pos++;
                skip_space(p);
                if (p->pos < p->len && p->s[p->pos] == '}') {
                    fail_at(p, p->pos, "trailing comma before '}' (expected a string key)");
                    break;
                }
                continue;
            }
            if (p->pos < p->len && p->s[p->pos] == '}') {
                p->pos++;
                break;
            }
            fail_at(p, p->pos, "expected ',' or '}' after object member, got %s", describe_here(p));
            break;
        }
    }
    t->npairs = pairs.count;
    t->pairs = arena_alloc(p->a, (pairs.count ? pairs.count : 1) * sizeof *t->pairs);
    if (pairs.count)
        memcpy(t->pairs, pairs.items, pairs.count * sizeof *t->pairs);
    free(pairs.items);
    if (p->failed)
        return NULL;
    report_tree_check_duplicate_keys(p->name, t, p->diags);
    return t;
}

static report_node *parse_value(jparser *p, int depth)
{
    skip_space(p);
    if (p->pos >= p->len) {
        fail_at(p, p->pos, "expected a value, got end of file");
        return NULL;
    }
    char c = p->s[p->pos];
    if ((c == '{' || c == '[') && depth >= TREE_MAX_DEPTH) {
        fail_at(p, p->pos, "nesting deeper than %d levels", TREE_MAX_DEPTH);
        return NULL;
    }
    if (c == '{')
        return parse_object(p, depth);
    if (c == '[')
        return parse_array(p, depth);
    if (c == '"')
        return parse_string(p);
    if (c == '-' || is_digit(c))
        return parse_number(p);
    return parse_literal(p);
}

report_node *report_tree_json_parse(const char *name, const char *buf, size_t len, arena *a,
                                    diag_list *diags)
{
    jparser p = {.name = name, .s = buf, .len = len, .line = 1, .a = a, .diags = diags};
    skip_space(&p);
    if (p.pos >= p.len)
        return NULL; /* empty: the caller says what it expected */
    report_node *root = parse_value(&p, 0);
    if (!root)
        return NULL;
    skip_space(&p);
    if (p.pos < p.len) {
        fail_at(&p, p.pos, "expected end of file after the top-level value, got %s",
                describe_here(&p));
        return NULL;
    }
    return root;
}
