/* style_spec.c — apply one layout file over the merged spec: page, fonts,
 * colors and styles (table and bars: style_blocks.c), checking every key and
 * value and reporting all errors of the file with their positions. */
#include "style_internal.h"

#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- page ---- */

static const struct {
    const char *name;
    double w, h; /* mm */
} paper_sizes[] = {
    {"A3", 297, 420}, {"A4", 210, 297}, {"A5", 148, 210}, {"A6", 105, 148}, {"B5", 176, 250},
};

/* One side of a custom page: a length within what a PDF page can be. */
static bool read_page_side(style_reader *rd, const report_node *n, const char *side,
                           style_num_field *f)
{
    style_read_length(rd, n, f);
    if (!f->set)
        return false;
    if (f->v < STYLE_PAGE_MIN_PT || f->v > STYLE_PAGE_MAX_PT) {
        style_error(rd, n,
                    "a page %s of %s mm is beyond what a PDF page can be: %s mm to %s mm "
                    "(%s pt to %s pt)",
                    side, style_number(rd->out, f->v / STYLE_PT_PER_MM),
                    style_number(rd->out, STYLE_PAGE_MIN_PT / STYLE_PT_PER_MM),
                    style_number(rd->out, STYLE_PAGE_MAX_PT / STYLE_PT_PER_MM),
                    style_number(rd->out, STYLE_PAGE_MIN_PT),
                    style_number(rd->out, STYLE_PAGE_MAX_PT));
        f->set = false;
        return false;
    }
    return true;
}

/* "a4" → " (did you mean 'A4'?)": only the case is suggested, never a
 * different paper ("A7" is not a typo for "A5"). */
static const char *paper_hint(style_reader *rd, const char *text)
{
    for (size_t i = 0; i < COUNT(paper_sizes); i++) {
        const char *name = paper_sizes[i].name;
        if (strlen(text) == 2 && (text[0] | 0x20) == (name[0] | 0x20) && text[1] == name[1])
            return arena_printf(rd->out, " (did you mean '%s'?)", name);
    }
    return "";
}

static void read_page_size(style_reader *rd, const report_node *n, style_spec *spec)
{
    if (n->kind == REPORT_NODE_SCALAR && !style_is_null(n)) {
        for (size_t i = 0; i < COUNT(paper_sizes); i++) {
            if (strcmp(n->text, paper_sizes[i].name) == 0) {
                style_where at = style_where_of(rd, n);
                spec->width =
                    (style_num_field){true, false, paper_sizes[i].w * STYLE_PT_PER_MM, at};
                spec->height =
                    (style_num_field){true, false, paper_sizes[i].h * STYLE_PT_PER_MM, at};
                return;
            }
        }
        style_error(rd, n, "expected a paper size (A3, A4, A5, A6, B5) or [width, height]%s",
                    paper_hint(rd, n->text));
        return;
    }
    if (n->kind == REPORT_NODE_SEQUENCE && n->count == 2) {
        style_num_field w = {0}, h = {0};
        bool w_ok = read_page_side(rd, n->items[0], "width", &w);
        bool h_ok = read_page_side(rd, n->items[1], "height", &h);
        if (w_ok && h_ok) {
            spec->width = w;
            spec->height = h;
        }
        return; /* a bad side is already reported */
    }
    style_error(rd, n, "expected a paper size (A3, A4, A5, A6, B5) or [width, height]");
}

static void read_margins(style_reader *rd, const report_node *n, style_spec *spec)
{
    static const char *const sides[] = {"top", "bottom", "inner", "outer"};
    if (n->kind == REPORT_NODE_SCALAR && !style_is_null(n)) { /* one length for all four */
        style_num_field all = {0};
        style_read_length(rd, n, &all);
        for (int i = 0; all.set && i < 4; i++)
            spec->margin[i] = all;
        return;
    }
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "margins"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key;
        int k = style_key_index(key->text, sides, COUNT(sides));
        if (k < 0)
            style_unknown_key(rd, key, " in margins", sides, COUNT(sides));
        else
            style_read_length(rd, n->pairs[i].value, &spec->margin[k]);
    }
}

