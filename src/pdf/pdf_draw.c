/* pdf_draw.c — frame items as content-stream operators, on a canvas: the
 * stream of an output page, with the fonts its resources name.
 *
 * Everything is written here, text and graphics alike (libharu's page
 * calls would tie the drawing to a libharu page; a sheet draws several
 * layout pages under their own transforms, and numbered copies share one
 * stream between many pages). A colour or a line width is written only when
 * it changes; after `Q` the canvas forgets what it knew. Glyphs are our own
 * CID codes in fonts we embed (pdf_fontobj.c). */
#include "pdf_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A number as PDF content wants it: at most 3 decimals, no trailing zeros.
 * Formatted by hand: content streams hold thousands of numbers, and
 * snprintf was a tenth of the writer's time. */
void pdf_write_number(HPDF_Stream s, double v)
{
    long long m = llround(v * 1000.0);
    char buf[32], *p = buf + sizeof buf;
    *--p = '\0';
    bool negative = m < 0;
    unsigned long long u = negative ? 0ULL - (unsigned long long)m : (unsigned long long)m;
    unsigned frac = (unsigned)(u % 1000);
    u /= 1000;
    if (frac) {
        int digits = 3;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        for (int i = 0; i < digits; i++, frac /= 10)
            *--p = (char)('0' + frac % 10);
        *--p = '.';
    }
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (negative && (frac || strcmp(p, "0") != 0))
        *--p = '-';
    HPDF_Stream_WriteStr(s, p);
}

static void numbers(HPDF_Stream s, const double *v, size_t n, const char *op)
{
    for (size_t i = 0; i < n; i++) {
        pdf_write_number(s, v[i]);
        HPDF_Stream_WriteChar(s, ' ');
    }
    HPDF_Stream_WriteStr(s, op);
    HPDF_Stream_WriteChar(s, '\n');
}

/* ---- state ---- */

void pdf_canvas_forget(pdf_canvas *c)
{
    c->fill_known = c->stroke_known = c->width_known = false;
}

static bool same_color(style_color a, style_color b)
{
    return a.cmyk == b.cmyk && memcmp(a.v, b.v, sizeof a.v) == 0;
}

static void set_color(pdf_canvas *c, style_color col, bool stroke)
{
    bool *known = stroke ? &c->stroke_known : &c->fill_known;
    style_color *now = stroke ? &c->stroke : &c->fill;
    if (*known && same_color(*now, col))
        return;
    *known = true;
    *now = col;
    double v[4] = {col.v[0], col.v[1], col.v[2], col.v[3]};
    numbers(c->s, v, col.cmyk ? 4 : 3, col.cmyk ? (stroke ? "K" : "k") : (stroke ? "RG" : "rg"));
}

static void set_width(pdf_canvas *c, double width)
{
    if (c->width_known && c->width == width)
        return;
    c->width_known = true;
    c->width = width;
    numbers(c->s, &width, 1, "w");
}

/* ---- text ---- */

/* The font in the canvas's /Font resources, added on first use. */
static void use_font(pdf_canvas *c, const pdf_font *pf)
{
    if (!HPDF_Dict_GetItem(c->fonts, pf->resource_name, HPDF_OCLASS_DICT))
        HPDF_Dict_Add(c->fonts, pf->resource_name, pf->type0);
}

/* The glyphs of one run: a text matrix where a run starts or changes
 * baseline, then TJ with an adjustment wherever the set position differs
 * from where the font's own advance (/W) would put the glyph.
 *
 * An adjustment is written to a hundredth of TJ's unit (a hundred-thousandth
 * of an em, 0.00012 pt in 12 pt text), and the writer follows the reader's
 * pen exactly, rounding included, so that no rounding adds up along a line
 * and positions that differ by less than that (a float's last bit) need no
 * number at all. */
typedef struct text_writer {
    HPDF_Stream s;
    double size;
    bool in_array, in_string;
    double pen_x, line_y; /* where a reader's pen is: the next glyph goes there unadjusted */
} text_writer;

static void close_string(text_writer *t)
{
    if (t->in_string)
        HPDF_Stream_WriteChar(t->s, '>');
    t->in_string = false;
}

static void close_array(text_writer *t)
{
    close_string(t);
    if (t->in_array)
        HPDF_Stream_WriteStr(t->s, "] TJ\n");
    t->in_array = false;
}

