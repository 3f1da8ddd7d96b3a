/* changes.c — a diff's model set as a 修订对照 booklet (layout_changes):
 * the cover, then the meta changes as a table of before and after, then
 * the sections that hold a change in document order, each under its
 * heading (its number and title, a rename marked in it): changed
 * paragraphs whole, with deleted text struck through and inserted text
 * underlined; changed tables as the rows that changed; task changes with
 * the bars of both versions; then the closing. Running heads, page
 * numbers, bookmarks and document info as in a booklet. */
#include "changes_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct changes {
    flow f;
    const diff_model *m;
} changes;

static style_text_id heading_style(int depth)
{
    return depth == 1   ? STYLE_HEADING1
           : depth == 2 ? STYLE_HEADING2
           : depth == 3 ? STYLE_HEADING3
                        : STYLE_HEADING4;
}

static text_origin origin_in(const report *r, const report_text *t)
{
    text_origin o = {r->path, t->line, t->col, false};
    return o;
}

/* ---- headings ---- */

/* A heading of depth's style, recorded for the outline (plain is its text
 * there). */
static void flow_heading(changes *ch, int depth, layout_marked *mk, const char *plain,
                         const text_origin *o)
{
    flow *f = &ch->f;
    layout_ctx *c = f->c;
    style_text_id id = heading_style(depth);
    const style_text *st = &c->s->text[id];
    text_span *spans;
    size_t nspans, len;
    const char *text = layout_mark_finish(mk, c->a, &spans, &nspans, &len);
    text_para *p = layout_set_para(c, id, text, len, spans, nspans, layout_type_width(c->s), o);
    /* never split; kept with what follows by flow_kept */
    if (!f->at_top && layout_flow_room(f) < st->space_before + (double)p->nlines * st->leading)
        layout_flow_new_page(f);
    layout_flow_space(f, st->space_before);
    heading_mark hm = {plain, depth, f->pages->count - 1, f->y, *o};
    VEC_PUSH(&c->headings, hm);
    layout_flow_lines_as(f, p, id, LAYOUT_ROLE_H1 + (depth < 4 ? depth : 4) - 1);
    layout_flow_space(f, st->space_after);
}

static void section_heading(changes *ch, const diff_section *s)
{
    layout_ctx *c = ch->f.c;
    const report_section *sec = s->after ? s->after : s->before;
    char number[64];
    layout_section_number(s->depth, s->ordinal, number, sizeof number);
    layout_marked mk = {0};
    layout_mark_text(&mk, number, strlen(number));
    layout_mark_runs(&mk, &s->title, NULL, NULL);
    const char *tag = s->status == DIFF_ADDED     ? "（新增）"
                      : s->status == DIFF_REMOVED ? "（删除）"
                                                  : "";
    layout_mark_text(&mk, tag, strlen(tag));
    text_origin o = origin_in(s->after ? ch->m->after : ch->m->before, &sec->title);
    flow_heading(ch, s->depth, &mk, arena_printf(c->a, "%s%s%s", number, sec->title.s, tag), &o);
}

static void plain_heading(changes *ch, const char *title)
{
    layout_marked mk = {0};
    layout_mark_text(&mk, title, strlen(title));
    text_origin none = {0};
    flow_heading(ch, 1, &mk, title, &none);
}

/* ---- blocks ---- */

static const report *side_of(const changes *ch, const diff_block *b)
{
    return b->status == DIFF_REMOVED ? ch->m->before : ch->m->after;
}

static void flow_labelled(changes *ch, style_text_id id, const char *label, const diff_text *t,
                          const text_origin *o)
{
    layout_marked mk = {0};
    layout_mark_text(&mk, label, strlen(label));
    layout_mark_runs(&mk, t, NULL, NULL);
    layout_flow_marked(&ch->f, id, &mk, o);
}

static grid_cell runs_cell(layout_ctx *c, const diff_text *t)
{
    layout_marked mk = {0};
    layout_mark_runs(&mk, t, NULL, NULL);
    return layout_marked_cell(c, &mk);
}

/* The changed rows of a table (and its heads), with a first column naming
 * each row's place. */
