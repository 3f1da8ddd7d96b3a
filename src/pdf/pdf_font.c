/* pdf_font.c — embed the glyphs a document uses as Type0/CID fonts.
 *
 * libharu's own TrueType path loses characters and cannot embed CFF (see
 * design.md), so fonts are subset with hb-subset and their objects built
 * with libharu's object layer: a Type0 font (/Identity-H) over a CIDFontType0
 * (CFF: FontFile3 /CIDFontType0C, codes are CIDs read from the subset's
 * charset) or a CIDFontType2 (TrueType: FontFile2, /CIDToGIDMap /Identity,
 * codes are the subset's glyph ids), with /W widths and a ToUnicode CMap that
 * maps each glyph to the text of its cluster. */
#include "pdf_internal.h"

#include <hb-subset.h>
#include <math.h>
#include <pthread.h>
#include <zlib.h>
#include <stdlib.h>
#include <string.h>

#define TAG_CFF HB_TAG('C', 'F', 'F', ' ')

/* ---- subsetting (HarfBuzz only: no libharu, no text engine) ---- */

typedef struct subset_job {
    pdf_font *pf;
    hb_face_t *face;
    bool cff;
    bool by_cid;        /* a CID-keyed CFF: codes are CIDs; else they are the subset's glyph ids */
    hb_blob_t *program; /* the 'CFF ' table or the whole TrueType font */
    uint8_t *packed;    /* a TrueType program deflated, for /FlateDecode; NULL for CFF */
    size_t packed_len;
    char err[160];
} subset_job;

/* Tables a PDF reader never looks at: layout (shaping is done), vertical
 * metrics (we write horizontal text), the character map (the PDF selects
 * glyphs by CID or glyph id, and ToUnicode gives the text), names and the
 * rest of an OpenType wrapper. Dropping them also spares hb-subset the work
 * of planning them, which is most of its time for a CJK face. A CFF font
 * embeds only its 'CFF ' table, so it keeps nothing else. */
static void drop_unneeded_tables(hb_subset_input_t *input, bool cff)
{
    static const char *const tags[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea",
                                       "vmtx", "VORG", "kern", "DSIG", "gasp", "hdmx", "LTSH",
                                       "VDMX", "meta", "STAT", "morx", "feat", "cmap", "name",
                                       "post", "OS/2", "prep", "fpgm", "cvt "};
    static const char *const cff_only[] = {"hmtx", "hhea"};
    hb_set_t *drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        hb_set_add(drop, hb_tag_from_string(tags[i], 4));
    for (size_t i = 0; cff && i < sizeof cff_only / sizeof cff_only[0]; i++)
        hb_set_add(drop, hb_tag_from_string(cff_only[i], 4));
}

/* The CID of every glyph drawn, from a CID-keyed CFF table's charset: when
 * `check`, the codes already given must equal them (the subset's charset
 * keeps the original CIDs), else they are given. old_to_new maps original
 * glyph ids to the table's (NULL: the table is the original one). */
static bool cids_from_charset(subset_job *job, hb_blob_t *cff, const hb_map_t *old_to_new,
                              bool check)
{
    unsigned len;
    const uint8_t *data = (const uint8_t *)hb_blob_get_data(cff, &len);
    uint32_t *cids;
    size_t n = pdf_cff_cids(data, len, &cids);
    if (n == 0) {
        snprintf(job->err, sizeof job->err, "its CFF table has no CID charset");
        return false;
    }
    const char *problem = NULL;
    for (size_t i = 0; !problem && i < job->pf->glyphs.count; i++) {
        pdf_glyph_use *g = &job->pf->glyphs.items[i];
        uint32_t gid = old_to_new ? hb_map_get(old_to_new, g->gid) : g->gid;
        if (gid >= n)
            problem = "a glyph is missing from the subset";
        else if (check && g->code != cids[gid])
            problem = "the subset renumbered a CID";
        else if (!check) /* a check only reads: the pages are being drawn from the codes */
            g->code = cids[gid];
    }
    free(cids);
    if (problem)
        snprintf(job->err, sizeof job->err, "%s", problem);
    return !problem;
}

