/* style_official.c — what the official layouts (GB/T 9704 公文, 简报) add to
 * a layout file: which parts the booklet has (`parts:`), punctuation
 * compression (`punctuation:`), the type area's grid (`page.grid`, and a
 * style's `grid:`), and the furniture of official documents (`official:`);
 * read like the rest of a file, and resolved with their defaults once the
 * chain is merged. */
#include "style_internal.h"

#include <math.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Most lines and characters a grid may have: beyond, a line or a cell is
 * thinner than a point on any page a PDF can hold. */
#define GRID_MAX 1000

/* ---- parts and punctuation ---- */

void style_read_parts(style_reader *rd, const report_node *n, style_spec *spec)
{
    static const char *const keys[STYLE_PART_COUNT] = {"cover", "contents", "running_head"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "parts"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key;
        int k = style_key_index(key->text, keys, COUNT(keys));
        if (k < 0)
            style_unknown_key(rd, key, " in parts", keys, COUNT(keys));
        else
            style_read_bool(rd, n->pairs[i].value, &spec->parts[k]);
    }
}

void style_read_punctuation(style_reader *rd, const report_node *n, style_spec *spec)
{
    static const char *const keys[] = {"compress"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "punctuation"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key;
        if (style_key_index(key->text, keys, COUNT(keys)) < 0)
            style_unknown_key(rd, key, " in punctuation", keys, COUNT(keys));
        else
            style_read_bool(rd, n->pairs[i].value, &spec->compress);
    }
}

/* ---- the grid ---- */

/* A whole number from 1 to GRID_MAX; false (reported) when it is not. */
static bool read_count(style_reader *rd, const report_node *n, const char *what, double *out)
{
    double v;
    const char *unit;
    if (n->kind != REPORT_NODE_SCALAR || !style_parse_quantity(n->text, &v, &unit) || unit[0] ||
        v != floor(v) || v < 1 || v > GRID_MAX) {
        style_error(rd, n, "expected a whole number of %s from 1 to %d, such as %s", what, GRID_MAX,
                    strcmp(what, "lines") == 0 ? "22" : "28");
        return false;
    }
    *out = v;
    return true;
}

void style_read_grid(style_reader *rd, const report_node *n, style_spec *spec)
{
    static const char *const keys[] = {"lines", "chars"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "page.grid"))
        return;
    double v[2] = {0, 0};
    bool ok = true, given[2] = {false, false};
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key;
        int k = style_key_index(key->text, keys, COUNT(keys));
        if (k < 0) {
            style_unknown_key(rd, key, " in page.grid", keys, COUNT(keys));
            ok = false;
            continue;
        }
        given[k] = true;
        ok = read_count(rd, n->pairs[i].value, keys[k], &v[k]) && ok;
    }
    if (ok && (!given[0] || !given[1])) {
        style_error(rd, n, "page.grid needs both lines and chars, such as {lines: 22, chars: 28}");
        return;
    }
    if (!ok)
        return;
    style_where at = style_where_of(rd, n);
    spec->grid_lines = (style_num_field){true, false, v[0], at};
    spec->grid_chars = (style_num_field){true, false, v[1], at};
}

void style_read_grid_use(style_reader *rd, const report_node *n, style_text_spec *t)
{
    static const char *const names[] = {"none", "lines", "cells"};
    int k = n->kind == REPORT_NODE_SCALAR ? style_key_index(n->text, names, COUNT(names)) : -1;
    if (k < 0) {
        style_error(rd, n, "expected none, lines or cells%s",
                    n->kind == REPORT_NODE_SCALAR
                        ? style_did_you_mean(rd, n->text, names, COUNT(names))
                        : "");
        return;
    }
    t->grid_set = true;
    t->grid = (style_grid_use)k;
    t->grid_at = style_where_of(rd, n);
}

/* page.footer_offset_to: baseline (default) or dash */
void style_read_footer_anchor(style_reader *rd, const report_node *n, style_spec *spec)
{
    static const char *const names[] = {"baseline", "dash"};
    int k = n->kind == REPORT_NODE_SCALAR ? style_key_index(n->text, names, COUNT(names)) : -1;
    if (k < 0) {
        style_error(rd, n, "expected baseline or dash%s",
                    n->kind == REPORT_NODE_SCALAR
                        ? style_did_you_mean(rd, n->text, names, COUNT(names))
                        : "");
        return;
    }
    spec->footer_to_dash = (style_bool_field){true, k == 1, style_where_of(rd, n)};
}

/* ---- official: ---- */

static void read_kind(style_reader *rd, const report_node *n, style_official_spec *o)
{
    static const char *const names[] = {"none", "notice", "briefing"};
    int k = n->kind == REPORT_NODE_SCALAR ? style_key_index(n->text, names, COUNT(names)) : -1;
    if (k < 0) {
        style_error(rd, n, "expected none, notice or briefing%s",
                    n->kind == REPORT_NODE_SCALAR
                        ? style_did_you_mean(rd, n->text, names, COUNT(names))
                        : "");
        return;
    }
    o->kind_set = true;
    o->kind = (style_official_kind)k;
    o->kind_at = style_where_of(rd, n);
}

