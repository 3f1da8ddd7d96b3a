/* pdf_meta.c — what a PDF says about itself: document info, the outline,
 * page labels, and the destinations they and links point to.
 *
 * libharu 2.3.0 turns characters outside the BMP into spaces in info and
 * outline titles and writes label prefixes as raw UTF-8 (design.md), so every
 * text string here is written by us as UTF-16BE with a byte-order mark. */
#include "pdf_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

size_t pdf_utf16be(const char *utf8, size_t len, uint8_t *out, bool bom)
{
    size_t n = 0;
    if (bom) {
        out[n++] = 0xFE;
        out[n++] = 0xFF;
    }
    for (size_t i = 0; i < len;) {
        uint32_t cp = utf8_decode(utf8, len, &i);
        if (cp >= 0x10000) { /* a surrogate pair */
            cp -= 0x10000;
            uint32_t hi = 0xD800 | (cp >> 10), lo = 0xDC00 | (cp & 0x3FF);
            out[n++] = (uint8_t)(hi >> 8);
            out[n++] = (uint8_t)hi;
            out[n++] = (uint8_t)(lo >> 8);
            out[n++] = (uint8_t)lo;
        } else {
            out[n++] = (uint8_t)(cp >> 8);
            out[n++] = (uint8_t)cp;
        }
    }
    return n;
}

/* A PDF text string: UTF-16BE with a byte-order mark, as an HPDF_Binary
 * (written as <hex>), not an HPDF_String: libharu measures strings with
 * strlen, and UTF-16 is full of zero bytes. */
HPDF_Binary pdf_text_string(HPDF_Doc pdf, const char *utf8, size_t len)
{
    uint8_t *buf = xmalloc(2 + 4 * len);
    size_t n = pdf_utf16be(utf8, len, buf, true);
    HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, buf, (HPDF_UINT)n);
    free(buf);
    return b;
}

HPDF_Array pdf_dest_xyz(HPDF_Doc pdf, HPDF_Page page, double top)
{
    /* A direct array, not libharu's destination object: PDF/A validators
     * (PDFBox) read a /Dest only as an array in place, and an indirect one
     * costs an object for nothing. */
    HPDF_Array dst = HPDF_Array_New(pdf->mmgr);
    if (!dst)
        return NULL;
    HPDF_Array_Add(dst, page);
    HPDF_Array_AddName(dst, "XYZ");
    HPDF_Array_Add(dst, HPDF_Null_New(pdf->mmgr));
    HPDF_Array_AddReal(dst, (HPDF_REAL)top);
    HPDF_Array_Add(dst, HPDF_Null_New(pdf->mmgr));
    return dst;
}

/* ---- document info ---- */

static void info_text(HPDF_Doc pdf, const char *key, const char *value)
{
    if (value)
        HPDF_Dict_Add(pdf->info, key, pdf_text_string(pdf, value, strlen(value)));
}

/* D:YYYYMMDDHHmmSS+08'00' for the report's date, shown in its own zone. */
void pdf_date(int64_t date, int tz_minutes, char *buf, size_t size)
{
    time_t local = (time_t)(date + (int64_t)tz_minutes * 60);
    struct tm tm;
    gmtime_r(&local, &tm);
    int off = tz_minutes < 0 ? -tz_minutes : tz_minutes;
    snprintf(buf, size, "D:%04d%02d%02d%02d%02d%02d%c%02d'%02d'", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tz_minutes < 0 ? '-' : '+', off / 60,
             off % 60);
}

int pdf_meta_info(HPDF_Doc pdf, const layout_info *info)
{
    /* Let libharu create the info dictionary and link it from the trailer;
     * every value it would write is then replaced. */
    if (HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "briefc") != HPDF_OK || !pdf->info)
        return -1;
    info_text(pdf, "Title", info->title);
    info_text(pdf, "Author", info->author);
    info_text(pdf, "Subject", info->subject);
    info_text(pdf, "Keywords", info->keywords);
    info_text(pdf, "Creator", info->creator ? info->creator : "briefc " BRIEFC_VERSION);
    info_text(pdf, "Producer", PDF_PRODUCER);
    info_text(pdf, "BriefcId", info->doc_id);
    info_text(pdf, "BriefcVersion", info->version);
    char date[128]; /* room for any int fields, to satisfy -Wformat-truncation */
    pdf_date(info->date, info->tz_minutes, date, sizeof date);
    HPDF_Dict_Add(pdf->info, "CreationDate", HPDF_String_New(pdf->mmgr, date, NULL));
    HPDF_Dict_Add(pdf->info, "ModDate", HPDF_String_New(pdf->mmgr, date, NULL));
    return HPDF_GetError(pdf) == HPDF_OK ? 0 : -1;
}

