/* changes_text.c — marked text for the 修订对照: the runs of a diff put
 * together into one text to set, deleted runs struck through and inserted
 * runs underlined (decorations the text stage places and this stage draws
 * as rules), the strong spans of the author's text kept on both. */
#include "changes_internal.h"

#include <stdlib.h>
#include <string.h>

static void put(layout_marked *m, const char *s, size_t len)
{
    VEC_RESERVE(&m->text, m->text.count + len + 1);
    memcpy(m->text.items + m->text.count, s, len);
    m->text.count += len;
}

static void span(layout_marked *m, size_t start, size_t end, text_span_kind kind)
{
    if (end > start) {
        text_span sp = {start, end, kind};
        VEC_PUSH(&m->spans, sp);
    }
}

void layout_mark_text(layout_marked *m, const char *s, size_t len)
{
    put(m, s, len);
}

void layout_mark_span(layout_marked *m, const char *s, size_t len, text_span_kind kind)
{
    size_t at = m->text.count;
    put(m, s, len);
    span(m, at, m->text.count, kind);
}

/* The strong spans of para over its bytes [from, from + len), placed at `at`. */
static void strong_of(layout_marked *m, const report_para *para, size_t from, size_t len, size_t at)
{
    for (size_t i = 0; para && i < para->nstrong; i++) {
        size_t s = para->strong[i].start > from ? para->strong[i].start : from;
        size_t e = para->strong[i].end < from + len ? para->strong[i].end : from + len;
        if (e > s)
            span(m, at + s - from, at + e - from, TEXT_SPAN_STRONG);
    }
}

void layout_mark_runs(layout_marked *m, const diff_text *t, const report_para *before,
                      const report_para *after)
{
    for (size_t i = 0; i < t->nruns; i++) {
        const diff_run *r = &t->runs[i];
        size_t at = m->text.count;
        put(m, r->s, r->len);
        strong_of(m, r->op == DIFF_DELETED ? before : after, r->at, r->len, at);
        if (r->op != DIFF_EQUAL)
            span(m, at, m->text.count,
                 r->op == DIFF_DELETED ? TEXT_SPAN_STRIKE : TEXT_SPAN_UNDERLINE);
    }
}

void layout_mark_side(layout_marked *m, const diff_text *t, bool after)
{
    for (size_t i = 0; i < t->nruns; i++) {
        const diff_run *r = &t->runs[i];
        if (r->op == DIFF_EQUAL)
            put(m, r->s, r->len);
        else if ((r->op == DIFF_INSERTED) == after)
            layout_mark_span(m, r->s, r->len, after ? TEXT_SPAN_UNDERLINE : TEXT_SPAN_STRIKE);
    }
}

const char *layout_mark_finish(layout_marked *m, arena *a, text_span **spans, size_t *nspans,
                               size_t *len)
{
    char *text = arena_strndup(a, m->text.items ? m->text.items : "", m->text.count);
    *len = m->text.count;
    *spans = arena_alloc(a, (m->spans.count + 1) * sizeof **spans);
    if (m->spans.count)
        memcpy(*spans, m->spans.items, m->spans.count * sizeof **spans);
    *nspans = m->spans.count;
    free(m->text.items);
    free(m->spans.items);
    memset(m, 0, sizeof *m);
    return text;
}

void layout_flow_marked(flow *f, style_text_id id, layout_marked *m, const text_origin *o)
{
    layout_ctx *c = f->c;
    text_span *spans;
    size_t nspans, len;
    const char *text = layout_mark_finish(m, c->a, &spans, &nspans, &len);
    text_para *p = layout_set_para(c, id, text, len, spans, nspans, layout_type_width(c->s), o);
    const style_text *st = &c->s->text[id];
    layout_flow_space(f, st->space_before);
    layout_flow_lines_as(f, p, id, LAYOUT_ROLE_P);
    layout_flow_space(f, st->space_after);
}

grid_cell layout_marked_cell(layout_ctx *c, layout_marked *m)
{
    grid_cell cell = {.kind = CELL_TEXT};
    text_span *spans;
    size_t len;
    cell.text = layout_mark_finish(m, c->a, &spans, &cell.nspans, &len);
    cell.spans = spans;
    return cell;
}

grid_cell layout_plain_cell(layout_ctx *c, const char *text)
{
    layout_marked m = {0};
    layout_mark_text(&m, text, strlen(text));
    return layout_marked_cell(c, &m);
}
