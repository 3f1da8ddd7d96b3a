/* impose.c — the plan of sheets: one page a sheet, or saddle-stitched
 * booklets two pages a side; the trim, bleed and media boxes and the marks
 * outside the trim when a press wants them.
 *
 * A booklet of N pages is padded with blank pages to a multiple of 4, M.
 * Printed double-sided with a short-edge flip and folded as one stack, the
 * sheets read in order when sheet i (from 0, the outermost) carries
 *   front: page M - 2i on the left, page 2i + 1 on the right,
 *   back:  page 2i + 2 on the left, page M - 2i - 1 on the right
 * (pages counted from 1). Inner sheets stick out at the fore edge once
 * folded; creep moves sheet i's pages i × creep towards the fold. */
#include "impose.h"

#include <stdlib.h>
#include <string.h>

#define PT_PER_MM (72.0 / 25.4)
#define MARK_GAP_MM 1.0  /* between the bleed box and a crop mark */
#define MARK_LEN_MM 5.0  /* a crop mark's length */
#define MARK_ROOM_MM 8.0 /* the media beyond the bleed: the marks and the slug */
#define MARK_WIDTH 0.25  /* pt: a hairline that survives the press */

typedef struct builder {
    const layout_document *doc;
    const impose_options *o;
    impose_plan *plan;
    style_color ink;   /* the marks: registration (all four inks) or black */
    style_color black; /* the slug's text: pure K, as all text (rich black blurs) */
    double margin;     /* from the media's edge to the trim */
    VEC(layout_item) marks;
} builder;

bool impose_scheme_named(const char *name, impose_scheme *out)
{
    if (strcmp(name, "booklet") == 0) {
        *out = IMPOSE_BOOKLET;
        return true;
    }
    if (strcmp(name, "none") == 0) {
        *out = IMPOSE_NONE;
        return true;
    }
    return false;
}

/* ---- marks ---- */

static void add_line(builder *b, double x1, double y1, double x2, double y2)
{
    layout_item it = {.kind = LAYOUT_ITEM_LINE};
    it.u.line = (layout_line){x1, y1, x2, y2, MARK_WIDTH, b->ink, 0};
    VEC_PUSH(&b->marks, it);
}

/* At each corner of the trim, two lines on its edges' extensions, outside
 * the bleed so that no trimming shows them. */
static void crop_marks(builder *b, const impose_box *t)
{
    double from = b->o->bleed + MARK_GAP_MM * PT_PER_MM, len = MARK_LEN_MM * PT_PER_MM;
    double xs[2] = {t->x0, t->x1}, ys[2] = {t->y0, t->y1};
    for (int i = 0; i < 2; i++) {
        double dx = i == 0 ? -1 : 1;
        for (int k = 0; k < 2; k++) {
            double dy = k == 0 ? -1 : 1;
            add_line(b, xs[i] + dx * from, ys[k], xs[i] + dx * (from + len), ys[k]);
            add_line(b, xs[i], ys[k] + dy * from, xs[i], ys[k] + dy * (from + len));
        }
    }
}

/* Where the sheet folds: short lines above and below the trim. */
static void fold_mark(builder *b, const impose_box *t, double x)
{
    double from = b->o->bleed + MARK_GAP_MM * PT_PER_MM, len = MARK_LEN_MM * PT_PER_MM;
    add_line(b, x, t->y0 - from, x, t->y0 - from - len);
    add_line(b, x, t->y1 + from, x, t->y1 + from + len);
}

/* One line under the trim, outside the bleed, naming what the sheet is. */
static void slug(builder *b, const impose_box *t, const char *what, diag_list *diags)
{
    const impose_options *o = b->o;
    if (!o->slug_style || !o->te)
        return;
    char *text = arena_printf(b->plan->arena, "%s · 第%s版 · %s", o->title ? o->title : "",
                              o->version ? o->version : "1", what);
    text_origin none = {0};
    text_line *line =
        text_set_line(o->te, b->plan->arena, text, strlen(text), o->slug_style, &none, diags);
    if (!line)
        return;
    double baseline = t->y1 + o->bleed + (MARK_GAP_MM + 3.5) * PT_PER_MM;
    double x = t->x0 + 5 * PT_PER_MM; /* clear of the crop mark; the middle is the fold mark's */
    for (size_t i = 0; i < line->nruns; i++) {
        const text_run *run = &line->runs[i];
        if (run->nglyphs == 0)
            continue;
        layout_item it = {.kind = LAYOUT_ITEM_GLYPHS, .artifact = LAYOUT_ARTIFACT_PAGINATION};
        layout_glyphs *g = &it.u.glyphs;
        *g = (layout_glyphs){run->font,   run->size,    b->black, x,    baseline,
                             run->glyphs, run->nglyphs, text,     NULL, 0};
        if (run->actual_text) {
            g->actual_text = text + run->text_start;
            g->actual_len = run->text_end - run->text_start;
        }
        VEC_PUSH(&b->marks, it);
    }
}

