/* pdf.c — draw a layout document's frames with libharu and write the file.
 *
 * Graphics (rules, rectangles, dots, colours) go through libharu's page
 * calls; text is written as raw operators into the page's content stream
 * (BT … ET, between libharu's calls, so its graphics-mode bookkeeping stays
 * valid), because the glyphs are our own CID codes in fonts we embed
 * ourselves (pdf_fontobj.c). pdf_file.c puts the saved bytes in their place. */
#include "pdf_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct writer {
    const layout_document *doc;
    const pdf_options *options;
    HPDF_Doc pdf;
    HPDF_STATUS error, detail; /* libharu's first error, from on_error */
    pdf_fonts fonts;
    HPDF_Page *pages;
    /* What went wrong, in the order found. Nothing more is tried after a
     * failure, except that the fonts are always finished (their worker is
     * joined): a font's error, found last, is the one pdf_write reports. */
    diag_list errors;
    pdf_tags *tags;         /* marked content and the structure tree; NULL: untagged */
    size_t xmp_instance_at; /* where the XMP instance id goes in the packet */
    uint8_t *file;          /* the saved file, in one piece, sealed */
    size_t file_len;
} writer;

/* libharu reports errors through this handler and then returns an error
 * status: we record the first one (no longjmp) and turn it into a
 * diagnostic at the end. */
static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    writer *w = user_data;
    if (w->error == HPDF_OK) {
        w->error = error_no;
        w->detail = detail_no;
    }
}

/* Whether anything has failed; libharu's first error becomes a diagnostic
 * here unless something else failed before it was seen. */
static bool failed(writer *w)
{
    if (w->error != HPDF_OK && w->errors.errors == 0)
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0,
                 w->error == HPDF_FAILD_TO_ALLOC_MEM ? "out of memory (libharu error 0x%04X/%u)"
                                                     : "libharu error 0x%04X (detail %u)",
                 (unsigned)w->error, (unsigned)w->detail);
    return w->errors.errors > 0;
}

/* ---- numbers and colours ---- */

/* A number as PDF content wants it: at most 3 decimals, no trailing zeros.
 * Formatted by hand: content streams hold thousands of numbers, and
 * snprintf was a tenth of the writer's time. */
static void write_number(HPDF_Stream s, double v)
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

static void set_fill(HPDF_Page page, style_color c)
{
    if (c.cmyk)
        HPDF_Page_SetCMYKFill(page, (HPDF_REAL)c.v[0], (HPDF_REAL)c.v[1], (HPDF_REAL)c.v[2],
                              (HPDF_REAL)c.v[3]);
    else
        HPDF_Page_SetRGBFill(page, (HPDF_REAL)c.v[0], (HPDF_REAL)c.v[1], (HPDF_REAL)c.v[2]);
}

static void set_stroke(HPDF_Page page, style_color c)
{
    if (c.cmyk)
        HPDF_Page_SetCMYKStroke(page, (HPDF_REAL)c.v[0], (HPDF_REAL)c.v[1], (HPDF_REAL)c.v[2],
                                (HPDF_REAL)c.v[3]);
    else
        HPDF_Page_SetRGBStroke(page, (HPDF_REAL)c.v[0], (HPDF_REAL)c.v[1], (HPDF_REAL)c.v[2]);
}

/* ---- text ---- */

/* The font in the page's /Resources /Font, added on first use. */
static void use_font_on_page(HPDF_Doc pdf, HPDF_Page page, const pdf_font *pf)
{
    HPDF_PageAttr attr = page->attr;
    if (!attr->fonts) {
        HPDF_Dict resources = HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT);
        if (!resources)
            return;
        attr->fonts = HPDF_Dict_New(pdf->mmgr);
        HPDF_Dict_Add(resources, "Font", attr->fonts);
    }
    if (!HPDF_Dict_GetItem(attr->fonts, pf->resource_name, HPDF_OCLASS_DICT))
        HPDF_Dict_Add(attr->fonts, pf->resource_name, pf->type0);
}

/* The glyphs of one run: a text matrix where a run starts or changes
 * baseline, then TJ with an adjustment wherever the set position differs
 * from where the font's own advance (/W) would put the glyph. */
