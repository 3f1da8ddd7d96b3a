/* pdf_pdfa.c — what PDF/A asks of a document beyond its pages: the XMP
 * packet (the report, the layout, each font with the SHA-256 of its file,
 * each attached source), the output intent, the attached files and the
 * identifiers, whose placeholders the save's sink fills in (pdf_sink.c). */
#include "pdf_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "family\tfile\tsha256" for each embedded font, in the order of use. */
static char **font_records(const pdf_fonts *fonts, diag_list *errors)
{
    char **records = xcalloc(fonts->count + 1, sizeof *records);
    for (size_t i = 0; i < fonts->count; i++) {
        const text_font_info *info = text_font_get_info(fonts->items[i]->font);
        uint8_t digest[32];
        char hex[65];
        if (!base_file_sha256(info->path, digest)) {
            diag_add(errors, DIAG_ERROR, NULL, 0, 0,
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
void pdf_pdfa_prepare(HPDF_Doc pdf, const pdf_pdfa_parts *p, size_t *xmp_instance_at,
                      diag_list *errors)
{
    const layout_info *info = &p->doc->info;
    uint8_t document_id[16];
    char document_uuid[37];
    pdf_archive_document_id(info, document_id);
    base_uuid_format(document_id, document_uuid);
    const pdf_options *o = p->options;
    char **fonts = font_records(p->fonts, errors), **sources = source_records(o);
    pdf_xmp x = {
        .info = info,
        .producer = PDF_PRODUCER,
        .part = o->nattachments ? 3 : 1, /* associated files are PDF/A-3's */
        .document_id = document_uuid,
        .layout = o->layout,
        .lang = o->lang        ? o->lang
                : p->doc->lang ? p->doc->lang
                               : "zh-CN",
        .fonts = (const char *const *)fonts,
        .nfonts = p->fonts->count,
        .sources = (const char *const *)sources,
        .nsources = o->nattachments,
    };
    size_t len;
    char *xmp = pdf_xmp_packet(&x, &len, xmp_instance_at);
    pdf_archive_metadata(pdf, xmp, len);
    free(xmp);
    free_records(fonts, p->fonts->count);
    free_records(sources, o->nattachments);
    pdf_archive_output_intent(pdf, o->cmyk ? &pdf_icc_cmyk : &pdf_icc_srgb);
    char date[64];
    pdf_date(info->date, info->tz_minutes, date, sizeof date);
    pdf_attach_files(pdf, o->attachments, o->nattachments, date);
    pdf_archive_trailer_id(pdf, document_id);
}
