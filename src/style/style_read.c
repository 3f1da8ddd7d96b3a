/* style_read.c — the readers the section readers share (style_spec.c,
 * style_blocks.c): errors at a node, node shapes, unknown keys with a
 * suggestion, and the values many sections take: lengths, colours and font
 * role names. */
#include "style_internal.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void style_error(style_reader *rd, const report_node *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(rd->diags, DIAG_ERROR, rd->file, node ? node->line : 0, node ? node->col : 0, fmt,
              ap);
    va_end(ap);
}

void style_warning(style_reader *rd, const report_node *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(rd->diags, DIAG_WARNING, rd->file, node ? node->line : 0, node ? node->col : 0, fmt,
              ap);
    va_end(ap);
}

void style_diag_at(diag_list *diags, diag_level level, style_where at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vadd(diags, level, at.file, at.line, at.col, fmt, ap);
    va_end(ap);
}

style_where style_where_of(style_reader *rd, const report_node *node)
{
    return (style_where){rd->file, node->line, node->col, rd->layer};
}

style_where style_where_latest(style_where a, style_where b)
{
    if (!a.file)
        return b;
    if (!b.file)
        return a;
    return b.layer < a.layer ? b : a;
}

const char *style_shown(arena *a, const char *text)
{
    enum { MOST = 80 };
    size_t len = strlen(text), cut = len;
    if (len > MOST)
        cut = utf8_floor(text, MOST);
    char *out = arena_alloc(a, cut * 6 + sizeof "…");
    size_t o = 0;
    for (size_t i = 0; i < cut; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7f)
            o += (size_t)snprintf(out + o, 7, "U+%04X", c);
        else
            out[o++] = (char)c;
    }
    if (cut < len)
        memcpy(out + o, "…", sizeof "…");
    else
        out[o] = '\0';
    return out;
}

const char *style_number(arena *a, double v)
{
    double mag = v < 0 ? -v : v;
    if (mag >= 1e9 || (mag > 0 && mag < 0.01))
        return arena_printf(a, "%.3g", v);
    char *t = arena_printf(a, "%.2f", v);
    char *end = t + strlen(t);
    while (end[-1] == '0')
        *--end = '\0';
    if (end[-1] == '.')
        end[-1] = '\0';
    return t;
}

const char *style_did_you_mean(style_reader *rd, const char *word, const char *const *known,
                               size_t nknown)
{
    const char *guess = base_closest_word(word, known, nknown);
    return guess ? arena_printf(rd->out, " (did you mean '%s'?)", guess) : "";
}

/* ---- node shapes ---- */

bool style_is_null(const report_node *n)
{
    if (n->kind != REPORT_NODE_SCALAR || n->quoted)
        return false;
    return n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0;
}

const char *style_kind_name(const report_node *n)
{
    if (style_is_null(n))
        return "nothing";
    return n->kind == REPORT_NODE_MAPPING    ? "a mapping"
           : n->kind == REPORT_NODE_SEQUENCE ? "a list"
                                             : "a value";
}

bool style_expect_kind(style_reader *rd, const report_node *n, report_node_kind kind,
                       const char *what)
{
    if (n->kind == kind && !style_is_null(n))
        return true;
    static const char *const names[] = {"a value", "a list", "a mapping"};
    style_error(rd, n, "expected %s for %s, got %s", names[kind], what, style_kind_name(n));
    return false;
}

/* Report an unknown key of a mapping, suggesting the closest known one. */
void style_unknown_key(style_reader *rd, const report_node *key, const char *where,
                       const char *const *known, size_t nknown)
{
    const char *guess = base_closest_word(key->text, known, nknown);
    if (guess)
        style_error(rd, key, "unknown key '%s'%s (did you mean '%s'?)",
                    style_shown(rd->out, key->text), where, guess);
    else
        style_error(rd, key, "unknown key '%s'%s", style_shown(rd->out, key->text), where);
}

int style_key_index(const char *key, const char *const *known, size_t nknown)
{
    for (size_t i = 0; i < nknown; i++)
        if (strcmp(key, known[i]) == 0)
            return (int)i;
    return -1;
}

/* ---- values ---- */