static void take_marks(builder *b, impose_sheet *s)
{
    s->nmarks = b->marks.count;
    s->marks = arena_alloc(b->plan->arena, (s->nmarks + 1) * sizeof *s->marks);
    if (s->nmarks)
        memcpy(s->marks, b->marks.items, s->nmarks * sizeof *s->marks);
    b->marks.count = 0;
}

/* ---- placing pages ---- */

/* A page's items with the rectangles that touch its edge grown into the
 * bleed (a background printed to the edge must not leave a white hairline
 * when the trim is a little off); NULL when it has none. */
static const layout_item *bled_items(builder *b, const layout_page *p)
{
    const double eps = 0.01, d = b->o->bleed;
    layout_item *copy = NULL;
    for (size_t i = 0; i < p->nitems; i++) {
        const layout_item *it = &p->items[i];
        if (it->kind != LAYOUT_ITEM_RECT || !it->u.rect.fill)
            continue;
        layout_rect r = it->u.rect;
        bool left = r.x <= eps, top = r.y <= eps, right = r.x + r.w >= p->width - eps,
             bottom = r.y + r.h >= p->height - eps;
        if (!(left || top || right || bottom))
            continue;
        if (!copy) {
            copy = arena_alloc(b->plan->arena, p->nitems * sizeof *copy);
            memcpy(copy, p->items, p->nitems * sizeof *copy);
        }
        layout_rect *g = &copy[i].u.rect;
        g->x -= left ? d : 0;
        g->y -= top ? d : 0;
        g->w += (left ? d : 0) + (right ? d : 0);
        g->h += (top ? d : 0) + (bottom ? d : 0);
    }
    return copy;
}

static impose_placement place(builder *b, size_t page, double x, double y)
{
    impose_placement pl = {.page = page, .x = x, .y = y};
    if (page != IMPOSE_BLANK && b->o->marks && b->o->bleed > 0) {
        pl.items = bled_items(b, &b->doc->pages[page]);
        pl.nitems = pl.items ? b->doc->pages[page].nitems : 0;
    }
    return pl;
}

static void set_boxes(builder *b, impose_sheet *s, double width, double height)
{
    double m = b->o->marks ? b->margin : 0;
    s->width = width + 2 * m;
    s->height = height + 2 * m;
    s->boxes = b->o->marks;
    s->trim = (impose_box){m, m, m + width, m + height};
    double d = b->o->bleed;
    s->bleed = (impose_box){m - d, m - d, m + width + d, m + height + d};
}

static void plan_pages(builder *b, diag_list *diags)
{
    const layout_document *doc = b->doc;
    impose_plan *plan = b->plan;
    plan->nsheets = doc->npages;
    plan->sheets = arena_alloc(plan->arena, (plan->nsheets + 1) * sizeof *plan->sheets);
    plan->keeps_labels = true;
    for (size_t i = 0; i < doc->npages; i++) {
        impose_sheet *s = &plan->sheets[i];
        set_boxes(b, s, doc->pages[i].width, doc->pages[i].height);
        s->place[s->nplace++] = place(b, i, s->trim.x0, s->trim.y0);
        if (b->o->marks) {
            impose_placement *pl = &s->place[0];
            pl->clip = true; /* what a page draws beyond the bleed is never printed */
            pl->clip_x0 = s->bleed.x0;
            pl->clip_y0 = s->bleed.y0;
            pl->clip_x1 = s->bleed.x1;
            pl->clip_y1 = s->bleed.y1;
            crop_marks(b, &s->trim);
            slug(b, &s->trim, arena_printf(plan->arena, "第%zu页", i + 1), diags);
        }
        take_marks(b, s);
    }
}