static void read_page(style_reader *rd, const report_node *n, style_spec *spec)
{
    static const char *const keys[] = {"size",          "margins",         "mirror",
                                       "header_offset", "footer_offset",   "header_rule",
                                       "grid",          "footer_offset_to"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "page"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        switch (style_key_index(key->text, keys, COUNT(keys))) {
        case 0:
            read_page_size(rd, val, spec);
            break;
        case 1:
            read_margins(rd, val, spec);
            break;
        case 2: {
            style_bool_field mirror = {0};
            style_read_bool(rd, val, &mirror);
            if (mirror.set) {
                spec->mirror_set = true;
                spec->mirror = mirror.v;
            }
            break;
        }
        case 3:
            style_read_length(rd, val, &spec->header_offset);
            break;
        case 4:
            style_read_length(rd, val, &spec->footer_offset);
            break;
        case 5:
            style_read_length_upto(rd, val, &spec->header_rule, STYLE_RULE_MAX_PT, false,
                                   "the header rule");
            break;
        case 6:
            style_read_grid(rd, val, spec);
            break;
        case 7:
            style_read_footer_anchor(rd, val, spec);
            break;
        default:
            style_unknown_key(rd, key, " in page", keys, COUNT(keys));
        }
    }
}

/* ---- fonts and colours ---- */

static void set_role(style_spec *spec, style_role_spec role)
{
    for (size_t i = 0; i < spec->roles.count; i++) {
        if (strcmp(spec->roles.items[i].name, role.name) == 0) {
            spec->roles.items[i] = role; /* a child's list replaces the parent's */
            return;
        }
    }
    VEC_PUSH(&spec->roles, role);
}

static void read_role(style_reader *rd, const report_node *key, const report_node *val,
                      style_spec *spec)
{
    const report_node *const *items = (const report_node *const *)&val;
    size_t n = 1;
    if (val->kind == REPORT_NODE_SEQUENCE) {
        items = (const report_node *const *)val->items;
        n = val->count;
    }
    if (n == 0 || val->kind == REPORT_NODE_MAPPING) {
        style_error(rd, val, "expected a list of font families for role '%s'", key->text);
        return;
    }
    style_role_spec role = {arena_strdup(rd->out, key->text),
                            arena_alloc(rd->out, n * sizeof(char *)), n, style_where_of(rd, key)};
    for (size_t i = 0; i < n; i++) {
        if (items[i]->kind != REPORT_NODE_SCALAR || style_is_null(items[i])) {
            style_error(rd, items[i], "expected a font family name, got %s",
                        style_kind_name(items[i]));
            return;
        }
        role.families[i] = arena_strdup(rd->out, items[i]->text);
    }
    set_role(spec, role);
}

static void read_fonts(style_reader *rd, const report_node *n, style_spec *spec)
{
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "fonts"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key;
        if (!style_is_name(key->text))
            style_error(rd, key, "a font role name is made of letters, digits, _ and -");
        else
            read_role(rd, key, n->pairs[i].value, spec);
    }
}

static void read_colors(style_reader *rd, const report_node *n, style_spec *spec)
{
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "colors"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key;
        if (!style_is_name(key->text)) {
            style_error(rd, key, "a colour name is made of letters, digits, _ and -");
            continue;
        }
        style_color_field f = {0};
        style_read_color(rd, n->pairs[i].value, false, &f);
        if (!f.set)
            continue;
        style_named_color nc = {arena_strdup(rd->out, key->text), f.c, style_where_of(rd, key)};
        size_t k = 0;
        while (k < spec->colors.count && strcmp(spec->colors.items[k].name, nc.name) != 0)
            k++;
        if (k < spec->colors.count)
            spec->colors.items[k] = nc;
        else
            VEC_PUSH(&spec->colors, nc);
    }
}

/* ---- text styles ---- */

const char *const style_text_names[STYLE_COUNT] = {
    [STYLE_BODY] = "body",
    [STYLE_HEADING1] = "heading1",
    [STYLE_HEADING2] = "heading2",
    [STYLE_HEADING3] = "heading3",
    [STYLE_HEADING4] = "heading4",
    [STYLE_COVER_ORG] = "cover_org",
    [STYLE_COVER_TITLE] = "cover_title",
    [STYLE_COVER_SUBTITLE] = "cover_subtitle",
    [STYLE_COVER_DATE] = "cover_date",
    [STYLE_COVER_META] = "cover_meta",
    [STYLE_TOC_TITLE] = "toc_title",
    [STYLE_TOC_ENTRY1] = "toc_entry1",
    [STYLE_TOC_ENTRY2] = "toc_entry2",
    [STYLE_HEADER] = "header",
    [STYLE_FOOTER] = "footer",
    [STYLE_CLOSING] = "closing",
    [STYLE_EDITOR] = "editor",
    [STYLE_CAPTION] = "caption",
    [STYLE_TABLE] = "table",
    [STYLE_NOTE] = "note",
    [STYLE_COPY_NUMBER] = "copy_number",
    [STYLE_SECRECY] = "secrecy",
    [STYLE_MASTHEAD] = "masthead",
    [STYLE_DOC_NUMBER] = "doc_number",
    [STYLE_SIGNER] = "signer",
    [STYLE_DOC_TITLE] = "doc_title",
    [STYLE_ADDRESSEE] = "addressee",
    [STYLE_ATTACHMENT] = "attachment",
    [STYLE_SIGNATURE] = "signature",
    [STYLE_REMARK] = "remark",
    [STYLE_IMPRINT] = "imprint",
};

