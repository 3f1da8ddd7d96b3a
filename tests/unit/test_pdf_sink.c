/* test_pdf_sink.c — the save's sink: bytes hashed as they pass, the
 * placeholders found across the pieces libharu writes, and the seal in
 * place, in memory and in a file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pdf/pdf_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A file shaped like a saved booklet: the XMP packet with its instance
 * placeholder, a decoy placeholder in content, then the trailer's /ID. */
static char *fake_file(size_t *instance_at, size_t *len)
{
    char id[33];
    pdf_archive_id_placeholder(id);
    char *f = malloc(4096);
    int n = snprintf(f, 4096,
                     "%%PDF-1.5\n1 0 obj\n<< /Decoy <%s> >>\nendobj\n2 0 obj\nstream\n"
                     "%sxx\" id=\"W5M0\"?>\n<x:xmpmeta>",
                     id, PDF_ARCHIVE_PACKET_START);
    const char *packet = strstr(f, PDF_ARCHIVE_PACKET_START);
    *instance_at = (size_t)n - (size_t)(packet - f);
    n += snprintf(f + n, 4096 - (size_t)n,
                  "%s</x:xmpmeta>\nendstream\nendobj\ntrailer\n<<\n/ID [<0011223344556677"
                  "8899AABBCCDDEEFF><%s>]\n>>\nstartxref\n9\n%%%%EOF\n",
                  PDF_XMP_INSTANCE_PLACEHOLDER, id);
    *len = (size_t)n;
    return f;
}

/* What sealing must give: the hash of the file as saved, placeholders in. */
static void expected_values(const char *file, size_t len, char instance[37], char id[33])
{
    uint8_t digest[32];
    base_sha256(file, len, digest);
    pdf_archive_seal_values(digest, instance, id);
}

/* Feed the file in pieces of `piece` bytes through libharu's stream. */
static void feed(pdf_sink *sink, HPDF_Doc pdf, const char *file, size_t len, size_t piece)
{
    HPDF_Stream out = pdf_sink_stream(sink, pdf->mmgr);
    assert_non_null(out);
    for (size_t at = 0; at < len; at += piece) {
        size_t n = len - at < piece ? len - at : piece;
        assert_int_equal(HPDF_Stream_Write(out, (const HPDF_BYTE *)file + at, (HPDF_UINT)n),
                         HPDF_OK);
    }
    HPDF_Stream_Free(out);
}

static void check_sealed(const char *sealed, const char *file, size_t len, size_t instance_at)
{
    char instance[37], id[33];
    expected_values(file, len, instance, id);
    const char *packet = strstr(file, PDF_ARCHIVE_PACKET_START);
    size_t at = (size_t)(packet - file) + instance_at;
    assert_memory_equal(sealed + at, instance, 36);
    char placeholder[33];
    pdf_archive_id_placeholder(placeholder);
    const char *trailer_id = strstr(strstr(file, "trailer"), placeholder);
    assert_memory_equal(sealed + (trailer_id - file), id, 32);
    /* the decoy, before the trailer, stays; so does everything else */
    assert_memory_equal(sealed, file, at);
    assert_memory_equal(sealed + at + 36, file + at + 36, (size_t)(trailer_id - file) - at - 36);
}

static void seals_in_memory_whatever_the_pieces(void **state)
{
    (void)state;
    size_t instance_at, len;
    char *file = fake_file(&instance_at, &len);
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    size_t pieces[] = {1, 2, 3, 7, 16, 17, 31, 4096};
    for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++) {
        pdf_sink *sink = pdf_sink_new(-1);
        feed(sink, pdf, file, len, pieces[k]);
        assert_int_equal(pdf_sink_size(sink), len);
        assert_true(pdf_sink_seal(sink, instance_at));
        assert_int_equal(pdf_sink_error(sink), 0);
        check_sealed((const char *)pdf_sink_bytes(sink), file, len, instance_at);
        pdf_sink_free(sink);
    }
    HPDF_Free(pdf);
    free(file);
}

static void seals_a_file_in_place(void **state)
{
    (void)state;
    size_t instance_at, len;
    char *file = fake_file(&instance_at, &len);
    char path[] = "/tmp/briefc-sink-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    pdf_sink *sink = pdf_sink_new(fd);
    feed(sink, pdf, file, len, 5);
    assert_null(pdf_sink_bytes(sink)); /* nothing kept: it is in the file */
    assert_true(pdf_sink_seal(sink, instance_at));
    pdf_sink_free(sink);
    HPDF_Free(pdf);
    char *sealed = malloc(len + 1);
    assert_int_equal(pread(fd, sealed, len + 1, 0), (ssize_t)len);
    check_sealed(sealed, file, len, instance_at);
    close(fd);
    unlink(path);
    free(sealed);
    free(file);
}

/* A file without its placeholders cannot be sealed, and says so. */
static void refuses_without_placeholders(void **state)
{
    (void)state;
    size_t instance_at, len;
    char *file = fake_file(&instance_at, &len);
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    char *trailer = strstr(file, "trailer");
    size_t cut[] = {(size_t)(trailer - file),              /* no trailer */
                    (size_t)(strstr(file, "/ID") - file)}; /* trailer without /ID */
    for (size_t k = 0; k < 2; k++) {
        pdf_sink *sink = pdf_sink_new(-1);
        feed(sink, pdf, file, cut[k], 64);
        assert_false(pdf_sink_seal(sink, instance_at));
        pdf_sink_free(sink);
    }
    pdf_sink *sink = pdf_sink_new(-1); /* the instance id is not where it should be */
    feed(sink, pdf, file, len, 64);
    assert_false(pdf_sink_seal(sink, instance_at + 1));
    pdf_sink_free(sink);
    HPDF_Free(pdf);
    free(file);
}

/* A write that fails is kept as its errno; sealing then fails. */
static void keeps_a_failed_write(void **state)
{
    (void)state;
    size_t instance_at, len;
    char *file = fake_file(&instance_at, &len);
    FILE *full = fopen("/dev/full", "w");
    assert_non_null(full);
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    pdf_sink *sink = pdf_sink_new(fileno(full));
    feed(sink, pdf, file, len, len);
    assert_false(pdf_sink_seal(sink, instance_at));
    assert_int_equal(pdf_sink_error(sink), ENOSPC);
    pdf_sink_free(sink);
    HPDF_Free(pdf);
    fclose(full);
    free(file);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seals_in_memory_whatever_the_pieces),
        cmocka_unit_test(seals_a_file_in_place),
        cmocka_unit_test(refuses_without_placeholders),
        cmocka_unit_test(keeps_a_failed_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