static bool assign_new_gids(subset_job *job, const hb_map_t *old_to_new)
{
    for (size_t i = 0; i < job->pf->glyphs.count; i++) {
        hb_codepoint_t new_gid = hb_map_get(old_to_new, job->pf->glyphs.items[i].gid);
        if (new_gid == HB_MAP_VALUE_INVALID) {
            snprintf(job->err, sizeof job->err, "a glyph is missing from the subset");
            return false;
        }
        job->pf->glyphs.items[i].code = new_gid;
    }
    return true;
}

/* Deflate a TrueType program here, in the job's thread, rather than in
 * libharu's single-threaded save. A CFF program is embedded as it is:
 * desubroutinized Type 2 charstrings barely compress (151 KB to 123 KB for
 * the example's body face at zlib's fastest level) and deflating them was a
 * seventh of the whole build's time; glyf outlines halve. */
static void pack_program(subset_job *job)
{
    unsigned len;
    const Bytef *data = (const Bytef *)hb_blob_get_data(job->program, &len);
    if (job->cff)
        return;
    uLongf packed_len = compressBound(len);
    job->packed = xmalloc(packed_len);
    if (compress2(job->packed, &packed_len, data, len, Z_BEST_SPEED) != Z_OK) {
        snprintf(job->err, sizeof job->err, "cannot compress the subset");
        return;
    }
    job->packed_len = packed_len;
}

/* Full-width forms that `fwid` picks for a character are, in CJK faces, the
 * nominal glyphs of a sibling character: fwid(·) is ・'s glyph, fwid(—) is
 * ―'s (checked in Noto CJK SC and TC). */
static const uint32_t FULL_WIDTH_SIBLING[][2] = {
    {0x00B7, 0x30FB}, {0x00B7, 0x2027}, {0x2014, 0x2015}, {0x2E3A, 0x2E3B}};

/* A character whose nominal glyph is gid: the cluster's first character or
 * its full-width sibling; 0 when there is none. */
static uint32_t character_of(hb_font_t *font, const pdf_glyph_use *g)
{
    if (g->len == 0)
        return 0;
    size_t k = 0;
    uint32_t cp = utf8_decode(g->text, g->len, &k), nominal;
    if (hb_font_get_nominal_glyph(font, cp, &nominal) && nominal == g->gid)
        return cp;
    for (size_t i = 0; i < sizeof FULL_WIDTH_SIBLING / sizeof *FULL_WIDTH_SIBLING; i++)
        if (FULL_WIDTH_SIBLING[i][0] == cp &&
            hb_font_get_nominal_glyph(font, FULL_WIDTH_SIBLING[i][1], &nominal) &&
            nominal == g->gid)
            return FULL_WIDTH_SIBLING[i][1];
    return 0;
}

/* The characters whose nominal glyphs are exactly the glyphs drawn, when
 * every glyph drawn has one. hb-subset plans several times faster from
 * characters than from glyph ids (which make it read the whole cmap of a
 * CJK face), so this is tried first. */
static bool characters_of_glyphs(const subset_job *job, hb_set_t *unicodes)
{
    hb_font_t *font = hb_font_create(job->face);
    bool all = true;
    for (size_t i = 0; all && i < job->pf->glyphs.count; i++) {
        uint32_t cp = character_of(font, &job->pf->glyphs.items[i]);
        all = cp != 0;
        hb_set_add(unicodes, cp);
    }
    hb_font_destroy(font);
    return all;
}

