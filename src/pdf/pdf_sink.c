/* pdf_sink.c — where libharu's save goes, and how it is sealed there.
 *
 * The saved file used to be held whole twice (libharu's memory stream, then
 * a copy in one piece to seal), which is twice the file on top of every
 * object at the very end of a build: 40 MB of a 3,000-page report's peak,
 * and 3 KB of every numbered copy. A sink takes the bytes as libharu writes
 * them instead: into the temporary file that becomes the booklet (a
 * regular file), or into one buffer (a pipe, a device or a descriptor,
 * which cannot be patched afterwards). Either way it hashes them as they
 * pass and notes where the placeholders of the identifiers are, so that
 * sealing (pdf_archive.c says what goes there) is a few bytes written back
 * in place: nothing is read again. */
#define _XOPEN_SOURCE 700 /* pread, pwrite */

#include "pdf_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* How much a sink into a file collects before it writes. */
#define FLUSH_AT (256 * 1024)

/* Where a fixed string occurs in a stream of pieces (Knuth–Morris–Pratt:
 * the /ID placeholder repeats its own first half, so a naive restart would
 * miss it after a near match). */
typedef struct matcher {
    const char *needle;
    size_t len, state;
    size_t fail[40];
    int64_t first, last; /* offsets of the first and the last match, -1 */
} matcher;

static void matcher_init(matcher *m, const char *needle)
{
    m->needle = needle;
    m->len = strlen(needle);
    m->state = 0;
    m->first = m->last = -1;
    m->fail[0] = 0;
    for (size_t i = 1, k = 0; i < m->len; i++) {
        while (k > 0 && needle[i] != needle[k])
            k = m->fail[k - 1];
        if (needle[i] == needle[k])
            k++;
        m->fail[i] = k;
    }
}

static void matcher_feed(matcher *m, const uint8_t *p, size_t n, uint64_t offset)
{
    size_t k = m->state;
    for (size_t i = 0; i < n; i++) {
        if (k == 0) { /* outside any match: on to the needle's first byte */
            const uint8_t *next = memchr(p + i, (uint8_t)m->needle[0], n - i);
            if (!next)
                break;
            i = (size_t)(next - p);
        }
        while (k > 0 && p[i] != (uint8_t)m->needle[k])
            k = m->fail[k - 1];
        if (p[i] == (uint8_t)m->needle[k] && ++k == m->len) {
            m->last = (int64_t)(offset + i + 1 - m->len);
            if (m->first < 0)
                m->first = m->last;
            k = m->fail[k - 1];
        }
    }
    m->state = k;
}

struct pdf_sink {
    int fd;           /* the file written into; -1: into memory */
    VEC(uint8_t) buf; /* into a file: what waits to be written; else the whole file */
    uint64_t size;    /* bytes taken so far */
    int err;          /* the errno of a failed write, else 0 */
    base_sha256_ctx hash;
    char id_placeholder[33]; /* the id matcher's needle */
    matcher packet, trailer, id;
};

pdf_sink *pdf_sink_new(int fd)
{
    pdf_sink *s = xcalloc(1, sizeof *s);
    s->fd = fd;
    base_sha256_init(&s->hash);
    matcher_init(&s->packet, PDF_ARCHIVE_PACKET_START);
    matcher_init(&s->trailer, "trailer");
    pdf_archive_id_placeholder(s->id_placeholder);
    matcher_init(&s->id, s->id_placeholder);
    return s;
}

void pdf_sink_free(pdf_sink *s)
{
    if (!s)
        return;
    free(s->buf.items);
    free(s);
}

static bool flush(pdf_sink *s)
{
    if (s->fd < 0 || s->err)
        return s->err == 0;
    if (!base_write_all(s->fd, s->buf.items, s->buf.count))
        s->err = errno;
    s->buf.count = 0;
    return s->err == 0;
}

static bool take(pdf_sink *s, const uint8_t *p, size_t n)
{
    base_sha256_update(&s->hash, p, n);
    matcher_feed(&s->packet, p, n, s->size);
    matcher_feed(&s->trailer, p, n, s->size);
    matcher_feed(&s->id, p, n, s->size);
    s->size += n;
    VEC_RESERVE(&s->buf, s->buf.count + n);
    memcpy(s->buf.items + s->buf.count, p, n);
    s->buf.count += n;
    return s->buf.count < FLUSH_AT || flush(s);
}

static HPDF_STATUS write_fn(HPDF_Stream stream, const HPDF_BYTE *ptr, HPDF_UINT siz)
{
    return take(stream->attr, ptr, siz) ? HPDF_OK : HPDF_FILE_IO_ERROR;
}

HPDF_Stream pdf_sink_stream(pdf_sink *s, HPDF_MMgr mmgr)
{
    return HPDF_CallbackWriter_New(mmgr, write_fn, s);
}

/* n bytes at offset, written back: into the buffer, or into the file. */
static bool patch(pdf_sink *s, uint64_t offset, const char *text, size_t n)
{
    if (s->fd < 0) {
        memcpy(s->buf.items + offset, text, n);
        return true;
    }
    if (pwrite(s->fd, text, n, (off_t)offset) == (ssize_t)n)
        return true;
    s->err = errno ? errno : EIO;
    return false;
}

/* Whether the n bytes at offset are expected (the placeholder is there). */
static bool holds(pdf_sink *s, uint64_t offset, const char *expected, size_t n)
{
    if (offset + n > s->size)
        return false;
    if (s->fd < 0)
        return memcmp(s->buf.items + offset, expected, n) == 0;
    char got[64];
    return n <= sizeof got && pread(s->fd, got, n, (off_t)offset) == (ssize_t)n &&
           memcmp(got, expected, n) == 0;
}

bool pdf_sink_seal(pdf_sink *s, size_t xmp_instance_at)
{
    if (!flush(s))
        return false;
    /* the packet's start cannot be mistaken (user text in the XMP is
     * escaped); the /ID is the placeholder after the last "trailer" */
    uint64_t instance = (uint64_t)s->packet.first + xmp_instance_at;
    size_t ilen = sizeof PDF_XMP_INSTANCE_PLACEHOLDER - 1;
    if (s->packet.first < 0 || s->trailer.last < 0 || s->id.last < s->trailer.last ||
        !holds(s, instance, PDF_XMP_INSTANCE_PLACEHOLDER, ilen))
        return false;
    uint8_t digest[32];
    base_sha256_final(&s->hash, digest);
    char instance_text[37], id_hex[33];
    pdf_archive_seal_values(digest, instance_text, id_hex);
    return patch(s, instance, instance_text, ilen) && patch(s, (uint64_t)s->id.last, id_hex, 32);
}

int pdf_sink_error(const pdf_sink *s)
{
    return s->err;
}

uint64_t pdf_sink_size(const pdf_sink *s)
{
    return s->size;
}

const uint8_t *pdf_sink_bytes(const pdf_sink *s)
{
    return s->fd < 0 ? s->buf.items : NULL;
}
