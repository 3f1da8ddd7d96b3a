/* pdf_attach.c — files carried inside the booklet: PDF/A-3 associated
 * files (ISO 19005-3, 6.8), so that the report and its layout travel with
 * what was made from them.
 *
 * Each file is an embedded file stream (/Subtype its MIME type, /Params
 * with its size, MD5 /CheckSum and dates) under a file specification with
 * /F and /UF, /AFRelationship /Source and a description; the catalog lists
 * them in /AF and in the /EmbeddedFiles name tree, which readers such as
 * poppler's pdfdetach show. Dates are the document's, never the clock. */
#include "pdf_internal.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* The stream of one file, deflated here at the best level: sources are
 * small text and are written once. */
static HPDF_Dict embedded_file(HPDF_Doc pdf, const pdf_attachment *a, const char *date)
{
    HPDF_Dict ef = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!ef)
        return NULL;
    ef->filter = HPDF_STREAM_FILTER_NONE;
    uLongf packed_len = compressBound(a->len);
    uint8_t *packed = xmalloc(packed_len);
    if (compress2(packed, &packed_len, a->data, a->len, Z_BEST_COMPRESSION) == Z_OK)
        pdf_stream_set_deflated(ef, packed, packed_len);
    else
        HPDF_Stream_Write(ef->stream, a->data, (HPDF_UINT)a->len);
    free(packed);
    HPDF_Dict_AddName(ef, "Type", "EmbeddedFile");
    HPDF_Dict_AddName(ef, "Subtype", a->mime); /* a name: libharu writes '/' as #2F */
    HPDF_Dict params = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddNumber(params, "Size", (HPDF_INT32)a->len);
    uint8_t md5[16];
    base_md5(a->data, a->len, md5);
    HPDF_Dict_Add(params, "CheckSum", HPDF_Binary_New(pdf->mmgr, md5, 16));
    HPDF_Dict_Add(params, "CreationDate", HPDF_String_New(pdf->mmgr, date, NULL));
    HPDF_Dict_Add(params, "ModDate", HPDF_String_New(pdf->mmgr, date, NULL));
    HPDF_Dict_Add(ef, "Params", params);
    return ef;
}

static HPDF_Dict file_spec(HPDF_Doc pdf, const pdf_attachment *a, const char *date)
{
    HPDF_Dict spec = HPDF_Dict_New(pdf->mmgr);
    if (!spec || HPDF_Xref_Add(pdf->xref, spec) != HPDF_OK)
        return NULL;
    HPDF_Dict ef = embedded_file(pdf, a, date);
    HPDF_Dict_AddName(spec, "Type", "Filespec");
    /* /F is a byte string, /UF the same name as a text string (PDF 1.7) */
    HPDF_Dict_Add(spec, "F", HPDF_String_New(pdf->mmgr, a->name, NULL));
    HPDF_Dict_Add(spec, "UF", pdf_text_string(pdf, a->name, strlen(a->name)));
    if (a->description)
        HPDF_Dict_Add(spec, "Desc", pdf_text_string(pdf, a->description, strlen(a->description)));
    HPDF_Dict streams = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(streams, "F", ef);
    HPDF_Dict_Add(streams, "UF", ef);
    HPDF_Dict_Add(spec, "EF", streams);
    HPDF_Dict_AddName(spec, "AFRelationship", "Source");
    return spec;
}

static int compare_names(const void *x, const void *y)
{
    const pdf_attachment *a = *(const pdf_attachment *const *)x;
    const pdf_attachment *b = *(const pdf_attachment *const *)y;
    return strcmp(a->name, b->name);
}

void pdf_attach_files(HPDF_Doc pdf, const pdf_attachment *files, size_t n, const char *date)
{
    if (n == 0)
        return;
    HPDF_Array af = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict *specs = xcalloc(n, sizeof *specs);
    for (size_t i = 0; i < n; i++) {
        specs[i] = file_spec(pdf, &files[i], date);
        HPDF_Array_Add(af, specs[i]);
    }
    HPDF_Dict_Add(pdf->catalog, "AF", af);
    /* the name tree's keys must be in order: sort a view of the files */
    const pdf_attachment **sorted = xmalloc(n * sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = &files[i];
    qsort(sorted, n, sizeof *sorted, compare_names);
    HPDF_Array names = HPDF_Array_New(pdf->mmgr);
    for (size_t i = 0; i < n; i++) {
        size_t k = (size_t)(sorted[i] - files);
        HPDF_Array_Add(names, HPDF_String_New(pdf->mmgr, files[k].name, NULL));
        HPDF_Array_Add(names, specs[k]);
    }
    HPDF_Dict tree = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(tree, "Names", names);
    HPDF_Dict name_dict = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(name_dict, "EmbeddedFiles", tree);
    HPDF_Dict_Add(pdf->catalog, "Names", name_dict);
    free(sorted);
    free(specs);
}