static hb_subset_input_t *subset_input(const subset_job *job)
{
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (!input)
        return NULL;
    if (!characters_of_glyphs(job, hb_subset_input_unicode_set(input))) {
        hb_set_clear(hb_subset_input_unicode_set(input));
        hb_set_t *gids = hb_subset_input_glyph_set(input);
        hb_set_add(gids, 0); /* .notdef always stays glyph 0 */
        for (size_t i = 0; i < job->pf->glyphs.count; i++)
            hb_set_add(gids, job->pf->glyphs.items[i].gid);
    }
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
    drop_unneeded_tables(input, job->cff);
    return input;
}

/* One subset at a time: HarfBuzz 6.0's subsetter writes to a static scratch
 * area shared by all threads (helgrind shows two subsets racing on it). The
 * output does not depend on it, but a race nobody must reason about is
 * better. What runs beside a subset is drawing and deflating, not another. */
static pthread_mutex_t subset_lock = PTHREAD_MUTEX_INITIALIZER;

static void run_subset(subset_job *job)
{
    pthread_mutex_lock(&subset_lock);
    hb_subset_input_t *input = subset_input(job);
    hb_subset_plan_t *plan = input ? hb_subset_plan_create_or_fail(job->face, input) : NULL;
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    pthread_mutex_unlock(&subset_lock);
    if (!sub) {
        snprintf(job->err, sizeof job->err, "hb-subset failed");
    } else {
        const hb_map_t *old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
        job->program =
            job->cff ? hb_face_reference_table(sub, TAG_CFF) : hb_face_reference_blob(sub);
        if (hb_blob_get_length(job->program) == 0)
            snprintf(job->err, sizeof job->err, "the subset font is empty");
        else if (job->by_cid ? cids_from_charset(job, job->program, old_to_new, true)
                             : assign_new_gids(job, old_to_new))
            pack_program(job);
        hb_face_destroy(sub);
    }
    hb_subset_plan_destroy(plan);
    hb_subset_input_destroy(input);
}

/* ---- PDF objects ---- */

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

/* [c [w w w] c [w] …]: one sub-array per run of consecutive codes. */
static HPDF_Array widths_array(HPDF_Doc pdf, const pdf_glyph_use **g, size_t n)
{
    HPDF_Array w = HPDF_Array_New(pdf->mmgr);
    HPDF_Array run = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!run || g[i]->code != g[i - 1]->code + 1) {
            HPDF_Array_AddNumber(w, (HPDF_INT32)g[i]->code);
            run = HPDF_Array_New(pdf->mmgr);
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddNumber(run, g[i]->width);
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
    if (len > 64) { /* a cluster is a few characters; keep the string well under limits */
        len = 64;
        while (len > 0 && ((uint8_t)text[len] & 0xC0) == 0x80)
            len--; /* not inside a character */
    }
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
                                 const subset_job *job)
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
    return fd;
}

static HPDF_Dict cid_font(HPDF_Doc pdf, const pdf_font *pf, const char *base_font,
                          const subset_job *job)
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
    HPDF_Dict_Add(cid, "W", widths_array(pdf, by_code, pf->glyphs.count));
    free(by_code);
    return cid;
}

static void build_font_objects(HPDF_Doc pdf, pdf_font *pf, const subset_job *job)
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

/* Subsetting runs on a worker thread while the caller draws the pages: the
 * codes the pages need are known before any subset is made (a CID-keyed CFF
 * subset keeps the original CIDs, read from the original charset; TrueType
 * faces, small and quick, are subset first on the calling thread). Faces
 * are independent; the results are put together in font order afterwards,
 * so the output does not depend on timing. */
enum { WORKERS = 1 }; /* subsets run one at a time (run_subset); this thread draws */

struct pdf_embedding {
    pdf_fonts *fonts;
    subset_job *jobs;
    size_t n;
    subset_job **queue; /* CFF jobs, largest first */
    size_t nqueue, next;
    pthread_mutex_t lock;
    pthread_t workers[WORKERS];
    size_t nworkers;
};