const char *style_unit_hint(style_reader *rd, const report_node *n, bool em)
{
    static const char *const units[] = {"pt", "mm", "cm", "in", "em"};
    size_t nunits = em ? 5 : 4;
    if (n->kind != REPORT_NODE_SCALAR)
        return "";
    const char *s = n->text;
    if (*s == '-' || *s == '+')
        s++;
    if (!(*s >= '0' && *s <= '9') && *s != '.')
        return "";
    while ((*s >= '0' && *s <= '9') || *s == '.')
        s++;
    while (*s == ' ')
        s++;
    if (!*s || style_key_index(s, units, nunits) >= 0)
        return ""; /* no unit, or a known one: the number itself is wrong */
    char lower[8] = "";
    size_t k = 0;
    for (; s[k] && k < sizeof(lower) - 1; k++)
        lower[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] - 'A' + 'a' : s[k]);
    const char *guess = s[k] ? NULL : base_closest_word(lower, units, nunits);
    return arena_printf(rd->out, ": '%s' is not a unit here (%s)%s%s%s", style_shown(rd->out, s),
                        em ? "em, pt, mm, cm or in" : "pt, mm, cm or in",
                        guess ? " (did you mean '" : "", guess ? guess : "", guess ? "'?)" : "");
}

/* A page length: a bare number is in millimetres. */
void style_read_length(style_reader *rd, const report_node *n, style_num_field *f)
{
    double v, pt;
    const char *unit;
    if (n->kind != REPORT_NODE_SCALAR || style_is_null(n) ||
        !style_parse_quantity(n->text, &v, &unit) || (unit[0] && !style_unit_to_pt(unit, v, &pt))) {
        style_error(rd, n, "expected a length such as 20, 20mm or 56pt (bare numbers are mm)%s",
                    style_unit_hint(rd, n, false));
        return;
    }
    if (v < 0) {
        style_error(rd, n, "a length here must not be negative");
        return;
    }
    *f = (style_num_field){true, false, unit[0] ? pt : v * STYLE_PT_PER_MM, style_where_of(rd, n)};
}

void style_read_length_upto(style_reader *rd, const report_node *n, style_num_field *f,
                            double max_pt, bool positive, const char *what)
{
    style_num_field v = {0};
    style_read_length(rd, n, &v);
    if (!v.set)
        return;
    if (v.v > max_pt || (positive && v.v <= 0)) {
        style_error(rd, n, "%s must be %s %s pt (%s mm), not '%s' (%s pt)", what,
                    positive ? "more than 0 and at most" : "0 to", style_number(rd->out, max_pt),
                    style_number(rd->out, max_pt / STYLE_PT_PER_MM), n->text,
                    style_number(rd->out, v.v));
        return;
    }
    *f = v;
}

/* A component list such as [0, 0.8, 0.8, 0]; false (reported) when malformed. */
static bool read_components(style_reader *rd, const report_node *n, size_t want, double *v)
{
    if (n->kind != REPORT_NODE_SEQUENCE || n->count != want) {
        style_error(rd, n, "expected a list of %zu numbers", want);
        return false;
    }
    for (size_t i = 0; i < want; i++) {
        const report_node *c = n->items[i];
        const char *unit;
        if (c->kind != REPORT_NODE_SCALAR || !style_parse_quantity(c->text, &v[i], &unit) ||
            unit[0] || v[i] < 0) {
            style_error(rd, c, "expected a number of 0 or more");
            return false;
        }
    }
    return true;
}

/* {cmyk: [c, m, y, k]} with 0..1, or {rgb: [r, g, b]} with 0..1 or 0..255. */
static bool read_color_mapping(style_reader *rd, const report_node *n, style_color *c)
{
    if (n->npairs != 1) {
        style_error(rd, n, "expected one of {cmyk: [c, m, y, k]} or {rgb: [r, g, b]}");
        return false;
    }
    const report_node *key = n->pairs[0].key, *val = n->pairs[0].value;
    bool cmyk = strcmp(key->text, "cmyk") == 0;
    if (!cmyk && strcmp(key->text, "rgb") != 0) {
        static const char *const kinds[] = {"cmyk", "rgb"};
        style_unknown_key(rd, key, " in a colour", kinds, COUNT(kinds));
        return false;
    }
    memset(c, 0, sizeof(*c));
    c->cmyk = cmyk;
    size_t want = cmyk ? 4 : 3;
    double v[4] = {0};
    if (!read_components(rd, val, want, v))
        return false;
    double max = 0;
    for (size_t i = 0; i < want; i++)
        max = v[i] > max ? v[i] : max;
    double scale = max <= 1 ? 1 : cmyk ? 100 : 255; /* cmyk in percent, rgb as bytes */
    for (size_t i = 0; i < want; i++) {
        c->v[i] = (float)(v[i] / scale);
        if (v[i] / scale > 1) {
            style_error(rd, val->items[i], "colour component out of range (%s)",
                        cmyk ? "0 to 1" : "0 to 1, or 0 to 255");
            return false;
        }
    }
    return true;
}

bool style_is_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-'))
            return false;
    return true;
}

