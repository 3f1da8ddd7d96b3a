/* pdf_fontobj.c — embed the glyphs a document uses as Type0/CID fonts.
 *
 * libharu's own TrueType path loses characters and cannot embed CFF (see
 * design.md), so fonts are subset with hb-subset and their objects built
 * with libharu's object layer: a Type0 font (/Identity-H) over a CIDFontType0
 * (CFF: FontFile3 /CIDFontType0C, codes are CIDs read from the subset's
 * charset) or a CIDFontType2 (TrueType: FontFile2, /CIDToGIDMap /Identity,
 * codes are the subset's glyph ids), with /W widths and a ToUnicode CMap that
 * maps each glyph to the text of its cluster. The subsets themselves are
 * made by pdf_subset.c, while the pages are drawn. */
#include "pdf_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Six capitals from a hash of the glyph set and the font name: the same
 * subset always gets the same tag, so rebuilds are byte-identical. */
static void subset_tag(const pdf_font *pf, const char *ps_name, char tag[7])
{
    size_t n = pf->glyphs.count;
    uint32_t *gids = xmalloc((n ? n : 1) * sizeof *gids);
    for (size_t i = 0; i < n; i++)
        gids[i] = pf->glyphs.items[i].gid;
    qsort(gids, n, sizeof *gids, compare_u32); /* the set, not the order of use */
    uint64_t h = 1469598103934665603ull;       /* FNV-1a */
    for (const char *s = ps_name; *s; s++)
        h = (h ^ (uint8_t)*s) * 1099511628211ull;
    for (size_t i = 0; i < n; i++)
        for (int b = 0; b < 4; b++)
            h = (h ^ ((gids[i] >> (8 * b)) & 0xff)) * 1099511628211ull;
    free(gids);
    for (int i = 0; i < 6; i++, h /= 26)
        tag[i] = (char)('A' + h % 26);
    tag[6] = '\0';
}

static int compare_codes(const void *a, const void *b)
{
    const pdf_glyph_use *x = *(const pdf_glyph_use *const *)a;
    const pdf_glyph_use *y = *(const pdf_glyph_use *const *)b;
    return (x->code > y->code) - (x->code < y->code);
}

/* The glyphs ordered by code, for /W and the CMap. */
static const pdf_glyph_use **glyphs_by_code(const pdf_font *pf)
{
    const pdf_glyph_use **v = xmalloc((pf->glyphs.count + 1) * sizeof *v);
    for (size_t i = 0; i < pf->glyphs.count; i++)
        v[i] = &pf->glyphs.items[i];
    qsort(v, pf->glyphs.count, sizeof *v, compare_codes);
    return v;
}

/* The width most glyphs of a CJK font have (1000: an em), given once as
 * /DW and left out of /W. */
#define DEFAULT_WIDTH 1000

/* How many glyphs from g[i] on have consecutive codes and one width. */
static size_t same_width_run(const pdf_glyph_use **g, size_t i, size_t n)
{
    size_t k = i + 1;
    while (k < n && g[k]->code == g[k - 1]->code + 1 && g[k]->width == g[i]->width)
        k++;
    return k - i;
}

/* /W for the glyphs whose width is not /DW: `c1 c2 w` for a run of codes of
 * one width (Latin digits, half-width marks), `c [w w …]` for the rest. */
static HPDF_Array widths_array(HPDF_Doc pdf, const pdf_glyph_use **g, size_t n)
{
    HPDF_Array w = HPDF_Array_New(pdf->mmgr);
    HPDF_Array run = NULL;
    for (size_t i = 0; i < n;) {
        if (g[i]->width == DEFAULT_WIDTH) {
            run = NULL;
            i++;
            continue;
        }
        size_t same = same_width_run(g, i, n);
        if (same >= 3) {
            HPDF_Array_AddNumber(w, (HPDF_INT32)g[i]->code);
            HPDF_Array_AddNumber(w, (HPDF_INT32)g[i + same - 1]->code);
            HPDF_Array_AddNumber(w, g[i]->width);
            run = NULL;
            i += same;
            continue;
        }
        if (!run || g[i]->code != g[i - 1]->code + 1) {
            HPDF_Array_AddNumber(w, (HPDF_INT32)g[i]->code);
            run = HPDF_Array_New(pdf->mmgr);
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddNumber(run, g[i]->width);
        i++;
    }
    return w;
}

static void write_hex16(HPDF_Stream s, uint32_t v)
{
    char buf[8];
    snprintf(buf, sizeof buf, "<%04X>", (unsigned)v & 0xffff);
    HPDF_Stream_WriteStr(s, buf);
}

static void write_unicode_hex(HPDF_Stream s, const char *text, size_t len)
{
    uint8_t utf16[4 * 64 + 2];
    if (len > 64) /* a cluster is a few characters; keep the string well under limits */
        len = utf8_floor(text, 64);
    size_t n = pdf_utf16be(text, len, utf16, false);
    char buf[3];
    HPDF_Stream_WriteChar(s, '<');
    for (size_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "%02X", utf16[i]);
        HPDF_Stream_WriteStr(s, buf);
    }
    HPDF_Stream_WriteChar(s, '>');
}

