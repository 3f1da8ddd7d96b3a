/* test_base.c — diagnostics as printed: the one-line format, and control
 * characters, bidirectional overrides and bytes that are not UTF-8
 * written as <U+XXXX> and <0xXX> so that author text quoted in a message
 * can never act on the terminal; and base_write_all. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/base.h"

/* What diag_print writes for d. */
static char *printed(const diag_list *d)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    assert_non_null(f);
    diag_print(d, f);
    fclose(f);
    return text;
}

static void expect_printed(const diag_list *d, const char *want)
{
    char *have = printed(d);
    if (strcmp(have, want) != 0) {
        print_message("have: %s\nwant: %s\n", have, want);
        free(have);
        fail();
    }
    free(have);
}

static void test_format(void **state)
{
    (void)state;
    diag_list d = {0};
    diag_add(&d, DIAG_ERROR, "r.yaml", 3, 7, "unknown key '%s'", "罗湖");
    diag_add(&d, DIAG_WARNING, "r.yaml", 0, 0, "no position");
    diag_add(&d, DIAG_ERROR, NULL, 0, 0, "no file");
    expect_printed(&d, "r.yaml:3:7: error: unknown key '罗湖'\n"
                       "r.yaml: warning: no position\n"
                       "briefc: error: no file\n");
    diag_list_free(&d);
}

static void test_controls_are_escaped(void **state)
{
    (void)state;
    diag_list d = {0};
    diag_add(&d, DIAG_ERROR, "r.yaml", 1, 1, "no installed font has U+001B '\033[31m'\a");
    diag_add(&d, DIAG_ERROR, "r.yaml", 2, 1, "tab\there, line\nbreak, DEL\x7f");
    diag_add(&d, DIAG_ERROR, "r.yaml", 3, 1,
             "C1 CSI \xC2\x9B"
             "2J and NEL \xC2\x85");
    diag_add(&d, DIAG_ERROR, "r.yaml", 4, 1,
             "bidi \xE2\x80\xAE"
             "abc\xE2\x81\xA6 LS \xE2\x80\xA8");
    diag_add(&d, DIAG_ERROR, "r.yaml", 5, 1,
             "raw byte \x9B"
             "2J, cut \xE7\xBD");
    diag_add(&d, DIAG_ERROR, "evil\033]0;title\a.yaml", 6, 1, "file name");
    expect_printed(&d, "r.yaml:1:1: error: no installed font has U+001B '<U+001B>[31m'<U+0007>\n"
                       "r.yaml:2:1: error: tab<U+0009>here, line<U+000A>break, DEL<U+007F>\n"
                       "r.yaml:3:1: error: C1 CSI <U+009B>2J and NEL <U+0085>\n"
                       "r.yaml:4:1: error: bidi <U+202E>abc<U+2066> LS <U+2028>\n"
                       "r.yaml:5:1: error: raw byte <0x9B>2J, cut <0xE7><0xBD>\n"
                       "evil<U+001B>]0;title<U+0007>.yaml:6:1: error: file name\n");
    diag_list_free(&d);
}

static void test_is_control(void **state)
{
    (void)state;
    static const uint32_t controls[] = {0x00,   0x09,   0x0A,   0x1B,   0x1F,   0x7F,
                                        0x80,   0x85,   0x9F,   0x061C, 0x200E, 0x200F,
                                        0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069};
    static const uint32_t text[] = {0x20,   0x7E,   0xA0,   0xE9,   0x3000, 0x4E00,
                                    0x200B, 0x2030, 0x2065, 0x206A, 0xFF0C, 0x20BB7};
    for (size_t i = 0; i < sizeof controls / sizeof *controls; i++)
        assert_true(utf8_is_control(controls[i]));
    for (size_t i = 0; i < sizeof text / sizeof *text; i++)
        assert_false(utf8_is_control(text[i]));
}

