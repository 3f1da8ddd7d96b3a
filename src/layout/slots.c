/* slots.c — places for the number of a copy (份号), which the writer fills
 * in for each copy without laying the document out again. The ten digits
 * are shaped once per style here, so every copy's number is set from the
 * same glyphs and the subset always holds all ten. */
#include "layout_internal.h"

#include <math.h>
#include <string.h>

/* Copy marks for leak tracing are small: this much of the footer's size. */
#define COPY_MARK_SCALE 0.75

/* A glyph's advance as the text engine set it, held as a glyph once held
 * it (a float), so that copies' numbers sit where they always have. */
static double glyph_advance(const text_font *font, double size, uint32_t gid)
{
    return (float)text_font_advance_at(font, gid, size);
}

/* The digits of style id: one run of ten glyphs, shaped once. False (and an
 * error) when the style's fonts cannot set them so. */
static bool digits_of(layout_ctx *c, style_text_id id, layout_digits *out)
{
    layout_digits *d = &c->digits[id];
    if (!d->font && !d->failed) {
        text_origin none = {c->r->path, 0, 0, false};
        text_line *l = layout_set_line(c, id, "0123456789", &none);
        if (!l || l->nruns != 1 || l->runs[0].nglyphs != 10) {
            d->failed = true;
            diag_add(c->diags, DIAG_ERROR, c->s->name, 0, 0,
                     "numbered copies need the ten digits 0-9 in one font of style '%s'",
                     style_text_names[id]);
        } else {
            uint32_t *gid = arena_alloc(c->a, 10 * sizeof *gid);
            double *advance = arena_alloc(c->a, 10 * sizeof *advance);
            const text_run *run = &l->runs[0];
            for (int k = 0; k < 10; k++) {
                gid[k] = run->glyphs[k].gid;
                advance[k] = glyph_advance(run->font, run->size, gid[k]);
            }
            *d = (layout_digits){run->font, run->size, gid, advance, false};
        }
    }
    *out = *d;
    return d->font != NULL;
}

static void add_slot(layout_ctx *c, page_build *p, style_text_id id, double scale, double x,
                     double baseline, style_align align)
{
    layout_digits d;
    if (!digits_of(c, id, &d))
        return;
    const double *advance = d.advance;
    if (scale != 1) {
        double *scaled = arena_alloc(c->a, 10 * sizeof *scaled);
        for (int k = 0; k < 10; k++)
            scaled[k] = d.advance[k] * scale;
        advance = scaled;
    }
    layout_item it = {.kind = LAYOUT_ITEM_SLOT, .artifact = LAYOUT_ARTIFACT_PAGINATION};
    it.u.slot = (layout_slot){
        LAYOUT_SLOT_COPY_NUMBER, d.font, d.size * scale, c->s->text[id].color, x, baseline, align,
        LAYOUT_COPY_DIGITS,      d.gid,  advance};
    layout_page_add_item(p, it);
}

void layout_page_add_copy_number(layout_ctx *c, page_build *p, style_text_id id, double x,
                                 double baseline, style_align align)
{
    add_slot(c, p, id, 1, x, baseline, align);
}

/* The copy mark: small, at the outer side, between the type area and the
 * paper's edge (below the page number, or above the running head), where
 * it crosses no furniture and survives trimming. */
void layout_page_add_copy_mark(layout_ctx *c, page_build *p, size_t physical)
{
    const style *s = c->s;
    if (s->print.copy_mark == STYLE_COPY_MARK_NONE)
        return;
    const style_text *st = &s->text[STYLE_FOOTER];
    double size = st->size * COPY_MARK_SCALE;
    double baseline;
    if (s->print.copy_mark == STYLE_COPY_MARK_FOOTER) {
        double page_number = s->page_height - s->margin_bottom + s->footer_offset;
        baseline = (page_number + s->page_height) / 2 + size * 0.4;
    } else {
        double head = s->margin_top - s->header_offset - s->text[STYLE_HEADER].size;
        baseline = head / 2 + size * 0.4;
    }
    bool verso = s->mirror_margins && physical % 2 == 1;
    double left = layout_type_left(s, physical), right = left + layout_type_width(s);
    add_slot(c, p, STYLE_FOOTER, COPY_MARK_SCALE, verso ? left : right, baseline,
             verso ? STYLE_ALIGN_LEFT : STYLE_ALIGN_RIGHT);
}

/* The glyphs set from index `from` of p — a line of zeros standing for the
 * number, set where the layout sets meta.copy — become one slot: the number
 * of each copy goes exactly there, aligned as align says. */
void layout_page_make_copy_slot(layout_ctx *c, page_build *p, size_t from, style_text_id id,
                                style_align align)
{
    double left = 0, right = 0, baseline = 0;
    bool any = false;
    size_t kept = from;
    for (size_t i = from; i < p->items.count; i++) {
        const layout_item *it = &p->items.items[i];
        if (it->kind != LAYOUT_ITEM_GLYPHS) {
            p->items.items[kept++] = *it;
            continue;
        }
        const layout_glyphs *g = &it->u.glyphs;
        for (size_t k = 0; k < g->nglyphs; k++) {
            double x0 = g->x + g->glyphs[k].x;
            double x1 = x0 + glyph_advance(g->font, g->size, g->glyphs[k].gid);
            left = any ? fmin(left, x0) : x0;
            right = any ? fmax(right, x1) : x1;
            any = true;
        }
        baseline = g->y;
    }
    p->items.count = kept;
    if (!any)
        return;
    double x = align == STYLE_ALIGN_RIGHT    ? right
               : align == STYLE_ALIGN_CENTER ? (left + right) / 2
                                             : left;
    layout_page_add_copy_number(c, p, id, x, baseline, align);
}
