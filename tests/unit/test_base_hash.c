/* test_base_hash.c — the digests against their standards' test vectors,
 * name-based UUIDs against RFC 4122's, and the file-hash cache. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/base.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *hex_of(const uint8_t *d, size_t n)
{
    static char buf[129];
    base_hex(d, n, buf);
    return buf;
}

static void md5_vectors(void **state)
{
    (void)state;
    /* RFC 1321, appendix A.5 */
    static const char *const in[] = {
        "", "a", "abc", "message digest",
        "1234567890123456789012345678901234567890123456789012345678901234"
        "5678901234567890"};
    static const char *const out[] = {
        "d41d8cd98f00b204e9800998ecf8427e", "0cc175b9c0f1b6a831c399e269772661",
        "900150983cd24fb0d6963f7d28e17f72", "f96b697d7cb7938d525a2f31aaf161d0",
        "57edf4a22be3c955ac49da2e2107b67a"};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        uint8_t d[16];
        base_md5(in[i], strlen(in[i]), d);
        assert_string_equal(hex_of(d, 16), out[i]);
    }
}

static void sha1_vectors(void **state)
{
    (void)state;
    uint8_t d[20];
    base_sha1("abc", 3, d); /* FIPS 180-4 examples */
    assert_string_equal(hex_of(d, 20), "a9993e364706816aba3e25717850c26c9cd0d89d");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    base_sha1(two, strlen(two), d);
    assert_string_equal(hex_of(d, 20), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

static void sha256_vectors(void **state)
{
    (void)state;
    uint8_t d[32];
    base_sha256("abc", 3, d);
    assert_string_equal(hex_of(d, 32),
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    base_sha256(two, strlen(two), d);
    assert_string_equal(hex_of(d, 32),
                        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* a million 'a': many blocks */
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    base_sha256(a, 1000000, d);
    free(a);
    assert_string_equal(hex_of(d, 32),
                        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    /* lengths around the padding boundary (55, 56, 63, 64 bytes) differ */
    char buf[65];
    memset(buf, 'x', sizeof buf);
    char seen[4][65];
    size_t lens[] = {55, 56, 63, 64};
    for (int i = 0; i < 4; i++) {
        base_sha256(buf, lens[i], d);
        strcpy(seen[i], hex_of(d, 32));
        for (int k = 0; k < i; k++)
            assert_string_not_equal(seen[i], seen[k]);
    }
}

/* Pieces of every size, across block edges, hash as the whole does: the
 * million 'a' of FIPS 180-4 in pieces of 1, 7, 63, 64, 65 and 4,099 bytes. */
static void sha256_in_pieces(void **state)
{
    (void)state;
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    size_t sizes[] = {1, 7, 63, 64, 65, 4099};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        base_sha256_ctx c;
        base_sha256_init(&c);
        for (size_t at = 0; at < 1000000; at += sizes[k])
            base_sha256_update(&c, a + at, 1000000 - at < sizes[k] ? 1000000 - at : sizes[k]);
        uint8_t d[32];
        base_sha256_final(&c, d);
        assert_string_equal(hex_of(d, 32),
                            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
    free(a);
    base_sha256_ctx empty;
    base_sha256_init(&empty);
    uint8_t d[32];
    base_sha256_final(&empty, d);
    assert_string_equal(hex_of(d, 32),
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void uuid5_of_a_name(void **state)
{
    (void)state;
    /* RFC 4122's DNS namespace; Python's uuid.uuid5(NAMESPACE_DNS, "python.org") */
    static const uint8_t dns[16] = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                    0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    uint8_t id[16];
    char text[37];
    base_uuid5(dns, "python.org", 10, id);
    base_uuid_format(id, text);
    assert_string_equal(text, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

static void file_hash_cache(void **state)
{
    (void)state;
    char dir[] = "/tmp/briefc-hash-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cache[64], file[64]; /* under a 23-byte dir */
    snprintf(cache, sizeof cache, "%s/cache", dir);
    snprintf(file, sizeof file, "%s/f.bin", dir);
    setenv("BRIEFC_CACHE_DIR", cache, 1);
    FILE *f = fopen(file, "w");
    fputs("abc", f);
    fclose(f);
    uint8_t d[32];
    assert_true(base_file_sha256(file, d));
    assert_string_equal(hex_of(d, 32),
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    char entry[128];
    snprintf(entry, sizeof entry, "%s/file-sha256.txt", cache);
    struct stat st;
    assert_int_equal(stat(entry, &st), 0);  /* remembered */
    assert_true(base_file_sha256(file, d)); /* from the cache: same answer */
    assert_string_equal(hex_of(d, 32),
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /* a changed file (another size) is hashed again, never taken from the cache */
    f = fopen(file, "w");
    fputs("abcd", f);
    fclose(f);
    assert_true(base_file_sha256(file, d));
    assert_string_equal(hex_of(d, 32),
                        "88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589");
    /* no cache at all: still right */
    setenv("BRIEFC_CACHE_DIR", "off", 1);
    assert_true(base_file_sha256(file, d));
    assert_string_equal(hex_of(d, 32),
                        "88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589");
    assert_false(base_file_sha256(dir, d)); /* not a regular file */
    unsetenv("BRIEFC_CACHE_DIR");
    unlink(file);
    unlink(entry);
    rmdir(cache);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(md5_vectors),     cmocka_unit_test(sha1_vectors),
        cmocka_unit_test(sha256_vectors),  cmocka_unit_test(sha256_in_pieces),
        cmocka_unit_test(uuid5_of_a_name), cmocka_unit_test(file_hash_cache),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
