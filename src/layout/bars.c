/* bars.c — progress bars: the track, the fill (hatched when lagging), the
 * time mark and the label after them, and the width a label takes. Task
 * tables, work-area heads, summaries and the legend (grid.c, progress.c)
 * draw them. */
#include "layout_internal.h"

#include <string.h>

static double bar_centre(const layout_ctx *c, double baseline, style_text_id id)
{
    /* the visual centre of a CJK line: 0.38 em above the baseline */
    return baseline - 0.38 * c->s->text[id].size;
}

/* White diagonal stripes across a filled rectangle: a lagging bar reads as
 * lagging in black-and-white print too, where its colour may look like
 * another's. Each stripe is clipped to the rectangle by hand. */
void layout_bar_hatch(const layout_ctx *c, page_build *p, const layout_rect *r)
{
    const style_color paper = c->s->paper;
    if (r->h < 1) /* too thin to see stripes in; and a step of nothing never ends */
        return;
    double step = r->h * 0.8;
    for (double t = step / 2 - r->h; t < r->w; t += step) {
        /* the stripe from (t, bottom) to (t + h, top), within [0, w] */
        double x0 = t, y0 = r->y + r->h, x1 = t + r->h, y1 = r->y;
        if (x0 < 0) {
            y0 -= -x0;
            x0 = 0;
        }
        if (x1 > r->w) {
            y1 += x1 - r->w;
            x1 = r->w;
        }
        if (x1 > x0)
            layout_page_add_rule(p, r->x + x0, y0, r->x + x1, y1, r->h * 0.18, paper);
    }
}

/* From the end of the track to its label: half the time mark (which may
 * stand at the very end, for a task past its due date) and a clear gap, so
 * that the mark never runs into the figure. The same for every bar, so that
 * the labels of a column start on one line. */
static double label_gap(const layout_ctx *c, style_text_id id)
{
    return c->s->bars.mark_width / 2 + 0.4 * c->s->text[id].size;
}

/* What a bar shows, in words, for whoever cannot see it: its figure's
 * alternative text ("完成进度71.5%，时间进度66.3%，正常推进"). */
static const char *bar_words(layout_ctx *c, const grid_bar *bar)
{
    static const char *const STATUS[] = {"已完成", "正常推进", "滞后", "未报告"};
    char mark[64] = "";
    if (bar->mark >= 0) {
        char pct[32];
        report_format_percent(bar->mark, pct, sizeof pct);
        snprintf(mark, sizeof mark, "，时间进度%s", pct);
    }
    if (bar->color == STYLE_BAR_NEUTRAL)
        return arena_printf(c->a, "进度%s%s", bar->label, mark);
    if (bar->color == STYLE_BAR_NOT_REPORTED)
        return arena_printf(c->a, "未报告%s", mark);
    return arena_printf(c->a, "完成进度%s%s，%s", bar->label, mark, STATUS[bar->color]);
}

double layout_bar_draw(layout_ctx *c, page_build *p, const grid_bar *bar, double x, double length,
                       double baseline, style_text_id id)
{
    const style_bars *b = &c->s->bars;
    size_t from = p->items.count;
    double top = bar_centre(c, baseline, id) - b->height / 2;
    layout_item it = {.kind = LAYOUT_ITEM_RECT};
    it.u.rect = (layout_rect){x, top, length, b->height, true, false, b->track, b->track, 0};
    layout_page_add_item(p, it);
    if (bar->color != STYLE_BAR_NOT_REPORTED && bar->fill > 0) {
        double fill = bar->fill > 1 ? 1 : bar->fill;
        style_color color = b->fill[bar->color];
        it.u.rect = (layout_rect){x, top, length * fill, b->height, true, false, color, color, 0};
        layout_page_add_item(p, it);
        if (bar->color == STYLE_BAR_BEHIND)
            layout_bar_hatch(c, p, &it.u.rect);
    }
    if (bar->mark >= 0) {
        double mx = x + length * (bar->mark > 1 ? 1 : bar->mark);
        double over = b->height * 0.35;
        layout_page_add_rule(p, mx, top - over, mx, top + b->height + over, b->mark_width, b->mark);
    }
    /* the track, the fill and the mark: one figure under the current node
     * (a cell, a work area's line); the label after it is that node's text */
    layout_tag_page(c, p, from,
                    layout_node_add(c, LAYOUT_ROLE_FIGURE, c->parent, bar_words(c, bar)));
    double lx = x + length + label_gap(c, id);
    text_style label = c->number;
    label.size = c->s->text[id].size;
    text_origin none = {0};
    text_line *l =
        text_set_line(c->te, c->a, bar->label, strlen(bar->label), &label, &none, c->diags);
    style_color color = bar->color == STYLE_BAR_NOT_REPORTED ? b->fill[STYLE_BAR_NOT_REPORTED]
                                                             : c->s->text[id].color;
    layout_page_add_line(p, l, bar->label, lx, baseline, color);
    return lx + l->width;
}

/* Width of a bar's label with the gap before it. */
double layout_bar_label_width(layout_ctx *c, const grid_bar *bar, style_text_id id)
{
    double lmin, lnat;
    text_style label = c->number;
    label.size = c->s->text[id].size;
    text_measure(c->te, bar->label, strlen(bar->label), &label, &lmin, &lnat);
    return label_gap(c, id) + lnat;
}
