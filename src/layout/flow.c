/* flow.c — the cursor that moves down the pages of the body: a new page,
 * the room left on this one, the left edge of the type area (mirrored
 * margins), vertical space dropped at the top of a page, and a set
 * paragraph's lines placed so that none is left alone at the foot or the
 * head of a page, and marks to take back what was placed since (how body.c
 * keeps a heading with what follows). Everything that flows (body.c,
 * grid.c, progress.c) moves this cursor. */
#include "layout_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static size_t flow_physical(const flow *f)
{
    return f->first_physical + f->pages->count - 1;
}

void layout_flow_new_page(flow *f)
{
    f->page = layout_page_list_add(f->pages, f->c->s);
    f->y = f->top;
    f->at_top = true;
}

double layout_flow_room(const flow *f)
{
    return f->bottom - f->y;
}

double layout_flow_left(const flow *f)
{
    return layout_type_left(f->c->s, flow_physical(f));
}

void layout_flow_space(flow *f, double space)
{
    if (!f->at_top)
        f->y += space;
}

void layout_flow_start(flow *f, layout_ctx *c, page_list *pages, size_t first_physical)
{
    const style *s = c->s;
    *f = (flow){.c = c, .pages = pages, .first_physical = first_physical};
    f->top = s->margin_top;
    f->bottom = s->page_height - s->margin_bottom;
    if (s->grid.lines) {
        f->grid = s->grid.line_pitch;
        f->grid_slack = (f->grid - s->text[STYLE_BODY].size) / 2;
    }
    layout_flow_new_page(f);
}

void layout_flow_snap(flow *f)
{
    if (f->grid <= 0)
        return;
    if (f->at_top) { /* line 0: its em box on the top of the type area */
        f->y = f->top - f->grid_slack;
        return;
    }
    /* the first line whose em box starts half a line gap below what is there */
    double k = ceil((f->y + f->grid_slack - f->top) / f->grid - 1e-6);
    f->y = f->top + (k > 0 ? k : 0) * f->grid - f->grid_slack;
}

double layout_flow_room_for(const flow *f, style_text_id id)
{
    bool on_grid = f->grid > 0 && f->c->s->text[id].grid != STYLE_GRID_NONE;
    return f->bottom - f->y + (on_grid ? f->grid_slack : 0);
}

/* The glyphs of the runs placed from item `from` on go with the page, into
 * its own arena. */
static void keep_glyphs(flow *f, size_t from)
{
    page_build *p = f->page;
    for (size_t i = from; i < p->items.count; i++) {
        if (p->items.items[i].kind != LAYOUT_ITEM_GLYPHS)
            continue;
        layout_glyphs *g = &p->items.items[i].u.glyphs;
        if (!p->own)
            p->own = layout_page_arena(f->c);
        text_glyph *kept = arena_alloc(p->own, g->nglyphs * sizeof *kept);
        memcpy(kept, g->glyphs, g->nglyphs * sizeof *kept);
        g->glyphs = kept;
    }
}

static void flow_place_line(flow *f, const text_line *line, const char *text, double leading,
                            double size, double indent_x, style_color color)
{
    double baseline = layout_line_baseline(f->y, leading, size);
    size_t before = f->page->items.count;
    layout_page_add_line(f->page, line, text, layout_flow_left(f) + indent_x, baseline, color);
    if (f->c->scratch) /* the line may be set in the scratch arena */
        keep_glyphs(f, before);
    f->y += leading;
    f->at_top = false;
}

size_t layout_lines_for_page(size_t left, size_t fit)
{
    if (left <= fit)
        return left;
    if (fit < 2)
        return 0;
    size_t take = fit;
    if (left - take == 1)
        take--; /* leave two for the next page */
    return take >= 2 ? take : 0;
}

void layout_flow_lines(flow *f, const text_para *p, style_text_id id)
{
    layout_flow_lines_at(f, p, id, 0);
}

void layout_flow_lines_at(flow *f, const text_para *p, style_text_id id, double x)
{
    const style_text *st = &f->c->s->text[id];
    double leading = st->leading;
    size_t i = 0;
    while (i < p->nlines) {
        if (st->grid != STYLE_GRID_NONE)
            layout_flow_snap(f); /* after a table, on a new page */
        /* negative when space after a block overran the page */
        double room = layout_flow_room_for(f, id);
        size_t fit = room > 0 ? (size_t)((room + 0.01) / leading) : 0;
        size_t take = layout_lines_for_page(p->nlines - i, fit);
        if (take == 0 && f->at_top)
            take = fit ? (fit < p->nlines - i ? fit : p->nlines - i) : 1; /* a page is too short */
        if (take == 0) {
            layout_flow_new_page(f);
            continue;
        }
        for (size_t k = 0; k < take; k++, i++)
            flow_place_line(f, &p->lines[i], p->text, leading, st->size, x, st->color);
        if (i < p->nlines)
            layout_flow_new_page(f);
    }
}

/* ---- marks: taking back what was placed (a heading kept with what follows) ---- */

flow_mark layout_flow_mark(const flow *f)
{
    flow_mark m = {f->pages->count,   f->page->items.count, f->y,
                   f->at_top,         f->c->headings.count, f->c->tables,
                   f->c->nodes.count, f->c->parent};
    return m;
}

void layout_flow_rewind(flow *f, const flow_mark *m)
{
    page_list *pages = f->pages;
    for (size_t i = m->npages; i < pages->count; i++)
        layout_page_build_free(&pages->items[i]);
    pages->count = m->npages;
    f->page = &pages->items[m->npages - 1];
    f->page->items.count = m->nitems;
    f->y = m->y;
    f->at_top = m->at_top;
    f->c->headings.count = m->nheadings;
    f->c->tables = m->tables;
    f->c->nodes.count = m->nnodes;
    f->c->parent = m->parent;
}

size_t layout_flow_first_page_since(const flow *f, const flow_mark *m)
{
    const page_list *pages = f->pages;
    if (pages->items[m->npages - 1].items.count > m->nitems)
        return m->npages - 1;
    for (size_t i = m->npages; i < pages->count; i++)
        if (pages->items[i].items.count > 0)
            return i;
    return SIZE_MAX;
}

bool layout_flow_keep_again(flow *f, const flow_mark *start, size_t content_page)
{
    size_t head_page = layout_flow_first_page_since(f, start);
    bool head_starts_page = start->at_top || head_page >= start->npages;
    if (content_page == SIZE_MAX || content_page == head_page || head_starts_page)
        return false;
    layout_flow_rewind(f, start);
    layout_flow_new_page(f);
    return true;
}

void layout_flow_lines_as(flow *f, const text_para *p, style_text_id id, layout_role role)
{
    uint32_t node = layout_node_add(f->c, role, f->c->parent, NULL);
    tag_mark start = layout_tag_mark(f->pages);
    layout_flow_lines(f, p, id);
    layout_tag_since(f->c, f->pages, &start, node);
}