static const char CMAP_HEAD[] = "/CIDInit /ProcSet findresource begin\n"
                                "12 dict begin\n"
                                "begincmap\n"
                                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 "
                                ">> def\n"
                                "/CMapName /Adobe-Identity-UCS def\n"
                                "/CMapType 2 def\n"
                                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
static const char CMAP_TAIL[] = "endcmap\n"
                                "CMapName currentdict /CMap defineresource pop\n"
                                "end\nend\n";

/* Each code to the text of its cluster, 100 entries per bfchar block (the
 * CMap limit); glyphs that only continue a cluster get no entry. */
static HPDF_Dict tounicode_stream(HPDF_Doc pdf, const pdf_glyph_use **g, size_t n)
{
    HPDF_Dict cmap = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!cmap)
        return NULL;
    cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream s = cmap->stream;
    HPDF_Stream_WriteStr(s, CMAP_HEAD);
    size_t i = 0;
    while (i < n) {
        size_t block = 0, j = i;
        for (; j < n && block < 100; j++)
            block += g[j]->len > 0;
        if (block == 0)
            break;
        char head[32];
        snprintf(head, sizeof head, "%zu beginbfchar\n", block);
        HPDF_Stream_WriteStr(s, head);
        for (; i < j; i++) {
            if (g[i]->len == 0)
                continue;
            write_hex16(s, g[i]->code);
            HPDF_Stream_WriteChar(s, ' ');
            write_unicode_hex(s, g[i]->text, g[i]->len);
            HPDF_Stream_WriteChar(s, '\n');
        }
        HPDF_Stream_WriteStr(s, "endbfchar\n");
    }
    HPDF_Stream_WriteStr(s, CMAP_TAIL);
    return cmap;
}

static int scale_1000(int v, unsigned upem)
{
    return (int)lround(v * 1000.0 / (upem ? upem : 1000));
}

static HPDF_Dict font_descriptor(HPDF_Doc pdf, const text_font_info *info, const char *base_font,
                                 const pdf_subset_job *job)
{
    HPDF_MMgr m = pdf->mmgr;
    HPDF_Dict fd = HPDF_Dict_New(m);
    HPDF_Xref_Add(pdf->xref, fd);
    HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
    HPDF_Dict_AddName(fd, "FontName", base_font);
    /* Symbolic (4): glyphs are chosen by CID, not by a standard encoding. */
    HPDF_Dict_AddNumber(fd, "Flags", 4 | (info->serif ? 2 : 0) | (info->fixed_pitch ? 1 : 0));
    HPDF_Array bbox = HPDF_Array_New(m);
    for (int i = 0; i < 4; i++)
        HPDF_Array_AddNumber(bbox, scale_1000(info->bbox[i], info->units_per_em));
    HPDF_Dict_Add(fd, "FontBBox", bbox);
    HPDF_Dict_AddReal(fd, "ItalicAngle", (HPDF_REAL)info->italic_angle);
    HPDF_Dict_AddNumber(fd, "Ascent", scale_1000(info->ascender, info->units_per_em));
    HPDF_Dict_AddNumber(fd, "Descent", scale_1000(info->descender, info->units_per_em));
    HPDF_Dict_AddNumber(fd, "CapHeight", scale_1000(info->cap_height, info->units_per_em));
    HPDF_Dict_AddNumber(fd, "StemV", 80);

    HPDF_Dict file = HPDF_DictStream_New(m, pdf->xref);
    if (!file)
        return NULL;
    file->filter = HPDF_STREAM_FILTER_NONE; /* written as the job left it */
    if (job->packed) {
        pdf_stream_set_deflated(file, job->packed, job->packed_len);
    } else {
        unsigned len;
        const char *data = hb_blob_get_data(job->program, &len);
        HPDF_Stream_Write(file->stream, (const HPDF_BYTE *)data, len);
    }
    if (info->cff) {
        HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
        HPDF_Dict_Add(fd, "FontFile3", file);
    } else {
        HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)hb_blob_get_length(job->program));
        HPDF_Dict_Add(fd, "FontFile2", file);
    }
    /* PDF/A: a subset says which CIDs it holds (ISO 19005-1, 6.3.5) */
    const pdf_font *pf = job->pf;
    uint32_t *cids = xmalloc((pf->glyphs.count + 1) * sizeof *cids);
    for (size_t i = 0; i < pf->glyphs.count; i++)
        cids[i] = pf->glyphs.items[i].code;
    HPDF_Dict_Add(fd, "CIDSet", pdf_archive_cidset(pdf, cids, pf->glyphs.count));
    free(cids);
    return fd;
}

