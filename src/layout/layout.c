/* layout.c — the booklet as a whole: resolve fonts per style, lay out the
 * cover, the body and the contents, then put the pages in order with their
 * furniture, outline, page labels and document info. */
#include "layout_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Fonts per style, each role resolved once. false when a role has no
 * installed family (the text stage reported it). */
static bool resolve_fonts(layout_ctx *c);

bool layout_ctx_open(layout_ctx *c, const report *r, const style *s, text_engine *te,
                     diag_list *diags, arena *a)
{
    *c = (layout_ctx){.r = r, .s = s, .te = te, .diags = diags, .a = a};
    layout_node_add(c, LAYOUT_ROLE_DOCUMENT, 0, NULL); /* node 0, the root */
    return resolve_fonts(c);
}

void layout_ctx_close(layout_ctx *c)
{
    free(c->headings.items);
    c->headings.items = NULL;
    c->headings.count = c->headings.cap = 0;
    free(c->nodes.items);
    c->nodes.items = NULL;
    c->nodes.count = c->nodes.cap = 0;
}

/* Each role's font, asked of the text stage once (it warns when a role
 * falls back, and an error for a role with no installed family). */
typedef struct role_fonts {
    text_font **font;
    bool *tried;
    bool ok;
} role_fonts;

/* The font of the role called name; NULL when there is no such role or it
 * has no installed family. */
static text_font *role_font(layout_ctx *c, role_fonts *rf, const char *name)
{
    const style_font_role *role = style_role(c->s, name);
    if (!role)
        return NULL;
    size_t r = (size_t)(role - c->s->roles);
    if (!rf->tried[r]) {
        rf->tried[r] = true;
        rf->font[r] = text_font_for_role(c->te, role->name, role->families, role->nfamilies,
                                         role->file, role->line, role->col, c->diags);
        rf->ok = rf->ok && rf->font[r];
    }
    return rf->font[r];
}

static bool resolve_fonts(layout_ctx *c)
{
    const style *s = c->s;
    role_fonts rf = {arena_alloc(c->a, (s->nroles + 1) * sizeof *rf.font),
                     arena_alloc(c->a, s->nroles + 1), true};
    for (int id = 0; id < STYLE_COUNT; id++) {
        const style_text *st = &s->text[id];
        text_font *font = role_font(c, &rf, st->font);
        text_font *strong = role_font(c, &rf, st->strong_font ? st->strong_font : "heading");
        c->text[id] = (text_style){
            .font = font,
            .strong_font = strong ? strong : font,
            .size = st->size,
            .indent = st->indent * st->size,
            .align = st->align,
            .keep_punct_width = !s->compress_punctuation,
        };
        if (st->grid == STYLE_GRID_CELLS) { /* every character one cell, indents in cells */
            c->text[id].cell = s->grid.cell;
            /* room for one cell after the indent, however wide the cells */
            double most = layout_type_width(s) - s->grid.cell;
            c->text[id].indent = fmax(0, fmin(st->indent * s->grid.cell, most));
        }
    }
    /* figures in tables: the table style's size in the layout's number font */
    c->number = c->text[STYLE_TABLE];
    c->number.indent = 0;
    c->number.align = STYLE_ALIGN_LEFT;
    text_font *number = role_font(c, &rf, s->table.number_font);
    if (number)
        c->number.font = number;
    return rf.ok;
}

void layout_adopt_pages(layout_document *doc, page_list *pages)
{
    for (size_t i = 0; i < pages->count; i++) {
        page_build *p = &pages->items[i];
        layout_page *out = &doc->pages[doc->npages++];
        out->width = p->width;
        out->height = p->height;
        /* to its size: a page keeps its items until the PDF is written, and
         * what doubling left spare is a fifth of a long report's frames */
        out->items = p->items.count ? xrealloc(p->items.items, p->items.count * sizeof *out->items)
                                    : p->items.items;
        out->nitems = p->items.count;
        out->own = p->own;
    }
    free(pages->items);
    memset(pages, 0, sizeof *pages);
}

