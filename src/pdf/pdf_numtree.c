/* pdf_numtree.c — number trees (the parent tree, page labels) that stay
 * within PDF/A-1's arrays of at most 8,191 items however many pages a run
 * of copies makes: one /Nums in the root while it fits, else leaves of
 * PDF_NUMTREE_LEAF pairs under /Kids, each with its /Limits. */
#include "pdf_internal.h"

static void close_leaf(pdf_numtree *nt)
{
    if (!nt->kids) {
        HPDF_Dict_Add(nt->root, "Nums", nt->nums);
        return;
    }
    HPDF_Dict leaf = HPDF_Dict_New(nt->pdf->mmgr);
    HPDF_Xref_Add(nt->pdf->xref, leaf);
    HPDF_Array limits = HPDF_Array_New(nt->pdf->mmgr);
    HPDF_Array_AddNumber(limits, nt->first);
    HPDF_Array_AddNumber(limits, nt->last);
    HPDF_Dict_Add(leaf, "Limits", limits);
    HPDF_Dict_Add(leaf, "Nums", nt->nums);
    HPDF_Array_Add(nt->kids, leaf);
}

void pdf_numtree_start(pdf_numtree *nt, HPDF_Doc pdf, size_t npairs)
{
    *nt = (pdf_numtree){.pdf = pdf, .root = HPDF_Dict_New(pdf->mmgr)};
    nt->many = npairs > PDF_NUMTREE_LEAF;
}

void pdf_numtree_add(pdf_numtree *nt, int key, void *value)
{
    if (!nt->nums || nt->in_leaf == PDF_NUMTREE_LEAF) {
        if (nt->nums)
            close_leaf(nt);
        if (nt->many && !nt->kids) {
            nt->kids = HPDF_Array_New(nt->pdf->mmgr);
            HPDF_Dict_Add(nt->root, "Kids", nt->kids);
        }
        nt->nums = HPDF_Array_New(nt->pdf->mmgr);
        nt->in_leaf = 0;
        nt->first = key;
    }
    HPDF_Array_AddNumber(nt->nums, key);
    HPDF_Array_Add(nt->nums, value);
    nt->last = key;
    nt->in_leaf++;
}

HPDF_Dict pdf_numtree_finish(pdf_numtree *nt)
{
    if (nt->nums)
        close_leaf(nt);
    else
        HPDF_Dict_Add(nt->root, "Nums", HPDF_Array_New(nt->pdf->mmgr));
    return nt->root;
}