static void flow_table_rows(changes *ch, const diff_block *b)
{
    layout_ctx *c = ch->f.c;
    const diff_table *t = &b->table;
    size_t ncols = t->nheads + 1, nrows = t->nrows;
    grid_cell *head = arena_alloc(c->a, ncols * sizeof *head);
    grid_cell *cells = arena_alloc(c->a, (nrows * ncols + 1) * sizeof *cells);
    head[0] = layout_plain_cell(c, "行");
    for (size_t k = 0; k < t->nheads; k++)
        head[k + 1] = runs_cell(c, &t->heads[k]);
    for (size_t r = 0; r < nrows; r++) {
        const diff_row *row = &t->rows[r];
        grid_cell *out = &cells[r * ncols];
        out[0] = layout_plain_cell(c, row->status == DIFF_REMOVED
                                          ? arena_printf(c->a, "原第%zu行", row->before_index + 1)
                                          : arena_printf(c->a, "第%zu行", row->after_index + 1));
        for (size_t k = 0; k < t->nheads; k++)
            out[k + 1] = k < row->ncells ? runs_cell(c, &row->cells[k]) : layout_plain_cell(c, "");
    }
    const report *r = side_of(ch, b);
    const report_block *blk = b->after ? b->after : b->before;
    grid g = {.ncols = ncols, .nrows = nrows, .head = head, .cells = cells, .file = r->path};
    g.line = blk->line;
    g.col = blk->col;
    g.continued = "续表";
    layout_flow_grid(&ch->f, &g);
}

static void flow_table(changes *ch, const diff_block *b)
{
    const diff_table *t = &b->table;
    const report_block *blk = b->after ? b->after : b->before;
    text_origin o = {side_of(ch, b)->path, blk->line, blk->col, false};
    layout_marked mk = {0};
    layout_mark_text(&mk, "表", strlen("表"));
    if (t->caption.nruns) {
        layout_mark_text(&mk, " ", 1);
        layout_mark_runs(&mk, &t->caption, NULL, NULL);
    }
    const char *tag = b->status == DIFF_ADDED     ? "（新增）"
                      : b->status == DIFF_REMOVED ? "（删除）"
                                                  : "（修订）";
    layout_mark_text(&mk, tag, strlen(tag));
    layout_flow_marked(&ch->f, STYLE_CAPTION, &mk, &o);
    if (t->heads_changed || t->nrows > 0 || b->status != DIFF_CHANGED)
        flow_table_rows(ch, b);
    if (t->note.changed)
        flow_labelled(ch, STYLE_NOTE, "注：", &t->note, &o);
}

static void flow_block(changes *ch, const diff_block *b, style_text_id id)
{
    const report *r = side_of(ch, b);
    const report_para *para = b->status == DIFF_REMOVED ? b->para_before : b->para_after;
    const report_block *blk = b->after ? b->after : b->before;
    switch (b->kind) {
    case DIFF_BLOCK_PARAGRAPH: {
        text_origin o = origin_in(r, &para->text);
        layout_marked mk = {0};
        layout_mark_runs(&mk, &b->text, b->para_before, b->para_after);
        layout_flow_marked(&ch->f, id, &mk, &o);
        break;
    }
    case DIFF_BLOCK_SUMMARY: {
        text_origin o = origin_in(r, &blk->summary);
        flow_labelled(ch, STYLE_BODY, "汇总图题：", &b->text, &o);
        break;
    }
    case DIFF_BLOCK_TABLE:
        flow_table(ch, b);
        break;
    }
}

/* ---- meta ---- */

static grid_cell side_cell(layout_ctx *c, const diff_text *t, bool after)
{
    layout_marked mk = {0};
    layout_mark_side(&mk, t, after);
    if (mk.text.count == 0)
        layout_mark_text(&mk, "—", strlen("—"));
    return layout_marked_cell(c, &mk);
}

static void flow_meta(changes *ch)
{
    layout_ctx *c = ch->f.c;
    const diff_model *m = ch->m;
    enum { NCOLS = 3 };
    static const char *const HEAD[NCOLS] = {"项目", "修订前", "修订后"};
    grid_cell *head = arena_alloc(c->a, NCOLS * sizeof *head);
    grid_cell *cells = arena_alloc(c->a, (m->nmeta * NCOLS + 1) * sizeof *cells);
    for (size_t k = 0; k < NCOLS; k++)
        head[k] = layout_plain_cell(c, HEAD[k]);
    for (size_t i = 0; i < m->nmeta; i++) {
        cells[i * NCOLS] = layout_plain_cell(c, m->meta[i].label);
        cells[i * NCOLS + 1] = side_cell(c, &m->meta[i].text, false);
        cells[i * NCOLS + 2] = side_cell(c, &m->meta[i].text, true);
    }
    static const double weights[NCOLS] = {1, 3, 3};
    grid g = {.ncols = NCOLS, .nrows = m->nmeta, .head = head, .cells = cells, .weights = weights};
    g.file = m->after->path;
    g.continued = "续表";
    layout_flow_grid(&ch->f, &g);
}

