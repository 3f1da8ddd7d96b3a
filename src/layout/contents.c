/* contents.c — the table of contents: entries for the first two heading
 * levels, dot leaders, right-aligned page numbers, each entry a link. The
 * number column has a fixed width, so the page count does not depend on the
 * numbers and one placeholder pass tells where the body starts. */
#include "layout_internal.h"

#include <string.h>

enum { CONTENTS_DEPTH = 2 };

typedef struct contents {
    layout_ctx *c;
    page_list *pages;
    const contents_nodes *nodes;
    size_t first_physical;
    page_build *page;
    double y, top, bottom;
} contents;

static void contents_new_page(contents *t)
{
    t->page = layout_page_list_add(t->pages, t->c->s);
    t->y = t->top;
}

static double contents_left(const contents *t)
{
    return layout_type_left(t->c->s, t->first_physical + t->pages->count - 1);
}

static void contents_title(contents *t)
{
    layout_ctx *c = t->c;
    const style_text *st = &c->s->text[STYLE_TOC_TITLE];
    /* 目录 spaced one em apart by position, not by an ideographic space, so
     * that a reader copies "目录" */
    static const char TITLE[] = "目录";
    text_origin none = {0};
    text_line *l = layout_set_line(c, STYLE_TOC_TITLE, TITLE, &none);
    if (!l)
        return;
    double spacing = st->size;
    double width = l->width + spacing;
    double x = contents_left(t) + (layout_type_width(c->s) - width) / 2;
    t->y += st->space_before;
    size_t from = t->page->items.count;
    layout_page_add_spaced_line(t->page, l, TITLE, x,
                                layout_line_baseline(t->y, st->leading, st->size), st->color,
                                spacing, c->a);
    layout_tag_page(c, t->page, from, t->nodes->title);
    t->y += st->leading + st->space_after;
}

/* Dots from x0 to x1 on a grid shared by all entries, so leaders line up:
 * one dotted line (round dots of a zero-length dash). */
static void dot_leader(page_build *p, double left, double x0, double x1, double baseline,
                       const style_text *st)
{
    double step = st->size * 0.5;
    double first = left + step * (double)(long)((x0 - left) / step + 1);
    long n = 0;
    while (first + step * (double)(n + 1) <= x1)
        n++;
    if (n == 0)
        return;
    double y = baseline - st->size * 0.1, cx = first + step / 2;
    /* the line stops half a pitch after the last dot: that one is drawn, no more */
    double end = cx + step * ((double)n - 0.5);
    layout_item it = {.kind = LAYOUT_ITEM_LINE};
    it.u.line = (layout_line){cx, y, end, y, st->size * 0.12, st->color, step};
    layout_page_add_item(p, it);
}

static void contents_entry(contents *t, const heading_mark *h, int number, size_t link_page)
{
    layout_ctx *c = t->c;
    style_text_id id = h->depth == 1 ? STYLE_TOC_ENTRY1 : STYLE_TOC_ENTRY2;
    const style_text *st = &c->s->text[id];
    double width = layout_type_width(c->s);
    double indent = st->indent * st->size; /* the whole entry, wrapped lines too */
    double number_col = 3 * st->size;      /* fixed: room for four digits */

    text_origin none = {0};
    text_style unindented = c->text[id];
    unindented.indent = 0;
    text_para *title =
        text_set_paragraph(c->te, c->a, h->title, strlen(h->title), NULL, 0, &unindented,
                           width - indent - number_col - st->size, &h->origin, c->diags);
    if (!title || title->nlines == 0)
        return;
    double height = (double)title->nlines * st->leading;
    t->y += st->space_before;
    if (t->y + height > t->bottom)
        contents_new_page(t);
    /* TOCI > Link: the entry's text, its page number and its link areas */
    uint32_t item = layout_node_add(c, LAYOUT_ROLE_TOCI, t->nodes->toc, NULL);
    uint32_t link = layout_node_add(c, LAYOUT_ROLE_LINK, item, NULL);
    tag_mark start = layout_tag_mark(t->pages);

    /* An entry taller than a page goes on line by line, a link on each piece. */
    double left = contents_left(t), piece_top = t->y, baseline = 0;
    for (size_t i = 0; i < title->nlines; i++) {
        if (i > 0 && t->y + st->leading > t->bottom + 0.01) {
            layout_page_add_link(t->page, left, piece_top, width, t->y - piece_top, link_page,
                                 h->y);
            contents_new_page(t);
            left = contents_left(t);
            piece_top = t->y;
        }
        baseline = layout_line_baseline(t->y, st->leading, st->size);
        layout_page_add_line(t->page, &title->lines[i], title->text, left + indent, baseline,
                             st->color);
        t->y += st->leading;
    }
    const text_line *last = &title->lines[title->nlines - 1];
    char digits[16];
    snprintf(digits, sizeof digits, "%d", number);
    const char *num_text = arena_strdup(c->a, digits);
    text_line *num = layout_set_line(c, id, num_text, &none);
    if (num)
        layout_page_add_line(t->page, num, num_text, left + width - num->width, baseline,
                             st->color);
    dot_leader(t->page, left, left + indent + last->width + st->size * 0.25,
               left + width - number_col + st->size * 0.5, baseline, st);
    layout_page_add_link(t->page, left, piece_top, width, t->y - piece_top, link_page, h->y);
    layout_tag_since(c, t->pages, &start, link);
    t->y += st->space_after;
}

contents_nodes layout_contents_nodes(layout_ctx *c)
{
    contents_nodes n;
    n.title = layout_node_add(c, LAYOUT_ROLE_P, 0, NULL);
    n.toc = layout_node_add(c, LAYOUT_ROLE_TOC, 0, NULL);
    return n;
}

void layout_contents(layout_ctx *c, page_list *pages, const contents_nodes *nodes,
                     size_t first_physical, const int *page_numbers, size_t link_offset)
{
    contents t = {.c = c, .pages = pages, .nodes = nodes, .first_physical = first_physical};
    t.top = c->s->margin_top;
    t.bottom = c->s->page_height - c->s->margin_bottom;
    contents_new_page(&t);
    contents_title(&t);
    for (size_t i = 0; i < c->headings.count; i++) {
        const heading_mark *h = &c->headings.items[i];
        if (h->depth > CONTENTS_DEPTH)
            continue;
        int number = page_numbers ? page_numbers[i] : 888;
        contents_entry(&t, h, number, link_offset + h->page);
    }
}