typedef struct text_writer {
    HPDF_Stream s;
    double size;
    bool in_array, in_string;
    double pen_x, line_y; /* where the next glyph goes without adjustment */
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
        write_number(t->s, x);
        HPDF_Stream_WriteChar(t->s, ' ');
        write_number(t->s, y);
        HPDF_Stream_WriteStr(t->s, " Tm\n[");
        t->in_array = true;
        t->line_y = y;
    } else {
        double adjust = (t->pen_x - x) * 1000.0 / t->size; /* positive moves left */
        if (fabs(adjust) >= 0.0005) {
            close_string(t);
            write_number(t->s, adjust);
        }
    }
    if (!t->in_string)
        HPDF_Stream_WriteChar(t->s, '<');
    t->in_string = true;
    static const char HEX[] = "0123456789ABCDEF";
    unsigned code = (unsigned)g->code & 0xffff;
    char hex[5] = {HEX[code >> 12], HEX[(code >> 8) & 15], HEX[(code >> 4) & 15], HEX[code & 15]};
    HPDF_Stream_WriteStr(t->s, hex);
    t->pen_x = x + g->width * t->size / 1000.0;
}

static void begin_text(HPDF_Stream s, const pdf_font *pf, double size)
{
    HPDF_Stream_WriteStr(s, "BT\n/");
    HPDF_Stream_WriteStr(s, pf->resource_name);
    HPDF_Stream_WriteChar(s, ' ');
    write_number(s, size);
    HPDF_Stream_WriteStr(s, " Tf\n");
}

/* A glyph standing for other text than its ToUnicode entry says (・ and ·
 * can share one) carries its own text, as a span of its own, outside the
 * text object (a marked-content sequence may not cross BT … ET). */
static void put_own_glyph(writer *w, text_writer *t, size_t index, const layout_item *it,
                          const pdf_font *pf, double x, double y, const pdf_glyph_use *use,
                          const char *text, size_t len)
{
    close_array(t);
    HPDF_Stream_WriteStr(t->s, "ET\n");
    pdf_tags_begin_span(w->tags, t->s, index, it->node, text, len);
    begin_text(t->s, pf, t->size);
    put_glyph(t, x, y, use);
    close_array(t);
    HPDF_Stream_WriteStr(t->s, "ET\n");
    pdf_tags_end_span(w->tags, t->s, it->node);
    pdf_tags_item(w->tags, t->s, index, it); /* the run goes on in its node */
    begin_text(t->s, pf, t->size);
}

static void draw_glyphs(writer *w, HPDF_Page page, size_t index, const layout_item *it)
{
    const layout_glyphs *g = &it->u.glyphs;
    if (g->nglyphs == 0)
        return;
    pdf_font *pf = pdf_fonts_get(&w->fonts, g->font);
    use_font_on_page(w->pdf, page, pf);
    set_fill(page, g->color);
    HPDF_Stream s = ((HPDF_PageAttr)page->attr)->stream;
    double page_h = HPDF_Page_GetHeight(page);
    if (g->actual_text)
        pdf_tags_begin_span(w->tags, s, index, it->node, g->actual_text, g->actual_len);
    begin_text(s, pf, g->size);
    text_writer t = {.s = s, .size = g->size};
    for (size_t i = 0; i < g->nglyphs; i++) {
        const text_glyph *gl = &g->glyphs[i];
        const pdf_glyph_use *use = pdf_font_glyph(pf, gl->gid);
        const char *text = g->text ? g->text + gl->text_start : "";
        bool own = !g->actual_text && g->text && gl->text_len > 0 &&
                   (gl->text_len != use->len || memcmp(text, use->text, use->len) != 0);
        double x = g->x + gl->x, y = page_h - (g->y + gl->y);
        if (own)
            put_own_glyph(w, &t, index, it, pf, x, y, use, text, gl->text_len);
        else
            put_glyph(&t, x, y, use);
    }
    close_array(&t);
    HPDF_Stream_WriteStr(s, "ET\n");
    if (g->actual_text)
        pdf_tags_end_span(w->tags, s, it->node);
}

/* ---- graphics and links ---- */

static void draw_rect(HPDF_Page page, const layout_rect *r)
{
    if (!r->fill && !r->stroke)
        return;
    double page_h = HPDF_Page_GetHeight(page);
    if (r->fill)
        set_fill(page, r->fill_color);
    if (r->stroke) {
        set_stroke(page, r->stroke_color);
        HPDF_Page_SetLineWidth(page, (HPDF_REAL)r->line_width);
    }
    HPDF_Page_Rectangle(page, (HPDF_REAL)r->x, (HPDF_REAL)(page_h - r->y - r->h), (HPDF_REAL)r->w,
                        (HPDF_REAL)r->h);
    if (r->fill && r->stroke)
        HPDF_Page_FillStroke(page);
    else if (r->fill)
        HPDF_Page_Fill(page);
    else
        HPDF_Page_Stroke(page);
}