static const char *keywords_text(layout_ctx *c)
{
    const report_meta *m = &c->r->meta;
    if (m->nkeywords == 0)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < m->nkeywords; i++)
        n += m->keywords[i].len + 2;
    char *out = arena_alloc(c->a, n + 1);
    for (size_t i = 0; i < m->nkeywords; i++) {
        if (i)
            strcat(out, "; ");
        strcat(out, m->keywords[i].s);
    }
    return out;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void layout_fill_info(layout_ctx *c, layout_document *doc, int64_t epoch)
{
    const report_meta *m = &c->r->meta;
    layout_info *info = &doc->info;
    memcpy(doc->styles, c->text, sizeof doc->styles);
    info->title = m->title.s;
    info->author = m->organization.s;
    info->subject = m->subject.s;
    info->keywords = keywords_text(c);
    info->creator = "briefc " BRIEFC_VERSION;
    info->doc_id = m->id.s;
    info->version = m->version.text;
    if (epoch >= 0) {
        info->date = epoch;
        info->tz_minutes = 0;
    } else {
        /* meta.date at 00:00 in China Standard Time */
        info->date = days_from_civil(m->date.year, m->date.month, m->date.day) * 86400 - 8 * 3600;
        info->tz_minutes = 8 * 60;
    }
}

void layout_adopt_nodes(layout_ctx *c, layout_document *doc)
{
    doc->nnodes = c->nodes.count;
    doc->nodes = arena_alloc(c->a, (doc->nnodes + 1) * sizeof *doc->nodes);
    memcpy(doc->nodes, c->nodes.items, doc->nnodes * sizeof *doc->nodes);
    doc->lang = c->r->meta.lang.s ? c->r->meta.lang.s : "zh-CN";
}

static void fill_outline(layout_ctx *c, layout_document *doc, size_t contents_page,
                         size_t body_offset)
{
    doc->outline = arena_alloc(c->a, (c->headings.count + 1) * sizeof *doc->outline);
    if (c->s->contents)
        doc->outline[doc->noutline++] = (layout_outline_entry){"目录", 1, contents_page, 0};
    for (size_t i = 0; i < c->headings.count; i++) {
        const heading_mark *h = &c->headings.items[i];
        doc->outline[doc->noutline++] =
            (layout_outline_entry){h->title, h->depth, body_offset + h->page, h->y};
    }
}

static void fill_labels(layout_ctx *c, layout_document *doc, size_t ncover, size_t body_offset)
{
    doc->labels = arena_alloc(c->a, 3 * sizeof *doc->labels);
    if (ncover)
        doc->labels[doc->nlabels++] = (layout_page_label){0, LAYOUT_LABEL_NONE, "封面", 1};
    if (body_offset > ncover)
        doc->labels[doc->nlabels++] =
            (layout_page_label){ncover, LAYOUT_LABEL_ROMAN_LOWER, NULL, 1};
    doc->labels[doc->nlabels++] = (layout_page_label){body_offset, LAYOUT_LABEL_DECIMAL, NULL, 1};
}

/* The body: the report's sections, or the whole document of an official layout. */
static void lay_body(layout_ctx *c, page_list *body, size_t first_physical)
{
    switch (c->s->official.kind) {
    case STYLE_OFFICIAL_NOTICE:
        layout_notice(c, body, first_physical);
        break;
    case STYLE_OFFICIAL_BRIEFING:
        layout_briefing(c, body, first_physical);
        break;
    case STYLE_OFFICIAL_NONE:
        layout_body(c, body, first_physical);
        break;
    }
}

/* Forget what a first layout of the body recorded: its headings and the
 * numbers it gave tables (else the redone body numbers them on from 表2). */
static void reset_body(layout_ctx *c)
{
    c->headings.count = 0;
    c->tables = 0;
    c->parent = 0;
}

