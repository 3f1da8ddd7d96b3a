/* fuzz_booklet.c — the reader behind `briefc info` and `briefc extract`
 * (pdf_booklet_read, attachments decoded) on any bytes: no crash, leak or
 * undefined behaviour; a booklet read has sane fields, and every error is
 * one printable line. The input goes through a memfd, as fuzz_report's. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_check.h"
#include "pdf/pdf.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int input_fd = -1;
static char input_path[64];

static void write_input(const uint8_t *data, size_t size)
{
    if (input_fd < 0) {
        input_fd = memfd_create("fuzz-booklet.pdf", 0);
        FUZZ_CHECK(input_fd >= 0, "memfd_create failed");
        snprintf(input_path, sizeof input_path, "/proc/self/fd/%d", input_fd);
    }
    FUZZ_CHECK(ftruncate(input_fd, 0) == 0, "ftruncate failed");
    for (size_t done = 0; done < size;) {
        ssize_t n = pwrite(input_fd, data + done, size - done, (off_t)done);
        FUZZ_CHECK(n > 0, "pwrite failed");
        done += (size_t)n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    write_input(data, size);
    diag_list d = {0};
    pdf_booklet *b = pdf_booklet_read(input_path, true, &d);
    if (b) {
        FUZZ_CHECK(d.errors == 0, "a booklet read with %zu errors", d.errors);
        FUZZ_CHECK(b->briefc_version != NULL, "a booklet without briefc's version");
        for (size_t i = 0; i < b->nfiles; i++) {
            const pdf_booklet_file *f = &b->files[i];
            FUZZ_CHECK(f->name != NULL, "an attached file without a name");
            FUZZ_CHECK(f->data != NULL || f->len == 0, "attached file %zu without its data", i);
            FUZZ_CHECK(f->declared_size < 0 || (size_t)f->declared_size == f->len,
                       "attached file %zu is %zu bytes, declared %lld", i, f->len,
                       f->declared_size);
        }
    } else {
        FUZZ_CHECK(d.errors == 1, "a refused file gave %zu errors, not one", d.errors);
    }
    fuzz_check_diags(&d);
    diag_list_free(&d);
    pdf_booklet_free(b);
    return 0;
}