static bool plan_booklet(builder *b, diag_list *diags)
{
    const layout_document *doc = b->doc;
    impose_plan *plan = b->plan;
    double w = doc->pages[0].width, h = doc->pages[0].height;
    for (size_t i = 1; i < doc->npages; i++) {
        if (doc->pages[i].width != w || doc->pages[i].height != h) {
            diag_add(diags, DIAG_ERROR, NULL, 0, 0,
                     "a booklet is folded from pages of one size: page %zu differs from page 1",
                     i + 1);
            return false;
        }
    }
    size_t padded = (doc->npages + 3) / 4 * 4;
    plan->nsheets = padded / 2; /* sides: two a sheet */
    plan->sheets = arena_alloc(plan->arena, plan->nsheets * sizeof *plan->sheets);
    for (size_t side = 0; side < plan->nsheets; side++) {
        size_t sheet = side / 2;
        bool front = side % 2 == 0;
        /* pages from 0: front M-1-2i | 2i, back 2i+1 | M-2-2i */
        size_t left = front ? padded - 1 - 2 * sheet : 2 * sheet + 1;
        size_t right = front ? 2 * sheet : padded - 2 - 2 * sheet;
        impose_sheet *s = &plan->sheets[side];
        set_boxes(b, s, 2 * w, h);
        double fold = (s->trim.x0 + s->trim.x1) / 2, creep = b->o->creep * (double)sheet;
        s->place[0] =
            place(b, left < doc->npages ? left : IMPOSE_BLANK, s->trim.x0 + creep, s->trim.y0);
        s->place[1] =
            place(b, right < doc->npages ? right : IMPOSE_BLANK, fold - creep, s->trim.y0);
        s->nplace = 2;
        /* each page stops at the fold; beyond its outer edges, the bleed */
        double d = b->o->marks ? b->o->bleed : 0;
        impose_box halves[2] = {{s->trim.x0 - d, s->trim.y0 - d, fold, s->trim.y1 + d},
                                {fold, s->trim.y0 - d, s->trim.x1 + d, s->trim.y1 + d}};
        for (int k = 0; k < 2; k++) {
            impose_placement *pl = &s->place[k];
            pl->clip = true;
            pl->clip_x0 = halves[k].x0;
            pl->clip_y0 = halves[k].y0;
            pl->clip_x1 = halves[k].x1;
            pl->clip_y1 = halves[k].y1;
        }
        if (b->o->marks) {
            crop_marks(b, &s->trim);
            fold_mark(b, &s->trim, fold);
            slug(b, &s->trim,
                 arena_printf(plan->arena, "第%zu张 %s", sheet + 1, front ? "正面" : "背面"),
                 diags);
        }
        take_marks(b, s);
    }
    return true;
}

impose_plan *impose_make(const layout_document *doc, const impose_options *o, diag_list *diags)
{
    impose_plan *plan = xcalloc(1, sizeof *plan);
    plan->arena = arena_new();
    builder b = {.doc = doc, .o = o, .plan = plan};
    b.ink = o->cmyk ? (style_color){true, {1, 1, 1, 1}} : (style_color){false, {0, 0, 0, 0}};
    b.black = o->cmyk ? (style_color){true, {0, 0, 0, 1}} : (style_color){false, {0, 0, 0, 0}};
    b.margin = o->bleed + MARK_ROOM_MM * PT_PER_MM;
    bool ok = true;
    if (doc->npages == 0)
        ok = false;
    else if (o->scheme == IMPOSE_BOOKLET)
        ok = plan_booklet(&b, diags);
    else
        plan_pages(&b, diags);
    free(b.marks.items);
    if (!ok) {
        impose_free(plan);
        return NULL;
    }
    plan->npages = doc->npages;
    plan->sheet_of = arena_alloc(plan->arena, doc->npages * sizeof *plan->sheet_of);
    plan->place_of = arena_alloc(plan->arena, doc->npages * sizeof *plan->place_of);
    for (size_t i = 0; i < doc->npages; i++)
        plan->sheet_of[i] = IMPOSE_BLANK;
    for (size_t s = 0; s < plan->nsheets; s++)
        for (size_t k = 0; k < plan->sheets[s].nplace; k++) {
            size_t page = plan->sheets[s].place[k].page;
            if (page != IMPOSE_BLANK) {
                plan->sheet_of[page] = s;
                plan->place_of[page] = k;
            }
        }
    return plan;
}

void impose_free(impose_plan *p)
{
    if (!p)
        return;
    arena_free(p->arena);
    free(p);
}

bool impose_find(const impose_plan *p, size_t page, size_t *sheet, size_t *placement)
{
    if (page >= p->npages || p->sheet_of[page] == IMPOSE_BLANK)
        return false;
    *sheet = p->sheet_of[page];
    *placement = p->place_of[page];
    return true;
}