/* ---- outline ---- */

#define MAX_OUTLINE_DEPTH 16

int pdf_meta_outline(HPDF_Doc pdf, const pdf_place *where, const layout_document *doc)
{
    if (doc->noutline == 0)
        return 0;
    /* parents[k]: the latest entry of level k + 1; an entry hangs under the
     * nearest shallower one (a level skipped in the document nests anyway). */
    for (size_t i = 0; i < doc->noutline; i++)
        if (doc->outline[i].page >= doc->npages || !doc->outline[i].title)
            return -1;
    HPDF_Outline parents[MAX_OUTLINE_DEPTH] = {0};
    for (size_t i = 0; i < doc->noutline; i++) {
        const layout_outline_entry *e = &doc->outline[i];
        int level = e->level < 1 ? 1 : e->level > MAX_OUTLINE_DEPTH ? MAX_OUTLINE_DEPTH : e->level;
        HPDF_Outline parent = NULL;
        for (int k = level - 2; k >= 0 && !parent; k--)
            parent = parents[k];
        HPDF_Outline item = HPDF_CreateOutline(pdf, parent, "", NULL);
        if (!item)
            return -1;
        HPDF_Dict_Add(item, "Title", pdf_text_string(pdf, e->title, strlen(e->title)));
        const pdf_place *at = &where[e->page];
        if (!at->page)
            return -1;
        HPDF_Dict_Add(item, "Dest", pdf_dest_xyz(pdf, at->page, at->height - (at->dy + e->y)));
        HPDF_Outline_SetOpened(item, level == 1); /* chapters open, deeper levels folded */
        parents[level - 1] = item;
        for (int k = level; k < MAX_OUTLINE_DEPTH; k++)
            parents[k] = NULL;
    }
    HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    return HPDF_GetError(pdf) == HPDF_OK ? 0 : -1;
}

/* ---- page labels: a number tree /Nums [first_page << /S /P /St >> …] ---- */

int pdf_meta_labels(HPDF_Doc pdf, const layout_document *doc)
{
    if (doc->nlabels == 0)
        return 0;
    for (size_t i = 0; i < doc->nlabels; i++) /* number-tree keys: pages, increasing */
        if (doc->labels[i].first_page >= doc->npages ||
            (i > 0 && doc->labels[i].first_page <= doc->labels[i - 1].first_page))
            return -1;
    HPDF_Dict tree = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array nums = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict_Add(tree, "Nums", nums);
    for (size_t i = 0; i < doc->nlabels; i++) {
        const layout_page_label *l = &doc->labels[i];
        HPDF_Dict label = HPDF_Dict_New(pdf->mmgr);
        static const char *const styles[] = {"D", "r", "R"};
        if (l->style != LAYOUT_LABEL_NONE)
            HPDF_Dict_AddName(label, "S", styles[l->style]);
        if (l->prefix && l->prefix[0])
            HPDF_Dict_Add(label, "P", pdf_text_string(pdf, l->prefix, strlen(l->prefix)));
        if (l->first_number > 1)
            HPDF_Dict_AddNumber(label, "St", l->first_number);
        HPDF_Array_AddNumber(nums, (HPDF_INT32)l->first_page);
        HPDF_Array_Add(nums, label);
    }
    HPDF_Dict_Add(pdf->catalog, "PageLabels", tree);
    return HPDF_GetError(pdf) == HPDF_OK ? 0 : -1;
}

int pdf_meta_copy_labels(HPDF_Doc pdf, const int *copies, size_t ncopies, size_t pages_per_copy)
{
    pdf_numtree nt;
    pdf_numtree_start(&nt, pdf, ncopies);
    for (size_t k = 0; k < ncopies; k++) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "%06d-", copies[k]);
        HPDF_Dict label = HPDF_Dict_New(pdf->mmgr);
        HPDF_Dict_AddName(label, "S", "D");
        HPDF_Dict_Add(label, "P", HPDF_String_New(pdf->mmgr, prefix, NULL));
        pdf_numtree_add(&nt, (int)(k * pages_per_copy), label);
    }
    HPDF_Dict_Add(pdf->catalog, "PageLabels", pdf_numtree_finish(&nt));
    return HPDF_GetError(pdf) == HPDF_OK ? 0 : -1;
}