static void draw_line(HPDF_Page page, const layout_line *l)
{
    double page_h = HPDF_Page_GetHeight(page);
    set_stroke(page, l->color);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)l->width);
    HPDF_Page_MoveTo(page, (HPDF_REAL)l->x1, (HPDF_REAL)(page_h - l->y1));
    HPDF_Page_LineTo(page, (HPDF_REAL)l->x2, (HPDF_REAL)(page_h - l->y2));
    HPDF_Page_Stroke(page);
}

static void draw_dot(HPDF_Page page, const layout_dot *d)
{
    set_fill(page, d->color);
    HPDF_Page_Circle(page, (HPDF_REAL)d->x, (HPDF_REAL)(HPDF_Page_GetHeight(page) - d->y),
                     (HPDF_REAL)d->r);
    HPDF_Page_Fill(page);
}

static HPDF_Dict draw_link(writer *w, HPDF_Page page, const layout_link *l)
{
    if (l->target_page >= w->doc->npages) {
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0, "a link leads to page %zu of %zu",
                 l->target_page + 1, w->doc->npages);
        return NULL;
    }
    HPDF_Page target = w->pages[l->target_page];
    double page_h = HPDF_Page_GetHeight(page);
    HPDF_Rect rect = {(HPDF_REAL)l->x, (HPDF_REAL)(page_h - l->y - l->h), (HPDF_REAL)(l->x + l->w),
                      (HPDF_REAL)(page_h - l->y)};
    HPDF_Array dst = pdf_dest_xyz(w->pdf, target, HPDF_Page_GetHeight(target) - l->target_y);
    /* The annotation is built here rather than by libharu, whose link
     * annotations take an indirect destination and no flags: PDF/A wants
     * the print flag (4) and a direct /Dest. */
    HPDF_Dict annot = HPDF_Dict_New(w->pdf->mmgr);
    if (!annot || !dst || HPDF_Xref_Add(w->pdf->xref, annot) != HPDF_OK)
        return NULL;
    HPDF_Dict_AddName(annot, "Type", "Annot");
    HPDF_Dict_AddName(annot, "Subtype", "Link");
    HPDF_Array box = HPDF_Array_New(w->pdf->mmgr);
    HPDF_Array_AddReal(box, rect.left);
    HPDF_Array_AddReal(box, rect.bottom);
    HPDF_Array_AddReal(box, rect.right);
    HPDF_Array_AddReal(box, rect.top);
    HPDF_Dict_Add(annot, "Rect", box);
    HPDF_Array border = HPDF_Array_New(w->pdf->mmgr);
    for (int i = 0; i < 3; i++)
        HPDF_Array_AddNumber(border, 0);
    HPDF_Dict_Add(annot, "Border", border);
    HPDF_Dict_AddNumber(annot, "F", 4);
    HPDF_Dict_Add(annot, "Dest", dst);
    HPDF_Array annots = HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY);
    if (!annots) {
        annots = HPDF_Array_New(w->pdf->mmgr);
        HPDF_Dict_Add(page, "Annots", annots);
    }
    HPDF_Array_Add(annots, annot);
    return annot;
}

static void draw_page(writer *w, size_t index)
{
    const layout_page *lp = &w->doc->pages[index];
    HPDF_Page page = w->pages[index];
    HPDF_Stream s = ((HPDF_PageAttr)page->attr)->stream;
    pdf_tags_begin_page(w->tags);
    for (size_t i = 0; i < lp->nitems && !failed(w); i++) {
        const layout_item *it = &lp->items[i];
        pdf_tags_item(w->tags, s, index, it);
        switch (it->kind) {
        case LAYOUT_ITEM_GLYPHS:
            draw_glyphs(w, page, index, it);
            break;
        case LAYOUT_ITEM_RECT:
            draw_rect(page, &it->u.rect);
            break;
        case LAYOUT_ITEM_LINE:
            draw_line(page, &it->u.line);
            break;
        case LAYOUT_ITEM_DOT:
            draw_dot(page, &it->u.dot);
            break;
        case LAYOUT_ITEM_LINK:
            pdf_tags_link(w->tags, index, draw_link(w, page, &it->u.link), it->node);
            break;
        }
    }
    pdf_tags_end_page(w->tags, s);
}

/* ---- the document ---- */