style_text_id style_text_parent(style_text_id id)
{
    switch (id) {
    case STYLE_SECRECY:
        return STYLE_HEADING1; /* 3号 黑体 */
    case STYLE_MASTHEAD:
        return STYLE_COVER_ORG;
    case STYLE_SIGNER:
        return STYLE_HEADING2; /* 3号 楷体 */
    case STYLE_DOC_TITLE:
        return STYLE_COVER_TITLE;
    case STYLE_IMPRINT:
        return STYLE_NOTE;
    case STYLE_COPY_NUMBER:
    case STYLE_DOC_NUMBER:
    case STYLE_ADDRESSEE:
    case STYLE_ATTACHMENT:
    case STYLE_SIGNATURE:
    case STYLE_REMARK:
        return STYLE_BODY;
    default:
        return id;
    }
}

static void read_text_size(style_reader *rd, const report_node *n, style_num_field *f)
{
    double pt, v;
    const char *unit;
    if (n->kind == REPORT_NODE_SCALAR && !style_parse_size(n->text, &pt) &&
        style_parse_quantity(n->text, &v, &unit) && (unit[0] == '\0' || strcmp(unit, "em") != 0)) {
        style_error(rd, n, "a type size must be at least %s pt, not '%s'",
                    style_number(rd->out, STYLE_SIZE_MIN_PT), n->text); /* 0 or negative */
        return;
    }
    if (n->kind != REPORT_NODE_SCALAR || !style_parse_size(n->text, &pt)) {
        style_error(rd, n, "expected a size such as 12pt, 4mm or 小四%s",
                    style_unit_hint(rd, n, false));
        return;
    }
    if (pt < STYLE_SIZE_MIN_PT) {
        style_error(rd, n, "a type size must be at least %s pt, not '%s' (%s pt)",
                    style_number(rd->out, STYLE_SIZE_MIN_PT), n->text, style_number(rd->out, pt));
        return;
    }
    *f = (style_num_field){true, false, pt, style_where_of(rd, n)};
}

/* A length whose bare number means a multiple (of the size, of the leading,
 * of an em); bare_abs_from > 0: bare numbers from there on are points. */
static void read_relative(style_reader *rd, const report_node *n, style_num_field *f,
                          double bare_abs_from, bool em_unit, const char *expected)
{
    double v, pt = 0;
    const char *unit;
    bool ok = n->kind == REPORT_NODE_SCALAR && style_parse_quantity(n->text, &v, &unit);
    bool is_em = ok && strcmp(unit, "em") == 0;
    if (ok && unit[0] && !is_em)
        ok = style_unit_to_pt(unit, v, &pt);
    if (!ok || (is_em && !em_unit)) {
        style_error(rd, n, "%s%s", expected, style_unit_hint(rd, n, em_unit));
        return;
    }
    if (v < 0) {
        style_error(rd, n, "must not be negative");
        return;
    }
    bool relative = unit[0] == '\0' || is_em;
    if (unit[0] == '\0' && bare_abs_from > 0 && v >= bare_abs_from) {
        relative = false; /* "28": a fixed pitch in points, as Word says it */
        pt = v;
    }
    *f = (style_num_field){true, relative, relative ? v : pt, style_where_of(rd, n)};
}

/* The line pitch: more than 0 (0 sets every line over the one before); how it
 * compares with the size is checked once the chain is merged. */
static void read_leading(style_reader *rd, const report_node *n, style_num_field *f)
{
    style_num_field v = {0};
    read_relative(rd, n, &v, 4, false,
                  "expected a leading such as 1.75 (times the size), 28pt or 10mm");
    if (!v.set)
        return;
    if (v.v <= 0) {
        style_error(rd, n,
                    "a leading of 0 sets every line on top of the one before: give a multiple "
                    "of the size (1.2 to 2 is usual) or a pitch such as 28pt");
        return;
    }
    *f = v;
}