static HPDF_Dict cid_font(HPDF_Doc pdf, const pdf_font *pf, const char *base_font,
                          const pdf_subset_job *job)
{
    const text_font_info *info = text_font_get_info(pf->font);
    HPDF_MMgr m = pdf->mmgr;
    HPDF_Dict cid = HPDF_Dict_New(m);
    HPDF_Xref_Add(pdf->xref, cid);
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", info->cff ? "CIDFontType0" : "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", base_font);
    HPDF_Dict sys = HPDF_Dict_New(m);
    HPDF_Dict_Add(sys, "Registry", HPDF_String_New(m, "Adobe", NULL));
    HPDF_Dict_Add(sys, "Ordering", HPDF_String_New(m, "Identity", NULL));
    HPDF_Dict_AddNumber(sys, "Supplement", 0);
    HPDF_Dict_Add(cid, "CIDSystemInfo", sys);
    HPDF_Dict_Add(cid, "FontDescriptor", font_descriptor(pdf, info, base_font, job));
    if (!info->cff)
        HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
    const pdf_glyph_use **by_code = glyphs_by_code(pf);
    HPDF_Dict_AddNumber(cid, "DW", DEFAULT_WIDTH);
    HPDF_Dict_Add(cid, "W", widths_array(pdf, by_code, pf->glyphs.count));
    free(by_code);
    return cid;
}

static void build_font_objects(HPDF_Doc pdf, pdf_font *pf, const pdf_subset_job *job)
{
    const text_font_info *info = text_font_get_info(pf->font);
    char tag[7], base_font[128];
    subset_tag(pf, info->postscript_name, tag);
    snprintf(base_font, sizeof base_font, "%s+%s", tag, info->postscript_name);

    HPDF_Dict type0 = pf->type0; /* made when subsetting started: pages refer to it */
    HPDF_Dict_AddName(type0, "Type", "Font");
    HPDF_Dict_AddName(type0, "Subtype", "Type0");
    HPDF_Dict_AddName(type0, "BaseFont", base_font);
    HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
    HPDF_Array descendants = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict_Add(type0, "DescendantFonts", descendants);
    HPDF_Array_Add(descendants, cid_font(pdf, pf, base_font, job));
    const pdf_glyph_use **by_code = glyphs_by_code(pf);
    HPDF_Dict_Add(type0, "ToUnicode", tounicode_stream(pdf, by_code, pf->glyphs.count));
    free(by_code);
}

/* ---- embedding ---- */

/* The widths of the font's glyphs, and the font dictionary the pages will
 * name (filled in when its subset is done). */
static void prepare_font(pdf_font *pf, HPDF_Doc pdf)
{
    const text_font_info *info = text_font_get_info(pf->font);
    for (size_t k = 0; k < pf->glyphs.count; k++)
        pf->glyphs.items[k].width = scale_1000(
            text_font_glyph_advance(pf->font, pf->glyphs.items[k].gid), info->units_per_em);
    pf->type0 = HPDF_Dict_New(pdf->mmgr);
    HPDF_Xref_Add(pdf->xref, pf->type0);
}

pdf_embedding *pdf_fonts_start(pdf_fonts *fonts, HPDF_Doc pdf, pdf_subset_when when)
{
    for (size_t i = 0; i < fonts->count; i++)
        prepare_font(fonts->items[i], pdf);
    return pdf_subset_start(fonts, when);
}

int pdf_fonts_finish(pdf_embedding *e, HPDF_Doc pdf, diag_list *diags)
{
    size_t n;
    pdf_subset_job *jobs = pdf_subset_wait(e, &n);
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        pdf_subset_job *job = &jobs[i];
        if (status == 0 && job->diags.errors > 0) {
            const char *name = text_font_get_info(job->pf->font)->postscript_name;
            for (size_t k = 0; k < job->diags.count; k++)
                diag_add(diags, job->diags.items[k].level, NULL, 0, 0, "font '%s': %s", name,
                         job->diags.items[k].message);
            status = -1;
        }
        if (status == 0)
            build_font_objects(pdf, job->pf, job);
    }
    pdf_subset_free(e);
    return status;
}