/* ---- the body as a list of steps ---- */

/* The body read in order, one step per thing placed; headings are kept
 * with what follows them as the booklet keeps them (body.c): placed with
 * the next thing, and started on a new page when that thing did not land
 * on the heading's page. */
typedef enum {
    STEP_HEADING,       /* a section's */
    STEP_PLAIN_HEADING, /* 基本信息, 结束语 */
    STEP_META,
    STEP_BLOCK,
    STEP_AREA,
    STEP_SAME, /* the one line of a diff with no change */
} step_kind;

typedef struct step {
    step_kind kind;
    const diff_section *sec; /* heading, area */
    const diff_block *block; /* block */
    const char *title;       /* plain heading */
    style_text_id id;        /* block: body or closing */
} step;

typedef VEC(step) step_list;

static void list_section(step_list *steps, const diff_section *s)
{
    VEC_PUSH(steps, ((step){STEP_HEADING, s, NULL, NULL, STYLE_BODY}));
    for (size_t i = 0; i < s->nblocks; i++)
        VEC_PUSH(steps, ((step){STEP_BLOCK, s, &s->blocks[i], NULL, STYLE_BODY}));
    if (s->area)
        VEC_PUSH(steps, ((step){STEP_AREA, s, NULL, NULL, STYLE_BODY}));
    for (size_t i = 0; i < s->nsections; i++)
        list_section(steps, &s->sections[i]);
}

static void list_body(step_list *steps, const diff_model *m)
{
    if (m->nmeta) {
        VEC_PUSH(steps, ((step){STEP_PLAIN_HEADING, NULL, NULL, "基本信息", STYLE_BODY}));
        VEC_PUSH(steps, ((step){STEP_META, NULL, NULL, NULL, STYLE_BODY}));
    }
    for (size_t i = 0; i < m->nsections; i++)
        list_section(steps, &m->sections[i]);
    if (m->nclosing)
        VEC_PUSH(steps, ((step){STEP_PLAIN_HEADING, NULL, NULL, "结束语", STYLE_BODY}));
    for (size_t i = 0; i < m->nclosing; i++)
        VEC_PUSH(steps, ((step){STEP_BLOCK, NULL, &m->closing[i], NULL, STYLE_CLOSING}));
    if (diff_model_is_empty(m))
        VEC_PUSH(steps, ((step){STEP_SAME, NULL, NULL, NULL, STYLE_BODY}));
}

static void flow_same(changes *ch)
{
    layout_marked mk = {0};
    static const char same[] = "两个版本内容相同，没有修订。";
    layout_mark_text(&mk, same, strlen(same));
    text_origin none = {0};
    layout_flow_marked(&ch->f, STYLE_BODY, &mk, &none);
}

static void flow_step(changes *ch, const step *s)
{
    switch (s->kind) {
    case STEP_HEADING:
        section_heading(ch, s->sec);
        break;
    case STEP_PLAIN_HEADING:
        plain_heading(ch, s->title);
        break;
    case STEP_META:
        flow_meta(ch);
        break;
    case STEP_BLOCK:
        flow_block(ch, s->block, s->id);
        break;
    case STEP_AREA:
        layout_flow_task_changes(&ch->f, ch->m, s->sec);
        break;
    case STEP_SAME:
        flow_same(ch);
        break;
    }
}

static bool is_head(const step *s)
{
    return s->kind == STEP_HEADING || s->kind == STEP_PLAIN_HEADING;
}

/* Place the heads from steps[i] on and the first step after them; returns
 * the index after it, *content_page the page of its first item (SIZE_MAX
 * when the body ended first). */
static size_t flow_heads_and_next(changes *ch, const step *steps, size_t n, size_t i,
                                  size_t *content_page)
{
    *content_page = SIZE_MAX;
    while (i < n) {
        const step *s = &steps[i++];
        flow_mark before = layout_flow_mark(&ch->f);
        flow_step(ch, s);
        if (!is_head(s) &&
            (*content_page = layout_flow_first_page_since(&ch->f, &before)) != SIZE_MAX)
            break;
    }
    return i;
}

/* Keep heads with what follows (body.c's flow_kept): placed, and taken
 * back to start on a new page when what follows went to another page. */