/* Cuts land on character boundaries: never inside 中 (3 bytes). */
static void test_utf8_floor(void **state)
{
    (void)state;
    const char *s = "a中b"; /* a, then 中 at bytes 1-3, then b at 4 */
    assert_int_equal(utf8_floor(s, 0), 0);
    assert_int_equal(utf8_floor(s, 1), 1);
    assert_int_equal(utf8_floor(s, 2), 1);
    assert_int_equal(utf8_floor(s, 3), 1);
    assert_int_equal(utf8_floor(s, 4), 4);
    assert_int_equal(utf8_floor(s, 5), 5); /* the end */
}

/* A reset arena hands out fresh, zeroed memory again, small and large
 * (a freed block reused would show here, and to the sanitizers). */
static void test_arena_reset(void **state)
{
    (void)state;
    arena *a = arena_new();
    for (int round = 0; round < 3; round++) {
        char *small = arena_strdup(a, "罗湖");
        uint8_t *large = arena_alloc(a, 100000);
        for (size_t i = 0; i < 100000; i++)
            assert_int_equal(large[i], 0);
        memset(large, 0xAB, 100000);
        assert_string_equal(small, "罗湖");
        arena_reset(a);
    }
    assert_string_equal(arena_printf(a, "%d", 17), "17");
    arena_free(a);
}

/* Arenas in a pool: blocks cut from shared chunks, zeroed, and a chunk
 * given back to the system once every block cut from it is freed (the last
 * chunk stays for the blocks to come). */
static void test_arena_pool(void **state)
{
    (void)state;
    enum { CHUNK = 64 * 1024 };
    arena_pool *pool = arena_pool_new(CHUNK);
    assert_int_equal(arena_pool_mapped(pool), 0);
    arena *pages[8];
    for (int i = 0; i < 8; i++) { /* 16 KB blocks: 3 to a chunk with their headers */
        pages[i] = arena_new_in(pool, 16 * 1024);
        uint8_t *p = arena_alloc(pages[i], 1000);
        for (int k = 0; k < 1000; k++)
            assert_int_equal(p[k], 0);
        memset(p, i + 1, 1000);
    }
    size_t all = arena_pool_mapped(pool);
    assert_true(all >= 3 * CHUNK);
    uint8_t *big = arena_alloc(pages[7], 200 * 1024); /* larger than a chunk: its own */
    big[200 * 1024 - 1] = 7;
    size_t with_big = arena_pool_mapped(pool);
    assert_true(with_big > all);
    for (int i = 0; i < 4; i++)
        arena_free(pages[i]);
    assert_int_equal(arena_pool_mapped(pool), with_big - CHUNK); /* the first chunk went back */
    assert_int_equal(*(uint8_t *)arena_alloc(pages[5], 8), 0);
    for (int i = 4; i < 8; i++)
        arena_free(pages[i]);
    assert_true(arena_pool_mapped(pool) <= 200 * 1024 + CHUNK);
    arena_pool_free(pool);
}

/* Everything reaches a pipe, in however many pieces the kernel takes; a
 * full device is an error with its errno. */
static void test_write_all(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    char data[100000];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (char)(i * 7);
    fcntl(p[1], F_SETPIPE_SZ, 4096); /* smaller than the data: several writes */
    pid_t writer = fork();
    if (writer == 0) {
        close(p[0]);
        _exit(base_write_all(p[1], data, sizeof data) ? 0 : 1);
    }
    close(p[1]);
    char got[sizeof data];
    size_t n = 0;
    ssize_t k;
    while ((k = read(p[0], got + n, sizeof got - n)) > 0)
        n += (size_t)k;
    close(p[0]);
    int status = -1;
    waitpid(writer, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(n, sizeof data);
    assert_memory_equal(got, data, sizeof data);
    int full = open("/dev/full", O_WRONLY);
    if (full >= 0) {
        errno = 0;
        assert_false(base_write_all(full, data, 10));
        assert_int_equal(errno, ENOSPC);
        close(full);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format),     cmocka_unit_test(test_controls_are_escaped),
        cmocka_unit_test(test_is_control), cmocka_unit_test(test_utf8_floor),
        cmocka_unit_test(test_write_all),  cmocka_unit_test(test_arena_reset),
        cmocka_unit_test(test_arena_pool),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