static void read_align(style_reader *rd, const report_node *n, style_text_spec *t)
{
    static const char *const names[] = {"justify", "left", "center", "right"};
    int k = n->kind == REPORT_NODE_SCALAR ? style_key_index(n->text, names, COUNT(names)) : -1;
    if (k < 0) {
        style_error(rd, n, "expected justify, left, center or right%s",
                    n->kind == REPORT_NODE_SCALAR
                        ? style_did_you_mean(rd, n->text, names, COUNT(names))
                        : "");
        return;
    }
    t->align_set = true;
    t->align = (style_align)k;
}

static void read_text_style(style_reader *rd, const report_node *n, const char *name,
                            style_text_spec *t)
{
    static const char *const keys[] = {"font",         "strong_font", "size",  "leading", "indent",
                                       "space_before", "space_after", "align", "color",   "grid"};
    char what[64];
    snprintf(what, sizeof(what), "style '%s'", name);
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, what))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        switch (style_key_index(key->text, keys, COUNT(keys))) {
        case 0:
            style_read_role_name(rd, val, &t->font);
            break;
        case 1:
            style_read_role_name(rd, val, &t->strong_font);
            break;
        case 2:
            read_text_size(rd, val, &t->size);
            break;
        case 3:
            read_leading(rd, val, &t->leading);
            break;
        case 4:
            read_relative(rd, val, &t->indent, 0, true,
                          "expected an indent such as 2 (em of the size), 2em or 24pt");
            break;
        case 5:
        case 6:
            read_relative(rd, val, key->text[6] == 'b' ? &t->space_before : &t->space_after, 0,
                          false, "expected a space such as 0.5 (lines), 6pt or 2mm");
            break;
        case 7:
            read_align(rd, val, t);
            break;
        case 8:
            style_read_color(rd, val, true, &t->color);
            break;
        case 9:
            style_read_grid_use(rd, val, t);
            break;
        default: {
            char where[80];
            snprintf(where, sizeof(where), " in %s", what);
            style_unknown_key(rd, key, where, keys, COUNT(keys));
        }
        }
    }
}

static void read_styles(style_reader *rd, const report_node *n, style_spec *spec)
{
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "styles"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key;
        int k = style_key_index(key->text, style_text_names, STYLE_COUNT);
        if (k < 0) {
            const char *guess = base_closest_word(key->text, style_text_names, STYLE_COUNT);
            style_error(rd, key, "unknown style '%s'%s%s%s", style_shown(rd->out, key->text),
                        guess ? " (did you mean '" : "", guess ? guess : "", guess ? "'?)" : "");
            continue;
        }
        style_text_spec *t = &spec->text[k];
        if (!t->defined) {
            t->defined = true;
            t->at = style_where_of(rd, key);
        }
        read_text_style(rd, n->pairs[i].value, style_text_names[k], t);
    }
}

/* ---- one file ---- */

void style_spec_apply(style_reader *rd, const report_node *root, style_spec *spec)
{
    static const char *const keys[] = {"briefc-layout", "extends", "description", "page",
                                       "fonts",         "colors",  "styles",      "table",
                                       "bars",          "parts",   "punctuation", "official",
                                       "output",        "print"};
    for (size_t i = 0; i < root->npairs; i++) {
        const report_node *key = root->pairs[i].key, *val = root->pairs[i].value;
        switch (style_key_index(key->text, keys, COUNT(keys))) {
        case 0: /* version and extends: read while loading the chain */
        case 1:
            break;
        case 2:
            if (val->kind != REPORT_NODE_SCALAR)
                style_error(rd, val, "expected a text for description, got %s",
                            style_kind_name(val));
            break;
        case 3:
            read_page(rd, val, spec);
            break;
        case 4:
            read_fonts(rd, val, spec);
            break;
        case 5:
            read_colors(rd, val, spec);
            break;
        case 6:
            read_styles(rd, val, spec);
            break;
        case 7:
            style_read_table(rd, val, &spec->table);
            break;
        case 8:
            style_read_bars(rd, val, &spec->bars);
            break;
        case 9:
            style_read_parts(rd, val, spec);
            break;
        case 10:
            style_read_punctuation(rd, val, spec);
            break;
        case 11:
            style_read_official(rd, val, &spec->official);
            break;
        case 12:
            style_read_output(rd, val, &spec->print);
            break;
        case 13:
            style_read_print(rd, val, &spec->print);
            break;
        default:
            style_unknown_key(rd, key, "", keys, COUNT(keys));
        }
    }
}

void style_spec_free(style_spec *spec)
{
    free(spec->roles.items);
    free(spec->colors.items);
}