/* A colour; with allow_ref, a plain name refers to an entry of `colors`. */
/* "cmyk(0, 100, 100, 0)": the four inks in percent, as press people write them. */
static bool parse_cmyk_text(const char *text, style_color *c)
{
    double v[4];
    char close;
    int n = sscanf(text, " cmyk ( %lf , %lf , %lf , %lf %c", &v[0], &v[1], &v[2], &v[3], &close);
    if (n != 5 || close != ')')
        return false;
    const char *end = strrchr(text, ')');
    for (const char *p = end + 1; *p; p++)
        if (*p != ' ')
            return false;
    *c = (style_color){true, {0}};
    for (int i = 0; i < 4; i++) {
        if (!(v[i] >= 0 && v[i] <= 100))
            return false;
        c->v[i] = v[i] / 100;
    }
    return true;
}

void style_read_color(style_reader *rd, const report_node *n, bool allow_ref, style_color_field *f)
{
    style_color c;
    if (n->kind == REPORT_NODE_SCALAR && strncmp(n->text, "cmyk", 4) == 0 &&
        n->text[4 + strspn(n->text + 4, " ")] == '(') {
        if (parse_cmyk_text(n->text, &c))
            *f = (style_color_field){true, NULL, c, style_where_of(rd, n)};
        else
            style_error(rd, n, "expected a CMYK colour as cmyk(C, M, Y, K), each 0 to 100 percent");
        return;
    }
    if (n->kind == REPORT_NODE_MAPPING) {
        if (read_color_mapping(rd, n, &c))
            *f = (style_color_field){true, NULL, c, style_where_of(rd, n)};
        return;
    }
    if (n->kind == REPORT_NODE_SCALAR && style_parse_hex_color(n->text, &c)) {
        *f = (style_color_field){true, NULL, c, style_where_of(rd, n)};
        return;
    }
    if (allow_ref && n->kind == REPORT_NODE_SCALAR && style_is_name(n->text)) {
        f->set = true;
        f->ref = arena_strdup(rd->out, n->text);
        f->at = style_where_of(rd, n);
        return;
    }
    style_error(rd, n,
                "expected a colour such as \"#C00000\" (quoted: # starts a YAML comment), "
                "cmyk(0, 80, 80, 0), {cmyk: [0, 0.8, 0.8, 0]} or {rgb: [192, 0, 0]}%s",
                allow_ref ? ", or the name of an entry of colors" : "");
}

void style_read_role_name(style_reader *rd, const report_node *n, style_str_field *f)
{
    if (n->kind != REPORT_NODE_SCALAR || style_is_null(n) || !style_is_name(n->text)) {
        style_error(rd, n, "expected the name of a font role (a key of fonts)");
        return;
    }
    *f = (style_str_field){true, arena_strdup(rd->out, n->text), style_where_of(rd, n)};
}

void style_read_bool(style_reader *rd, const report_node *n, style_bool_field *f)
{
    static const char *const names[] = {"true", "false"};
    if (n->kind == REPORT_NODE_SCALAR && !n->quoted &&
        (strcmp(n->text, "true") == 0 || strcmp(n->text, "false") == 0)) {
        *f = (style_bool_field){true, n->text[0] == 't', style_where_of(rd, n)};
        return;
    }
    const char *hint = "";
    if (n->kind == REPORT_NODE_SCALAR) {
        /* YAML 1.1's other booleans are text here, as in YAML 1.2 */
        static const char *const yes[] = {"yes", "Yes", "YES", "on", "On", "ON", "y", "Y"};
        static const char *const no[] = {"no", "No", "NO", "off", "Off", "OFF", "n", "N"};
        if (style_key_index(n->text, yes, COUNT(yes)) >= 0)
            hint = " (did you mean 'true'?)";
        else if (style_key_index(n->text, no, COUNT(no)) >= 0)
            hint = " (did you mean 'false'?)";
        else if (n->quoted && style_key_index(n->text, names, COUNT(names)) >= 0)
            hint = " (without quotes)";
        else
            hint = style_did_you_mean(rd, n->text, names, COUNT(names));
    }
    style_error(rd, n, "expected true or false%s", hint);
}

bool style_resolve_color(const style_spec *spec, const style_color_field *f, style_color *c,
                         diag_list *diags)
{
    if (!f->set)
        return true;
    if (!f->ref) {
        *c = f->c;
        return true;
    }
    for (size_t i = 0; i < spec->colors.count; i++) {
        if (strcmp(spec->colors.items[i].name, f->ref) == 0) {
            *c = spec->colors.items[i].c;
            return true;
        }
    }
    const char *names[64];
    size_t n = 0;
    for (size_t i = 0; i < spec->colors.count && n < 64; i++)
        names[n++] = spec->colors.items[i].name;
    const char *guess = base_closest_word(f->ref, names, n);
    style_diag_at(diags, DIAG_ERROR, f->at, "unknown colour '%s'%s%s%s", f->ref,
                  guess ? " (did you mean '" : "", guess ? guess : "", guess ? "'?)" : "");
    return false;
}
