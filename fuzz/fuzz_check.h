/* fuzz_check.h — what the harnesses share: a failed invariant aborts with a
 * message (libFuzzer reports it as a crash and saves the input), and every
 * diagnostic is sorted and printed so that the messages' own code runs too.
 * Header-only: each harness is one translation unit. */
#ifndef BRIEFC_FUZZ_CHECK_H
#define BRIEFC_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

#define FUZZ_CHECK(cond, ...)                                                                      \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz invariant failed at %s:%d: %s: ", __FILE__, __LINE__, #cond);    \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* Every diagnostic has a message and a sane position, they sort, and what
 * diag_print writes holds no control character but tab and line feed:
 * control characters never reach a terminal raw (issue 7, item 7). */
static inline void fuzz_check_diags(diag_list *d)
{
    size_t errors = 0;
    for (size_t i = 0; i < d->count; i++) {
        const diag *g = &d->items[i];
        FUZZ_CHECK(g->message != NULL, "diagnostic %zu has no message", i);
        FUZZ_CHECK(g->line >= 0 && g->col >= 0, "diagnostic at %d:%d", g->line, g->col);
        errors += g->level == DIAG_ERROR;
    }
    FUZZ_CHECK(errors == d->errors, "%zu errors counted, %zu listed", d->errors, errors);
    diag_sort(d);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    FUZZ_CHECK(out != NULL, "open_memstream failed");
    diag_print(d, out);
    fclose(out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        FUZZ_CHECK((c >= 0x20 && c != 0x7f) || c == '\t' || c == '\n',
                   "byte 0x%02x printed raw in \"%.200s\"", c, text + (i > 100 ? i - 100 : 0));
    }
    free(text);
}

#endif
