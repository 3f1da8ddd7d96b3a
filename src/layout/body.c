/* body.c — sections, paragraphs, closing and editor line flowed onto pages
 * (through flow.c), read as a list of steps. Headings are kept with what
 * follows them by placing both and taking back (flow_kept); the report's
 * tables are laid out by report_table.c, task tables, work-area heads and
 * summaries by progress.c. */
#include "layout_internal.h"

#include <stdlib.h>
#include <string.h>

/* Where the body's text is set: the scratch arena while the body flows
 * (its lines are placed, not kept; see layout_ctx). */
static arena *flowed_arena(const layout_ctx *c)
{
    return c->scratch ? c->scratch : c->a;
}

/* Text the body flows, set across the type area. */
static text_para *set_flowed(layout_ctx *c, style_text_id id, const char *text, size_t len,
                             const text_span *spans, size_t nspans, const text_origin *o)
{
    return text_set_paragraph(c->te, flowed_arena(c), text, len, spans, nspans, &c->text[id],
                              layout_type_width(c->s), o, c->diags);
}

static text_para *body_para(layout_ctx *c, style_text_id id, const report_para *para)
{
    text_origin o = layout_origin_of(c, &para->text);
    text_span *strong = arena_alloc(flowed_arena(c), (para->nstrong + 1) * sizeof *strong);
    for (size_t i = 0; i < para->nstrong; i++)
        strong[i] = (text_span){para->strong[i].start, para->strong[i].end, TEXT_SPAN_STRONG};
    return set_flowed(c, id, para->text.s, para->text.len, strong, para->nstrong, &o);
}

static void flow_paragraph(flow *f, style_text_id id, const report_para *para)
{
    text_para *p = body_para(f->c, id, para);
    if (!p)
        return;
    uint32_t node = layout_node_add(f->c, LAYOUT_ROLE_P, f->c->parent, NULL);
    layout_flow_space(f, f->c->s->text[id].space_before);
    tag_mark start = layout_tag_mark(f->pages);
    layout_flow_lines(f, p, id);
    layout_tag_since(f->c, f->pages, &start, node); /* one P, over as many pages as it takes */
    layout_flow_space(f, f->c->s->text[id].space_after);
}

/* A section's node: under the nearest open section less deep than it. */
static uint32_t open_section(layout_ctx *c, int depth)
{
    uint32_t parent = c->parent;
    while (parent != 0 && c->nodes.items[parent].level >= depth)
        parent = c->nodes.items[parent].parent;
    uint32_t sect = layout_node_add(c, LAYOUT_ROLE_SECT, parent, NULL);
    c->nodes.items[sect].level = depth;
    c->parent = sect;
    return sect;
}

static style_text_id heading_style(int depth)
{
    return depth == 1   ? STYLE_HEADING1
           : depth == 2 ? STYLE_HEADING2
           : depth == 3 ? STYLE_HEADING3
                        : STYLE_HEADING4;
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
    text_para *p = set_flowed(c, id, title, strlen(title), NULL, 0, &o);
    if (!p)
        return;
    /* a heading is never split; what follows is kept with it by flow_kept */
    if (!f->at_top &&
        layout_flow_room_for(f, id) < st->space_before + (double)p->nlines * st->leading)
        layout_flow_new_page(f);
    uint32_t sect = open_section(c, depth);
    uint32_t h = layout_node_add(c, LAYOUT_ROLE_H1 + (depth < 4 ? depth : 4) - 1, sect, NULL);
    layout_flow_space(f, st->space_before);
    heading_mark m = {title, depth, f->pages->count - 1, f->y, o};
    VEC_PUSH(&c->headings, m);
    tag_mark start = layout_tag_mark(f->pages);
    layout_flow_lines(f, p, id); /* the number and the title: one heading */
    layout_tag_since(c, f->pages, &start, h);
    layout_flow_space(f, st->space_after);
}

static void flow_editor(flow *f)
{
    layout_ctx *c = f->c;
    const report_text *ed = &c->r->meta.editor;
    if (!ed->s)
        return;
    const style_text *st = &c->s->text[STYLE_EDITOR];
    text_origin o = layout_origin_of(c, ed);
    text_para *p = set_flowed(c, STYLE_EDITOR, ed->s, ed->len, NULL, 0, &o);
    if (!p)
        return;
    if (layout_flow_room_for(f, STYLE_EDITOR) < st->space_before + (double)p->nlines * st->leading)
        layout_flow_new_page(f);
    layout_flow_space(f, st->space_before);
    uint32_t node = layout_node_add(c, LAYOUT_ROLE_P, 0, NULL);
    tag_mark start = layout_tag_mark(f->pages);
    layout_flow_lines(f, p, STYLE_EDITOR);
    layout_tag_since(c, f->pages, &start, node);
}

/* ---- the body as a list of steps ---- */

/* The body read in order, one step per thing placed. Headings and
 * work-area heads are "heads": kept with what follows them. */
