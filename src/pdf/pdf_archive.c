/* pdf_archive.c — what makes a booklet archival (PDF/A): the metadata
 * stream, the output intent with its ICC profile, the CIDSet of each subset
 * font, and the file's identifiers, which come from its content so that a
 * rebuild gives the same bytes.
 *
 * The identifiers: the first half of the trailer's /ID and the XMP
 * DocumentID are the document's identity (a UUID from meta.id, so every
 * version of a report shares it); the second half of /ID and the XMP
 * InstanceID come from the SHA-256 of the finished file as written with both
 * placeholders in place (pdf_sink.c fills them in). To check a file, put the
 * placeholders back and hash it. */
#include "pdf_internal.h"

#include <stdlib.h>
#include <string.h>

/* RFC 4122 name-based namespaces of briefc's own: the UUIDs of
 * urn:briefc:document and urn:briefc:instance in the URL namespace. */
static const uint8_t DOCUMENT_NAMESPACE[16] = {0x23, 0xcf, 0xdf, 0x64, 0x1a, 0xea, 0x54, 0xeb,
                                               0x94, 0x83, 0x4a, 0x08, 0xa7, 0x28, 0xe9, 0xc5};
static const uint8_t INSTANCE_NAMESPACE[16] = {0x12, 0x50, 0xf9, 0x7d, 0x14, 0x61, 0x5f, 0xa5,
                                               0x83, 0x51, 0x85, 0x33, 0xcb, 0x93, 0x80, 0x90};

/* Sixteen bytes no real identifier is, written as the /ID's second half
 * until the file's hash replaces them. */
static const uint8_t ID_PLACEHOLDER[16] = {0xB7, 0x1E, 0xFC, 0x00, 0x5A, 0xFE, 0x1D, 0x00,
                                           0xB7, 0x1E, 0xFC, 0x00, 0x5A, 0xFE, 0x1D, 0x00};

void pdf_archive_document_id(const layout_info *info, uint8_t out[16])
{
    /* from the id when there is one, so that versions share it; else the title */
    const char *name = info->doc_id ? info->doc_id : info->title ? info->title : "";
    const char *kind = info->doc_id ? "id:" : "title:";
    size_t n = strlen(kind) + strlen(name);
    char *key = xmalloc(n + 1);
    strcpy(key, kind);
    strcat(key, name);
    base_uuid5(DOCUMENT_NAMESPACE, key, n, out);
    free(key);
}

void pdf_archive_metadata(HPDF_Doc pdf, const char *xmp, size_t len)
{
    HPDF_Dict meta = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!meta)
        return;
    meta->filter = HPDF_STREAM_FILTER_NONE; /* PDF/A-1: readable without a decoder */
    HPDF_Dict_AddName(meta, "Type", "Metadata");
    HPDF_Dict_AddName(meta, "Subtype", "XML");
    HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)xmp, (HPDF_UINT)len);
    HPDF_Dict_Add(pdf->catalog, "Metadata", meta);
}

void pdf_archive_output_intent(HPDF_Doc pdf, const pdf_icc_profile *icc)
{
    HPDF_Dict profile = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!profile)
        return;
    profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Dict_AddNumber(profile, "N", icc->components);
    HPDF_Stream_Write(profile->stream, icc->data, (HPDF_UINT)icc->len);
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                  HPDF_String_New(pdf->mmgr, icc->identifier, NULL));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, icc->identifier, NULL));
    HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
}

HPDF_Dict pdf_archive_cidset(HPDF_Doc pdf, const uint32_t *cids, size_t n)
{
    uint32_t max = 0;
    for (size_t i = 0; i < n; i++)
        max = cids[i] > max ? cids[i] : max;
    size_t bytes = max / 8 + 1;
    uint8_t *bits = xcalloc(bytes, 1);
    bits[0] = 0x80; /* CID 0, .notdef, is in every font program */
    for (size_t i = 0; i < n; i++)
        bits[cids[i] / 8] |= (uint8_t)(0x80 >> (cids[i] % 8));
    HPDF_Dict set = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (set) {
        set->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        HPDF_Stream_Write(set->stream, bits, (HPDF_UINT)bytes);
    }
    free(bits);
    return set;
}

static void upper_hex(char *h)
{
    for (; *h; h++)
        *h = (char)(*h >= 'a' && *h <= 'f' ? *h - 'a' + 'A' : *h);
}

void pdf_archive_trailer_id(HPDF_Doc pdf, const uint8_t document_id[16])
{
    HPDF_Array id = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)document_id, 16));
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)ID_PLACEHOLDER, 16));
    HPDF_Dict_Add(pdf->trailer, "ID", id);
}

void pdf_archive_id_placeholder(char hex[33])
{
    base_hex(ID_PLACEHOLDER, 16, hex);
    upper_hex(hex); /* as libharu writes a binary string */
}

void pdf_archive_seal_values(const uint8_t digest[32], char instance[37], char id_hex[33])
{
    char digest_hex[65];
    base_hex(digest, 32, digest_hex);
    uint8_t uuid[16];
    base_uuid5(INSTANCE_NAMESPACE, digest_hex, 64, uuid);
    base_uuid_format(uuid, instance);
    base_hex(digest, 16, id_hex);
    upper_hex(id_hex);
}
