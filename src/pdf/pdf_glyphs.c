/* pdf_glyphs.c — the glyph registry: which glyphs of which font the
 * document draws, in order of first use, and the text each stands for (what
 * the ToUnicode map says). Codes and widths are given when the fonts are
 * embedded. */
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