/* Every glyph of every run, with the text it stands for, so that each font
 * can be subset once before any page is drawn. */
static bool collect_glyphs(writer *w)
{
    for (size_t p = 0; p < w->doc->npages; p++) {
        const layout_page *lp = &w->doc->pages[p];
        for (size_t i = 0; i < lp->nitems; i++) {
            const layout_glyphs *g = &lp->items[i].u.glyphs;
            if (lp->items[i].kind != LAYOUT_ITEM_GLYPHS || g->nglyphs == 0)
                continue;
            if (!g->font || g->size <= 0) {
                diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0,
                         "a run of glyphs on page %zu has no font", p + 1);
                return false;
            }
            pdf_font *pf = pdf_fonts_get(&w->fonts, g->font);
            for (size_t k = 0; k < g->nglyphs; k++) {
                const text_glyph *gl = &g->glyphs[k];
                const char *text = g->text ? g->text + gl->text_start : "";
                pdf_font_use_glyph(pf, gl->gid, text, g->text ? gl->text_len : 0);
            }
        }
    }
    return true;
}

static bool add_pages(writer *w)
{
    w->pages = xcalloc(w->doc->npages, sizeof *w->pages);
    for (size_t i = 0; i < w->doc->npages; i++) {
        w->pages[i] = HPDF_AddPage(w->pdf);
        if (!w->pages[i])
            return false;
        HPDF_Page_SetWidth(w->pages[i], (HPDF_REAL)w->doc->pages[i].width);
        HPDF_Page_SetHeight(w->pages[i], (HPDF_REAL)w->doc->pages[i].height);
    }
    return !failed(w);
}

/* ---- PDF/A ---- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "family\tfile\tsha256" for each embedded font, in the order of use. */
static char **font_records(writer *w)
{
    char **records = xcalloc(w->fonts.count + 1, sizeof *records);
    for (size_t i = 0; i < w->fonts.count; i++) {
        const text_font_info *info = text_font_get_info(w->fonts.items[i]->font);
        uint8_t digest[32];
        char hex[65];
        if (!base_file_sha256(info->path, digest)) {
            diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0,
                     "cannot read the font file '%s' to record its SHA-256", info->path);
            strcpy(hex, "unknown");
        } else {
            base_hex(digest, 32, hex);
        }
        records[i] = xmalloc(strlen(info->family) + strlen(info->path) + 70);
        sprintf(records[i], "%s\t%s\t%s", info->family, base_name(info->path), hex);
    }
    return records;
}

/* "name\tsize\tsha256" for each attachment. */
static char **source_records(const pdf_options *o)
{
    char **records = xcalloc(o->nattachments + 1, sizeof *records);
    for (size_t i = 0; i < o->nattachments; i++) {
        const pdf_attachment *a = &o->attachments[i];
        uint8_t digest[32];
        char hex[65];
        base_sha256(a->data, a->len, digest);
        base_hex(digest, 32, hex);
        records[i] = xmalloc(strlen(a->name) + 100);
        sprintf(records[i], "%s\t%zu\t%s", a->name, a->len, hex);
    }
    return records;
}

static void free_records(char **records, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(records[i]);
    free(records);
}

/* The metadata, the output intent, the attached files and the identifiers
 * PDF/A asks for. */
static bool archive(writer *w)
{
    const layout_info *info = &w->doc->info;
    uint8_t document_id[16];
    char document_uuid[37];
    pdf_archive_document_id(info, document_id);
    base_uuid_format(document_id, document_uuid);
    const pdf_options *o = w->options;
    char **fonts = font_records(w), **sources = source_records(o);
    pdf_xmp x = {
        .info = info,
        .producer = PDF_PRODUCER,
        .part = o->nattachments ? 3 : 1, /* associated files are PDF/A-3's */
        .document_id = document_uuid,
        .layout = w->options->layout,
        .lang = w->options->lang ? w->options->lang
                : w->doc->lang   ? w->doc->lang
                                 : "zh-CN",
        .fonts = (const char *const *)fonts,
        .nfonts = w->fonts.count,
        .sources = (const char *const *)sources,
        .nsources = o->nattachments,
    };
    size_t len;
    char *xmp = pdf_xmp_packet(&x, &len, &w->xmp_instance_at);
    pdf_archive_metadata(w->pdf, xmp, len);
    free(xmp);
    free_records(fonts, w->fonts.count);
    free_records(sources, o->nattachments);
    pdf_archive_output_intent(w->pdf, o->cmyk ? &pdf_icc_cmyk : &pdf_icc_srgb);
    char date[64];
    pdf_date(info->date, info->tz_minutes, date, sizeof date);
    pdf_attach_files(w->pdf, o->attachments, o->nattachments, date);
    pdf_archive_trailer_id(w->pdf, document_id);
    return !failed(w);
}