static int larger_job_first(const void *a, const void *b)
{
    size_t na = (*(subset_job *const *)a)->pf->glyphs.count;
    size_t nb = (*(subset_job *const *)b)->pf->glyphs.count;
    return na < nb ? 1 : na > nb ? -1 : 0;
}

static void *job_worker(void *arg)
{
    pdf_embedding *e = arg;
    for (;;) {
        pthread_mutex_lock(&e->lock);
        size_t i = e->next++;
        pthread_mutex_unlock(&e->lock);
        if (i >= e->nqueue)
            return NULL;
        run_subset(e->queue[i]);
    }
}

/* Widths and a job for each font, and the font dictionary the pages will
 * name (filled in when its subset is done). */
static void prepare_jobs(pdf_embedding *e, HPDF_Doc pdf)
{
    for (size_t i = 0; i < e->n; i++) {
        pdf_font *pf = e->fonts->items[i];
        const text_font_info *info = text_font_get_info(pf->font);
        for (size_t k = 0; k < pf->glyphs.count; k++)
            pf->glyphs.items[k].width = scale_1000(
                text_font_glyph_advance(pf->font, pf->glyphs.items[k].gid), info->units_per_em);
        e->jobs[i] = (subset_job){.pf = pf, .face = text_font_get_face(pf->font), .cff = info->cff};
        pf->type0 = HPDF_Dict_New(pdf->mmgr);
        HPDF_Xref_Add(pdf->xref, pf->type0);
    }
}

pdf_embedding *pdf_fonts_start(pdf_fonts *fonts, HPDF_Doc pdf)
{
    pdf_embedding *e = xcalloc(1, sizeof *e);
    e->fonts = fonts;
    e->n = fonts->count;
    e->jobs = xcalloc(e->n ? e->n : 1, sizeof *e->jobs);
    e->queue = xcalloc(e->n ? e->n : 1, sizeof *e->queue);
    prepare_jobs(e, pdf);
    for (size_t i = 0; i < e->n; i++) {
        subset_job *job = &e->jobs[i];
        if (!job->cff)
            continue;
        hb_blob_t *cff = hb_face_reference_table(job->face, TAG_CFF);
        unsigned len;
        const uint8_t *data = (const uint8_t *)hb_blob_get_data(cff, &len);
        job->by_cid = !pdf_cff_is_name_keyed(data, len);
        if (job->by_cid && cids_from_charset(job, cff, NULL, false))
            e->queue[e->nqueue++] = job;
        hb_blob_destroy(cff);
    }
    qsort(e->queue, e->nqueue, sizeof *e->queue, larger_job_first);
    pthread_mutex_init(&e->lock, NULL);
    for (size_t k = 0; k < WORKERS && k < e->nqueue; k++)
        if (pthread_create(&e->workers[e->nworkers], NULL, job_worker, e) == 0)
            e->nworkers++;
    /* codes from the subset itself: made here, before the pages are drawn */
    for (size_t i = 0; i < e->n; i++)
        if (!e->jobs[i].by_cid && !e->jobs[i].err[0])
            run_subset(&e->jobs[i]);
    if (e->nworkers == 0) /* no thread could start: do the work here */
        job_worker(e);
    return e;
}

int pdf_fonts_finish(pdf_embedding *e, HPDF_Doc pdf, char *err, size_t errsize)
{
    for (size_t k = 0; k < e->nworkers; k++)
        pthread_join(e->workers[k], NULL);
    pthread_mutex_destroy(&e->lock);
    int status = 0;
    for (size_t i = 0; i < e->n; i++) {
        subset_job *job = &e->jobs[i];
        if (status == 0 && job->err[0]) {
            snprintf(err, errsize, "font '%s': %s",
                     text_font_get_info(job->pf->font)->postscript_name, job->err);
            status = -1;
        }
        if (status == 0)
            build_font_objects(pdf, job->pf, job);
        hb_blob_destroy(job->program);
        free(job->packed);
    }
    free(e->queue);
    free(e->jobs);
    free(e);
    return status;
}
