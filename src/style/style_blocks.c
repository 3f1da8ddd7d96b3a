/* style_blocks.c — apply the `table:` and `bars:` sections of one layout
 * file. Like the rest of a layout, each key a file gives replaces the
 * inherited one (so a child may change one bar colour and keep the others);
 * roles and colour names are checked once the chain is merged (style.c). */
#include "style_internal.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *const style_bar_color_names[STYLE_BAR_COLOR_COUNT] = {
    [STYLE_BAR_DONE] = "done",       [STYLE_BAR_ON_TRACK] = "on_track",
    [STYLE_BAR_BEHIND] = "behind",   [STYLE_BAR_NOT_REPORTED] = "not_reported",
    [STYLE_BAR_NEUTRAL] = "neutral", [STYLE_BAR_TRACK] = "track",
    [STYLE_BAR_MARK] = "mark",
};

/* A mapping of lengths whose keys are names[i] → fields[i], each more than 0
 * (when positive) and at most max_pt; what names the mapping in messages
 * ("table.rules"), one the value ("a table rule"). */
static void read_lengths(style_reader *rd, const report_node *n, const char *what,
                         const char *const *names, style_num_field *const *fields, size_t count,
                         double max_pt, bool positive, const char *one)
{
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, what))
        return;
    char where[64];
    snprintf(where, sizeof(where), " in %s", what);
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key;
        int k = style_key_index(key->text, names, count);
        if (k < 0)
            style_unknown_key(rd, key, where, names, count);
        else
            style_read_length_upto(rd, n->pairs[i].value, fields[k], max_pt, positive, one);
    }
}

/* padding: {x: 4pt, y: 2.5pt}, or one length for both. */
static void read_padding(style_reader *rd, const report_node *n, style_table_spec *t)
{
    static const char *const axes[] = {"x", "y"};
    if (n->kind == REPORT_NODE_SCALAR) {
        style_num_field both = {0};
        style_read_length_upto(rd, n, &both, STYLE_PADDING_MAX_PT, false, "the padding of a cell");
        if (both.set)
            t->pad_x = t->pad_y = both;
        return;
    }
    style_num_field *const fields[] = {&t->pad_x, &t->pad_y};
    read_lengths(rd, n, "table.padding", axes, fields, COUNT(axes), STYLE_PADDING_MAX_PT, false,
                 "the padding of a cell");
}

void style_read_table(style_reader *rd, const report_node *n, style_table_spec *t)
{
    static const char *const keys[] = {"rules", "padding", "number_font", "rule_color"};
    static const char *const rules[] = {"thick", "thin"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "table"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        switch (style_key_index(key->text, keys, COUNT(keys))) {
        case 0: {
            /* a rule of 0 would print as the thinnest line the device can draw */
            style_num_field *const fields[] = {&t->rule_thick, &t->rule_thin};
            read_lengths(rd, val, "table.rules", rules, fields, COUNT(rules), STYLE_RULE_MAX_PT,
                         true, "a table rule");
            break;
        }
        case 1:
            read_padding(rd, val, t);
            break;
        case 2:
            style_read_role_name(rd, val, &t->number_font);
            break;
        case 3:
            style_read_color(rd, val, true, &t->rule_color);
            break;
        default:
            style_unknown_key(rd, key, " in table", keys, COUNT(keys));
        }
    }
}

static void read_bar_colors(style_reader *rd, const report_node *n, style_bars_spec *b)
{
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "bars.colors"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key;
        int k = style_key_index(key->text, style_bar_color_names, STYLE_BAR_COLOR_COUNT);
        if (k < 0)
            style_unknown_key(rd, key, " in bars.colors", style_bar_color_names,
                              STYLE_BAR_COLOR_COUNT);
        else
            style_read_color(rd, n->pairs[i].value, true, &b->color[k]);
    }
}

/* A bar's height or width: a length, and more than zero (a bar of no size
 * would silently vanish from every table). */
static void read_bar_size(style_reader *rd, const report_node *n, style_num_field *f)
{
    style_num_field v = {0};
    style_read_length(rd, n, &v);
    if (!v.set)
        return;
    if (v.v <= 0) {
        style_error(rd, n, "a bar's height and width must be more than 0");
        return;
    }
    *f = v;
}

void style_read_bars(style_reader *rd, const report_node *n, style_bars_spec *b)
{
    static const char *const keys[] = {"height", "width", "mark_width", "colors"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "bars"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        switch (style_key_index(key->text, keys, COUNT(keys))) {
        case 0:
            read_bar_size(rd, val, &b->height);
            break;
        case 1:
            read_bar_size(rd, val, &b->width);
            break;
        case 2:
            style_read_length_upto(rd, val, &b->mark_width, STYLE_RULE_MAX_PT, false,
                                   "the time-progress mark");
            break;
        case 3:
            read_bar_colors(rd, val, b);
            break;
        default:
            style_unknown_key(rd, key, " in bars", keys, COUNT(keys));
        }
    }
}
