/* pdf_stream.c — streams deflated on our side rather than in libharu's save:
 * the content of a stream dictionary set from data already deflated (marked
 * /FlateDecode through the dictionary's hook), and the pages' content
 * streams deflated on a worker thread while later pages are drawn. */
#include "pdf_internal.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

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

/* A stream's bytes in one piece (heap), or NULL when libharu's buffers do
 * not add up to its size. */
static uint8_t *plain_bytes(HPDF_Stream s, size_t *len)
{
    uint8_t *plain = xmalloc(s->size + 1);
    *len = 0;
    for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(s); i++) {
        HPDF_UINT n = 0;
        HPDF_BYTE *buf = HPDF_MemStream_GetBufPtr(s, i, &n);
        if (buf && *len + n <= s->size) {
            memcpy(plain + *len, buf, n);
            *len += n;
        }
    }
    if (*len == s->size)
        return plain;
    free(plain);
    return NULL;
}

/* The default level: text operators compress well, and the fastest level
 * made the example 5% larger. Z_FILTERED (matches first, fewer literals
 * spent on short ones) suits operators and figures: the example's page
 * streams 2.4% smaller, and a long report's deflated 11% faster. NULL when
 * zlib fails. */
static uint8_t *deflate_bytes(const uint8_t *plain, size_t len, size_t *packed_len)
{
    z_stream z = {0};
    if (len > UINT_MAX ||
        deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15, 8, Z_FILTERED) != Z_OK)
        return NULL;
    uLong n = deflateBound(&z, len);
    uint8_t *packed = xmalloc(n);
    z.next_in = (Bytef *)plain;
    z.avail_in = (uInt)len;
    z.next_out = packed;
    z.avail_out = (uInt)n;
    int done = deflate(&z, Z_FINISH);
    *packed_len = z.total_out;
    deflateEnd(&z);
    if (done != Z_STREAM_END) {
        free(packed);
        return NULL;
    }
    return packed;
}

void pdf_stream_pack(HPDF_Dict contents)
{
    size_t len, packed_len;
    uint8_t *plain = plain_bytes(contents->stream, &len);
    uint8_t *packed = plain ? deflate_bytes(plain, len, &packed_len) : NULL;
    if (packed)
        pdf_stream_set_deflated(contents, packed, packed_len);
    free(packed);
    free(plain);
}

/* ---- the packer: page content deflated beside the drawing ---- */

/* Deflating the pages' content was a sixth of a long report's time, all of
 * it on the thread that draws. The packer hands each drawn page to a worker
 * thread instead, which touches nothing but that page's bytes (copied out
 * of libharu's buffers, which are freed at once) and zlib; the deflated
 * bytes go back into the stream on the drawing thread, as later pages are
 * added or at the end. When the worker falls behind by QUEUE_MAX pages, the
 * drawing thread deflates the page itself: memory stays bounded and both
 * cores work. The bytes are zlib's whoever runs it: the PDF does not depend
 * on timing. */
enum { QUEUE_MAX = 8 };

typedef struct pack_job {
    HPDF_Dict contents;
    uint8_t *plain, *packed;
    size_t len, packed_len;
    struct pack_job *next;
} pack_job;

struct pdf_packer {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pack_job *todo, *todo_tail; /* waiting for the worker, oldest first */
    pack_job *done;             /* deflated, to be put into their streams */
    size_t waiting;
    bool closing, threaded;
    pthread_t worker;
};

static void *pack_worker(void *arg)
{
    pdf_packer *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->todo && !p->closing)
            pthread_cond_wait(&p->wake, &p->lock);
        pack_job *j = p->todo;
        if (!j)
            break; /* closing, and nothing left */
        p->todo = j->next;
        if (!p->todo)
            p->todo_tail = NULL;
        p->waiting--;
        pthread_mutex_unlock(&p->lock);
        j->packed = deflate_bytes(j->plain, j->len, &j->packed_len);
        pthread_mutex_lock(&p->lock);
        j->next = p->done;
        p->done = j;
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

pdf_packer *pdf_packer_start(bool threaded)
{
    pdf_packer *p = xcalloc(1, sizeof *p);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    p->threaded = threaded && pthread_create(&p->worker, NULL, pack_worker, p) == 0;
    return p;
}

/* The deflated bytes into their stream (left plain if zlib failed). */
static void install(pack_job *j)
{
    if (j->packed)
        pdf_stream_set_deflated(j->contents, j->packed, j->packed_len);
    else
        HPDF_Stream_Write(j->contents->stream, j->plain, (HPDF_UINT)j->len);
    free(j->plain);
    free(j->packed);
    free(j);
}

static void install_done(pdf_packer *p)
{
    pthread_mutex_lock(&p->lock);
    pack_job *done = p->done;
    p->done = NULL;
    pthread_mutex_unlock(&p->lock);
    for (pack_job *next; done; done = next) {
        next = done->next;
        install(done);
    }
}

void pdf_packer_add(pdf_packer *p, HPDF_Dict contents)
{
    install_done(p);
    pack_job *j = xcalloc(1, sizeof *j);
    j->contents = contents;
    j->plain = plain_bytes(contents->stream, &j->len);
    if (!j->plain) { /* cannot be read back: left as it is, plain */
        free(j);
        return;
    }
    HPDF_MemStream_FreeData(contents->stream);
    pthread_mutex_lock(&p->lock);
    bool queue = p->threaded && p->waiting < QUEUE_MAX;
    if (queue) {
        if (p->todo_tail)
            p->todo_tail->next = j;
        else
            p->todo = j;
        p->todo_tail = j;
        p->waiting++;
        pthread_cond_signal(&p->wake);
    }
    pthread_mutex_unlock(&p->lock);
    if (!queue) {
        j->packed = deflate_bytes(j->plain, j->len, &j->packed_len);
        install(j);
    }
}

void pdf_packer_finish(pdf_packer *p)
{
    if (!p)
        return;
    if (p->threaded) {
        pthread_mutex_lock(&p->lock);
        p->closing = true;
        pthread_cond_signal(&p->wake);
        pthread_mutex_unlock(&p->lock);
        pthread_join(p->worker, NULL);
    }
    install_done(p);
    pthread_cond_destroy(&p->wake);
    pthread_mutex_destroy(&p->lock);
    free(p);
}
