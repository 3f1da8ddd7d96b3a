/* pdf_lightpage.c — the pages of numbered copies after the first. Each shows
 * a sheet the first copy already has (its resources and media box are
 * inherited, its content stream shared), so it is not held as a dictionary
 * of libharu objects until the save: an empty dictionary whose entries are
 * written, when the file is, from a few numbers the writer keeps. 200 copies
 * of the example hold 1,800 such pages. */
#include "pdf_internal.h"

static HPDF_STATUS write_ref(HPDF_Stream s, const char *key, const void *obj)
{
    char buf[64];
    unsigned id = pdf_object_number(obj);
    snprintf(buf, sizeof buf, "/%s %u 0 R\n", key, id);
    return HPDF_Stream_WriteStr(s, buf);
}

static HPDF_STATUS write_entries(HPDF_Dict page, HPDF_Stream s)
{
    const pdf_light_page *lp = page->attr;
    char buf[96];
    HPDF_Stream_WriteStr(s, "/Type /Page\n");
    write_ref(s, "Parent", lp->parent);
    if (lp->slots) {
        unsigned a = pdf_object_number(lp->contents);
        unsigned b = pdf_object_number(lp->slots);
        snprintf(buf, sizeof buf, "/Contents [%u 0 R %u 0 R]\n", a, b);
        HPDF_Stream_WriteStr(s, buf);
    } else {
        write_ref(s, "Contents", lp->contents);
    }
    if (lp->media)
        write_ref(s, "MediaBox", lp->media);
    if (lp->trim)
        write_ref(s, "TrimBox", lp->trim);
    if (lp->bleed)
        write_ref(s, "BleedBox", lp->bleed);
    if (lp->struct_parents >= 0) {
        snprintf(buf, sizeof buf, "/StructParents %d\n", lp->struct_parents);
        HPDF_Stream_WriteStr(s, buf);
    }
    return HPDF_OK;
}

HPDF_Dict pdf_light_page_new(HPDF_Doc pdf, pdf_light_page *lp)
{
    HPDF_Dict page = HPDF_Dict_New(pdf->mmgr);
    if (!page || HPDF_Xref_Add(pdf->xref, page) != HPDF_OK)
        return NULL;
    page->attr = lp;
    page->write_fn = write_entries;
    /* a page to libharu, which counts those in /Count; its Kids entry is ours */
    page->header.obj_class |= HPDF_OSUBCLASS_PAGE;
    HPDF_Array kids = HPDF_Dict_GetItem(lp->parent, "Kids", HPDF_OCLASS_ARRAY);
    if (!kids || HPDF_Array_Add(kids, page) != HPDF_OK)
        return NULL;
    return page;
}