static void put_glyph(text_writer *t, double x, double y, const pdf_glyph_use *g)
{
    if (!t->in_array || fabs(y - t->line_y) > 1e-6) {
        close_array(t);
        HPDF_Stream_WriteStr(t->s, "1 0 0 1 ");
        pdf_write_number(t->s, x);
        HPDF_Stream_WriteChar(t->s, ' ');
        pdf_write_number(t->s, y);
        HPDF_Stream_WriteStr(t->s, " Tm\n[");
        t->in_array = true;
        t->line_y = y;
        t->pen_x = x;
    } else {
        /* positive moves left */
        double adjust = (double)llround((t->pen_x - x) * 10000.0 / t->size) / 10.0;
        if (adjust != 0) {
            close_string(t);
            pdf_write_number(t->s, adjust);
            t->pen_x -= adjust * t->size / 1000.0;
        }
    }
    if (!t->in_string)
        HPDF_Stream_WriteChar(t->s, '<');
    t->in_string = true;
    static const char HEX[] = "0123456789ABCDEF";
    unsigned code = (unsigned)g->code & 0xffff;
    char hex[5] = {HEX[code >> 12], HEX[(code >> 8) & 15], HEX[(code >> 4) & 15], HEX[code & 15]};
    HPDF_Stream_WriteStr(t->s, hex);
    t->pen_x += g->width * t->size / 1000.0;
}

static void begin_text(HPDF_Stream s, const pdf_font *pf, double size)
{
    HPDF_Stream_WriteStr(s, "BT\n/");
    HPDF_Stream_WriteStr(s, pf->resource_name);
    HPDF_Stream_WriteChar(s, ' ');
    pdf_write_number(s, size);
    HPDF_Stream_WriteStr(s, " Tf\n");
}

/* A glyph standing for other text than its ToUnicode entry says (・ and ·
 * can share one) carries its own text, as a span of its own, outside the
 * text object (a marked-content sequence may not cross BT … ET). */
static void put_own_glyph(pdf_canvas *c, text_writer *t, const layout_item *it, const pdf_font *pf,
                          double x, double y, const pdf_glyph_use *use, const char *text,
                          size_t len)
{
    close_array(t);
    HPDF_Stream_WriteStr(t->s, "ET\n");
    pdf_tags_begin_span(c->tags, t->s, c->page, it->node, text, len);
    begin_text(t->s, pf, t->size);
    put_glyph(t, x, y, use);
    close_array(t);
    HPDF_Stream_WriteStr(t->s, "ET\n");
    pdf_tags_end_span(c->tags, t->s, it->node);
    pdf_tags_item(c->tags, t->s, c->page, it); /* the run goes on in its node */
    begin_text(t->s, pf, t->size);
}

static void draw_glyphs(pdf_canvas *c, const layout_item *it, const layout_glyphs *g)
{
    if (g->nglyphs == 0)
        return;
    pdf_font *pf = pdf_fonts_get(c->registry, g->font);
    use_font(c, pf);
    set_color(c, g->color, false);
    HPDF_Stream s = c->s;
    if (g->actual_text)
        pdf_tags_begin_span(c->tags, s, c->page, it->node, g->actual_text, g->actual_len);
    begin_text(s, pf, g->size);
    text_writer t = {.s = s, .size = g->size};
    for (size_t i = 0; i < g->nglyphs; i++) {
        const text_glyph *gl = &g->glyphs[i];
        const pdf_glyph_use *use = pdf_font_glyph(pf, gl->gid);
        const char *text = g->text ? g->text + gl->text_start : "";
        bool own = !g->actual_text && g->text && gl->text_len > 0 &&
                   (gl->text_len != use->len || memcmp(text, use->text, use->len) != 0);
        double x = g->x + gl->x, y = c->height - (g->y + gl->y);
        if (own)
            put_own_glyph(c, &t, it, pf, x, y, use, text, gl->text_len);
        else
            put_glyph(&t, x, y, use);
    }
    close_array(&t);
    HPDF_Stream_WriteStr(s, "ET\n");
    if (g->actual_text)
        pdf_tags_end_span(c->tags, s, it->node);
}

/* ---- graphics ---- */