/* separator: {width: 0.5mm, gap: 4mm, color: red} */
static void read_separator(style_reader *rd, const report_node *n, style_official_spec *o)
{
    static const char *const keys[] = {"width", "gap", "color"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "official.separator"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        switch (style_key_index(key->text, keys, COUNT(keys))) {
        case 0:
            style_read_length_upto(rd, val, &o->separator_width, STYLE_RULE_MAX_PT, true,
                                   "the separator rule");
            break;
        case 1:
            style_read_length(rd, val, &o->separator_gap);
            break;
        case 2:
            style_read_color(rd, val, true, &o->separator_color);
            break;
        default:
            style_unknown_key(rd, key, " in official.separator", keys, COUNT(keys));
        }
    }
}

/* imprint: {thick: 0.35mm, thin: 0.25mm, color: text} */
static void read_imprint(style_reader *rd, const report_node *n, style_official_spec *o)
{
    static const char *const keys[] = {"thick", "thin", "color"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "official.imprint"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        int k = style_key_index(key->text, keys, COUNT(keys));
        if (k == 0 || k == 1)
            style_read_length_upto(rd, val, k == 0 ? &o->imprint_thick : &o->imprint_thin,
                                   STYLE_RULE_MAX_PT, true, "an imprint rule");
        else if (k == 2)
            style_read_color(rd, val, true, &o->imprint_color);
        else
            style_unknown_key(rd, key, " in official.imprint", keys, COUNT(keys));
    }
}

void style_read_official(style_reader *rd, const report_node *n, style_official_spec *o)
{
    static const char *const keys[] = {"kind", "masthead_top", "separator", "imprint"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "official"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        switch (style_key_index(key->text, keys, COUNT(keys))) {
        case 0:
            read_kind(rd, val, o);
            break;
        case 1:
            style_read_length(rd, val, &o->masthead_top);
            break;
        case 2:
            read_separator(rd, val, o);
            break;
        case 3:
            read_imprint(rd, val, o);
            break;
        default:
            style_unknown_key(rd, key, " in official", keys, COUNT(keys));
        }
    }
}

/* ---- resolution ---- */

static double num_or(const style_num_field *f, double fallback)
{
    return f->set ? f->v : fallback;
}

static bool bool_or(const style_bool_field *f, bool fallback)
{
    return f->set ? f->v : fallback;
}

void style_resolve_grid(const style_spec *spec, style *s, double body_size)
{
    s->grid = (style_grid){0};
    if (!spec->grid_lines.set)
        return;
    double measure = s->page_width - s->margin_inner - s->margin_outer;
    double depth = s->page_height - s->margin_top - s->margin_bottom;
    s->grid.lines = (int)spec->grid_lines.v;
    s->grid.chars = (int)spec->grid_chars.v;
    /* first and last line boxes flush with the type area (typography.md §1.3) */
    s->grid.line_pitch =
        s->grid.lines > 1 ? (depth - body_size) / (double)(s->grid.lines - 1) : depth;
    s->grid.cell = measure / (double)s->grid.chars;
}

void style_resolve_official(const style_spec *spec, style *s, diag_list *diags)
{
    s->cover = bool_or(&spec->parts[STYLE_PART_COVER], true);
    s->contents = bool_or(&spec->parts[STYLE_PART_CONTENTS], true);
    s->running_head = bool_or(&spec->parts[STYLE_PART_RUNNING_HEAD], true);
    s->compress_punctuation = bool_or(&spec->compress, true);
    s->footer_to_dash = bool_or(&spec->footer_to_dash, false);

    const style_official_spec *o = &spec->official;
    style_official *out = &s->official;
    out->kind = o->kind_set ? o->kind : STYLE_OFFICIAL_NONE;
    /* GB/T 9704 §7.2.4, §7.2.7 and §7.4.1; the standard gives the separator
     * no width: 0.5 mm is what templates commonly use */
    out->masthead_top = num_or(&o->masthead_top, 35 * STYLE_PT_PER_MM);
    out->separator_width = num_or(&o->separator_width, 0.5 * STYLE_PT_PER_MM);
    out->separator_gap = num_or(&o->separator_gap, 4 * STYLE_PT_PER_MM);
    out->imprint_thick = num_or(&o->imprint_thick, 0.35 * STYLE_PT_PER_MM);
    out->imprint_thin = num_or(&o->imprint_thin, 0.25 * STYLE_PT_PER_MM);
    out->separator_color = s->text[STYLE_MASTHEAD].color; /* the masthead's red by default */
    style_resolve_color(spec, &o->separator_color, &out->separator_color, diags);
    out->imprint_color = (style_color){0}; /* black */
    style_resolve_color(spec, &o->imprint_color, &out->imprint_color, diags);
}
