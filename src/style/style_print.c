/* style_print.c — what a layout says for the press: `output:` (the colour
 * space) and `print:` (bleed, creep, the copy mark). That a CMYK layout
 * gives every colour in CMYK is checked once the chain is merged
 * (style_check.c).
 *
 *   output: {colors: cmyk}           rgb (the default) or cmyk
 *   print:
 *     bleed: 3mm                     --marks: the bleed box beyond the trim
 *     creep: 0.1mm                   --impose booklet: shingling per sheet
 *     copy_mark: {position: footer}  --copies: a small copy number on every page
 */
#include "style_internal.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Bleed beyond 10 mm or creep beyond 2 mm a sheet is no press's need. */
#define BLEED_MAX_PT (10 * STYLE_PT_PER_MM)
#define CREEP_MAX_PT (2 * STYLE_PT_PER_MM)

static int read_choice(style_reader *rd, const report_node *n, const char *what,
                       const char *const *names, size_t count)
{
    if (!style_expect_kind(rd, n, REPORT_NODE_SCALAR, what))
        return -1;
    int k = style_key_index(n->text, names, count);
    if (k >= 0)
        return k;
    char list[128] = "";
    for (size_t i = 0; i < count; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    const char *guess = base_closest_word(n->text, names, count);
    style_error(rd, n, "%s must be one of %s, got '%s'%s%s%s", what, list,
                style_shown(rd->out, n->text), guess ? " (did you mean '" : "", guess ? guess : "",
                guess ? "'?)" : "");
    return -1;
}

void style_read_output(style_reader *rd, const report_node *n, style_print_spec *p)
{
    static const char *const keys[] = {"colors"};
    static const char *const spaces[] = {"rgb", "cmyk"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "output"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        if (style_key_index(key->text, keys, COUNT(keys)) != 0) {
            style_unknown_key(rd, key, " in output", keys, COUNT(keys));
            continue;
        }
        int k = read_choice(rd, val, "output.colors", spaces, COUNT(spaces));
        if (k >= 0) {
            p->colors_set = true;
            p->cmyk = k == 1;
            p->colors_at = style_where_of(rd, val);
        }
    }
}

static void read_copy_mark(style_reader *rd, const report_node *n, style_print_spec *p)
{
    static const char *const keys[] = {"position"};
    static const char *const positions[] = {"none", "footer", "header"};
    const report_node *pos = n;
    if (n->kind == REPORT_NODE_MAPPING) { /* {position: footer} */
        pos = NULL;
        for (size_t i = 0; i < n->npairs; i++) {
            if (style_key_index(n->pairs[i].key->text, keys, COUNT(keys)) == 0)
                pos = n->pairs[i].value;
            else
                style_unknown_key(rd, n->pairs[i].key, " in print.copy_mark", keys, COUNT(keys));
        }
        if (!pos)
            return;
    }
    int k = read_choice(rd, pos, "print.copy_mark.position", positions, COUNT(positions));
    if (k >= 0) {
        p->copy_mark_set = true;
        p->copy_mark = (style_copy_mark)k;
    }
}

void style_read_print(style_reader *rd, const report_node *n, style_print_spec *p)
{
    static const char *const keys[] = {"bleed", "creep", "copy_mark"};
    if (!style_expect_kind(rd, n, REPORT_NODE_MAPPING, "print"))
        return;
    for (size_t i = 0; i < n->npairs; i++) {
        const report_node *key = n->pairs[i].key, *val = n->pairs[i].value;
        switch (style_key_index(key->text, keys, COUNT(keys))) {
        case 0:
            style_read_length_upto(rd, val, &p->bleed, BLEED_MAX_PT, false, "the bleed");
            break;
        case 1:
            style_read_length_upto(rd, val, &p->creep, CREEP_MAX_PT, false, "the creep");
            break;
        case 2:
            read_copy_mark(rd, val, p);
            break;
        default:
            style_unknown_key(rd, key, " in print", keys, COUNT(keys));
        }
    }
}
