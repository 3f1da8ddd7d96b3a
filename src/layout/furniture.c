/* furniture.c — the running header (short title at the binding side,
 * classification at the outer side, a rule under them) and the page number
 * as "— 3 —" under the type area. */
#include "layout_internal.h"

#include <string.h>

static void header(layout_ctx *c, page_build *p, size_t physical)
{
    const style *s = c->s;
    const style_text *st = &s->text[STYLE_HEADER];
    double left = layout_type_left(s, physical), width = layout_type_width(s);
    double baseline = s->margin_top - s->header_offset;
    bool verso = physical % 2 == 1;

    text_origin o = layout_origin_of(c, &c->r->meta.short_title);
    text_line *title = layout_set_line(c, STYLE_HEADER, c->r->meta.short_title.s, &o);
    const report_text *cls = &c->r->meta.classification;
    text_origin co = layout_origin_of(c, cls);
    text_line *mark = cls->s ? layout_set_line(c, STYLE_HEADER, cls->s, &co) : NULL;

    /* On mirrored pages the title sits at the outer edge, the mark at the inner. */
    bool title_right = s->mirror_margins && !verso;
    if (title) {
        double x = title_right ? left + width - title->width : left;
        layout_page_add_line(p, title, c->r->meta.short_title.s, x, baseline, st->color);
    }
    if (mark) {
        double x = title_right ? left : left + width - mark->width;
        layout_page_add_line(p, mark, cls->s, x, baseline, st->color);
    }
    if (s->rule_width > 0) {
        double y = baseline + st->size * 0.45;
        layout_page_add_rule(p, left, y, left + width, y, s->rule_width, s->rule_color);
    }
}

static void footer(layout_ctx *c, page_build *p, size_t physical, int number)
{
    const style *s = c->s;
    const style_text *st = &s->text[STYLE_FOOTER];
    double left = layout_type_left(s, physical), width = layout_type_width(s);
    double baseline = s->page_height - s->margin_bottom + s->footer_offset;
    if (s->footer_to_dash) /* the dashes of — 1 — sit on the middle of the em box */
        baseline += 0.38 * st->size;
    char *text = arena_printf(c->a, "— %d —", number);
    text_origin none = {0};
    text_line *l = layout_set_line(c, STYLE_FOOTER, text, &none);
    if (!l)
        return;
    double x = left + (width - l->width) / 2;
    if (st->align == STYLE_ALIGN_RIGHT || st->align == STYLE_ALIGN_LEFT) {
        /* GB/T 9704 §7.5: outer side, one character in from the edge of the type area */
        bool outer_right = physical % 2 == 0;
        x = outer_right ? left + width - st->size - l->width : left + st->size;
    }
    layout_page_add_line(p, l, text, x, baseline, st->color);
}

void layout_furniture(layout_ctx *c, page_build *p, size_t physical, int number)
{
    size_t from = p->items.count;
    if (c->s->running_head)
        header(c, p, physical);
    if (number > 0)
        footer(c, p, physical, number);
    layout_tag_pagination(p, from); /* never content: /Artifact /Pagination */
}
