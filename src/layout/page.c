/* page.c — pages under construction, the items on them, and the small
 * text-setting helpers every part of the booklet uses. */
#include "layout_internal.h"

#include <stdlib.h>
#include <string.h>

page_build *layout_page_list_add(page_list *pages, const style *s)
{
    page_build p = {0};
    p.width = s->page_width;
    p.height = s->page_height;
    VEC_PUSH(pages, p);
    return &pages->items[pages->count - 1];
}

/* Each page's own arena takes 64 KB blocks from the document's pool, some
 * 128 pages to a chunk: a chunk goes back to the system once its pages are
 * drawn (pdf_options.release), one unmapping for many pages. */
enum { PAGE_BLOCK = 64 * 1024, FRAMES_CHUNK = 8 * 1024 * 1024 };

layout_document *layout_document_new(void)
{
    layout_document *doc = xcalloc(1, sizeof *doc);
    doc->arena = arena_new();
    doc->frames = arena_pool_new(FRAMES_CHUNK);
    return doc;
}

arena *layout_page_arena(const layout_ctx *c)
{
    return c->frames ? arena_new_in(c->frames, PAGE_BLOCK) : arena_new();
}

void layout_page_build_free(page_build *p)
{
    free(p->items.items);
    arena_free(p->own);
    p->items.items = NULL;
    p->own = NULL;
    p->items.count = p->items.cap = 0;
}

void layout_page_add_item(page_build *p, layout_item item)
{
    VEC_PUSH(&p->items, item);
}

double layout_type_left(const style *s, size_t physical)
{
    /* Physical page 0 is a recto: its binding edge is on the left. */
    bool verso = physical % 2 == 1;
    return verso && s->mirror_margins ? s->margin_outer : s->margin_inner;
}

double layout_type_width(const style *s)
{
    return s->page_width - s->margin_inner - s->margin_outer;
}

void layout_page_add_line(page_build *p, const text_line *line, const char *text, double x,
                          double baseline, style_color color)
{
    for (size_t i = 0; i < line->nruns; i++) {
        const text_run *run = &line->runs[i];
        if (run->nglyphs == 0)
            continue;
        layout_item it = {.kind = LAYOUT_ITEM_GLYPHS};
        layout_glyphs *g = &it.u.glyphs;
        g->font = run->font;
        g->size = run->size;
        g->color = color;
        g->x = x;
        g->y = baseline;
        g->glyphs = run->glyphs;
        g->nglyphs = run->nglyphs;
        g->text = text;
        if (run->actual_text) {
            g->actual_text = text + run->text_start;
            g->actual_len = run->text_end - run->text_start;
        }
        layout_page_add_item(p, it);
    }
    for (size_t i = 0; i < line->ndecorations; i++)
        layout_page_add_decoration(p, &line->decorations[i], x, baseline, color);
}

void layout_page_add_decoration(page_build *p, const text_decoration *d, double x, double baseline,
                                style_color color)
{
    /* The em box of a CJK face runs from 0.88 em above the baseline to 0.12
     * em below: a strike goes through its middle, an underline just under
     * it, clear of the glyphs. */
    double em = d->size, width = 0.05 * em;
    double y =
        d->kind == TEXT_SPAN_STRIKE ? baseline - 0.38 * em : baseline + 0.12 * em + 0.07 * em;
    layout_page_add_rule(p, x + d->x0, y, x + d->x1, y, width, color);
}

void layout_page_add_spaced_line(page_build *p, const text_line *line, const char *text, double x,
                                 double baseline, style_color color, double spacing, arena *a)
{
    size_t before = p->items.count, k = 0;
    layout_page_add_line(p, line, text, x, baseline, color);
    for (size_t i = before; i < p->items.count; i++) {
        if (p->items.items[i].kind != LAYOUT_ITEM_GLYPHS)
            continue; /* a decoration's rule */
        layout_glyphs *g = &p->items.items[i].u.glyphs;
        text_glyph *spaced = arena_alloc(a, g->nglyphs * sizeof *spaced);
        for (size_t j = 0; j < g->nglyphs; j++, k++) {
            spaced[j] = g->glyphs[j];
            spaced[j].x += spacing * (double)k;
        }
        g->glyphs = spaced;
        if (!g->actual_text) {
            /* the run's own text, so extractors see no gap */
            size_t start = spaced[0].text_start, end = start;
            for (size_t j = 0; j < g->nglyphs; j++)
                if (spaced[j].text_start + spaced[j].text_len > end)
                    end = spaced[j].text_start + spaced[j].text_len;
            g->actual_text = text + start;
            g->actual_len = end - start;
        }
    }
}

void layout_page_add_rule(page_build *p, double x1, double y1, double x2, double y2, double width,
                          style_color color)
{
    layout_item it = {.kind = LAYOUT_ITEM_LINE};
    it.u.line = (layout_line){x1, y1, x2, y2, width, color, 0};
    layout_page_add_item(p, it);
}

void layout_page_add_link(page_build *p, double x, double y, double w, double h, size_t target_page,
                          double target_y)
{
    layout_item it = {.kind = LAYOUT_ITEM_LINK};
    it.u.link = (layout_link){x, y, w, h, target_page, target_y};
    layout_page_add_item(p, it);
}

void layout_page_list_free(page_list *pages)
{
    for (size_t i = 0; i < pages->count; i++)
        layout_page_build_free(&pages->items[i]);
    free(pages->items);
    memset(pages, 0, sizeof(*pages));
}

double layout_line_baseline(double top, double leading, double size)
{
    /* CJK faces put the em box 0.88 em above and 0.12 em below the baseline. */
    return top + (leading - size) / 2 + 0.88 * size;
}

text_origin layout_origin_of(const layout_ctx *c, const report_text *t)
{
    text_origin o = {c->r->path, t->line, t->col, t->exact_cols};
    return o;
}

text_line *layout_set_line(layout_ctx *c, style_text_id id, const char *text, const text_origin *o)
{
    return text_set_line(c->te, c->a, text, strlen(text), &c->text[id], o, c->diags);
}

text_para *layout_set_para(layout_ctx *c, style_text_id id, const char *text, size_t len,
                           const text_span *strong, size_t nstrong, double measure,
                           const text_origin *o)
{
    return text_set_paragraph(c->te, c->a, text, len, strong, nstrong, &c->text[id], measure, o,
                              c->diags);
}

double layout_page_add_para(page_build *p, const text_para *para, const style_text *st, double left,
                            double top)
{
    double y = top;
    for (size_t i = 0; i < para->nlines; i++) {
        layout_page_add_line(p, &para->lines[i], para->text, left,
                             layout_line_baseline(y, st->leading, st->size), st->color);
        y += st->leading;
    }
    return y;
}

text_para *layout_set_centred(layout_ctx *c, style_text_id id, const char *text, double width,
                              const text_origin *o)
{
    text_style centred = c->text[id];
    centred.align = STYLE_ALIGN_CENTER;
    centred.indent = 0;
    return text_set_paragraph(c->te, c->a, text, strlen(text), NULL, 0, &centred, width, o,
                              c->diags);
}
