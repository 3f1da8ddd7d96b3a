/* pdf_stream.c — streams deflated on our side rather than in libharu's save:
 * the content of a stream dictionary set from data already deflated (marked
 * /FlateDecode through the dictionary's hook), and a page's content stream
 * deflated while the fonts' worker threads finish. */
#include "pdf_internal.h"

#include <zlib.h>
#include <stdlib.h>
#include <string.h>

/* libharu drops a /Filter key from a stream it does not filter itself, so
 * the key of a stream deflated here is written by the dictionary's hook. */
static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream stream)
{
    (void)dict;
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

void pdf_stream_set_deflated(HPDF_Dict d, const uint8_t *data, size_t len)
{
    /* a buffer of the stream's size (libharu's are 4 KB: a copy's small
     * stream would hold that much until the save) */
    HPDF_Stream exact = HPDF_MemStream_New(d->mmgr, len ? (HPDF_UINT)len : 1);
    if (exact) {
        HPDF_Stream_Free(d->stream);
        d->stream = exact;
    } else {
        HPDF_MemStream_FreeData(d->stream);
    }
    HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len);
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = write_flate_filter;
}

/* Deflate a page's content stream now, while the fonts' worker threads
 * finish: libharu would deflate it on this thread during the save, with
 * nothing left to overlap. (The default level: text operators compress
 * well, and the fastest level made the example 5% larger.) */
void pdf_stream_pack(HPDF_Dict contents)
{
    HPDF_Stream s = contents->stream;
    size_t len = 0;
    uint8_t *plain = xmalloc(s->size + 1);
    for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(s); i++) {
        HPDF_UINT n = 0;
        HPDF_BYTE *buf = HPDF_MemStream_GetBufPtr(s, i, &n);
        if (buf && len + n <= s->size) {
            memcpy(plain + len, buf, n);
            len += n;
        }
    }
    uLongf packed_len = compressBound(len);
    uint8_t *packed = xmalloc(packed_len);
    if (len == s->size && compress2(packed, &packed_len, plain, len, Z_DEFAULT_COMPRESSION) == Z_OK)
        pdf_stream_set_deflated(contents, packed, packed_len);
    free(packed);
    free(plain);
}