/* The saved file in one piece, its identifiers filled in from its hash. */
static bool seal(writer *w)
{
    HPDF_Stream s = w->pdf->stream;
    w->file = xmalloc(s->size + 1);
    for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(s); i++) {
        HPDF_UINT n = 0;
        HPDF_BYTE *buf = HPDF_MemStream_GetBufPtr(s, i, &n);
        if (!buf || w->file_len + n > s->size)
            break;
        memcpy(w->file + w->file_len, buf, n);
        w->file_len += n;
    }
    if (w->file_len != s->size || !pdf_archive_seal(w->file, w->file_len, w->xmp_instance_at)) {
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0, "the saved file could not be sealed");
        return false;
    }
    return true;
}

static bool build(writer *w)
{
    if (w->doc->npages == 0) {
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0, "the document has no pages");
        return false;
    }
    w->pdf = HPDF_New(on_error, w);
    if (!w->pdf) {
        diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0, "out of memory");
        return false;
    }
    HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
    w->pdf->pdf_version = HPDF_VER_15; /* /ActualText; libharu has no setter */
    if (!collect_glyphs(w))
        return false;
    /* the pages are drawn while the fonts are subset */
    w->tags = pdf_tags_new(w->doc);
    pdf_embedding *fonts = pdf_fonts_start(&w->fonts, w->pdf);
    if (add_pages(w))
        for (size_t i = 0; i < w->doc->npages && !failed(w); i++) {
            draw_page(w, i);
            pdf_stream_pack_page(w->pages[i]);
        }
    if (pdf_fonts_finish(fonts, w->pdf, &w->errors) != 0 || failed(w))
        return false;
    if (pdf_tags_finish(w->tags, w->pdf, w->pages, &w->errors) != 0)
        return false;
    if (pdf_meta_info(w->pdf, &w->doc->info) != 0 ||
        pdf_meta_outline(w->pdf, w->pages, w->doc) != 0 || pdf_meta_labels(w->pdf, w->doc) != 0) {
        if (!failed(w))
            diag_add(&w->errors, DIAG_ERROR, NULL, 0, 0,
                     "the outline or page labels name a missing page");
        return false;
    }
    if (!archive(w))
        return false;
    return HPDF_SaveToStream(w->pdf) == HPDF_OK && !failed(w) && seal(w);
}

/* ---- writing ---- */

/* Build the document and write it to path, or into fd when path is NULL
 * (name says what fd is, for the message). */
static int write_document(const layout_document *doc, const pdf_options *options, const char *path,
                          int fd, const char *name, size_t *bytes, diag_list *diags)
{
    static const pdf_options defaults = {0};
    writer w = {.doc = doc, .options = options ? options : &defaults};
    size_t written = 0;
    bool ok = build(&w);
    pdf_bytes saved = {w.file, w.file_len};
    ok = ok && (path ? pdf_file_write(&saved, path, &written, &w.errors)
                     : pdf_file_write_fd(&saved, fd, &written, &w.errors));
    if (!ok) {
        failed(&w);
        /* one error, with no position: the last one found (see writer) */
        const char *reason = w.errors.count ? w.errors.items[w.errors.count - 1].message : "";
        if (path)
            diag_add(diags, DIAG_ERROR, NULL, 0, 0, "cannot write '%s': %s", path, reason);
        else
            diag_add(diags, DIAG_ERROR, NULL, 0, 0, "cannot write to %s: %s", name, reason);
    }
    if (bytes)
        *bytes = ok ? written : 0;
    diag_list_free(&w.errors);
    if (w.pdf)
        HPDF_Free(w.pdf);
    pdf_fonts_free(&w.fonts);
    pdf_tags_free(w.tags);
    free(w.pages);
    free(w.file);
    return ok ? 0 : -1;
}

int pdf_write(const layout_document *doc, const pdf_options *options, const char *path,
              size_t *bytes, diag_list *diags)
{
    return write_document(doc, options, path, -1, NULL, bytes, diags);
}

int pdf_write_fd(const layout_document *doc, const pdf_options *options, int fd, const char *name,
                 size_t *bytes, diag_list *diags)
{
    return write_document(doc, options, NULL, fd, name, bytes, diags);
}