/* Every page's copy mark, once the pages are in their places. */
static void add_copy_marks(layout_ctx *c, layout_document *doc)
{
    for (size_t i = 0; c->numbered && i < doc->npages; i++) {
        layout_page *lp = &doc->pages[i];
        page_build p = {
            .width = lp->width, .height = lp->height, .items = {lp->items, lp->nitems, lp->nitems}};
        layout_page_add_copy_mark(c, &p, i);
        lp->items = p.items.items;
        lp->nitems = p.items.count;
    }
}

layout_document *layout_report(const report *r, const style *s, text_engine *te,
                               const layout_options *options, diag_list *diags)
{
    static const layout_options defaults = {.source_date_epoch = -1};
    const layout_options *o = options ? options : &defaults;
    layout_document *doc = layout_document_new();
    layout_ctx c;
    size_t errors_before = diags->errors, ndiags_before = diags->count;
    if (!layout_ctx_open(&c, r, s, te, diags, doc->arena)) {
        layout_document_free(doc);
        return NULL;
    }
    c.frames = doc->frames;
    c.numbered = o->numbered_copies;
    c.copy_zeros = "000000";

    page_list cover = {0}, body = {0}, contents = {0};
    if (s->cover)
        layout_cover(&c, &cover);
    size_t ncover = cover.count;
    /* The contents come before the body in the tree as on paper, but are
     * laid out after it (they need its page numbers): their nodes are made
     * now, their entries go under them later (a node's children are in the
     * order of their indices). */
    contents_nodes toc = {0};
    if (s->contents)
        toc = layout_contents_nodes(&c);
    /* The body's page parity (mirrored margins) depends on how many contents
     * pages come first: guess one, count, and redo the body if parity moved. */
    size_t ncontents = s->contents ? 1 : 0, body_nodes = c.nodes.count;
    lay_body(&c, &body, ncover + ncontents);
    if (s->contents) {
        size_t after_body = c.nodes.count;
        layout_contents(&c, &contents, &toc, ncover, NULL, 0);
        c.nodes.count = after_body; /* a count of pages: the entries are made again */
        if (contents.count != ncontents) {
            ncontents = contents.count;
            if (s->mirror_margins && ncontents % 2 == 0) {
                layout_page_list_free(&body);
                reset_body(&c);
                c.nodes.count = body_nodes;
                lay_body(&c, &body, ncover + ncontents);
            }
        }
        layout_page_list_free(&contents);
    }

    size_t body_offset = ncover + ncontents;
    if (s->contents) {
        int *numbers = xcalloc(c.headings.count + 1, sizeof *numbers);
        for (size_t i = 0; i < c.headings.count; i++)
            numbers[i] = (int)c.headings.items[i].page + 1;
        layout_contents(&c, &contents, &toc, ncover, numbers, body_offset);
        free(numbers);
    }
    for (size_t i = 0; i < body.count; i++)
        layout_furniture(&c, &body.items[i], body_offset + i,
                         body.items[i].unnumbered ? 0 : (int)i + 1);

    doc->pages = xcalloc(cover.count + contents.count + body.count, sizeof *doc->pages);
    layout_adopt_pages(doc, &cover);
    layout_adopt_pages(doc, &contents);
    layout_adopt_pages(doc, &body);
    fill_outline(&c, doc, ncover, body_offset);
    fill_labels(&c, doc, ncover, body_offset);
    add_copy_marks(&c, doc);
    layout_fill_info(&c, doc, o->source_date_epoch);
    layout_adopt_nodes(&c, doc);
    layout_ctx_close(&c);
    layout_diags_unique(diags, ndiags_before);

    if (diags->errors > errors_before) {
        layout_document_free(doc);
        return NULL;
    }
    return doc;
}

void layout_page_release(layout_page *page)
{
    free(page->items);
    arena_free(page->own);
    page->items = NULL;
    page->own = NULL;
    page->nitems = 0;
}

void layout_document_free(layout_document *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->npages; i++)
        layout_page_release(&doc->pages[i]);
    free(doc->pages);
    arena_pool_free(doc->frames); /* after the pages' arenas */
    arena_free(doc->arena);
    free(doc);
}
