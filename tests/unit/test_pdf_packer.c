/* test_pdf_packer.c — content streams deflated on the packer's worker give
 * the very bytes deflating them in place gives, whatever the timing: every
 * stream, in any number, the queue full or not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pdf/pdf_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A page's worth of operators, different for each k. */
static void fill(HPDF_Dict d, int k)
{
    char line[96];
    for (int i = 0; i < 200 + k * 37; i++) {
        snprintf(line, sizeof line, "1 0 0 1 %d.%03d %d Tm\n[<%04X>%d<%04X>] TJ\n", k + i, i % 997,
                 700 - i % 50, (unsigned)(k * 31 + i) & 0xffff, -i % 250, (unsigned)i & 0xffff);
        HPDF_Stream_WriteStr(d->stream, line);
    }
}

static HPDF_Dict new_stream(HPDF_Doc pdf)
{
    HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    assert_non_null(d);
    d->filter = HPDF_STREAM_FILTER_NONE;
    return d;
}

/* The stream's bytes (heap) and their count. */
static uint8_t *bytes_of(HPDF_Dict d, size_t *len)
{
    HPDF_Stream s = d->stream;
    uint8_t *out = malloc(s->size + 1);
    *len = 0;
    for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(s); i++) {
        HPDF_UINT n = 0;
        HPDF_BYTE *buf = HPDF_MemStream_GetBufPtr(s, i, &n);
        memcpy(out + *len, buf, n);
        *len += n;
    }
    return out;
}

static void same_as_in_place(size_t count, bool threaded)
{
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    assert_non_null(pdf);
    HPDF_Dict *mine = calloc(count, sizeof *mine), *ref = calloc(count, sizeof *ref);
    pdf_packer *p = pdf_packer_start(threaded);
    for (size_t k = 0; k < count; k++) {
        mine[k] = new_stream(pdf);
        ref[k] = new_stream(pdf);
        fill(mine[k], (int)k);
        fill(ref[k], (int)k);
        pdf_packer_add(p, mine[k]); /* many at once: the queue fills up */
        pdf_stream_pack(ref[k]);
    }
    pdf_packer_finish(p);
    for (size_t k = 0; k < count; k++) {
        size_t a, b;
        uint8_t *x = bytes_of(mine[k], &a), *y = bytes_of(ref[k], &b);
        assert_int_equal(a, b);
        assert_memory_equal(x, y, a);
        assert_true(a > 0 && x[0] == 0x78); /* a zlib stream, not the plain text */
        assert_ptr_equal(mine[k]->write_fn, ref[k]->write_fn); /* marked /FlateDecode */
        free(x);
        free(y);
    }
    free(mine);
    free(ref);
    HPDF_Free(pdf);
}

static void one_stream(void **state)
{
    (void)state;
    same_as_in_place(1, true);
    same_as_in_place(1, false);
}

static void many_streams(void **state)
{
    (void)state;
    same_as_in_place(300, true);
    same_as_in_place(300, false); /* on the calling thread, as a batch's builds do */
}

static void nothing_added(void **state)
{
    (void)state;
    pdf_packer_finish(pdf_packer_start(true)); /* the worker ends with nothing to do */
    pdf_packer_finish(pdf_packer_start(false));
    pdf_packer_finish(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_stream),
        cmocka_unit_test(many_streams),
        cmocka_unit_test(nothing_added),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