static size_t flow_kept(changes *ch, const step *steps, size_t n, size_t i)
{
    flow *f = &ch->f;
    flow_mark start = layout_flow_mark(f);
    size_t content_page;
    size_t end = flow_heads_and_next(ch, steps, n, i, &content_page);
    if (!layout_flow_keep_again(f, &start, content_page))
        return end;
    return flow_heads_and_next(ch, steps, n, i, &content_page);
}

static void layout_changes_body(layout_ctx *c, const diff_model *m, page_list *pages)
{
    changes ch = {.m = m};
    flow *f = &ch.f;
    *f = (flow){.c = c, .pages = pages, .first_physical = 1};
    f->top = c->s->margin_top;
    f->bottom = c->s->page_height - c->s->margin_bottom;
    layout_flow_new_page(f);
    step_list steps = {0};
    list_body(&steps, m);
    for (size_t i = 0; i < steps.count;) {
        if (is_head(&steps.items[i]))
            i = flow_kept(&ch, steps.items, steps.count, i);
        else
            flow_step(&ch, &steps.items[i++]);
    }
    free(steps.items);
}

static void fill_outline(layout_ctx *c, layout_document *doc)
{
    doc->outline = arena_alloc(c->a, (c->headings.count + 1) * sizeof *doc->outline);
    doc->outline[doc->noutline++] = (layout_outline_entry){"封面", 1, 0, 0};
    for (size_t i = 0; i < c->headings.count; i++) {
        const heading_mark *h = &c->headings.items[i];
        doc->outline[doc->noutline++] =
            (layout_outline_entry){h->title, h->depth, 1 + h->page, h->y};
    }
}

static void fill_labels(layout_ctx *c, layout_document *doc)
{
    doc->labels = arena_alloc(c->a, 2 * sizeof *doc->labels);
    doc->labels[0] = (layout_page_label){0, LAYOUT_LABEL_NONE, "封面", 1};
    doc->labels[1] = (layout_page_label){1, LAYOUT_LABEL_DECIMAL, NULL, 1};
    doc->nlabels = 2;
}

/* The document says what it is: the report's title and id with 修订对照, the
 * versions compared as its version. */
static void fill_changes_info(layout_ctx *c, const diff_model *m, layout_document *doc,
                              int64_t epoch)
{
    layout_fill_info(c, doc, epoch);
    const report_meta *b = &m->before->meta, *a = &m->after->meta;
    doc->info.title = arena_printf(c->a, "%s（修订对照）", a->title.s);
    doc->info.subject =
        arena_printf(c->a, "第%s版与第%s版修订对照", b->version.text, a->version.text);
    doc->info.version = arena_printf(c->a, "%s→%s", b->version.text, a->version.text);
    if (a->id.s)
        doc->info.doc_id = arena_printf(c->a, "%s（修订对照）", a->id.s);
}

layout_document *layout_changes(const diff_model *m, const style *s, text_engine *te,
                                int64_t source_date_epoch, diag_list *diags)
{
    layout_document *doc = layout_document_new();
    size_t errors_before = diags->errors, ndiags_before = diags->count;
    /* the running head names what this is */
    report shown = *m->after;
    char *head = arena_printf(doc->arena, "%s（修订对照）", m->after->meta.short_title.s);
    shown.meta.short_title = (report_text){head, strlen(head), 0, 0, false};
    layout_ctx c;
    if (!layout_ctx_open(&c, &shown, s, te, diags, doc->arena)) {
        layout_document_free(doc);
        return NULL;
    }
    c.frames = doc->frames;
    page_list cover = {0}, body = {0};
    layout_changes_cover(&c, m, &cover);
    layout_changes_body(&c, m, &body);
    for (size_t i = 0; i < body.count; i++)
        layout_furniture(&c, &body.items[i], 1 + i, (int)i + 1);
    doc->pages = xcalloc(cover.count + body.count, sizeof *doc->pages);
    layout_adopt_pages(doc, &cover);
    layout_adopt_pages(doc, &body);
    fill_outline(&c, doc);
    fill_labels(&c, doc);
    fill_changes_info(&c, m, doc, source_date_epoch);
    layout_adopt_nodes(&c, doc);
    layout_ctx_close(&c);
    layout_diags_unique(diags, ndiags_before);
    if (diags->errors > errors_before) {
        layout_document_free(doc);
        return NULL;
    }
    return doc;
}
