/* pdf_glyphs.c — the glyph registry: which glyphs of which font the
 * document draws (collected from the sheets before any is drawn), in order
 * of first use, and the text each stands for (what the ToUnicode map says).
 * Codes and widths are given when the fonts are embedded. */
#include "pdf_internal.h"

#include <stdlib.h>

pdf_font *pdf_fonts_get(pdf_fonts *fonts, const text_font *f)
{
    for (size_t i = 0; i < fonts->count; i++)
        if (fonts->items[i]->font == f)
            return fonts->items[i];
    pdf_font *pf = xcalloc(1, sizeof *pf);
    pf->font = f;
    pf->index = hb_map_create();
    snprintf(pf->resource_name, sizeof pf->resource_name, "F%zu", fonts->count + 1);
    VEC_PUSH(fonts, pf);
    return pf;
}

void pdf_font_use_glyph(pdf_font *pf, uint32_t gid, const char *text, size_t len)
{
    if (hb_map_has(pf->index, gid)) {
        pdf_glyph_use *g = &pf->glyphs.items[hb_map_get(pf->index, gid)];
        if (g->len == 0 && len > 0) { /* first seen inside a cluster: now its own text */
            g->text = text;
            g->len = len;
        }
        return;
    }
    pdf_glyph_use g = {gid, 0, 0, text, len};
    VEC_PUSH(&pf->glyphs, g);
    hb_map_set(pf->index, gid, (hb_codepoint_t)(pf->glyphs.count - 1));
}

const pdf_glyph_use *pdf_font_glyph(const pdf_font *pf, uint32_t gid)
{
    return &pf->glyphs.items[hb_map_get(pf->index, gid)];
}

const char pdf_digits[] = "0123456789";

static void use_glyphs(pdf_fonts *fonts, const layout_glyphs *g)
{
    pdf_font *pf = pdf_fonts_get(fonts, g->font);
    for (size_t k = 0; k < g->nglyphs; k++) {
        const text_glyph *gl = &g->glyphs[k];
        const char *text = g->text ? g->text + gl->text_start : "";
        pdf_font_use_glyph(pf, gl->gid, text, g->text ? gl->text_len : 0);
    }
}

static bool collect_items(pdf_fonts *fonts, const layout_item *items, size_t n, size_t page,
                          diag_list *errors)
{
    for (size_t i = 0; i < n; i++) {
        const layout_item *it = &items[i];
        if (it->kind == LAYOUT_ITEM_SLOT) { /* every digit: any copy's number */
            pdf_font *pf = pdf_fonts_get(fonts, it->u.slot.font);
            for (int d = 0; d < 10; d++)
                pdf_font_use_glyph(pf, it->u.slot.digit_gid[d], pdf_digits + d, 1);
            continue;
        }
        const layout_glyphs *g = &it->u.glyphs;
        if (it->kind != LAYOUT_ITEM_GLYPHS || g->nglyphs == 0)
            continue;
        if (!g->font || g->size <= 0) {
            diag_add(errors, DIAG_ERROR, NULL, 0, 0, "a run of glyphs on page %zu has no font",
                     page + 1);
            return false;
        }
        use_glyphs(fonts, g);
    }
    return true;
}

bool pdf_fonts_collect(pdf_fonts *fonts, const layout_document *doc, const impose_plan *plan,
                       diag_list *errors)
{
    for (size_t s = 0; s < plan->nsheets; s++) {
        const impose_sheet *sh = &plan->sheets[s];
        for (size_t k = 0; k < sh->nplace; k++) {
            const impose_placement *pl = &sh->place[k];
            if (pl->page == IMPOSE_BLANK)
                continue;
            size_t n;
            const layout_item *items = pdf_placement_items(doc, pl, &n);
            if (!collect_items(fonts, items, n, pl->page, errors))
                return false;
        }
        if (!collect_items(fonts, sh->marks, sh->nmarks, s, errors))
            return false;
    }
    return true;
}

void pdf_fonts_free(pdf_fonts *fonts)
{
    for (size_t i = 0; i < fonts->count; i++) {
        hb_map_destroy(fonts->items[i]->index);
        free(fonts->items[i]->glyphs.items);
        free(fonts->items[i]);
    }
    free(fonts->items);
    *fonts = (pdf_fonts){0};
}
