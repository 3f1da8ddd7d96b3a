/* pdf_subset.c — the subset worker: each font's glyphs subset with
 * hb-subset, one face at a time under subset_lock, CID-keyed CFF faces on a
 * worker thread while the pages are drawn, and the codes the pages write
 * (CIDs from the charset, or the subset's glyph ids). HarfBuzz only: no
 * libharu here; the fonts' PDF objects are made from the jobs in
 * pdf_fontobj.c. */
#include "pdf_internal.h"

#include <hb-subset.h>
#include <pthread.h>
#include <zlib.h>
#include <stdlib.h>
#include <string.h>

#define TAG_CFF HB_TAG('C', 'F', 'F', ' ')

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
static bool cids_from_charset(pdf_subset_job *job, hb_blob_t *cff, const hb_map_t *old_to_new,
                              bool check)
{
    unsigned len;
    const uint8_t *data = (const uint8_t *)hb_blob_get_data(cff, &len);
    uint32_t *cids;
    size_t n = pdf_cff_cids(data, len, &cids);
    if (n == 0) {
        diag_add(&job->diags, DIAG_ERROR, NULL, 0, 0, "its CFF table has no CID charset");
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
        diag_add(&job->diags, DIAG_ERROR, NULL, 0, 0, "%s", problem);
    return !problem;
}

static bool assign_new_gids(pdf_subset_job *job, const hb_map_t *old_to_new)
{
    for (size_t i = 0; i < job->pf->glyphs.count; i++) {
        hb_codepoint_t new_gid = hb_map_get(old_to_new, job->pf->glyphs.items[i].gid);
        if (new_gid == HB_MAP_VALUE_INVALID) {
            diag_add(&job->diags, DIAG_ERROR, NULL, 0, 0, "a glyph is missing from the subset");
            return false;
        }
        job->pf->glyphs.items[i].code = new_gid;
    }
    return true;
}

/* Deflate the program here, in the job's thread, rather than in libharu's
 * single-threaded save, where nothing would overlap it. Desubroutinized
 * Type 2 charstrings need a real level: the example goes from 308 KB to
 * 276 KB at level 6 (278 KB at level 1), and level 6 makes its CFF programs
 * as small as level 9 (to 2 bytes). A TrueType subset is small (the
 * example's 26 KB of glyf) and level 9 takes 870 bytes more off it than the
 * fastest level, for well under a millisecond. */
#define CFF_LEVEL 6
#define TRUETYPE_LEVEL Z_BEST_COMPRESSION
static void pack_program(pdf_subset_job *job)
{
    unsigned len;
    const Bytef *data = (const Bytef *)hb_blob_get_data(job->program, &len);
    uLongf packed_len = compressBound(len);
    job->packed = xmalloc(packed_len);
    int level = job->cff ? CFF_LEVEL : TRUETYPE_LEVEL;
    if (compress2(job->packed, &packed_len, data, len, level) != Z_OK) {
        diag_add(&job->diags, DIAG_ERROR, NULL, 0, 0, "cannot compress the subset");
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
static bool characters_of_glyphs(const pdf_subset_job *job, hb_set_t *unicodes)
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

static hb_subset_input_t *subset_input(const pdf_subset_job *job)
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

static void run_subset(pdf_subset_job *job)
{
    pthread_mutex_lock(&subset_lock);
    hb_subset_input_t *input = subset_input(job);
    hb_subset_plan_t *plan = input ? hb_subset_plan_create_or_fail(job->face, input) : NULL;
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    pthread_mutex_unlock(&subset_lock);
    if (!sub) {
        diag_add(&job->diags, DIAG_ERROR, NULL, 0, 0, "hb-subset failed");
    } else {
        const hb_map_t *old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
        job->program =
            job->cff ? hb_face_reference_table(sub, TAG_CFF) : hb_face_reference_blob(sub);
        if (hb_blob_get_length(job->program) == 0)
            diag_add(&job->diags, DIAG_ERROR, NULL, 0, 0, "the subset font is empty");
        else if (job->by_cid ? cids_from_charset(job, job->program, old_to_new, true)
                             : assign_new_gids(job, old_to_new))
            pack_program(job);
        hb_face_destroy(sub);
    }
    hb_subset_plan_destroy(plan);
    hb_subset_input_destroy(input);
}

/* ---- the queue and its worker ---- */

/* Subsetting runs on a worker thread while the caller draws the pages: the
 * codes the pages need are known before any subset is made (a CID-keyed CFF
 * subset keeps the original CIDs, read from the original charset; TrueType
 * faces, small and quick, are subset first on the calling thread). Faces
 * are independent; the results are put together in font order afterwards,
 * so the output does not depend on timing. */
enum { WORKERS = 1 }; /* subsets run one at a time (run_subset); this thread draws */

struct pdf_embedding {
    pdf_subset_when when;
    pdf_subset_job *jobs; /* one per font, in font order */
    size_t n;
    pdf_subset_job **queue; /* CFF jobs, largest first */
    size_t nqueue, next;
    pthread_mutex_t lock;
    pthread_t workers[WORKERS];
    size_t nworkers;
};

static int larger_job_first(const void *a, const void *b)
{
    size_t na = (*(pdf_subset_job *const *)a)->pf->glyphs.count;
    size_t nb = (*(pdf_subset_job *const *)b)->pf->glyphs.count;
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

pdf_embedding *pdf_subset_start(pdf_fonts *fonts, pdf_subset_when when)
{
    pdf_embedding *e = xcalloc(1, sizeof *e);
    e->when = when;
    e->n = fonts->count;
    e->jobs = xcalloc(e->n ? e->n : 1, sizeof *e->jobs);
    e->queue = xcalloc(e->n ? e->n : 1, sizeof *e->queue);
    for (size_t i = 0; i < e->n; i++) {
        pdf_font *pf = fonts->items[i];
        e->jobs[i] = (pdf_subset_job){.pf = pf,
                                      .face = text_font_get_face(pf->font),
                                      .cff = text_font_get_info(pf->font)->cff};
    }
    for (size_t i = 0; i < e->n; i++) {
        pdf_subset_job *job = &e->jobs[i];
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
    for (size_t k = 0; when == PDF_SUBSET_BESIDE && k < WORKERS && k < e->nqueue; k++)
        if (pthread_create(&e->workers[e->nworkers], NULL, job_worker, e) == 0)
            e->nworkers++;
    /* codes from the subset itself: made here, before the pages are drawn */
    for (size_t i = 0; i < e->n; i++)
        if (!e->jobs[i].by_cid && e->jobs[i].diags.errors == 0)
            run_subset(&e->jobs[i]);
    if (e->nworkers == 0 && when != PDF_SUBSET_AFTER) /* no thread, or none could start */
        job_worker(e);
    return e;
}

pdf_subset_job *pdf_subset_wait(pdf_embedding *e, size_t *n)
{
    for (size_t k = 0; k < e->nworkers; k++)
        pthread_join(e->workers[k], NULL);
    if (e->when == PDF_SUBSET_AFTER)
        job_worker(e);
    pthread_mutex_destroy(&e->lock);
    *n = e->n;
    return e->jobs;
}

void pdf_subset_free(pdf_embedding *e)
{
    for (size_t i = 0; i < e->n; i++) {
        pdf_subset_job *job = &e->jobs[i];
        hb_blob_destroy(job->program);
        free(job->packed);
        diag_list_free(&job->diags);
    }
    free(e->queue);
    free(e->jobs);
    free(e);
}