static void draw_rect(pdf_canvas *c, const layout_rect *r)
{
    if (!r->fill && !r->stroke)
        return;
    if (r->fill)
        set_color(c, r->fill_color, false);
    if (r->stroke) {
        set_color(c, r->stroke_color, true);
        set_width(c, r->line_width);
    }
    double box[4] = {r->x, c->height - r->y - r->h, r->w, r->h};
    numbers(c->s, box, 4, "re");
    HPDF_Stream_WriteStr(c->s, r->fill && r->stroke ? "B\n" : r->fill ? "f\n" : "S\n");
}

static void draw_line(pdf_canvas *c, const layout_line *l)
{
    set_color(c, l->color, true);
    set_width(c, l->width);
    if (l->dot_pitch > 0) { /* round caps on zero-length dashes: dots; q … Q keeps them here */
        double dash[1] = {l->dot_pitch};
        HPDF_Stream_WriteStr(c->s, "q 1 J [0 ");
        numbers(c->s, dash, 1, "] 0 d");
    }
    double from[2] = {l->x1, c->height - l->y1}, to[2] = {l->x2, c->height - l->y2};
    numbers(c->s, from, 2, "m");
    numbers(c->s, to, 2, "l");
    HPDF_Stream_WriteStr(c->s, l->dot_pitch > 0 ? "S Q\n" : "S\n");
}

/* A filled circle as four Bézier quarters (k: the control distance that
 * gives a circle within 0.03 %). */
static void draw_dot(pdf_canvas *c, const layout_dot *d)
{
    const double k = 0.5522847498 * d->r;
    double x = d->x, y = c->height - d->y, r = d->r;
    set_color(c, d->color, false);
    double start[2] = {x - r, y};
    numbers(c->s, start, 2, "m");
    double q[4][6] = {{x - r, y + k, x - k, y + r, x, y + r},
                      {x + k, y + r, x + r, y + k, x + r, y},
                      {x + r, y - k, x + k, y - r, x, y - r},
                      {x - k, y - r, x - r, y - k, x - r, y}};
    for (int i = 0; i < 4; i++)
        numbers(c->s, q[i], 6, "c");
    HPDF_Stream_WriteStr(c->s, "f\n");
}

void pdf_draw_item(pdf_canvas *c, const layout_item *it)
{
    if (it->kind == LAYOUT_ITEM_LINK || it->kind == LAYOUT_ITEM_SLOT)
        return; /* links are annotations; slots are drawn for each copy */
    pdf_tags_item(c->tags, c->s, c->page, it);
    switch (it->kind) {
    case LAYOUT_ITEM_GLYPHS:
        draw_glyphs(c, it, &it->u.glyphs);
        break;
    case LAYOUT_ITEM_RECT:
        draw_rect(c, &it->u.rect);
        break;
    case LAYOUT_ITEM_LINE:
        draw_line(c, &it->u.line);
        break;
    case LAYOUT_ITEM_DOT:
        draw_dot(c, &it->u.dot);
        break;
    default:
        break;
    }
}

/* ---- slots ---- */

void pdf_draw_slot(pdf_canvas *c, const layout_slot *slot, int copy)
{
    char number[16];
    snprintf(number, sizeof number, "%0*d", slot->digits, copy);
    size_t n = strlen(number);
    text_glyph glyphs[16];
    double x = 0;
    for (size_t i = 0; i < n; i++) {
        int d = number[i] - '0';
        /* the text of each glyph is its digit in pdf_digits: ToUnicode has it */
        glyphs[i] = (text_glyph){(float)x, 0, (uint32_t)d, (uint16_t)slot->digit_gid[d], 1};
        x += slot->digit_advance[d];
    }
    double left = slot->align == STYLE_ALIGN_RIGHT    ? slot->x - x
                  : slot->align == STYLE_ALIGN_CENTER ? slot->x - x / 2
                                                      : slot->x;
    layout_item it = {.kind = LAYOUT_ITEM_GLYPHS, .artifact = LAYOUT_ARTIFACT_PAGINATION};
    it.u.glyphs = (layout_glyphs){slot->font, slot->size, slot->color, left, slot->y,
                                  glyphs,     n,          pdf_digits,  NULL, 0};
    HPDF_Stream_WriteStr(c->s, "/Artifact <</Type /Pagination>> BDC\n");
    pdf_tags *tags = c->tags;
    c->tags = NULL; /* the number of a copy is no content of the tree */
    draw_glyphs(c, &it, &it.u.glyphs);
    c->tags = tags;
    HPDF_Stream_WriteStr(c->s, "EMC\n");
}
