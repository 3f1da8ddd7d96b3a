/* body.c — sections, paragraphs, closing and editor line flowed onto pages
 * (through flow.c). Headings are kept with the first lines of what follows;
 * the report's tables are laid out by report_table.c, task tables,
 * work-area heads and summaries by progress.c. */
#include "layout_internal.h"

#include <string.h>

static text_para *body_para(layout_ctx *c, style_text_id id, const report_para *para)
{
    text_origin o = layout_origin_of(c, &para->text);
    text_span *strong = arena_alloc(c->a, (para->nstrong + 1) * sizeof *strong);
    for (size_t i = 0; i < para->nstrong; i++)
        strong[i] = (text_span){para->strong[i].start, para->strong[i].end};
    return layout_set_para(c, id, para->text.s, para->text.len, strong, para->nstrong,
                           layout_type_width(c->s), &o);
}

static void flow_paragraph(flow *f, style_text_id id, const report_para *para)
{
    text_para *p = body_para(f->c, id, para);
    if (!p)
        return;
    layout_flow_space(f, f->c->s->text[id].space_before);
    layout_flow_lines(f, p, id);
    layout_flow_space(f, f->c->s->text[id].space_after);
}

static style_text_id heading_style(int depth)
{
    return depth == 1   ? STYLE_HEADING1
           : depth == 2 ? STYLE_HEADING2
           : depth == 3 ? STYLE_HEADING3
                        : STYLE_HEADING4;
}

/* Height of the first lines of what follows a heading, to keep them together. */
static double keep_height(const layout_ctx *c, const report_section *sec)
{
    const style_text *body = &c->s->text[STYLE_BODY];
    double area_head = 0;
    for (size_t i = 0; i < sec->nblocks; i++)
        if (sec->blocks[i].kind == REPORT_BLOCK_TASKS)
            area_head = 1.5 * c->s->text[STYLE_TABLE].leading; /* see layout_flow_area_head */
    if (sec->nblocks > 0 && sec->blocks[0].kind != REPORT_BLOCK_PARAGRAPH) {
        /* a table starts where its caption, head and three rows fit (grid.c) */
        const style_text *cap = &c->s->text[STYLE_CAPTION];
        double row = c->s->text[STYLE_TABLE].leading + 2 * c->s->table.pad_y;
        return area_head + cap->space_before + cap->leading + cap->space_after + 4 * row;
    }
    if (sec->nblocks > 0)
        return area_head + 2 * body->leading;
    if (sec->nsections > 0)
        return c->s->text[STYLE_HEADING2].leading + 2 * body->leading;
    return 0;
}

static void flow_heading(flow *f, const report_section *sec, int depth, int ordinal)
{
    layout_ctx *c = f->c;
    style_text_id id = heading_style(depth);
    const style_text *st = &c->s->text[id];
    char number[64];
    layout_section_number(depth, ordinal, number, sizeof number);
    size_t nlen = strlen(number);
    char *title = arena_printf(c->a, "%s%s", number, sec->title.s);
    /* Columns of the title's characters stay right: the number is not in the source. */
    text_origin o = layout_origin_of(c, &sec->title);
    o.col -= (int)utf8_length(number, nlen);
    text_para *p =
        layout_set_para(c, id, title, strlen(title), NULL, 0, layout_type_width(c->s), &o);
    if (!p)
        return;
    double need =
        st->space_before + (double)p->nlines * st->leading + st->space_after + keep_height(c, sec);
    if (!f->at_top && layout_flow_room(f) < need)
        layout_flow_new_page(f);
    layout_flow_space(f, st->space_before);
    heading_mark m = {title, depth, f->pages->count - 1, f->y};
    VEC_PUSH(&c->headings, m);
    layout_flow_lines(f, p, id);
    layout_flow_space(f, st->space_after);
}

static void flow_blocks(flow *f, const report_section *sec, int depth)
{
    for (size_t i = 0; i < sec->nblocks; i++) {
        const report_block *b = &sec->blocks[i];
        switch (b->kind) {
        case REPORT_BLOCK_PARAGRAPH:
            flow_paragraph(f, STYLE_BODY, &b->para);
            break;
        case REPORT_BLOCK_TABLE:
            layout_flow_table(f, b);
            break;
        case REPORT_BLOCK_TASKS:
            layout_flow_tasks(f, b);
            break;
        case REPORT_BLOCK_SUMMARY:
            layout_flow_summary(f, sec, depth, b);
            break;
        }
    }
}

static void flow_section(flow *f, const report_section *sec, int depth, int ordinal)
{
    flow_heading(f, sec, depth, ordinal);
    layout_flow_area_head(f, sec);
    flow_blocks(f, sec, depth);
    for (size_t i = 0; i < sec->nsections; i++)
        flow_section(f, &sec->sections[i], depth + 1, (int)i + 1);
}

static void flow_editor(flow *f)
{
    layout_ctx *c = f->c;
    const report_text *ed = &c->r->meta.editor;
    if (!ed->s)
        return;
    const style_text *st = &c->s->text[STYLE_EDITOR];
    text_origin o = layout_origin_of(c, ed);
    text_para *p =
        layout_set_para(c, STYLE_EDITOR, ed->s, ed->len, NULL, 0, layout_type_width(c->s), &o);
    if (!p)
        return;
    if (layout_flow_room(f) < st->space_before + (double)p->nlines * st->leading)
        layout_flow_new_page(f);
    layout_flow_space(f, st->space_before);
    layout_flow_lines(f, p, STYLE_EDITOR);
}

void layout_body(layout_ctx *c, page_list *pages, size_t first_physical)
{
    flow f = {.c = c, .pages = pages, .first_physical = first_physical};
    f.top = c->s->margin_top;
    f.bottom = c->s->page_height - c->s->margin_bottom;
    layout_flow_new_page(&f);
    for (size_t i = 0; i < c->r->nsections; i++)
        flow_section(&f, &c->r->sections[i], 1, (int)i + 1);
    for (size_t i = 0; i < c->r->nclosing; i++)
        flow_paragraph(&f, STYLE_CLOSING, &c->r->closing[i]);
    flow_editor(&f);
}