typedef enum { STEP_HEADING, STEP_AREA_HEAD, STEP_BLOCK, STEP_CLOSING, STEP_EDITOR } step_kind;

typedef struct step {
    step_kind kind;
    const report_section *sec;  /* heading, area head, block */
    const report_block *block;  /* block */
    const report_para *closing; /* closing paragraph */
    int depth, ordinal;         /* heading; block: the section's depth */
} step;

typedef VEC(step) step_list;

static void list_section(step_list *steps, const report_section *sec, int depth, int ordinal)
{
    VEC_PUSH(steps, ((step){STEP_HEADING, sec, NULL, NULL, depth, ordinal}));
    VEC_PUSH(steps, ((step){STEP_AREA_HEAD, sec, NULL, NULL, depth, 0}));
    for (size_t i = 0; i < sec->nblocks; i++)
        VEC_PUSH(steps, ((step){STEP_BLOCK, sec, &sec->blocks[i], NULL, depth, 0}));
    for (size_t i = 0; i < sec->nsections; i++)
        list_section(steps, &sec->sections[i], depth + 1, (int)i + 1);
}

static void list_body(step_list *steps, const report *r)
{
    for (size_t i = 0; i < r->nsections; i++)
        list_section(steps, &r->sections[i], 1, (int)i + 1);
    for (size_t i = 0; i < r->nclosing; i++)
        VEC_PUSH(steps, ((step){STEP_CLOSING, NULL, NULL, &r->closing[i], 0, 0}));
    VEC_PUSH(steps, ((step){STEP_EDITOR, NULL, NULL, NULL, 0, 0}));
}

static bool is_head(const step *s)
{
    return s->kind == STEP_HEADING || s->kind == STEP_AREA_HEAD;
}

static void flow_block(flow *f, const step *s)
{
    const report_block *b = s->block;
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
        layout_flow_summary(f, s->sec, s->depth, b);
        break;
    }
}

static void flow_step(flow *f, const step *s)
{
    switch (s->kind) {
    case STEP_HEADING:
        flow_heading(f, s->sec, s->depth, s->ordinal);
        break;
    case STEP_AREA_HEAD:
        layout_flow_area_head(f, s->sec);
        break;
    case STEP_BLOCK:
        flow_block(f, s);
        break;
    case STEP_CLOSING:
        f->c->parent = 0; /* after the last section, in the document itself */
        flow_paragraph(f, STYLE_CLOSING, s->closing);
        break;
    case STEP_EDITOR:
        flow_editor(f);
        break;
    }
}

/* Place the heads from steps[i] on and every step after them up to and
 * including the first that places anything (a step may place nothing: a
 * summary with no work area). Returns the index after the last step
 * placed; *content_page is the page of that step's first item, SIZE_MAX
 * when the body ended first. */
static size_t flow_heads_and_next(flow *f, const step *steps, size_t n, size_t i,
                                  size_t *content_page)
{
    *content_page = SIZE_MAX;
    while (i < n) {
        const step *s = &steps[i++];
        flow_mark before = layout_flow_mark(f);
        flow_step(f, s);
        if (!is_head(s) && (*content_page = layout_flow_first_page_since(f, &before)) != SIZE_MAX)
            break;
    }
    return i;
}

/* Keep with next, done by placing rather than estimating: place the heads
 * (one or more headings in a row, a work area's head) and what follows, and
 * if the first content did not land on the page of the first head, take it
 * all back and start the heads on a new page. Every rule of what follows
 * thus counts as it will be applied: a paragraph that moves whole (no line
 * alone at the foot or head), a table that starts only with three rows, a
 * work area's head, a chain 一、 （一） 1. of headings. It is done once: heads
 * that start a page stay there, even when what follows does not fit (taller
 * than a page), so each step is placed at most twice. The second placing
 * sets the same text again and may repeat the first's diagnostics:
 * layout_report reports each once (diags.c). */
static size_t flow_kept(flow *f, const step *steps, size_t n, size_t i)
{
    flow_mark start = layout_flow_mark(f);
    size_t content_page;
    size_t end = flow_heads_and_next(f, steps, n, i, &content_page);
    if (!layout_flow_keep_again(f, &start, content_page))
        return end;
    return flow_heads_and_next(f, steps, n, i, &content_page);
}

void layout_body_flow(flow *f)
{
    layout_ctx *c = f->c;
    step_list steps = {0};
    list_body(&steps, c->r);
    c->scratch = arena_new();
    for (size_t i = 0; i < steps.count;) {
        if (is_head(&steps.items[i]))
            i = flow_kept(f, steps.items, steps.count, i);
        else
            flow_step(f, &steps.items[i++]);
        arena_reset(c->scratch); /* what the steps set is placed: nothing points into it */
    }
    arena_free(c->scratch);
    c->scratch = NULL;
    free(steps.items);
}

void layout_body(layout_ctx *c, page_list *pages, size_t first_physical)
{
    flow f;
    layout_flow_start(&f, c, pages, first_physical);
    layout_body_flow(&f);
}
